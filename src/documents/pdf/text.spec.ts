import { cleanLine, cleanText, ELLIPSIS, truncate, withEllipsis, wrapText } from './text';

/** Every character one point wide: widths are lengths. */
const measure = (text: string) => Array.from(text).length;

describe('cleanLine', () => {
  it('turns line breaks and tabs into single spaces and trims', () => {
    expect(cleanLine('  a\r\nb\tc\n\n d\u2028e  ')).toBe('a b c d e');
  });

  it('drops C0 and C1 controls and bidi overrides, keeps letters of any script', () => {
    expect(cleanLine('a\u0000b\u0007c\u001bd\u0085e\u202ef\u200bg\u0090h')).toBe('abcd efgh');
    expect(cleanLine('Ελληνικά Кириллица')).toBe('Ελληνικά Кириллица');
  });

  it('replaces lone surrogates and keeps pairs', () => {
    expect(cleanLine('a\ud800b\udc00c')).toBe('a\ufffdb\ufffdc');
    expect(cleanLine('x😀y')).toBe('x😀y');
  });

  it('treats a non-string as empty', () => {
    expect(cleanLine(undefined)).toBe('');
    expect(cleanLine(42)).toBe('');
  });

  it('cuts a very long string with an ellipsis', () => {
    const cleaned = cleanLine('x'.repeat(50_000));
    expect(cleaned.length).toBe(20_001);
    expect(cleaned.endsWith(ELLIPSIS)).toBe(true);
  });
});

describe('cleanText', () => {
  it('keeps paragraphs, at most one blank line between them', () => {
    expect(cleanText('one\r\ntwo\n\n\n\nthree  four\u0007')).toBe('one\ntwo\n\nthree four');
  });
});

describe('truncate', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(truncate('😀😀😀', 2)).toBe(`😀😀${ELLIPSIS}`);
    expect(truncate('abc', 3)).toBe('abc');
  });
});

describe('wrapText', () => {
  it('breaks at spaces within the width', () => {
    expect(wrapText('aaa bbb ccc', 7, measure)).toEqual(['aaa bbb', 'ccc']);
  });

  it('starts a new line at each line break, keeping blank lines', () => {
    expect(wrapText('a\n\nb', 10, measure)).toEqual(['a', '', 'b']);
  });

  it('breaks a word wider than a line between characters', () => {
    expect(wrapText('abcdefghij', 4, measure)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('wraps a 10,000-character word into lines no wider than the width', () => {
    const lines = wrapText('x'.repeat(10_000), 80, measure);
    expect(lines).toHaveLength(125);
    expect(lines.every((line) => measure(line) <= 80)).toBe(true);
  });

  it('never breaks inside a grapheme cluster', () => {
    const lines = wrapText('ae\u0301'.repeat(6), 4, measure);
    expect(lines.join('')).toBe('ae\u0301'.repeat(6));
    expect(lines.some((line) => line.startsWith('\u0301'))).toBe(false);
  });

  it('continues a long word on the current line', () => {
    const word = 'y'.repeat(100);
    expect(wrapText(`ab ${word}`, 60, measure)).toEqual([`ab ${'y'.repeat(57)}`, 'y'.repeat(43)]);
  });

  it('cuts at maxLines with an ellipsis that fits', () => {
    expect(wrapText('aaa bbb ccc ddd', 7, measure, 2)).toEqual(['aaa bbb', 'ccc ddd']);
    expect(wrapText('aaa bbb ccc ddd eee', 7, measure, 2)).toEqual([
      'aaa bbb',
      `ccc dd${ELLIPSIS}`,
    ]);
    const long = wrapText('z'.repeat(10_000), 10, measure, 3);
    expect(long).toEqual(['z'.repeat(10), 'z'.repeat(10), `${'z'.repeat(9)}${ELLIPSIS}`]);
  });

  it('gives one empty line for empty text and treats a bad limit as one line', () => {
    expect(wrapText('', 10, measure)).toEqual(['']);
    expect(wrapText('a b c', 3, measure, Number.NaN)).toEqual([`a${ELLIPSIS}`]);
  });

  it('always makes progress, even narrower than a character', () => {
    expect(wrapText('abc', 0.5, measure)).toEqual(['a', 'b', 'c']);
  });
});

describe('withEllipsis', () => {
  it('shortens until the text and the ellipsis fit', () => {
    expect(withEllipsis('abcdefgh', 5, measure)).toBe(`abcd${ELLIPSIS}`);
    expect(withEllipsis('ab  cd', 4, measure)).toBe(`ab${ELLIPSIS}`);
  });
});
