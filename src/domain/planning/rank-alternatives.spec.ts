import fc from 'fast-check';
import familiesJson from '../../../data/catalog/open-weights-families.json';
import gpusJson from '../../../data/catalog/gpus.json';
import modelsJson from '../../../data/catalog/models.json';
import vendorsJson from '../../../data/catalog/vendors.json';
import planningRaw from '../../../data/planning-model.json';
import scoringRaw from '../../../data/scoring-model.json';
import type { VendorKind } from '../portfolio';
import { parseScoringModel } from '../scoring-model';
import { vendorsHitBy } from '../simulation/scenario';
import { buildOrganization, buildVendor } from '../testing/portfolio-builders';
import { parsePlanningModel } from './planning-model';
import {
  rankAlternatives,
  type AffectedDependencyInput,
  type AlternativeNeeds,
  type AlternativesCatalog,
  type AlternativesRanking,
  type CandidateModelInput,
  type CandidateVendorInput,
  type ExclusionCode,
  type RankingContext,
} from './rank-alternatives';
import type { GpuInput, OpenWeightsFamilyInput } from './self-hosting-sizing';

const planningModel = parsePlanningModel(planningRaw);
const scoringModel = parseScoringModel(scoringRaw);
const families: OpenWeightsFamilyInput[] = familiesJson.families;
const gpus: GpuInput[] = gpusJson.gpus;
const context: RankingContext = {
  organization: buildOrganization({ homeJurisdiction: 'DE' }),
  planningModel,
  scoringModel,
  asOf: new Date('2026-11-01T00:00:00Z'),
};

function vendor(id: string, overrides: Partial<CandidateVendorInput> = {}): CandidateVendorInput {
  return {
    id,
    name: id,
    kind: 'model_provider',
    headquartersCountry: 'US',
    jurisdictions: ['US', 'EU'],
    regimes: [],
    ...overrides,
  };
}

function candidate(id: string, overrides: Partial<CandidateModelInput> = {}): CandidateModelInput {
  return {
    id,
    vendorId: 'acme',
    inputModalities: ['text'],
    outputModalities: ['text'],
    toolCalling: true,
    reasoning: false,
    contextWindow: 128_000,
    inputPricePerMTok: 1,
    outputPricePerMTok: 4,
    openWeights: false,
    openWeightsFamilyId: null,
    ...overrides,
  };
}

function dependency(overrides: Partial<AffectedDependencyInput> = {}): AffectedDependencyInput {
  return {
    id: 'dep-1',
    vendorId: 'current',
    modelId: 'current/model',
    needs: {
      inputModalities: ['text'],
      outputModalities: ['text'],
      toolCalling: true,
      reasoning: false,
      minContextTokens: 32_000,
      dataResidency: null,
    },
    monthlyInputTokens: 1e9,
    monthlyOutputTokens: 2e8,
    monthlySpend: 5_000,
    fineTuned: false,
    vendorSpecificFeatures: false,
    gateway: false,
    apiFamily: 'openai',
    ...overrides,
  };
}

function catalog(
  models: CandidateModelInput[],
  extra: Partial<AlternativesCatalog> = {},
): AlternativesCatalog {
  return {
    models,
    vendors: [vendor('current'), vendor('acme'), vendor('beta'), vendor('gamma')],
    families: [],
    gpus,
    ...extra,
  };
}

const ids = (r: AlternativesRanking) => r.proposed.map((p) => p.candidateId);
const reasonsOf = (r: AlternativesRanking, id: string) =>
  r.excluded.find((e) => e.candidateId === id)?.reasons.map((x) => x.code);

