import { renderPdf } from '../documents/pdf/render-pdf';
import { renderedPdf, type RenderedPdf } from '../documents/rendered-pdf';
import type { BoardReport } from '../domain/reporting/board-report';
import {
  boardReportDocument,
  boardReportTemplate,
  type BoardReportDocumentContext,
} from './board-report-document';

export interface RenderReportTask {
  report: BoardReport;
  context: BoardReportDocumentContext;
}

/** The worker's entry point (see ReportRunner): the board report's document and PDF. */
export async function renderReportTask(task: RenderReportTask): Promise<RenderedPdf> {
  const template = boardReportTemplate();
  const pdf = await renderPdf(boardReportDocument(task.report, task.context, template));
  return renderedPdf(pdf, template.version);
}
