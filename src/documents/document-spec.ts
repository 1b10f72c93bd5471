/**
 * A document as plain data: what the PDF renderer draws, independent of where the words came from
 * (templates/) and of the plan or report behind it. Crosses to a worker thread, so no functions,
 * dates or class instances: strings, numbers, arrays and plain objects only.
 *
 * Every string may be hostile (10,000 characters, any script, control characters): the renderer
 * cleans and bounds it, callers pass it as it is.
 */
export interface DocumentSpec {
  /** PDF metadata title. */
  title: string;
  subject: string;
  author: string;
  /** ISO 8601; written as the PDF's creation and modification dates (no clock is read). */
  createdAt: string;
  /** BCP 47 language tag of the text, e.g. `en`. */
  language: string;
  cover: CoverSpec;
  /** Heading of the table of contents; null for none. The contents list every toc heading. */
  tableOfContentsHeading: string | null;
  /** Left footer on every page but the cover, e.g. "Northwind Ltd - Failover plan". */
  footer: string;
  /** Right footer with `{page}` and `{pages}` placeholders, e.g. "Page {page} of {pages}". */
  pageLabel: string;
  blocks: Block[];
}

export interface CoverSpec {
  /** Small line above the title, e.g. the product name. */
  kicker: string;
  title: string;
  subtitle: string;
  /** Label / value lines under the title (organization, scenario, date, versions). */
  facts: LabelledValue[];
  /** Small print at the bottom of the cover (confidentiality, how figures were produced). */
  note: string;
}

export interface LabelledValue {
  label: string;
  value: string;
}

/** How numbers on a chart's value axis and data labels are written. */
export type NumberFormat =
  { style: 'money'; currency: string } | { style: 'percent' } | { style: 'number'; unit: string };

/** Colour of a key figure or table row, by meaning rather than by colour. */
export type Tone = 'neutral' | 'good' | 'warning' | 'bad';

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | BulletsBlock
  | KeyFiguresBlock
  | TableBlock
  | BarChartBlock
  | LineChartBlock
  | HeatMapBlock
  | PageBreakBlock;

/**
 * Level 1 starts a new page; levels 1 and 2 go into the table of contents and the PDF outline
 * (bookmarks); level 3 is a sub-heading in the flow. A heading is kept with what follows it: it
 * never sits alone at the foot of a page.
 */
export interface HeadingBlock {
  kind: 'heading';
  level: 1 | 2 | 3;
  text: string;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  /** `note`: smaller, grey (assumptions, sources). */
  style: 'body' | 'note';
}

export interface BulletsBlock {
  kind: 'bullets';
  items: string[];
}

/** A row of boxed figures (at most 4 per row; more wrap to the next row). */
export interface KeyFiguresBlock {
  kind: 'keyFigures';
  items: { label: string; value: string; tone: Tone }[];
}

export interface TableColumn {
  header: string;
  /** Relative width; the columns share the text width in proportion. */
  width: number;
  align: 'left' | 'right';
}

/**
 * Rows never split across pages and the header repeats on every page the table runs onto. A cell
 * wraps; a cell longer than `maxLinesPerCell` lines is cut with an ellipsis, so one row always
 * fits a page.
 */
export interface TableBlock {
  kind: 'table';
  columns: TableColumn[];
  /** Each row has one string per column. */
  rows: { cells: string[]; tone: Tone }[];
  /** Shown in place of the table when there are no rows. */
  emptyText: string;
  maxLinesPerCell: number;
}

/**
 * Horizontal bars, one group per category with one bar per series (e.g. "now" and "last
 * snapshot"); a legend when there is more than one series. Long category labels are cut with an
 * ellipsis. Values are non-negative.
 */
export interface BarChartBlock {
  kind: 'barChart';
  title: string;
  categories: string[];
  series: { name: string; values: number[] }[];
  format: NumberFormat;
  /** Shown in place of the chart when there are no categories or every value is 0. */
  emptyText: string;
}

/** A line chart, e.g. a loss exceedance curve (x: loss, y: probability that it is exceeded). */
export interface LineChartBlock {
  kind: 'lineChart';
  title: string;
  xLabel: string;
  yLabel: string;
  xFormat: NumberFormat;
  yFormat: NumberFormat;
  /** In order of x. */
  points: { x: number; y: number }[];
  /** Vertical reference lines with a label, e.g. the P90 or the risk appetite. */
  markers: { x: number; label: string }[];
  emptyText: string;
}

/**
 * A grid of counts, e.g. likelihood (rows, highest first) x impact (columns, lowest first). Each
 * cell's colour comes from its position (top right = worst), its text is the count; the row and
 * column headers are labels.
 */
export interface HeatMapBlock {
  kind: 'heatMap';
  title: string;
  rowAxisLabel: string;
  columnAxisLabel: string;
  rowLabels: string[];
  columnLabels: string[];
  /** counts[row][column]. */
  counts: number[][];
}

export interface PageBreakBlock {
  kind: 'pageBreak';
}
