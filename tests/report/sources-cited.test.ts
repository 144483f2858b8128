// `run` ends with one list of the sources its text cites: every key in brackets, once, with what the scenario's
// `sources:` entry says of it (title, outlet, date, reliability note), so that a reader can read a key where it
// stands without a second command.
import { describe, expect, it } from 'vitest';
import { openScenario } from '../../src/cli/scenarios.ts';
import { citedKeys } from '../../src/report/sources.ts';
import { sourcesCitedLines } from '../../src/report/sources-cited.ts';
import { cliOk } from '../cli-in-process.ts';

describe('the sources a run cites', () => {
  it('should list each key the run cites once, after the run, with its title, outlet, date and reliability', async () => {
    const s = openScenario('ukraine-peace');
    const out = await cliOk('run', 'ukraine-peace');
    const [text, list] = out.split('\nSources cited\n');
    expect(list, 'the list is missing').toBeDefined();
    const entries = list!.split('\n').filter((l) => l.startsWith('  ['));
    const listed = entries.map((l) => /^ {2}\[([^\]]+)\]/.exec(l)![1]!);
    // every key the run's text cites, in order of first citing, and nothing else, each once
    const cited = citedKeys(s, text!.replace(/\n\s+/g, ' '));
    expect(cited.length).toBeGreaterThan(10);
    expect(listed).toEqual(cited);
    const flat = list!.replace(/\n {3,}/g, ' ');
    for (const key of cited) {
      const src = s.sources.find((x) => x.id === key)!;
      const entry = flat.split('\n').find((l) => l.startsWith(`  [${key}] `))!;
      expect(entry).toContain(src.title.replace(/\s+/g, ' '));
      if (src.publisher) expect(entry).toContain(src.publisher.replace(/\s+/g, ' '));
      if (src.date) expect(entry).toContain(src.date);
      if (src.reliability) expect(entry).toContain(`Reliability: ${src.reliability.replace(/\s+/g, ' ')}`);
    }
  }, 60_000);

  it('should give no list to a text that cites no source', () => {
    expect(
      sourcesCitedLines(openScenario('tutorial-bilateral'), 'tutorial-bilateral', 'no keys [reading] here'),
    ).toEqual([]);
  });

  it('should not take a mark in brackets or an unknown word for a key', () => {
    const s = openScenario('ukraine-peace');
    const key = s.sources[0]!.id;
    expect(citedKeys(s, `a [reading] b [${key}, not-a-source] c [${key}]`)).toEqual([key]);
  });
});
