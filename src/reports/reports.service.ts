import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../common/auth/principal';
import { Page, PaginationQueryDto } from '../common/http/pagination';
import { newId } from '../common/persistence/columns';
import type { PdfDownload } from '../documents/send-pdf';
import { pdfDownload, storedPdfSummary } from '../documents/stored-pdf';
import { spliceJson } from '../common/http/splice-json';
import { findOwned } from '../common/persistence/find-owned';
import type { CategoryAmounts } from '../domain/exposure/score-exposure';
import { scorePortfolio } from '../domain/exposure/score-exposure';
import {
  buildBoardReport,
  worstPreset,
  type PresetOutcome,
  type PreviousSnapshot,
} from '../domain/reporting/board-report';
import type { ScoringModel } from '../domain/scoring-model';
import type { ScenarioDefinition } from '../domain/simulation/scenario';
import type { ExposureSnapshotEntity } from '../exposure/entities/exposure-snapshot.entity';
import { ExposureService } from '../exposure/exposure.service';
import { PortfolioLoader } from '../exposure/portfolio-loader.service';
import { SCORING_MODEL } from '../exposure/scoring-model.provider';
import { OrganizationsService } from '../organizations/organizations.service';
import { ScenarioPresetsService } from '../scenarios/scenario-presets.service';
import { SimulationsService, type SimulatedRun } from '../simulations/simulations.service';
import { heatMapBands, reportLimits } from './board-report-document';
import {
  BoardReportSummaryDto,
  CreateBoardReportDto,
  DEFAULT_REPORT_ITERATIONS,
  DEFAULT_REPORT_SEED,
} from './dto/board-report.dto';
import { BoardReportEntity } from './entities/board-report.entity';
import { ReportRunner } from './report-runner';

