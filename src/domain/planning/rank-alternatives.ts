/**
 * Alternatives for one dependency a scenario affects: the catalog's models that the scenario
 * does not hit and that do what the use needs, plus self-hosting the open-weights families among
 * them, ranked by a weighted score of capability fit, cost at the dependency's volume, switching
 * effort and residual regulatory exposure (DESIGN.md section 5, "Alternatives").
 */
import { formatNumber, nonNegative, type Factor } from '../explanation';
import {
  normalizeCode,
  suspensionLikelihood,
  type SuspensionLikelihood,
} from '../exposure/suspension-likelihood';
import { vendorRegimes } from '../exposure/time-to-failover';
import type {
  AccessPath,
  OrganizationProfile,
  RegulatoryEventProfile,
  VendorKind,
  VendorProfile,
} from '../portfolio';
import type { ScoringModel } from '../scoring-model';
import { jurisdictionsOverlap } from '../simulation/scenario';
import {
  RANKING_COMPONENTS,
  type PlanningModel,
  type Precision,
  type RankingWeights,
} from './planning-model';
import {
  bestSelfHostingOptions,
  sizeSelfHosting,
  type GpuInput,
  type OpenWeightsFamilyInput,
  type SelfHostingSizing,
} from './self-hosting-sizing';

/** What the use needs from any replacement. */
export interface AlternativeNeeds {
  /** e.g. `text`, `image`; compared case-insensitively. */
  inputModalities: string[];
  outputModalities: string[];
  toolCalling: boolean;
  reasoning: boolean;
  /** Tokens; 0 for no requirement. */
  minContextTokens: number;
  /** ISO 3166-1 code or group (`EU`) where the data must stay; null for no requirement. */
  dataResidency: string | null;
}

export interface AffectedDependencyInput {
  id: string;
  vendorId: string;
  /** The catalog model it runs on today, never proposed as its own alternative. */
  modelId: string | null;
  needs: AlternativeNeeds;
  monthlyInputTokens: number;
  monthlyOutputTokens: number;
  /**
   * Today's monthly spend in the price lists' currency; null when it is kept in another currency
   * (no exchange rate is assumed: costs are then compared among the candidates only).
   */
  monthlySpend: number | null;
  fineTuned: boolean;
  vendorSpecificFeatures: boolean;
  gateway: boolean;
  /** The API it is written against, e.g. `openai`, `anthropic`; null when unknown. */
  apiFamily: string | null;
  /** Self-hosting sizing: context per sequence; default max(minContextTokens, model default). */
  contextTokens?: number | null;
  /** Self-hosting sizing: sequences per replica; default from the planning model. */
  concurrency?: number | null;
}

/** A catalog model (data/catalog/models.json) as a candidate. */
export interface CandidateModelInput {
  /** Unique among the candidates. */
  id: string;
  vendorId: string;
  name?: string;
  inputModalities: string[] | null;
  outputModalities: string[] | null;
  toolCalling: boolean | null;
  reasoning: boolean | null;
  contextWindow: number | null;
  /** Per million tokens, in the price list's currency. */
  inputPricePerMTok: number | null;
  outputPricePerMTok: number | null;
  openWeights: boolean | null;
  openWeightsFamilyId: string | null;
  /** The API family its endpoint speaks, e.g. `openai`, `anthropic`; null when unknown. */
  apiFamily?: string | null;
  /** Whether the endpoint also offers an OpenAI-compatible API. */
  openAiCompatible?: boolean | null;
  /** The lab that made it when another vendor sells it and the weights are closed (modelMaker). */
  makerId?: string | null;
}

/** A vendor (data/catalog/vendors.json or the tenant's) as the ranking needs it. */
export interface CandidateVendorInput {
  id: string;
  name: string;
  kind: VendorKind;
  headquartersCountry: string | null;
  jurisdictions: string[];
  regimes: string[];
  events?: RegulatoryEventProfile[];
}

export interface AlternativesCatalog {
  models: readonly CandidateModelInput[];
  vendors: readonly CandidateVendorInput[];
  families: readonly OpenWeightsFamilyInput[];
  gpus: readonly GpuInput[];
}

export interface RankingContext {
  organization: OrganizationProfile;
  planningModel: PlanningModel;
  /** For the suspension likelihood, jurisdiction groups and regime contagion. */
  scoringModel: ScoringModel;
  asOf: Date;
  /** Default: the planning model's topN. */
  topN?: number;
  /** Vendor id the self-hosted options are filed under (and matched against hits). */
  selfHostedVendorId?: string;
}

export type ExclusionCode =
  | 'hit_by_scenario'
  | 'current_model'
  | 'unknown_vendor'
  | 'input_modality'
  | 'output_modality'
  | 'tool_calling'
  | 'reasoning'
  | 'context_window'
  | 'data_residency'
  | 'no_feasible_self_hosting';

export interface ExclusionReason {
  code: ExclusionCode;
  explanation: string;
}

export type AlternativeKind = 'api' | 'self_hosted';

export interface ExcludedCandidate {
  candidateId: string;
  vendorId: string;
  kind: AlternativeKind;
  reasons: ExclusionReason[];
}

export type RankingComponent = keyof RankingWeights;

export interface ComponentScore {
  /** 0 (worst) .. 1 (best). */
  score: number;
  weight: number;
  /** weight x score; the contributions add up to the total score. */
  contribution: number;
}

