// An inline SVG line chart of each actor's utility by round, with its value of no deal dashed. Static markup,
// no script: a filled marker is an acceptance, a hollow one a rejection, a small dot a text it was not asked
// about. Each actor has its own marker shape too, so the chart reads in greyscale print.
import { esc } from './markup.ts';

export interface ChartSeries {
  readonly name: string;
  readonly utility: readonly (number | null)[];
  readonly noDeal: readonly number[];
  readonly accepts: readonly (boolean | null)[];
}

const COLOURS = ['#3b5b7e', '#a0662b', '#4f7f52', '#7a5c8c', '#6b6b6b', '#2f7f86', '#8c5a5a', '#7f7a2f'];
const W = 720;
const H = 340;
const M = { left: 48, right: 16, top: 16, bottom: 40 };
const LEGEND_ROW = 20;

const f1 = (x: number) => x.toFixed(1);

function marker(shape: number, x: number, y: number, colour: string, filled: boolean, r = 4.5): string {
  const fill = filled ? colour : '#fff';
  const common = `fill="${fill}" stroke="${colour}" stroke-width="1.5"`;
  switch (shape % 4) {
    case 0:
      return `<circle cx="${f1(x)}" cy="${f1(y)}" r="${r}" ${common} />`;
    case 1:
      return `<rect x="${f1(x - r)}" y="${f1(y - r)}" width="${2 * r}" height="${2 * r}" ${common} />`;
    case 2:
      return `<path d="M${f1(x)} ${f1(y - r - 1)} L${f1(x + r + 1)} ${f1(y + r)} L${f1(x - r - 1)} ${f1(y + r)} Z" ${common} />`;
    default:
      return `<path d="M${f1(x)} ${f1(y - r - 1)} L${f1(x + r + 1)} ${f1(y)} L${f1(x)} ${f1(y + r + 1)} L${f1(x - r - 1)} ${f1(y)} Z" ${common} />`;
  }
}

/** The y range: the data's, padded and rounded out to tenths, within [0, 1]. */
function yRange(series: readonly ChartSeries[]): [number, number] {
  const all = series.flatMap((s) => [...s.utility.filter((u): u is number => u !== null), ...s.noDeal]);
  if (!all.length) return [0, 1];
  const lo = Math.max(0, Math.floor((Math.min(...all) - 0.02) * 10) / 10);
  const hi = Math.min(1, Math.ceil((Math.max(...all) + 0.02) * 10) / 10);
  return hi - lo < 0.2 ? [Math.max(0, hi - 0.2), Math.max(hi, 0.2)] : [lo, hi];
}

export function utilityChart(series: readonly ChartSeries[], rounds: number, label: string): string {
  const legendRows = Math.ceil(series.length / 3);
  const height = H + legendRows * LEGEND_ROW;
  const [lo, hi] = yRange(series);
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const x = (round: number) => M.left + (rounds <= 1 ? plotW / 2 : ((round - 1) / (rounds - 1)) * plotW);
  const y = (u: number) => M.top + (1 - (u - lo) / (hi - lo)) * plotH;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-labelledby="chart-title" class="utility-chart">`,
    `<title id="chart-title">${esc(label)}</title>`,
    `<rect x="${M.left}" y="${M.top}" width="${plotW}" height="${plotH}" fill="#fff" stroke="#d0d4d9" />`,
  ];
  for (let k = 0; k <= Math.round((hi - lo) * 10); k++) {
    const u = lo + k / 10;
    out.push(
      `<line x1="${M.left}" x2="${W - M.right}" y1="${f1(y(u))}" y2="${f1(y(u))}" stroke="#eceef1" />`,
      `<text x="${M.left - 6}" y="${f1(y(u) + 4)}" font-size="11" text-anchor="end" fill="#5f6368">${u.toFixed(1)}</text>`,
    );
  }
  for (let r = 1; r <= rounds; r++)
    out.push(
      `<text x="${f1(x(r))}" y="${H - M.bottom + 16}" font-size="11" text-anchor="middle" fill="#5f6368">${r}</text>`,
    );
  out.push(
    `<text x="${M.left + plotW / 2}" y="${H - 6}" font-size="12" text-anchor="middle" fill="#222">round</text>`,
  );
  series.forEach((s, k) => {
    const colour = COLOURS[k % COLOURS.length]!;
    out.push(`<g class="series" data-actor="${esc(s.name)}">`);
    const nd = s.noDeal.map((u, r) => `${f1(x(r + 1))},${f1(y(u))}`).join(' ');
    if (s.noDeal.length)
      out.push(
        `<polyline points="${nd}" fill="none" stroke="${colour}" stroke-width="1.2" stroke-dasharray="5 4" opacity="0.8" />`,
      );
    // a line breaks where there was no text on the table
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1)
        out.push(`<polyline points="${run.join(' ')}" fill="none" stroke="${colour}" stroke-width="2" />`);
      run = [];
    };
    s.utility.forEach((u, r) => {
      if (u === null) flush();
      else run.push(`${f1(x(r + 1))},${f1(y(u))}`);
    });
    flush();
    s.utility.forEach((u, r) => {
      if (u === null) return;
      const a = s.accepts[r] ?? null;
      out.push(
        a === null
          ? `<circle cx="${f1(x(r + 1))}" cy="${f1(y(u))}" r="2" fill="${colour}" />`
          : marker(k, x(r + 1), y(u), colour, a),
      );
    });
    out.push('</g>');
    const lx = M.left + (k % 3) * 220;
    const ly = H + Math.floor(k / 3) * LEGEND_ROW + 4;
    out.push(
      `<line x1="${lx}" x2="${lx + 28}" y1="${ly}" y2="${ly}" stroke="${colour}" stroke-width="2" />`,
      marker(k, lx + 14, ly, colour, true, 3.5),
      `<text x="${lx + 36}" y="${ly + 4}" font-size="12" fill="#222">${esc(s.name)}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n');
}
