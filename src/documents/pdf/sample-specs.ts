/**
 * Document specs for the renderer's tests and for looking at its output: a realistic board report,
 * a hostile one (every string and number as bad as it gets), and a large one for timing.
 * Test support only: nothing in the application imports this.
 */
import type { Block, DocumentSpec, TableBlock } from '../document-spec';

/** A board report's frame (cover, contents, footer) around `blocks`. */
export const specWith = (blocks: Block[]): DocumentSpec => ({
  title: 'Northwind Ltd - Failover plan',
  subject: 'Regulatory suspension of a primary AI vendor',
  author: 'AI Continuity Planner',
  createdAt: '2025-03-14T09:30:00.000Z',
  language: 'en',
  cover: {
    kicker: 'AI Continuity Planner',
    title: 'Failover plan: suspension of Acme AI in the EU',
    subtitle: 'Board report for Northwind Ltd, scenario "EU suspension, 90 days"',
    facts: [
      { label: 'Organization', value: 'Northwind Ltd' },
      { label: 'Scenario', value: 'EU suspension of Acme AI, 90 days, no grace period' },
      { label: 'Date', value: '14 March 2025' },
      { label: 'Inventory version', value: '42 (12 dependencies, 5 vendors)' },
      { label: 'Simulation', value: '10,000 runs, seed 1234' },
    ],
    note:
      'Confidential: for the board of Northwind Ltd. Figures come from a Monte Carlo simulation ' +
      'of the scenario over the registered inventory; amounts are in USD and rounded.',
  },
  tableOfContentsHeading: 'Contents',
  footer: 'Northwind Ltd - Failover plan',
  pageLabel: 'Page {page} of {pages}',
  blocks,
});

const dependencyTable = (rows: number, name: string): TableBlock => ({
  kind: 'table',
  columns: [
    { header: 'Dependency', width: 3, align: 'left' },
    { header: 'Vendor', width: 2, align: 'left' },
    { header: 'Criticality', width: 1.5, align: 'left' },
    { header: 'RTO (hours)', width: 1.2, align: 'right' },
    { header: 'Expected loss', width: 1.8, align: 'right' },
    { header: 'Fallback', width: 2.5, align: 'left' },
  ],
  rows: Array.from({ length: rows }, (_, i) => ({
    cells: [
      `${name} ${i + 1}`,
      ['Acme AI', 'Globex Models', 'Initech Cloud'][i % 3],
      ['critical', 'high', 'medium', 'low'][i % 4],
      String(4 + ((i * 7) % 40)),
      `USD ${(12_345 * (i + 1)).toLocaleString('en')}`,
      i % 5 === 0 ? 'none' : 'Self-hosted Llama 3 70B on two H100 nodes, warm standby',
    ],
    tone: (['bad', 'warning', 'good', 'neutral'] as const)[i % 4],
  })),
  emptyText: 'No dependencies.',
  maxLinesPerCell: 3,
});

