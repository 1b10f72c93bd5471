import type { Block, DocumentSpec, TableBlock } from '../document-spec';
import { renderPdf } from './render-pdf';
import { hostileSpec, largeSpec, sampleSpec, specWith } from './sample-specs';
import { CONTENT, PAGE } from './theme';

interface TextItem {
  str: string;
  width: number;
  /** [a, b, c, d, x, y]: x and y of the baseline start, y from the bottom of the page. */
  transform: number[];
}
type PdfParse = (
  data: Buffer,
  options: {
    pagerender: (page: { getTextContent(): Promise<{ items: TextItem[] }> }) => Promise<string>;
  },
) => Promise<{ numpages: number; info: Record<string, unknown> }>;

/* eslint-disable @typescript-eslint/no-require-imports -- the package root runs a debug script; this file has no types */
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as PdfParse;
/* eslint-enable @typescript-eslint/no-require-imports */

interface Page {
  items: TextItem[];
  text: string;
}

interface ParsedPdf {
  pages: Page[];
  info: Record<string, unknown>;
}

/** The text items of every page, through pdf.js as pdf-parse bundles it. */
async function parse(pdf: Buffer): Promise<ParsedPdf> {
  const pages: Page[] = [];
  const { numpages, info } = await pdfParse(pdf, {
    pagerender: async (page) => {
      const { items } = await page.getTextContent();
      pages.push({ items, text: items.map(({ str }) => str).join('\n') });
      return '';
    },
  });
  // pdf-parse swallows a page that fails to parse: every page must have come through.
  expect(pages).toHaveLength(numpages);
  return { pages, info };
}

/** 0-based indexes of the pages with an item that passes `test`. */
const pagesWhere = (pdf: ParsedPdf, test: (str: string) => boolean) =>
  pdf.pages.flatMap((page, i) => (page.items.some(({ str }) => test(str)) ? [i] : []));

/** 0-based indexes of the pages with an item reading exactly `text`. */
const pagesWith = (pdf: ParsedPdf, text: string) => pagesWhere(pdf, (str) => str === text);

/** pdf.js extracts U+2026 as three dots. */
const ELLIPSIS = /(…|\.\.\.)/;

const contentsHeadings = (spec: DocumentSpec) =>
  spec.blocks.flatMap((block) => (block.kind === 'heading' && block.level < 3 ? [block.text] : []));

/**
 * For every contents entry, the page number printed beside it (an item on the same baseline) and
 * the page its heading is really on (the first page after the contents with it as an item).
 */
function contentsNumbers(pdf: ParsedPdf, headings: string[], contentsPages: number[]) {
  const firstContentPage = Math.max(...contentsPages) + 1;
  return headings.map((heading) => {
    const page = contentsPages
      .map((i) => pdf.pages[i])
      .find(({ items }) => items.some(({ str }) => str === heading))!;
    const entry = page.items.find(({ str }) => str === heading)!;
    const number = page.items.find(
      ({ str, transform }) => /^\d+$/.test(str) && transform[5] === entry.transform[5],
    );
    const actual = pagesWith(pdf, heading).find((i) => i >= firstContentPage);
    return {
      heading,
      listed: Number(number?.str),
      actual: actual === undefined ? NaN : actual + 1,
    };
  });
}

const table = (rows: number, overrides: Partial<TableBlock> = {}): TableBlock => ({
  kind: 'table',
  columns: [
    { header: 'Name', width: 3, align: 'left' },
    { header: 'Notes', width: 1, align: 'left' },
    { header: 'Amount', width: 2, align: 'right' },
  ],
  rows: Array.from({ length: rows }, (_, i) => ({
    cells: [`Row ${i + 1}`, `first-${i + 1}. middle. last-${i + 1}.`, `USD ${i + 1},000`],
    tone: i % 7 === 0 ? 'bad' : 'neutral',
  })),
  emptyText: 'No rows.',
  maxLinesPerCell: 4,
  ...overrides,
});

