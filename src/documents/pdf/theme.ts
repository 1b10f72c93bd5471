/**
 * The look of every document: page geometry, type styles and colours, in one place so the blocks
 * agree with each other. Sizes are PDF points (1/72 inch).
 */
import type { Tone } from '../document-spec';

/** A4 portrait. */
export const PAGE = { width: 595.28, height: 841.89 } as const;

const MARGIN = 50;

/** The area blocks draw in; the footer sits in the bottom margin, below `bottom`. */
export const CONTENT = {
  left: MARGIN,
  top: MARGIN,
  width: PAGE.width - 2 * MARGIN,
  right: PAGE.width - MARGIN,
  bottom: PAGE.height - MARGIN,
  height: PAGE.height - 2 * MARGIN,
} as const;

export const COLOR = {
  text: '#1f2933',
  heading: '#1b3a5c',
  subheading: '#2d3e50',
  muted: '#6b7280',
  faint: '#b4bac3',
  rule: '#cfd6df',
  grid: '#e5e9ef',
  axis: '#7b8794',
  panel: '#f4f6f9',
  tableHeader: '#e3e9f1',
  zebra: '#f5f7fa',
  accent: '#2f6690',
} as const;

export const TONE_COLOR: Record<Tone, string> = {
  neutral: '#4a6fa5',
  good: '#2e7d32',
  warning: '#c07a00',
  bad: '#c0392b',
};

/** A tone's colour; an unknown tone (untrusted input) reads as neutral. */
export function toneColor(tone: Tone): string {
  return Object.hasOwn(TONE_COLOR, tone) ? TONE_COLOR[tone] : TONE_COLOR.neutral;
}

/** Bar colours by series, in order; restrained blues and greys that print well. */
export const SERIES_COLORS = ['#2f6690', '#9cb8d3', '#5b7083', '#c9a227', '#7aa974', '#b5651d'];

export type FontName = 'regular' | 'bold';

export interface TextStyle {
  font: FontName;
  size: number;
  /** Line height: the distance from one line's top to the next's. */
  leading: number;
  color: string;
}

const style = (font: FontName, size: number, leading: number, color: string): TextStyle => ({
  font,
  size,
  leading,
  color,
});

export const TEXT = {
  body: style('regular', 9.5, 13.5, COLOR.text),
  note: style('regular', 8, 11, COLOR.muted),
  heading1: style('bold', 16, 20, COLOR.heading),
  heading2: style('bold', 12.5, 16, COLOR.heading),
  heading3: style('bold', 10.5, 14, COLOR.subheading),
  tableCell: style('regular', 8.5, 11, COLOR.text),
  tableHeader: style('bold', 8.5, 11, COLOR.heading),
  chartTitle: style('bold', 10, 14, COLOR.heading),
  chartLabel: style('regular', 7.5, 10, COLOR.text),
  barValue: style('regular', 7, 9, COLOR.text),
  axisLabel: style('regular', 7.5, 10, COLOR.muted),
  axisTitle: style('bold', 7.5, 10, COLOR.muted),
  figureLabel: style('regular', 7.5, 10, COLOR.muted),
  figureValue: style('bold', 15, 19, COLOR.heading),
  footer: style('regular', 7.5, 10, COLOR.muted),
  tocEntry1: style('bold', 10, 17, COLOR.heading),
  tocEntry2: style('regular', 9.5, 15, COLOR.text),
  coverKicker: style('bold', 10, 14, COLOR.accent),
  coverTitle: style('bold', 26, 32, COLOR.heading),
  coverSubtitle: style('regular', 13, 18, COLOR.muted),
  coverLabel: style('regular', 9.5, 14, COLOR.muted),
  coverValue: style('bold', 9.5, 14, COLOR.text),
} as const;

/** Vertical space after blocks, in points. */
export const GAP = { block: 10 } as const;
