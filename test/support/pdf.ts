import type { IncomingMessage } from 'node:http';
import parsePdf from 'pdf-parse/lib/pdf-parse.js';
import type { Response } from 'supertest';

/** A supertest parser that keeps a binary body (a PDF) as a Buffer. */
export function binaryBody(
  response: Response,
  callback: (error: Error | null, body: Buffer) => void,
): void {
  // In Node, superagent hands the parser the raw IncomingMessage.
  const stream = response as unknown as IncomingMessage;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** The text of a PDF response, whitespace collapsed so wrapped lines read as one. */
export async function pdfTextOf(response: Response): Promise<{ text: string; pages: number }> {
  const parsed = await parsePdf(response.body as Buffer);
  return { text: parsed.text.replace(/\s+/g, ' '), pages: parsed.numpages };
}
