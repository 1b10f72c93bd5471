/**
 * Horizontal grouped bars, drawn as vector shapes: category labels on the left, one bar per series,
 * value labels at the bar ends, a value axis with nice ticks below, a legend for several series.
 * The chart stays on one page: with more categories than fit, the largest by total are shown.
 */
import type { BarChartBlock } from '../document-spec';
import {
  drawChartTitle,
  drawEmptyChart,
  extent,
  drawTickLabels,
  line,
  TITLE_HEIGHT,
} from './chart-parts';
import { formatNumber, formatTicks } from './format';
import { type Doc, drawLine, fitLine, type Flow, measurer } from './layout';
import { niceScale, nonNegative } from './scale';
import { cleanLine } from './text';
import { COLOR, CONTENT, GAP, SERIES_COLORS, TEXT } from './theme';

const LABEL_WIDTH = 130;
const LABEL_GAP = 8;
const BAR_HEIGHT = { single: 12, several: 9 };
const GROUP_GAP = 6;
const AXIS_HEIGHT = 14;
const VALUE_LABEL_GAP = 3;
const MAX_VALUE_LABEL_WIDTH = 90;
/** With more categories than fit a page, this many (or what fits, if fewer) are shown. */
const MAX_SHOWN_CATEGORIES = 25;
/** One colour per series; further series are left out. */
const MAX_SERIES = SERIES_COLORS.length;
const LEGEND = { swatch: 7, itemGap: 14, nameWidth: 150, rowHeight: 12 };

interface Category {
  index: number;
  name: string;
  values: number[];
  total: number;
}

