/**
 * The board report's figures: the portfolio's exposure per category and its trend against the
 * last snapshot, a likelihood x impact heat map of the dependencies, concentration by vendor and
 * jurisdiction, the worst preset scenario with its loss exceedance curve, and the top risks with
 * their owners and actions. Pure: the exposure, the snapshot and the preset runs come in as data.
 */
import type { CategoryAmounts, PortfolioExposure } from '../exposure/score-exposure';
import type { LossExceedancePoint, SeriesStatistics } from '../simulation/run-shutdown-simulation';

/** The last stored figures of the portfolio, for the trend. */
export interface PreviousSnapshot {
  takenAt: string;
  /** A category missing (older snapshots kept only the total) has no trend. */
  expectedAnnualLoss: Partial<CategoryAmounts>;
  overallScore: number;
}

/** One preset scenario as simulated for the report. */
export interface PresetOutcome {
  presetId: string;
  name: string;
  description: string;
  /** The stored run behind it; null for presets whose run was not kept. */
  simulationRunId: string | null;
  hitVendorIds: string[];
  stopped: number;
  total: SeriesStatistics;
  lossExceedance: LossExceedancePoint[];
}

/**
 * Heat-map bands: ascending lower edges. Likelihood edges are probabilities over the scoring
 * model's horizon; impact edges are fractions of the risk appetite (or plain money when the
 * organization has no appetite).
 */
export interface HeatMapBands {
  likelihood: { label: string; from: number }[];
  impact: { label: string; from: number }[];
}

export interface BoardReportInput {
  organizationName: string;
  exposure: PortfolioExposure;
  previous: PreviousSnapshot | null;
  presets: PresetOutcome[];
  bands: HeatMapBands;
  /** Vendor id -> name, for the top risks. */
  vendorNames: Readonly<Record<string, string>>;
  /** How many top risks, vendors and jurisdictions to show. */
  limits: { topRisks: number; concentrationRows: number };
}

export interface CategoryTrend {
  now: number;
  previous: number | null;
  /** now - previous; null without a previous snapshot. */
  change: number | null;
}

export interface HeatMapCell {
  /** 0 = highest likelihood band. */
  row: number;
  /** 0 = lowest impact band. */
  column: number;
  dependencies: { id: string; name: string; owner: string }[];
}

export interface HeatMap {
  rowLabels: string[];
  columnLabels: string[];
  counts: number[][];
  /** Only the cells that hold dependencies, worst first. */
  cells: HeatMapCell[];
  /** Impact measured against the risk appetite (true) or in money (false). */
  impactRelativeToAppetite: boolean;
}

export interface ConcentrationRow {
  key: string;
  name: string;
  dependencies: number;
  dependencyShare: number;
  criticalRevenueShare: number;
  expectedAnnualLoss: number;
}

export interface BoardTopRisk {
  dependencyId: string;
  name: string;
  owner: string;
  vendorName: string;
  expectedAnnualLoss: number;
  score: number;
  action: string | null;
  expectedAnnualLossReduction: number | null;
}

export interface BoardReport {
  organizationName: string;
  asOf: string;
  currency: string;
  scoringModelVersion: string;
  riskAppetite: number;
  horizonMonths: number;
  dependencies: number;
  monthlyRevenueAtStake: number;
  appetiteUsed: number | null;
  overallScore: number;
  previousSnapshotAt: string | null;
  categories: Record<keyof CategoryAmounts, CategoryTrend>;
  heatMap: HeatMap;
  concentration: {
    hhiVendor: number;
    hhiJurisdiction: number;
    vendorFlagged: boolean;
    jurisdictionFlagged: boolean;
    threshold: number;
    byVendor: ConcentrationRow[];
    byJurisdiction: ConcentrationRow[];
  };
  /** The preset with the largest expected loss (then P90); null when none costs anything. */
  worstScenario: PresetOutcome | null;
  /** Every preset run, worst first, without their curves. */
  presets: Omit<PresetOutcome, 'lossExceedance'>[];
  topRisks: BoardTopRisk[];
}

const CATEGORY_KEYS = ['pipelineFreeze', 'slaBreach', 'budgetShift', 'total'] as const;

/** Index of the band whose lower edge is the largest at or below x (0 when below every edge). */
export function bandIndex(x: number, edges: readonly { from: number }[]): number {
  let index = 0;
  for (let i = 0; i < edges.length; i++) if (x >= edges[i].from) index = i;
  return index;
}

/**
 * Places each dependency by its suspension probability (row, highest band first) and by its
 * impact if the reference suspension happens (column): impact / risk appetite when the appetite
 * is positive, else the impact in money against the same edges.
 */
