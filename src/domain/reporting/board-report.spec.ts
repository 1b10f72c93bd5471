import fc from 'fast-check';
import scoringRaw from '../../../data/scoring-model.json';
import { scorePortfolio } from '../exposure/score-exposure';
import { parseScoringModel } from '../scoring-model';
import {
  buildCommitment,
  buildDependency,
  buildPortfolio,
  buildVendor,
} from '../testing/portfolio-builders';
import {
  bandIndex,
  buildBoardReport,
  heatMap,
  type BoardReportInput,
  type HeatMapBands,
  type PresetOutcome,
} from './board-report';

const model = parseScoringModel(scoringRaw);
const asOf = new Date('2026-11-01T00:00:00Z');

const bands: HeatMapBands = {
  likelihood: [
    { label: 'rare', from: 0 },
    { label: 'unlikely', from: 0.01 },
    { label: 'possible', from: 0.05 },
    { label: 'likely', from: 0.15 },
    { label: 'almost certain', from: 0.3 },
  ],
  impact: [
    { label: 'minor', from: 0 },
    { label: 'moderate', from: 0.01 },
    { label: 'major', from: 0.05 },
    { label: 'severe', from: 0.2 },
    { label: 'critical', from: 0.5 },
  ],
};

const portfolio = buildPortfolio({
  vendors: [
    buildVendor({ id: 'acme', name: 'Acme AI', kind: 'frontier_lab' }),
    buildVendor({ id: 'beta', name: 'Beta', headquartersCountry: 'FR', jurisdictions: ['EU'] }),
  ],
  dependencies: [
    buildDependency({
      id: 'a',
      name: 'Chat',
      team: 'Care',
      vendorId: 'acme',
      criticality: 'critical',
    }),
    buildDependency({
      id: 'b',
      name: 'Triage',
      team: 'Ops',
      vendorId: 'acme',
      monthlyRevenueAtStake: 5e5,
    }),
    buildDependency({
      id: 'c',
      name: 'Search',
      team: 'Web',
      vendorId: 'beta',
      monthlyRevenueAtStake: 1e3,
    }),
  ],
  commitments: [buildCommitment({ dependencyIds: ['a'] })],
});
const exposure = scorePortfolio(portfolio, model, asOf);

function preset(id: string, expected: number, p90: number): PresetOutcome {
  return {
    presetId: id,
    name: `Preset ${id}`,
    description: '',
    simulationRunId: `run-${id}`,
    hitVendorIds: ['acme'],
    stopped: 2,
    total: { expected, p50: expected, p90, p99: p90, max: p90 },
    lossExceedance: [{ loss: expected, probability: 0.5 }],
  };
}

function input(overrides: Partial<BoardReportInput> = {}): BoardReportInput {
  return {
    organizationName: 'Northwind',
    exposure,
    previous: {
      takenAt: '2026-10-01T00:00:00.000Z',
      expectedAnnualLoss: { pipelineFreeze: 100, slaBreach: 200, budgetShift: 300, total: 600 },
      overallScore: 10,
    },
    presets: [preset('x', 1_000, 5_000), preset('y', 2_000, 3_000), preset('z', 2_000, 4_000)],
    bands,
    vendorNames: { acme: 'Acme AI', beta: 'Beta' },
    limits: { topRisks: 2, concentrationRows: 1 },
    ...overrides,
  };
}

describe('bandIndex', () => {
  it.each([
    [-1, 0],
    [0, 0],
    [0.01, 1],
    [0.049, 1],
    [0.3, 4],
    [7, 4],
  ])('%p -> band %p', (x, band) => {
    expect(bandIndex(x, bands.likelihood)).toBe(band);
  });

  it('never decreases as the value grows', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        expect(bandIndex(lo, bands.impact)).toBeLessThanOrEqual(bandIndex(hi, bands.impact));
      }),
    );
  });
});

describe('heatMap', () => {
  const map = heatMap(exposure, bands);

  it('places every dependency exactly once, likeliest row first', () => {
    const total = map.counts.flat().reduce((s, n) => s + n, 0);
    expect(total).toBe(portfolio.dependencies.length);
    expect(map.rowLabels[0]).toBe('almost certain');
    expect(map.columnLabels[0]).toBe('minor');
    const listed = map.cells.flatMap((c) => c.dependencies.map((d) => d.id)).sort();
    expect(listed).toEqual(['a', 'b', 'c']);
    for (const cell of map.cells) {
      expect(map.counts[cell.row][cell.column]).toBe(cell.dependencies.length);
    }
  });

  it('puts each dependency in the band of its likelihood and impact against the appetite', () => {
    for (const cell of map.cells) {
      for (const member of cell.dependencies) {
        const d = exposure.dependencies.find((x) => x.dependencyId === member.id)!;
        expect(cell.row).toBe(4 - bandIndex(d.likelihood.probability, bands.likelihood));
        expect(cell.column).toBe(bandIndex(d.impact.total / exposure.riskAppetite, bands.impact));
      }
    }
    expect(map.impactRelativeToAppetite).toBe(true);
  });

  it('measures impact in money without a risk appetite', () => {
    const noAppetite = { ...exposure, riskAppetite: 0 };
    expect(heatMap(noAppetite, bands).impactRelativeToAppetite).toBe(false);
    // Every impact is far above 0.5 money units: the rightmost column.
    const columns = heatMap(noAppetite, bands).cells.map((c) => c.column);
    expect(columns.every((c) => c === 4)).toBe(true);
  });
});

describe('buildBoardReport', () => {
  const report = buildBoardReport(input());

  it('gives each category now, before and the change', () => {
    const total = exposure.totals.expectedAnnualLoss.total;
    expect(report.categories.total).toEqual({ now: total, previous: 600, change: total - 600 });
    expect(report.categories.slaBreach.previous).toBe(200);
    expect(report.previousSnapshotAt).toBe('2026-10-01T00:00:00.000Z');
  });

  it('has no trend for a category the previous snapshot did not keep', () => {
    const older = buildBoardReport(
      input({
        previous: {
          takenAt: '2026-01-01T00:00:00.000Z',
          expectedAnnualLoss: { total: 10 },
          overallScore: 1,
        },
      }),
    );
    expect(older.categories.slaBreach).toMatchObject({ previous: null, change: null });
    expect(older.categories.total.previous).toBe(10);
  });

  it('has no trend without a previous snapshot', () => {
    const first = buildBoardReport(input({ previous: null }));
    expect(first.categories.total.previous).toBeNull();
    expect(first.categories.total.change).toBeNull();
  });

  it('picks the worst preset by expected loss, then P90', () => {
    expect(report.worstScenario?.presetId).toBe('z');
    expect(report.presets.map((p) => p.presetId)).toEqual(['z', 'y', 'x']);
    expect(report.presets[0]).not.toHaveProperty('lossExceedance');
    expect(buildBoardReport(input({ presets: [] })).worstScenario).toBeNull();
    const harmless = buildBoardReport(input({ presets: [preset('q', 0, 0)] }));
    expect(harmless.worstScenario).toBeNull();
    expect(harmless.presets).toHaveLength(1);
  });

  it('cuts the lists to the limits and names owners and vendors', () => {
    expect(report.topRisks.length).toBeLessThanOrEqual(2);
    expect(report.topRisks[0].owner).not.toBe('');
    expect(['Acme AI', 'Beta']).toContain(report.topRisks[0].vendorName);
    expect(report.concentration.byVendor).toHaveLength(1);
    expect(report.concentration.byVendor[0].key).toBe('acme');
  });
});
