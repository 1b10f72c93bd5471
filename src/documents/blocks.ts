import type { TableBlock, Tone } from './document-spec';

/** Lines a table cell may take before it is cut: keeps one row well within a page. */
const MAX_CELL_LINES = 6;

/**
 * A table block from headers, relative widths and the indexes of right-aligned (numeric)
 * columns; `emptyText` stands in when there are no rows.
 */
export function tableBlock(
  columns: string[],
  widths: number[],
  rightAligned: number[],
  rows: { cells: string[]; tone?: Tone }[],
  emptyText = '',
): TableBlock {
  return {
    kind: 'table',
    columns: columns.map((header, i) => ({
      header,
      width: widths[i] ?? 1,
      align: rightAligned.includes(i) ? 'right' : 'left',
    })),
    rows: rows.map((r) => ({ cells: r.cells, tone: r.tone ?? 'neutral' })),
    emptyText,
    maxLinesPerCell: MAX_CELL_LINES,
  };
}
