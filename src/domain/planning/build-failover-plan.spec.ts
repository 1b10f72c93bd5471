import fc from 'fast-check';
import gpusJson from '../../../data/catalog/gpus.json';
import planningRaw from '../../../data/planning-model.json';
import scoringRaw from '../../../data/scoring-model.json';
import { parseScoringModel } from '../scoring-model';
import { runShutdownSimulation } from '../simulation/run-shutdown-simulation';
import type { ScenarioDefinition } from '../simulation/scenario';
import {
  buildCommitment,
  buildDependency,
  buildPortfolio,
  buildVendor,
} from '../testing/portfolio-builders';
import { alternativeNeeds, buildFailoverPlan, type FailoverPlanInput } from './build-failover-plan';
import { parsePlanningModel } from './planning-model';
import type { CandidateModelInput, CandidateVendorInput } from './rank-alternatives';

const planningModel = parsePlanningModel(planningRaw);
const scoringModel = parseScoringModel(scoringRaw);
const asOf = new Date('2026-11-01T00:00:00Z');

const vendors = [
  buildVendor({ id: 'acme', name: 'Acme AI', regimes: ['us-export-controls'] }),
  buildVendor({ id: 'beta', name: 'Beta Models', jurisdictions: ['EU'], regimes: ['eu-ai-act'] }),
  buildVendor({ id: 'gamma', name: 'Gamma Labs', jurisdictions: ['EU'], regimes: ['eu-ai-act'] }),
];

