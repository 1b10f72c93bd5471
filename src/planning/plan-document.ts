import { tableBlock } from '../documents/blocks';
import type { Block, DocumentSpec, Tone } from '../documents/document-spec';
import {
  amount,
  hours,
  money,
  percent,
  shortHours,
  signedMoney,
  timestamp,
} from '../documents/format';
import {
  documentFrame,
  cachedTemplate,
  type DocumentTemplate,
  type TemplateNode,
  type TemplateView,
} from '../documents/templates';
import type {
  FailoverPlan,
  PlannedDependency,
  PlanAction,
} from '../domain/planning/build-failover-plan';
import { RUNBOOK_PHASES } from '../domain/planning/build-runbook';
import type { PlanningModel } from '../domain/planning/planning-model';
import type { RankedAlternative } from '../domain/planning/rank-alternatives';

const PLAN_SECTIONS = [
  'executive_summary',
  'dependencies',
  'knock_on',
  'runbook',
  'method',
] as const;

/** What the plan document says besides the plan itself. */
export interface PlanDocumentContext {
  organizationName: string;
  simulationRunId: string;
  iterations: number;
  seed: number;
  /** ISO 8601: when the plan was made (also the PDF's date). */
  generatedAt: string;
  catalog: {
    models: number;
    source: string;
    gpus: {
      name: string;
      memoryGb: number;
      hourlyPriceUsd: number;
      priceDate: string;
      priceSource: string;
    }[];
  };
  planningModel: PlanningModel;
}

/** templates/failover-plan.yaml, read once per process (worker threads each read their own). */
export function failoverPlanTemplate(): DocumentTemplate {
  return cachedTemplate('failover-plan', PLAN_SECTIONS);
}

/** Composes the failover plan's document from the plan and templates/failover-plan.yaml. */
export function planDocument(
  plan: FailoverPlan,
  context: PlanDocumentContext,
  template: DocumentTemplate = failoverPlanTemplate(),
): DocumentSpec {
  const c = plan.currency;
  const m = (x: number) => money(x, c);
  const scenario = plan.scenario;
  const d = scenario.durationDays;
  const view: TemplateView = {
    organization: context.organizationName,
    scenario: scenario.name,
    scenarioKind: scenario.kind.replace(/_/g, ' '),
    notice: hours(scenario.noticeHours ?? 0),
    duration: `${amount(d.min)} to ${amount(d.max)} days, most likely ${amount(d.mostLikely)}`,
    hitVendors: plan.hitVendors.map((v) => v.name).join(', ') || 'none',
    iterations: amount(context.iterations),
    seed: context.seed,
    simulationRunId: context.simulationRunId,
    generatedAt: timestamp(context.generatedAt),
    scoringModelVersion: plan.scoringModelVersion,
    planningModelVersion: plan.planningModelVersion,
    templateVersion: template.version,
    currency: c,
  };
  const phases = template.root.child('phases');
  const blocks: Block[] = [];
  for (const { id, node } of template.sections) {
    blocks.push({ kind: 'heading', level: 1, text: node.text('heading', view) });
    if (id === 'executive_summary') blocks.push(...executiveSummary(plan, node, view, m));
    if (id === 'dependencies') blocks.push(...dependencyPages(plan, node, phases, m));
    if (id === 'knock_on') blocks.push(...knockOn(plan, node, m));
    if (id === 'runbook') blocks.push(...runbook(plan, node, phases));
    if (id === 'method') blocks.push(...method(node, view, context));
  }
  return { ...documentFrame(template, view, context.generatedAt), blocks };
}

