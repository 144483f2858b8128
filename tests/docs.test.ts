// The docs keep up with the program: every command has its line in the README and its row in docs/cli.md, with
// every long flag it takes; every page of docs/ is reachable from the README.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.ts';
import { buildProgram } from '../src/cli/program.ts';
import { openScenario } from '../src/cli/scenarios.ts';
import { evaluatePackage } from '../src/domain/evaluate.ts';
import { ROOT } from './helpers.ts';

const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
const cliPage = readFileSync(resolve(ROOT, 'docs/cli.md'), 'utf8');
const commands = buildProgram(memoryIo()).commands.filter((c) => c.name() !== 'help');

/** The row of docs/cli.md's command table that documents `name`. */
const rowOf = (name: string) => cliPage.split('\n').find((l) => l.startsWith(`| \`${name}`));

describe('the documentation of the commands', () => {
  it('should find the commands to check', () => {
    expect(commands.map((c) => c.name())).toEqual(
      expect.arrayContaining(['run', 'analyze', 'report', 'tui']),
    );
  });

  for (const cmd of commands) {
    it(`should give ${cmd.name()} a line in the README and a row in docs/cli.md with each of its flags`, () => {
      expect(readme).toContain(`peacesim ${cmd.name()}`);
      const row = rowOf(cmd.name());
      expect(row, `docs/cli.md has no row for ${cmd.name()}`).toBeDefined();
      // a flag is documented by its long form or its short one (`-n N`)
      const shown = (flag: string | undefined) =>
        flag !== undefined && new RegExp(`(^|[\\s[\`(])${flag}(?![\\w-])`).test(row!);
      const missing = cmd.options
        .filter((o) => o.long !== '--help' && !shown(o.long) && !shown(o.short))
        .map((o) => o.long ?? o.short);
      expect(missing, `docs/cli.md's ${cmd.name()} row lacks ${missing.join(', ')}`).toEqual([]);
    });
  }

  it('should link every page of docs/ from the README', () => {
    const pages = readdirSync(resolve(ROOT, 'docs')).filter((f) => f.endsWith('.md'));
    const unlinked = pages.filter((p) => !readme.includes(`docs/${p}`));
    expect(unlinked).toEqual([]);
  });
});

describe('the tutorial, which the docs walk through', () => {
  const s = openScenario('tutorial-bilateral');

  it('should count in its summary what it holds', () => {
    const count = (n: number) => ['no', 'one', 'two', 'three', 'four', 'five', 'six'][n];
    const redLines = s.actors.reduce((n, a) => n + a.redLines.length, 0);
    expect(s.summary.toLowerCase()).toContain(`${count(s.protocol.parties.length)} parties`);
    expect(s.summary).toContain(`${count(s.issues.length)} issues`);
    expect(s.summary).toContain(`${count(redLines)} red lines`);
    for (const a of s.actors)
      expect(s.summary).toContain(`${a.name.split(' ')[0]} ${count(a.redLines.length)}`);
    expect(s.summary).toContain(`${count(s.rules.length)} linkage rule`);
    expect(s.summary).toContain(`${count(s.documents.length)} tabled texts`);
    expect(s.summary).toContain(`${count(s.events.length)} inject`);
  });

  it('should have each text tabled by an actor that accepts it as tabled', () => {
    for (const d of s.documents) {
      const ev = evaluatePackage(s, d.package);
      expect(ev.verdicts[d.tabledBy]!.accepts, `${d.title} is rejected by its tabler`).toBe(true);
    }
  });
});