describe('rankAlternatives: exclusion rules', () => {
  it('never proposes a candidate on a vendor the scenario hits', () => {
    const result = rankAlternatives(
      dependency(),
      catalog([candidate('acme/a'), candidate('beta/b', { vendorId: 'beta' })]),
      new Set(['acme', 'current']),
      context,
    );
    expect(ids(result)).toEqual(['beta/b']);
    expect(reasonsOf(result, 'acme/a')).toEqual(['hit_by_scenario']);
  });

  const unfitCases: [ExclusionCode, Partial<AlternativeNeeds>, Partial<CandidateModelInput>][] = [
    ['input_modality', { inputModalities: ['image'] }, { inputModalities: ['text'] }],
    ['output_modality', { outputModalities: ['audio'] }, { outputModalities: ['text'] }],
    ['tool_calling', {}, { toolCalling: false }],
    ['reasoning', { reasoning: true }, { reasoning: false }],
    ['context_window', { minContextTokens: 200_000 }, { contextWindow: 128_000 }],
    ['data_residency', { dataResidency: 'EU' }, { vendorId: 'us-only' }],
  ];
  it.each(unfitCases)('excludes an unfit candidate with its reason: %s', (code, needs, unfit) => {
    const dep = dependency();
    const result = rankAlternatives(
      { ...dep, needs: { ...dep.needs, ...needs } },
      catalog([candidate('acme/unfit', unfit)], {
        vendors: [vendor('acme'), vendor('us-only', { jurisdictions: ['US'] })],
      }),
      new Set(),
      context,
    );
    expect(result.proposed.map((p) => p.candidateId)).not.toContain('acme/unfit');
    expect(reasonsOf(result, 'acme/unfit')).toEqual([code]);
    expect(result.excluded[0].reasons[0].explanation.length).toBeGreaterThan(10);
  });

  it('lists every reason, and excludes the current model and unknown vendors', () => {
    const result = rankAlternatives(
      dependency({ modelId: 'acme/current' }),
      catalog([
        candidate('acme/current'),
        candidate('acme/bad', { toolCalling: false, contextWindow: 1_000 }),
        candidate('nobody/x', { vendorId: 'nobody' }),
      ]),
      new Set(['acme']),
      context,
    );
    expect(result.proposed).toEqual([]);
    expect(reasonsOf(result, 'acme/current')).toEqual(['hit_by_scenario', 'current_model']);
    expect(reasonsOf(result, 'acme/bad')).toEqual([
      'hit_by_scenario',
      'tool_calling',
      'context_window',
    ]);
    expect(reasonsOf(result, 'nobody/x')).toEqual(['unknown_vendor']);
  });

  it('data residency: a group covers its members; an EU-operating vendor serves a DE need', () => {
    const dep = dependency();
    const result = rankAlternatives(
      { ...dep, needs: { ...dep.needs, dataResidency: 'DE' } },
      catalog([candidate('acme/eu'), candidate('beta/us', { vendorId: 'beta' })], {
        vendors: [
          vendor('acme', { jurisdictions: ['EU'] }),
          vendor('beta', { jurisdictions: ['US'] }),
        ],
      }),
      new Set(),
      context,
    );
    expect(ids(result)).toEqual(['acme/eu']);
    expect(reasonsOf(result, 'beta/us')).toEqual(['data_residency']);
  });
});

