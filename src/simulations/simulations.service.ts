import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../common/auth/principal';
import { DomainError } from '../common/errors/domain-error';
import { Page, PaginationQueryDto } from '../common/http/pagination';
import { newId } from '../common/persistence/columns';
import { findOwned } from '../common/persistence/find-owned';
import { spliceJson } from '../common/http/splice-json';
import type { Portfolio } from '../domain/portfolio';
import type { ScoringModel } from '../domain/scoring-model';
import type { ScenarioDefinition } from '../domain/simulation/scenario';
import { PortfolioLoader } from '../exposure/portfolio-loader.service';
import { SCORING_MODEL } from '../exposure/scoring-model.provider';
import { ScenarioPresetsService } from '../scenarios/scenario-presets.service';
import {
  assertValidScenario,
  scenarioValuesFrom,
  ScenariosService,
  toScenarioDefinition,
} from '../scenarios/scenarios.service';
import {
  CreateSimulationDto,
  MAX_DEPENDENCY_ITERATIONS,
  SimulationRunDto,
  SimulationRunSummaryDto,
} from './dto/simulation.dto';
import { SimulationRunEntity } from './entities/simulation-run.entity';
import type { SimulationTaskOutcome } from './run-simulation.task';
import { SimulationRunner } from './simulation-runner';

const DEFAULT_ITERATIONS = 10_000;

/** A run done on the worker, not yet stored. */
export interface SimulatedRun {
  outcome: SimulationTaskOutcome;
  iterations: number;
  seed: number;
  elapsedMs: number;
}

/** A run with the scenario it ran, ready to store. */
export type PendingRun = SimulatedRun & { scenario: ScenarioDefinition; scenarioId: string | null };

/**
 * Runs a scenario against the current inventory on a worker thread and stores the run with
 * everything needed to reproduce it (scenario and inventory snapshots, model version, seed).
 */
