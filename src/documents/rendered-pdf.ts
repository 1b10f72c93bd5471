import { createHash } from 'node:crypto';

// Kept apart from stored-pdf.ts: worker threads import this, and must not load TypeORM.

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