describe('rankAlternatives: scoring', () => {
  it('a cheaper candidate with the same fit ranks higher', () => {
    const result = rankAlternatives(
      dependency(),
      catalog([
        candidate('acme/pricey', { inputPricePerMTok: 3, outputPricePerMTok: 15 }),
        candidate('acme/cheap', { inputPricePerMTok: 0.5, outputPricePerMTok: 2 }),
      ]),
      new Set(),
      context,
    );
    expect(ids(result)).toEqual(['acme/cheap', 'acme/pricey']);
    const [cheap, pricey] = result.proposed;
    expect(cheap.score).toBeGreaterThan(pricey.score);
    expect(cheap.components.capabilityFit.score).toBe(pricey.components.capabilityFit.score);
    // 1e3 M x 0.5 + 200 M x 2 = 900; cost score = 5,000 / (5,000 + 900).
    expect(cheap.monthlyCost).toBeCloseTo(900, 9);
    expect(cheap.monthlyCostDifference).toBeCloseTo(-4100, 9);
    expect(cheap.components.cost.score).toBeCloseTo(5000 / 5900, 12);
    expect(cheap.factors.find((f) => f.name === 'rank')?.explanation).toContain('Rank 1 of 2');
    expect(pricey.factors.find((f) => f.name === 'rank')?.explanation).toContain(
      'behind acme/cheap',
    );
  });

  it('the component contributions add up to the score', () => {
    const result = rankAlternatives(
      dependency(),
      catalog([candidate('acme/a')]),
      new Set(),
      context,
    );
    const [a] = result.proposed;
    const sum = Object.values(a.components).reduce((s, c) => s + c.contribution, 0);
    expect(a.score).toBeCloseTo(sum, 12);
    expect(a.factors.map((f) => f.name)).toEqual(
      expect.arrayContaining(['capability fit', 'cost', 'switching effort', 'regulatory exposure']),
    );
  });

  it('an unconfirmed capability lowers the fit but does not exclude', () => {
    const result = rankAlternatives(
      dependency(),
      catalog([candidate('acme/sure'), candidate('acme/maybe', { toolCalling: null })]),
      new Set(),
      context,
    );
    expect(ids(result)).toEqual(['acme/sure', 'acme/maybe']);
    expect(result.proposed[1].components.capabilityFit.score).toBe(
      planningModel.ranking.unknownCapabilityFactor.value,
    );
  });

  it('an unknown price gets the worst cost score and sorts after a priced candidate at an equal score', () => {
    const result = rankAlternatives(
      dependency(),
      catalog([
        candidate('acme/a-unknown', { outputPricePerMTok: null }),
        candidate('acme/b-priced'),
      ]),
      new Set(),
      context,
    );
    const unknown = result.proposed.find((p) => p.candidateId === 'acme/a-unknown')!;
    expect(unknown.monthlyCost).toBeNull();
    expect(unknown.monthlyCostDifference).toBeNull();
    expect(unknown.components.cost.score).toBe(0);
    expect(ids(result)).toEqual(['acme/b-priced', 'acme/a-unknown']);
  });

  it('ties on score and cost are broken by id', () => {
    const result = rankAlternatives(
      dependency(),
      catalog([candidate('acme/z'), candidate('acme/m'), candidate('acme/a')]),
      new Set(),
      context,
    );
    expect(ids(result)).toEqual(['acme/a', 'acme/m', 'acme/z']);
  });

  it('switching: the same API family beats an OpenAI-compatible endpoint, which beats another API', () => {
    const result = rankAlternatives(
      dependency(),
      catalog([
        candidate('acme/other', { apiFamily: 'anthropic' }),
        candidate('acme/compatible', { apiFamily: 'custom', openAiCompatible: true }),
        candidate('acme/same', { apiFamily: 'openai' }),
      ]),
      new Set(),
      context,
    );
    expect(ids(result)).toEqual(['acme/same', 'acme/compatible', 'acme/other']);
    const p = planningModel.ranking.switchingPenalties.value;
    const expected = [
      1 - p.modelChange,
      1 - p.openAiCompatibleApi - p.modelChange,
      1 - p.differentApi - p.modelChange,
    ];
    result.proposed.forEach((x, i) =>
      expect(x.components.switchingEffort.score).toBeCloseTo(expected[i], 12),
    );
  });

  it('regulatory exposure: a home-jurisdiction cloud platform beats a foreign frontier lab', () => {
    const result = rankAlternatives(
      dependency(),
      catalog([candidate('acme/lab'), candidate('beta/cloud', { vendorId: 'beta' })], {
        vendors: [
          vendor('acme', { kind: 'frontier_lab', jurisdictions: ['US'] }),
          vendor('beta', { kind: 'cloud_platform', jurisdictions: ['EU'] }),
        ],
      }),
      new Set(),
      context,
    );
    expect(ids(result)).toEqual(['beta/cloud', 'acme/lab']);
    const [cloud, lab] = result.proposed;
    expect(cloud.suspensionProbability).toBeLessThan(lab.suspensionProbability);
  });

  it('regime contagion: sharing a regime with the hit vendor raises the residual exposure', () => {
    const result = rankAlternatives(
      dependency(),
      catalog([candidate('acme/shares'), candidate('beta/apart', { vendorId: 'beta' })], {
        vendors: [
          vendor('current', { regimes: ['us-export-controls'] }),
          vendor('acme', { regimes: ['us-export-controls'] }),
          vendor('beta', { regimes: ['eu-ai-act'] }),
        ],
      }),
      new Set(['current']),
      context,
    );
    expect(ids(result)).toEqual(['beta/apart', 'acme/shares']);
    const shares = result.proposed[1];
    expect(shares.factors.find((f) => f.name === 'regime contagion')?.explanation).toContain(
      'US-EXPORT-CONTROLS',
    );
  });
});

