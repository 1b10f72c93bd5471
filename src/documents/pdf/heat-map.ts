/**
 * A grid of counts (e.g. likelihood x impact) coloured by position: green at the bottom left
 * through amber to red at the top right, the worst corner. Row labels on the left, column labels
 * below, the axis labels above the row labels and under the column labels.
 */
import type { HeatMapBlock } from '../document-spec';
import { drawCentered, drawChartTitle, TITLE_HEIGHT } from './chart-parts';
import { formatNumber } from './format';
import { drawLine, drawLines, fitLine, type Flow, wrap } from './layout';
import { nonNegative } from './scale';
import { cleanLine } from './text';
import { COLOR, CONTENT, GAP, TEXT } from './theme';

const ROW_LABEL_WIDTH = 110;
const ROW_LABEL_GAP = 8;
const CELL_HEIGHT = 24;
const MAX_CELL_WIDTH = 64;
const CELL_GAP = 2;
const COLUMN_LABEL_GAP = 2;
const COLUMN_LABEL_LINES = 2;
/** Larger grids are cut to this (a likelihood x impact grid is 5 x 5). */
const MAX_ROWS = 15;
const MAX_COLUMNS = 12;

const GREEN = [0xb9, 0xdf, 0xb4];
const AMBER = [0xf8, 0xd8, 0x84];
const RED = [0xef, 0x9f, 0x94];
const WHITE = [0xff, 0xff, 0xff];

const mix = (a: number[], b: number[], t: number) =>
  a.map((v, i) => Math.round(v + (b[i] - v) * t));
const hex = (rgb: number[]) => '#' + rgb.map((v) => v.toString(16).padStart(2, '0')).join('');

/**
 * Colour of a cell: its severity is the mean of how high its row is (row 0 is the top) and how far
 * right its column is, from 0 (bottom left) to 1 (top right). Empty cells are paler.
 */
export function cellColor(
  row: number,
  rows: number,
  column: number,
  columns: number,
  empty: boolean,
): string {
  const up = rows > 1 ? (rows - 1 - row) / (rows - 1) : 0.5;
  const right = columns > 1 ? column / (columns - 1) : 0.5;
  const severity = (up + right) / 2;
  const rgb = severity < 0.5 ? mix(GREEN, AMBER, severity * 2) : mix(AMBER, RED, severity * 2 - 1);
  return hex(empty ? mix(rgb, WHITE, 0.55) : rgb);
}

export function drawHeatMap(flow: Flow, block: HeatMapBlock): void {
  const { doc } = flow;
  const counts = Array.isArray(block.counts) ? block.counts : [];
  const rowLabels = Array.isArray(block.rowLabels) ? block.rowLabels : [];
  const columnLabels = Array.isArray(block.columnLabels) ? block.columnLabels : [];
  const allRows = Math.max(rowLabels.length, counts.length);
  const allColumns = counts.reduce<number>(
    (most, row) => Math.max(most, Array.isArray(row) ? row.length : 0),
    columnLabels.length,
  );
  const rows = Math.min(MAX_ROWS, allRows);
  const columns = Math.min(MAX_COLUMNS, allColumns);
  if (rows === 0 || columns === 0) return;

  const cellWidth = Math.min(
    MAX_CELL_WIDTH,
    (CONTENT.width - ROW_LABEL_WIDTH - ROW_LABEL_GAP) / columns,
  );
  const gridX = CONTENT.left + ROW_LABEL_WIDTH + ROW_LABEL_GAP;
  const gridWidth = columns * cellWidth;
  const label = TEXT.axisLabel;
  const rowTitle = fitLine(doc, cleanLine(block.rowAxisLabel), TEXT.axisTitle, ROW_LABEL_WIDTH);
  const columnTitle = fitLine(doc, cleanLine(block.columnAxisLabel), TEXT.axisTitle, CONTENT.width);
  const columnLines = Array.from({ length: columns }, (_, c) =>
    wrap(doc, cleanLine(columnLabels[c]), label, cellWidth - 2 * CELL_GAP, COLUMN_LABEL_LINES),
  );
  const columnLabelHeight = Math.max(...columnLines.map((lines) => lines.length)) * label.leading;
  const cut = rows < allRows || columns < allColumns;

  flow.reserve(
    TITLE_HEIGHT +
      label.leading +
      rows * CELL_HEIGHT +
      COLUMN_LABEL_GAP +
      columnLabelHeight +
      label.leading +
      (cut ? TEXT.note.leading : 0),
  );
  drawChartTitle(flow, block.title);
  drawLine(doc, rowTitle, TEXT.axisTitle, CONTENT.left, flow.y);
  flow.y += label.leading;

  for (let r = 0; r < rows; r++) {
    const y = flow.y + r * CELL_HEIGHT;
    const rowLabel = wrap(doc, cleanLine(rowLabels[r]), label, ROW_LABEL_WIDTH, 2);
    const labelTop = y + (CELL_HEIGHT - rowLabel.length * label.leading) / 2;
    drawLines(doc, rowLabel, label, CONTENT.left, labelTop, ROW_LABEL_WIDTH, 'right');
    const rowCounts: unknown[] = Array.isArray(counts[r]) ? counts[r] : [];
    for (let c = 0; c < columns; c++) {
      const count = nonNegative(rowCounts[c]);
      const x = gridX + c * cellWidth;
      doc
        .rect(x + CELL_GAP / 2, y + CELL_GAP / 2, cellWidth - CELL_GAP, CELL_HEIGHT - CELL_GAP)
        .fillColor(cellColor(r, rows, c, columns, count === 0))
        .fill();
      const text = fitLine(
        doc,
        formatNumber(count, { style: 'number', unit: '' }),
        TEXT.chartLabel,
        cellWidth - 2 * CELL_GAP,
      );
      const style = count === 0 ? { ...TEXT.chartLabel, color: COLOR.faint } : TEXT.chartLabel;
      drawLine(doc, text, style, x, y + (CELL_HEIGHT - style.leading) / 2, cellWidth, 'center');
    }
  }
  flow.y += rows * CELL_HEIGHT + COLUMN_LABEL_GAP;

  columnLines.forEach((lines, c) => {
    drawLines(doc, lines, label, gridX + c * cellWidth, flow.y, cellWidth, 'center');
  });
  flow.y += columnLabelHeight;
  drawCentered(doc, columnTitle, TEXT.axisTitle, gridX + gridWidth / 2, flow.y);
  flow.y += label.leading;
  if (cut) {
    const note = `Showing the first ${rows} of ${allRows} rows and ${columns} of ${allColumns} columns.`;
    drawLine(doc, note, TEXT.note, CONTENT.left, flow.y);
    flow.y += TEXT.note.leading;
  }
  flow.y += GAP.block;
}