@Injectable()
export class SimulationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SCORING_MODEL) private readonly model: ScoringModel,
    private readonly loader: PortfolioLoader,
    private readonly scenarios: ScenariosService,
    private readonly presets: ScenarioPresetsService,
    private readonly runner: SimulationRunner,
    private readonly audit: AuditService,
  ) {}

  /** Runs and stores; answers the run as JSON text (see simulationRunJson). */
  async run(principal: Principal, dto: CreateSimulationDto): Promise<string> {
    const { run, portfolio } = await this.runAndStore(principal, dto);
    return simulationRunJson(run, {
      dependencies: portfolio.dependencies.length,
      commitments: portfolio.commitments.length,
      vendors: portfolio.vendors.length,
    });
  }

  /** Runs a stored, preset or inline scenario against the current inventory and stores the run. */
  async runAndStore(
    principal: Principal,
    dto: CreateSimulationDto,
  ): Promise<{ run: SimulationRunEntity; portfolio: Portfolio }> {
    const { portfolio, pending } = await this.runUnstored(principal, dto);
    const run = await this.dataSource.transaction((manager) =>
      this.store(manager, principal, pending),
    );
    return { run, portfolio };
  }

  /**
   * Runs a stored, preset or inline scenario against the current inventory without storing it,
   * for callers that store it together with what they make of it (a plan).
   */
  async runUnstored(
    principal: Principal,
    dto: CreateSimulationDto,
  ): Promise<{ portfolio: Portfolio; pending: PendingRun }> {
    // Loaded once: the run needs it, and a preset is resolved against it.
    const portfolio = await this.loader.load(principal.organizationId);
    const { scenario, scenarioId } = await this.resolveScenario(principal, dto, portfolio);
    const iterations = dto.iterations ?? DEFAULT_ITERATIONS;
    const seed = dto.seed ?? randomInt(0, 2_147_483_647);
    const simulated = await this.simulate(portfolio, scenario, iterations, seed);
    return { portfolio, pending: { ...simulated, scenario, scenarioId } };
  }

  /** Runs a scenario on the worker thread without storing it; refuses runs above the size limit. */
  async simulate(
    portfolio: Portfolio,
    scenario: ScenarioDefinition,
    iterations: number,
    seed: number,
  ): Promise<SimulatedRun> {
    const work = iterations * Math.max(1, portfolio.dependencies.length);
    if (work > MAX_DEPENDENCY_ITERATIONS) {
      throw DomainError.validation([
        {
          field: 'iterations',
          message: `${iterations} iterations over ${portfolio.dependencies.length} dependencies is more than ${MAX_DEPENDENCY_ITERATIONS.toLocaleString('en')} dependency-iterations; use at most ${Math.floor(MAX_DEPENDENCY_ITERATIONS / Math.max(1, portfolio.dependencies.length))}`,
        },
      ]);
    }
    const started = performance.now();
    const outcome = await this.runner.run({
      portfolio,
      scenario,
      model: this.model,
      iterations,
      seed,
      // Fallback tests age by the day: a day's runs of the same inputs are the same run.
      asOf: `${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`,
    });
    return { outcome, iterations, seed, elapsedMs: Math.round(performance.now() - started) };
  }

  /** Stores a simulated run with its audit row, in the caller's transaction. */
  async store(
    manager: EntityManager,
    principal: Principal,
    simulated: PendingRun,
    id: string = newId(),
    createdAt: Date = new Date(),
  ): Promise<SimulationRunEntity> {
    const { outcome, scenario, iterations, seed } = simulated;
    const run = manager.create(SimulationRunEntity, {
      id,
      organizationId: principal.organizationId,
      scenarioId: simulated.scenarioId,
      scenarioSnapshot: { ...scenario },
      inventorySnapshot: outcome.inventoryJson,
      modelVersion: this.model.version,
      seed,
      iterations,
      inputsHash: outcome.inputsHash,
      results: outcome.resultsJson,
      expectedLoss: outcome.expectedLoss,
      p90Loss: outcome.p90Loss,
      elapsedMs: simulated.elapsedMs,
      createdByKeyId: principal.apiKeyId,
      createdAt,
    });
    await manager.insert(SimulationRunEntity, run);
    await this.audit.recordBy(manager, principal, 'simulation_run', run.id, 'create', [
      { field: 'scenario', to: scenario.name },
      { field: 'iterations', to: iterations },
      { field: 'seed', to: seed },
    ]);
    return run;
  }

  /** The organization's run, or SIMULATION_RUN not found. */
  findOwn(principal: Principal, id: string): Promise<SimulationRunEntity> {
    return findOwned(
      this.dataSource.manager,
      SimulationRunEntity,
      principal.organizationId,
      id,
      'simulation run',
    );
  }

  /** The run as JSON text (see simulationRunJson). */
  async get(principal: Principal, id: string): Promise<string> {
    const run = await this.findOwn(principal, id);
    const inventory = JSON.parse(run.inventorySnapshot) as Portfolio;
    return simulationRunJson(run, {
      dependencies: inventory.dependencies.length,
      commitments: inventory.commitments.length,
      vendors: inventory.vendors.length,
    });
  }

  async list(
    principal: Principal,
    query: PaginationQueryDto,
  ): Promise<Page<SimulationRunSummaryDto>> {
    const [rows, total] = await this.dataSource.manager.findAndCount(SimulationRunEntity, {
      select: {
        id: true,
        scenarioId: true,
        scenarioSnapshot: true,
        iterations: true,
        seed: true,
        expectedLoss: true,
        p90Loss: true,
        createdAt: true,
      },
      where: { organizationId: principal.organizationId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    const items = rows.map((row) => ({
      id: row.id,
      scenarioId: row.scenarioId,
      scenarioName: row.scenarioSnapshot.name,
      iterations: row.iterations,
      seed: row.seed,
      expectedLoss: row.expectedLoss,
      p90Loss: row.p90Loss,
      createdAt: row.createdAt,
    }));
    return { items, total, limit: query.limit, offset: query.offset };
  }
  /** Exactly one of a stored scenario, a preset or an inline scenario. */
  private async resolveScenario(
    principal: Principal,
    dto: CreateSimulationDto,
    portfolio: Portfolio,
  ): Promise<{ scenario: ScenarioDefinition; scenarioId: string | null }> {
    const given = [dto.scenarioId, dto.presetId, dto.scenario].filter(
      (value) => value !== undefined && value !== null && value !== '',
    );
    if (given.length !== 1) {
      throw DomainError.validation([
        { field: 'scenarioId', message: 'give exactly one of scenarioId, presetId or scenario' },
      ]);
    }
    if (dto.scenarioId) {
      const stored = await this.scenarios.findOwn(
        this.dataSource.manager,
        principal.organizationId,
        dto.scenarioId,
      );
      return { scenario: toScenarioDefinition(stored), scenarioId: stored.id };
    }
    if (dto.presetId) {
      return {
        scenario: this.presets.get(portfolio, dto.presetId).scenario,
        scenarioId: null,
      };
    }
    const scenario = toScenarioDefinition(scenarioValuesFrom(dto.scenario!));
    assertValidScenario(scenario, 'scenario.');
    return { scenario, scenarioId: null };
  }
}

/**
 * The SimulationRunDto as JSON text, with the stored results spliced in as they are: a large
 * run's results are megabytes, and parsing and re-serialising them would stall the event loop.
 */
function simulationRunJson(
  run: SimulationRunEntity,
  inventory: SimulationRunDto['inventory'],
): string {
  const header = {
    id: run.id,
    scenarioId: run.scenarioId,
    scenario: run.scenarioSnapshot,
    inventory,
    modelVersion: run.modelVersion,
    seed: run.seed,
    iterations: run.iterations,
    inputsHash: run.inputsHash,
    elapsedMs: run.elapsedMs,
    createdByKeyId: run.createdByKeyId,
    createdAt: run.createdAt,
  };
  return spliceJson(header, 'results', run.results);
}
