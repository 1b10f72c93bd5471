/**
 * The failover plan of one simulated scenario: for every dependency the scenario stops, what to
 * switch to (its own fallback when the scenario leaves it standing, else the best-ranked
 * alternative), how long that takes against its RTO, what it costs, and in what order to act;
 * plus the runbook, the three actions that matter most and the routes a gateway config needs.
 * Pure and deterministic: the same run, catalog, contracts and models give the same plan.
 */
import { failoverEstimate } from '../exposure/time-to-failover';
import { vendorsHitBy } from '../simulation/scenario';
import type { DependencyProfile, Portfolio, VendorProfile } from '../portfolio';
import type { ScoringModel } from '../scoring-model';
import type {
  SimulatedDependency,
  SimulatedEffect,
  SimulationResult,
} from '../simulation/run-shutdown-simulation';
import {
  buildRunbook,
  recoveryGap,
  type Runbook,
  type RunbookAlternative,
  type RunbookContract,
  type RunbookDependency,
} from './build-runbook';
import type { GatewayFallback, GatewayRoute } from './gateway-config';
import type { PlanningModel } from './planning-model';
import {
  rankAlternatives,
  type AlternativeNeeds,
  type AlternativesCatalog,
  type CandidateModelInput,
  type ExclusionCode,
  type RankedAlternative,
  type SelfHostingOptionSummary,
} from './rank-alternatives';
import type { SelfHostingSizing } from './self-hosting-sizing';

export interface FailoverPlanInput {
  /** The inventory the simulation ran on (its snapshot). */
  portfolio: Portfolio;
  simulation: SimulationResult;
  /** Candidates; `vendors` must hold the portfolio's own vendors too. */
  catalog: AlternativesCatalog;
  /** The API each vendor's endpoint speaks (`openai`, `anthropic`, ...); absent = unknown. */
  vendorApiFamilies: Readonly<Record<string, string | null>>;
  contracts: RunbookContract[];
  planningModel: PlanningModel;
  scoringModel: ScoringModel;
  /** Dates the fallbacks' last tests, as in the simulation. */
  asOf: Date;
  /** Currency of the catalog's token and GPU prices; spend in another one is not compared. */
  priceCurrency: string;
}

/** The inventory's own fallback, as the scenario leaves it. */
export interface ExistingFallback {
  status: 'documented' | 'tested';
  vendorId: string | null;
  vendorName: string | null;
  modelId: string | null;
  /** False when the scenario also hits it (it cannot be switched to). */
  usable: boolean;
}

export interface PlannedDependency {
  dependencyId: string;
  name: string;
  team: string;
  vendorId: string;
  vendorName: string;
  modelId: string | null;
  criticality: DependencyProfile['criticality'];
  monthlySpend: number;
  rtoHours: number;
  /** Expected hours to a working replacement: the fallback when usable, else a migration. */
  timeToFailoverHours: number;
  /** max(0, time to failover - RTO). */
  gapHours: number;
  expectedLoss: number;
  p90Loss: number;
  probabilityOutageExceedsRto: number;
  existingFallback: ExistingFallback | null;
  /** What the replacement must do, derived from today's model (see `alternativeNeeds`). */
  needs: AlternativeNeeds;
  /** The switch the plan makes: the usable fallback, else the best-ranked alternative. */
  switchTo: PlanTarget | null;
  /** The best-ranked alternative (the migration target when the suspension lasts). */
  chosen: RankedAlternative | null;
  /** The other proposed alternatives, best first. */
  runnersUp: RankedAlternative[];
  /** The cheapest feasible self-hosting of the best open-weights family, whether chosen or not. */
  selfHosting: SelfHostingSizing | null;
  /** Every feasible self-hosted family, best first (at most five). */
  selfHostingOptions: SelfHostingOptionSummary[];
  /** How many catalog candidates each reason excluded (a candidate can have several). */
  excludedByReason: Partial<Record<ExclusionCode, number>>;
  /** Candidates that fit the needs. */
  fitCount: number;
}

export interface PlanTarget {
  kind: 'existing_fallback' | 'api' | 'self_hosted';
  /** Runs on weights the organization hosts itself. */
  selfHosted: boolean;
  vendorId: string;
  vendorName: string;
  modelId: string;
  label: string;
}

