import { columnWidths } from './table';
import { CONTENT } from './theme';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('columnWidths', () => {
  it('shares the content width in proportion', () => {
    const widths = columnWidths([{ width: 3 }, { width: 1 }]);
    expect(widths[0]).toBeCloseTo((CONTENT.width * 3) / 4);
    expect(sum(widths)).toBeCloseTo(CONTENT.width);
  });

  it('counts a width that is not a positive number as 1', () => {
    const widths = columnWidths([{ width: Number.NaN }, { width: -5 }, { width: 1 }]);
    expect(widths[0]).toBeCloseTo(widths[2]);
    expect(widths[1]).toBeCloseTo(widths[2]);
  });

  it('gives every column room for text, taken from the wide ones', () => {
    const widths = columnWidths([{ width: 1 }, { width: 1e9 }, { width: 1 }]);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(24);
    expect(sum(widths)).toBeCloseTo(CONTENT.width);
  });
});
