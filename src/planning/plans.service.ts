import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { PdfDownload } from '../documents/send-pdf';
import { pdfDownload, storedPdfSummary } from '../documents/stored-pdf';
import { spliceJson } from '../common/http/splice-json';
import { findOwned } from '../common/persistence/find-owned';
import { Principal } from '../common/auth/principal';
import { DomainError } from '../common/errors/domain-error';
import { Page, PaginationQueryDto } from '../common/http/pagination';
import { newId } from '../common/persistence/columns';
import { ContractEntity } from '../contracts/entities/contract.entity';
import type { FailoverPlan } from '../domain/planning/build-failover-plan';
import type { RunbookContract } from '../domain/planning/build-runbook';
import {
  liteLlmRouterConfig,
  openRouterModelsList,
  portkeyFallbackConfig,
} from '../domain/planning/gateway-config';
import type { ScoringModel } from '../domain/scoring-model';
import { SCORING_MODEL } from '../exposure/scoring-model.provider';
import { OrganizationsService } from '../organizations/organizations.service';
import { SimulationsService, type PendingRun } from '../simulations/simulations.service';
import { VendorsService } from '../vendors/vendors.service';
import {
  CreatePlanDto,
  DEFAULT_SELF_HOSTED_API_BASE,
  GatewayConfigDto,
  GatewayConfigQueryDto,
  PlanSummaryDto,
} from './dto/plan.dto';
import { FailoverPlanEntity } from './entities/failover-plan.entity';
import { PlanRunner } from './plan-runner';

/** The run a plan is made from: stored already, or simulated for it and stored with it. */
interface PlanSource {
  runId: string;
  createdAt: Date;
  scenarioId: string | null;
  scenarioName: string;
  inventoryJson: string;
  resultsJson: string;
  pending: PendingRun | null;
}

/**
 * Failover plans: made on a worker thread from a stored simulation run (or from a scenario or
 * preset simulated first), stored with their PDF, and exported as gateway configurations.
 */
