// analyze's tables: columns measured in terminal cells, and the verdict rows with their reasons beside the figures
// or, where that strip would be narrow, under them.
import { cells, padCells } from '../report/format.ts';

/** Left-aligned columns measured in terminal cells (wide characters two, colour codes none); the last not padded. */
export function table(rows: readonly (readonly string[])[], indent = '  '): string[] {
  const cols = Math.max(0, ...rows.map((r) => r.length));
  // a row's last cell is not padded, so it does not widen its column
  const w = Array.from({ length: cols }, (_, c) =>
    Math.max(0, ...rows.map((r) => (c < r.length - 1 ? cells(r[c] ?? '') : 0))),
  );
  return rows.map(
    (r) =>
      indent +
      r
        .map((cell, c) => (c === r.length - 1 ? cell : padCells(cell, w[c]!)))
        .join('  ')
        .trimEnd(),
  );
}

const MIN_REASON = 44; // the narrowest strip beside a verdict's figures its reasons are written in

/**
 * The verdict rows (who, verdict, u, r, margin, then each reason): the reasons in a column after the figures, each
 * further one under the first, when that column leaves room to read at `width`; else each on its own line under
 * its row, two columns in, so that no reason is squeezed into a narrow column at the right.
 */
export function verdictTable(rows: readonly (readonly string[])[], width: number): string[] {
  const FIGURES = 5;
  const figures = table(
    rows.map((r) => [...r.slice(0, FIGURES), '']),
    '    ',
  );
  const column = Math.max(0, ...figures.map((l) => cells(l))) + 2;
  // the reasons are sentences (a red line, the costliest terms): beside the figures only when they have room to
  // read; else on lines of their own under the row (at 80 columns a strip of 33 took seven lines a reason)
  const under = width - column < MIN_REASON;
  return rows.flatMap((r, k) => {
    const reasons = r.slice(FIGURES);
    if (under) return [figures[k]!, ...reasons.map((x) => `      ${x}`)];
    const [first = '', ...more] = reasons;
    return [
      `${padCells(figures[k]!, column)}${first}`.trimEnd(),
      ...more.map((x) => `${' '.repeat(column)}${x}`),
    ];
  });
}
