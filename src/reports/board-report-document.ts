import { tableBlock } from '../documents/blocks';
import type { Block, DocumentSpec } from '../documents/document-spec';
import { amount, day, money, percent, signedMoney, timestamp } from '../documents/format';
import {
  documentFrame,
  cachedTemplate,
  type DocumentTemplate,
  type TemplateNode,
  type TemplateView,
} from '../documents/templates';
import type {
  BoardReport,
  BoardReportInput,
  ConcentrationRow,
  HeatMapBands,
} from '../domain/reporting/board-report';

const BOARD_REPORT_SECTIONS = [
  'summary',
  'exposure',
  'heat_map',
  'concentration',
  'worst_scenario',
  'top_risks',
  'method',
] as const;

/** What the report document says besides the report itself. */
export interface BoardReportDocumentContext {
  /** ISO 8601: when the report was made (also the PDF's date). */
  generatedAt: string;
  /** Iterations each preset scenario was simulated with. */
  iterations: number;
}

/** templates/board-report.yaml, read once per process. */
export function boardReportTemplate(): DocumentTemplate {
  return cachedTemplate('board-report', BOARD_REPORT_SECTIONS);
}

/** The heat-map bands the template defines (presentation, so they live with the wording). */
export function heatMapBands(template: DocumentTemplate = boardReportTemplate()): HeatMapBands {
  const heat = template.root.child('heatMap');
  const bands = (key: string) =>
    heat.children(key).map((band) => ({ label: band.text('label'), from: band.number('from') }));
  return { likelihood: bands('likelihood'), impact: bands('impact') };
}

export function reportLimits(
  template: DocumentTemplate = boardReportTemplate(),
): BoardReportInput['limits'] {
  const limits = template.root.child('limits');
  return {
    topRisks: limits.number('topRisks'),
    concentrationRows: limits.number('concentrationRows'),
  };
}

/** Composes the board report's document from the report and templates/board-report.yaml. */
export function boardReportDocument(
  report: BoardReport,
  context: BoardReportDocumentContext,
  template: DocumentTemplate = boardReportTemplate(),
): DocumentSpec {
  const m = (x: number) => money(x, report.currency);
  const view: TemplateView = {
    organization: report.organizationName,
    asOf: day(report.asOf),
    generatedAt: timestamp(context.generatedAt),
    dependencies: report.dependencies,
    revenueAtStake: m(report.monthlyRevenueAtStake),
    riskAppetite: m(report.riskAppetite),
    scoringModelVersion: report.scoringModelVersion,
    templateVersion: template.version,
    horizonMonths: report.horizonMonths,
    currency: report.currency,
    iterations: amount(context.iterations),
  };
  const blocks: Block[] = [];
  for (const { id, node } of template.sections) {
    blocks.push({ kind: 'heading', level: 1, text: node.text('heading', view) });
    if (id === 'summary') blocks.push(...summary(report, node, view, m));
    if (id === 'exposure') blocks.push(...exposure(report, node, m));
    if (id === 'heat_map') blocks.push(...heatMapSection(report, node, view));
    if (id === 'concentration') blocks.push(...concentration(report, node, m));
    if (id === 'worst_scenario') blocks.push(...worstScenario(report, node, view, m));
    if (id === 'top_risks') blocks.push(...topRisks(report, node, m));
    if (id === 'method') {
      blocks.push(
        ...node
          .texts('paragraphs', view)
          .map((text): Block => ({ kind: 'paragraph', style: 'body', text })),
      );
    }
  }
  return { ...documentFrame(template, view, context.generatedAt), blocks };
}