export function heatMap(exposure: PortfolioExposure, bands: HeatMapBands): HeatMap {
  const rows = bands.likelihood.length;
  const columns = bands.impact.length;
  const relative = exposure.riskAppetite > 0;
  const counts = Array.from({ length: rows }, () => new Array<number>(columns).fill(0));
  const members = new Map<string, HeatMapCell>();
  for (const d of exposure.dependencies) {
    const row = rows - 1 - bandIndex(d.likelihood.probability, bands.likelihood);
    const impact = relative ? d.impact.total / exposure.riskAppetite : d.impact.total;
    const column = bandIndex(impact, bands.impact);
    counts[row][column]++;
    const key = `${row}:${column}`;
    const cell = members.get(key) ?? { row, column, dependencies: [] };
    cell.dependencies.push({ id: d.dependencyId, name: d.name, owner: d.team });
    members.set(key, cell);
  }
  // Worst first: the further up (likelier) and right (costlier), the worse.
  const severity = (c: HeatMapCell) => c.column - c.row;
  const cells = [...members.values()].sort(
    (a, b) => severity(b) - severity(a) || a.row - b.row || b.column - a.column,
  );
  return {
    rowLabels: [...bands.likelihood].reverse().map((b) => b.label),
    columnLabels: bands.impact.map((b) => b.label),
    counts,
    cells,
    impactRelativeToAppetite: relative,
  };
}

/** Worst preset first: largest expected loss, then largest P90, then id. */
function worstFirst(a: PresetOutcome, b: PresetOutcome): number {
  return (
    b.total.expected - a.total.expected ||
    b.total.p90 - a.total.p90 ||
    (a.presetId < b.presetId ? -1 : a.presetId > b.presetId ? 1 : 0)
  );
}

/** The worst preset: the largest expected loss (then P90); none when no preset costs anything. */
export function worstPreset<T extends PresetOutcome>(presets: readonly T[]): T | null {
  return [...presets].sort(worstFirst).find((p) => p.total.expected > 0) ?? null;
}

/** Assembles the board report (see the module comment); lists are cut to `limits`. */
export function buildBoardReport(input: BoardReportInput): BoardReport {
  const { exposure, previous } = input;
  const totals = exposure.totals;
  const categories = Object.fromEntries(
    CATEGORY_KEYS.map((key) => {
      const now = totals.expectedAnnualLoss[key];
      const before = previous === null ? null : (previous.expectedAnnualLoss[key] ?? null);
      return [key, { now, previous: before, change: before === null ? null : now - before }];
    }),
  ) as Record<keyof CategoryAmounts, CategoryTrend>;

  const vendorRows: ConcentrationRow[] = exposure.vendors.map((v) => ({
    key: v.vendorId,
    name: v.name,
    dependencies: v.dependencies,
    dependencyShare: v.dependencyShare,
    criticalRevenueShare: v.criticalRevenueShare,
    expectedAnnualLoss: v.expectedAnnualLoss.total,
  }));
  const jurisdictionRows: ConcentrationRow[] = exposure.jurisdictions.map((j) => ({
    key: j.jurisdiction,
    name: j.jurisdiction,
    dependencies: j.dependencies,
    dependencyShare: j.dependencyShare,
    criticalRevenueShare: j.criticalRevenueShare,
    expectedAnnualLoss: j.expectedAnnualLoss.total,
  }));
  const byShare = (a: ConcentrationRow, b: ConcentrationRow) =>
    b.criticalRevenueShare - a.criticalRevenueShare ||
    b.dependencyShare - a.dependencyShare ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

  const teamOf = new Map(exposure.dependencies.map((d) => [d.dependencyId, d.team]));
  const presets = [...input.presets].sort(worstFirst);
  const concentration = exposure.concentration;
  return {
    organizationName: input.organizationName,
    asOf: exposure.asOf,
    currency: exposure.currency,
    scoringModelVersion: exposure.modelVersion,
    riskAppetite: exposure.riskAppetite,
    horizonMonths: exposure.horizonMonths,
    dependencies: totals.dependencies,
    monthlyRevenueAtStake: totals.monthlyRevenueAtStake,
    appetiteUsed: totals.appetiteUsed,
    overallScore: totals.scores.overall,
    previousSnapshotAt: previous?.takenAt ?? null,
    categories,
    heatMap: heatMap(exposure, input.bands),
    concentration: {
      hhiVendor: concentration.byVendor.hhiCriticalRevenue,
      hhiJurisdiction: concentration.byJurisdiction.hhiCriticalRevenue,
      vendorFlagged: concentration.byVendor.criticalRevenueFlagged,
      jurisdictionFlagged: concentration.byJurisdiction.criticalRevenueFlagged,
      threshold: concentration.threshold,
      byVendor: vendorRows.sort(byShare).slice(0, input.limits.concentrationRows),
      byJurisdiction: jurisdictionRows.sort(byShare).slice(0, input.limits.concentrationRows),
    },
    worstScenario: worstPreset(presets),
    presets: presets.map(({ lossExceedance: _curve, ...rest }) => rest),
    topRisks: exposure.topRisks.slice(0, input.limits.topRisks).map((risk) => ({
      dependencyId: risk.dependencyId,
      name: risk.name,
      owner: teamOf.get(risk.dependencyId) ?? '',
      vendorName: input.vendorNames[risk.vendorId] ?? risk.vendorId,
      expectedAnnualLoss: risk.expectedAnnualLoss,
      score: risk.score,
      action: risk.action?.description ?? null,
      expectedAnnualLossReduction: risk.action?.expectedAnnualLossReduction ?? null,
    })),
  };
}