export interface RankedAlternative {
  /** 1-based position among every candidate that fits. */
  rank: number;
  candidateId: string;
  name: string;
  vendorId: string;
  kind: AlternativeKind;
  /** Catalog model id for an API candidate; null for self-hosting. */
  modelId: string | null;
  familyId: string | null;
  /** sum of the component contributions, 0 .. 1. */
  score: number;
  components: Record<RankingComponent, ComponentScore>;
  /** Null when the price is unknown. */
  monthlyCost: number | null;
  /** monthlyCost - today's spend; positive when the alternative costs more. */
  monthlyCostDifference: number | null;
  /** Suspension probability over the scoring model's horizon, contagion included. */
  suspensionProbability: number;
  /** The cheapest feasible sizing, for a self-hosted candidate. */
  selfHosting: SelfHostingSizing | null;
  /** `best_self_hosted`: added after the top N because it is the best self-hosted option. */
  includedAs: 'top_n' | 'best_self_hosted';
  factors: Factor[];
}

/** A feasible self-hosted family, scored as the ranking would score it. */
export interface SelfHostingOptionSummary {
  candidateId: string;
  familyId: string;
  score: number;
  monthlyCost: number;
  gpuId: string;
  precision: Precision;
  totalGpus: number;
}

export interface AlternativesRanking {
  dependencyId: string;
  planningModelVersion: string;
  proposed: RankedAlternative[];
  /** Every fitting self-hosted family, best first; the first is the one ranked. */
  selfHostingOptions: SelfHostingOptionSummary[];
  /** Every candidate left out, with all of its reasons, ordered by id. */
  excluded: ExcludedCandidate[];
  /** How many candidates were ranked: the fitting API models plus the self-hosted option. */
  fitCount: number;
}

export const DEFAULT_SELF_HOSTED_VENDOR_ID = 'self-hosted';

/**
 * An explanation written only if it is shown: most candidates are compared by their numbers and
 * never proposed, and writing their explanations cost more than ranking them.
 */
type LazyFactor = () => Factor;

/** A candidate in the form both kinds share once resolved. */
interface Resolved {
  id: string;
  name: string;
  vendor: CandidateVendorInput;
  kind: AlternativeKind;
  modelId: string | null;
  familyId: string | null;
  inputModalities: string[] | null;
  outputModalities: string[] | null;
  toolCalling: boolean | null;
  reasoning: boolean | null;
  contextWindow: number | null;
  apiFamily: string | null;
  openAiCompatible: boolean | null;
  monthlyCost: number | null;
  costFactors: LazyFactor[];
  /** API price of the model (or, self-hosted, of its catalog entry) at the dependency's volume. */
  tierCost: number | null;
  sizing: SelfHostingSizing | null;
  precisionFit: number;
}

interface Fit {
  reasons: ExclusionReason[];
  score: number;
  factors: LazyFactor[];
}

const lower = (xs: readonly string[]) => xs.map((x) => x.trim().toLowerCase());

/**
 * Hard needs and what the catalog leaves unknown. A need the candidate lacks excludes it with a
 * reason; a need it may have (catalog null) multiplies the fit by `unknownCapabilityFactor`:
 *   capability fit = unknownCapabilityFactor ^ (unknown needs) x precision fit (self-hosting)
 * Data residency: the vendor's jurisdictions (else headquarters) must overlap it, groups such
 * as `EU` expanded; a self-hosted deployment runs where the organization puts it, so it always
 * complies.
 */