/**
 * Board reports: the current exposure against the last snapshot, every preset scenario simulated
 * (the worst one's run is stored), rendered on a worker thread and stored with its PDF. Each
 * report records a new snapshot, so the next report's trend starts from it.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SCORING_MODEL) private readonly model: ScoringModel,
    private readonly loader: PortfolioLoader,
    private readonly exposure: ExposureService,
    private readonly presets: ScenarioPresetsService,
    private readonly simulations: SimulationsService,
    private readonly runner: ReportRunner,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationsService,
  ) {}

  /** Makes and stores a board report; answers it as JSON text (see reportJson). */
  async createBoard(principal: Principal, dto: CreateBoardReportDto): Promise<string> {
    const organizationId = principal.organizationId;
    const iterations = dto.iterations ?? DEFAULT_REPORT_ITERATIONS;
    const seed = dto.seed ?? DEFAULT_REPORT_SEED;
    const portfolio = await this.loader.load(organizationId);
    const organization = await this.organizations.get(principal);
    const exposure = scorePortfolio(portfolio, this.model, new Date());
    const previous = await this.exposure.latestSnapshot(organizationId);

    const presetRuns: {
      outcome: PresetOutcome;
      simulated: SimulatedRun;
      scenario: ScenarioDefinition;
    }[] = [];
    for (const preset of this.presets.resolvedFor(portfolio)) {
      const simulated = await this.simulations.simulate(
        portfolio,
        preset.scenario,
        iterations,
        seed,
      );
      presetRuns.push({
        scenario: preset.scenario,
        simulated,
        outcome: {
          presetId: preset.id,
          name: preset.name,
          description: preset.description,
          simulationRunId: null,
          ...simulated.outcome.summary,
        },
      });
    }
    const worstOutcome = worstPreset(presetRuns.map((r) => r.outcome));
    const worst = presetRuns.find((r) => r.outcome === worstOutcome);
    // Its run is stored with the report; the report names it.
    const worstRunId = worst === undefined ? null : newId();
    if (worst !== undefined) worst.outcome.simulationRunId = worstRunId;

    const report = buildBoardReport({
      organizationName: organization.name,
      exposure,
      // Figures of another scoring model are no trend.
      previous:
        previous === null || previous.modelVersion !== this.model.version
          ? null
          : previousSnapshot(previous),
      presets: presetRuns.map((r) => r.outcome),
      bands: heatMapBands(),
      vendorNames: Object.fromEntries(portfolio.vendors.map((v) => [v.id, v.name])),
      limits: reportLimits(),
    });
    const createdAt = new Date();
    const pdf = await this.runner.render({
      report,
      context: { generatedAt: createdAt.toISOString(), iterations },
    });

    const entity = await this.dataSource.transaction(async (manager) => {
      if (worst !== undefined && worstRunId !== null) {
        await this.simulations.store(
          manager,
          principal,
          { ...worst.simulated, scenario: worst.scenario, scenarioId: null },
          worstRunId,
        );
      }
      const snapshot = await this.exposure.recordSnapshot(manager, principal, exposure);
      const stored = manager.create(BoardReportEntity, {
        id: newId(),
        organizationId,
        worstSimulationRunId: worstRunId,
        snapshotId: snapshot.id,
        scoringModelVersion: this.model.version,
        report: JSON.stringify(report),
        expectedAnnualLoss: exposure.totals.expectedAnnualLoss.total,
        templateVersion: pdf.templateVersion,
        pdfSha256: pdf.sha256,
        pdfSize: pdf.size,
        pdfBase64: pdf.base64,
        createdByKeyId: principal.apiKeyId,
        createdAt,
      });
      await manager.save(stored);
      await this.audit.recordBy(manager, principal, 'board_report', stored.id, 'create', [
        { field: 'snapshotId', to: snapshot.id },
        { field: 'pdfSha256', to: stored.pdfSha256 },
      ]);
      return stored;
    });
    return reportJson(entity);
  }

  async get(principal: Principal, id: string): Promise<string> {
    return reportJson(await this.findOwn(principal, id));
  }

  async list(
    principal: Principal,
    query: PaginationQueryDto,
  ): Promise<Page<BoardReportSummaryDto>> {
    const [rows, total] = await this.dataSource.manager.findAndCount(BoardReportEntity, {
      select: {
        id: true,
        snapshotId: true,
        worstSimulationRunId: true,
        scoringModelVersion: true,
        expectedAnnualLoss: true,
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
    return { items: rows.map(reportSummary), total, limit: query.limit, offset: query.offset };
  }

  async pdf(principal: Principal, id: string): Promise<PdfDownload> {
    const report = await this.findOwn(principal, id);
    return pdfDownload(report, `board-report-${report.id}.pdf`);
  }

  private findOwn(principal: Principal, id: string): Promise<BoardReportEntity> {
    return findOwned(
      this.dataSource.manager,
      BoardReportEntity,
      principal.organizationId,
      id,
      'board report',
    );
  }
}

function previousSnapshot(snapshot: ExposureSnapshotEntity): PreviousSnapshot {
  const figures = snapshot.figures as { expectedAnnualLoss?: CategoryAmounts };
  return {
    takenAt: snapshot.createdAt.toISOString(),
    expectedAnnualLoss: figures.expectedAnnualLoss ?? { total: snapshot.expectedAnnualLoss },
    overallScore: snapshot.overallScore,
  };
}

function reportSummary(report: BoardReportEntity): BoardReportSummaryDto {
  return {
    id: report.id,
    snapshotId: report.snapshotId,
    worstSimulationRunId: report.worstSimulationRunId,
    scoringModelVersion: report.scoringModelVersion,
    expectedAnnualLoss: report.expectedAnnualLoss,
    pdf: storedPdfSummary(report, `/v1/reports/${report.id}/pdf`),
    createdByKeyId: report.createdByKeyId,
    createdAt: report.createdAt,
  };
}

/** The BoardReportDto as JSON text, the stored report spliced in as it is. */
function reportJson(report: BoardReportEntity): string {
  return spliceJson(reportSummary(report), 'report', report.report);
}
