/** The cover: kicker, title, subtitle, the facts as label / value lines, small print at the foot. */
import type { CoverSpec } from '../document-spec';
import { type Doc, drawLines, wrap } from './layout';
import { cleanLine, cleanText } from './text';
import { COLOR, CONTENT, PAGE, TEXT, type TextStyle } from './theme';

const BAND_HEIGHT = 10;
const KICKER_TOP = 180;
const TITLE_MAX_LINES = 4;
const SUBTITLE_MAX_LINES = 3;
const FACT_LABEL_WIDTH = 150;
const FACT_GAP = 12;
const FACT_VALUE_MAX_LINES = 3;
const NOTE_MAX_LINES = 12;

/** Draws on the current page, which must be the first. */
export function drawCover(doc: Doc, cover: CoverSpec): void {
  doc.rect(0, 0, PAGE.width, BAND_HEIGHT).fillColor(COLOR.heading).fill();

  let y = KICKER_TOP;
  const block = (text: string, style: TextStyle, maxLines: number, after: number) => {
    if (text === '') return;
    const lines = wrap(doc, text, style, CONTENT.width, maxLines);
    drawLines(doc, lines, style, CONTENT.left, y);
    y += lines.length * style.leading + after;
  };
  block(cleanLine(cover.kicker), TEXT.coverKicker, 1, 8);
  block(cleanLine(cover.title), TEXT.coverTitle, TITLE_MAX_LINES, 8);
  block(cleanLine(cover.subtitle), TEXT.coverSubtitle, SUBTITLE_MAX_LINES, 0);
  y += 20;
  doc.rect(CONTENT.left, y, 48, 2.5).fillColor(COLOR.accent).fill();
  y += 24;

  const note = wrap(doc, cleanText(cover.note), TEXT.note, CONTENT.width, NOTE_MAX_LINES);
  const noteTop = CONTENT.bottom - note.length * TEXT.note.leading;
  const valueWidth = CONTENT.width - FACT_LABEL_WIDTH - FACT_GAP;
  // Facts stop where the note begins: a cover is one page.
  for (const fact of Array.isArray(cover.facts) ? cover.facts : []) {
    const label = wrap(doc, cleanLine(fact.label), TEXT.coverLabel, FACT_LABEL_WIDTH, 2);
    const value = wrap(
      doc,
      cleanLine(fact.value),
      TEXT.coverValue,
      valueWidth,
      FACT_VALUE_MAX_LINES,
    );
    const height = Math.max(label.length, value.length) * TEXT.coverLabel.leading + 4;
    if (y + height > noteTop - 16) break;
    drawLines(doc, label, TEXT.coverLabel, CONTENT.left, y);
    drawLines(doc, value, TEXT.coverValue, CONTENT.left + FACT_LABEL_WIDTH + FACT_GAP, y);
    y += height;
  }
  drawLines(doc, note, TEXT.note, CONTENT.left, noteTop);
}
