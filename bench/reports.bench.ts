/**
 * Failover plan and board report for 200 stopped dependencies (target: each under 2 s): the
 * worker tasks' pure pipelines in-process, end to end and by part, with the PDFs' size and pages;
 * then POST /v1/plans and POST /v1/reports/board on the real app with the same inventory.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { renderPdf } from '../src/documents/pdf/render-pdf';
import { renderedPdf } from '../src/documents/rendered-pdf';
import { scorePortfolio } from '../src/domain/exposure/score-exposure';
import { buildFailoverPlan } from '../src/domain/planning/build-failover-plan';
import type { RunbookContract } from '../src/domain/planning/build-runbook';
import type { Portfolio } from '../src/domain/portfolio';
import {
  buildBoardReport,
  worstPreset,
  type PresetOutcome,
} from '../src/domain/reporting/board-report';
import {
  runShutdownSimulation,
  type SimulationResult,
} from '../src/domain/simulation/run-shutdown-simulation';
import type { ScenarioDefinition } from '../src/domain/simulation/scenario';
import { presetScenarios, primaryFrontierLab } from '../src/domain/simulation/scenario-presets';
import type { ScoringModel } from '../src/domain/scoring-model';
import { loadScoringModel } from '../src/exposure/scoring-model.provider';
import { buildPlanTask, type BuildPlanTask } from '../src/planning/build-plan.task';
import { failoverPlanTemplate, planDocument } from '../src/planning/plan-document';
import {
  alternativesCatalog,
  failoverPlanInput,
  planDocumentContext,
  planningCatalogData,
  vendorApiFamilies,
} from '../src/planning/planning-inputs';
import {
  boardReportDocument,
  heatMapBands,
  reportLimits,
} from '../src/reports/board-report-document';
import {
  DEFAULT_REPORT_ITERATIONS,
  DEFAULT_REPORT_SEED,
} from '../src/reports/dto/board-report.dto';
import { renderReportTask } from '../src/reports/render-report.task';
import { startBenchApp } from './bench-app';
import { count, measure, ms, printTable, timed, type Timing } from './support';
import {
  BENCH_AS_OF,
  BENCH_ORGANIZATION,
  syntheticPortfolio,
  type SyntheticPortfolio,
} from './synthetic-portfolio';

/** Every dependency is stopped: the scenario suspends every vendor the inventory uses. */
const SIZE = 200;
/** The plan's simulation run (made once, untimed); the plan reads only its per-dependency results. */
const PLAN_ITERATIONS = 2_000;
const PLAN_SEED = 42;
const START_DATE = '2026-12-01';
/** Timed runs: a plan takes seconds, so fewer of them keep the bench near three minutes. */
const PLAN_RUNS = 3;
const REPORT_RUNS = 5;
const TARGET_MS = 2_000;
const PRESETS_FILE = join(__dirname, '..', 'data', 'scenario-presets.json');

/** The runbook's contract levers: a few agreements with the largest vendors, terms varied. */
const CONTRACTS: (Omit<RunbookContract, 'vendorName'> & { annualValue: number })[] = [
  {
    vendorId: 'openai',
    name: 'OpenAI API enterprise agreement',
    terminationNoticeDays: 30,
    exitAssistance: false,
    regulatoryChangeClause: true,
    forceMajeureCoversRegulatory: true,
    dataPortability: true,
    annualValue: 480_000,
  },
  {
    vendorId: 'anthropic',
    name: 'Anthropic commercial terms',
    terminationNoticeDays: null,
    exitAssistance: false,
    regulatoryChangeClause: false,
    forceMajeureCoversRegulatory: true,
    dataPortability: false,
    annualValue: 260_000,
  },
  {
    vendorId: 'azure',
    name: 'Microsoft enterprise agreement (Azure OpenAI)',
    terminationNoticeDays: 90,
    exitAssistance: true,
    regulatoryChangeClause: true,
    forceMajeureCoversRegulatory: false,
    dataPortability: true,
    annualValue: 350_000,
  },
  {
    vendorId: 'amazon-bedrock',
    name: 'AWS customer agreement (Bedrock)',
    terminationNoticeDays: 30,
    exitAssistance: false,
    regulatoryChangeClause: false,
    forceMajeureCoversRegulatory: true,
    dataPortability: true,
    annualValue: 150_000,
  },
];

