import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { createdFields } from '../audit/field-changes';
import { CatalogService } from '../catalog/catalog.service';
import { Principal } from '../common/auth/principal';
import { DomainError } from '../common/errors/domain-error';
import { Page, PaginationQueryDto } from '../common/http/pagination';
import { newId } from '../common/persistence/columns';
import { ContractsService } from '../contracts/contracts.service';
import { DependenciesService } from '../dependencies/dependencies.service';
import {
  PortfolioExposure,
  rescoreDependencyOnVendor,
  scoreDependency,
  scorePortfolio,
  scoreVendor,
} from '../domain/exposure/score-exposure';
import { suspensionLikelihood } from '../domain/exposure/suspension-likelihood';
import type { Portfolio, VendorProfile } from '../domain/portfolio';
import type { ScoringModel } from '../domain/scoring-model';
import type { VendorEntity } from '../vendors/entities/vendor.entity';
import { toVendorResponse, VendorsService } from '../vendors/vendors.service';
import {
  CompareVendorsQueryDto,
  DependencyExposureDetailDto,
  PortfolioExposureDto,
  VendorComparisonDto,
  VendorComparisonResponseDto,
  VendorExposureDetailDto,
} from './dto/exposure.dto';
import { ExposureSnapshotEntity } from './entities/exposure-snapshot.entity';
import { PortfolioLoader, toVendorProfile } from './portfolio-loader.service';
import { SCORING_MODEL } from './scoring-model.provider';

/**
 * Exposure computed from the current inventory on every call (never stale): the service loads,
 * the domain scores. Money is in the organization's currency.
 */