/** A dependency the scenario reaches without stopping its own model. */
export interface KnockOnDependency {
  dependencyId: string;
  name: string;
  team: string;
  effect: Exclude<SimulatedEffect, 'stopped'>;
  expectedLoss: number;
  /** For `frozen_by_cascade`: the stopped dependencies it relies on, by name. */
  waitsFor: string[];
}

export type PlanActionKind =
  'prepare_alternative' | 'test_fallback' | 'find_replacement' | 'keep_fallback_ready';

/** One of the actions that matter most, as data (the template words it). */
export interface PlanAction {
  kind: PlanActionKind;
  dependencyId: string;
  dependencyName: string;
  team: string;
  /** The target to prepare or test; null for `find_replacement`. */
  targetLabel: string | null;
  expectedLoss: number;
  timeToFailoverHours: number;
  rtoHours: number;
  gapHours: number;
  /** The chosen alternative's monthly cost minus today's spend; null when unknown. */
  monthlyCostDifference: number | null;
}

export interface BreachedCommitment {
  commitmentId: string;
  clientName: string;
  probabilityOfBreach: number;
  /** Expected credits plus penalties. */
  expectedCost: number;
}

export interface FailoverPlanSummary {
  stopped: number;
  frozenByCascade: number;
  degraded: number;
  expectedLoss: number;
  p90Loss: number;
  p99Loss: number;
  expectedLossByCategory: { pipelineFreeze: number; slaBreach: number; budgetShift: number };
  /** Commitments with a positive probability of breach, most likely first. */
  breachedCommitments: BreachedCommitment[];
  /** Stopped dependencies whose time to failover exceeds their RTO. */
  rtoGaps: number;
  /** Stopped dependencies for which nothing fits. */
  withoutReplacement: number;
  /**
   * Sum over the switches to a ranked alternative with a known price of (its monthly cost -
   * today's spend), in the price currency; null when spend is kept in another currency.
   */
  monthlyCostDifference: number | null;
  /** Switches whose cost is not counted: to an existing fallback, or to an unpriced model. */
  switchesWithoutCost: number;
  /** At most three, most important first. */
  topActions: PlanAction[];
}

export interface FailoverPlan {
  planningModelVersion: string;
  scoringModelVersion: string;
  /** The organization's currency: losses and today's spend. */
  currency: string;
  /** The catalog's currency: alternatives' and GPUs' costs. */
  priceCurrency: string;
  asOf: string;
  scenario: SimulationResult['scenario'];
  hitVendors: { id: string; name: string }[];
  /** Names of every vendor the plan mentions (dependencies, fallbacks, alternatives). */
  vendorNames: Record<string, string>;
  summary: FailoverPlanSummary;
  /** The stopped dependencies, in runbook order. */
  dependencies: PlannedDependency[];
  knockOn: KnockOnDependency[];
  runbook: Runbook;
  /** One route per stopped dependency with at least one target, for the gateway configs. */
  gatewayRoutes: GatewayRoute[];
}

const TOP_ACTIONS = 3;
const MAX_SELF_HOSTING_OPTIONS = 5;

/**
 * What a replacement must do, from the catalog entry of today's model: text in and out when it
 * handles text (else exactly its modalities), its tool calling and reasoning when it has them
 * (the inventory does not say which features a use relies on, so what the model offers is
 * assumed used), min(its window, `needs.maxRequiredContextTokens`) of context, and the
 * dependency's data residency. Without a catalog entry: text, nothing else.
 */
export function alternativeNeeds(
  current: CandidateModelInput | undefined,
  dataResidency: string | null,
  model: PlanningModel,
): AlternativeNeeds {
  const cap = model.needs.maxRequiredContextTokens.value;
  const modalities = (offered: string[] | null | undefined) => {
    const list = (offered ?? []).map((m) => m.trim().toLowerCase()).filter((m) => m !== '');
    return list.length === 0 || list.includes('text') ? ['text'] : [...new Set(list)].sort();
  };
  return {
    inputModalities: modalities(current?.inputModalities),
    outputModalities: modalities(current?.outputModalities),
    toolCalling: current?.toolCalling === true,
    reasoning: current?.reasoning === true,
    minContextTokens: Math.min(current?.contextWindow ?? cap, cap),
    dataResidency: dataResidency !== null && dataResidency.trim() !== '' ? dataResidency : null,
  };
}