/** A realistic board report touching every block kind. */
export function sampleSpec(): DocumentSpec {
  return specWith([
    { kind: 'heading', level: 1, text: 'Summary' },
    {
      kind: 'paragraph',
      style: 'body',
      text:
        'If Acme AI is suspended in the EU, 7 of 12 registered dependencies stop within a day. ' +
        'The expected loss over the 90-day scenario is USD 1.2M; in one run out of ten it exceeds ' +
        'USD 2.9M, above the risk appetite of USD 2.5M. Failing over the three critical ' +
        'dependencies first brings the expected loss down to USD 410k.\n\nThe plan below lists the ' +
        'steps, owners and the contract levers that pay for part of the migration.',
    },
    {
      kind: 'keyFigures',
      items: [
        { label: 'Expected loss', value: 'USD 1,234,567', tone: 'warning' },
        { label: 'P90 loss', value: 'USD 2,912,000', tone: 'bad' },
        { label: 'Dependencies with a tested fallback', value: '5 of 12', tone: 'neutral' },
        { label: 'Recovery within RTO', value: '83 %', tone: 'good' },
        { label: 'Service credits owed to clients', value: 'USD 96,500', tone: 'warning' },
      ],
    },
    {
      kind: 'bullets',
      items: [
        'Move the customer-support assistant to Globex Models within 48 hours; the gateway config is ready.',
        'Stand up the self-hosted fallback for document extraction (two H100 nodes, warm standby).',
        'Invoke the suspension clause in the Acme AI contract: 30 % of the annual fee is refundable.',
      ],
    },
    { kind: 'heading', level: 2, text: 'Loss distribution' },
    {
      kind: 'lineChart',
      title: 'Loss exceedance curve',
      xLabel: 'Total loss over the scenario',
      yLabel: 'Probability the loss is exceeded',
      xFormat: { style: 'money', currency: 'USD' },
      yFormat: { style: 'percent' },
      points: Array.from({ length: 41 }, (_, i) => ({
        x: i * 100_000,
        y: Math.exp(-i / 9),
      })),
      markers: [
        { x: 1_234_567, label: 'Expected loss' },
        { x: 1_400_000, label: 'P50' },
        { x: 2_912_000, label: 'P90' },
        { x: 2_500_000, label: 'Risk appetite' },
      ],
      emptyText: 'No simulation yet.',
    },
    {
      kind: 'paragraph',
      style: 'note',
      text: 'Simulated with 10,000 runs; recovery times drawn from PERT distributions.',
    },
    { kind: 'heading', level: 2, text: 'Exposure by vendor' },
    {
      kind: 'barChart',
      title: 'Expected loss by vendor: now and at the last snapshot',
      categories: ['Acme AI', 'Globex Models', 'Initech Cloud', 'Umbrella Vision', 'Hooli Speech'],
      series: [
        { name: 'Now', values: [1_234_567, 340_000, 120_500, 45_000, 0] },
        { name: 'Last snapshot', values: [1_512_000, 290_000, 98_000, 61_000, 12_000] },
      ],
      format: { style: 'money', currency: 'USD' },
      emptyText: 'No exposure.',
    },
    {
      kind: 'heatMap',
      title: 'Dependencies by likelihood and impact',
      rowAxisLabel: 'Likelihood',
      columnAxisLabel: 'Impact',
      rowLabels: ['Almost certain', 'Likely', 'Possible', 'Unlikely', 'Rare'],
      columnLabels: ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'],
      counts: [
        [0, 0, 1, 2, 1],
        [0, 1, 0, 1, 0],
        [1, 0, 2, 0, 0],
        [0, 2, 0, 0, 0],
        [1, 0, 0, 0, 0],
      ],
    },
    { kind: 'heading', level: 1, text: 'Dependencies' },
    {
      kind: 'paragraph',
      style: 'body',
      text: 'Every registered dependency, the most exposed first.',
    },
    dependencyTable(40, 'Support assistant'),
    { kind: 'heading', level: 2, text: 'Greek and Cyrillic names' },
    {
      kind: 'table',
      columns: [
        { header: 'Name', width: 2, align: 'left' },
        { header: 'Region', width: 1, align: 'left' },
        { header: 'Monthly cost', width: 1, align: 'right' },
      ],
      rows: [
        { cells: ['Ελληνικά μοντέλα', 'Αθήνα', 'USD 4,200'], tone: 'neutral' },
        { cells: ['Кириллица ассистент', 'Москва', 'USD 1,100'], tone: 'warning' },
      ],
      emptyText: 'None.',
      maxLinesPerCell: 2,
    },
    { kind: 'heading', level: 3, text: 'Not yet assessed' },
    {
      kind: 'table',
      columns: [],
      rows: [],
      emptyText: 'Every dependency has an assessment.',
      maxLinesPerCell: 2,
    },
    { kind: 'heading', level: 1, text: 'Plan' },
    { kind: 'heading', level: 2, text: 'Runbook' },
    {
      kind: 'bullets',
      items: Array.from(
        { length: 12 },
        (_, i) =>
          `Step ${i + 1}: switch dependency group ${i + 1} to its fallback and verify the outputs against the golden set.`,
      ),
    },
    { kind: 'pageBreak' },
    { kind: 'heading', level: 2, text: 'Appendix: assumptions' },
    {
      kind: 'paragraph',
      style: 'body',
      text: 'Suspension starts at 00:00 UTC on day 1 and lasts 90 days. '.repeat(12),
    },
  ]);
}

