import { Column } from 'typeorm';
import type { PdfDownload } from './send-pdf';

/**
 * The columns every generated document keeps (failover plans, board reports): the PDF as it was
 * delivered, its SHA-256 and size, and the template version it was made with. Base64 text, so
 * the same column type serves SQLite and PostgreSQL.
 */
export abstract class StoredPdfColumns {
  @Column({ name: 'template_version', type: 'varchar', length: 40 }) templateVersion!: string;
  @Column({ name: 'pdf_sha256', type: 'varchar', length: 64 }) pdfSha256!: string;
  @Column({ name: 'pdf_size', type: 'integer' }) pdfSize!: number;
  @Column({ name: 'pdf_base64', type: 'text' }) pdfBase64!: string;
}

/** Where a stored PDF is served and how to check it (StoredPdfDto). */
export function storedPdfSummary(
  row: StoredPdfColumns,
  url: string,
): { url: string; sha256: string; size: number; templateVersion: string } {
  return { url, sha256: row.pdfSha256, size: row.pdfSize, templateVersion: row.templateVersion };
}

/** A stored PDF, ready to send. */
export function pdfDownload(row: StoredPdfColumns, filename: string): PdfDownload {
  return { content: Buffer.from(row.pdfBase64, 'base64'), sha256: row.pdfSha256, filename };
}
