import fc from 'fast-check';
import { buildCommitment } from '../testing/portfolio-builders';
import {
  allowedDowntimeHours,
  allowedDowntimeMinutes,
  commitmentBreach,
} from './commitment-breach';

describe('allowed downtime', () => {
  it.each([
    [99.9, 30, 43.2],
    [99.99, 30, 4.32],
    [99.5, 30, 216],
    [99, 7, 100.8],
    [100, 30, 0],
  ])('%s %% over %s days allows exactly %s minutes', (uptime, days, minutes) => {
    expect(allowedDowntimeMinutes(uptime, days)).toBe(minutes);
    expect(allowedDowntimeHours(uptime, days)).toBeCloseTo(minutes / 60, 12);
  });

  it('99.9 % over 30 days is exactly 0.72 hours', () => {
    expect(allowedDowntimeHours(99.9, 30)).toBe(0.72);
  });
});

describe('commitmentBreach', () => {
  it('hand case: a 4-hour outage breaches 99.9 % / 30 days and earns the 99.9 band (10 %)', () => {
    const result = commitmentBreach(buildCommitment(), 4);
    expect(result).toMatchObject({
      breached: true,
      allowedDowntimeMinutes: 43.2,
      creditPercent: 10,
      credit: 2_000,
      penalty: 0,
      total: 2_000,
      windows: 1,
    });
    expect(result.achievedUptimePercent).toBeCloseTo(99.4444, 4);
  });

  it.each([
    // downtime hours, breached, credit %, credit, penalty (100/h beyond 0.72 h)
    [0, false, 0, 0, 0],
    [0.72, false, 0, 0, 0],
    [0.73, true, 10, 2_000, 1],
    [7.2, true, 10, 2_000, 648],
    [7.3, true, 25, 5_000, 658],
    [36.1, true, 50, 10_000, 3_538],
  ])('%s h down: breached %s, band %s %%', (hours, breached, percent, credit, penalty) => {
    const result = commitmentBreach(buildCommitment({ penaltyPerHour: 100 }), hours);
    expect(result.breached).toBe(breached);
    expect(result.creditPercent).toBe(percent);
    expect(result.credit).toBeCloseTo(credit, 9);
    expect(result.penalty).toBeCloseTo(penalty, 6);
  });

  it('charges every window a long outage spans', () => {
    // 40 days in 30-day windows: one window fully down (50 %), then 10 days down (50 %).
    const result = commitmentBreach(buildCommitment(), 40 * 24);
    expect(result.windows).toBe(2);
    expect(result.credit).toBe(20_000);
  });

  it('pays no credit without bands and without downtime', () => {
    expect(commitmentBreach(buildCommitment({ creditBands: [] }), 100).credit).toBe(0);
    expect(commitmentBreach(buildCommitment(), 0).total).toBe(0);
  });

  const commitment = fc.record({
    uptimePercent: fc.double({ min: 90, max: 99.999, noNaN: true }),
    windowDays: fc.integer({ min: 1, max: 90 }),
    monthlyFee: fc.double({ min: 0, max: 1e6, noNaN: true }),
    penaltyPerHour: fc.option(fc.double({ min: 0, max: 1e4, noNaN: true })),
    // Bands as validation accepts them (commitments/credit-bands.ts): a worse uptime never
    // earns less credit.
    creditBands: fc
      .array(
        fc.tuple(
          fc.double({ min: 80, max: 100, noNaN: true }),
          fc.double({ min: 0, max: 100, noNaN: true }),
        ),
        { maxLength: 4 },
      )
      .map((pairs) => {
        const below = pairs.map(([b]) => b).sort((x, y) => y - x);
        const credit = pairs.map(([, c]) => c).sort((x, y) => x - y);
        return below.map((belowPercent, i) => ({ belowPercent, creditPercent: credit[i] }));
      }),
  });
  const hours = fc.double({ min: 0, max: 5_000, noNaN: true });

  it('property: money is finite, never negative, and never falls as downtime grows', () => {
    fc.assert(
      fc.property(commitment, hours, hours, (c, a, b) => {
        const shorter = commitmentBreach(buildCommitment(c), Math.min(a, b));
        const longer = commitmentBreach(buildCommitment(c), Math.max(a, b));
        for (const r of [shorter, longer]) {
          expect(Number.isFinite(r.total) && r.total >= 0).toBe(true);
        }
        expect(longer.total).toBeGreaterThanOrEqual(shorter.total - 1e-9);
      }),
    );
  });

  it('property: a stricter uptime promise never lowers what is owed', () => {
    fc.assert(
      fc.property(commitment, fc.double({ min: 0, max: 5, noNaN: true }), hours, (c, extra, h) => {
        const loose = commitmentBreach(buildCommitment(c), h);
        const strict = commitmentBreach(
          buildCommitment({ ...c, uptimePercent: Math.min(100, c.uptimePercent + extra) }),
          h,
        );
        expect(strict.total).toBeGreaterThanOrEqual(loose.total - 1e-9);
        expect(strict.breached || !loose.breached).toBe(true);
      }),
    );
  });
});
