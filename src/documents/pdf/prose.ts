/** Headings, paragraphs and bullet lists: text that flows down the page and onto the next. */
import type { BulletsBlock, HeadingBlock, ParagraphBlock } from '../document-spec';
import type { Contents } from './contents';
import { drawLine, drawLines, type Flow, wrap } from './layout';
import { cleanLine, cleanText } from './text';
import { COLOR, CONTENT, GAP, TEXT, type TextStyle } from './theme';

/** Longer headings (hostile names end up in them) are cut with an ellipsis. */
const HEADING_MAX_LINES = 3;
/** Body space a heading needs below it, or both move to the next page: never alone at the foot. */
const KEEP_WITH_NEXT = 3 * TEXT.body.leading;

/** Per level: style, extra space above (besides the previous block's gap) and below. */
const HEADINGS = {
  1: { style: TEXT.heading1, above: 0, below: 10 },
  2: { style: TEXT.heading2, above: 8, below: 4 },
  3: { style: TEXT.heading3, above: 4, below: 2 },
} as const;

const BULLET_INDENT = 12;
const BULLET_RADIUS = 1.6;
const BULLET_ITEM_GAP = 2;

/**
 * Level 1 starts a new page; levels 1 and 2 are recorded in `contents`. Drawn with the start of
 * the next block (see `Flow.keepWithNext`).
 */
export function drawHeading(flow: Flow, block: HeadingBlock, contents: Contents): void {
  const level = block.level === 1 || block.level === 2 ? block.level : 3;
  const { style, above, below } = HEADINGS[level];
  const { doc } = flow;
  const text = cleanLine(block.text);
  const lines = wrap(doc, text, style, CONTENT.width, HEADING_MAX_LINES);
  const height = lines.length * style.leading + below;

  if (level === 1) flow.breakPage();
  flow.keepWithNext(above + height, KEEP_WITH_NEXT, () => {
    flow.space(above);
    if (level !== 3) contents.add(level, text, flow.pageNumber, flow.y);
    drawLines(doc, lines, style, CONTENT.left, flow.y);
    flow.y += lines.length * style.leading;
    if (level === 1) {
      doc
        .moveTo(CONTENT.left, flow.y + 3)
        .lineTo(CONTENT.right, flow.y + 3)
        .lineWidth(1)
        .strokeColor(COLOR.rule)
        .stroke();
    }
    flow.y += below;
  });
}

/** Lines of `style`, each on the page where it fits. */
function flowLines(flow: Flow, lines: string[], style: TextStyle, x: number): void {
  for (const line of lines) {
    flow.reserve(style.leading);
    drawLine(flow.doc, line, style, x, flow.y);
    flow.y += style.leading;
  }
}

export function drawParagraph(flow: Flow, block: ParagraphBlock): void {
  const text = cleanText(block.text);
  if (text === '') return;
  const style = block.style === 'note' ? TEXT.note : TEXT.body;
  flowLines(flow, wrap(flow.doc, text, style, CONTENT.width), style, CONTENT.left);
  flow.y += GAP.block;
}

/** A small grey line of text, e.g. a table's or chart's empty text. */
export function drawNote(flow: Flow, value: string): void {
  drawParagraph(flow, { kind: 'paragraph', style: 'note', text: value });
}

export function drawBullets(flow: Flow, block: BulletsBlock): void {
  const { doc } = flow;
  const style = TEXT.body;
  const items = (Array.isArray(block.items) ? block.items : [])
    .map(cleanText)
    .filter((item) => item !== '');
  if (items.length === 0) return;
  for (const item of items) {
    const [first, ...rest] = wrap(doc, item, style, CONTENT.width - BULLET_INDENT);
    flow.reserve(style.leading);
    doc
      .circle(CONTENT.left + 4, flow.y + style.leading / 2, BULLET_RADIUS)
      .fillColor(COLOR.accent)
      .fill();
    drawLine(doc, first, style, CONTENT.left + BULLET_INDENT, flow.y);
    flow.y += style.leading;
    flowLines(flow, rest, style, CONTENT.left + BULLET_INDENT);
    flow.y += BULLET_ITEM_GAP;
  }
  flow.y += GAP.block - BULLET_ITEM_GAP;
}
