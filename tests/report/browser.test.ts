// A real browser reads the generated HTML: headless Chromium loads the report from disk and dumps the DOM it
// built. CI installs Debian's chromium (.ci/run); a machine without it skips these tests and says so.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { systemProgram } from '../system.ts';

const CHROMIUM = systemProgram('chromium', 'the browser tests of the HTML report');
const dir = mkdtempSync(join(tmpdir(), 'peacesim-browser-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function dumpDom(file: string): string {
  return execFileSync(
    CHROMIUM!,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      `--user-data-dir=${join(dir, 'profile')}`,
      '--dump-dom',
      pathToFileURL(file).href,
    ],
    { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'ignore'] },
  );
}

describe.skipIf(CHROMIUM === undefined)('the HTML report in a browser', () => {
  it('should build a DOM with every section and the SVG chart', async () => {
    const session = join(dir, 's.json');
    const html = join(dir, 'report.html');
    expect(await run(['run', 'tutorial-bilateral', '--save', session], memoryIo())).toBe(0);
    expect(await run(['report', session, '--out', html], memoryIo())).toBe(0);
    const dom = dumpDom(html);
    for (const id of [
      'header',
      'outcome',
      'timeline',
      'trajectory',
      'turning-points',
      'nash',
      'debrief',
      'sources',
    ])
      expect(dom).toContain(`id="${id}"`);
    expect(dom).toMatch(/<svg[^>]*class="utility-chart"/);
    expect(dom.match(/<polyline /g)?.length).toBeGreaterThanOrEqual(4); // two actors: utility and no deal
    expect(dom).toContain('North (stylised Russia)');
    expect(dom).toMatch(/Outcome\.<\/strong> Signed in round \d+/);
  });

  it('should lay out the briefing cards', async () => {
    const html = join(dir, 'cards.html');
    expect(await run(['brief', 'tutorial-bilateral', '--out', html], memoryIo())).toBe(0);
    const dom = dumpDom(html);
    expect(dom.match(/<section class="card"/g)).toHaveLength(2);
    expect(dom).toContain('South (stylised Ukraine) — private briefing');
  });
});
