import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsSelect, In, MoreThan } from 'typeorm';
import { CommitmentEntity } from '../commitments/entities/commitment.entity';
import { DependencyEntity } from '../dependencies/entities/dependency.entity';
import type {
  CommitmentProfile,
  DependencyProfile,
  OrganizationProfile,
  Portfolio,
  RegulatoryEventProfile,
  Severity,
  VendorProfile,
} from '../domain/portfolio';
import { modelMaker } from '../domain/model-maker';
import { CatalogService } from '../catalog/catalog.service';
import { OrganizationEntity } from '../organizations/entities/organization.entity';
import { RegulatoryEventEntity } from '../vendors/entities/regulatory-event.entity';
import { VendorEntity } from '../vendors/entities/vendor.entity';

/**
 * Reads a tenant's current inventory and maps it to the domain's plain Portfolio: the one place
 * where entities become domain inputs (exposure, simulation and planning all start here).
 * Vendors are those the dependencies use (directly or as fallback) plus any `extraVendorIds`.
 */
@Injectable()
export class PortfolioLoader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: CatalogService,
  ) {}

  async load(
    organizationId: string,
    extraVendorIds: string[] = [],
    manager?: EntityManager,
  ): Promise<Portfolio> {
    const db = manager ?? this.dataSource.manager;
    const organization = await db.findOneByOrFail(OrganizationEntity, { id: organizationId });
    const dependencies = (await this.loadDependencies(db, organizationId)).map((d) =>
      this.withMakers(toDependencyProfile(d)),
    );
    const commitments = await db.find(CommitmentEntity, {
      where: { organizationId },
      order: { clientName: 'ASC' },
    });
    const vendorIds = [
      ...new Set([
        ...dependencies.flatMap((d) =>
          d.fallback.vendorId ? [d.vendorId, d.fallback.vendorId] : [d.vendorId],
        ),
        // The labs behind resold or routed models, so scenarios by jurisdiction or regime reach
        // them (see modelMaker).
        ...dependencies.flatMap((d) =>
          [d.upstreamVendorId, d.fallback.upstreamVendorId].filter((id) => typeof id === 'string'),
        ),
        ...extraVendorIds,
      ]),
    ];
    const vendors = await this.findInChunks(db, VendorEntity, vendorIds);
    // Fixed orders throughout, so that the same inventory always maps to the same Portfolio
    // (simulation runs hash it to prove what they ran on).
    vendors.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const events = await db.find(RegulatoryEventEntity, {
      where: { organizationId },
      order: { date: 'ASC', id: 'ASC' },
    });
    const eventsByVendor = new Map<string, RegulatoryEventProfile[]>();
    for (const event of events) {
      const list = eventsByVendor.get(event.vendorId) ?? [];
      list.push({
        date: event.date,
        regime: event.regime,
        kind: event.kind,
        severity: event.severity as Severity,
      });
      eventsByVendor.set(event.vendorId, list);
    }
    return {
      organization: toOrganizationProfile(organization),
      vendors: vendors
        .filter((v) => v.organizationId === null || v.organizationId === organizationId)
        .map((v) => toVendorProfile(v, eventsByVendor.get(v.id) ?? [])),
      dependencies,
      commitments: commitments.map(toCommitmentProfile),
    };
  }

  /** The labs whose closed models a dependency and its fallback buy through another vendor. */
  private withMakers(dependency: DependencyProfile): DependencyProfile {
    const openWeights = (modelId: string | null) =>
      modelId === null ? null : (this.catalog.getModel(modelId)?.openWeights ?? null);
    const { fallback } = dependency;
    return {
      ...dependency,
      upstreamVendorId:
        dependency.accessPath === 'self_hosted'
          ? null
          : modelMaker(dependency.modelId, dependency.vendorId, openWeights(dependency.modelId)),
      fallback: {
        ...fallback,
        upstreamVendorId:
          fallback.vendorId === null
            ? null
            : modelMaker(fallback.modelId, fallback.vendorId, openWeights(fallback.modelId)),
      },
    };
  }

  /**
   * Only the columns the domain reads (hydrating whole entities is most of a large load), in
   * pages by name: each page's rows are turned into objects on the event loop, and pages keep
   * that to a few tens of milliseconds at a time so other requests are answered in between.
   */
  private async loadDependencies(
    db: EntityManager,
    organizationId: string,
  ): Promise<DependencyEntity[]> {
    const rows: DependencyEntity[] = [];
    for (;;) {
      const after = rows.length > 0 ? rows[rows.length - 1].name : null;
      const page = await db.find(DependencyEntity, {
        select: DEPENDENCY_PROFILE_COLUMNS,
        where: after === null ? { organizationId } : { organizationId, name: MoreThan(after) },
        order: { name: 'ASC' },
        take: DEPENDENCY_PAGE_SIZE,
      });
      rows.push(...page);
      if (page.length < DEPENDENCY_PAGE_SIZE) return rows;
    }
  }

  private async findInChunks(
    db: EntityManager,
    target: typeof VendorEntity,
    ids: string[],
  ): Promise<VendorEntity[]> {
    const rows: VendorEntity[] = [];
    for (let start = 0; start < ids.length; start += 500) {
      rows.push(...(await db.find(target, { where: { id: In(ids.slice(start, start + 500)) } })));
    }
    return rows;
  }
}