/**
 * Builds the plan. Per stopped dependency (`SimulationResult.dependencies` with effect
 * `stopped`):
 * - alternatives: `rankAlternatives` with the scenario's hit vendors excluded;
 * - switch to: its fallback when it has one the scenario does not hit, else the rank-1
 *   alternative, else nothing;
 * - time to failover: the exposure model's hours (`failoverEstimate`), the fallback counted as
 *   working when the scenario leaves it standing and as hit when it invalidated it (no
 *   regime-contagion prior: the scenario is known), as the simulation does; gap = max(0, that - RTO);
 * - top actions: stopped dependencies by expected loss, those needing work before the order
 *   (no usable fallback, or an untested one) ahead of those with a tested fallback.
 */
export function buildFailoverPlan(input: FailoverPlanInput): FailoverPlan {
  const { portfolio, simulation, catalog, planningModel, scoringModel, asOf } = input;
  const vendorById = new Map<string, VendorProfile>();
  for (const v of portfolio.vendors) if (!vendorById.has(v.id)) vendorById.set(v.id, v);
  const catalogNames = new Map(catalog.vendors.map((v) => [v.id, v.name]));
  const vendorName = (id: string) => vendorById.get(id)?.name ?? catalogNames.get(id) ?? id;
  const dependencyById = new Map(portfolio.dependencies.map((d) => [d.id, d]));
  const modelById = new Map<string, CandidateModelInput>();
  for (const m of catalog.models) if (!modelById.has(m.id)) modelById.set(m.id, m);
  const hit = new Set(simulation.hitVendorIds);
  // The scenario judged against every candidate vendor too, not only the inventory's: "every
  // US vendor" must rule out US vendors the organization does not use yet.
  const candidateHits = new Set([
    ...hit,
    ...vendorsHitBy(
      simulation.scenario,
      catalog.vendors.map((v) => ({ ...v, openWeights: null, events: v.events ?? [] })),
      scoringModel.likelihood.jurisdictionGroups.value,
    ),
  ]);
  const openAiCompatibleVendors = new Set(
    catalog.models.filter((m) => m.openAiCompatible === true).map((m) => m.vendorId),
  );
  const invalidated = new Set(simulation.invalidatedFallbacks.map((f) => f.dependencyId));
  // Today's spend is compared with catalog prices only in the same currency.
  const spendComparable = portfolio.organization.currency === input.priceCurrency;
  const context = {
    organization: portfolio.organization,
    planningModel,
    scoringModel,
    asOf,
  };

  const planned: PlannedDependency[] = [];
  const knockOn: KnockOnDependency[] = [];
  const stoppedIds = new Set(
    simulation.dependencies.filter((s) => s.effect === 'stopped').map((s) => s.dependencyId),
  );
  for (const simulated of simulation.dependencies) {
    const dependency = dependencyById.get(simulated.dependencyId);
    if (dependency === undefined) continue;
    if (simulated.effect !== 'stopped') {
      knockOn.push({
        dependencyId: dependency.id,
        name: dependency.name,
        team: dependency.team,
        effect: simulated.effect,
        expectedLoss: simulated.expectedLoss.total,
        waitsFor: waitsFor(dependency, dependencyById, stoppedIds),
      });
      continue;
    }
    planned.push(
      planDependency(dependency, simulated, {
        input,
        context,
        hit: candidateHits,
        fallbackHit: invalidated.has(dependency.id),
        spendComparable,
        vendorById,
        vendorName,
        modelById,
      }),
    );
  }

  const runbookDependencies = planned.map((p) => toRunbookDependency(p, dependencyById));
  const runbook = buildRunbook({
    dependencies: runbookDependencies,
    contracts: input.contracts.filter((c) => planned.some((p) => p.vendorId === c.vendorId)),
    timings: {
      detectHours: planningModel.runbook.detectHours.value,
      containHours: planningModel.runbook.containHours.value,
      stabiliseHours: planningModel.runbook.stabiliseHours.value,
    },
  });
  // The recovery gaps come in runbook order.
  const order = new Map(runbook.recoveryGaps.map((g, i) => [g.dependencyId, i]));
  planned.sort((a, b) => order.get(a.dependencyId)! - order.get(b.dependencyId)!);

  return {
    planningModelVersion: planningModel.version,
    scoringModelVersion: scoringModel.version,
    currency: simulation.currency,
    priceCurrency: input.priceCurrency,
    asOf: asOf.toISOString(),
    scenario: simulation.scenario,
    hitVendors: [...hit].sort().map((id) => ({ id, name: vendorName(id) })),
    vendorNames: mentionedVendorNames(planned, vendorName),
    summary: summarise(planned, knockOn, simulation, spendComparable),
    dependencies: planned,
    knockOn,
    runbook,
    gatewayRoutes: planned.flatMap((p) =>
      gatewayRoute(p, dependencyById.get(p.dependencyId)!, openAiCompatibleVendors),
    ),
  };
}

