// Small layout arithmetic: which slice of a list fits, how many lines a text takes, pane widths. Widths are
// terminal cells (report/format.ts): a wide character takes two.
import { cells, splitCells } from '../report/format.ts';

/** The first index of a window of `height` rows over `count` rows that keeps `selected` inside, centred when it can. */
export function windowStart(selected: number, count: number, height: number): number {
  if (count <= height) return 0;
  const ideal = selected - Math.floor(height / 2);
  return Math.max(0, Math.min(count - height, ideal));
}

/** A run of text with one style. */
export interface Span {
  readonly text: string;
  readonly color?: string | undefined;
  readonly bold?: boolean;
  readonly dim?: boolean;
}

/**
 * Word-wraps styled text at `width` columns: greedy, breaking at spaces (which are dropped at the break, so no line
 * starts with one), splitting only words longer than a line. Each line is a list of spans.
 */
export function wrapSpans(spans: readonly Span[], width: number): Span[][] {
  const w = Math.max(1, width);
  const lines: Span[][] = [];
  let line: Span[] = [];
  let used = 0;
  let pendingSpace: Span | null = null;
  const push = (piece: Span) => {
    const last = line.at(-1);
    if (last && last.color === piece.color && last.bold === piece.bold && last.dim === piece.dim)
      line[line.length - 1] = { ...last, text: last.text + piece.text };
    else line.push(piece);
    used += cells(piece.text);
  };
  const breakLine = () => {
    lines.push(line);
    line = [];
    used = 0;
    pendingSpace = null;
  };
  for (const span of spans) {
    for (const token of span.text.split(/( +)/)) {
      if (token === '') continue;
      if (token.startsWith(' ')) {
        if (used > 0) pendingSpace = { ...span, text: token };
        continue;
      }
      let word = token;
      const space: Span | null = pendingSpace;
      const spaceWidth = space ? cells((space as Span).text) : 0;
      if (used > 0 && used + spaceWidth + cells(word) > w) breakLine();
      else if (space) push(space);
      pendingSpace = null;
      while (cells(word) > w) {
        if (used > 0) breakLine();
        const [head, rest] = splitCells(word, w);
        push({ ...span, text: head });
        breakLine();
        word = rest;
      }
      if (word) push({ ...span, text: word });
    }
  }
  if (line.length) lines.push(line);
  return lines.length ? lines : [[]];
}

/**
 * How many of `count` list rows fit in `rows`: all when they do, else one row fewer and a "+N more" row, so the
 * list never takes more than `rows`.
 */
export function fitList(count: number, rows: number): { readonly shown: number; readonly more: number } {
  if (count <= rows) return { shown: count, more: 0 };
  const shown = Math.max(0, rows - 1);
  return { shown, more: count - shown };
}

/**
 * Rows for two stacked sections (each a title row and its items) in `rows`: the first gets at least half when both
 * are long, and whatever the second leaves; the second the rest. A section with no items takes no row.
 */
export function splitRows(first: number, second: number, rows: number): readonly [number, number] {
  const a = first ? first + 1 : 0;
  const b = second ? second + 1 : 0;
  if (a + b <= rows) return [a, b];
  const firstRows = Math.min(a, Math.max(Math.ceil(rows / 2), rows - b));
  return [firstRows, rows - firstRows];
}
