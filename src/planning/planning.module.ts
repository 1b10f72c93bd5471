import { Module } from '@nestjs/common';
import { ExposureModule } from '../exposure/exposure.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { VendorsModule } from '../vendors/vendors.module';
import { SimulationsModule } from '../simulations/simulations.module';
import { PlanRunner } from './plan-runner';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';

@Module({
  imports: [OrganizationsModule, VendorsModule, ExposureModule, SimulationsModule],
  controllers: [PlansController],
  providers: [PlansService, PlanRunner],
  // The report CLI uses it outside HTTP.
  exports: [PlansService],
})
export class PlanningModule {}
