import raw from '../../../data/scoring-model.json';
import { parseScoringModel } from '../scoring-model';
import { buildDependency, buildPortfolio, buildVendor } from '../testing/portfolio-builders';
import type { ScenarioDefinition, ScenarioKind, ScenarioTargets } from './scenario';
import { dependencyEffect, fallbackInvalidation, scenarioContext } from './scenario-effects';

const groups = parseScoringModel(raw).likelihood.jurisdictionGroups.value;

const openai = buildVendor({
  id: 'openai',
  kind: 'frontier_lab',
  jurisdictions: ['US'],
  regimes: ['us-export-controls'],
});
const anthropic = buildVendor({
  id: 'anthropic',
  kind: 'frontier_lab',
  jurisdictions: ['US'],
  regimes: ['us-export-controls'],
});
const mistral = buildVendor({
  id: 'mistral',
  kind: 'frontier_lab',
  headquartersCountry: 'FR',
  jurisdictions: ['FR'],
  regimes: ['eu-ai-act'],
});
const ownGpus = buildVendor({ id: 'own-gpus', kind: 'self_hosted', jurisdictions: ['DE'] });

function scenario(
  kind: ScenarioKind,
  t: Partial<ScenarioTargets>,
  extra: Partial<ScenarioDefinition> = {},
): ScenarioDefinition {
  return {
    name: 's',
    kind,
    targets: { vendorIds: [], jurisdictions: [], regimes: [], vendorKinds: [], ...t },
    noticeHours: 12,
    durationDays: { min: 1, mostLikely: 2, max: 3 },
    startDate: '2026-12-01',
    ...extra,
  };
}

function effectOf(
  s: ScenarioDefinition,
  dependency = buildDependency({ vendorId: 'openai' }),
  home = 'DE',
) {
  const portfolio = buildPortfolio({
    vendors: [openai, anthropic, mistral, ownGpus],
    dependencies: [dependency],
  });
  portfolio.organization.homeJurisdiction = home;
  return dependencyEffect(dependency, scenarioContext(s, portfolio, groups));
}

describe('dependencyEffect', () => {
  it.each<[string, ScenarioDefinition, ReturnType<typeof buildDependency>, string]>([
    [
      'full suspension of its vendor',
      scenario('full_suspension', { vendorIds: ['openai'] }),
      buildDependency({ vendorId: 'openai' }),
      'stopped',
    ],
    [
      'another vendor',
      scenario('full_suspension', { vendorIds: ['mistral'] }),
      buildDependency({ vendorId: 'openai' }),
      'unaffected',
    ],
    [
      'own weights of a suspended vendor keep running',
      scenario('full_suspension', { vendorIds: ['openai'] }),
      buildDependency({ vendorId: 'openai', accessPath: 'self_hosted' }),
      'unaffected',
    ],
    [
      'recall of its model',
      scenario('model_recall', { vendorIds: ['openai'] }, { modelIds: ['gpt-a'] }),
      buildDependency({ vendorId: 'openai', modelId: 'gpt-a' }),
      'stopped',
    ],
    [
      'recall of another model',
      scenario('model_recall', { vendorIds: ['openai'] }, { modelIds: ['gpt-a'] }),
      buildDependency({ vendorId: 'openai', modelId: 'gpt-b' }),
      'unaffected',
    ],
    [
      'recall of all models',
      scenario('model_recall', { vendorIds: ['openai'] }),
      buildDependency({ vendorId: 'openai', modelId: 'gpt-b' }),
      'stopped',
    ],
    [
      'recall, model not named: conservatively recalled',
      scenario('model_recall', { vendorIds: ['openai'] }, { modelIds: ['gpt-a'] }),
      buildDependency({ vendorId: 'openai', modelId: null }),
      'stopped',
    ],
    [
      'region block of its residency',
      scenario('region_block', { vendorIds: ['openai'] }, { regions: ['CN'] }),
      buildDependency({ vendorId: 'openai', dataResidency: 'CN' }),
      'stopped',
    ],
    [
      'region block elsewhere',
      scenario('region_block', { vendorIds: ['openai'] }, { regions: ['CN'] }),
      buildDependency({ vendorId: 'openai', dataResidency: 'US' }),
      'unaffected',
    ],
    [
      'region block: EU covers the home jurisdiction DE',
      scenario('region_block', { vendorIds: ['openai'] }, { regions: ['EU'] }),
      buildDependency({ vendorId: 'openai' }),
      'stopped',
    ],
    [
      'region block: EU residency overlaps a block of DE',
      scenario('region_block', { vendorIds: ['openai'] }, { regions: ['DE'] }),
      buildDependency({ vendorId: 'openai', dataResidency: 'EU' }),
      'stopped',
    ],
    [
      'tools freeze: plain API use runs on',
      scenario('deployment_tools_freeze', { vendorIds: ['openai'] }),
      buildDependency({ vendorId: 'openai' }),
      'unaffected',
    ],
    [
      'tools freeze: a fine-tune needs workarounds',
      scenario('deployment_tools_freeze', { vendorIds: ['openai'] }),
      buildDependency({ vendorId: 'openai', switching: { fineTuned: true } }),
      'degraded',
    ],
    [
      'tools freeze: a self-hosted rollout needs workarounds',
      scenario('deployment_tools_freeze', { vendorIds: ['openai'] }),
      buildDependency({ vendorId: 'openai', accessPath: 'self_hosted' }),
      'degraded',
    ],
    [
      'price shock',
      scenario('price_shock', { vendorIds: ['openai'] }, { priceMultiplier: 3 }),
      buildDependency({ vendorId: 'openai' }),
      'degraded',
    ],
    [
      'self-hosted vendor untouched by a jurisdiction',
      scenario('full_suspension', { jurisdictions: ['DE'] }),
      buildDependency({ vendorId: 'own-gpus', accessPath: 'self_hosted' }),
      'unaffected',
    ],
  ])('%s -> %s', (_, s, dependency, expected) => {
    expect(effectOf(s, dependency).effect).toBe(expected);
  });
});

