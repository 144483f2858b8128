// The HTML page around a report: one self-contained file, inline CSS, no scripts, no external resources,
// neutral colours, and print rules (no page breaks inside a round or a card; cards start on a new page).
import { esc } from './markup.ts';

const CSS = `
:root { color-scheme: light; --ink: #222; --muted: #5f6368; --rule: #d0d4d9; --band: #f3f4f6; --accent: #3b5b7e; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem 4rem; font: 15px/1.5 Georgia, 'Times New Roman', serif; color: var(--ink); background: #fff; }
h1, h2, h3, h4 { font-family: 'Helvetica Neue', Arial, sans-serif; line-height: 1.25; color: var(--accent); }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
h4 { font-size: .95rem; margin: 1rem 0 .25rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid var(--rule); padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--band); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
ul, ol { padding-left: 1.4rem; }
li { margin: .15rem 0; }
p.after { margin: .15rem 0 .35rem; }
.meta { color: var(--muted); font-size: .9rem; }
.outcome { border-left: 4px solid var(--accent); background: var(--band); padding: .5rem .75rem; margin: 1rem 0; }
.accepts { font-weight: 600; }
.rejects { font-weight: 600; text-decoration: underline; text-decoration-style: dotted; }
.flag { font-family: 'Helvetica Neue', Arial, sans-serif; font-size: .75rem; letter-spacing: .04em; border: 1px solid var(--muted); border-radius: 3px; padding: 0 .25rem; color: var(--muted); }
.person { font-style: italic; }
.cite { color: var(--muted); font-size: .85rem; }
.cite a { color: inherit; }
.round { break-inside: avoid; }
figure { margin: 1rem 0; }
figcaption { color: var(--muted); font-size: .85rem; }
svg { max-width: 100%; height: auto; }
.card { break-after: page; page-break-after: always; }
.card:last-of-type { break-after: auto; page-break-after: auto; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  h2, h3 { break-after: avoid; }
  table, figure, li { break-inside: avoid; }
}
`;

export function page(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<title>${esc(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
