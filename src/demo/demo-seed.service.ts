import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { APP_CONFIG } from '../config/app-config.module';
import type { AppConfig } from '../config/app-config';
import { OrganizationEntity } from '../organizations/entities/organization.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { Principal } from '../common/auth/principal';
import { DemoInventorySeeder } from './demo-inventory-seeder';

/** Fixed, so that every start finds the demo organization it seeded before. */
export const DEMO_ORGANIZATION_ID = '00000000-0000-4000-8000-00000000d3e0';

export const DEMO_ORGANIZATION = {
  name: 'Northwind Analytics (demo)',
  homeJurisdiction: 'DE',
  annualRevenue: 85_000_000,
  annualRndBudget: 14_000_000,
  annualAiBudget: 2_100_000,
  riskAppetite: 1_200_000,
  currency: 'USD',
  adminKeyName: 'Demo admin key',
};

export interface DemoSeedResult {
  organizationId: string;
  /** The demo admin key's principal, for work done on the organization's behalf (the CLI). */
  principal: Principal;
  organizationCreated: boolean;
  apiKeyFile: string;
  apiKeyIssued: boolean;
  inventorySeeded: boolean;
}

const adminPrincipal = (apiKeyId: string): Principal => ({
  organizationId: DEMO_ORGANIZATION_ID,
  apiKeyId,
  role: 'admin',
});

/**
 * Seeds the demo organization once, with the example inventory of data/examples, and keeps a
 * working demo admin key in a git-ignored file (the database holds only its hash). Running it
 * again changes nothing; if the key file was lost or its key revoked, a new key is issued.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly organizations: OrganizationsService,
    private readonly apiKeys: ApiKeysService,
    private readonly inventory: DemoInventorySeeder,
  ) {}

  async seed(): Promise<DemoSeedResult> {
    const apiKeyFile = join(this.config.runtimeDir, 'demo-api-key');
    const { organizationCreated, issuedKey, principal } = await this.dataSource.transaction(
      async (manager) => {
        const existing = await manager.findOneBy(OrganizationEntity, { id: DEMO_ORGANIZATION_ID });
        if (!existing) {
          const created = await this.organizations.createInTransaction(
            manager,
            DEMO_ORGANIZATION,
            DEMO_ORGANIZATION_ID,
          );
          return {
            organizationCreated: true,
            issuedKey: created.adminKey.key,
            principal: adminPrincipal(created.adminKey.id),
          };
        }
        const working = await this.keyFileStillWorks(apiKeyFile);
        if (working) return { organizationCreated: false, issuedKey: null, principal: working };
        const created = await this.apiKeys.createInTransaction(
          manager,
          DEMO_ORGANIZATION_ID,
          null,
          {
            name: DEMO_ORGANIZATION.adminKeyName,
            role: 'admin',
          },
        );
        return {
          organizationCreated: false,
          issuedKey: created.key,
          principal: adminPrincipal(created.id),
        };
      },
    );
    if (issuedKey) {
      mkdirSync(this.config.runtimeDir, { recursive: true });
      writeFileSync(apiKeyFile, `${issuedKey}\n`, { mode: 0o600 });
    }
    const inventorySeeded = await this.inventory.seedIfEmpty(principal);
    if (inventorySeeded) this.logger.log("seeded the demo organization's example inventory");
    return {
      organizationId: DEMO_ORGANIZATION_ID,
      principal,
      organizationCreated,
      apiKeyFile,
      apiKeyIssued: issuedKey !== null,
      inventorySeeded,
    };
  }

  private async keyFileStillWorks(path: string): Promise<Principal | null> {
    if (!existsSync(path)) return null;
    const principal = await this.apiKeys.authenticate(readFileSync(path, 'utf8').trim());
    return principal?.organizationId === DEMO_ORGANIZATION_ID ? principal : null;
  }
}