export function drawBarChart(flow: Flow, block: BarChartBlock): void {
  const { doc } = flow;
  const series = (Array.isArray(block.series) ? block.series : [])
    .slice(0, MAX_SERIES)
    .map(({ name, values }) => ({
      name: cleanLine(name),
      values: Array.isArray(values) ? values : [],
    }));
  const categories: Category[] = (Array.isArray(block.categories) ? block.categories : []).map(
    (name, index) => {
      const values = series.map((s) => nonNegative(s.values[index]));
      return { index, name: cleanLine(name), values, total: values.reduce((a, b) => a + b, 0) };
    },
  );
  if (categories.every(({ total }) => total === 0)) {
    drawEmptyChart(flow, block.title, block.emptyText);
    return;
  }

  const barHeight = series.length > 1 ? BAR_HEIGHT.several : BAR_HEIGHT.single;
  const valueStyle = series.length > 1 ? TEXT.barValue : TEXT.chartLabel;
  const groupHeight = series.length * barHeight + GROUP_GAP;
  const legend =
    series.length > 1
      ? layoutLegend(
          doc,
          series.map(({ name }) => name),
        )
      : [];
  const legendHeight =
    legend.length > 0 ? (legend[legend.length - 1].row + 1) * LEGEND.rowHeight + 4 : 0;
  const fixedHeight = TITLE_HEIGHT + legendHeight + AXIS_HEIGHT;
  const fitOnPage = Math.floor((CONTENT.height - fixedHeight - TEXT.note.leading) / groupHeight);
  const shown =
    categories.length > fitOnPage
      ? largest(categories, Math.max(1, Math.min(MAX_SHOWN_CATEGORIES, fitOnPage)))
      : categories;
  const omitted = categories.length - shown.length;

  const scale = niceScale(0, extent(shown.flatMap(({ values }) => values))[1]);
  const measureValue = measurer(doc, valueStyle);
  const valueLabels = shown.map(({ values }) =>
    values.map((value) =>
      fitLine(doc, formatNumber(value, block.format), valueStyle, MAX_VALUE_LABEL_WIDTH),
    ),
  );
  const labelRoom = extent(valueLabels.flat().map(measureValue))[1] + VALUE_LABEL_GAP;
  const plotX = CONTENT.left + LABEL_WIDTH + LABEL_GAP;
  const plotWidth = CONTENT.right - labelRoom - plotX;
  const plotHeight = shown.length * groupHeight;
  const xOf = (value: number) => plotX + (value / scale.max) * plotWidth;

  flow.reserve(fixedHeight + plotHeight + (omitted > 0 ? TEXT.note.leading : 0));
  drawChartTitle(flow, block.title);
  for (const item of legend) {
    const y = flow.y + item.row * LEGEND.rowHeight;
    doc
      .rect(item.x, y + (LEGEND.rowHeight - LEGEND.swatch) / 2, LEGEND.swatch, LEGEND.swatch)
      .fillColor(item.color)
      .fill();
    drawLine(doc, item.text, TEXT.chartLabel, item.x + LEGEND.swatch + 4, y + 1);
  }
  flow.y += legendHeight;

  const top = flow.y;
  const bottom = top + plotHeight;
  const tickLabels = formatTicks(scale.ticks, block.format);
  const tickSpacing = plotWidth / (scale.ticks.length - 1);
  const ticks = scale.ticks.map((tick, i) => ({ x: xOf(tick), label: tickLabels[i] }));
  for (const { x } of ticks) line(doc, [x, top], [x, bottom], COLOR.grid, 0.5);
  drawTickLabels(doc, ticks, tickSpacing, bottom + 2, CONTENT.left, CONTENT.right);

  shown.forEach((category, c) => {
    const groupTop = top + c * groupHeight + GROUP_GAP / 2;
    const barsMiddle = groupTop + (series.length * barHeight) / 2;
    const name = fitLine(doc, category.name, TEXT.chartLabel, LABEL_WIDTH);
    const labelY = barsMiddle - TEXT.chartLabel.leading / 2;
    drawLine(doc, name, TEXT.chartLabel, CONTENT.left, labelY, LABEL_WIDTH, 'right');
    category.values.forEach((value, s) => {
      const y = groupTop + s * barHeight;
      const end = xOf(value);
      if (end > plotX) {
        doc
          .rect(plotX, y + 0.5, end - plotX, barHeight - 1)
          .fillColor(SERIES_COLORS[s])
          .fill();
      }
      const labelTop = y + (barHeight - valueStyle.leading) / 2;
      drawLine(doc, valueLabels[c][s], valueStyle, end + VALUE_LABEL_GAP, labelTop);
    });
  });
  line(doc, [plotX, top], [plotX, bottom], COLOR.axis, 0.8);
  flow.y = bottom + AXIS_HEIGHT;

  if (omitted > 0) {
    const note = `${omitted} more categories not shown (the smallest by total).`;
    drawLine(doc, note, TEXT.note, CONTENT.left, flow.y);
    flow.y += TEXT.note.leading;
  }
  flow.y += GAP.block;
}

/** The `count` largest categories by total (ties: the earlier), kept in their given order. */
function largest(categories: Category[], count: number): Category[] {
  return [...categories]
    .sort((a, b) => b.total - a.total || a.index - b.index)
    .slice(0, count)
    .sort((a, b) => a.index - b.index);
}

interface LegendItem {
  x: number;
  row: number;
  text: string;
  color: string;
}

/** Swatch and name per series, left to right, wrapping onto further rows. */
function layoutLegend(doc: Doc, names: string[]): LegendItem[] {
  const measure = measurer(doc, TEXT.chartLabel);
  let x = CONTENT.left;
  let row = 0;
  return names.map((name, i) => {
    const text = fitLine(doc, name, TEXT.chartLabel, LEGEND.nameWidth);
    const width = LEGEND.swatch + 4 + measure(text);
    if (x > CONTENT.left && x + width > CONTENT.right) {
      x = CONTENT.left;
      row++;
    }
    const item = { x, row, text, color: SERIES_COLORS[i] };
    x += width + LEGEND.itemGap;
    return item;
  });
}