describe('rankAlternatives: self-hosting', () => {
  const llama = families.find((f) => f.id === 'llama-3.3-70b')!;
  const deepseek = families.find((f) => f.id === 'deepseek-v3')!;
  const openWeights = (id: string, familyId: string, vendorId = 'acme') =>
    candidate(id, { vendorId, openWeights: true, openWeightsFamilyId: familyId });

  it('always includes the best self-hosted option, sized on the cheapest feasible GPU', () => {
    const result = rankAlternatives(
      dependency(),
      catalog(
        [
          candidate('acme/cheap', {
            inputPricePerMTok: 0.01,
            outputPricePerMTok: 0.01,
            apiFamily: 'openai',
          }),
          openWeights('beta/llama', 'llama-3.3-70b', 'beta'),
        ],
        { families: [llama] },
      ),
      new Set(),
      { ...context, topN: 1 },
    );
    expect(result.proposed).toHaveLength(2);
    const self = result.proposed[1];
    expect(self).toMatchObject({
      candidateId: 'self-hosted/llama-3.3-70b',
      kind: 'self_hosted',
      vendorId: 'self-hosted',
      includedAs: 'best_self_hosted',
      rank: 2,
    });
    expect(self.selfHosting?.feasible).toBe(true);
    // The proposed sizing shows its working, from weights to the monthly cost.
    expect(self.selfHosting?.factors.map((f) => f.name)).toEqual(
      expect.arrayContaining(['weights', 'KV cache', 'GPUs per replica', 'monthly GPU cost']),
    );
    expect(self.monthlyCost).toBe(self.selfHosting?.monthlyGpuCost);
    expect(result.selfHostingOptions).toHaveLength(1);
    expect(result.selfHostingOptions[0].monthlyCost).toBe(self.monthlyCost);
    expect(self.factors.find((f) => f.name === 'rank')?.explanation).toContain(
      'best self-hosted option',
    );
  });

  it("self-hosts the weights of a hit vendor, with no model change when they are today's", () => {
    const result = rankAlternatives(
      dependency({ vendorId: 'deepseek', modelId: 'deepseek/chat' }),
      catalog([openWeights('deepseek/chat', 'deepseek-v3', 'deepseek')], {
        vendors: [vendor('deepseek', { jurisdictions: ['CN'], headquartersCountry: 'CN' })],
        families: [deepseek],
      }),
      new Set(['deepseek']),
      context,
    );
    expect(reasonsOf(result, 'deepseek/chat')).toEqual(['hit_by_scenario', 'current_model']);
    expect(ids(result)).toEqual(['self-hosted/deepseek-v3']);
    const modelChange = result.proposed[0].factors.find((f) => f.name === 'model change');
    expect(modelChange?.value).toBe(0);
  });

  it('no self-hosted option when the scenario hits self-hosting, or no GPU holds the model', () => {
    const models = [openWeights('beta/llama', 'llama-3.3-70b', 'beta')];
    const hit = rankAlternatives(
      dependency(),
      catalog(models, { families: [llama] }),
      new Set(['self-hosted']),
      context,
    );
    expect(reasonsOf(hit, 'self-hosted/llama-3.3-70b')).toEqual(['hit_by_scenario']);
    const small = rankAlternatives(
      dependency(),
      catalog(models, { families: [llama], gpus: [{ ...gpus[0], id: 'tiny', memoryGb: 8 }] }),
      new Set(),
      context,
    );
    expect(reasonsOf(small, 'self-hosted/llama-3.3-70b')).toEqual(['no_feasible_self_hosting']);
    expect(small.proposed.every((p) => p.kind === 'api')).toBe(true);
  });

  it('a family whose catalog entries lack a needed capability is not self-hosted either', () => {
    const dep = dependency();
    const result = rankAlternatives(
      { ...dep, needs: { ...dep.needs, inputModalities: ['text', 'image'] } },
      catalog([openWeights('beta/llama', 'llama-3.3-70b', 'beta')], { families: [llama] }),
      new Set(),
      context,
    );
    expect(reasonsOf(result, 'self-hosted/llama-3.3-70b')).toEqual(['input_modality']);
  });
});