describe('renderPdf on a board report', () => {
  const spec = sampleSpec();
  let bytes: Buffer;
  let pdf: ParsedPdf;

  beforeAll(async () => {
    bytes = await renderPdf(spec);
    pdf = await parse(bytes);
  });

  it('writes A4 pages', () => {
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toContain(`/MediaBox [0 0 ${PAGE.width} ${PAGE.height}]`);
  });

  it('embeds DejaVu Sans regular and bold and no standard font', () => {
    const raw = bytes.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\n/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\n/);
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
  });

  it('draws the text of every kind of block', () => {
    const text = pdf.pages.map((page) => page.text).join('\n');
    for (const expected of [
      'Failover plan: suspension of', // cover title, first line
      'Scenario', // cover fact label
      'Summary', // heading
      'to USD 410k.', // paragraph (its last line)
      'Simulated with 10,000 runs; recovery times drawn from PERT distributions.', // note
      'USD 1,234,567', // key figure value
      'Recovery within RTO', // key figure label
      'Invoke the suspension clause in the Acme AI contract: 30 % of the annual fee is refundable.',
      'Support assistant 40', // table cell
      'USD 493,800', // right-aligned table cell
      'Loss exceedance curve', // line chart title
      'Risk appetite', // marker label
      'Total loss over the scenario', // x axis label
      '100 %', // y tick: percent values are fractions
      'USD 4M', // x tick
      'Expected loss by vendor: now and at the last snapshot', // bar chart title
      'Last snapshot', // legend
      'USD 340k', // bar value label
      'Dependencies by likelihood and impact', // heat map title
      'Almost certain', // heat map row label
      'Every dependency has an assessment.', // empty table
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('renders Greek and Cyrillic text as such', () => {
    expect(pagesWith(pdf, 'Ελληνικά μοντέλα')).toHaveLength(1);
    expect(pagesWith(pdf, 'Кириллица ассистент')).toHaveLength(1);
    expect(pagesWith(pdf, 'Greek and Cyrillic names').length).toBeGreaterThan(0);
  });

  it('lists every level 1 and 2 heading in the contents with the page it is on', () => {
    const headings = contentsHeadings(spec);
    expect(pdf.pages[1].text).toContain('Contents');
    const numbers = contentsNumbers(pdf, headings, [1]);
    expect(numbers).toHaveLength(8);
    for (const { heading, listed, actual } of numbers) {
      expect({ heading, listed }).toEqual({ heading, listed: actual });
    }
    // Level 3 headings stay out of the contents.
    expect(pdf.pages[1].text).not.toContain('Not yet assessed');
  });

  it('links each contents entry to a named destination and adds bookmarks', () => {
    const raw = bytes.toString('latin1');
    const headings = contentsHeadings(spec);
    expect(raw.match(/\/S \/GoTo/g)).toHaveLength(headings.length);
    for (let i = 1; i <= headings.length; i++) expect(raw).toContain(`(heading-${i})`);
    expect(raw).toContain('/Outlines');
    for (const heading of headings) expect(raw).toContain(`/Title (${heading})`);
  });

  it('numbers every page but the cover in the footer, counting the cover', () => {
    const count = pdf.pages.length;
    expect(count).toBe(9);
    expect(pdf.pages[0].text).not.toMatch(/Page \d+ of/);
    pdf.pages.slice(1).forEach((page, i) => {
      expect(page.text).toContain(`Page ${i + 2} of ${count}`);
      expect(page.text).toContain('Northwind Ltd - Failover plan');
    });
  });

  it('starts a level 1 heading at the top of a page', () => {
    for (const heading of ['Summary', 'Dependencies', 'Plan']) {
      const [page] = pagesWith(pdf, heading).filter((i) => i > 1);
      expect(pdf.pages[page].items[0].str).toBe(heading);
    }
  });

  it('sets the metadata from the spec, dates from createdAt', () => {
    expect(pdf.info).toMatchObject({
      Title: 'Northwind Ltd - Failover plan',
      Author: 'AI Continuity Planner',
      Subject: 'Regulatory suspension of a primary AI vendor',
      CreationDate: 'D:20250314093000Z',
      ModDate: 'D:20250314093000Z',
      Producer: 'AI Continuity Planner',
    });
    expect(bytes.toString('latin1')).toContain('/Lang (en)');
  });
});

describe('renderPdf layout', () => {
  it('repeats the header of a long table on every page and never splits a row', async () => {
    const pdf = await parse(await renderPdf(specWith([table(150)])));
    const rowPages = pdf.pages.flatMap((page, i) =>
      page.items.some(({ str }) => str.startsWith('Row ')) ? [i] : [],
    );
    expect(rowPages.length).toBeGreaterThan(2);
    for (const i of rowPages) expect(pagesWith(pdf, 'Amount')).toContain(i);
    for (let row = 1; row <= 150; row++) {
      // The wrapped cell's first and last lines land on the row's page.
      const [page] = pagesWith(pdf, `Row ${row}`);
      expect(pagesWhere(pdf, (str) => str.startsWith(`first-${row}.`))).toEqual([page]);
      expect(pagesWhere(pdf, (str) => str.endsWith(`last-${row}.`))).toEqual([page]);
    }
  });

  it('cuts a cell at maxLinesPerCell lines with an ellipsis', async () => {
    const long = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    const block = table(1, {
      rows: [{ cells: ['a', long, 'b'], tone: 'good' }],
      maxLinesPerCell: 2,
    });
    const pdf = await parse(await renderPdf(specWith([block])));
    const lines = pdf.pages[1].items.filter(({ str }) => str.startsWith('word'));
    expect(lines).toHaveLength(2);
    expect(lines[1].str).toMatch(ELLIPSIS);
  });

  it('sets a header smaller rather than break a word in a narrow column', async () => {
    const block = table(2, {
      columns: [
        { header: 'Vendor or jurisdiction', width: 6, align: 'left' },
        { header: 'Dependencies', width: 1, align: 'right' },
        { header: 'Share', width: 1, align: 'right' },
      ],
    });
    const pdf = await parse(await renderPdf(specWith([block])));
    expect(pagesWith(pdf, 'Dependencies')).toEqual([1]);
  });

  it('prints the empty text of a table without rows and of an empty chart', async () => {
    const pdf = await parse(
      await renderPdf(
        specWith([
          table(0, { emptyText: 'Nothing registered yet.' }),
          {
            kind: 'barChart',
            title: 'Losses',
            categories: ['a'],
            series: [{ name: 's', values: [0] }],
            format: { style: 'percent' },
            emptyText: 'No losses.',
          },
        ]),
      ),
    );
    expect(pdf.pages[1].text).toContain('Nothing registered yet.');
    expect(pdf.pages[1].text).toContain('No losses.');
  });

  it('keeps a heading on the page of the block that follows it', async () => {
    const filler: Block = { kind: 'paragraph', style: 'body', text: 'Filler line.\n'.repeat(48) };
    const spec = specWith([
      filler,
      { kind: 'heading', level: 2, text: 'Kept heading' },
      sampleSpec().blocks.find(({ kind }) => kind === 'barChart')!,
    ]);
    const pdf = await parse(await renderPdf(spec));
    const [headingPage] = pagesWith(pdf, 'Kept heading').filter((i) => i > 1);
    expect(pdf.pages[headingPage].text).toContain('Expected loss by vendor');
    expect(pdf.pages[headingPage - 1].text).toContain('Filler line.');
  });

  it('leaves no blank page for page breaks in a row, at the start or the end, or empty blocks', async () => {
    const spec: DocumentSpec = {
      ...specWith([
        { kind: 'pageBreak' },
        { kind: 'paragraph', style: 'body', text: 'First page.' },
        { kind: 'pageBreak' },
        { kind: 'pageBreak' },
        { kind: 'bullets', items: [] },
        { kind: 'keyFigures', items: [] },
        { kind: 'paragraph', style: 'body', text: '  ' },
        { kind: 'paragraph', style: 'body', text: 'Second page.' },
        { kind: 'pageBreak' },
      ]),
    };
    const pdf = await parse(await renderPdf(spec));
    expect(pdf.pages.map(({ text }) => text.split('\n')[0])).toEqual([
      expect.any(String),
      'First page.',
      'Second page.',
    ]);
  });

  it('spreads a long contents over several reserved pages, numbers still right', async () => {
    const spec = largeSpec(60);
    const pdf = await parse(await renderPdf(spec));
    const contentsPages = [1, 2];
    expect(pdf.pages[2].text).not.toContain('Overview');
    expect(pdf.pages[3].items[0].str).toBe('Overview');
    const numbers = contentsNumbers(pdf, contentsHeadings(spec), contentsPages);
    expect(numbers).toHaveLength(62);
    for (const { heading, listed, actual } of numbers) {
      expect({ heading, listed }).toEqual({ heading, listed: actual });
    }
    const count = pdf.pages.length;
    pdf.pages
      .slice(1)
      .forEach((page, i) => expect(page.text).toContain(`Page ${i + 2} of ${count}`));
  });

  it('shows the largest 25 of very many bar categories and says how many are left out', async () => {
    const categories = Array.from({ length: 60 }, (_, i) => `Vendor ${i + 1}`);
    const pdf = await parse(
      await renderPdf(
        specWith([
          {
            kind: 'barChart',
            title: 'Many vendors',
            categories,
            series: [{ name: 'Loss', values: categories.map((_, i) => i + 1) }],
            format: { style: 'money', currency: 'EUR' },
            emptyText: '',
          },
        ]),
      ),
    );
    const shown = categories.filter((name) => pagesWith(pdf, name).length > 0);
    expect(shown).toEqual(categories.slice(35));
    expect(pdf.pages[1].text).toContain('35 more categories not shown (the smallest by total).');
  });
});

describe('renderPdf on hostile input', () => {
  let pdf: ParsedPdf;
  let text: string;

  beforeAll(async () => {
    pdf = await parse(await renderPdf(hostileSpec()));
    text = pdf.pages.map((page) => page.text).join('\n');
  });

  it('still gives a parseable document with a footer on every page but the cover', () => {
    expect(pdf.pages.length).toBeGreaterThan(5);
    pdf.pages.slice(1).forEach((page, i) => {
      expect(page.text).toMatch(new RegExp(`surrogate ${i + 2}\\b`));
    });
  });

  it('keeps all text inside the margins: long words wrapped or cut', () => {
    for (const page of pdf.pages) {
      for (const { str, width, transform } of page.items) {
        const [, , , , x, y] = transform;
        const where = `${str.slice(0, 40)} at ${x},${y}`;
        expect({ where, inside: x >= CONTENT.left - 0.5 }).toEqual({ where, inside: true });
        expect({ where, inside: x + width <= CONTENT.right + 0.5 }).toEqual({
          where,
          inside: true,
        });
        expect({ where, inside: y > 0 && y < PAGE.height - CONTENT.top }).toEqual({
          where,
          inside: true,
        });
      }
    }
  });

  it('cuts a long heading at three lines with an ellipsis', () => {
    const [page] = pagesWhere(pdf, (str) => str.startsWith('Dependency xxx')).filter((i) => i > 1);
    const lines = pdf.pages[page].items.slice(0, 3).map(({ str }) => str);
    expect(lines[0]).toMatch(/^Dependency x+$/);
    expect(lines[1]).toMatch(/^x+$/);
    expect(lines[2]).toMatch(new RegExp(`^x+${ELLIPSIS.source}$`));
  });

  it('drops control characters and replaces a lone surrogate', () => {
    expect(text).toContain('bell nul esc override reversed lone\ufffd surrogate');
    // U+0000 is left out: pdfkit maps the glyph for characters the font lacks to it.
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(text).not.toMatch(/[\u0001-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
  });

  it('renders Greek and Cyrillic next to scripts the font lacks', () => {
    expect(text).toContain('Ελληνικά Кириллица');
  });

  it('falls back to the epoch for an unparseable date and to "und" for a bad language tag', async () => {
    expect(pdf.info.CreationDate).toBe('D:19700101000000Z');
    expect((await renderPdf(hostileSpec())).toString('latin1')).toContain('/Lang (und)');
  });
});

describe('renderPdf edge cases', () => {
  it('renders a spec without blocks as a cover alone', async () => {
    const pdf = await parse(await renderPdf(specWith([])));
    expect(pdf.pages).toHaveLength(1);
    expect(pdf.pages[0].text).toContain('Board report for Northwind Ltd');
  });

  it('leaves the contents out when its heading is null', async () => {
    const pdf = await parse(await renderPdf({ ...sampleSpec(), tableOfContentsHeading: null }));
    expect(pdf.pages[1].items[0].str).toBe('Summary');
    expect(pdf.pages.every(({ text }) => !text.includes('Contents'))).toBe(true);
  });

  it('gives the same bytes for the same spec, whatever the clock says', async () => {
    jest.useFakeTimers({
      now: new Date('2030-01-01T00:00:00Z'),
      doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'],
    });
    const first = await renderPdf(sampleSpec());
    jest.setSystemTime(new Date('2031-06-15T12:00:00Z'));
    const second = await renderPdf(sampleSpec());
    jest.useRealTimers();
    expect(second.equals(first)).toBe(true);
    const other = await renderPdf({ ...sampleSpec(), createdAt: '2025-03-15T00:00:00Z' });
    expect(other.equals(first)).toBe(false);
  });
});