interface PlanningScope {
  input: FailoverPlanInput;
  context: Parameters<typeof rankAlternatives>[3];
  hit: ReadonlySet<string>;
  fallbackHit: boolean;
  spendComparable: boolean;
  vendorById: ReadonlyMap<string, VendorProfile>;
  vendorName: (id: string) => string;
  modelById: ReadonlyMap<string, CandidateModelInput>;
}

function planDependency(
  dependency: DependencyProfile,
  simulated: SimulatedDependency,
  scope: PlanningScope,
): PlannedDependency {
  const { input, hit, vendorName, modelById } = scope;
  const current = dependency.modelId === null ? undefined : modelById.get(dependency.modelId);
  const needs = alternativeNeeds(current, dependency.dataResidency ?? null, input.planningModel);
  const ranking = rankAlternatives(
    {
      id: dependency.id,
      vendorId: dependency.vendorId,
      modelId: dependency.modelId,
      needs,
      monthlyInputTokens: dependency.monthlyInputTokens,
      monthlyOutputTokens: dependency.monthlyOutputTokens,
      monthlySpend: scope.spendComparable ? dependency.monthlySpend : null,
      fineTuned: dependency.switching.fineTuned,
      vendorSpecificFeatures: dependency.switching.vendorSpecificFeatures,
      gateway: dependency.switching.gateway,
      apiFamily: input.vendorApiFamilies[dependency.vendorId] ?? null,
    },
    input.catalog,
    hit,
    scope.context,
  );

  const fallback = dependency.fallback;
  // As in the simulation: a fallback works unless the scenario invalidated it.
  const fallbackUsable =
    fallback.status !== 'none' && !scope.fallbackHit && fallback.vendorId !== dependency.vendorId;
  const existingFallback: ExistingFallback | null =
    fallback.status === 'none'
      ? null
      : {
          status: fallback.status,
          vendorId: fallback.vendorId,
          vendorName: fallback.vendorId === null ? null : vendorName(fallback.vendorId),
          modelId: fallback.modelId,
          usable: fallbackUsable,
        };

  // The scenario is known, so no regime-contagion prior: the fallback works or it is hit.
  const estimate = failoverEstimate(
    dependency,
    fallbackUsable ? 'independent' : 'hit',
    input.scoringModel,
    input.asOf,
  );
  const timeToFailoverHours = estimate.hours;

  const [chosen = null, ...runnersUp] = ranking.proposed;
  const selfHostedRanked = ranking.proposed.find((p) => p.kind === 'self_hosted');
  return {
    dependencyId: dependency.id,
    name: dependency.name,
    team: dependency.team,
    vendorId: dependency.vendorId,
    vendorName: vendorName(dependency.vendorId),
    modelId: dependency.modelId,
    criticality: dependency.criticality,
    monthlySpend: dependency.monthlySpend,
    rtoHours: dependency.rtoHours,
    timeToFailoverHours,
    gapHours: recoveryGap(dependency.rtoHours, timeToFailoverHours).gapHours,
    expectedLoss: simulated.expectedLoss.total,
    p90Loss: simulated.p90,
    probabilityOutageExceedsRto: simulated.probabilityOutageExceedsRto,
    existingFallback,
    needs,
    switchTo:
      existingFallback?.usable === true
        ? fallbackTarget(existingFallback, modelById, scope.vendorById)
        : chosen === null
          ? null
          : alternativeTarget(chosen, vendorName),
    chosen,
    runnersUp,
    selfHosting: selfHostedRanked?.selfHosting ?? null,
    selfHostingOptions: ranking.selfHostingOptions.slice(0, MAX_SELF_HOSTING_OPTIONS),
    excludedByReason: countReasons(ranking.excluded),
    fitCount: ranking.fitCount,
  };
}