describe('rankAlternatives: the shipped catalog', () => {
  const vendors: CandidateVendorInput[] = vendorsJson.vendors.map((v) => ({
    ...v,
    kind: v.kind as VendorKind,
  }));
  const models: CandidateModelInput[] = modelsJson.models.map((m) => ({
    ...m,
    vendorId: m.providerId,
  }));
  const full: AlternativesCatalog = { models, vendors, families, gpus };

  it('a suspension of every US vendor proposes none of them and still finds a self-hosted option', () => {
    const profiles = vendors.map((v) => buildVendor({ ...v, events: [] }));
    const hit = vendorsHitBy(
      { targets: { vendorIds: [], jurisdictions: ['US'], regimes: [], vendorKinds: [] } },
      profiles,
    );
    const result = rankAlternatives(
      dependency({ vendorId: 'openai', modelId: 'openai/gpt-4o' }),
      full,
      hit,
      context,
    );
    expect(result.proposed.length).toBeGreaterThan(0);
    for (const p of result.proposed) expect(hit.has(p.vendorId)).toBe(false);
    expect(result.proposed.some((p) => p.kind === 'self_hosted')).toBe(true);
    // Every catalog model is either ranked or excluded with its reasons.
    const excludedApi = result.excluded.filter((e) => e.kind === 'api').length;
    expect(excludedApi + result.fitCount - 1).toBe(new Set(models.map((m) => m.id)).size);
  });
});

