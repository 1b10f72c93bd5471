import type { DependencyProfile, Portfolio, VendorProfile } from '../portfolio';
import {
  STOPPING_KINDS,
  jurisdictionsOverlap,
  vendorHitMatches,
  vendorsHitBy,
  type JurisdictionGroups,
  type ScenarioDefinition,
  type VendorHitMatch,
} from './scenario';

/**
 * What a scenario does to one dependency:
 * - `stopped`: it has no model until a fallback or a migration runs, or the suspension ends;
 * - `degraded`: it keeps running but costs money (deployment-tools freeze, price shock);
 * - `unaffected`: not touched directly (it may still freeze through a cascade).
 */
export type DependencyEffectKind = 'stopped' | 'degraded' | 'unaffected';

export type FallbackInvalidationReason =
  | 'same_vendor'
  | 'same_model'
  | 'listed_vendor'
  | 'same_jurisdiction'
  | 'same_regime'
  | 'same_vendor_kind'
  | 'upstream_vendor';

export interface FallbackInvalidation {
  fallbackVendorId: string | null;
  fallbackModelId: string | null;
  /** Each way the scenario catches the fallback, with the matched value (id, code, regime...). */
  reasons: { reason: FallbackInvalidationReason; value: string }[];
}

export interface DependencyScenarioEffect {
  effect: DependencyEffectKind;
  /** The dependency's vendor is among those the scenario hits. */
  vendorHit: boolean;
  /** The lab whose closed model it buys through its vendor (`upstreamVendorId`) is hit. */
  upstreamHit: boolean;
  /** Open weights the organization runs itself (self_hosted access on a non-self-hosted vendor). */
  runsOwnWeights: boolean;
  /** For a stopped dependency whose fallback the scenario also hits; else null. */
  fallbackInvalidation: FallbackInvalidation | null;
}

/** What the per-dependency rules need to know about the scenario, resolved once. */
export interface ScenarioContext {
  scenario: ScenarioDefinition;
  hitVendorIds: ReadonlySet<string>;
  vendorById: ReadonlyMap<string, VendorProfile>;
  homeJurisdiction: string;
  groups: JurisdictionGroups;
}

export function scenarioContext(
  scenario: ScenarioDefinition,
  portfolio: Portfolio,
  groups: JurisdictionGroups,
): ScenarioContext {
  const vendorById = new Map<string, VendorProfile>();
  for (const v of portfolio.vendors) if (!vendorById.has(v.id)) vendorById.set(v.id, v);
  return {
    scenario,
    hitVendorIds: vendorsHitBy(scenario, portfolio.vendors, groups),
    vendorById,
    homeJurisdiction: portfolio.organization.homeJurisdiction,
    groups,
  };
}

/** Recalled by a model_recall: every model when no list is given; an unnamed model counts as recalled. */
function modelRecalled(scenario: ScenarioDefinition, modelId: string | null): boolean {
  const list = scenario.modelIds ?? [];
  return list.length === 0 || modelId === null || list.includes(modelId);
}

const REASON_OF: Record<VendorHitMatch['criterion'], FallbackInvalidationReason> = {
  vendor_id: 'listed_vendor',
  jurisdiction: 'same_jurisdiction',
  regime: 'same_regime',
  vendor_kind: 'same_vendor_kind',
};

/**
 * Whether the scenario also takes out a stopped dependency's fallback, and why. Only stopping
 * kinds invalidate (the others leave the primary running).
 * - full_suspension, region_block: the fallback's vendor is hit (for a region block, the same
 *   data residency is blocked there too);
 * - model_recall: the fallback's vendor is hit and its model recalled (no model named = recalled,
 *   conservatively), or no vendor is named and its model is on the recall list.
 * The same holds for the lab behind a closed model the fallback buys through another vendor
 * (`upstream_vendor`). A fallback naming no vendor is otherwise taken at the inventory's word as
 * independent, as in the exposure model.
 */
