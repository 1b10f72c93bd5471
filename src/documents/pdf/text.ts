/**
 * Untrusted strings made safe to draw, and broken into lines. Pure: widths come from a `Measure`,
 * so the rules hold (and are tested) without a PDF. Line breaking is done here rather than by
 * pdfkit so that every block knows its height before drawing, can cut at a number of lines with an
 * ellipsis, and never triggers pdfkit's automatic page breaks.
 */

/** Width of a string in points, in some font and size. */
export type Measure = (text: string) => number;

export const ELLIPSIS = '…';

/** Longest run of UTF-16 units kept from one string: bounds the work and pages one value costs. */
const MAX_TEXT_LENGTH = 20_000;

/** Characters that break a line: LF, CR, VT, FF, NEL, LINE and PARAGRAPH SEPARATOR. */
const LINE_BREAKS = new Set([0x0a, 0x0d, 0x0b, 0x0c, 0x85, 0x2028, 0x2029]);

/**
 * Invisible format characters that could reorder or hide text: soft hyphen, bidi marks, embeddings,
 * overrides and isolates, zero-width space, word joiner and invisible operators, byte order mark,
 * interlinear annotation marks. Zero-width (non-)joiners stay: scripts need them to shape.
 */
function isInvisible(code: number): boolean {
  return (
    code === 0xad ||
    code === 0x061c ||
    code === 0x200b ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2064) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff ||
    (code >= 0xfff9 && code <= 0xfffb)
  );
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * What a UTF-16 unit becomes: itself (undefined), a replacement, or nothing (''). Line breaks become
 * `lineBreak`, a tab a space; C0 and C1 controls and invisible format characters go. Surrogates
 * are handled by the caller.
 */
function replacement(code: number, lineBreak: string): string | undefined {
  if (LINE_BREAKS.has(code)) return lineBreak;
  if (code === 0x09) return ' ';
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || isInvisible(code)) return '';
  return undefined;
}

/**
 * One pass over the UTF-16 units, copying runs of plain text in one piece; a lone surrogate
 * becomes U+FFFD, CR LF one line break.
 */
function cleanCharacters(value: string, lineBreak: string): string {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    let replaced: string | undefined;
    let skip = 0;
    if (isHighSurrogate(code)) {
      if (isLowSurrogate(value.charCodeAt(i + 1))) {
        i++;
        continue;
      }
      replaced = '\ufffd';
    } else if (isLowSurrogate(code)) {
      replaced = '\ufffd';
    } else {
      replaced = replacement(code, lineBreak);
      if (code === 0x0d && value.charCodeAt(i + 1) === 0x0a) skip = 1;
    }
    if (replaced === undefined) continue;
    out += value.slice(runStart, i) + replaced;
    i += skip;
    runStart = i + 1;
  }
  return out + value.slice(runStart);
}

/** At most MAX_TEXT_LENGTH units, not splitting a surrogate pair; an ellipsis marks the cut. */
function bounded(value: unknown): { text: string; cut: boolean } {
  const text = typeof value === 'string' ? value : '';
  if (text.length <= MAX_TEXT_LENGTH) return { text, cut: false };
  const end = isHighSurrogate(text.charCodeAt(MAX_TEXT_LENGTH - 1))
    ? MAX_TEXT_LENGTH - 1
    : MAX_TEXT_LENGTH;
  return { text: text.slice(0, end), cut: true };
}

/** Text meant for one line (names, labels, cells): line breaks become spaces, runs of spaces one. */
export function cleanLine(value: unknown): string {
  const { text, cut } = bounded(value);
  const line = cleanCharacters(text, ' ').replace(/ {2,}/g, ' ').trim();
  return cut ? line + ELLIPSIS : line;
}

/** Text with paragraphs: keeps line breaks (at most one blank line in a row), tidies spaces. */
export function cleanText(value: unknown): string {
  const { text, cut } = bounded(value);
  const lines = cleanCharacters(text, '\n')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim());
  const joined = lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return cut ? joined + ELLIPSIS : joined;
}