@Injectable()
export class PlansService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SCORING_MODEL) private readonly model: ScoringModel,
    private readonly simulations: SimulationsService,
    private readonly runner: PlanRunner,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationsService,
    private readonly vendors: VendorsService,
  ) {}

  /**
   * Makes and stores the plan; answers it as JSON text (see planJson). From a scenario or preset,
   * the run it simulates is stored in the same transaction as the plan: both or neither.
   */
  async create(principal: Principal, dto: CreatePlanDto): Promise<string> {
    const source = await this.sourceRun(principal, dto);
    const organization = await this.organizations.get(principal);
    const outcome = await this.runner.build({
      inventoryJson: source.inventoryJson,
      resultsJson: source.resultsJson,
      contracts: await this.contracts(principal.organizationId),
      scoringModel: this.model,
      organizationName: organization.name,
      simulationRunId: source.runId,
      simulatedAt: source.createdAt.toISOString(),
    });
    const entity = await this.dataSource.transaction(async (manager) => {
      if (source.pending !== null) {
        await this.simulations.store(
          manager,
          principal,
          source.pending,
          source.runId,
          source.createdAt,
        );
      }
      const plan = manager.create(FailoverPlanEntity, {
        id: newId(),
        organizationId: principal.organizationId,
        simulationRunId: source.runId,
        scenarioId: source.scenarioId,
        scenarioName: source.scenarioName,
        planningModelVersion: outcome.planningModelVersion,
        plan: outcome.planJson,
        stoppedDependencies: outcome.stopped,
        expectedLoss: outcome.expectedLoss,
        p90Loss: outcome.p90Loss,
        templateVersion: outcome.pdf.templateVersion,
        pdfSha256: outcome.pdf.sha256,
        pdfSize: outcome.pdf.size,
        pdfBase64: outcome.pdf.base64,
        createdByKeyId: principal.apiKeyId,
        createdAt: new Date(),
      });
      await manager.insert(FailoverPlanEntity, plan);
      await this.audit.recordBy(manager, principal, 'failover_plan', plan.id, 'create', [
        { field: 'simulationRunId', to: source.runId },
        { field: 'pdfSha256', to: plan.pdfSha256 },
      ]);
      return plan;
    });
    return planJson(entity);
  }

  async get(principal: Principal, id: string): Promise<string> {
    return planJson(await this.findOwn(principal, id));
  }

  async list(principal: Principal, query: PaginationQueryDto): Promise<Page<PlanSummaryDto>> {
    const [rows, total] = await this.dataSource.manager.findAndCount(FailoverPlanEntity, {
      select: {
        id: true,
        simulationRunId: true,
        scenarioId: true,
        scenarioName: true,
        stoppedDependencies: true,
        expectedLoss: true,
        p90Loss: true,
        planningModelVersion: true,
        templateVersion: true,
        pdfSha256: true,
        pdfSize: true,
        createdByKeyId: true,
        createdAt: true,
      },
      where: { organizationId: principal.organizationId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items: rows.map(planSummary), total, limit: query.limit, offset: query.offset };
  }

  async pdf(principal: Principal, id: string): Promise<PdfDownload> {
    const plan = await this.findOwn(principal, id);
    return pdfDownload(plan, `failover-plan-${plan.id}.pdf`);
  }

  async gatewayConfig(
    principal: Principal,
    id: string,
    query: GatewayConfigQueryDto,
  ): Promise<GatewayConfigDto> {
    const stored = await this.findOwn(principal, id);
    const apiBase = query.selfHostedApiBase ?? DEFAULT_SELF_HOSTED_API_BASE;
    const routes = (JSON.parse(stored.plan) as FailoverPlan).gatewayRoutes.map((route) => ({
      ...route,
      fallbacks: route.fallbacks.map((f) => (f.selfHosted ? { ...f, apiBase } : f)),
    }));
    const format = query.format;
    if (format === 'litellm') {
      const { config, yaml, unsupported } = liteLlmRouterConfig(routes);
      return { format, planId: id, export: { config, yaml }, unsupported };
    }
    if (format === 'portkey') {
      const { configs, unsupported } = portkeyFallbackConfig(routes);
      return { format, planId: id, export: { configs }, unsupported };
    }
    const { lists, unsupported } = openRouterModelsList(routes);
    return { format, planId: id, export: { lists }, unsupported };
  }

  private findOwn(principal: Principal, id: string): Promise<FailoverPlanEntity> {
    return findOwned(
      this.dataSource.manager,
      FailoverPlanEntity,
      principal.organizationId,
      id,
      'failover plan',
    );
  }

  /**
   * Exactly one of a stored run, a stored scenario or a preset; the latter two are simulated
   * here and come back pending, to be stored with the plan.
   */
  private async sourceRun(principal: Principal, dto: CreatePlanDto): Promise<PlanSource> {
    const given = [dto.simulationId, dto.scenarioId, dto.presetId].filter(
      (value) => value !== undefined && value !== null && value !== '',
    );
    if (given.length !== 1) {
      throw DomainError.validation([
        {
          field: 'simulationId',
          message: 'give exactly one of simulationId, scenarioId or presetId',
        },
      ]);
    }
    if (dto.simulationId) {
      if (dto.iterations !== undefined || dto.seed !== undefined) {
        throw DomainError.validation([
          { field: 'iterations', message: 'iterations and seed go with scenarioId or presetId' },
        ]);
      }
      const run = await this.simulations.findOwn(principal, dto.simulationId);
      return {
        runId: run.id,
        createdAt: run.createdAt,
        scenarioId: run.scenarioId,
        scenarioName: run.scenarioSnapshot.name,
        inventoryJson: run.inventorySnapshot,
        resultsJson: run.results,
        pending: null,
      };
    }
    const { pending } = await this.simulations.runUnstored(principal, {
      scenarioId: dto.scenarioId,
      presetId: dto.presetId,
      iterations: dto.iterations,
      seed: dto.seed,
    });
    return {
      runId: newId(),
      createdAt: new Date(),
      scenarioId: pending.scenarioId,
      scenarioName: pending.scenario.name,
      inventoryJson: pending.outcome.inventoryJson,
      resultsJson: pending.outcome.resultsJson,
      pending,
    };
  }

  /** The organization's contracts with their vendors' names, for the runbook's levers. */
  private async contracts(organizationId: string): Promise<RunbookContract[]> {
    const contracts = await this.dataSource.manager.find(ContractEntity, {
      where: { organizationId },
      order: { vendorId: 'ASC', name: 'ASC' },
    });
    const nameOf = await this.vendors.visibleNames(this.dataSource.manager, organizationId, [
      ...new Set(contracts.map((c) => c.vendorId)),
    ]);
    return contracts.map((c) => ({
      vendorId: c.vendorId,
      vendorName: nameOf.get(c.vendorId) ?? c.vendorId,
      name: c.name,
      terminationNoticeDays: c.terminationNoticeDays,
      exitAssistance: c.exitAssistance,
      regulatoryChangeClause: c.regulatoryChangeClause,
      forceMajeureCoversRegulatory: c.forceMajeureCoversRegulatory,
      dataPortability: c.dataPortability,
    }));
  }
}

function planSummary(plan: FailoverPlanEntity): PlanSummaryDto {
  return {
    id: plan.id,
    simulationRunId: plan.simulationRunId,
    scenarioId: plan.scenarioId,
    scenarioName: plan.scenarioName,
    stoppedDependencies: plan.stoppedDependencies,
    expectedLoss: plan.expectedLoss,
    p90Loss: plan.p90Loss,
    planningModelVersion: plan.planningModelVersion,
    pdf: storedPdfSummary(plan, `/v1/plans/${plan.id}/pdf`),
    createdByKeyId: plan.createdByKeyId,
    createdAt: plan.createdAt,
  };
}

/** The PlanDto as JSON text, the stored plan spliced in as it is (it can run to megabytes). */
function planJson(plan: FailoverPlanEntity): string {
  return spliceJson(planSummary(plan), 'plan', plan.plan);
}
