import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';

/** A stored PDF, ready to send. */
export interface PdfDownload {
  content: Buffer;
  sha256: string;
  filename: string;
}

/** Sends a stored PDF; its SHA-256 is the ETag (the bytes never change once stored). */
export function sendPdf(response: Response, pdf: PdfDownload): void {
  response
    .status(200)
    .set({
      'Content-Type': 'application/pdf',
      'Content-Length': String(pdf.content.length),
      'Content-Disposition': `attachment; filename="${pdf.filename}"`,
      ETag: `"${pdf.sha256}"`,
      'Cache-Control': 'private, max-age=0, must-revalidate',
    })
    .end(pdf.content);
}

/** OpenAPI of an endpoint that answers a stored PDF (see sendPdf). */
export const ApiPdfResponse = () =>
  applyDecorators(
    ApiProduces('application/pdf'),
    ApiOkResponse({ description: 'the stored PDF', schema: { type: 'string', format: 'binary' } }),
  );
