import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AuditModule } from './audit/audit.module';
import { CatalogModule } from './catalog/catalog.module';
import { CommitmentsModule } from './commitments/commitments.module';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/app-config.module';
import { ContractsModule } from './contracts/contracts.module';
import { buildDataSourceOptions } from './database/data-source-options';
import { serializeTransactionsOnSqlite } from './database/serialize-transactions';
import { DemoModule } from './demo/demo.module';
import { DependenciesModule } from './dependencies/dependencies.module';
import { ExposureModule } from './exposure/exposure.module';
import { HealthModule } from './health/health.module';
import { ScenariosModule } from './scenarios/scenarios.module';
import { SimulationsModule } from './simulations/simulations.module';
import { PlanningModule } from './planning/planning.module';
import { ReportsModule } from './reports/reports.module';
import { VendorsModule } from './vendors/vendors.module';
import { OrganizationsModule } from './organizations/organizations.module';

/** Configuration, database and the feature modules; nothing else. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            redact: ['req.headers.authorization'],
            // Health probes would drown the log.
            autoLogging: { ignore: (request) => request.url === '/health' },
          },
        }),
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...buildDataSourceOptions(config.database),
            migrationsRun: true,
            retryAttempts: 3,
            retryDelay: 1000,
          }),
          dataSourceFactory: async (options) =>
            serializeTransactionsOnSqlite(await new DataSource(options!).initialize()),
        }),
        AuditModule,
        ApiKeysModule,
        OrganizationsModule,
        CatalogModule,
        // Before VendorsModule: its /v1/vendors/compare route must be matched before /v1/vendors/:id.
        ExposureModule,
        VendorsModule,
        DependenciesModule,
        ContractsModule,
        CommitmentsModule,
        ScenariosModule,
        SimulationsModule,
        PlanningModule,
        ReportsModule,
        HealthModule,
        DemoModule,
      ],
    };
  }
}
