/**
 * A line chart with nice ticks and grid lines on both axes, and vertical dashed markers (P90, risk
 * appetite) whose labels sit above the plot in staggered rows so that none overlap.
 */
import type { LineChartBlock } from '../document-spec';
import {
  drawCentered,
  drawChartTitle,
  drawEmptyChart,
  extent,
  drawTickLabels,
  line,
  TITLE_HEIGHT,
} from './chart-parts';
import { formatTicks } from './format';
import { type Doc, drawLine, fitLine, type Flow, measurer } from './layout';
import { chartValue, niceScale } from './scale';
import { cleanLine } from './text';
import { COLOR, CONTENT, GAP, TEXT, TONE_COLOR } from './theme';

const PLOT_HEIGHT = 170;
const Y_TICK_GAP = 5;
const MAX_Y_TICK_LABEL_WIDTH = 80;
const X_AXIS_HEIGHT = 13;
const MARKER_LABEL = { maxWidth: 140, spacing: 6, maxRows: 3 };
const MARKER_COLOR = TONE_COLOR.warning;
const LINE_COLOR = COLOR.accent;

interface PlacedLabel {
  text: string;
  left: number;
  /** 0 is the row right above the plot. */
  row: number;
}

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

export function drawLineChart(flow: Flow, block: LineChartBlock): void {
  const { doc } = flow;
  // Points without a finite x and y cannot be placed: they are left out, not drawn at 0.
  const points = (Array.isArray(block.points) ? block.points : [])
    .filter(({ x, y }) => isFiniteNumber(x) && isFiniteNumber(y))
    .map(({ x, y }) => ({ x: chartValue(x), y: chartValue(y) }))
    .sort((a, b) => a.x - b.x);
  if (points.length === 0) {
    drawEmptyChart(flow, block.title, block.emptyText);
    return;
  }
  const markers = (Array.isArray(block.markers) ? block.markers : [])
    .filter(({ x }) => isFiniteNumber(x))
    .map(({ x, label }) => ({ x: chartValue(x), label: cleanLine(label) }))
    .sort((a, b) => a.x - b.x);

  // Markers widen the x axis: a risk appetite beyond the largest loss must still show.
  const xScale = niceScale(...extent([...points, ...markers].map(({ x }) => x)));
  const yScale = niceScale(...extent(points.map(({ y }) => y)));
  const yTickLabels = formatTicks(yScale.ticks, block.yFormat).map((label) =>
    fitLine(doc, label, TEXT.axisLabel, MAX_Y_TICK_LABEL_WIDTH),
  );
  const plotX =
    CONTENT.left + extent(yTickLabels.map(measurer(doc, TEXT.axisLabel)))[1] + Y_TICK_GAP;
  const plotRight = CONTENT.right;
  const xOf = (x: number) =>
    plotX + ((x - xScale.min) / (xScale.max - xScale.min)) * (plotRight - plotX);
  const { placed, omitted } = placeMarkerLabels(doc, markers, xOf, plotX, plotRight);
  const labelRows = placed.reduce((rows, { row }) => Math.max(rows, row + 1), 0);
  const yTitle = fitLine(doc, cleanLine(block.yLabel), TEXT.axisLabel, CONTENT.width);
  const xTitle = fitLine(doc, cleanLine(block.xLabel), TEXT.axisLabel, CONTENT.width);
  const lineHeight = TEXT.axisLabel.leading;

  flow.reserve(
    TITLE_HEIGHT +
      (yTitle ? lineHeight : 0) +
      labelRows * lineHeight +
      PLOT_HEIGHT +
      X_AXIS_HEIGHT +
      (xTitle ? lineHeight : 0) +
      (omitted > 0 ? TEXT.note.leading : 0),
  );
  drawChartTitle(flow, block.title);
  if (yTitle) {
    drawLine(doc, yTitle, TEXT.axisLabel, CONTENT.left, flow.y);
    flow.y += lineHeight;
  }
  for (const label of placed) {
    const y = flow.y + (labelRows - 1 - label.row) * lineHeight;
    drawLine(doc, label.text, TEXT.chartLabel, label.left, y);
  }
  flow.y += labelRows * lineHeight;

  const top = flow.y;
  const bottom = top + PLOT_HEIGHT;
  const yOf = (y: number) => bottom - ((y - yScale.min) / (yScale.max - yScale.min)) * PLOT_HEIGHT;
  yScale.ticks.forEach((tick, i) => {
    const y = yOf(tick);
    line(doc, [plotX, y], [plotRight, y], COLOR.grid, 0.5);
    const labelTop = y - TEXT.axisLabel.leading / 2;
    drawLine(
      doc,
      yTickLabels[i],
      TEXT.axisLabel,
      CONTENT.left,
      labelTop,
      plotX - Y_TICK_GAP - CONTENT.left,
      'right',
    );
  });
  const xTickLabels = formatTicks(xScale.ticks, block.xFormat);
  const xTickSpacing = (plotRight - plotX) / (xScale.ticks.length - 1);
  const xTicks = xScale.ticks.map((tick, i) => ({ x: xOf(tick), label: xTickLabels[i] }));
  for (const { x } of xTicks) line(doc, [x, top], [x, bottom], COLOR.grid, 0.5);
  // Right of the y axis, clear of the lowest y tick label.
  drawTickLabels(doc, xTicks, xTickSpacing, bottom + 2, plotX, plotRight);
  line(doc, [plotX, top], [plotX, bottom], COLOR.axis, 0.8);
  line(doc, [plotX, bottom], [plotRight, bottom], COLOR.axis, 0.8);

  for (const marker of markers) {
    const x = xOf(marker.x);
    line(doc, [x, top], [x, bottom], MARKER_COLOR, 1, 3);
  }

  // All points in one place (or just one) make no visible line: a dot shows where.
  const first = points[0];
  if (points.every(({ x, y }) => x === first.x && y === first.y)) {
    doc.circle(xOf(first.x), yOf(first.y), 2.5).fillColor(LINE_COLOR).fill();
  } else {
    doc.save().moveTo(xOf(first.x), yOf(first.y));
    for (const point of points.slice(1)) doc.lineTo(xOf(point.x), yOf(point.y));
    doc.lineWidth(1.5).lineJoin('round').strokeColor(LINE_COLOR).stroke().restore();
  }
  flow.y = bottom + X_AXIS_HEIGHT;

  if (xTitle) {
    drawCentered(doc, xTitle, TEXT.axisLabel, (plotX + plotRight) / 2, flow.y);
    flow.y += lineHeight;
  }
  if (omitted > 0) {
    const note = `${omitted} marker labels not shown: too close to others.`;
    drawLine(doc, note, TEXT.note, CONTENT.left, flow.y);
    flow.y += TEXT.note.leading;
  }
  flow.y += GAP.block;
}

/**
 * Each label centred over its marker (kept within the plot's width), in the lowest row where it
 * overlaps no other; labels that fit no row are left out and counted.
 */
function placeMarkerLabels(
  doc: Doc,
  markers: { x: number; label: string }[],
  xOf: (x: number) => number,
  plotX: number,
  plotRight: number,
): { placed: PlacedLabel[]; omitted: number } {
  const measure = measurer(doc, TEXT.chartLabel);
  const rowEnds: number[] = [];
  const placed: PlacedLabel[] = [];
  let omitted = 0;
  for (const marker of markers) {
    const text = fitLine(doc, marker.label, TEXT.chartLabel, MARKER_LABEL.maxWidth);
    if (text === '') continue;
    const width = measure(text);
    const left = Math.min(Math.max(xOf(marker.x) - width / 2, plotX), plotRight - width);
    let row = rowEnds.findIndex((end) => left >= end + MARKER_LABEL.spacing);
    if (row === -1 && rowEnds.length < MARKER_LABEL.maxRows) row = rowEnds.push(0) - 1;
    if (row === -1) {
      omitted++;
      continue;
    }
    rowEnds[row] = left + width;
    placed.push({ text, left, row });
  }
  return { placed, omitted };
}