function capabilityFit(
  c: Resolved,
  needs: AlternativeNeeds,
  groups: Readonly<Record<string, readonly string[]>>,
  model: PlanningModel,
  currentCost: number | null,
): Fit {
  const reasons: ExclusionReason[] = [];
  const factors: LazyFactor[] = [];
  const unknownFactor = model.ranking.unknownCapabilityFactor.value;
  let unknowns = 0;
  const unknown = (name: string, what: string) => {
    unknowns++;
    factors.push(() => ({
      name,
      value: unknownFactor,
      unit: 'x capability fit',
      explanation: `The catalog does not confirm ${what}: verify it first (x${formatNumber(unknownFactor)}).`,
    }));
  };

  const modalityCheck = (
    direction: 'input' | 'output',
    needed: readonly string[],
    offered: string[] | null,
  ) => {
    const want = lower(needed);
    if (want.length === 0) return;
    if (offered === null) {
      unknown(`${direction} modalities`, `${direction} ${want.join(', ')}`);
      return;
    }
    const have = new Set(lower(offered));
    const missing = want.filter((m) => !have.has(m));
    if (missing.length > 0) {
      reasons.push({
        code: direction === 'input' ? 'input_modality' : 'output_modality',
        explanation: `Lacks ${direction} ${missing.join(', ')} (offers ${offered.join(', ') || 'none'}).`,
      });
    }
  };
  modalityCheck('input', needs.inputModalities, c.inputModalities);
  modalityCheck('output', needs.outputModalities, c.outputModalities);

  if (needs.toolCalling) {
    if (c.toolCalling === false) {
      reasons.push({
        code: 'tool_calling',
        explanation: 'The use calls tools; this model cannot.',
      });
    } else if (c.toolCalling === null) unknown('tool calling', 'tool calling');
  }
  if (needs.reasoning) {
    if (c.reasoning === false) {
      reasons.push({ code: 'reasoning', explanation: 'The use needs a reasoning model.' });
    } else if (c.reasoning === null) unknown('reasoning', 'reasoning');
  }
  const minContext = nonNegative(needs.minContextTokens);
  if (minContext > 0) {
    if (c.contextWindow === null) {
      unknown('context window', `a ${formatNumber(minContext, 0)}-token context`);
    } else if (c.contextWindow < minContext) {
      reasons.push({
        code: 'context_window',
        explanation:
          `Context window ${formatNumber(c.contextWindow, 0)} tokens is below the ` +
          `${formatNumber(minContext, 0)} the use needs.`,
      });
    }
  }
  if (needs.dataResidency !== null && needs.dataResidency.trim() !== '' && c.kind === 'api') {
    const own =
      c.vendor.jurisdictions.length > 0
        ? c.vendor.jurisdictions
        : c.vendor.headquartersCountry
          ? [c.vendor.headquartersCountry]
          : [];
    if (!jurisdictionsOverlap(own, [needs.dataResidency], groups)) {
      reasons.push({
        code: 'data_residency',
        explanation:
          own.length === 0
            ? `${c.vendor.name}'s jurisdictions are unknown, so ${normalizeCode(needs.dataResidency)} residency cannot be shown.`
            : `Data must stay in ${normalizeCode(needs.dataResidency)}; ${c.vendor.name} operates in ${own.join(', ')}.`,
      });
    }
  }

  const tier = tierFit(c.tierCost, currentCost, model);
  if (tier === 'unknown') unknown('model class', "a price to compare its class with today's model");
  let score = Math.pow(unknownFactor, unknowns);
  if (tier !== null && tier !== 'unknown') {
    score *= tier.value;
    factors.push(tier.factor);
  }
  const sizing = c.sizing;
  if (sizing !== null) {
    score *= c.precisionFit;
    factors.push(() => ({
      name: 'precision',
      value: c.precisionFit,
      unit: 'x capability fit',
      explanation:
        `Runs at ${sizing.precision}: x${formatNumber(c.precisionFit)}. ` +
        model.ranking.precisionFitFactors.rationale,
    }));
  }
  factors.push(() => ({
    name: 'capability fit',
    value: score,
    unit: 'score 0-1',
    explanation:
      unknowns === 0
        ? 'Every need is confirmed by the catalog' +
          (c.sizing !== null ? ` (x${formatNumber(c.precisionFit)} for the precision).` : '.')
        : `${unknowns} need(s) unconfirmed: ${formatNumber(unknownFactor)}^${unknowns}` +
          (c.sizing !== null ? ` x ${formatNumber(c.precisionFit)}` : '') +
          ` = ${formatNumber(score, 3)}.`,
  }));
  return { reasons, score, factors };
}

/**
 * Class of model, with list price as the proxy (the catalog has no quality measure): a candidate
 * whose API price at the dependency's volume is below `tierPriceRatioFloor` x today's model's is
 * likely a smaller model, so its fit is scaled by ratio / floor. Null (no factor) when today's
 * price is unknown or zero; `unknown` when only the candidate's is.
 */
function tierFit(
  candidateCost: number | null,
  currentCost: number | null,
  model: PlanningModel,
): { value: number; factor: LazyFactor } | 'unknown' | null {
  if (currentCost === null || !(currentCost > 0)) return null;
  if (candidateCost === null) return 'unknown';
  const floor = model.ranking.tierPriceRatioFloor.value;
  const ratio = nonNegative(candidateCost) / currentCost;
  const value = floor > 0 ? Math.min(1, ratio / floor) : 1;
  const factor = (): Factor => ({
    name: 'model class',
    value,
    unit: 'x capability fit',
    explanation:
      value >= 1
        ? `Priced at ${formatNumber(ratio * 100, 0)} % of today's model: the same class or above.`
        : `Priced at ${formatNumber(ratio * 100, 1)} % of today's model, below the ` +
          `${formatNumber(floor * 100, 0)} % that marks the same class: likely a smaller model ` +
          `(x${formatNumber(value, 3)}).`,
  });
  return { value, factor };
}

/**
 * The median API price of a family's catalog entries at the volume: what hosts commonly charge
 * for weights of that size, so it stands for the family's class.
 */
function familyTierCost(
  members: readonly CandidateModelInput[],
  dependency: AffectedDependencyInput,
): number | null {
  const costs = members
    .map((m) => apiMonthlyCost(m, dependency).cost)
    .filter((c): c is number => c !== null)
    .sort((a, b) => a - b);
  if (costs.length === 0) return null;
  const middle = Math.floor(costs.length / 2);
  return costs.length % 2 === 1 ? costs[middle] : (costs[middle - 1] + costs[middle]) / 2;
}

