import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { changedFields, createdFields } from '../audit/field-changes';
import { Principal } from '../common/auth/principal';
import { DomainError } from '../common/errors/domain-error';
import { Page, PaginationQueryDto } from '../common/http/pagination';
import { newId } from '../common/persistence/columns';
import { whereContains } from '../common/persistence/text-search';
import { updateVersioned } from '../common/persistence/versioned-update';
import { ContractEntity } from '../contracts/entities/contract.entity';
import { DependencyEntity } from '../dependencies/entities/dependency.entity';
import {
  CreateRegulatoryEventDto,
  CreateVendorDto,
  ListVendorsQueryDto,
  UpdateVendorDto,
  VendorResponseDto,
} from './dto/vendor.dto';
import { RegulatoryEventEntity } from './entities/regulatory-event.entity';
import { VendorEntity } from './entities/vendor.entity';

/** The vendors a tenant sees: the catalog's (read-only) plus its own. */
@Injectable()
export class VendorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(principal: Principal, query: ListVendorsQueryDto): Promise<Page<VendorResponseDto>> {
    const builder = this.dataSource.getRepository(VendorEntity).createQueryBuilder('vendor');
    if (query.source === 'catalog') builder.where('vendor.organizationId IS NULL');
    else if (query.source === 'own')
      builder.where('vendor.organizationId = :org', { org: principal.organizationId });
    else {
      builder.where(
        new Brackets((visible) =>
          visible
            .where('vendor.organizationId IS NULL')
            .orWhere('vendor.organizationId = :org', { org: principal.organizationId }),
        ),
      );
    }
    if (query.q) whereContains(builder, ['vendor.id', 'vendor.name', 'vendor.legalName'], query.q);
    if (query.kind) builder.andWhere('vendor.kind = :kind', { kind: query.kind });
    // jurisdictions is a JSON array of two-letter codes, so the quoted code matches one element exactly.
    if (query.jurisdiction) {
      builder.andWhere('vendor.jurisdictions LIKE :jurisdiction', {
        jurisdiction: `%"${query.jurisdiction}"%`,
      });
    }
    const [rows, total] = await builder
      .orderBy('vendor.name', 'ASC')
      .addOrderBy('vendor.id', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return { items: rows.map(toVendorResponse), total, limit: query.limit, offset: query.offset };
  }

  async get(principal: Principal, id: string): Promise<VendorResponseDto> {
    return toVendorResponse(
      await this.findVisible(this.dataSource.manager, principal.organizationId, id),
    );
  }

  /** A catalog vendor or one of the tenant's own; anything else, including another tenant's, is 404. */
  async findVisible(
    manager: EntityManager,
    organizationId: string,
    id: string,
  ): Promise<VendorEntity> {
    const vendor = await manager.findOne(VendorEntity, {
      where: [
        { id, organizationId: IsNull() },
        { id, organizationId },
      ],
    });
    if (!vendor) throw DomainError.notFound('vendor', id);
    return vendor;
  }

  /** The subset of `ids` that the tenant may reference (catalog or own). */
  async visibleIds(
    manager: EntityManager,
    organizationId: string,
    ids: string[],
  ): Promise<Set<string>> {
    return new Set((await this.visibleNames(manager, organizationId, ids)).keys());
  }

