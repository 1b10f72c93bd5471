/** How amounts, shares and durations are written in documents (English, unambiguous). */

const whole = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const cents = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

const finite = (x: number) => (Number.isFinite(x) ? x : 0);

/** `USD 12,345`; below 100 with cents (`USD 43.20`); negative as `-USD 5`. */
export function money(amount: number, currency: string): string {
  const x = finite(amount);
  const abs = Math.abs(x);
  const digits = abs < 100 && abs !== Math.round(abs) ? cents : whole;
  return `${x < 0 ? '-' : ''}${currency} ${digits.format(abs)}`;
}

/** A difference with its sign: `+USD 1,200`, `-USD 300`, `USD 0`. */
export function signedMoney(amount: number, currency: string): string {
  const x = finite(amount);
  return x > 0 ? `+${money(x, currency)}` : money(x, currency);
}

/** A fraction as a percentage: 0.123 -> `12.3 %`; tiny non-zero values as `< 0.1 %`. */
export function percent(fraction: number): string {
  const p = finite(fraction) * 100;
  if (p > 0 && p < 0.05) return '< 0.1 %';
  return `${oneDecimal.format(p)} %`;
}

/** Hours, with days added from 48 h: `4 h`, `3.5 h`, `96 h (4 days)`. */
export function hours(h: number): string {
  const x = Math.max(0, finite(h));
  const text = `${oneDecimal.format(x)} h`;
  return x >= 48 ? `${text} (${oneDecimal.format(x / 24)} days)` : text;
}

/** Hours alone, for tight spaces (key figures): `84 h`. */
export function shortHours(h: number): string {
  return `${oneDecimal.format(Math.max(0, finite(h)))} h`;
}

/** A plain count or size: `1,234`, `1.5`. */
export function amount(x: number): string {
  return oneDecimal.format(finite(x));
}

/** `2026-11-23 14:05 UTC` from an ISO timestamp. */
export function timestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `2026-11-23` from an ISO timestamp. */
export function day(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 10);
}
