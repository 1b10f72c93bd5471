/**
 * The page flow (a cursor down the content area that starts new pages) and the text primitives
 * every block uses. Text is drawn one measured line at a time, never through pdfkit's wrapping,
 * so pdfkit never adds a page on its own (it would, for text near the bottom margin).
 */
import type PDFDocument from 'pdfkit';
import { FONT_ASCENT, FONT_BOX_HEIGHT } from './fonts';
import { type Measure, wrapText } from './text';
import { CONTENT, type TextStyle } from './theme';
import { writeText } from './write-text';

export type Doc = typeof PDFDocument;

export type Align = 'left' | 'right' | 'center';

/** Widths by font and size, per document: the same words are measured over and over. */
const widthCaches = new WeakMap<Doc, Map<string, Map<string, number>>>();

export function measurer(doc: Doc, style: TextStyle): Measure {
  const byFont = widthCaches.get(doc) ?? new Map<string, Map<string, number>>();
  widthCaches.set(doc, byFont);
  const key = `${style.font} ${style.size}`;
  const cache = byFont.get(key) ?? new Map<string, number>();
  byFont.set(key, cache);
  return (text) => {
    let width = cache.get(text);
    if (width === undefined) {
      width = doc.font(style.font).fontSize(style.size).widthOfString(text);
      cache.set(text, width);
    }
    return width;
  };
}

/** `text` broken into lines of at most `width` points; see `wrapText`. */
export function wrap(
  doc: Doc,
  text: string,
  style: TextStyle,
  width: number,
  maxLines?: number,
): string[] {
  return wrapText(text, width, measurer(doc, style), maxLines);
}

/** `text` on one line of at most `width` points, cut with an ellipsis if longer. */
export function fitLine(doc: Doc, text: string, style: TextStyle, width: number): string {
  return wrapText(text, width, measurer(doc, style), 1)[0];
}

/**
 * One line whose line box (`style.leading` high) starts at `y`; `align` within `width` from `x`.
 * The glyphs are centred in the line box.
 */
export function drawLine(
  doc: Doc,
  text: string,
  style: TextStyle,
  x: number,
  y: number,
  width = 0,
  align: Align = 'left',
): void {
  if (text === '') return;
  let left = x;
  if (align !== 'left') {
    const free = width - measurer(doc, style)(text);
    left += align === 'right' ? free : free / 2;
  }
  const top = y + (style.leading - style.size * FONT_BOX_HEIGHT) / 2;
  writeText(doc, text, style.font, style.size, style.color, left, top + style.size * FONT_ASCENT);
}

export function drawLines(
  doc: Doc,
  lines: string[],
  style: TextStyle,
  x: number,
  y: number,
  width = 0,
  align: Align = 'left',
): void {
  lines.forEach((line, i) => drawLine(doc, line, style, x, y + i * style.leading, width, align));
}

/** Something drawn only together with the start of what follows it (a heading). */
interface Kept {
  height: number;
  /** Height the next block's start must find below it on the same page. */
  following: number;
  draw: () => void;
}

/**
 * Where the next block goes. Pages are added lazily, when something is about to be drawn, so a
 * page break followed by nothing (or by another break) never leaves a blank page.
 */
export class Flow {
  y: number = CONTENT.top;
  private pagePending = true;
  private pageEmpty = true;
  private kept: Kept[] = [];

  constructor(readonly doc: Doc) {}

  /** 1-based number of the page being drawn on, counting the cover. */
  get pageNumber(): number {
    return this.doc.bufferedPageRange().count;
  }

  /** Nothing drawn yet on the page the next block goes on. */
  get atPageTop(): boolean {
    return this.pagePending || this.pageEmpty;
  }

  /** Points left below `y`, and below what is kept, on the page the next block goes on. */
  remaining(): number {
    const keptHeight = this.kept.reduce((sum, { height }) => sum + height, 0);
    return (this.pagePending ? CONTENT.height : CONTENT.bottom - this.y) - keptHeight;
  }

  /** The next block starts a new page, unless the current one is still empty. */
  breakPage(): void {
    if (!this.pageEmpty) this.pagePending = true;
  }

  /**
   * `draw` (which moves `y` down by at most `height`) is deferred to the next `reserve`, so that it
   * lands on the same page as the start of the next block, with at least `following` points of it.
   */
  keepWithNext(height: number, following: number, draw: () => void): void {
    this.kept.push({ height, following, draw });
  }

  /**
   * Makes sure `height` points fit below `y` (after anything kept, which is drawn now), starting a
   * new page if not (an empty page takes anything: callers bound their heights to a page). The
   * page then counts as used.
   */
  reserve(height: number): void {
    const kept = this.kept.splice(0);
    const needed = kept.reduce(
      (sum, item) => sum + item.height,
      Math.max(height, ...kept.map(({ following }) => following)),
    );
    if (this.pagePending || (!this.pageEmpty && this.y + needed > CONTENT.bottom)) {
      this.doc.addPage();
      this.y = CONTENT.top;
      this.pagePending = false;
      this.pageEmpty = true;
    }
    for (const item of kept) {
      item.draw();
      this.pageEmpty = false;
    }
    this.pageEmpty = false;
  }

  /** Draws what is still kept; call once all blocks are drawn. */
  finish(): void {
    if (this.kept.length > 0) this.reserve(0);
  }

  /** Vertical space before the next block; none at the top of a page. */
  space(points: number): void {
    if (!this.atPageTop) this.y += points;
  }
}
