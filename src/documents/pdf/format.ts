/**
 * Chart numbers as text: axis ticks and data labels. Full amounts in prose and tables are
 * formatted by the callers; here large values are compact ("USD 340k", "USD 1.2M").
 *
 * Percent values are fractions (0.125 is 12.5 %), as the document templates pass them.
 */
import type { NumberFormat } from '../document-spec';
import { cleanLine, truncate } from './text';

/** From this magnitude on, values are written with a k/M/B/T suffix. */
const COMPACT_FROM = 10_000;
const UNITS: readonly [number, string][] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'k'],
];
/** Longest currency code or unit kept; labels must stay short enough to sit beside a bar. */
const MAX_AFFIX_LENGTH = 16;

function roundTo(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

const decimalFormats = new Map<number, Intl.NumberFormat>();

function decimal(value: number, maximumFractionDigits: number): string {
  let format = decimalFormats.get(maximumFractionDigits);
  if (!format) {
    format = new Intl.NumberFormat('en', { maximumFractionDigits });
    decimalFormats.set(maximumFractionDigits, format);
  }
  // Rounded first and `+ 0` turning -0 into 0: a tiny negative does not print as "-0".
  return format.format(roundTo(value, maximumFractionDigits) + 0);
}

/** Fewer decimals for larger numbers: 3.14, 12.5, 340. */
const fractionDigits = (magnitude: number) => (magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2);

/** 9,500 / 12.3k / 1.2M: compact from COMPACT_FROM on, the suffix chosen after rounding. */
function magnitudeText(value: number, extraDigits: number): string {
  const size = Math.abs(value);
  if (size < COMPACT_FROM) return decimal(value, fractionDigits(size) + extraDigits);
  let unit = UNITS.findIndex(([divisor]) => size >= divisor);
  const scaledDigits = (index: number) =>
    (Math.abs(value / UNITS[index][0]) >= 100 ? 0 : 1) + extraDigits;
  // 999,960 rounds to "1,000k"; the next unit up reads better ("1M").
  if (unit > 0 && Math.abs(roundTo(value / UNITS[unit][0], scaledDigits(unit))) >= 1000) unit--;
  const [divisor, suffix] = UNITS[unit];
  return decimal(value / divisor, scaledDigits(unit)) + suffix;
}

const affix = (value: string) => truncate(cleanLine(value), MAX_AFFIX_LENGTH);

/** `value` as `format` says; `extraDigits` more decimals where ticks would otherwise collide. */
export function formatNumber(value: number, format: NumberFormat, extraDigits = 0): string {
  switch (format.style) {
    case 'money': {
      const currency = affix(format.currency);
      const amount = magnitudeText(value, extraDigits);
      return currency ? `${currency} ${amount}` : amount;
    }
    case 'percent': {
      const percent = value * 100;
      return `${decimal(percent, fractionDigits(Math.abs(percent)) + extraDigits)} %`;
    }
    default: {
      const unit = affix(format.unit);
      const amount = magnitudeText(value, extraDigits);
      return unit ? `${amount} ${unit}` : amount;
    }
  }
}

/** Labels for axis ticks, with just enough decimals that no two read the same. */
export function formatTicks(ticks: number[], format: NumberFormat): string[] {
  let labels: string[] = [];
  for (let extra = 0; extra <= 6; extra++) {
    labels = ticks.map((tick) => formatNumber(tick, format, extra));
    if (new Set(labels).size === labels.length) break;
  }
  return labels;
}