const DEPENDENCY_PAGE_SIZE = 1_000;

const DEPENDENCY_PROFILE_COLUMNS = Object.fromEntries(
  [
    'id',
    'name',
    'team',
    'vendorId',
    'modelId',
    'accessPath',
    'criticality',
    'automated',
    'monthlySpend',
    'monthlyInputTokens',
    'monthlyOutputTokens',
    'monthlyRevenueAtStake',
    'rtoHours',
    'fallbackStatus',
    'fallbackVendorId',
    'fallbackModelId',
    'fallbackLastTestedAt',
    'fineTuned',
    'vendorSpecificFeatures',
    'evaluationSuite',
    'gateway',
    'dataResidency',
    'dependsOn',
  ].map((column) => [column, true]),
) as FindOptionsSelect<DependencyEntity>;

export function toOrganizationProfile(organization: OrganizationEntity): OrganizationProfile {
  return {
    homeJurisdiction: organization.homeJurisdiction,
    annualRevenue: organization.annualRevenue,
    annualRndBudget: organization.annualRndBudget,
    annualAiBudget: organization.annualAiBudget,
    riskAppetite: organization.riskAppetite,
    currency: organization.currency,
  };
}

export function toVendorProfile(
  vendor: VendorEntity,
  events: RegulatoryEventProfile[],
): VendorProfile {
  return {
    id: vendor.id,
    name: vendor.name,
    headquartersCountry: vendor.headquartersCountry,
    jurisdictions: vendor.jurisdictions,
    regimes: vendor.regimes,
    kind: vendor.kind,
    openWeights: vendor.openWeights,
    events,
  };
}

export function toDependencyProfile(dependency: DependencyEntity): DependencyProfile {
  return {
    id: dependency.id,
    name: dependency.name,
    team: dependency.team,
    vendorId: dependency.vendorId,
    modelId: dependency.modelId,
    accessPath: dependency.accessPath,
    criticality: dependency.criticality,
    automated: dependency.automated,
    monthlySpend: dependency.monthlySpend,
    monthlyInputTokens: dependency.monthlyInputTokens,
    monthlyOutputTokens: dependency.monthlyOutputTokens,
    monthlyRevenueAtStake: dependency.monthlyRevenueAtStake,
    rtoHours: dependency.rtoHours,
    fallback: {
      status: dependency.fallbackStatus,
      vendorId: dependency.fallbackVendorId,
      modelId: dependency.fallbackModelId,
      lastTestedAt: dependency.fallbackLastTestedAt,
    },
    switching: {
      fineTuned: dependency.fineTuned,
      vendorSpecificFeatures: dependency.vendorSpecificFeatures,
      evaluationSuite: dependency.evaluationSuite,
      gateway: dependency.gateway,
    },
    dependsOn: dependency.dependsOn,
    dataResidency: dependency.dataResidency,
  };
}

export function toCommitmentProfile(commitment: CommitmentEntity): CommitmentProfile {
  return {
    id: commitment.id,
    clientName: commitment.clientName,
    uptimePercent: commitment.uptimePercent,
    windowDays: commitment.windowDays,
    monthlyFee: commitment.monthlyFee,
    creditBands: commitment.creditBands,
    penaltyPerHour: commitment.penaltyPerHour,
    dependencyIds: commitment.dependencyIds,
  };
}
