import { Module } from '@nestjs/common';
import { ExposureModule } from '../exposure/exposure.module';
import { SimulationsModule } from '../simulations/simulations.module';
import { PlanRunner } from './plan-runner';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';

@Module({
  imports: [ExposureModule, SimulationsModule],
  controllers: [PlansController],
  providers: [PlansService, PlanRunner],
  // The report CLI uses it outside HTTP.
  exports: [PlansService],
})
export class PlanningModule {}