function executiveSummary(
  plan: FailoverPlan,
  t: TemplateNode,
  view: TemplateView,
  m: (x: number) => string,
): Block[] {
  const s = plan.summary;
  const f = t.child('figures');
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      style: 'body',
      text: t.text('intro', {
        ...view,
        stopped: s.stopped,
        knockOn: s.frozenByCascade + s.degraded,
        expectedLoss: m(s.expectedLoss),
        p90Loss: m(s.p90Loss),
      }),
    },
    {
      kind: 'keyFigures',
      items: [
        { label: f.text('expectedLoss'), value: m(s.expectedLoss), tone: 'bad' },
        { label: f.text('p90Loss'), value: m(s.p90Loss), tone: 'bad' },
        { label: f.text('stopped'), value: String(s.stopped), tone: 'neutral' },
        {
          label: f.text('rtoGaps'),
          value: String(s.rtoGaps),
          tone: s.rtoGaps > 0 ? 'warning' : 'good',
        },
        {
          label: f.text('breached'),
          value: String(s.breachedCommitments.length),
          tone: s.breachedCommitments.length > 0 ? 'warning' : 'good',
        },
        {
          label: f.text('costChange'),
          value:
            s.monthlyCostDifference === null
              ? f.text('notComparable')
              : signedMoney(s.monthlyCostDifference, plan.priceCurrency),
          tone: (s.monthlyCostDifference ?? 0) > 0 ? 'warning' : 'good',
        },
      ],
    },
    ...costNote(plan, t),
    {
      kind: 'paragraph',
      style: 'body',
      text: t.text('lossByCategory', {
        pipelineFreeze: m(s.expectedLossByCategory.pipelineFreeze),
        slaBreach: m(s.expectedLossByCategory.slaBreach),
        budgetShift: m(s.expectedLossByCategory.budgetShift),
      }),
    },
    { kind: 'heading', level: 2, text: t.text('actionsHeading') },
  ];
  if (s.topActions.length === 0) {
    blocks.push({ kind: 'paragraph', style: 'body', text: t.text('noActions') });
  } else {
    const wording = t.child('actions');
    blocks.push({
      kind: 'bullets',
      items: s.topActions.map((a) => wording.text(a.kind, actionView(a, m))),
    });
  }
  blocks.push({ kind: 'heading', level: 2, text: t.text('commitmentsHeading') });
  blocks.push(
    tableBlock(
      t.texts('commitmentColumns'),
      [3, 1.5, 2],
      [1, 2],
      s.breachedCommitments.map((b) => ({
        cells: [b.clientName, percent(b.probabilityOfBreach), m(b.expectedCost)],
        tone: b.probabilityOfBreach >= 0.5 ? 'bad' : 'warning',
      })),
      t.text('commitmentsEmpty'),
    ),
  );
  return blocks;
}

/** Says what the monthly cost change leaves out, when it leaves something out. */
function costNote(plan: FailoverPlan, t: TemplateNode): Block[] {
  const s = plan.summary;
  const notes: string[] = [];
  if (s.monthlyCostDifference === null) {
    notes.push(
      t.text('costNotComparable', { currency: plan.currency, prices: plan.priceCurrency }),
    );
  } else if (s.switchesWithoutCost > 0) {
    notes.push(t.text('costPartial', { count: s.switchesWithoutCost, prices: plan.priceCurrency }));
  }
  return notes.map((text): Block => ({ kind: 'paragraph', style: 'note', text }));
}

function actionView(a: PlanAction, m: (x: number) => string): TemplateView {
  return {
    dependency: a.dependencyName,
    team: a.team,
    target: a.targetLabel ?? '',
    expectedLoss: m(a.expectedLoss),
    timeToFailover: hours(a.timeToFailoverHours),
    rto: hours(a.rtoHours),
    gap: hours(a.gapHours),
  };
}

function gapTone(gapHours: number): Tone {
  return gapHours > 0 ? 'bad' : 'good';
}

