import { join } from 'node:path';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTaskPool } from '../common/workers/task-pool';
import type { RenderedPdf } from '../documents/rendered-pdf';
import type { RenderReportTask } from './render-report.task';

/** Renders board reports on a worker thread, so a long document never stalls other requests. */
@Injectable()
export class ReportRunner implements OnModuleDestroy {
  private readonly pool = createTaskPool(join(__dirname, 'render-report.task'));

  render(task: RenderReportTask): Promise<RenderedPdf> {
    return this.pool.run(task, { name: 'renderReportTask' }) as Promise<RenderedPdf>;
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.destroy();
  }
}
