/**
 * `header` as JSON text with `rawJson` (already JSON text) added under `key` as it is: a stored
 * plan or run can be megabytes, and parsing and re-serialising it would stall the event loop.
 */
export function spliceJson(header: object, key: string, rawJson: string): string {
  return `${JSON.stringify(header).slice(0, -1)},${JSON.stringify(key)}:${rawJson}}`;
}