function summary(
  report: BoardReport,
  t: TemplateNode,
  view: TemplateView,
  m: (x: number) => string,
): Block[] {
  const total = report.categories.total;
  const previousAt = report.previousSnapshotAt === null ? '' : day(report.previousSnapshotAt);
  const trend =
    total.change === null
      ? t.text('trendNone')
      : total.change > 0
        ? t.text('trendUp', { change: m(total.change), previousAt })
        : total.change < 0
          ? t.text('trendDown', { change: m(-total.change), previousAt })
          : t.text('trendFlat', { previousAt });
  const appetiteUsed = report.appetiteUsed === null ? 'n/a' : percent(report.appetiteUsed);
  const f = t.child('figures');
  const worst = report.worstScenario;
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      style: 'body',
      text: t.text('intro', { ...view, expectedLoss: m(total.now), appetiteUsed, trend }),
    },
    {
      kind: 'keyFigures',
      items: [
        { label: f.text('expectedLoss'), value: m(total.now), tone: 'bad' },
        {
          label: f.text('appetiteUsed'),
          value: appetiteUsed,
          tone: (report.appetiteUsed ?? 0) > 1 ? 'bad' : 'warning',
        },
        { label: f.text('score'), value: amount(report.overallScore), tone: 'neutral' },
        {
          label: f.text('worstP90'),
          value: worst === null ? 'n/a' : m(worst.total.p90),
          tone: 'bad',
        },
      ],
    },
  ];
  if (worst !== null) {
    blocks.push({
      kind: 'paragraph',
      style: 'body',
      text: t.text('worst', {
        scenario: worst.name,
        expectedLoss: m(worst.total.expected),
        p90Loss: m(worst.total.p90),
      }),
    });
  }
  return blocks;
}

const CATEGORY_ORDER = ['pipelineFreeze', 'slaBreach', 'budgetShift', 'total'] as const;

function exposure(report: BoardReport, t: TemplateNode, m: (x: number) => string): Block[] {
  const names = t.child('categories');
  const series = t.child('series');
  const previousValues = CATEGORY_ORDER.map((k) => report.categories[k].previous);
  const hasPrevious = previousValues.every((x) => x !== null);
  return [
    { kind: 'paragraph', style: 'body', text: t.text('intro') },
    {
      kind: 'barChart',
      title: t.text('chartTitle'),
      categories: CATEGORY_ORDER.map((k) => names.text(k)),
      series: [
        { name: series.text('now'), values: CATEGORY_ORDER.map((k) => report.categories[k].now) },
        ...(hasPrevious
          ? [{ name: series.text('previous'), values: previousValues.map((x) => x ?? 0) }]
          : []),
      ],
      format: { style: 'money', currency: report.currency },
      emptyText: '',
    },
    tableBlock(
      t.texts('columns'),
      [2.5, 1.5, 1.5, 1.5],
      [1, 2, 3],
      CATEGORY_ORDER.map((k) => {
        const c = report.categories[k];
        return {
          cells: [
            names.text(k),
            m(c.now),
            c.previous === null ? t.text('noPrevious') : m(c.previous),
            c.change === null ? '' : signedMoney(c.change, report.currency),
          ],
          tone: c.change === null || c.change === 0 ? 'neutral' : c.change > 0 ? 'bad' : 'good',
        };
      }),
    ),
  ];
}

function heatMapSection(report: BoardReport, t: TemplateNode, view: TemplateView): Block[] {
  const map = report.heatMap;
  return [
    {
      kind: 'paragraph',
      style: 'body',
      text: t.text(map.impactRelativeToAppetite ? 'intro' : 'introMoney', view),
    },
    {
      kind: 'heatMap',
      title: t.text('title'),
      rowAxisLabel: t.text('rowAxis'),
      columnAxisLabel: t.text('columnAxis'),
      rowLabels: map.rowLabels,
      columnLabels: map.columnLabels,
      counts: map.counts,
    },
    { kind: 'heading', level: 2, text: t.text('cellsHeading') },
    tableBlock(
      t.texts('cellColumns'),
      [1.6, 1.6, 5],
      [],
      map.cells.map((cell) => ({
        cells: [
          map.rowLabels[cell.row],
          map.columnLabels[cell.column],
          cell.dependencies.map((d) => `${d.name} (${d.owner})`).join('; '),
        ],
        tone:
          cell.column - cell.row >= 1 ? 'bad' : cell.column - cell.row >= -1 ? 'warning' : 'good',
      })),
    ),
  ];
}

