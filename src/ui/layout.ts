// Small layout arithmetic: which slice of a list fits, how many lines a text takes, pane widths. Widths are
// terminal cells (report/format.ts): a wide character takes two.
import { cells, splitCells } from '../report/format.ts';

/** The first index of a window of `height` rows over `count` rows that keeps `selected` inside, centred when it can. */
export function windowStart(selected: number, count: number, height: number): number {
  if (count <= height) return 0;
  const ideal = selected - Math.floor(height / 2);
  return Math.max(0, Math.min(count - height, ideal));
}

/**
 * The window [start, end) of a list of entries `heights` rows tall that fits `rows` rows and shows the entries
 * `from`..`at` (the selected one and, say, its heading), with about as many rows above them as below when it can.
 */
export function rowWindow(
  heights: readonly number[],
  from: number,
  at: number,
  rows: number,
): { readonly start: number; readonly end: number } {
  let start = from;
  let end = at + 1;
  let used = heights.slice(from, end).reduce((a, b) => a + b, 0);
  const above = Math.floor((rows - used) / 2);
  let over = 0;
  while (start > 0 && over + heights[start - 1]! <= above) {
    start--;
    over += heights[start]!;
  }
  used += over;
  while (end < heights.length && used + heights[end]! <= rows) used += heights[end++]!;
  // at the end of the list, the rows left over go above
  while (start > 0 && used + heights[start - 1]! <= rows) used += heights[--start]!;
  return { start, end };
}

/** A run of text with one style. */
export interface Span {
  readonly text: string;
  readonly color?: string | undefined;
  readonly bold?: boolean;
  readonly dim?: boolean;
  /**
   * When the text must be cut to fit (fitSpans): 'never' — a basis mark, a number, a date; 'first' — an aside, cut
   * before anything else; 'last' — source keys, cut only after the prose. Unmarked spans are prose, cut to their
   * first two words.
   */
  readonly give?: 'never' | 'first' | 'last';
}

/**
 * Word-wraps styled text at `width` columns: greedy, breaking at spaces (which are dropped at the break, so no line
 * starts with one), splitting only words longer than a line. A word that runs on from one span into the next with no
 * space between ("[assumption]" then "; costs…") moves to the next line whole. Each line is a list of spans.
 */
export function wrapSpans(spans: readonly Span[], width: number): Span[][] {
  const w = Math.max(1, width);
  // the words, each the pieces of one or more spans with no space between, and the space before it
  const words: { pieces: Span[]; space: Span | null }[] = [];
  let pendingSpace: Span | null = null;
  let joined = false;
  for (const span of spans) {
    for (const token of span.text.split(/( +)/)) {
      if (token === '') continue;
      if (token.startsWith(' ')) {
        pendingSpace = { ...span, text: token };
        joined = false;
      } else if (joined) words.at(-1)!.pieces.push({ ...span, text: token });
      else {
        words.push({ pieces: [{ ...span, text: token }], space: pendingSpace });
        pendingSpace = null;
        joined = true;
      }
    }
  }
  const lines: Span[][] = [];
  let line: Span[] = [];
  let used = 0;
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
  };
  for (const { pieces, space } of words) {
    const wordWidth = pieces.reduce((n, p) => n + cells(p.text), 0);
    const spaceWidth = space ? cells(space.text) : 0;
    if (used > 0 && used + spaceWidth + wordWidth > w) breakLine();
    else if (used > 0 && space) push(space);
    if (wordWidth <= w) {
      for (const piece of pieces) push(piece);
      continue;
    }
    // longer than a line: split where the line ends
    if (used > 0) breakLine();
    for (const piece of pieces) {
      let text = piece.text;
      while (used + cells(text) > w) {
        if (used >= w) breakLine();
        const [head, rest] = splitCells(text, w - used);
        push({ ...piece, text: head });
        breakLine();
        text = rest;
      }
      if (text) push({ ...piece, text });
    }
  }
  if (line.length) lines.push(line);
  return lines.length ? lines : [[]];
}

/**
 * `spans` wrapped at `width` in at most `maxLines` lines, cut in their words so that what a text rests on stays
 * whole: asides (give 'first') go first, then the prose, from its end, down to its first two words, then source keys
 * (give 'last'), then the rest of the prose; a span marked 'never' is not cut. A cut ends in …: "red line: Any
 * response by… [reading] [s89, s90]". Only when that is not enough are the lines cut, as Wrapped cuts any text.
 */