/** input tokens / 1e6 x input price + output tokens / 1e6 x output price; null when a needed price is unknown. */
function apiMonthlyCost(
  m: CandidateModelInput,
  dependency: AffectedDependencyInput,
): { cost: number | null; factors: LazyFactor[] } {
  const input = nonNegative(dependency.monthlyInputTokens);
  const output = nonNegative(dependency.monthlyOutputTokens);
  const missing: string[] = [];
  if (input > 0 && m.inputPricePerMTok === null) missing.push('input');
  if (output > 0 && m.outputPricePerMTok === null) missing.push('output');
  if (missing.length > 0) {
    return {
      cost: null,
      factors: [
        () => ({
          name: 'monthly cost',
          value: 0,
          unit: 'unknown',
          explanation: `The catalog has no ${missing.join(' or ')} price for this model.`,
        }),
      ],
    };
  }
  const inPrice = nonNegative(m.inputPricePerMTok ?? 0);
  const outPrice = nonNegative(m.outputPricePerMTok ?? 0);
  const cost = (input / 1e6) * inPrice + (output / 1e6) * outPrice;
  return {
    cost,
    factors: [
      () => ({
        name: 'monthly cost',
        value: cost,
        unit: 'money per month',
        explanation:
          `${formatNumber(input / 1e6, 3)} M input tokens x ${formatNumber(inPrice, 3)} + ` +
          `${formatNumber(output / 1e6, 3)} M output tokens x ${formatNumber(outPrice, 3)} per M = ` +
          `${formatNumber(cost)}.`,
      }),
    ],
  };
}

/**
 * Switching score = max(0, 1 - API penalty x (gateway ? gatewayApiFactor : 1) - model change -
 * fine-tune - vendor-specific features - self-hosting operations). API penalty: 0 for the same
 * API family, `openAiCompatibleApi` when the use speaks OpenAI's API and the candidate offers a
 * compatible one, else `differentApi` (also when either family is unknown). Model change applies
 * unless the candidate runs the same open-weights family as the dependency does today.
 */
function switchingEffort(
  c: Resolved,
  dependency: AffectedDependencyInput,
  currentFamilyId: string | null,
  model: PlanningModel,
): { score: number; factors: LazyFactor[] } {
  const p = model.ranking.switchingPenalties.value;
  const factors: LazyFactor[] = [];
  const ours = dependency.apiFamily?.trim().toLowerCase() || null;
  const theirs = c.apiFamily?.trim().toLowerCase() || null;
  let api: number;
  let why: string;
  if (ours !== null && ours === theirs) {
    api = 0;
    why = `Same API family (${ours}): no call-site changes.`;
  } else if (c.openAiCompatible === true && (ours === 'openai' || ours === 'openai-compatible')) {
    api = p.openAiCompatibleApi;
    why = 'OpenAI-compatible endpoint: new base URL and model name, behaviour to re-check.';
  } else {
    api = p.differentApi;
    why =
      ours === null || theirs === null
        ? 'API family unknown on one side: counted as a different API.'
        : `Different API (${ours} -> ${theirs}): calls must be rewritten.`;
  }
  const gatewayFactor = dependency.gateway ? model.ranking.gatewayApiFactor.value : 1;
  const apiPenalty = api * gatewayFactor;
  factors.push(() => ({
    name: 'API switch',
    value: apiPenalty,
    unit: 'switching penalty',
    explanation:
      why +
      (dependency.gateway && api > 0
        ? ` Calls go through a gateway: x${formatNumber(gatewayFactor)}.`
        : ''),
  }));
  let penalty = apiPenalty;
  const add = (name: string, value: number, explanation: string) => {
    penalty += value;
    factors.push(() => ({ name, value, unit: 'switching penalty', explanation }));
  };
  if (currentFamilyId !== null && c.familyId === currentFamilyId) {
    add('model change', 0, `Same open weights as today (${currentFamilyId}): prompts carry over.`);
  } else {
    add(
      'model change',
      p.modelChange,
      'Other weights than today: prompts re-tuned, outputs re-validated.',
    );
  }
  if (dependency.fineTuned) {
    add('fine-tune', p.fineTuned, 'The fine-tune must be rebuilt on the new model.');
  }
  if (dependency.vendorSpecificFeatures) {
    add(
      'vendor-specific features',
      p.vendorSpecificFeatures,
      'Features only the current vendor offers must be re-engineered.',
    );
  }
  if (c.kind === 'self_hosted') {
    add(
      'self-hosting operations',
      p.selfHostingOperations,
      'Running GPUs, a serving engine and on-call is new work.',
    );
  }
  const score = Math.max(0, 1 - penalty);
  factors.push(() => ({
    name: 'switching effort',
    value: score,
    unit: 'score 0-1',
    explanation: `1 - ${formatNumber(penalty, 3)} penalties = ${formatNumber(score, 3)}.`,
  }));
  return { score, factors };
}

/** The access path a candidate would be used through: its vendor kind decides. */
function accessPathOf(kind: VendorKind): AccessPath {
  return kind === 'reseller' ? 'reseller' : kind === 'self_hosted' ? 'self_hosted' : 'direct_api';
}

function vendorProfile(v: CandidateVendorInput): VendorProfile {
  return {
    id: v.id,
    name: v.name,
    headquartersCountry: v.headquartersCountry,
    jurisdictions: v.jurisdictions,
    regimes: v.regimes,
    kind: v.kind,
    openWeights: null,
    events: v.events ?? [],
  };
}

/**
 * Residual regulatory exposure: p = the scoring model's suspension likelihood of the candidate's
 * vendor (kind, events, access path, jurisdiction against the organization's home); when the
 * vendor shares a regime with the dependency's current (hit) vendor, a regime-wide order could
 * reach it too: p' = p + (1 - p) x regimeContagionProbability. Score = p0 / (p0 + p'), where p0
 * is the likelihood of a vendor at the base rate with every factor 1, so such a vendor scores
 * 0.5, a safer one more, a riskier one less.
 */