function dependencyPages(
  plan: FailoverPlan,
  t: TemplateNode,
  phaseNames: TemplateNode,
  m: (x: number) => string,
): Block[] {
  if (plan.dependencies.length === 0) {
    return [{ kind: 'paragraph', style: 'body', text: t.text('empty') }];
  }
  const blocks: Block[] = [{ kind: 'paragraph', style: 'body', text: t.text('intro') }];
  const stepsByDependency = new Map<string, { phase: string; action: string; due: number }[]>();
  for (const phase of plan.runbook.phases) {
    for (const step of phase.steps) {
      if (step.dependencyId === null) continue;
      const list = stepsByDependency.get(step.dependencyId) ?? [];
      list.push({
        phase: phaseNames.text(phase.phase),
        action: step.action,
        due: step.deadlineHours,
      });
      stepsByDependency.set(step.dependencyId, list);
    }
  }
  for (const p of plan.dependencies) {
    blocks.push(...dependencyPage(p, plan, t, m));
    blocks.push({ kind: 'heading', level: 3, text: t.text('stepsHeading') });
    blocks.push(
      tableBlock(
        t.texts('stepsColumns'),
        [1.2, 6, 1.3],
        [2],
        (stepsByDependency.get(p.dependencyId) ?? []).map((s) => ({
          cells: [s.phase, s.action, hours(s.due)],
        })),
      ),
    );
  }
  return blocks;
}

function alternativeWhy(alt: RankedAlternative): string {
  const parts = Object.entries(alt.components)
    .sort(([, a], [, b]) => b.contribution - a.contribution)
    .map(
      ([name, score]) =>
        `${name.replace(/([A-Z])/g, ' $1').toLowerCase()} ${amount(score.score * 100)}`,
    );
  return parts.join(', ');
}