const LONG = 'x'.repeat(10_000);
const CONTROLS = 'bell\u0007 nul\u0000 esc\u001b override\u202e reversed lone\ud800 surrogate';

/** Every string and number as bad as it gets; must still render a sound document. */
export function hostileSpec(): DocumentSpec {
  const money = { style: 'money', currency: LONG } as const;
  return {
    ...specWith([
      { kind: 'heading', level: 1, text: `Dependency ${LONG}` },
      { kind: 'heading', level: 2, text: CONTROLS },
      { kind: 'heading', level: 2, text: '' },
      {
        kind: 'paragraph',
        style: 'body',
        text: `${LONG} ${CONTROLS}\n\n\n\n${'word '.repeat(3000)}`,
      },
      { kind: 'paragraph', style: 'note', text: '' },
      { kind: 'bullets', items: [] },
      {
        kind: 'bullets',
        items: [
          '',
          LONG,
          CONTROLS,
          'Ελληνικά Кириллица العربية हिन्दी 中文 😀',
          'Marks: Tiếng Việt, decomposed e\u0301, zalgo Z\u0351\u0358a\u0300\u0301\u0302l\u0303g\u0304o',
        ],
      },
      { kind: 'keyFigures', items: [] },
      {
        kind: 'keyFigures',
        items: [
          { label: LONG, value: LONG, tone: 'bad' },
          { label: CONTROLS, value: 'NaN', tone: 'nonsense' as 'bad' },
        ],
      },
      {
        kind: 'table',
        columns: [
          { header: LONG, width: Number.NaN, align: 'left' },
          { header: 'b', width: -5, align: 'right' },
          { header: 'c', width: Number.POSITIVE_INFINITY, align: 'left' },
          { header: 'd', width: 1e9, align: 'right' },
        ],
        rows: [
          { cells: [LONG, CONTROLS, LONG, LONG], tone: 'bad' },
          { cells: [], tone: 'good' },
          { cells: ['only one'], tone: 'neutral' },
        ],
        emptyText: '',
        maxLinesPerCell: Number.NaN,
      },
      { kind: 'table', columns: [], rows: [], emptyText: LONG, maxLinesPerCell: 1e9 },
      {
        kind: 'table',
        columns: Array.from({ length: 80 }, (_, i) => ({
          header: `col ${i}`,
          width: 1,
          align: 'left' as const,
        })),
        rows: [{ cells: Array.from({ length: 80 }, () => LONG), tone: 'warning' }],
        emptyText: '',
        maxLinesPerCell: 1e9,
      },
      {
        kind: 'barChart',
        title: LONG,
        categories: [LONG, CONTROLS, '', 'negative', 'infinite'],
        series: [
          { name: LONG, values: [Number.NaN, 5, 3, -100, Number.POSITIVE_INFINITY] },
          { name: CONTROLS, values: [1] },
        ],
        format: money,
        emptyText: 'empty',
      },
      {
        kind: 'barChart',
        title: 'All zero',
        categories: ['a', 'b'],
        series: [{ name: 's', values: [0, Number.NaN] }],
        format: { style: 'percent' },
        emptyText: 'Nothing to show.',
      },
      {
        kind: 'barChart',
        title: '',
        categories: [],
        series: [],
        format: { style: 'percent' },
        emptyText: '',
      },
      {
        kind: 'barChart',
        title: 'Many categories',
        categories: Array.from({ length: 300 }, (_, i) => `Category ${i}`),
        series: [
          { name: 'Loss', values: Array.from({ length: 300 }, (_, i) => (i * 7919) % 1000) },
        ],
        format: { style: 'number', unit: LONG },
        emptyText: '',
      },
      {
        kind: 'lineChart',
        title: LONG,
        xLabel: LONG,
        yLabel: CONTROLS,
        xFormat: money,
        yFormat: { style: 'number', unit: LONG },
        points: [
          { x: Number.NaN, y: 1 },
          { x: 1, y: Number.POSITIVE_INFINITY },
          { x: 5, y: 5 },
        ],
        markers: Array.from({ length: 20 }, (_, i) => ({ x: 5 + i * 1e-3, label: `${LONG}${i}` })),
        emptyText: '',
      },
      {
        kind: 'lineChart',
        title: 'All equal',
        xLabel: '',
        yLabel: '',
        xFormat: { style: 'percent' },
        yFormat: { style: 'percent' },
        points: [
          { x: 3, y: 0 },
          { x: 3, y: 0 },
        ],
        markers: [{ x: Number.NaN, label: 'nan' }],
        emptyText: '',
      },
      {
        kind: 'lineChart',
        title: 'No points',
        xLabel: '',
        yLabel: '',
        xFormat: { style: 'percent' },
        yFormat: { style: 'percent' },
        points: [],
        markers: [],
        emptyText: 'No points to draw.',
      },
      {
        kind: 'lineChart',
        title: 'Huge range',
        xLabel: 'x',
        yLabel: 'y',
        xFormat: { style: 'number', unit: '' },
        yFormat: { style: 'money', currency: 'EUR' },
        points: [
          { x: -1e300, y: -1e300 },
          { x: 1e300, y: 1e-300 },
        ],
        markers: [],
        emptyText: '',
      },
      {
        kind: 'heatMap',
        title: LONG,
        rowAxisLabel: LONG,
        columnAxisLabel: LONG,
        rowLabels: [LONG, CONTROLS],
        columnLabels: [LONG],
        counts: [[Number.NaN, -3, 5], [Number.POSITIVE_INFINITY], []],
      },
      {
        kind: 'heatMap',
        title: 'Too big',
        rowAxisLabel: 'r',
        columnAxisLabel: 'c',
        rowLabels: [],
        columnLabels: [],
        counts: Array.from({ length: 40 }, () => Array.from({ length: 40 }, () => 1)),
      },
      {
        kind: 'heatMap',
        title: 'Empty',
        rowAxisLabel: '',
        columnAxisLabel: '',
        rowLabels: [],
        columnLabels: [],
        counts: [],
      },
      { kind: 'pageBreak' },
      { kind: 'pageBreak' },
      { kind: 'heading', level: 3, text: LONG },
    ]),
    title: LONG,
    author: CONTROLS,
    subject: '',
    createdAt: 'not a date',
    language: `en ${CONTROLS}`,
    cover: {
      kicker: LONG,
      title: `${LONG} ${LONG}`,
      subtitle: CONTROLS,
      facts: Array.from({ length: 60 }, () => ({ label: LONG, value: LONG })),
      note: `${LONG} `.repeat(3),
    },
    tableOfContentsHeading: LONG,
    footer: `${LONG}\n${CONTROLS}`,
    pageLabel: `${CONTROLS} {page} / {pages} ${LONG}`,
  };
}