interface Inputs {
  synthetic: SyntheticPortfolio;
  scenario: ScenarioDefinition;
  model: ScoringModel;
  task: BuildPlanTask;
  stopped: number;
  simulationMs: number;
}

export async function run(): Promise<void> {
  const inputs = await planInputs();
  await benchPlan(inputs);
  await benchReport(inputs);
  await benchApi(inputs);
}

/** The plan's inventory and simulation run, as the worker receives them (made once, untimed). */
async function planInputs(): Promise<Inputs> {
  const synthetic = syntheticPortfolio(SIZE);
  const { portfolio } = synthetic;
  const scenario: ScenarioDefinition = {
    name: 'Every vendor in use suspended',
    kind: 'full_suspension',
    targets: {
      vendorIds: [...new Set(portfolio.dependencies.map((d) => d.vendorId))],
      jurisdictions: [],
      regimes: [],
      vendorKinds: [],
    },
    noticeHours: 12,
    durationDays: { min: 3, mostLikely: 14, max: 42 },
    startDate: START_DATE,
  };
  const model = loadScoringModel();
  const simulation = await timed(() =>
    runShutdownSimulation(portfolio, scenario, model, {
      iterations: PLAN_ITERATIONS,
      seed: PLAN_SEED,
      asOf: BENCH_AS_OF,
    }),
  );
  const stopped = stoppedOf(simulation.value);
  if (stopped !== SIZE) throw new Error(`bench: the scenario stops ${stopped}, expected ${SIZE}`);
  const vendorName = new Map(portfolio.vendors.map((v) => [v.id, v.name]));
  return {
    synthetic,
    scenario,
    model,
    stopped,
    simulationMs: simulation.ms,
    task: {
      inventoryJson: JSON.stringify(portfolio),
      resultsJson: JSON.stringify(simulation.value),
      contracts: CONTRACTS.map(({ annualValue: _value, ...c }) => ({
        ...c,
        vendorName: vendorName.get(c.vendorId)!,
      })),
      scoringModel: model,
      organizationName: BENCH_ORGANIZATION.name,
      simulationRunId: 'bench-run',
      simulatedAt: BENCH_AS_OF.toISOString(),
    },
  };
}

const stoppedOf = (result: SimulationResult) =>
  result.dependencies.filter((d) => d.effect === 'stopped').length;

/** Pages of a pdfkit PDF: page objects stay plain dictionaries when streams are compressed. */
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

const row = (label: string, t: Timing) => [label, String(t.runs), ms(t.best), ms(t.median)];

function verdict(what: string, t: Timing): void {
  console.log(
    `Verdict (${what} under ${ms(TARGET_MS)}): ${t.median < TARGET_MS ? 'MET' : 'MISSED'}, ` +
      `median ${ms(t.median)}, best ${ms(t.best)}`,
  );
}

