import { createHash } from 'node:crypto';
import { Column } from 'typeorm';

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

/** What a document worker hands back: the bytes and their fingerprint. */
export interface RenderedPdf {
  base64: string;
  sha256: string;
  size: number;
  templateVersion: string;
}

export function renderedPdf(pdf: Buffer, templateVersion: string): RenderedPdf {
  return {
    base64: pdf.toString('base64'),
    sha256: createHash('sha256').update(pdf).digest('hex'),
    size: pdf.length,
    templateVersion,
  };
}
