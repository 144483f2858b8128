// Every position a document is judged by rests on what was on the record by the document's date (anachronism.ts):
// the shipped scenarios raise no warning, and a planted anachronism is caught with its place, date and source.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { readTextFile } from '../../src/scenario/include.ts';
import { type LoadResult, loadScenario } from '../../src/scenario/load.ts';
import { ROOT } from '../helpers.ts';

const dir = resolve(ROOT, 'scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
const TUTORIAL = resolve(dir, 'tutorial-bilateral.yaml');

/** Load a file that exists only in memory beside the shipped scenarios (so it may include them). */
function loadText(text: string, name = 'planted.yaml'): LoadResult {
  const entry = resolve(dir, name);
  return loadScenario(entry, (f) => (f === entry ? text : readTextFile(f)));
}

function warningsOf(r: LoadResult) {
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.line}:${e.col} ${e.message}`).join('\n'));
  return r.warnings;
}

const tutorial = readFileSync(TUTORIAL, 'utf8');
/** The tutorial with Putin's speech, the source of North's red line, dated after the text it judges. */
const later = tutorial.replace(
  'url: http://en.kremlin.ru/events/president/news/74285\n    date: 2024-06-14',
  'url: http://en.kremlin.ru/events/president/news/74285\n    date: 2024-07-01',
);

describe('positions judged before their sources', () => {
  it.each(files)(
    '%s: every position in force at a judged date cites a source of that date or says why',
    (f) => {
      expect(warningsOf(loadScenario(resolve(dir, f))).map((w) => `${w.line}: ${w.message}`)).toEqual([]);
    },
  );

  it("catches the anachronism this check was built for: Ukraine's 60-day referendum form judging the Geneva text", () => {
    // without the epoch that dates it, the red line of December 2025 judges every earlier text
    const planted = `include: ukraine-peace.yaml
omit: { epochs: ["ukraine:ukraine-before-20-point-text"] }
`;
    const w = warningsOf(loadText(planted));
    const hit = w.filter((x) => x.path === 'actors[ukraine].redLines[no-withdrawal]');
    expect(hit).toHaveLength(1);
    expect(hit[0]!.file).toMatch(/ukraine-peace\.yaml$/);
    const line = readFileSync(resolve(dir, 'ukraine-peace.yaml'), 'utf8').split('\n')[hit[0]!.line - 1];
    expect(line).toContain('id: no-withdrawal');
    // the first text it judges is Istanbul 2022; its earliest source is of December 2025 (the 20-point text)
    expect(hit[0]!.message).toMatch(/in force on 2022-03-29 \(the document istanbul-2022-ukraine\)/);
    expect(hit[0]!.message).toMatch(/earliest source, s31, is dated 2025-12:/);
  });

  it('flags a source dated after the text it judges, unless the position says why it held earlier', () => {
    // North's red line rests on putin-2024 and judges North's opening demands of 14 June 2024
    expect(later).not.toBe(tutorial);
    const w = warningsOf(loadText(later));
    const redLine = w.find((x) => x.path === 'actors[north].redLines[no-nato]');
    expect(redLine?.message).toMatch(/in force on 2024-06-14 \(the document north-opening\)/);
    expect(redLine?.message).toMatch(/earliest source, putin-2024, is dated 2024-07-01/);
    expect(redLine?.line).toBeGreaterThan(1);
    // the preferences resting on it are caught too
    expect(w.map((x) => x.path)).toContain('actors[north].preferences.line');

    const explained = later.replace(
      "        rationale: a stylised red line for the tutorial, modelled on Putin's 2024 precondition",
      "        rationale: a stylised red line for the tutorial, modelled on Putin's 2024 precondition\n        heldEarlier: planted for the test",
    );
    expect(explained).not.toBe(later);
    expect(warningsOf(loadText(explained)).map((x) => x.path)).not.toContain(
      'actors[north].redLines[no-nato]',
    );
  });

  it('flags a position whose sources carry no date at all', () => {
    const undated = tutorial.replace(
      '    date: 2024-06-14\n    reliability: primary text',
      '    reliability: primary text',
    );
    expect(undated).not.toBe(tutorial);
    const w = warningsOf(loadText(undated));
    expect(w.find((x) => x.path === 'actors[north].redLines[no-nato]')?.message).toMatch(
      /none of its sources carries a date/,
    );
  });

  it('an epoch dates the position: a red line dropped before its sources is not judged then', () => {
    const dated = later.replace(
      '    strategy: { kind: boulware, params: { e: 0.2 }, basis: assumption, rationale: a stylised hard bargainer }',
      `    strategy: { kind: boulware, params: { e: 0.2 }, basis: assumption, rationale: a stylised hard bargainer }
    epochs:
      - { id: north-early, until: 2024-07-01, label: before the speech, basis: assumption, rationale: planted, redLines: { drop: [no-nato] } }`,
    );
    expect(dated).not.toBe(later);
    expect(warningsOf(loadText(dated)).map((x) => x.path)).not.toContain('actors[north].redLines[no-nato]');
  });

  it('validate prints each warning with file:line:column and still exits 0', async () => {
    const io = memoryIo();
    const code = await run(['validate', 'tests/fixtures/anachronism.yaml'], io);
    expect(code).toBe(0);
    expect(io.stdout()).toMatch(/^ok {2}tests\/fixtures\/anachronism\.yaml/);
    // the warning points at the red line where it is written: in the included tutorial
    expect(io.stderr()).toMatch(
      /warning scenarios\/tutorial-bilateral\.yaml:\d+:\d+: actors\[north\]\.redLines\[no-nato\]: north's red line "no-nato" is in force on 2024-06-14/,
    );
    const json = memoryIo();
    await run(['validate', '--json', 'tests/fixtures/anachronism.yaml'], json);
    const [entry] = JSON.parse(json.stdout()) as { valid: boolean; warnings: { path: string }[] }[];
    expect(entry?.valid).toBe(true);
    expect(entry?.warnings.map((x) => x.path)).toContain('actors[north].redLines[no-nato]');
  });
});