/** buildPlanTask whole, then its steps one by one on the same inputs (as in build-plan.task.ts). */
async function benchPlan({ task, stopped, simulationMs, synthetic }: Inputs): Promise<void> {
  // The first call in a fresh process (or worker) also reads the catalog, templates and fonts.
  const cold = await timed(() => buildPlanTask(task));
  const whole = await measure(PLAN_RUNS, () => buildPlanTask(task));

  const parseInputs = () => ({
    portfolio: JSON.parse(task.inventoryJson) as Portfolio,
    simulation: JSON.parse(task.resultsJson) as SimulationResult,
  });
  const parse = await measure(PLAN_RUNS, parseInputs);
  const { portfolio, simulation } = parseInputs();
  const data = planningCatalogData();
  const candidates = () => ({
    catalog: alternativesCatalog(portfolio, data),
    vendorApiFamilies: vendorApiFamilies(data),
  });
  const catalog = await measure(PLAN_RUNS, candidates);
  const planInput = failoverPlanInput(portfolio, simulation, task.contracts, task.scoringModel);
  const plan = await measure(PLAN_RUNS, () => buildFailoverPlan(planInput));
  const failoverPlan = buildFailoverPlan(planInput);
  const context = planDocumentContext(
    task.organizationName,
    task.simulationRunId,
    simulation,
    task.simulatedAt,
  );
  const template = failoverPlanTemplate();
  const document = await measure(PLAN_RUNS, () => planDocument(failoverPlan, context, template));
  const spec = planDocument(failoverPlan, context, template);
  const render = await measure(PLAN_RUNS, () => renderPdf(spec));
  const pdf = await renderPdf(spec);
  const store = await measure(PLAN_RUNS, () => [
    JSON.stringify(failoverPlan),
    renderedPdf(pdf, template.version),
  ]);

  printTable(
    `Failover plan, in-process: buildPlanTask, ${count(stopped)} stopped dependencies ` +
      `(synthetic portfolio, every vendor in use suspended), catalog of ` +
      `${count(data.models.length)} models and ${count(data.families.length)} open-weights families`,
    ['step', 'runs', 'best', 'median'],
    [
      row('buildPlanTask (whole worker task)', whole),
      row('  of which JSON.parse inventory + results', parse),
      row('  of which alternativesCatalog + vendorApiFamilies', catalog),
      row('  of which buildFailoverPlan', plan),
      row('  of which planDocument', document),
      row('  of which renderPdf', render),
      row('  of which JSON.stringify(plan) + renderedPdf', store),
      ['buildPlanTask, first call in a fresh process', '1', ms(cold.ms), ms(cold.ms)],
    ],
  );
  const withModel = synthetic.portfolio.dependencies.filter((d) => d.modelId !== null).length;
  console.log(
    `PDF ${count(pdf.length)} bytes, ${pageCount(pdf)} pages; plan JSON ` +
      `${count(Buffer.byteLength(JSON.stringify(failoverPlan)))} bytes; ` +
      `${failoverPlan.dependencies.filter((d) => d.chosen !== null).length} of ${count(stopped)} ` +
      `dependencies with a chosen alternative. ${withModel} of ${SIZE} dependencies name a catalog ` +
      `model (the rest have modelId null). Setup (untimed): simulation of ` +
      `${count(PLAN_ITERATIONS)} iterations ${ms(simulationMs)}.`,
  );
  verdict(`failover plan for ${count(stopped)} stopped dependencies`, whole);
}

/**
 * What ReportsService does besides the preset simulations and the database: score, assemble,
 * then the worker task (document and PDF). The presets are simulated once, untimed.
 */
async function benchReport({ synthetic: { portfolio }, model }: Inputs): Promise<void> {
  const presetFile = JSON.parse(readFileSync(PRESETS_FILE, 'utf8')) as unknown;
  const presets = presetScenarios(presetFile, {
    primaryFrontierLabId: primaryFrontierLab(portfolio),
    startDate: START_DATE,
  });
  const simulated = await timed(() =>
    presets.map((preset): PresetOutcome => {
      const result = runShutdownSimulation(portfolio, preset.scenario, model, {
        iterations: DEFAULT_REPORT_ITERATIONS,
        seed: DEFAULT_REPORT_SEED,
        asOf: BENCH_AS_OF,
      });
      return {
        presetId: preset.id,
        name: preset.name,
        description: preset.description,
        simulationRunId: null,
        hitVendorIds: result.hitVendorIds,
        stopped: stoppedOf(result),
        total: result.totals.total,
        lossExceedance: result.lossExceedance,
      };
    }),
  );
  const outcomes = simulated.value;
  const worst = worstPreset(outcomes) ?? outcomes[0];
  worst.simulationRunId = 'bench-worst-run';
  const context = { generatedAt: BENCH_AS_OF.toISOString(), iterations: DEFAULT_REPORT_ITERATIONS };
  const reportOf = (exposure: ReturnType<typeof scorePortfolio>) =>
    buildBoardReport({
      organizationName: BENCH_ORGANIZATION.name,
      exposure,
      previous: null,
      presets: outcomes,
      bands: heatMapBands(),
      vendorNames: Object.fromEntries(portfolio.vendors.map((v) => [v.id, v.name])),
      limits: reportLimits(),
    });

  const whole = await measure(REPORT_RUNS, () =>
    renderReportTask({ report: reportOf(scorePortfolio(portfolio, model, BENCH_AS_OF)), context }),
  );
  const score = await measure(REPORT_RUNS, () => scorePortfolio(portfolio, model, BENCH_AS_OF));
  const exposure = scorePortfolio(portfolio, model, BENCH_AS_OF);
  const assemble = await measure(REPORT_RUNS, () => reportOf(exposure));
  const report = reportOf(exposure);
  const document = await measure(REPORT_RUNS, () => boardReportDocument(report, context));
  const spec = boardReportDocument(report, context);
  const render = await measure(REPORT_RUNS, () => renderPdf(spec));
  const pdf = await renderPdf(spec);

  printTable(
    `Board report, in-process: ${count(SIZE)} dependencies, ${presets.length} presets ` +
      `(no previous snapshot)`,
    ['step', 'runs', 'best', 'median'],
    [
      row('scorePortfolio + buildBoardReport + renderReportTask', whole),
      row('  of which scorePortfolio', score),
      row('  of which buildBoardReport', assemble),
      row('  of which boardReportDocument', document),
      row('  of which renderPdf', render),
    ],
  );
  console.log(
    `PDF ${count(pdf.length)} bytes, ${pageCount(pdf)} pages; report JSON ` +
      `${count(Buffer.byteLength(JSON.stringify(report)))} bytes. Setup (untimed, part of ` +
      `POST /v1/reports/board): ${presets.length} presets x ${count(DEFAULT_REPORT_ITERATIONS)} ` +
      `iterations ${ms(simulated.ms)}; worst preset "${worst.presetId}" stops ` +
      `${worst.stopped}.`,
  );
  verdict(`board report for ${count(SIZE)} dependencies, without the preset runs`, whole);
}

