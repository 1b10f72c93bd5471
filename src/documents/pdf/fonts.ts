/**
 * DejaVu Sans, embedded (subset) in every document: it covers Latin, Greek and Cyrillic, which the
 * standard 14 PDF fonts do not. The files are read once per process; pdfkit parses them per
 * document.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Doc } from './layout';
import type { FontName } from './theme';

const FILES: Record<FontName, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
};

/** DejaVu Sans' ascent (1901 of 2048 units per em) and line box (ascent + descent 483), in em. */
export const FONT_ASCENT = 1901 / 2048;
export const FONT_BOX_HEIGHT = (1901 + 483) / 2048;

let fontData: Record<FontName, Buffer> | undefined;

function loadFonts(): Record<FontName, Buffer> {
  if (!fontData) {
    const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    fontData = {
      regular: readFileSync(join(dir, FILES.regular)),
      bold: readFileSync(join(dir, FILES.bold)),
    };
  }
  return fontData;
}

/** Makes `regular` and `bold` usable as font names in `doc`. */
export function registerFonts(doc: Doc): void {
  const fonts = loadFonts();
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
}