export function fallbackInvalidation(
  dependency: DependencyProfile,
  ctx: ScenarioContext,
): FallbackInvalidation | null {
  const { fallback } = dependency;
  const { scenario } = ctx;
  if (fallback.status === 'none' || !STOPPING_KINDS.includes(scenario.kind)) return null;
  const vendorId = fallback.vendorId;
  const recall = scenario.kind === 'model_recall';
  const explicitModels = recall && (scenario.modelIds ?? []).length > 0;
  const reasons: FallbackInvalidation['reasons'] = [];
  if (vendorId === null) {
    if (explicitModels && fallback.modelId !== null && modelRecalled(scenario, fallback.modelId)) {
      reasons.push({ reason: 'same_model', value: fallback.modelId });
    }
  } else if (
    ctx.hitVendorIds.has(vendorId) &&
    (!recall || modelRecalled(scenario, fallback.modelId))
  ) {
    if (vendorId === dependency.vendorId) reasons.push({ reason: 'same_vendor', value: vendorId });
    const vendor = ctx.vendorById.get(vendorId);
    const matches: VendorHitMatch[] = vendor
      ? vendorHitMatches(scenario, vendor, ctx.groups)
      : [{ criterion: 'vendor_id', value: vendorId }];
    for (const m of matches) reasons.push({ reason: REASON_OF[m.criterion], value: m.value });
    if (explicitModels && fallback.modelId !== null) {
      reasons.push({ reason: 'same_model', value: fallback.modelId });
    }
  }
  const upstream = fallback.upstreamVendorId ?? null;
  if (
    reasons.length === 0 &&
    upstream !== null &&
    ctx.hitVendorIds.has(upstream) &&
    (!recall || modelRecalled(scenario, fallback.modelId))
  ) {
    // Bought through another vendor, the fallback's model is still the hit lab's.
    reasons.push({ reason: 'upstream_vendor', value: upstream });
  }
  if (reasons.length === 0) return null;
  return { fallbackVendorId: vendorId, fallbackModelId: fallback.modelId, reasons };
}

/**
 * The effect of the scenario on one dependency (see `ScenarioKind` for the kinds). "Its vendor
 * is hit" also holds when the lab behind a resold or routed closed model is (`upstreamVendorId`):
 * an order against a lab reaches every chain that sells its models.
 *
 *   full_suspension          stopped  when its vendor is hit
 *   model_recall             stopped  when its vendor is hit and its model recalled
 *                                     (an unnamed model counts as recalled)
 *   region_block             stopped  when its vendor is hit and its data residency (or the
 *                                     organization's home jurisdiction) overlaps `regions`
 *   deployment_tools_freeze  degraded when its vendor is hit and it is fine-tuned or self-hosted
 *                                     (new deployments and fine-tunes wait; inference runs on)
 *   price_shock              degraded when its vendor is hit
 *
 * A dependency running open weights itself (access path self_hosted) is never stopped or
 * repriced by an order about the vendor whose weights it runs; only its rollouts suffer a
 * deployment-tools freeze.
 */
export function dependencyEffect(
  dependency: DependencyProfile,
  ctx: ScenarioContext,
): DependencyScenarioEffect {
  const { scenario } = ctx;
  const vendor = ctx.vendorById.get(dependency.vendorId);
  const vendorHit = ctx.hitVendorIds.has(dependency.vendorId);
  const upstream = dependency.upstreamVendorId ?? null;
  const upstreamHit = upstream !== null && ctx.hitVendorIds.has(upstream);
  const runsOwnWeights = dependency.accessPath === 'self_hosted' && vendor?.kind !== 'self_hosted';
  let effect: DependencyEffectKind = 'unaffected';
  if (vendorHit || upstreamHit) {
    switch (scenario.kind) {
      case 'full_suspension':
        if (!runsOwnWeights) effect = 'stopped';
        break;
      case 'model_recall':
        if (!runsOwnWeights && modelRecalled(scenario, dependency.modelId)) effect = 'stopped';
        break;
      case 'region_block': {
        const residency = dependency.dataResidency ?? ctx.homeJurisdiction;
        if (
          !runsOwnWeights &&
          jurisdictionsOverlap([residency], scenario.regions ?? [], ctx.groups)
        ) {
          effect = 'stopped';
        }
        break;
      }
      case 'deployment_tools_freeze':
        if (
          dependency.switching.fineTuned ||
          dependency.accessPath === 'self_hosted' ||
          vendor?.kind === 'self_hosted'
        ) {
          effect = 'degraded';
        }
        break;
      case 'price_shock':
        if (!runsOwnWeights) effect = 'degraded';
        break;
    }
  }
  return {
    effect,
    vendorHit,
    upstreamHit,
    runsOwnWeights,
    fallbackInvalidation: effect === 'stopped' ? fallbackInvalidation(dependency, ctx) : null,
  };
}
