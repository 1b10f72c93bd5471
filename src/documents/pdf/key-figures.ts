/** Key figures: boxes of up to four per row, a small label over a big value in its tone's colour. */
import type { KeyFiguresBlock } from '../document-spec';
import { type Doc, drawLine, drawLines, fitLine, type Flow, measurer, wrap } from './layout';
import { cleanLine } from './text';
import { COLOR, CONTENT, GAP, TEXT, TONE_COLOR, type TextStyle, toneColor } from './theme';

const PER_ROW = 4;
const BOX_GAP = 8;
const PADDING = 8;
const EDGE_WIDTH = 3;
const LABEL_MAX_LINES = 2;
const LABEL_VALUE_GAP = 2;
/** A value too wide for its box is set smaller, down to this size, before it is cut. */
const MIN_VALUE_SIZE = 10;
/** Longer values would not fit at any size: they are cut without trying. */
const MAX_SHRINKABLE_LENGTH = 40;

export function drawKeyFigures(flow: Flow, block: KeyFiguresBlock): void {
  const { doc } = flow;
  const items = Array.isArray(block.items) ? block.items : [];
  if (items.length === 0) return;
  const columns = Math.min(PER_ROW, items.length);
  const boxWidth = (CONTENT.width - BOX_GAP * (columns - 1)) / columns;
  const textWidth = boxWidth - EDGE_WIDTH - 2 * PADDING;

  for (let start = 0; start < items.length; start += PER_ROW) {
    const boxes = items.slice(start, start + PER_ROW).map(({ label, value, tone }) => ({
      label: wrap(doc, cleanLine(label), TEXT.figureLabel, textWidth, LABEL_MAX_LINES),
      value: fitValue(doc, cleanLine(value), textWidth),
      // A neutral value reads in the heading colour; the edge still shows the tone.
      color: toneColor(tone) === TONE_COLOR.neutral ? COLOR.heading : toneColor(tone),
      edge: toneColor(tone),
    }));
    const labelHeight =
      Math.max(...boxes.map((box) => box.label.length)) * TEXT.figureLabel.leading;
    const height = 2 * PADDING + labelHeight + LABEL_VALUE_GAP + TEXT.figureValue.leading;
    flow.reserve(height);
    boxes.forEach((box, i) => {
      const x = CONTENT.left + i * (boxWidth + BOX_GAP);
      const textX = x + EDGE_WIDTH + PADDING;
      doc.rect(x, flow.y, boxWidth, height).fillColor(COLOR.panel).fill();
      doc.rect(x, flow.y, EDGE_WIDTH, height).fillColor(box.edge).fill();
      drawLines(doc, box.label, TEXT.figureLabel, textX, flow.y + PADDING);
      const valueY = flow.y + PADDING + labelHeight + LABEL_VALUE_GAP;
      drawLine(doc, box.value.text, { ...box.value.style, color: box.color }, textX, valueY);
    });
    flow.y += height + BOX_GAP;
  }
  flow.y += GAP.block - BOX_GAP;
}

/** The value at the largest size from the figure style's down to MIN_VALUE_SIZE that fits. */
function fitValue(doc: Doc, value: string, width: number): { text: string; style: TextStyle } {
  let style: TextStyle = TEXT.figureValue;
  const shrinkable = value.length <= MAX_SHRINKABLE_LENGTH;
  while (shrinkable && style.size > MIN_VALUE_SIZE && measurer(doc, style)(value) > width) {
    style = { ...style, size: Math.max(MIN_VALUE_SIZE, style.size - 1) };
  }
  return { text: fitLine(doc, value, style, width), style };
}
