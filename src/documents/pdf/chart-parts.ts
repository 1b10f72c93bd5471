/** Pieces the charts share: title, empty state, axis tick labels, lines. */
import { type Doc, drawLine, fitLine, type Flow, measurer } from './layout';
import { drawNote } from './prose';
import { cleanLine } from './text';
import { CONTENT, TEXT, type TextStyle } from './theme';

/** A chart's title and the space below it. */
export const TITLE_HEIGHT = TEXT.chartTitle.leading + 4;

/** Draws the title at `flow.y` (room already reserved) and moves below it. */
export function drawChartTitle(flow: Flow, title: string): void {
  const text = fitLine(flow.doc, cleanLine(title), TEXT.chartTitle, CONTENT.width);
  drawLine(flow.doc, text, TEXT.chartTitle, CONTENT.left, flow.y);
  flow.y += TITLE_HEIGHT;
}

/** A chart with nothing to show: its title, then `emptyText` in its place. */
export function drawEmptyChart(flow: Flow, title: string, emptyText: string): void {
  flow.reserve(TITLE_HEIGHT + TEXT.note.leading);
  drawChartTitle(flow, title);
  drawNote(flow, emptyText);
}

/** One line of text centred on `centerX`, kept between `minX` and `maxX`. */
export function drawCentered(
  doc: Doc,
  text: string,
  style: TextStyle,
  centerX: number,
  y: number,
  minX: number = CONTENT.left,
  maxX: number = CONTENT.right,
): void {
  const width = measurer(doc, style)(text);
  const left = Math.min(Math.max(centerX - width / 2, minX), maxX - width);
  drawLine(doc, text, style, left, y);
}

/**
 * Labels under ticks `spacing` apart on a horizontal axis, each centred on its tick but kept
 * between `minX` and `maxX`. Each is cut to fit its share, where a label pushed inwards by a bound
 * gets less room, so that neighbours never overlap.
 */
export function drawTickLabels(
  doc: Doc,
  ticks: { x: number; label: string }[],
  spacing: number,
  y: number,
  minX: number,
  maxX: number,
): void {
  const share = spacing - 4;
  for (const { x, label } of ticks) {
    const room = Math.min(share, x - minX + share / 2, maxX - x + share / 2);
    const text = fitLine(doc, label, TEXT.axisLabel, Math.max(room, 0));
    drawCentered(doc, text, TEXT.axisLabel, x, y, minX, maxX);
  }
}

/** Smallest and largest of `values` (spreading a long array into Math.min would overflow). */
export function extent(values: number[]): [number, number] {
  return values.reduce<[number, number]>(
    ([low, high], value) => [Math.min(low, value), Math.max(high, value)],
    [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
  );
}

/** A straight line, dashed (`dash` on, `dash` off) if `dash` is given. */
export function line(
  doc: Doc,
  from: [number, number],
  to: [number, number],
  color: string,
  width: number,
  dash?: number,
): void {
  doc.save().moveTo(from[0], from[1]).lineTo(to[0], to[1]).lineWidth(width).strokeColor(color);
  if (dash !== undefined) doc.dash(dash, { space: dash });
  doc.stroke().restore();
}