function concentration(report: BoardReport, t: TemplateNode, m: (x: number) => string): Block[] {
  const c = report.concentration;
  const flagged = [
    c.vendorFlagged ? 'by vendor' : null,
    c.jurisdictionFlagged ? 'by jurisdiction' : null,
  ]
    .filter((x) => x !== null)
    .join(' and ');
  const rows = (list: ConcentrationRow[]) =>
    list.map((r) => ({
      cells: [
        r.name,
        String(r.dependencies),
        percent(r.criticalRevenueShare),
        m(r.expectedAnnualLoss),
      ],
    }));
  const chart = (title: string, list: ConcentrationRow[]): Block => ({
    kind: 'barChart',
    title,
    categories: list.map((r) => r.name),
    series: [{ name: title, values: list.map((r) => r.criticalRevenueShare) }],
    format: { style: 'percent' },
    emptyText: '',
  });
  return [
    {
      kind: 'paragraph',
      style: 'body',
      text: t.text('intro', {
        hhiVendor: amount(c.hhiVendor),
        hhiJurisdiction: amount(c.hhiJurisdiction),
        threshold: amount(c.threshold),
      }),
    },
    {
      kind: 'paragraph',
      style: 'body',
      text: flagged === '' ? t.text('notFlagged') : t.text('flagged', { which: flagged }),
    },
    { kind: 'heading', level: 2, text: t.text('vendorHeading') },
    chart(t.text('vendorChart'), c.byVendor),
    tableBlock(t.texts('columns'), [3, 1, 1.3, 1.7], [1, 2, 3], rows(c.byVendor)),
    { kind: 'heading', level: 2, text: t.text('jurisdictionHeading') },
    chart(t.text('jurisdictionChart'), c.byJurisdiction),
    tableBlock(t.texts('columns'), [3, 1, 1.3, 1.7], [1, 2, 3], rows(c.byJurisdiction)),
  ];
}

function worstScenario(
  report: BoardReport,
  t: TemplateNode,
  view: TemplateView,
  m: (x: number) => string,
): Block[] {
  const worst = report.worstScenario;
  if (worst === null) return [{ kind: 'paragraph', style: 'body', text: t.text('noScenario') }];
  const markers = [
    { x: worst.total.expected, label: t.text('expectedMarker') },
    { x: worst.total.p90, label: t.text('p90Marker') },
  ];
  if (report.riskAppetite > 0)
    markers.push({ x: report.riskAppetite, label: t.text('appetiteMarker') });
  return [
    {
      kind: 'paragraph',
      style: 'body',
      text: t.text('intro', { scenario: worst.name, description: worst.description }),
    },
    {
      kind: 'lineChart',
      title: t.text('chartTitle'),
      xLabel: t.text('xLabel'),
      yLabel: t.text('yLabel'),
      xFormat: { style: 'money', currency: report.currency },
      yFormat: { style: 'percent' },
      points: worst.lossExceedance.map((p) => ({ x: p.loss, y: p.probability })),
      markers,
      emptyText: '',
    },
    {
      kind: 'paragraph',
      style: 'body',
      text: t.text('figures', {
        ...view,
        expectedLoss: m(worst.total.expected),
        p90Loss: m(worst.total.p90),
        p99Loss: m(worst.total.p99),
        stopped: worst.stopped,
      }),
    },
    { kind: 'heading', level: 2, text: t.text('presetsHeading') },
    tableBlock(
      t.texts('presetColumns'),
      [4, 1, 1.6, 1.6],
      [1, 2, 3],
      report.presets.map((p) => ({
        cells: [p.name, String(p.stopped), m(p.total.expected), m(p.total.p90)],
        tone: p.presetId === worst.presetId ? 'bad' : 'neutral',
      })),
    ),
  ];
}

function topRisks(report: BoardReport, t: TemplateNode, m: (x: number) => string): Block[] {
  return [
    { kind: 'paragraph', style: 'body', text: t.text('intro') },
    tableBlock(
      t.texts('columns'),
      [2, 1.3, 1.3, 1.4, 3, 1.4],
      [3, 5],
      report.topRisks.map((r) => ({
        cells: [
          r.name,
          r.owner,
          r.vendorName,
          m(r.expectedAnnualLoss),
          r.action ?? t.text('noAction'),
          r.expectedAnnualLossReduction === null ? '' : m(r.expectedAnnualLossReduction),
        ],
        tone: r.score >= 50 ? 'bad' : r.score >= 20 ? 'warning' : 'neutral',
      })),
      t.text('empty'),
    ),
  ];
}
