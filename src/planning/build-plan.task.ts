import { renderPdf } from '../documents/pdf/render-pdf';
import { renderedPdf, type RenderedPdf } from '../documents/rendered-pdf';
import { buildFailoverPlan } from '../domain/planning/build-failover-plan';
import type { RunbookContract } from '../domain/planning/build-runbook';
import type { Portfolio } from '../domain/portfolio';
import type { ScoringModel } from '../domain/scoring-model';
import type { SimulationResult } from '../domain/simulation/run-shutdown-simulation';
import { failoverPlanTemplate, planDocument } from './plan-document';
import { failoverPlanInput, planDocumentContext } from './planning-inputs';

/** Everything a plan needs, as plain data: it crosses to a worker thread (and later a queue). */
export interface BuildPlanTask {
  /** The simulation run's inventory snapshot and results, as stored. */
  inventoryJson: string;
  resultsJson: string;
  contracts: RunbookContract[];
  scoringModel: ScoringModel;
  organizationName: string;
  simulationRunId: string;
  /** ISO 8601: when the run was made; dates the document, so the same run gives the same PDF. */
  simulatedAt: string;
}

export interface BuildPlanOutcome {
  planJson: string;
  pdf: RenderedPdf;
  planningModelVersion: string;
  stopped: number;
  expectedLoss: number;
  p90Loss: number;
}

/** The worker's entry point (see PlanRunner): plan, document and PDF from one run. */
export async function buildPlanTask(task: BuildPlanTask): Promise<BuildPlanOutcome> {
  const portfolio = JSON.parse(task.inventoryJson) as Portfolio;
  const simulation = JSON.parse(task.resultsJson) as SimulationResult;
  const input = failoverPlanInput(portfolio, simulation, task.contracts, task.scoringModel);
  const plan = buildFailoverPlan(input);
  const template = failoverPlanTemplate();
  const context = planDocumentContext(
    task.organizationName,
    task.simulationRunId,
    simulation,
    task.simulatedAt,
  );
  const pdf = await renderPdf(planDocument(plan, context, template));
  return {
    planJson: JSON.stringify(plan),
    pdf: renderedPdf(pdf, template.version),
    planningModelVersion: input.planningModel.version,
    stopped: plan.summary.stopped,
    expectedLoss: plan.summary.expectedLoss,
    p90Loss: plan.summary.p90Loss,
  };
}
