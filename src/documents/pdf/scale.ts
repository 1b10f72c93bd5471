/**
 * Chart numbers: untrusted values made finite, and axes with "nice" ticks (1, 2 or 5 x 10^k).
 * Everything returned is finite, so no NaN or Infinity reaches pdfkit (which throws on them).
 */

/** Largest magnitude a chart shows; larger values are clamped so sums and spans stay finite. */
const MAX_MAGNITUDE = 1e15;
/** Smaller magnitudes count as 0, so that every span is wide enough to divide into ticks. */
const MIN_MAGNITUDE = 1e-12;

/** A value as a chart draws it: NaN, Infinity and non-numbers are 0, magnitudes bounded. */
export function chartValue(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 0;
  if (Math.abs(value) < MIN_MAGNITUDE) return 0;
  return Math.min(MAX_MAGNITUDE, Math.max(-MAX_MAGNITUDE, value));
}

/** A bar length: like `chartValue`, and never negative. */
export function nonNegative(value: unknown): number {
  return Math.max(0, chartValue(value));
}

export interface Scale {
  min: number;
  max: number;
  /** From `min` to `max` inclusive, evenly spaced. */
  ticks: number[];
}

const STEP_MANTISSAS = [1, 2, 5];
const MIN_TICKS = 4;
const MAX_TICKS = 6;

/**
 * An axis covering [low, high] with 4-6 ticks at multiples of a 1/2/5 x 10^k step. A zero or
 * near-zero span is widened around the value ([0, 1] for 0), since a range is needed to draw.
 */
export function niceScale(low: number, high: number): Scale {
  let lo = Math.min(chartValue(low), chartValue(high));
  let hi = Math.max(chartValue(low), chartValue(high));
  if (hi - lo <= 1e-9 * Math.max(Math.abs(lo), Math.abs(hi))) {
    if (hi === 0) {
      hi = 1;
    } else {
      const pad = Math.abs(hi) / 2;
      lo -= pad;
      hi += pad;
    }
  }
  const exponent = Math.floor(Math.log10((hi - lo) / 5));
  const candidates: { step: number; first: number; count: number }[] = [];
  for (let e = exponent - 1; e <= exponent + 1; e++) {
    for (const mantissa of STEP_MANTISSAS) {
      const step = mantissa * 10 ** e;
      // The tolerance keeps 0.3 / 0.1 = 2.9999999999999996 from adding a tick.
      const first = Math.floor(lo / step + 1e-9);
      candidates.push({ step, first, count: Math.ceil(hi / step - 1e-9) - first + 1 });
    }
  }
  // Candidates come in increasing step: the first with few enough ticks is the finest axis. The
  // largest step exceeds the span, so one always qualifies. Too few ticks: the axis grows by a
  // step towards 0, or upwards.
  const chosen =
    candidates.find(({ count }) => count <= MAX_TICKS) ?? candidates[candidates.length - 1];
  const { step } = chosen;
  let { first, count } = chosen;
  for (; count < MIN_TICKS; count++) {
    if (first > 0) first--;
  }
  const ticks = Array.from({ length: count }, (_, i) =>
    Number(((first + i) * step).toPrecision(12)),
  );
  return { min: ticks[0], max: ticks[ticks.length - 1], ticks };
}