describe('labs behind resold models', () => {
  const resold = buildDependency({
    vendorId: 'reseller-gmbh',
    modelId: 'openai/gpt-4o',
    accessPath: 'reseller',
    upstreamVendorId: 'openai',
  });

  it("stops a dependency whose reseller sells a hit lab's model, and only then", () => {
    const hit = effectOf(scenario('full_suspension', { vendorIds: ['openai'] }), resold);
    expect(hit).toMatchObject({ effect: 'stopped', vendorHit: false, upstreamHit: true });
    const byJurisdiction = effectOf(scenario('full_suspension', { jurisdictions: ['US'] }), resold);
    expect(byJurisdiction.effect).toBe('stopped');
    expect(effectOf(scenario('full_suspension', { vendorIds: ['mistral'] }), resold).effect).toBe(
      'unaffected',
    );
  });

  it("invalidates a fallback that buys a hit lab's model through another vendor", () => {
    const dependency = buildDependency({
      vendorId: 'openai',
      fallback: {
        status: 'documented',
        vendorId: 'azure',
        modelId: 'azure/gpt-4o',
        upstreamVendorId: 'openai',
      },
    });
    const portfolio = buildPortfolio({ vendors: [openai], dependencies: [dependency] });
    const ctx = scenarioContext(
      scenario('full_suspension', { vendorIds: ['openai'] }),
      portfolio,
      groups,
    );
    expect(fallbackInvalidation(dependency, ctx)?.reasons).toEqual([
      { reason: 'upstream_vendor', value: 'openai' },
    ]);
  });
});

describe('fallback invalidation', () => {
  const onFallback = (vendorId: string | null, modelId: string | null = null) =>
    buildDependency({
      vendorId: 'openai',
      modelId: 'gpt-a',
      fallback: { status: 'tested', vendorId, modelId, lastTestedAt: '2026-10-01' },
    });

  it('a regime-wide scenario takes out a fallback on another vendor under the same regime', () => {
    const effect = effectOf(
      scenario('full_suspension', { regimes: ['us-export-controls'] }),
      onFallback('anthropic'),
    );
    expect(effect.effect).toBe('stopped');
    expect(effect.fallbackInvalidation).toEqual({
      fallbackVendorId: 'anthropic',
      fallbackModelId: null,
      reasons: [{ reason: 'same_regime', value: 'us-export-controls' }],
    });
  });

  it('a fallback outside the regime survives', () => {
    const effect = effectOf(
      scenario('full_suspension', { regimes: ['us-export-controls'] }),
      onFallback('mistral'),
    );
    expect(effect.fallbackInvalidation).toBeNull();
  });

  it.each<[string, ScenarioDefinition, ReturnType<typeof onFallback>, string[] | null]>([
    [
      'same vendor',
      scenario('full_suspension', { vendorIds: ['openai'] }),
      onFallback('openai'),
      ['same_vendor', 'listed_vendor'],
    ],
    [
      'same jurisdiction',
      scenario('full_suspension', { jurisdictions: ['US'] }),
      onFallback('anthropic'),
      ['same_jurisdiction'],
    ],
    [
      'every US frontier lab',
      scenario('model_recall', { jurisdictions: ['US'], vendorKinds: ['frontier_lab'] }),
      onFallback('anthropic', 'claude'),
      ['same_jurisdiction', 'same_vendor_kind'],
    ],
    [
      'recall: another model of the same vendor works',
      scenario('model_recall', { vendorIds: ['openai'] }, { modelIds: ['gpt-a'] }),
      onFallback('openai', 'gpt-b'),
      null,
    ],
    [
      'recall: the recalled model as fallback',
      scenario('model_recall', { vendorIds: ['openai'] }, { modelIds: ['gpt-a', 'gpt-b'] }),
      onFallback('openai', 'gpt-b'),
      ['same_vendor', 'listed_vendor', 'same_model'],
    ],
    [
      'region block on the fallback vendor too',
      scenario('region_block', { jurisdictions: ['US'] }, { regions: ['EU'] }),
      onFallback('anthropic'),
      ['same_jurisdiction'],
    ],
    [
      'a fallback naming no vendor counts as independent',
      scenario('full_suspension', { jurisdictions: ['US'] }),
      onFallback(null),
      null,
    ],
  ])('%s', (_, s, dependency, reasons) => {
    const invalidation = effectOf(s, dependency).fallbackInvalidation;
    expect(invalidation === null ? null : invalidation.reasons.map((r) => r.reason)).toEqual(
      reasons,
    );
  });
});