describe('rankAlternatives: properties', () => {
  const vendorIds = ['v1', 'v2', 'v3', 'v4', 'v5'];
  const vendorArb = (id: string) =>
    fc.record({
      id: fc.constant(id),
      name: fc.constant(id),
      kind: fc.constantFrom<VendorKind>(
        'frontier_lab',
        'model_provider',
        'cloud_platform',
        'reseller',
      ),
      headquartersCountry: fc.constantFrom('US', 'FR', 'CN', null),
      jurisdictions: fc.subarray(['US', 'EU', 'CN', 'DE', 'GB']),
      regimes: fc.subarray(['us-export-controls', 'eu-ai-act', 'cn-data-security']),
    });
  const tri = fc.constantFrom(true, false, null);
  const price = fc.option(fc.double({ min: 0, max: 60, noNaN: true }), { nil: null });
  const candidateArb = fc.record({
    vendorId: fc.constantFrom(...vendorIds, 'unknown'),
    inputModalities: fc.option(
      fc.subarray(['image', 'audio']).map((m) => ['text', ...m]),
      { nil: null, freq: 6 },
    ),
    outputModalities: fc.option(fc.constant<string[]>(['text']), { nil: null, freq: 6 }),
    toolCalling: tri,
    reasoning: tri,
    contextWindow: fc.option(fc.integer({ min: 1_000, max: 1_000_000 }), { nil: null, freq: 6 }),
    inputPricePerMTok: price,
    outputPricePerMTok: price,
    openWeights: tri,
    openWeightsFamilyId: fc.option(fc.constantFrom('llama-3.1-8b', 'qwen3-32b', 'deepseek-v3'), {
      nil: null,
    }),
    apiFamily: fc.option(fc.constantFrom('openai', 'anthropic', 'google'), { nil: null }),
    openAiCompatible: tri,
  });
  const inputArb = fc.record({
    vendors: fc.tuple(...vendorIds.map(vendorArb)),
    candidates: fc.array(candidateArb, { maxLength: 30 }),
    hit: fc.subarray([...vendorIds, 'self-hosted'], { maxLength: 2 }),
    needs: fc.record({
      inputModalities: fc.subarray(['text', 'image']),
      outputModalities: fc.subarray(['text']),
      toolCalling: fc.constantFrom(false, true),
      reasoning: fc.constantFrom(false, false, false, true),
      minContextTokens: fc.integer({ min: 0, max: 150_000 }),
      dataResidency: fc.constantFrom(null, null, 'EU', 'DE'),
    }),
    spend: fc.double({ min: 0, max: 100_000, noNaN: true }),
    topN: fc.integer({ min: 1, max: 6 }),
    seed: fc.integer(),
  });
  const smallFamilies = families.filter((f) =>
    ['llama-3.1-8b', 'qwen3-32b', 'deepseek-v3'].includes(f.id),
  );

  it('holds the ranking rules over random catalogs', () => {
    fc.assert(
      fc.property(inputArb, ({ vendors, candidates, hit, needs, spend, topN, seed }) => {
        const models = candidates.map((c, i) => ({ ...c, id: `m${i}` }));
        const dep = dependency({ needs, monthlySpend: spend });
        const cat: AlternativesCatalog = { models, vendors, families: smallFamilies, gpus };
        const hitSet = new Set(hit);
        const result = rankAlternatives(dep, cat, hitSet, { ...context, topN });

        const proposedIds = new Set(result.proposed.map((p) => p.candidateId));
        for (const p of result.proposed) {
          // Never a hit vendor; never an excluded candidate.
          expect(hitSet.has(p.vendorId)).toBe(false);
          expect(result.excluded.some((e) => e.candidateId === p.candidateId)).toBe(false);
          // Scores in [0, 1], parts add up.
          expect(p.score).toBeGreaterThanOrEqual(0);
          expect(p.score).toBeLessThanOrEqual(1 + 1e-12);
          const sum = Object.values(p.components).reduce((s, c) => s + c.contribution, 0);
          expect(p.score).toBeCloseTo(sum, 12);
          // Fits the needs.
          if (p.kind === 'api') {
            const m = models.find((x) => x.id === p.candidateId)!;
            if (needs.toolCalling) expect(m.toolCalling).not.toBe(false);
            if (needs.reasoning) expect(m.reasoning).not.toBe(false);
            if (m.contextWindow !== null) {
              expect(m.contextWindow).toBeGreaterThanOrEqual(needs.minContextTokens);
            }
            for (const mod of needs.inputModalities) {
              if (m.inputModalities !== null) expect(m.inputModalities).toContain(mod);
            }
          }
        }
        // Ordered by score (the top N); at most one self-hosted option; ranks increase.
        const top = result.proposed.filter((p) => p.includedAs === 'top_n');
        expect(top.length).toBeLessThanOrEqual(topN);
        for (let i = 1; i < top.length; i++) {
          expect(top[i].score).toBeLessThanOrEqual(top[i - 1].score);
        }
        for (let i = 1; i < result.proposed.length; i++) {
          expect(result.proposed[i].rank).toBeGreaterThan(result.proposed[i - 1].rank);
        }
        expect(result.proposed.filter((p) => p.kind === 'self_hosted').length).toBeLessThanOrEqual(
          1,
        );
        if (result.selfHostingOptions.length > 0) {
          expect(proposedIds.has(result.selfHostingOptions[0].candidateId)).toBe(true);
        }
        // Every API candidate is either ranked or excluded.
        const excludedApi = result.excluded.filter((e) => e.kind === 'api').length;
        const rankedApi = result.fitCount - (result.selfHostingOptions.length > 0 ? 1 : 0);
        expect(excludedApi + rankedApi).toBe(models.length);

        // Deterministic: the same input in another order gives the same answer.
        const shuffled = [...models];
        let s = seed;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (s * 1103515245 + 12345) & 0x7fffffff;
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
        }
        const again = rankAlternatives(
          dep,
          { ...cat, models: shuffled, vendors: [...vendors].reverse() },
          hitSet,
          { ...context, topN },
        );
        expect(again).toEqual(result);
      }),
      { numRuns: 100 },
    );
  });

  it("lowering a candidate's price never lowers its score", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 100_000, noNaN: true }),
        (price, cut, spend) => {
          const run = (p: number) =>
            rankAlternatives(
              dependency({ monthlySpend: spend }),
              catalog([candidate('acme/x', { inputPricePerMTok: p, outputPricePerMTok: p })]),
              new Set(),
              context,
            ).proposed[0].score;
          expect(run(price * cut)).toBeGreaterThanOrEqual(run(price) - 1e-15);
        },
      ),
    );
  });
});

