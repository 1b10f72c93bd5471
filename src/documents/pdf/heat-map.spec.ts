import { cellColor } from './heat-map';

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

describe('cellColor', () => {
  it('runs from green at the bottom left to red at the top right', () => {
    const [r1, g1] = rgb(cellColor(4, 5, 0, 5, false));
    const [r2, g2] = rgb(cellColor(0, 5, 4, 5, false));
    expect(g1).toBeGreaterThan(r1);
    expect(r2).toBeGreaterThan(g2);
  });

  it('colours cells at the same severity alike, whatever the corner', () => {
    expect(cellColor(0, 5, 0, 5, false)).toBe(cellColor(4, 5, 4, 5, false));
  });

  it('pales empty cells', () => {
    const full = rgb(cellColor(0, 5, 4, 5, false));
    const empty = rgb(cellColor(0, 5, 4, 5, true));
    empty.forEach((channel, i) => expect(channel).toBeGreaterThan(full[i]));
  });

  it('copes with a single row or column', () => {
    expect(cellColor(0, 1, 0, 1, false)).toMatch(/^#[0-9a-f]{6}$/);
  });
});
