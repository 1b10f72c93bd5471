/**
 * The footer on every page but the cover, drawn once all pages exist (so `{pages}` is known).
 * It sits in the bottom margin; text drawn there with pdfkit's wrapping would start a new page,
 * which `drawLine` (no wrapping) never does.
 */
import { type Doc, drawLine, fitLine, measurer } from './layout';
import { cleanLine } from './text';
import { COLOR, CONTENT, TEXT } from './theme';

const RULE_Y = CONTENT.bottom + 14;
const TEXT_Y = CONTENT.bottom + 18;
/** Share of the width the page label may take; the footer text gets the rest. */
const LABEL_SHARE = 0.4;
const LABEL_GAP = 16;

/** Page numbers count the cover as page 1, as PDF viewers do. */
export function drawFooters(doc: Doc, footer: string, pageLabel: string): void {
  const pages = doc.bufferedPageRange().count;
  const text = cleanLine(footer);
  const template = cleanLine(pageLabel);
  const measure = measurer(doc, TEXT.footer);
  for (let index = 1; index < pages; index++) {
    doc.switchToPage(index);
    const filled = template
      .replaceAll('{page}', String(index + 1))
      .replaceAll('{pages}', String(pages));
    const label = fitLine(doc, filled, TEXT.footer, CONTENT.width * LABEL_SHARE);
    const left = fitLine(doc, text, TEXT.footer, CONTENT.width - measure(label) - LABEL_GAP);
    doc
      .moveTo(CONTENT.left, RULE_Y)
      .lineTo(CONTENT.right, RULE_Y)
      .lineWidth(0.5)
      .strokeColor(COLOR.rule)
      .stroke();
    drawLine(doc, left, TEXT.footer, CONTENT.left, TEXT_Y);
    drawLine(doc, label, TEXT.footer, CONTENT.left, TEXT_Y, CONTENT.width, 'right');
  }
}