function model(id: string, overrides: Partial<CandidateModelInput> = {}): CandidateModelInput {
  return {
    id,
    vendorId: id.split('/')[0],
    name: id,
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

const candidateVendors: CandidateVendorInput[] = vendors.map((v) => ({
  id: v.id,
  name: v.name,
  kind: v.kind,
  headquartersCountry: v.headquartersCountry,
  jurisdictions: v.jurisdictions,
  regimes: v.regimes,
}));

const portfolio = buildPortfolio({
  vendors,
  dependencies: [
    buildDependency({
      id: 'chat',
      name: 'Support chatbot',
      team: 'Care',
      vendorId: 'acme',
      modelId: 'acme/large',
      criticality: 'critical',
      rtoHours: 4,
      fallback: {
        status: 'tested',
        vendorId: 'beta',
        modelId: 'beta/mid',
        lastTestedAt: '2026-10-01',
      },
    }),
    buildDependency({
      id: 'triage',
      name: 'Ticket triage',
      team: 'Ops',
      vendorId: 'acme',
      modelId: 'acme/small',
      rtoHours: 2,
      fallback: { status: 'documented', vendorId: 'acme', modelId: 'acme/large' },
    }),
    buildDependency({
      id: 'search',
      name: 'Search',
      team: 'Web',
      vendorId: 'gamma',
      modelId: 'gamma/embed',
      dependsOn: ['chat'],
    }),
    buildDependency({ id: 'copy', name: 'Copy drafts', vendorId: 'beta', modelId: 'beta/mid' }),
  ],
  commitments: [buildCommitment({ dependencyIds: ['chat'] })],
});

const catalogModels = [
  model('acme/large'),
  model('acme/small'),
  model('beta/mid', { inputPricePerMTok: 2, outputPricePerMTok: 6 }),
  model('gamma/cheap', { inputPricePerMTok: 0.5, outputPricePerMTok: 2 }),
  model('gamma/no-tools', { toolCalling: false }),
  model('gamma/embed'),
];

const scenario: ScenarioDefinition = {
  name: 'Acme pulled',
  kind: 'full_suspension',
  targets: { vendorIds: ['acme'], jurisdictions: [], regimes: [], vendorKinds: [] },
  noticeHours: 0,
  durationDays: { min: 3, mostLikely: 14, max: 42 },
  startDate: '2026-12-01',
};

function planInput(s: ScenarioDefinition = scenario): FailoverPlanInput {
  return {
    portfolio,
    simulation: runShutdownSimulation(portfolio, s, scoringModel, {
      iterations: 200,
      seed: 7,
      asOf,
    }),
    catalog: {
      models: catalogModels,
      vendors: candidateVendors,
      families: [],
      gpus: gpusJson.gpus,
    },
    vendorApiFamilies: { acme: 'openai', beta: 'openai', gamma: 'anthropic' },
    contracts: [
      {
        vendorId: 'acme',
        vendorName: 'Acme AI',
        name: 'Acme MSA',
        terminationNoticeDays: 30,
        exitAssistance: true,
        regulatoryChangeClause: false,
        forceMajeureCoversRegulatory: true,
        dataPortability: true,
      },
      {
        vendorId: 'gamma',
        vendorName: 'Gamma Labs',
        name: 'Gamma terms',
        terminationNoticeDays: null,
        exitAssistance: false,
        regulatoryChangeClause: false,
        forceMajeureCoversRegulatory: false,
        dataPortability: false,
      },
    ],
    planningModel,
    scoringModel,
    asOf,
    priceCurrency: 'USD',
  };
}

describe('buildFailoverPlan', () => {
  const plan = buildFailoverPlan(planInput());
  const byId = (id: string) => plan.dependencies.find((d) => d.dependencyId === id)!;

  it('plans every stopped dependency and lists the knock-on ones with what they wait for', () => {
    expect(plan.dependencies.map((d) => d.dependencyId).sort()).toEqual(['chat', 'triage']);
    expect(plan.knockOn).toEqual([
      expect.objectContaining({
        dependencyId: 'search',
        effect: 'frozen_by_cascade',
        waitsFor: ['Support chatbot'],
      }),
    ]);
    expect(plan.hitVendors).toEqual([{ id: 'acme', name: 'Acme AI' }]);
    expect(plan.summary).toMatchObject({ stopped: 2, frozenByCascade: 1, degraded: 0 });
  });

  it('switches to a fallback the scenario leaves standing, else to the best alternative', () => {
    const chat = byId('chat');
    expect(chat.existingFallback).toMatchObject({ status: 'tested', usable: true });
    expect(chat.switchTo).toMatchObject({
      kind: 'existing_fallback',
      vendorId: 'beta',
      label: 'beta/mid on Beta Models',
    });
    const triage = byId('triage');
    expect(triage.existingFallback).toMatchObject({ vendorId: 'acme', usable: false });
    expect(triage.switchTo).toMatchObject({ kind: 'api', modelId: triage.chosen!.modelId });
  });

  it('never proposes or switches to a vendor the scenario hits, and excludes unfit models', () => {
    for (const d of plan.dependencies) {
      for (const alt of [d.chosen, ...d.runnersUp]) expect(alt?.vendorId).not.toBe('acme');
      expect(d.switchTo?.vendorId).not.toBe('acme');
      expect(d.excludedByReason.hit_by_scenario).toBeGreaterThan(0);
      expect(d.excludedByReason.tool_calling).toBe(1);
    }
  });

  it('keeps the ranking order and ranks the cheaper of two equal candidates higher', () => {
    // gamma/cheap and gamma/embed: same vendor, API and fit; gamma/cheap costs half (still the same class of model by price).
    const chat = byId('chat');
    const ranked = [chat.chosen!, ...chat.runnersUp];
    for (let i = 1; i < ranked.length; i++)
      expect(ranked[i].rank).toBeGreaterThan(ranked[i - 1].rank);
    const rankOf = (id: string) => ranked.find((a) => a.candidateId === id)!.rank;
    expect(rankOf('gamma/cheap')).toBeLessThan(rankOf('gamma/embed'));
  });

  it('measures the recovery-time gap against the RTO', () => {
    for (const d of plan.dependencies) {
      expect(d.gapHours).toBeCloseTo(Math.max(0, d.timeToFailoverHours - d.rtoHours), 9);
    }
    // No usable fallback: migrating takes longer than a 2-hour RTO.
    expect(byId('triage').gapHours).toBeGreaterThan(0);
    expect(plan.summary.rtoGaps).toBe(plan.dependencies.filter((d) => d.gapHours > 0).length);
  });

  it('puts work before the order ahead of a tested fallback in the top actions', () => {
    expect(plan.summary.topActions.map((a) => [a.dependencyId, a.kind])).toEqual([
      ['triage', 'prepare_alternative'],
      ['chat', 'keep_fallback_ready'],
    ]);
  });

  it('takes the runbook timings from the planning model and only the contracts in play', () => {
    const detect = plan.runbook.phases[0].steps[0];
    expect(detect.deadlineHours).toBe(planningModel.runbook.detectHours.value);
    expect(plan.runbook.contractLevers.map((c) => c.vendorId)).toEqual(['acme']);
  });

  it('routes each stopped dependency from its model to its targets, fallback first', () => {
    const chat = plan.gatewayRoutes.find((r) => r.dependencyName === 'Support chatbot')!;
    expect(chat.primary).toEqual({ vendorId: 'acme', modelId: 'acme/large' });
    expect(chat.fallbacks[0]).toEqual({
      vendorId: 'beta',
      modelId: 'beta/mid',
      selfHosted: false,
      openAiCompatible: false,
    });
    expect(new Set(chat.fallbacks.map((f) => f.modelId)).size).toBe(chat.fallbacks.length);
  });

  it('sums the breached commitments and the cost of the switches to ranked alternatives', () => {
    expect(plan.summary.breachedCommitments[0]).toMatchObject({ clientName: 'Acme Corp' });
    // chat switches to its own fallback (cost not in the catalog), triage to its rank-1 alternative.
    expect(plan.summary.monthlyCostDifference).toBeCloseTo(
      byId('triage').chosen!.monthlyCostDifference!,
      9,
    );
    expect(plan.summary.switchesWithoutCost).toBe(1);
  });

  it('takes time to failover as the simulation does: a standing fallback works, no contagion prior', () => {
    const tested = scoringModel.failover.testedFailoverHours.value;
    expect(byId('chat').timeToFailoverHours).toBe(tested);
    expect(byId('chat').gapHours).toBe(Math.max(0, tested - 4));
  });

  it('compares no cost with spend kept in another currency', () => {
    const input = planInput();
    const eur = buildFailoverPlan({
      ...input,
      portfolio: {
        ...input.portfolio,
        organization: { ...input.portfolio.organization, currency: 'EUR' },
      },
      simulation: { ...input.simulation, currency: 'EUR' },
    });
    expect(eur.summary.monthlyCostDifference).toBeNull();
    for (const d of eur.dependencies) {
      for (const alt of [d.chosen, ...d.runnersUp]) expect(alt?.monthlyCostDifference).toBeNull();
    }
    expect(eur.priceCurrency).toBe('USD');
  });

  it('is deterministic and plain JSON', () => {
    const again = buildFailoverPlan(planInput());
    expect(again).toEqual(plan);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });

  it("rules out a hit lab's closed models sold by others, and vendors the organization does not use yet", () => {
    const input = planInput({
      ...scenario,
      targets: { vendorIds: [], jurisdictions: ['US'], regimes: [], vendorKinds: [] },
    });
    const delta: CandidateVendorInput = {
      id: 'delta',
      name: 'Delta Cloud',
      kind: 'cloud_platform',
      headquartersCountry: 'US',
      jurisdictions: ['US'],
      regimes: [],
    };
    const usPlan = buildFailoverPlan({
      ...input,
      catalog: {
        ...input.catalog,
        vendors: [...input.catalog.vendors, delta],
        models: [
          ...input.catalog.models,
          model('delta/cheap', { inputPricePerMTok: 0.9, outputPricePerMTok: 3.5 }),
          model('gamma/acme-large', {
            makerId: 'acme',
            inputPricePerMTok: 0.9,
            outputPricePerMTok: 3.5,
          }),
        ],
      },
    });
    expect(usPlan.dependencies.length).toBeGreaterThan(0);
    for (const d of usPlan.dependencies) {
      const proposed = [d.chosen, ...d.runnersUp].map((a) => a?.candidateId);
      expect(proposed).not.toContain('delta/cheap');
      expect(proposed).not.toContain('gamma/acme-large');
    }
  });

  it('never proposes a hit vendor, whichever vendors the scenario hits', () => {
    fc.assert(
      fc.property(fc.subarray(['acme', 'beta', 'gamma'], { minLength: 1 }), (hit) => {
        const p = buildFailoverPlan(
          planInput({ ...scenario, targets: { ...scenario.targets, vendorIds: hit } }),
        );
        for (const d of p.dependencies) {
          for (const alt of [d.chosen, ...d.runnersUp]) {
            if (alt !== null) expect(hit).not.toContain(alt.vendorId);
          }
          if (d.switchTo !== null) expect(hit).not.toContain(d.switchTo.vendorId);
        }
      }),
      { numRuns: 20 },
    );
  });
});

describe('alternativeNeeds', () => {
  it.each([
    ['text and image in, text out', ['text', 'image'], ['text'], ['text'], ['text']],
    ['image out only', ['text'], ['image'], ['text'], ['image']],
    ['unknown modalities', null, null, ['text'], ['text']],
  ])('%s', (_name, input, output, needIn, needOut) => {
    const needs = alternativeNeeds(
      model('x/y', { inputModalities: input, outputModalities: output }),
      null,
      planningModel,
    );
    expect(needs.inputModalities).toEqual(needIn);
    expect(needs.outputModalities).toEqual(needOut);
  });

  it('caps the context need and copies tool calling, reasoning and residency', () => {
    const cap = planningModel.needs.maxRequiredContextTokens.value;
    expect(
      alternativeNeeds(
        model('x/y', { contextWindow: 1_000_000, reasoning: true }),
        'EU',
        planningModel,
      ),
    ).toEqual({
      inputModalities: ['text'],
      outputModalities: ['text'],
      toolCalling: true,
      reasoning: true,
      minContextTokens: cap,
      dataResidency: 'EU',
    });
    expect(
      alternativeNeeds(model('x/y', { contextWindow: 4096 }), ' ', planningModel),
    ).toMatchObject({ minContextTokens: 4096, dataResidency: null });
    expect(alternativeNeeds(undefined, null, planningModel)).toMatchObject({
      toolCalling: false,
      minContextTokens: cap,
    });
  });
});