function dependencyPage(
  p: PlannedDependency,
  plan: FailoverPlan,
  t: TemplateNode,
  m: (x: number) => string,
): Block[] {
  const f = t.child('figures');
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: p.name },
    {
      kind: 'paragraph',
      style: 'body',
      text: t.text('whatStops', {
        name: p.name,
        team: p.team,
        criticality: p.criticality,
        model: p.modelId ?? 'an unnamed model',
        vendor: p.vendorName,
        expectedLoss: m(p.expectedLoss),
        p90Loss: m(p.p90Loss),
        probabilityExceedsRto: percent(p.probabilityOutageExceedsRto),
      }),
    },
    {
      kind: 'keyFigures',
      items: [
        { label: f.text('rto'), value: shortHours(p.rtoHours), tone: 'neutral' },
        {
          label: f.text('timeToFailover'),
          value: shortHours(p.timeToFailoverHours),
          tone: 'neutral',
        },
        { label: f.text('gap'), value: shortHours(p.gapHours), tone: gapTone(p.gapHours) },
        { label: f.text('spend'), value: m(p.monthlySpend), tone: 'neutral' },
      ],
    },
  ];
  const switchTo = t.child('switchTo');
  blocks.push({
    kind: 'paragraph',
    style: 'body',
    text:
      p.switchTo === null
        ? switchTo.text('none')
        : switchTo.text(p.switchTo.kind, {
            target: p.switchTo.label,
            status: p.existingFallback?.status ?? '',
          }),
  });
  if (p.existingFallback !== null && !p.existingFallback.usable) {
    blocks.push({
      kind: 'paragraph',
      style: 'body',
      text: t.text('fallbackLost', {
        target: [p.existingFallback.modelId, p.existingFallback.vendorName]
          .filter((x) => x !== null && x !== '')
          .join(' on '),
      }),
    });
  }
  const needs = p.needs;
  const excluded = Object.entries(p.excludedByReason)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, count]) => `${count} ${code.replace(/_/g, ' ')}`)
    .join(', ');
  blocks.push({
    kind: 'paragraph',
    style: 'note',
    text: t.text('needs', {
      inputs: needs.inputModalities.join(', '),
      outputs: needs.outputModalities.join(', '),
      toolCalling: needs.toolCalling ? ', call tools' : '',
      reasoning: needs.reasoning ? ', reason' : '',
      context: amount(needs.minContextTokens),
      residency: needs.dataResidency === null ? '' : ` and keep data in ${needs.dataResidency}`,
      fitCount: p.fitCount,
      excluded: excluded === '' ? 'none excluded' : `excluded: ${excluded}`,
    }),
  });

  blocks.push({ kind: 'heading', level: 3, text: t.text('alternativesHeading') });
  const ranked = p.chosen === null ? [] : [p.chosen, ...p.runnersUp];
  blocks.push(
    tableBlock(
      t.texts('alternativesColumns'),
      [0.4, 2.5, 1.5, 0.8, 1.5, 1.6, 2.8],
      [0, 3, 4, 5],
      // Numbered in the list: `rank` (among every fitting candidate) skips the hosts left out.
      ranked.map((alt, i) => ({
        cells: [
          String(i + 1),
          alt.name,
          alt.kind === 'self_hosted'
            ? 'own GPUs'
            : (plan.vendorNames[alt.vendorId] ?? alt.vendorId),
          amount(alt.score * 100),
          alt.monthlyCost === null ? 'unknown' : money(alt.monthlyCost, plan.priceCurrency),
          alt.monthlyCostDifference === null
            ? 'n/a'
            : signedMoney(alt.monthlyCostDifference, plan.priceCurrency),
          alternativeWhy(alt),
        ],
        tone: alt === p.chosen ? 'good' : 'neutral',
      })),
      t.text('alternativesEmpty'),
    ),
  );

  blocks.push({ kind: 'heading', level: 3, text: t.text('selfHostingHeading') });
  const sizing = p.selfHosting;
  if (sizing === null || !sizing.feasible) {
    blocks.push({ kind: 'paragraph', style: 'body', text: t.text('selfHostingNone') });
  } else {
    blocks.push({
      kind: 'paragraph',
      style: 'body',
      text: t.text('selfHosting', {
        family: sizing.familyName,
        precision: sizing.precision,
        gpu: sizing.gpuName,
        weightsGb: amount(sizing.weightsGb ?? 0),
        kvCacheGb: amount(sizing.kvCacheGb ?? 0),
        overheadGb: amount(sizing.overheadGb ?? 0),
        totalGb: amount(sizing.totalGbPerReplica ?? 0),
        gpusPerReplica: sizing.gpusPerReplica ?? 0,
        usableGb: amount(sizing.usableGbPerReplica ?? 0),
        replicas: sizing.replicas ?? 0,
        totalGpus: sizing.totalGpus ?? 0,
        monthlyCost: money(sizing.monthlyGpuCost ?? 0, plan.priceCurrency),
        spend: m(p.monthlySpend),
      }),
    });
    blocks.push(
      tableBlock(
        t.texts('selfHostingColumns'),
        [2.5, 2, 1, 0.8, 1.5, 0.8],
        [3, 4, 5],
        p.selfHostingOptions.map((o) => ({
          cells: [
            o.familyId,
            o.gpuId,
            o.precision,
            String(o.totalGpus),
            money(o.monthlyCost, plan.priceCurrency),
            amount(o.score * 100),
          ],
        })),
      ),
    );
  }
  return blocks;
}

function knockOn(plan: FailoverPlan, t: TemplateNode, m: (x: number) => string): Block[] {
  const effects = t.child('effects');
  return [
    { kind: 'paragraph', style: 'body', text: t.text('intro') },
    tableBlock(
      t.texts('columns'),
      [2.5, 1.5, 1.5, 2.5, 1.5],
      [4],
      plan.knockOn.map((k) => ({
        cells: [k.name, k.team, effects.text(k.effect), k.waitsFor.join(', '), m(k.expectedLoss)],
        tone: k.effect === 'frozen_by_cascade' ? 'warning' : 'neutral',
      })),
      t.text('empty'),
    ),
  ];
}

