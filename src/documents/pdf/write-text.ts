/**
 * Writes one line of text straight into the page's content stream. pdfkit's `text()` does the same
 * with about ten content writes per call (save, transform, colour, restore ...); a large report has
 * ~25,000 lines, and writing each as one operator string halves its render time. This leans on
 * pdfkit internals (the current font's `encode`, `id` and `ref`, the page's font resources), as
 * pdfkit's own `_fragment` does; the tests' text extraction would notice if they changed.
 */
import type { Doc } from './layout';
import type { FontName } from './theme';

/** What pdfkit's embedded font offers its text code. */
interface EmbeddedFont {
  id: string;
  encode(text: string): [string[], GlyphPosition[]];
  ref(): unknown;
}

/** In 1/1000 em, as fontkit lays out glyphs. */
interface GlyphPosition {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}

const fillOperators = new Map<string, string>();

/** `#rrggbb` as a PDF fill colour operator. */
function fillOperator(color: string): string {
  let operator = fillOperators.get(color);
  if (operator === undefined) {
    const rgb = parseInt(color.slice(1), 16);
    const channels = [rgb >> 16, (rgb >> 8) & 0xff, rgb & 0xff];
    operator = `${channels.map((channel) => number(channel / 255)).join(' ')} rg`;
    fillOperators.set(color, operator);
  }
  return operator;
}

/** A coordinate in content-stream syntax; like pdfkit, refuses what would corrupt the stream. */
function number(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
  return String(Math.round(value * 1000) / 1000);
}

/**
 * Draws `text` with its baseline at `baseline` (top-down page coordinates, as pdfkit's). The colour
 * is set inside q/Q, so it does not leak into later drawing.
 */
export function writeText(
  doc: Doc,
  text: string,
  font: FontName,
  size: number,
  color: string,
  x: number,
  baseline: number,
): void {
  doc.font(font);
  const embedded = (doc as unknown as { _font: EmbeddedFont })._font;
  const resources = doc.page.fonts as Record<string, unknown>;
  resources[embedded.id] ??= embedded.ref();
  const [glyphs, positions] = embedded.encode(text);
  const scale = size / 1000;

  // pdfkit's page transform flips y; a text matrix with -1 flips the glyphs back upright. Glyphs
  // go into TJ arrays (an empty one is harmless), with kerning as position adjustments.
  const matrix = (left: number, y: number) => `1 0 0 -1 ${number(left)} ${number(y)} Tm`;
  let content = `q ${fillOperator(color)} BT /${embedded.id} ${number(size)} Tf ${matrix(x, baseline)} [`;
  let hex = '';
  let penX = x;
  for (let i = 0; i < positions.length; i++) {
    const { xAdvance, advanceWidth, xOffset, yOffset } = positions[i];
    if (xOffset || yOffset) {
      // A positioned glyph (a mark): drawn at its own spot, then the pen goes back on the line.
      const markAt = matrix(penX + xOffset * scale, baseline - yOffset * scale);
      const back = matrix(penX + xAdvance * scale, baseline);
      content += `${hex && `<${hex}>`}] TJ ${markAt} <${glyphs[i]}> Tj ${back} [`;
      hex = '';
    } else {
      hex += glyphs[i];
      if (xAdvance !== advanceWidth) {
        content += `<${hex}> ${number(advanceWidth - xAdvance)} `;
        hex = '';
      }
    }
    penX += xAdvance * scale;
  }
  doc.addContent(`${content}${hex && `<${hex}>`}] TJ ET Q`);
}
