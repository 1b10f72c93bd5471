import { createHash } from 'node:crypto';
import type { Portfolio } from '../domain/portfolio';
import type { ScoringModel } from '../domain/scoring-model';
import {
  runShutdownSimulation,
  type LossExceedancePoint,
  type SeriesStatistics,
  type SimulationResult,
} from '../domain/simulation/run-shutdown-simulation';
import type { ScenarioDefinition } from '../domain/simulation/scenario';

/** Everything a run needs, as plain data: it crosses to a worker thread (and later a queue). */
export interface SimulationTask {
  portfolio: Portfolio;
  scenario: ScenarioDefinition;
  model: ScoringModel;
  iterations: number;
  seed: number;
  /** ISO 8601 */
  asOf: string;
}

/** What comes back: serialised on the worker, so the main thread only stores and sends text. */
export interface SimulationTaskOutcome {
  resultsJson: string;
  inventoryJson: string;
  /** SHA-256 of the canonical JSON of scenario, inventory, model version, seed, iterations and date. */
  inputsHash: string;
  expectedLoss: number;
  p90Loss: number;
  /** What a caller reading many runs needs, so it does not parse `resultsJson` (a board report). */
  summary: SimulationSummary;
}

export interface SimulationSummary {
  hitVendorIds: string[];
  /** Dependencies the scenario stops (not those held up by them). */
  stopped: number;
  total: SeriesStatistics;
  lossExceedance: LossExceedancePoint[];
}

/** The worker's entry point (see SimulationRunner). */
export function runSimulationTask(task: SimulationTask): SimulationTaskOutcome {
  const results: SimulationResult = runShutdownSimulation(
    task.portfolio,
    task.scenario,
    task.model,
    {
      iterations: task.iterations,
      seed: task.seed,
      asOf: new Date(task.asOf),
    },
  );
  const inventoryJson = JSON.stringify(task.portfolio);
  const inputs = `{"scenario":${JSON.stringify(task.scenario)},"portfolio":${inventoryJson},"modelVersion":${JSON.stringify(task.model.version)},"seed":${task.seed},"iterations":${task.iterations},"asOf":${JSON.stringify(task.asOf)}}`;
  return {
    resultsJson: JSON.stringify(results),
    inventoryJson,
    inputsHash: createHash('sha256').update(inputs).digest('hex'),
    expectedLoss: results.totals.total.expected,
    p90Loss: results.totals.total.p90,
    summary: {
      hitVendorIds: results.hitVendorIds,
      stopped: results.dependencies.filter((d) => d.effect === 'stopped').length,
      total: results.totals.total,
      lossExceedance: results.lossExceedance,
    },
  };
}