/** The same inventory, contracts and scenario through the real API: HTTP, SQLite, worker threads. */
async function benchApi({ synthetic, scenario }: Inputs): Promise<void> {
  const bench = await startBenchApp();
  const { config, call } = bench;
  try {
    const created = (await call('POST', '/v1/organizations', config.adminToken, {
      json: BENCH_ORGANIZATION,
    })) as { adminKey: { key: string } };
    const key = created.adminKey.key;
    const imported = (await call('POST', '/v1/dependencies/import', key, {
      csv: Papa.unparse(synthetic.rows),
    })) as { rows: { name: string; id: string }[] };
    const idByName = new Map(imported.rows.map((r) => [r.name, r.id]));
    const ids = synthetic.portfolio.dependencies.map((d) => idByName.get(d.name)!);
    for (const { vendorId, ...event } of synthetic.events)
      await call('POST', `/v1/vendors/${vendorId}/events`, key, { json: event });
    for (const { id: _id, dependencyIndexes, ...c } of synthetic.commitments)
      await call('POST', '/v1/commitments', key, {
        json: { ...c, dependencyIds: dependencyIndexes.map((k) => ids[k]) },
      });
    for (const contract of CONTRACTS) await call('POST', '/v1/contracts', key, { json: contract });
    const simulation = (await call('POST', '/v1/simulations', key, {
      json: { scenario, iterations: PLAN_ITERATIONS, seed: PLAN_SEED },
    })) as { id: string };

    type Stored = { pdf: { size: number } };
    let plan = { stoppedDependencies: 0, pdf: { size: 0 } };
    const plans = await measure(PLAN_RUNS, async () => {
      plan = (await call('POST', '/v1/plans', key, {
        json: { simulationId: simulation.id },
      })) as typeof plan;
    });
    if (plan.stoppedDependencies !== SIZE) {
      throw new Error(`bench: the plan stops ${plan.stoppedDependencies}, expected ${SIZE}`);
    }
    let report: Stored = { pdf: { size: 0 } };
    const reports = await measure(REPORT_RUNS, async () => {
      report = (await call('POST', '/v1/reports/board', key, { json: {} })) as Stored;
    });

    printTable(
      `Plans and reports, API: ${count(SIZE)} dependencies, SQLite file, real HTTP, worker threads`,
      ['request', 'runs', 'best', 'median'],
      [
        row('POST /v1/plans (from the stored run)', plans),
        row('POST /v1/reports/board (presets simulated)', reports),
      ],
    );
    console.log(
      `PDFs ${count(plan.pdf.size)} bytes (plan), ${count(report.pdf.size)} bytes (report). ` +
        `Each request stores its document; the report's also simulates every preset at ` +
        `${count(DEFAULT_REPORT_ITERATIONS)} iterations.`,
    );
    verdict('POST /v1/plans', plans);
    verdict('POST /v1/reports/board', reports);
  } finally {
    await bench.close();
  }
}