/**
 * `sections` dependency sections (heading, paragraph, key figures, a 6-row and a 10-row table,
 * bullets) after a few charts: the size of a large organization's report.
 */
export function largeSpec(sections: number): DocumentSpec {
  const sample = sampleSpec();
  const charts = sample.blocks.filter(({ kind }) => kind.endsWith('Chart') || kind === 'heatMap');
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: 'Overview' }, ...charts];
  blocks.push({ kind: 'heading', level: 1, text: 'Dependencies' });
  for (let i = 1; i <= sections; i++) {
    blocks.push(
      { kind: 'heading', level: 2, text: `Dependency ${i}: document extraction pipeline` },
      {
        kind: 'paragraph',
        style: 'body',
        text:
          `Dependency ${i} runs on Acme AI and stops on day 1 of the suspension. Its fallback is ` +
          'a self-hosted model with a recovery time of 36 hours against an RTO of 24 hours.',
      },
      {
        kind: 'keyFigures',
        items: [
          {
            label: 'Expected loss',
            value: `USD ${(i * 1234).toLocaleString('en')}`,
            tone: 'warning',
          },
          { label: 'RTO', value: '24 h', tone: 'neutral' },
          { label: 'Recovery', value: '36 h', tone: 'bad' },
          { label: 'Fallback tested', value: 'yes', tone: 'good' },
        ],
      },
      dependencyTable(6, `Component of ${i}`),
      { ...dependencyTable(10, `Consumer of ${i}`), maxLinesPerCell: 2 },
      {
        kind: 'bullets',
        items: ['Switch to the fallback gateway route.', 'Notify the three affected clients.'],
      },
    );
  }
  return { ...specWith(blocks), title: `Large report, ${sections} sections` };
}