  /** Id -> name of the vendors among `ids` that the tenant may see (catalog or own). */
  async visibleNames(
    manager: EntityManager,
    organizationId: string,
    ids: string[],
  ): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await manager.find(VendorEntity, {
      select: { id: true, name: true },
      where: [
        { id: In(ids), organizationId: IsNull() },
        { id: In(ids), organizationId },
      ],
    });
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  create(principal: Principal, dto: CreateVendorDto): Promise<VendorResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const values = {
        name: dto.name,
        legalName: dto.legalName ?? null,
        headquartersCountry: dto.headquartersCountry ?? null,
        jurisdictions: dto.jurisdictions ?? [],
        regimes: dto.regimes ?? [],
        kind: dto.kind,
        openWeights: dto.openWeights ?? null,
        certifications: dto.certifications ?? [],
        notes: dto.notes ?? null,
      };
      const vendor = await manager.save(
        manager.create(VendorEntity, {
          id: newId(),
          organizationId: principal.organizationId,
          unknownFacts: [],
          ...values,
        }),
      );
      await this.audit.recordBy(
        manager,
        principal,
        'vendor',
        vendor.id,
        'create',
        createdFields(values),
      );
      return toVendorResponse(vendor);
    });
  }

  update(
    principal: Principal,
    id: string,
    version: number,
    dto: UpdateVendorDto,
  ): Promise<VendorResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.findOwn(manager, principal.organizationId, id);
      const updated = await updateVersioned(
        manager,
        VendorEntity,
        { id, organizationId: principal.organizationId },
        version,
        dto,
        'vendor',
      );
      await this.audit.recordBy(
        manager,
        principal,
        'vendor',
        id,
        'update',
        changedFields(before, dto),
      );
      return toVendorResponse(updated);
    });
  }

  /** Refused while dependencies or contracts still use the vendor (409 naming them). */
  delete(principal: Principal, id: string): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      await this.findOwn(manager, principal.organizationId, id);
      const users = await manager.find(DependencyEntity, {
        select: { id: true, name: true },
        where: [
          { organizationId: principal.organizationId, vendorId: id },
          { organizationId: principal.organizationId, fallbackVendorId: id },
        ],
      });
      const contracts = await manager.find(ContractEntity, {
        select: { id: true, name: true },
        where: { organizationId: principal.organizationId, vendorId: id },
      });
      if (users.length > 0 || contracts.length > 0) {
        const names = [
          ...users.map((d) => `dependency "${d.name}"`),
          ...contracts.map((c) => `contract "${c.name}"`),
        ];
        throw new DomainError('CONFLICT', `Vendor ${id} is still used by ${names.join(', ')}`, {
          dependencies: users.map(({ id: dependencyId, name }) => ({ id: dependencyId, name })),
          contracts: contracts.map(({ id: contractId, name }) => ({ id: contractId, name })),
        });
      }
      await manager.delete(VendorEntity, { id, organizationId: principal.organizationId });
      await this.audit.recordBy(manager, principal, 'vendor', id, 'delete', []);
    });
  }

  async listEvents(
    principal: Principal,
    vendorId: string,
    query: PaginationQueryDto,
  ): Promise<Page<RegulatoryEventEntity>> {
    await this.findVisible(this.dataSource.manager, principal.organizationId, vendorId);
    const [items, total] = await this.dataSource.manager.findAndCount(RegulatoryEventEntity, {
      where: { organizationId: principal.organizationId, vendorId },
      order: { date: 'DESC', createdAt: 'DESC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total, limit: query.limit, offset: query.offset };
  }

  createEvent(
    principal: Principal,
    vendorId: string,
    dto: CreateRegulatoryEventDto,
  ): Promise<RegulatoryEventEntity> {
    return this.dataSource.transaction(async (manager) => {
      await this.findVisible(manager, principal.organizationId, vendorId);
      const values = { vendorId, ...dto, sourceNote: dto.sourceNote ?? null };
      const event = await manager.save(
        manager.create(RegulatoryEventEntity, {
          id: newId(),
          organizationId: principal.organizationId,
          ...values,
        }),
      );
      await this.audit.recordBy(
        manager,
        principal,
        'regulatory_event',
        event.id,
        'create',
        createdFields(values),
      );
      return event;
    });
  }

  /** The tenant's own vendor; a catalog row is visible but read-only (403), anything else 404. */
  private async findOwn(
    manager: EntityManager,
    organizationId: string,
    id: string,
  ): Promise<VendorEntity> {
    const vendor = await this.findVisible(manager, organizationId, id);
    if (vendor.organizationId === null) {
      throw new DomainError(
        'READ_ONLY',
        `Vendor ${id} belongs to the global catalog and cannot be changed`,
      );
    }
    return vendor;
  }
}

export function toVendorResponse(vendor: VendorEntity): VendorResponseDto {
  const { organizationId, organization: _organization, ...rest } = vendor;
  return { ...rest, source: organizationId === null ? 'catalog' : 'own' };
}