function fallbackTarget(
  fallback: ExistingFallback,
  modelById: ReadonlyMap<string, CandidateModelInput>,
  vendorById: ReadonlyMap<string, VendorProfile>,
): PlanTarget {
  const modelId = fallback.modelId ?? '';
  const modelName = modelById.get(modelId)?.name ?? (modelId || 'its documented model');
  const vendor = fallback.vendorName ?? fallback.vendorId ?? 'the documented vendor';
  return {
    kind: 'existing_fallback',
    selfHosted:
      fallback.vendorId !== null && vendorById.get(fallback.vendorId)?.kind === 'self_hosted',
    vendorId: fallback.vendorId ?? '',
    vendorName: vendor,
    modelId,
    label: `${modelName} on ${vendor}`,
  };
}

function alternativeTarget(alt: RankedAlternative, vendorName: (id: string) => string): PlanTarget {
  const name = vendorName(alt.vendorId);
  if (alt.kind === 'self_hosted') {
    const sizing = alt.selfHosting;
    const hardware =
      sizing === null ? '' : ` (${sizing.totalGpus} x ${sizing.gpuName}, ${sizing.precision})`;
    return {
      kind: 'self_hosted',
      selfHosted: true,
      vendorId: alt.vendorId,
      vendorName: name,
      modelId: alt.familyId ?? alt.candidateId,
      label: `${alt.name}${hardware}`,
    };
  }
  return {
    kind: 'api',
    selfHosted: false,
    vendorId: alt.vendorId,
    vendorName: name,
    modelId: alt.modelId ?? alt.candidateId,
    label: `${alt.name} on ${name}`,
  };
}

function toRunbookDependency(
  p: PlannedDependency,
  dependencyById: ReadonlyMap<string, DependencyProfile>,
): RunbookDependency {
  const target: RunbookAlternative | null =
    p.switchTo === null
      ? null
      : {
          modelId: p.switchTo.modelId,
          vendorId: p.switchTo.vendorId,
          label: p.switchTo.label,
          selfHosted: p.switchTo.selfHosted,
        };
  return {
    id: p.dependencyId,
    name: p.name,
    team: p.team,
    vendorId: p.vendorId,
    vendorName: p.vendorName,
    criticality: p.criticality,
    rtoHours: p.rtoHours,
    timeToFailoverHours: p.timeToFailoverHours,
    fallbackStatus: p.existingFallback?.usable === true ? p.existingFallback.status : 'none',
    chosenAlternative: target,
    dependsOn: dependencyById.get(p.dependencyId)?.dependsOn ?? [],
  };
}

function mentionedVendorNames(
  planned: readonly PlannedDependency[],
  vendorName: (id: string) => string,
): Record<string, string> {
  const ids = new Set<string>();
  for (const p of planned) {
    ids.add(p.vendorId);
    if (p.existingFallback?.vendorId) ids.add(p.existingFallback.vendorId);
    for (const alt of [p.chosen, ...p.runnersUp]) if (alt !== null) ids.add(alt.vendorId);
  }
  return Object.fromEntries([...ids].sort().map((id) => [id, vendorName(id)]));
}

function waitsFor(
  dependency: DependencyProfile,
  byId: ReadonlyMap<string, DependencyProfile>,
  stoppedIds: ReadonlySet<string>,
): string[] {
  // Walks the whole upstream chain: a cascade can pass through dependencies that are not stopped.
  const names = new Set<string>();
  const seen = new Set<string>([dependency.id]);
  const queue = [...dependency.dependsOn];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const upstream = byId.get(id);
    if (upstream === undefined) continue;
    if (stoppedIds.has(id)) names.add(upstream.name);
    queue.push(...upstream.dependsOn);
  }
  return [...names].sort();
}

function countReasons(
  excluded: ReturnType<typeof rankAlternatives>['excluded'],
): Partial<Record<ExclusionCode, number>> {
  const counts: Partial<Record<ExclusionCode, number>> = {};
  for (const candidate of excluded) {
    for (const reason of candidate.reasons) counts[reason.code] = (counts[reason.code] ?? 0) + 1;
  }
  return counts;
}

const ACTION_PRIORITY: Record<PlanActionKind, number> = {
  find_replacement: 0,
  prepare_alternative: 0,
  test_fallback: 0,
  keep_fallback_ready: 1,
};

