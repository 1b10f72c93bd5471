import fc from 'fast-check';
import { formatNumber, formatTicks } from './format';
import { chartValue, niceScale, nonNegative } from './scale';

const usd = { style: 'money', currency: 'USD' } as const;

describe('formatNumber', () => {
  it('writes money in full below 10,000 and compact above', () => {
    expect(formatNumber(9_500, usd)).toBe('USD 9,500');
    expect(formatNumber(12_345, usd)).toBe('USD 12.3k');
    expect(formatNumber(340_000, usd)).toBe('USD 340k');
    expect(formatNumber(1_234_567, usd)).toBe('USD 1.2M');
    expect(formatNumber(2_500_000_000, usd)).toBe('USD 2.5B');
    expect(formatNumber(0, usd)).toBe('USD 0');
  });

  it('moves to the next unit when rounding reaches 1,000', () => {
    expect(formatNumber(999_960, usd)).toBe('USD 1M');
  });

  it('writes fractions as percentages with a space before the sign', () => {
    expect(formatNumber(0.125, { style: 'percent' })).toBe('12.5 %');
    expect(formatNumber(0.12, { style: 'percent' })).toBe('12 %');
    expect(formatNumber(1, { style: 'percent' })).toBe('100 %');
    expect(formatNumber(0.0005, { style: 'percent' })).toBe('0.05 %');
  });

  it('writes numbers with their unit, or bare without one', () => {
    expect(formatNumber(36, { style: 'number', unit: 'h' })).toBe('36 h');
    expect(formatNumber(1_500_000, { style: 'number', unit: '' })).toBe('1.5M');
  });

  it('never writes -0', () => {
    expect(formatNumber(-0.000001, { style: 'percent' })).toBe('0 %');
  });

  it('cuts a hostile currency or unit short', () => {
    expect(formatNumber(5, { style: 'money', currency: 'x'.repeat(10_000) })).toBe(
      `${'x'.repeat(16)}… 5`,
    );
    expect(formatNumber(5, { style: 'number', unit: 'a\u0000b' })).toBe('5 ab');
  });
});

describe('formatTicks', () => {
  it('adds decimals until no two ticks read the same', () => {
    expect(formatTicks([1_000_000, 1_050_000, 1_100_000], usd)).toEqual([
      'USD 1M',
      'USD 1.05M',
      'USD 1.1M',
    ]);
    expect(formatTicks([0.1, 0.1005, 0.101], { style: 'percent' })).toEqual([
      '10 %',
      '10.05 %',
      '10.1 %',
    ]);
  });
});

describe('chart values', () => {
  it('turns NaN, Infinity and non-numbers into 0 and caps magnitudes', () => {
    expect(chartValue(Number.NaN)).toBe(0);
    expect(chartValue(Number.POSITIVE_INFINITY)).toBe(0);
    expect(chartValue('5')).toBe(0);
    expect(chartValue(1e300)).toBe(1e15);
    expect(nonNegative(-3)).toBe(0);
  });
});

describe('niceScale', () => {
  it('uses 1, 2 or 5 x 10^k steps', () => {
    expect(niceScale(0, 1_234_567).ticks).toEqual([0, 500_000, 1_000_000, 1_500_000]);
    expect(niceScale(0, 100).ticks).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it('widens a zero span so that there is a range to draw', () => {
    expect(niceScale(0, 0)).toMatchObject({ min: 0, max: 1 });
    const around = niceScale(5, 5);
    expect(around.min).toBeLessThan(5);
    expect(around.max).toBeGreaterThan(5);
  });

  it('always covers the range with 4 to 6 finite, evenly spaced ticks', () => {
    const value = fc.double({ min: -1e15, max: 1e15, noNaN: true });
    fc.assert(
      fc.property(value, value, (a, b) => {
        const { min, max, ticks } = niceScale(a, b);
        expect(ticks.length).toBeGreaterThanOrEqual(4);
        expect(ticks.length).toBeLessThanOrEqual(6);
        expect(ticks.every(Number.isFinite)).toBe(true);
        expect(max).toBeGreaterThan(min);
        const step = ticks[1] - ticks[0];
        // Covered up to rounding noise (a billionth of a step).
        expect(min).toBeLessThanOrEqual(Math.min(chartValue(a), chartValue(b)) + step * 1e-9);
        expect(max).toBeGreaterThanOrEqual(Math.max(chartValue(a), chartValue(b)) - step * 1e-9);
        ticks.forEach((tick, i) => {
          expect(Math.abs(tick - (ticks[0] + i * step))).toBeLessThanOrEqual(step * 1e-6);
        });
      }),
      { numRuns: 1000 },
    );
  });
});