export function fitSpans(spans: readonly Span[], width: number, maxLines: number): Span[][] {
  const rows = Math.max(1, maxLines);
  let parts = [...spans];
  const done = new Set<number>(parts.flatMap((s, k) => (s.give === 'never' || !s.text.trim() ? [k] : [])));
  // prose down to its first two words, waiting for the source keys to go before the rest of it
  const waiting = new Set<number>();
  const rank = (k: number) => {
    const give = parts[k]!.give;
    return give === 'first' ? 0 : give === 'last' ? 2 : waiting.has(k) ? 3 : 1;
  };
  // the lines without the …s that stand for spans given way whole
  const withoutMarks = () =>
    wrapSpans(
      parts.map((p, j) => (done.has(j) && p.text === ' …' && p.give !== 'never' ? { ...p, text: '' } : p)),
      width,
    );
  let lines = wrapSpans(parts, width);
  while (lines.length > rows) {
    let k = -1;
    for (let j = 0; j < parts.length; j++) if (!done.has(j) && (k < 0 || rank(j) <= rank(k))) k = j;
    if (k < 0) break;
    // before the source keys or the prose's first words give way, the …s of what went before
    if (rank(k) >= 2) {
      const bare = withoutMarks();
      if (bare.length <= rows) return bare;
    }
    const span = parts[k]!;
    const body = span.text.replace(/…$/, '').trimEnd();
    const words = body.trim().split(/ +/).length;
    const floor = rank(k) === 1 ? 2 : 0;
    if (words <= Math.max(1, floor)) {
      if (floor > 0) {
        waiting.add(k);
        continue;
      }
      done.add(k);
      // down to a word, a span gives way whole, to a … unless the text before it already ends in one
      const before = parts
        .slice(0, k)
        .map((p) => p.text)
        .join('')
        .trimEnd();
      parts = parts.map((p, j) => (j === k ? { ...p, text: before.endsWith('…') ? '' : ' …' } : p));
    } else {
      const text = `${body.slice(0, body.lastIndexOf(' ')).trimEnd()}…`;
      parts = parts.map((p, j) => (j === k ? { ...p, text } : p));
    }
    lines = wrapSpans(parts, width);
  }
  if (lines.length <= rows) return lines;
  const bare = withoutMarks();
  if (bare.length <= rows) return bare;
  // what must stay does not fit: cut at the last line shown, as Wrapped cuts any text
  const shown = lines.slice(0, rows);
  shown[rows - 1] = [...shown[rows - 1]!, { text: '…' }];
  return shown;
}

/** `text` cut to `width` columns, ending in … when cut. */
function truncateEnd(text: string, width: number): string {
  const chars = Array.from(text);
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

/**
 * The leading parts that fit in `width` columns together, joined by " · ": a part that does not fit is left out
 * whole rather than cut mid-number ("23,7…"); the first alone is cut, with …, when even it does not fit. Given
 * `more`, the parts left out are counted at the end ("+2 more"), which takes the place of as many parts as it needs.
 */
export function fitParts(parts: readonly string[], width: number, more?: (left: number) => string): string {
  const join = (shown: number, left: number) =>
    [...parts.slice(0, shown), ...(left && more ? [more(left)] : [])].join(' · ');
  let shown = 0;
  while (shown < parts.length && cells(join(shown + 1, 0)) <= width) shown++;
  if (shown === parts.length || !more) return shown ? join(shown, 0) : truncateEnd(parts[0] ?? '', width);
  while (shown > 0 && cells(join(shown, parts.length - shown)) > width) shown--;
  return truncateEnd(join(shown, parts.length - shown), width);
}

/**
 * Labels cut to `width` columns so that rows stay told apart: a label whose cut would read like another's keeps
 * its first word or so, then the part where it differs ("Russia's … route 1 (ceasefire…", "Russia's … route 2
 * (ceasefire…" rather than two "Russia's Istanbul memorandum…"). A label's flag (`flags[k]`, " (unconfirmed)") is
 * kept whole after it: the label is cut, not the flag, which says what the row rests on.
 */
export function fitLabels(labels: readonly string[], width: number, flags: readonly string[] = []): string[] {
  const room = (k: number) => Math.max(1, width - Array.from(flags[k] ?? '').length);
  const cut = labels.map((l, k) => truncateEnd(l, room(k)));
  return labels.map((label, k) => {
    const flag = flags[k] ?? '';
    const twins = labels.filter((other, j) => j !== k && cut[j] === cut[k] && other !== label);
    if (!twins.length) return `${cut[k]!}${flag}`;
    const chars = Array.from(label);
    let same = 0;
    for (const t of twins) {
      const o = Array.from(t);
      let p = 0;
      while (p < chars.length && chars[p] === o[p]) p++;
      same = Math.max(same, p);
    }
    // back to the start of the word before the difference: "route 1", not "1"
    let from = same;
    while (from > 0 && chars[from - 1] !== ' ') from--;
    while (from > 0 && chars[from - 1] === ' ') from--;
    while (from > 0 && chars[from - 1] !== ' ') from--;
    const firstWord = label.split(' ')[0] ?? '';
    const head = truncateEnd(firstWord, Math.max(1, Math.floor(room(k) / 3)));
    return `${truncateEnd(`${head} … ${chars.slice(from).join('')}`, room(k))}${flag}`;
  });
}
