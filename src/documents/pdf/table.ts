/**
 * Tables: a shaded header row repeated on every page the table runs onto, zebra rows that never
 * split across pages, cells cut at `maxLinesPerCell` lines, a row's tone as a dot in its first cell.
 */
import type { TableBlock, TableColumn } from '../document-spec';
import { type Doc, drawLines, type Flow, measurer, wrap } from './layout';
import { drawNote } from './prose';
import { cleanLine } from './text';
import { COLOR, CONTENT, GAP, TEXT, type TextStyle, toneColor } from './theme';

const PADDING_X = 4;
const PADDING_Y = 3.5;
const HEADER_MAX_LINES = 3;
const MIN_HEADER_SIZE = 6.5;
/** Longer header words are left to break: no size would fit them. */
const LONGEST_HEADER_WORD = 30;
/** Narrowest column; the others give up width in proportion so that every cell can hold text. */
const MIN_COLUMN_WIDTH = 24;
/** More columns than fit at their narrowest are dropped. */
const MAX_COLUMNS = Math.floor(CONTENT.width / MIN_COLUMN_WIDTH);
/** Room for the tone dot before the first cell's text, when any row has a tone. */
const MARKER_SPACE = 8;
const MARKER_RADIUS = 2.4;

/**
 * Widths in proportion to `width` (untrusted: not positive or not finite counts as 1), then
 * columns under the minimum are widened at the expense of the others, in proportion to their
 * excess. Sums to the content width.
 */
export function columnWidths(columns: Pick<TableColumn, 'width'>[]): number[] {
  const weights = columns.map(({ width }) => (Number.isFinite(width) && width > 0 ? width : 1));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const shares = weights.map((weight) => (weight / total) * CONTENT.width);
  const deficit = shares.reduce((sum, share) => sum + Math.max(0, MIN_COLUMN_WIDTH - share), 0);
  const excess = shares.reduce((sum, share) => sum + Math.max(0, share - MIN_COLUMN_WIDTH), 0);
  return shares.map((share) =>
    share <= MIN_COLUMN_WIDTH
      ? MIN_COLUMN_WIDTH
      : share - (deficit * (share - MIN_COLUMN_WIDTH)) / excess,
  );
}

export function drawTable(flow: Flow, block: TableBlock): void {
  const { doc } = flow;
  const columns = (Array.isArray(block.columns) ? block.columns : []).slice(0, MAX_COLUMNS);
  const rows = Array.isArray(block.rows) ? block.rows : [];
  if (columns.length === 0 || rows.length === 0) {
    drawNote(flow, block.emptyText);
    return;
  }
  const widths = columnWidths(columns);
  const lefts = widths.map((_, i) => CONTENT.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const markerSpace = rows.some(({ tone }) => tone !== 'neutral') ? MARKER_SPACE : 0;
  const textWidth = (i: number) => widths[i] - 2 * PADDING_X - (i === 0 ? markerSpace : 0);
  const textX = (i: number) => lefts[i] + PADDING_X + (i === 0 ? markerSpace : 0);
  const align = (i: number) => (columns[i].align === 'right' ? 'right' : 'left');

  const header = columns.map((column, i) => {
    const text = cleanLine(column.header);
    const style = headerStyle(doc, text, textWidth(i));
    return { style, lines: wrap(doc, text, style, textWidth(i), HEADER_MAX_LINES) };
  });
  const headerHeight = rowHeight(
    header.map(({ lines }) => lines),
    TEXT.tableHeader.leading,
  );
  // A row never exceeds what a page holds under the header.
  const pageLines = Math.floor(
    (CONTENT.height - headerHeight - 2 * PADDING_Y) / TEXT.tableCell.leading,
  );
  const requested = Number.isFinite(block.maxLinesPerCell) ? Math.floor(block.maxLinesPerCell) : 1;
  const maxLines = Math.min(pageLines, Math.max(1, requested));

  const drawHeader = () => {
    flow.reserve(headerHeight);
    doc.rect(CONTENT.left, flow.y, CONTENT.width, headerHeight).fillColor(COLOR.tableHeader).fill();
    header.forEach(({ style, lines }, i) => {
      drawLines(doc, lines, style, textX(i), flow.y + PADDING_Y, textWidth(i), align(i));
    });
    flow.y += headerHeight;
  };

  rows.forEach((row, r) => {
    const cellTexts = Array.isArray(row.cells) ? row.cells : [];
    const cells = columns.map((_, i) =>
      wrap(doc, cleanLine(cellTexts[i]), TEXT.tableCell, textWidth(i), maxLines),
    );
    const height = rowHeight(cells, TEXT.tableCell.leading);
    const needed = r === 0 ? headerHeight + height : height;
    if (r === 0 || flow.remaining() < needed) {
      if (flow.remaining() < needed) flow.breakPage();
      drawHeader();
    }
    flow.reserve(height);
    if (r % 2 === 1) {
      doc.rect(CONTENT.left, flow.y, CONTENT.width, height).fillColor(COLOR.zebra).fill();
    }
    if (row.tone !== 'neutral') {
      const y = flow.y + PADDING_Y + TEXT.tableCell.leading / 2;
      doc
        .circle(lefts[0] + PADDING_X + MARKER_RADIUS, y, MARKER_RADIUS)
        .fillColor(toneColor(row.tone))
        .fill();
    }
    cells.forEach((lines, i) => {
      drawLines(doc, lines, TEXT.tableCell, textX(i), flow.y + PADDING_Y, textWidth(i), align(i));
    });
    flow.y += height;
  });
  doc
    .moveTo(CONTENT.left, flow.y)
    .lineTo(CONTENT.right, flow.y)
    .lineWidth(0.6)
    .strokeColor(COLOR.rule)
    .stroke();
  flow.y += GAP.block;
}

/**
 * The header style, set smaller (down to MIN_HEADER_SIZE) when a word of `text` is wider than the
 * column, so that a header like "Dependencies" is not broken mid-word in a narrow column.
 */
function headerStyle(doc: Doc, text: string, width: number): TextStyle {
  const words = text.split(' ').filter((word) => word.length <= LONGEST_HEADER_WORD);
  let style: TextStyle = TEXT.tableHeader;
  const widest = () => Math.max(0, ...words.map(measurer(doc, style)));
  while (style.size > MIN_HEADER_SIZE && widest() > width) {
    style = { ...style, size: Math.max(MIN_HEADER_SIZE, style.size - 0.5) };
  }
  return style;
}

function rowHeight(cells: string[][], leading: number): number {
  return Math.max(...cells.map((lines) => lines.length)) * leading + 2 * PADDING_Y;
}