function regulatoryExposure(
  c: Resolved,
  current: CandidateVendorInput | undefined,
  likelihood: SuspensionLikelihood,
  scoring: ScoringModel,
): { score: number; probability: number; factors: LazyFactor[] } {
  const factors: LazyFactor[] = [];
  const likely = likelihood.probability;
  let p = likely;
  factors.push(() => ({
    name: 'suspension likelihood',
    value: likely,
    unit: 'probability',
    explanation:
      `${c.vendor.name} (${c.vendor.kind.replace(/_/g, ' ')}, ${likelihood.accessPath.replace(/_/g, ' ')}): ` +
      `${formatNumber(likely, 4)} over ${formatNumber(likelihood.horizonMonths)} months` +
      drivers(likelihood),
  }));
  if (current !== undefined && c.kind === 'api') {
    const ours = vendorRegimes(vendorProfile(current));
    const shared = [...vendorRegimes(vendorProfile(c.vendor))].filter((r) => ours.has(r)).sort();
    if (shared.length > 0) {
      const q = scoring.scenario.regimeContagionProbability.value;
      const before = p;
      const after = p + (1 - p) * q;
      p = after;
      factors.push(() => ({
        name: 'regime contagion',
        value: after,
        unit: 'probability',
        explanation:
          `Shares ${shared.join(', ')} with ${current.name}: ${formatNumber(before, 4)} + ` +
          `(1 - ${formatNumber(before, 4)}) x ${formatNumber(q)} = ${formatNumber(after, 4)}.`,
      }));
    }
  }
  const l = scoring.likelihood;
  const p0 = Math.min(
    l.likelihoodCap.value,
    1 - Math.exp((-l.baseAnnualRate.value * l.horizonMonths.value) / 12),
  );
  const final = p;
  const score = p0 > 0 ? p0 / (p0 + final) : final > 0 ? 0 : 1;
  factors.push(() => ({
    name: 'regulatory exposure',
    value: score,
    unit: 'score 0-1',
    explanation: `${formatNumber(p0, 4)} (base-rate vendor) / (${formatNumber(p0, 4)} + ${formatNumber(final, 4)}) = ${formatNumber(score, 3)}.`,
  }));
  return { score, probability: p, factors };
}