@Injectable()
export class ExposureService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SCORING_MODEL) private readonly model: ScoringModel,
    private readonly loader: PortfolioLoader,
    private readonly dependencies: DependenciesService,
    private readonly vendors: VendorsService,
    private readonly contracts: ContractsService,
    private readonly catalog: CatalogService,
    private readonly audit: AuditService,
  ) {}

  async portfolio(principal: Principal): Promise<PortfolioExposureDto> {
    return withoutDependencyList(await this.score(principal.organizationId));
  }

  async dependency(principal: Principal, id: string): Promise<DependencyExposureDetailDto> {
    await this.dependencies.findOwn(this.dataSource.manager, principal.organizationId, id);
    const portfolio = await this.loader.load(principal.organizationId);
    const detail = scoreDependency(portfolio, this.model, id, new Date());
    if (!detail) throw DomainError.notFound('dependency', id);
    return detail;
  }

  async vendor(principal: Principal, id: string): Promise<VendorExposureDetailDto> {
    const vendor = await this.vendors.findVisible(
      this.dataSource.manager,
      principal.organizationId,
      id,
    );
    const portfolio = await this.loader.load(principal.organizationId, [vendor.id]);
    const detail = scoreVendor(portfolio, this.model, vendor.id, new Date());
    if (detail) return detail;
    // A vendor none of the dependencies uses: its likelihood, and zeros.
    const profile = vendorProfileIn(portfolio, vendor);
    const headline = suspensionLikelihood(
      profile,
      portfolio.organization,
      'direct_api',
      this.model,
      new Date(),
    );
    const zeros = { pipelineFreeze: 0, slaBreach: 0, budgetShift: 0, total: 0 };
    return {
      vendorId: vendor.id,
      name: vendor.name,
      kind: vendor.kind,
      headquartersCountry: vendor.headquartersCountry,
      jurisdiction: vendor.headquartersCountry ?? 'UNKNOWN',
      openWeights: vendor.openWeights,
      headlineLikelihood: headline,
      likelihoodByAccessPath: [],
      dependencies: 0,
      expectedAnnualLoss: zeros,
      scores: { pipelineFreeze: 0, slaBreach: 0, budgetShift: 0, overall: 0 },
      criticalMonthlyRevenue: 0,
      criticalRevenueShare: 0,
      dependencyShare: 0,
      dependencyExposures: [],
    };
  }

  async createSnapshot(principal: Principal): Promise<ExposureSnapshotEntity> {
    const result = await this.score(principal.organizationId);
    return this.dataSource.transaction((manager) =>
      this.recordSnapshot(manager, principal, result),
    );
  }

  /** Stores the figures of a scored portfolio as a snapshot, in the caller's transaction. */
  async recordSnapshot(
    manager: EntityManager,
    principal: Principal,
    result: PortfolioExposure,
  ): Promise<ExposureSnapshotEntity> {
    const { totals, concentration } = result;
    const values = {
      modelVersion: result.modelVersion,
      currency: result.currency,
      dependencyCount: totals.dependencies,
      expectedAnnualLoss: totals.expectedAnnualLoss.total,
      overallScore: totals.scores.overall,
      figures: {
        expectedAnnualLoss: totals.expectedAnnualLoss,
        scores: totals.scores,
        appetiteUsed: totals.appetiteUsed,
        monthlyRevenueAtStake: totals.monthlyRevenueAtStake,
        hhiVendorCriticalRevenue: concentration.byVendor.hhiCriticalRevenue,
        hhiJurisdictionCriticalRevenue: concentration.byJurisdiction.hhiCriticalRevenue,
      },
    };
    const snapshot = await manager.save(
      manager.create(ExposureSnapshotEntity, {
        id: newId(),
        organizationId: principal.organizationId,
        createdByKeyId: principal.apiKeyId,
        ...values,
      }),
    );
    await this.audit.recordBy(
      manager,
      principal,
      'exposure_snapshot',
      snapshot.id,
      'create',
      createdFields(values),
    );
    return snapshot;
  }

  /** The organization's most recent snapshot, or null. */
  latestSnapshot(organizationId: string): Promise<ExposureSnapshotEntity | null> {
    return this.dataSource.manager.findOne(ExposureSnapshotEntity, {
      where: { organizationId },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  async history(
    principal: Principal,
    query: PaginationQueryDto,
  ): Promise<Page<ExposureSnapshotEntity>> {
    const [items, total] = await this.dataSource.manager.findAndCount(ExposureSnapshotEntity, {
      where: { organizationId: principal.organizationId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total, limit: query.limit, offset: query.offset };
  }

  /** Procurement's side-by-side view, optionally pricing one dependency on each vendor. */
  async compare(
    principal: Principal,
    query: CompareVendorsQueryDto,
  ): Promise<VendorComparisonResponseDto> {
    const organizationId = principal.organizationId;
    const ids = [...new Set(query.ids)];
    const entities = [];
    for (const id of ids)
      entities.push(await this.vendors.findVisible(this.dataSource.manager, organizationId, id));
    if (query.dependencyId)
      await this.dependencies.findOwn(this.dataSource.manager, organizationId, query.dependencyId);

    const asOf = new Date();
    const portfolio = await this.loader.load(organizationId, ids);
    const scored = scorePortfolio(portfolio, this.model, asOf, { topRisks: 0 });
    const vendors: VendorComparisonDto[] = [];
    for (const vendor of entities) {
      const profile = vendorProfileIn(portfolio, vendor);
      const own = portfolio.dependencies.filter((d) => d.vendorId === vendor.id);
      const models = this.catalog.models.filter((m) => m.providerId === vendor.id);
      const contracts = await this.contracts.list(principal, {
        vendorId: vendor.id,
        limit: 100,
        offset: 0,
      });
      vendors.push({
        ...pick(toVendorResponse(vendor), [
          'name',
          'source',
          'kind',
          'headquartersCountry',
          'jurisdictions',
          'regimes',
          'openWeights',
        ]),
        vendorId: vendor.id,
        likelihood: suspensionLikelihood(
          profile,
          portfolio.organization,
          'direct_api',
          this.model,
          asOf,
        ),
        modelCount: models.length,
        openWeightsModelCount: models.filter((m) => m.openWeights).length,
        inputPricePerMTok: range(models.map((m) => m.inputPricePerMTok)),
        outputPricePerMTok: range(models.map((m) => m.outputPricePerMTok)),
        contracts: contracts.items,
        dependencies: own.length,
        monthlySpend: sum(own.map((d) => d.monthlySpend)),
        monthlyRevenueAtStake: sum(own.map((d) => d.monthlyRevenueAtStake)),
        expectedAnnualLoss: scored.vendors.find((v) => v.vendorId === vendor.id)
          ?.expectedAnnualLoss ?? {
          pipelineFreeze: 0,
          slaBreach: 0,
          budgetShift: 0,
          total: 0,
        },
        move: query.dependencyId
          ? rescoreDependencyOnVendor(
              portfolio,
              this.model,
              query.dependencyId,
              { vendorId: vendor.id },
              asOf,
            )
          : null,
      });
    }
    return { modelVersion: scored.modelVersion, currency: scored.currency, vendors };
  }

  private async score(organizationId: string): Promise<PortfolioExposure> {
    return scorePortfolio(await this.loader.load(organizationId), this.model, new Date());
  }
}

/** The vendor as the portfolio knows it (with its events), or bare when no dependency uses it. */
function vendorProfileIn(portfolio: Portfolio, vendor: VendorEntity): VendorProfile {
  return portfolio.vendors.find((v) => v.id === vendor.id) ?? toVendorProfile(vendor, []);
}

function withoutDependencyList(result: PortfolioExposure): PortfolioExposureDto {
  const { dependencies: _dependencies, ...rest } = result;
  return rest;
}

function pick<T extends object, K extends keyof T>(source: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, source[key]])) as Pick<T, K>;
}

/** Lowest and highest known price; zero prices (free tiers) count, unknown ones do not. */
function range(values: (number | null)[]): { min: number | null; max: number | null } {
  const known = values.filter((value): value is number => value !== null);
  return known.length === 0
    ? { min: null, max: null }
    : { min: Math.min(...known), max: Math.max(...known) };
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
