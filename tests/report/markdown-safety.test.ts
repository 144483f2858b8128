// Issue 12, finding 5: markdown outputs interpolate nothing raw. Every scenario text is escaped, an address becomes
// a link only when it is http(s) (percent-encoding what could end the link or read as markup), and the HTML never
// links anything else either.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { resolveOptions } from '../../src/engine/options.ts';
import { afterActionReport } from '../../src/report/after-action.ts';
import { afterActionHtml } from '../../src/report/after-action-html.ts';
import { afterActionMarkdown } from '../../src/report/after-action-md.ts';
import { md, mdLine, mdUrl } from '../../src/report/markup.ts';
import { sourcesMarkdown, sourcesReport } from '../../src/report/sources.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { ROOT } from '../helpers.ts';
import { GOLDEN_CASES } from './golden/cases.ts';
import { frozenRun, goldenScenario } from './golden/frozen.ts';

const SCRIPT = 'https://x/"><script>alert(1)</script>';
const JS = 'javascript:alert(5)';

/** Text outside of escapes: what a markdown renderer would read as markup. */
const unescaped = (text: string) => text.replace(/\\./g, '');

describe('markdown escaping', () => {
  it('should link an http(s) address with what could end the link percent-encoded', () => {
    expect(mdUrl(SCRIPT)).toBe('<https://x/%22%3E%3Cscript%3Ealert(1)%3C/script%3E>');
    expect(mdUrl('https://example.org/a b')).toBe('<https://example.org/a%20b>');
    expect(mdUrl('https://example.org/ok')).toBe('<https://example.org/ok>');
  });

  it('should never link any other address', () => {
    expect(mdUrl(JS)).toBe(JS);
    expect(mdUrl('<javascript:alert(5)>')).toBe('\\<javascript:alert(5)\\>');
    expect(mdUrl('file:///etc/passwd')).not.toMatch(/^</);
  });

  it('should let no string become raw HTML, a link or a line break', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        for (const out of [md(s), mdLine(s)]) {
          expect(unescaped(out)).not.toMatch(/[<>[\]`*_|#&~\n\r]/);
        }
        const url = mdUrl(s);
        if (url.startsWith('<')) {
          expect(url).toMatch(/^<https?:\/\/[^\s<>"'`]*>$/i);
          // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character may reach the link
          expect(url).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        } else expect(unescaped(url)).not.toMatch(/[<>]/);
      }),
      { seed: 12_005, numRuns: 1000 },
    );
  });

  it('should not open a list with text that starts a line or an item', () => {
    expect(mdLine('- not a list')).toBe('\\- not a list');
    expect(mdLine('1. not a list')).toBe('1\\. not a list');
    expect(md('- mid-line is fine')).toBe('- mid-line is fine');
  });
});

describe('hostile addresses in every markdown and HTML output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'peacesim-md-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'hostile.yaml');
  // the tutorial, its two sources given hostile addresses, both cited by North's preferences
  writeFileSync(
    file,
    readFileSync(resolve(ROOT, 'scenarios/tutorial-bilateral.yaml'), 'utf8')
      .replace(
        'url: https://www.defense.gov/News/Speeches/Speech/Article/4064113/',
        `url: ${JSON.stringify(JS)}`,
      )
      .replace('url: http://en.kremlin.ru/events/president/news/74285', `url: ${JSON.stringify(SCRIPT)}`)
      .replace('sources: [putin-2024]', 'sources: [putin-2024, hegseth-2025]'),
  );

  function safe(text: string, markdown: boolean) {
    expect(text).not.toContain('<script');
    expect(text).not.toMatch(/<javascript:|href="javascript:/i);
    if (markdown) {
      expect(text).toContain('<https://x/%22%3E%3Cscript%3Ealert(1)%3C/script%3E>');
      expect(text).toContain(JS);
    } else expect(text).toContain('href="https://x/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  }

  it('should keep the briefing cards safe, markdown and HTML', async () => {
    for (const format of ['md', 'html']) {
      const io = memoryIo();
      expect(await run(['brief', file, '--format', format], io)).toBe(0);
      safe(io.stdout(), format === 'md');
    }
  });

  it('should keep the sources report safe', () => {
    safe(sourcesMarkdown(sourcesReport(loadScenarioFile(file))), true);
  });

  it("should keep the after-action report's list of sources safe, markdown and HTML", () => {
    const c = GOLDEN_CASES.find((x) => x.name === 'tutorial-4-rounds')!;
    const s = goldenScenario(c.scenario);
    const report = {
      ...afterActionReport(s, frozenRun(c.name).run, { options: resolveOptions(s, c.options) }),
      sources: [
        { id: 'a', title: 'hostile', url: SCRIPT },
        { id: 'b', title: 'not a link', url: JS },
      ],
    };
    safe(afterActionMarkdown(report), true);
    safe(afterActionHtml(report), false);
  });
});
