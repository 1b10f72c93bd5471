/**
 * Table of contents and PDF outline. The number of entries is known before any content is drawn,
 * so the contents pages are reserved right after the cover and filled at the end, when every
 * heading's page is known (the document buffers its pages). Each entry links to a named
 * destination at its heading; the same headings become the outline (bookmarks).
 */
import type { Block } from '../document-spec';
import { type Doc, drawLine, drawLines, fitLine, measurer, wrap } from './layout';
import { cleanLine, truncate } from './text';
import { COLOR, CONTENT, TEXT } from './theme';

export type ContentsLevel = 1 | 2;

interface Entry {
  level: ContentsLevel;
  text: string;
  /** 1-based, counting the cover. */
  page: number;
  destination: string;
}

const HEADING_GAP = 12;
const LEVEL2_INDENT = 16;
const PAGE_NUMBER_WIDTH = 36;
/** Longest bookmark title; viewers show one line anyway. */
const MAX_BOOKMARK_LENGTH = 300;

const entryStyle = (level: ContentsLevel) => (level === 1 ? TEXT.tocEntry1 : TEXT.tocEntry2);

/** Levels of the headings that go into the contents, in document order. */
export function contentsLevels(blocks: Block[]): ContentsLevel[] {
  return blocks.flatMap((block) =>
    block.kind === 'heading' && (block.level === 1 || block.level === 2) ? [block.level] : [],
  );
}

/** Records headings as they are drawn: a named destination, a bookmark and a contents entry. */
export class Contents {
  private readonly entries: Entry[] = [];
  private lastTopBookmark: PDFKit.PDFOutline | undefined;

  constructor(private readonly doc: Doc) {}

  /** Call on the heading's page, `y` at its top; `text` already cleaned. */
  add(level: ContentsLevel, text: string, page: number, y: number): void {
    const destination = `heading-${this.entries.length + 1}`;
    this.doc.addNamedDestination(destination, 'XYZ', CONTENT.left, y, null);
    const title = truncate(text, MAX_BOOKMARK_LENGTH);
    if (level === 1) {
      this.lastTopBookmark = this.doc.outline.addItem(title);
    } else {
      (this.lastTopBookmark ?? this.doc.outline).addItem(title);
    }
    this.entries.push({ level, text, page, destination });
  }

  /**
   * Fills the reserved pages (`firstPage` is the 0-based index of the first) with the heading and
   * the entries, each numbered with the page its heading landed on. `layout` must be the one the
   * pages were reserved with.
   */
  draw(layout: ContentsLayout, firstPage: number): void {
    const { doc } = this;
    doc.switchToPage(firstPage);
    drawLines(doc, layout.headingLines, TEXT.heading1, CONTENT.left, CONTENT.top);
    this.entries.forEach((entry, i) => {
      const { pageOffset, y } = layout.positions[i];
      doc.switchToPage(firstPage + pageOffset);
      drawEntry(doc, entry, y);
    });
  }
}

export interface ContentsLayout {
  headingLines: string[];
  /** Per entry: the page (0 = the first contents page) and the top of its line. */
  positions: { pageOffset: number; y: number }[];
  pageCount: number;
}

/** Where each entry goes, so the pages can be reserved before the headings are drawn. */
export function layoutContents(doc: Doc, heading: string, levels: ContentsLevel[]): ContentsLayout {
  const headingLines = wrap(doc, cleanLine(heading), TEXT.heading1, CONTENT.width, 2);
  let pageOffset = 0;
  let y = CONTENT.top + headingLines.length * TEXT.heading1.leading + HEADING_GAP;
  const positions = levels.map((level) => {
    const { leading } = entryStyle(level);
    if (y + leading > CONTENT.bottom) {
      pageOffset++;
      y = CONTENT.top;
    }
    const position = { pageOffset, y };
    y += leading;
    return position;
  });
  return { headingLines, positions, pageCount: pageOffset + 1 };
}

function drawEntry(doc: Doc, entry: Entry, y: number): void {
  const style = entryStyle(entry.level);
  const indent = entry.level === 1 ? 0 : LEVEL2_INDENT;
  const x = CONTENT.left + indent;
  const numberX = CONTENT.right - PAGE_NUMBER_WIDTH;
  const text = fitLine(doc, entry.text, style, numberX - x - 12);
  drawLine(doc, text, style, x, y);
  drawLine(doc, String(entry.page), style, numberX, y, PAGE_NUMBER_WIDTH, 'right');

  // Dot leader from the end of the text to the page number, on the baseline.
  const numberWidth = measurer(doc, style)(String(entry.page));
  const from = x + measurer(doc, style)(text) + 4;
  const to = CONTENT.right - numberWidth - 4;
  if (to > from) {
    const baseline = y + style.leading / 2 + style.size * 0.3;
    doc
      .save()
      .moveTo(from, baseline)
      .lineTo(to, baseline)
      .lineWidth(0.8)
      .lineCap('round')
      .dash(0.01, { space: 2.5 })
      .strokeColor(COLOR.faint)
      .stroke()
      .restore();
  }
  doc.goTo(x, y, CONTENT.right - x, style.leading, entry.destination);
}
