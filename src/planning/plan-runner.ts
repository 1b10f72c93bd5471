import { join } from 'node:path';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTaskPool } from '../common/workers/task-pool';
import type { BuildPlanOutcome, BuildPlanTask } from './build-plan.task';

/** Builds plans and renders their PDFs on a worker thread: both take long for large inventories. */
@Injectable()
export class PlanRunner implements OnModuleDestroy {
  private readonly pool = createTaskPool(join(__dirname, 'build-plan.task'));

  build(task: BuildPlanTask): Promise<BuildPlanOutcome> {
    return this.pool.run(task, { name: 'buildPlanTask' }) as Promise<BuildPlanOutcome>;
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.destroy();
  }
}
