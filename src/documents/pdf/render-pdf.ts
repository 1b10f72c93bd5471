/**
 * DocumentSpec -> PDF bytes. Page order: the cover, the contents (pages reserved up front, filled
 * at the end), then the blocks; footers last, once the page count is known. The same spec always
 * gives the same bytes: no clock is read (dates come from `createdAt`) and pdfkit derives the
 * document ID and font subset tags from the metadata and font ids, not from randomness.
 */
import PDFDocument from 'pdfkit';
import type { Block, DocumentSpec } from '../document-spec';
import { drawBarChart } from './bar-chart';
import { Contents, contentsLevels, layoutContents } from './contents';
import { drawCover } from './cover';
import { registerFonts } from './fonts';
import { drawFooters } from './footer';
import { drawHeatMap } from './heat-map';
import { drawKeyFigures } from './key-figures';
import { Flow } from './layout';
import { drawLineChart } from './line-chart';
import { drawBullets, drawHeading, drawParagraph } from './prose';
import { drawTable } from './table';
import { cleanLine, truncate } from './text';
import { CONTENT, PAGE } from './theme';

const PRODUCER = 'AI Continuity Planner';
const CREATOR = 'AI Continuity Planner document renderer';
/** Longest title, author or subject kept in the metadata. */
const MAX_INFO_LENGTH = 500;
const LANGUAGE_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

/**
 * The document as PDF bytes. Pages are numbered from the cover (page 1). The contents are left
 * out when `tableOfContentsHeading` is null or no level 1 or 2 heading exists.
 */
export async function renderPdf(spec: DocumentSpec): Promise<Buffer> {
  const created = documentDate(spec.createdAt);
  // PDF 1.3, pdfkit's default: from 1.4 on pdfkit adds an XMP stream with the title unescaped,
  // which a title with "<" or "&" would break.
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: {
      top: CONTENT.top,
      bottom: PAGE.height - CONTENT.bottom,
      left: CONTENT.left,
      right: PAGE.width - CONTENT.right,
    },
    bufferPages: true,
    compress: true,
    lang: LANGUAGE_TAG.test(spec.language) ? spec.language : 'und',
    displayTitle: true,
    info: {
      Title: infoText(spec.title),
      Author: infoText(spec.author),
      Subject: infoText(spec.subject),
      Producer: PRODUCER,
      Creator: CREATOR,
      CreationDate: created,
      ModDate: created,
    },
  });
  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  registerFonts(doc);
  drawCover(doc, spec.cover);

  const blocks = Array.isArray(spec.blocks) ? spec.blocks : [];
  const levels = contentsLevels(blocks);
  const contentsLayout =
    spec.tableOfContentsHeading !== null && levels.length > 0
      ? layoutContents(doc, spec.tableOfContentsHeading, levels)
      : undefined;
  for (let page = 0; page < (contentsLayout?.pageCount ?? 0); page++) doc.addPage();

  const contents = new Contents(doc);
  const flow = new Flow(doc);
  for (const block of blocks) drawBlock(flow, block, contents);
  flow.finish();
  if (contentsLayout) contents.draw(contentsLayout, 1);
  drawFooters(doc, spec.footer, spec.pageLabel);
  doc.end();
  return bytes;
}

function drawBlock(flow: Flow, block: Block, contents: Contents): void {
  switch (block.kind) {
    case 'heading':
      return drawHeading(flow, block, contents);
    case 'paragraph':
      return drawParagraph(flow, block);
    case 'bullets':
      return drawBullets(flow, block);
    case 'keyFigures':
      return drawKeyFigures(flow, block);
    case 'table':
      return drawTable(flow, block);
    case 'barChart':
      return drawBarChart(flow, block);
    case 'lineChart':
      return drawLineChart(flow, block);
    case 'heatMap':
      return drawHeatMap(flow, block);
    case 'pageBreak':
      return flow.breakPage();
  }
}

/** `createdAt` as a date; an unparseable one becomes the epoch rather than the current time. */
function documentDate(createdAt: string): Date {
  const date = new Date(createdAt);
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}

function infoText(value: string): string {
  return truncate(cleanLine(value), MAX_INFO_LENGTH);
}