function runbook(plan: FailoverPlan, t: TemplateNode, phases: TemplateNode): Block[] {
  const nameOf = new Map(plan.dependencies.map((d) => [d.dependencyId, d.name]));
  const blocks: Block[] = [{ kind: 'paragraph', style: 'body', text: t.text('intro') }];
  for (const phase of RUNBOOK_PHASES) {
    const steps = plan.runbook.phases.find((p) => p.phase === phase)?.steps ?? [];
    blocks.push({ kind: 'heading', level: 2, text: phases.text(phase) });
    blocks.push(
      tableBlock(
        t.texts('stepColumns'),
        [0.4, 1.6, 6, 1.3],
        [0, 3],
        steps.map((s) => ({
          cells: [String(s.order), s.owner, s.action, hours(s.deadlineHours)],
        })),
      ),
    );
  }
  blocks.push({ kind: 'heading', level: 2, text: t.text('gapsHeading') });
  blocks.push(
    tableBlock(
      t.texts('gapColumns'),
      [2.5, 1.5, 1, 1, 1.5, 1.2],
      [3, 4, 5],
      plan.runbook.recoveryGaps.map((g) => ({
        cells: [
          nameOf.get(g.dependencyId) ?? g.name,
          g.owner,
          g.criticality,
          hours(g.rtoHours),
          hours(g.timeToFailoverHours),
          hours(g.gapHours),
        ],
        tone: gapTone(g.gapHours),
      })),
    ),
  );
  blocks.push({ kind: 'heading', level: 2, text: t.text('leversHeading') });
  const yes = t.text('yes');
  const no = t.text('no');
  const vendorName = (id: string) => plan.vendorNames[id] ?? id;
  blocks.push(
    tableBlock(
      t.texts('leverColumns'),
      [1.4, 1.8, 1.6, 0.9, 4.5],
      [],
      plan.runbook.contractLevers.flatMap((c) =>
        c.levers.map((l) => ({
          cells: [
            vendorName(c.vendorId),
            c.contractName,
            l.kind.replace(/_/g, ' '),
            l.available ? yes : no,
            l.action,
          ],
          tone: l.available ? 'good' : 'warning',
        })),
      ),
      t.text('leversEmpty'),
    ),
  );
  for (const c of plan.runbook.contractLevers) {
    for (const note of c.notes) blocks.push({ kind: 'paragraph', style: 'note', text: note });
  }
  if (plan.runbook.vendorsWithoutContract.length > 0) {
    blocks.push({
      kind: 'paragraph',
      style: 'body',
      text: t.text('withoutContract', {
        vendors: plan.runbook.vendorsWithoutContract.map(vendorName).join(', '),
      }),
    });
  }
  return blocks;
}

function method(t: TemplateNode, view: TemplateView, context: PlanDocumentContext): Block[] {
  const pm = context.planningModel;
  const w = pm.ranking.weights.value;
  const methodView: TemplateView = {
    ...view,
    catalogModels: amount(context.catalog.models),
    catalogSource: context.catalog.source,
    weightFit: w.capabilityFit,
    weightCost: w.cost,
    weightSwitching: w.switchingEffort,
    weightRegulatory: w.regulatoryExposure,
    contextTokens: amount(pm.workloadDefaults.contextTokens.value),
    concurrency: pm.workloadDefaults.concurrency.value,
    usableFraction: percent(pm.memory.usableMemoryFraction.value),
    bandwidthEfficiency: percent(pm.throughput.memoryBandwidthEfficiency.value),
    batching: pm.throughput.batchingMultiplier.value,
    peakRatio: pm.capacity.peakToAverageRatio.value,
    utilisation: percent(pm.capacity.targetUtilisation.value),
    hoursPerMonth: pm.capacity.hoursPerMonth.value,
    maxContext: amount(pm.needs.maxRequiredContextTokens.value),
  };
  return [
    ...t
      .texts('paragraphs', methodView)
      .map((text): Block => ({ kind: 'paragraph', style: 'body', text })),
    { kind: 'heading', level: 2, text: t.text('gpusHeading') },
    tableBlock(
      t.texts('gpuColumns'),
      [2, 1, 1.2, 1, 3],
      [1, 2],
      context.catalog.gpus.map((g) => ({
        cells: [
          g.name,
          `${amount(g.memoryGb)} GB`,
          money(g.hourlyPriceUsd, 'USD'),
          g.priceDate,
          g.priceSource,
        ],
      })),
    ),
  ];
}