function actionFor(p: PlannedDependency): PlanAction {
  const fallback = p.existingFallback;
  const kind: PlanActionKind =
    fallback?.usable === true
      ? fallback.status === 'tested' && p.gapHours === 0
        ? 'keep_fallback_ready'
        : 'test_fallback'
      : p.switchTo === null
        ? 'find_replacement'
        : 'prepare_alternative';
  return {
    kind,
    dependencyId: p.dependencyId,
    dependencyName: p.name,
    team: p.team,
    targetLabel: p.switchTo?.label ?? null,
    expectedLoss: p.expectedLoss,
    timeToFailoverHours: p.timeToFailoverHours,
    rtoHours: p.rtoHours,
    gapHours: p.gapHours,
    monthlyCostDifference: p.chosen?.monthlyCostDifference ?? null,
  };
}

function summarise(
  planned: PlannedDependency[],
  knockOn: KnockOnDependency[],
  simulation: SimulationResult,
  spendComparable: boolean,
): FailoverPlanSummary {
  const switchCost = (p: PlannedDependency) =>
    p.switchTo !== null && p.switchTo.kind !== 'existing_fallback'
      ? (p.chosen?.monthlyCostDifference ?? null)
      : null;
  const totals = simulation.totals;
  const topActions = planned
    .map(actionFor)
    .sort(
      (a, b) =>
        ACTION_PRIORITY[a.kind] - ACTION_PRIORITY[b.kind] ||
        b.expectedLoss - a.expectedLoss ||
        b.gapHours - a.gapHours ||
        (a.dependencyName < b.dependencyName ? -1 : a.dependencyName > b.dependencyName ? 1 : 0),
    )
    .slice(0, TOP_ACTIONS);
  return {
    stopped: planned.length,
    frozenByCascade: knockOn.filter((k) => k.effect === 'frozen_by_cascade').length,
    degraded: knockOn.filter((k) => k.effect === 'degraded').length,
    expectedLoss: totals.total.expected,
    p90Loss: totals.total.p90,
    p99Loss: totals.total.p99,
    expectedLossByCategory: {
      pipelineFreeze: totals.pipelineFreeze.expected,
      slaBreach: totals.slaBreach.expected,
      budgetShift: totals.budgetShift.expected,
    },
    breachedCommitments: simulation.commitments
      .filter((c) => c.probabilityOfBreach > 0)
      .map((c) => ({
        commitmentId: c.commitmentId,
        clientName: c.clientName,
        probabilityOfBreach: c.probabilityOfBreach,
        expectedCost: c.expectedCredits + c.expectedPenalties,
      }))
      .sort(
        (a, b) => b.probabilityOfBreach - a.probabilityOfBreach || b.expectedCost - a.expectedCost,
      ),
    rtoGaps: planned.filter((p) => p.gapHours > 0).length,
    withoutReplacement: planned.filter((p) => p.switchTo === null).length,
    monthlyCostDifference: spendComparable
      ? planned.reduce((sum, p) => sum + (switchCost(p) ?? 0), 0)
      : null,
    switchesWithoutCost: planned.filter((p) => p.switchTo !== null && switchCost(p) === null)
      .length,
    topActions,
  };
}

/** Primary = today's model; fallbacks = the switch target, then the other proposed APIs. */
function gatewayRoute(
  p: PlannedDependency,
  dependency: DependencyProfile,
  openAiCompatibleVendors: ReadonlySet<string>,
): GatewayRoute[] {
  if (dependency.modelId === null) return [];
  const fallbacks: GatewayFallback[] = [];
  const add = (f: GatewayFallback) => {
    if (f.modelId === '' || fallbacks.some((x) => x.modelId === f.modelId)) return;
    fallbacks.push({ ...f, openAiCompatible: openAiCompatibleVendors.has(f.vendorId) });
  };
  if (p.switchTo?.kind === 'existing_fallback') {
    add({
      vendorId: p.switchTo.vendorId,
      modelId: p.switchTo.modelId,
      selfHosted: p.switchTo.selfHosted,
    });
  }
  for (const alt of [p.chosen, ...p.runnersUp]) {
    if (alt === null) continue;
    add({
      vendorId: alt.vendorId,
      modelId: alt.kind === 'self_hosted' ? (alt.familyId ?? alt.candidateId) : alt.modelId!,
      selfHosted: alt.kind === 'self_hosted',
    });
  }
  if (fallbacks.length === 0) return [];
  return [
    {
      dependencyName: p.name,
      primary: { vendorId: dependency.vendorId, modelId: dependency.modelId },
      fallbacks,
    },
  ];
}
