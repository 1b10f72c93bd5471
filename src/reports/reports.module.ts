import { Module } from '@nestjs/common';
import { ExposureModule } from '../exposure/exposure.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ScenariosModule } from '../scenarios/scenarios.module';
import { SimulationsModule } from '../simulations/simulations.module';
import { ReportRunner } from './report-runner';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [OrganizationsModule, ExposureModule, ScenariosModule, SimulationsModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportRunner],
  // The report CLI uses it outside HTTP.
  exports: [ReportsService],
})
export class ReportsModule {}