describe('rankAlternatives: model class and one proposal per model', () => {
  const current = candidate('current/model', {
    vendorId: 'current',
    inputPricePerMTok: 2,
    outputPricePerMTok: 8,
  });
  const floor = planningModel.ranking.tierPriceRatioFloor.value;

  it('scales the fit of a much cheaper model by its price ratio / the floor, and says why', () => {
    // Today: 1,000 M in x 2 + 200 M out x 8 = 3,600 a month.
    const tiny = candidate('acme/tiny', { inputPricePerMTok: 0.02, outputPricePerMTok: 0.08 });
    const peer = candidate('beta/peer', {
      vendorId: 'beta',
      inputPricePerMTok: 1.5,
      outputPricePerMTok: 6,
    });
    const result = rankAlternatives(
      dependency(),
      catalog([current, tiny, peer]),
      new Set(),
      context,
    );
    const tinyRanked = result.proposed.find((p) => p.candidateId === 'acme/tiny')!;
    const peerRanked = result.proposed.find((p) => p.candidateId === 'beta/peer')!;
    // tiny costs 36 a month: ratio 0.01.
    expect(tinyRanked.components.capabilityFit.score).toBeCloseTo(0.01 / floor, 9);
    expect(peerRanked.components.capabilityFit.score).toBe(1);
    expect(tinyRanked.factors.map((f) => f.name)).toContain('model class');
    expect(ids(result)[0]).toBe('beta/peer');
  });

  it('applies no class factor without a price for the model of today, and counts an unpriced candidate as unconfirmed', () => {
    const unpriced = candidate('acme/unpriced', {
      inputPricePerMTok: null,
      outputPricePerMTok: null,
    });
    const withoutCurrent = rankAlternatives(
      dependency({ modelId: null }),
      catalog([candidate('acme/cheap', { inputPricePerMTok: 0.01, outputPricePerMTok: 0.01 })]),
      new Set(),
      context,
    );
    expect(withoutCurrent.proposed[0].components.capabilityFit.score).toBe(1);
    const result = rankAlternatives(dependency(), catalog([current, unpriced]), new Set(), context);
    expect(result.proposed[0].components.capabilityFit.score).toBeCloseTo(
      planningModel.ranking.unknownCapabilityFactor.value,
      9,
    );
  });

  it('proposes a model once, on its best host, and keeps ranks as positions among all fits', () => {
    const hosts = ['acme', 'beta', 'gamma'].map((vendorId, i) =>
      candidate(`${vendorId}/same`, { vendorId, name: 'Same Model 70B', inputPricePerMTok: 1 + i }),
    );
    hosts.push(
      candidate('gamma/same-latest', { vendorId: 'gamma', name: 'Same Model 70B (latest)' }),
    );
    const other = candidate('beta/other', {
      vendorId: 'beta',
      name: 'Other Model',
      inputPricePerMTok: 5,
    });
    const result = rankAlternatives(dependency(), catalog([...hosts, other]), new Set(), context);
    expect(result.proposed.filter((p) => p.name.startsWith('Same Model 70B'))).toHaveLength(1);
    expect(ids(result)).toEqual(['acme/same', 'beta/other']);
    expect(result.proposed[1].rank).toBeGreaterThan(2);
    expect(result.fitCount).toBe(5);
  });
});