/** The likelihood's multipliers other than 1, for the explanation. */
function drivers(likelihood: SuspensionLikelihood): string {
  const list = likelihood.factors
    .filter((f) => f.unit.startsWith('x') && f.value !== 1)
    .map((f) => `${f.name} x${formatNumber(f.value, 3)}`);
  return list.length > 0 ? ` (${list.join(', ')}).` : ' (every factor 1).';
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Scored {
  candidate: Resolved;
  fit: Fit;
  switching: { score: number; factors: LazyFactor[] };
  exposure: { score: number; probability: number; factors: LazyFactor[] };
  costFactors: LazyFactor[];
  components: Record<RankingComponent, ComponentScore>;
  score: number;
}

/** Score desc, then monthly cost asc (unknown last), then id. */
function compareScored(a: Scored, b: Scored): number {
  if (a.score !== b.score) return b.score - a.score;
  const ca = a.candidate.monthlyCost;
  const cb = b.candidate.monthlyCost;
  if (ca !== cb) {
    if (ca === null) return 1;
    if (cb === null) return -1;
    return ca - cb;
  }
  return compareIds(a.candidate.id, b.candidate.id);
}

const LABEL: Record<RankingComponent, string> = {
  capabilityFit: 'capability fit',
  cost: 'cost',
  switchingEffort: 'switching effort',
  regulatoryExposure: 'regulatory exposure',
};

/**
 * Ranks the alternatives for one affected dependency.
 *
 * Candidates: every catalog model, plus self-hosting each open-weights family that catalog models
 * link to. A family takes the capabilities of its best-fitting catalog entry and the family's
 * context window, and is sized with `bestSelfHostingOptions` at the dependency's volume (the
 * cheapest feasible GPU x precision kept); only the best-scoring family enters the ranking as
 * "the" self-hosted option, the others are listed in `selfHostingOptions`. Excluded, with every
 * reason: a vendor in `hitVendorIds` (never proposed), the dependency's own model, an unknown
 * vendor, a missing modality / tool calling / reasoning / context / data residency, a family no
 * GPU can hold.
 *
 *   score      = w_fit x capability fit + w_cost x cost score + w_switch x switching score
 *                + w_reg x regulatory score                   (each 0..1, weights sum to 1)
 *   cost score = R / (R + monthly cost), R = today's spend (else the cheapest positive priced
 *                candidate, else 1); an unknown price scores `unknownPriceCostScore`
 *
 * Order: score desc, then monthly cost asc (unknown last), then id. Proposed: the top N, plus
 * the self-hosted option when it is not among them. Capability fit covers the declared needs
 * only: the catalog has no quality measure, so a smaller model that declares them fits as well
 * (the dependency's evaluation suite decides). Money is in the price lists' currency; catalog
 * ids are unique (a repeated id keeps its first entry).
 */
/** What makes two candidates the same choice: kind, then open-weights family or model name. */
function modelKey(c: Resolved): string {
  // `-latest` aliases name the same model as their dated twin.
  const model =
    c.familyId ??
    c.name
      .toLowerCase()
      .replace(/\blatest\b/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, '');
  return `${c.kind}:${model}`;
}

export function rankAlternatives(
  dependency: AffectedDependencyInput,
  catalog: AlternativesCatalog,
  hitVendorIds: ReadonlySet<string>,
  context: RankingContext,
): AlternativesRanking {
  const model = context.planningModel;
  const scoring = context.scoringModel;
  const groups = scoring.likelihood.jurisdictionGroups.value;
  const topN = Math.max(0, Math.floor(context.topN ?? model.ranking.topN.value));
  const selfHostedVendorId = context.selfHostedVendorId ?? DEFAULT_SELF_HOSTED_VENDOR_ID;

  const vendorById = new Map<string, CandidateVendorInput>();
  for (const v of catalog.vendors) if (!vendorById.has(v.id)) vendorById.set(v.id, v);
  const familyById = new Map<string, OpenWeightsFamilyInput>();
  for (const f of catalog.families) if (!familyById.has(f.id)) familyById.set(f.id, f);
  const current = vendorById.get(dependency.vendorId);
  const models: CandidateModelInput[] = [];
  const seen = new Set<string>();
  for (const m of catalog.models) {
    if (seen.has(m.id)) continue;
    seen.add(m.id);
    models.push(m);
  }
  const currentModel = models.find(
    (m) => dependency.modelId !== null && m.id === dependency.modelId,
  );
  const currentFamilyId = currentModel?.openWeightsFamilyId ?? null;
  const currentCost =
    currentModel === undefined ? null : apiMonthlyCost(currentModel, dependency).cost;

  const excluded: ExcludedCandidate[] = [];
  const apiFits: { candidate: Resolved; fit: Fit }[] = [];
  const selfFits: { candidate: Resolved; fit: Fit }[] = [];
  const familyMembers = new Map<string, CandidateModelInput[]>();

  for (const m of models) {
    if (m.openWeights === true && m.openWeightsFamilyId !== null) {
      const members = familyMembers.get(m.openWeightsFamilyId) ?? [];
      members.push(m);
      familyMembers.set(m.openWeightsFamilyId, members);
    }
    const reasons: ExclusionReason[] = [];
    if (hitVendorIds.has(m.vendorId)) {
      reasons.push({
        code: 'hit_by_scenario',
        explanation: `The scenario hits ${m.vendorId}: never proposed.`,
      });
    } else if (m.makerId && hitVendorIds.has(m.makerId)) {
      reasons.push({
        code: 'hit_by_scenario',
        explanation: `Made by ${m.makerId}, which the scenario hits: ${m.vendorId} loses it too.`,
      });
    }
    if (dependency.modelId !== null && m.id === dependency.modelId) {
      reasons.push({ code: 'current_model', explanation: 'The model the dependency runs today.' });
    }
    const vendor = vendorById.get(m.vendorId);
    if (vendor === undefined) {
      reasons.push({
        code: 'unknown_vendor',
        explanation: `No profile for ${m.vendorId}: residency and exposure cannot be assessed.`,
      });
      excluded.push({ candidateId: m.id, vendorId: m.vendorId, kind: 'api', reasons });
      continue;
    }
    const cost = apiMonthlyCost(m, dependency);
    const candidate: Resolved = {
      id: m.id,
      name: m.name ?? m.id,
      vendor,
      kind: 'api',
      modelId: m.id,
      familyId: m.openWeightsFamilyId,
      inputModalities: m.inputModalities,
      outputModalities: m.outputModalities,
      toolCalling: m.toolCalling,
      reasoning: m.reasoning,
      contextWindow: m.contextWindow,
      apiFamily: m.apiFamily ?? null,
      openAiCompatible: m.openAiCompatible ?? null,
      monthlyCost: cost.cost,
      costFactors: cost.factors,
      tierCost: cost.cost,
      sizing: null,
      precisionFit: 1,
    };
    const fit = capabilityFit(candidate, dependency.needs, groups, model, currentCost);
    reasons.push(...fit.reasons);
    if (reasons.length > 0) {
      excluded.push({ candidateId: m.id, vendorId: m.vendorId, kind: 'api', reasons });
    } else {
      apiFits.push({ candidate, fit });
    }
  }

  // Self-hosting, one option per family.
  const selfVendor: CandidateVendorInput = {
    id: selfHostedVendorId,
    name: 'Self-hosted deployment',
    kind: 'self_hosted',
    headquartersCountry: null,
    jurisdictions: [dependency.needs.dataResidency ?? context.organization.homeJurisdiction],
    regimes: [],
  };
  const workload = {
    monthlyInputTokens: dependency.monthlyInputTokens,
    monthlyOutputTokens: dependency.monthlyOutputTokens,
    contextTokens:
      dependency.contextTokens ??
      Math.max(
        nonNegative(dependency.needs.minContextTokens),
        model.workloadDefaults.contextTokens.value,
      ),
    concurrency: dependency.concurrency ?? model.workloadDefaults.concurrency.value,
    currentMonthlySpend: dependency.monthlySpend,
  };
  for (const familyId of [...familyMembers.keys()].sort(compareIds)) {
    const family = familyById.get(familyId);
    if (family === undefined) continue;
    const id = `self-hosted/${family.id}`;
    const tierCost = familyTierCost(familyMembers.get(familyId) ?? [], dependency);
    // The family's catalog entry that fits best stands for what the weights can do.
    let best: { candidate: Resolved; fit: Fit } | null = null;
    for (const m of [...(familyMembers.get(familyId) ?? [])].sort((a, b) =>
      compareIds(a.id, b.id),
    )) {
      const candidate: Resolved = {
        id,
        name: `${family.name} (self-hosted)`,
        vendor: selfVendor,
        kind: 'self_hosted',
        modelId: null,
        familyId: family.id,
        inputModalities: m.inputModalities,
        outputModalities: m.outputModalities,
        toolCalling: m.toolCalling,
        reasoning: m.reasoning,
        contextWindow: family.contextWindow ?? m.contextWindow,
        apiFamily: 'openai-compatible',
        openAiCompatible: true,
        monthlyCost: null,
        costFactors: [],
        tierCost,
        sizing: null,
        precisionFit: 1,
      };
      const fit = capabilityFit(candidate, dependency.needs, groups, model, currentCost);
      if (
        best === null ||
        fit.reasons.length < best.fit.reasons.length ||
        (fit.reasons.length === best.fit.reasons.length && fit.score > best.fit.score)
      ) {
        best = { candidate, fit };
      }
    }
    if (best === null) continue;
    const { candidate } = best;
    const reasons: ExclusionReason[] = [];
    if (hitVendorIds.has(selfHostedVendorId)) {
      reasons.push({
        code: 'hit_by_scenario',
        explanation: `The scenario hits self-hosted deployments (${selfHostedVendorId}).`,
      });
    }
    reasons.push(...best.fit.reasons);
    if (reasons.length === 0) {
      const options = bestSelfHostingOptions(family, catalog.gpus, workload, model, false);
      const cheapest = options[0];
      if (cheapest === undefined || !cheapest.feasible) {
        // The smallest footprint says best why nothing fits: explain that one.
        const closest = options.find((o) => o.precision === 'int4') ?? cheapest;
        const gpu = catalog.gpus.find((g) => g.id === closest?.gpuId);
        const why =
          closest === undefined || gpu === undefined
            ? undefined
            : sizeSelfHosting(family, gpu, workload, closest.precision, model).infeasibility;
        reasons.push({
          code: 'no_feasible_self_hosting',
          explanation:
            closest === undefined
              ? 'No GPUs in the catalog to size it on.'
              : `No GPU x precision holds it: ${why?.explanation ?? 'unknown'}`,
        });
      } else {
        candidate.sizing = cheapest;
        candidate.monthlyCost = cheapest.monthlyGpuCost;
        candidate.precisionFit = model.ranking.precisionFitFactors.value[cheapest.precision];
        candidate.costFactors = [
          () => ({
            name: 'monthly cost',
            value: cheapest.monthlyGpuCost ?? 0,
            unit: 'money per month',
            explanation:
              `Cheapest feasible of ${options.filter((o) => o.feasible).length} GPU x precision ` +
              `options: ${cheapest.replicas} replica(s) x ${cheapest.gpusPerReplica} x ` +
              `${cheapest.gpuName} at ${cheapest.precision} ` +
              `(${formatNumber(cheapest.totalGbPerReplica ?? 0, 1)} GB per replica) = ` +
              `${formatNumber(cheapest.monthlyGpuCost ?? 0)}.`,
          }),
        ];
      }
    }
    if (reasons.length > 0) {
      excluded.push({
        candidateId: id,
        vendorId: selfHostedVendorId,
        kind: 'self_hosted',
        reasons,
      });
    } else {
      // Again, now that the precision is known.
      selfFits.push({
        candidate,
        fit: capabilityFit(candidate, dependency.needs, groups, model, currentCost),
      });
    }
  }

  // Scores.
  const comparable = dependency.monthlySpend !== null;
  const spend = nonNegative(dependency.monthlySpend ?? 0);
  let reference = spend;
  let referenceWhy = `today's spend of ${formatNumber(spend)}`;
  if (!(reference > 0)) {
    const positive = [...apiFits, ...selfFits]
      .map((f) => f.candidate.monthlyCost)
      .filter((c): c is number => c !== null && c > 0);
    reference = positive.length > 0 ? Math.min(...positive) : 1;
    const none = comparable ? 'no spend today' : "today's spend is in another currency";
    referenceWhy =
      positive.length > 0
        ? `${none}, so the cheapest priced candidate's ${formatNumber(reference)}`
        : `${none} and no price to compare with, so 1`;
  }
  const weights = model.ranking.weights.value;
  const likelihoods = new Map<string, SuspensionLikelihood>();
  const score = ({ candidate, fit }: { candidate: Resolved; fit: Fit }): Scored => {
    let likelihood = likelihoods.get(candidate.vendor.id);
    if (likelihood === undefined) {
      likelihood = suspensionLikelihood(
        vendorProfile(candidate.vendor),
        context.organization,
        accessPathOf(candidate.vendor.kind),
        scoring,
        context.asOf,
      );
      likelihoods.set(candidate.vendor.id, likelihood);
    }
    const switching = switchingEffort(candidate, dependency, currentFamilyId, model);
    const exposure = regulatoryExposure(candidate, current, likelihood, scoring);
    const cost = nonNegative(candidate.monthlyCost ?? 0);
    const costScore =
      candidate.monthlyCost === null
        ? model.ranking.unknownPriceCostScore.value
        : reference / (reference + cost);
    const costFactors: LazyFactor[] = [...candidate.costFactors];
    if (candidate.monthlyCost !== null && spend > 0) {
      costFactors.push(() => ({
        name: 'against today',
        value: cost - spend,
        unit: 'money per month',
        explanation:
          cost >= spend
            ? `${formatNumber(cost - spend)} a month more than today's ${formatNumber(spend)}.`
            : `${formatNumber(spend - cost)} a month less than today's ${formatNumber(spend)}.`,
      }));
    }
    costFactors.push(() => ({
      name: 'cost',
      value: costScore,
      unit: 'score 0-1',
      explanation:
        candidate.monthlyCost === null
          ? `Unknown price: ${formatNumber(costScore)}. ${model.ranking.unknownPriceCostScore.rationale}`
          : `R / (R + ${formatNumber(cost)}) with R = ${referenceWhy}: ${formatNumber(costScore, 3)}.`,
    }));
    const raw: Record<RankingComponent, number> = {
      capabilityFit: fit.score,
      cost: costScore,
      switchingEffort: switching.score,
      regulatoryExposure: exposure.score,
    };
    const components = {} as Record<RankingComponent, ComponentScore>;
    let total = 0;
    for (const k of RANKING_COMPONENTS) {
      const contribution = weights[k] * raw[k];
      components[k] = { score: raw[k], weight: weights[k], contribution };
      total += contribution;
    }
    return { candidate, fit, switching, exposure, score: total, components, costFactors };
  };

  const selfScored = selfFits.map(score).sort(compareScored);
  const pool = apiFits.map(score);
  if (selfScored.length > 0) pool.push(selfScored[0]);
  pool.sort(compareScored);

  // Sizings were compared by their numbers; the one shown gets its working written out.
  const explained = (sizing: SelfHostingSizing): SelfHostingSizing => {
    const family = familyById.get(sizing.familyId);
    const gpu = catalog.gpus.find((g) => g.id === sizing.gpuId);
    return family === undefined || gpu === undefined
      ? sizing
      : sizeSelfHosting(family, gpu, workload, sizing.precision, model);
  };
  const toAlternative = (
    s: Scored,
    index: number,
    includedAs: RankedAlternative['includedAs'],
  ): RankedAlternative => {
    const c = s.candidate;
    const rank = index + 1;
    const parts = RANKING_COMPONENTS.map(
      (k) =>
        `${formatNumber(s.components[k].weight)} x ${formatNumber(s.components[k].score, 3)} ${LABEL[k]}`,
    );
    const shortfall = (k: RankingComponent) => s.components[k].weight * (1 - s.components[k].score);
    const weakest = [...RANKING_COMPONENTS].sort(
      (a, b) => shortfall(b) - shortfall(a) || compareIds(a, b),
    )[0];
    const ahead = index > 0 ? pool[index - 1] : undefined;
    const factors: Factor[] = [
      ...[...s.fit.factors, ...s.costFactors, ...s.switching.factors, ...s.exposure.factors].map(
        (explain) => explain(),
      ),
      {
        name: 'score',
        value: s.score,
        unit: 'score 0-1',
        explanation: `${parts.join(' + ')} = ${formatNumber(s.score, 3)}.`,
      },
      {
        name: 'rank',
        value: rank,
        unit: `of ${pool.length}`,
        explanation:
          `Rank ${rank} of ${pool.length} fitting candidates (score, then monthly cost, then id)` +
          (ahead
            ? `, behind ${ahead.candidate.id} (${formatNumber(ahead.score, 3)})`
            : ', the best score') +
          (shortfall(weakest) > 0
            ? `; it loses most on ${LABEL[weakest]} (${formatNumber(shortfall(weakest), 3)} of the score).`
            : '.') +
          (includedAs === 'best_self_hosted'
            ? ` Listed beyond the top ${topN} as the best self-hosted option.`
            : ''),
      },
    ];
    return {
      rank,
      candidateId: c.id,
      name: c.name,
      vendorId: c.vendor.id,
      kind: c.kind,
      modelId: c.modelId,
      familyId: c.familyId,
      score: s.score,
      components: s.components,
      monthlyCost: c.monthlyCost,
      monthlyCostDifference: c.monthlyCost === null || !comparable ? null : c.monthlyCost - spend,
      suspensionProbability: s.exposure.probability,
      selfHosting: c.sizing === null ? null : explained(c.sizing),
      includedAs,
      factors,
    };
  };

  // One proposal per model: the same weights on five hosts are one choice, not five.
  const proposed: RankedAlternative[] = [];
  const modelsProposed = new Set<string>();
  for (let i = 0; i < pool.length && proposed.length < topN; i++) {
    const key = modelKey(pool[i].candidate);
    if (modelsProposed.has(key)) continue;
    modelsProposed.add(key);
    proposed.push(toAlternative(pool[i], i, 'top_n'));
  }
  if (selfScored.length > 0 && !proposed.some((p) => p.kind === 'self_hosted')) {
    const index = pool.indexOf(selfScored[0]);
    proposed.push(toAlternative(pool[index], index, 'best_self_hosted'));
  }
  excluded.sort((a, b) => compareIds(a.candidateId, b.candidateId));
  return {
    dependencyId: dependency.id,
    planningModelVersion: model.version,
    proposed,
    selfHostingOptions: selfScored.map((s) => ({
      candidateId: s.candidate.id,
      familyId: s.candidate.familyId ?? '',
      score: s.score,
      monthlyCost: s.candidate.monthlyCost ?? 0,
      gpuId: s.candidate.sizing?.gpuId ?? '',
      precision: s.candidate.sizing?.precision ?? 'bf16',
      totalGpus: s.candidate.sizing?.totalGpus ?? 0,
    })),
    excluded,
    fitCount: pool.length,
  };
}