/** At most `maxCharacters` code points, with an ellipsis if any were dropped. */
export function truncate(text: string, maxCharacters: number): string {
  const characters = Array.from(text);
  return characters.length > maxCharacters
    ? characters.slice(0, maxCharacters).join('') + ELLIPSIS
    : text;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The grapheme clusters of `text`, lazily; printable ASCII skips the (slow) segmenter. */
function* graphemes(text: string): Generator<string> {
  if (PRINTABLE_ASCII.test(text)) {
    yield* text;
  } else {
    for (const { segment } of segmenter.segment(text)) yield segment;
  }
}

/**
 * Words longer than this are not measured whole (laying out a 10,000-character word in every font
 * and size is slow) but broken between graphemes straight away, from where the line stands.
 */
const LONG_WORD = 64;

/** `line` shortened, if need be, so that it and an ellipsis fit `width`. */
export function withEllipsis(line: string, width: number, measure: Measure): string {
  const parts = Array.from(graphemes(line));
  // Summed grapheme widths find the cut in one pass; the check below covers kerning.
  const room = width - measure(ELLIPSIS);
  let kept = 0;
  for (let used = 0; kept < parts.length; kept++) {
    used += measure(parts[kept]);
    if (used > room) break;
  }
  let text = parts.slice(0, kept).join('').trimEnd();
  while (kept > 0 && measure(text + ELLIPSIS) > width) {
    text = parts.slice(0, --kept).join('').trimEnd();
  }
  return text + ELLIPSIS;
}

/**
 * Breaks `text` into lines no wider than `width`: at spaces, and inside a word when the word alone
 * is wider than a line or longer than LONG_WORD (between grapheme clusters, so a 10,000-character
 * word wraps too). Each `\n` starts a new line. With more than `maxLines` lines, the last one kept
 * ends in an ellipsis. Always at least one line (possibly empty).
 */
export function wrapText(
  text: string,
  width: number,
  measure: Measure,
  maxLines = Number.POSITIVE_INFINITY,
): string[] {
  const limit = maxLines >= 1 ? Math.floor(maxLines) : 1;
  const space = measure(' ');
  const lines: string[] = [];
  let cut = false;
  let line = '';
  let lineWidth = 0;

  // Ends the current line; false once the limit is reached and more text is waiting.
  const endLine = (): boolean => {
    if (lines.length >= limit) {
      cut = true;
      return false;
    }
    lines.push(line.trimEnd());
    line = '';
    lineWidth = 0;
    return true;
  };

  // Appends `word` grapheme by grapheme, ending lines as they fill; false once the limit is hit.
  const appendBroken = (word: string): boolean => {
    for (const segment of graphemes(word)) {
      const segmentWidth = measure(segment);
      if (line.trim() !== '' && lineWidth + segmentWidth > width && !endLine()) return false;
      line += segment;
      lineWidth += segmentWidth;
    }
    return true;
  };

  paragraphs: for (const paragraph of text.split('\n')) {
    for (const word of paragraph.split(' ')) {
      if (word === '') continue;
      if (word.length > LONG_WORD) {
        if (line !== '') {
          line += ' ';
          lineWidth += space;
        }
        if (!appendBroken(word)) break paragraphs;
        continue;
      }
      const wordWidth = measure(word);
      if (line !== '' && lineWidth + space + wordWidth <= width) {
        line += ' ' + word;
        lineWidth += space + wordWidth;
        continue;
      }
      if (line !== '' && !endLine()) break paragraphs;
      if (wordWidth <= width) {
        line = word;
        lineWidth = wordWidth;
      } else if (!appendBroken(word)) {
        break paragraphs;
      }
    }
    if (!endLine()) break;
  }
  if (cut) lines[lines.length - 1] = withEllipsis(lines[lines.length - 1], width, measure);
  return lines;
}
