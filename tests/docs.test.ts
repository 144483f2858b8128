// The docs keep up with the program: every command has its line in the README and its row in docs/cli.md, with
// every long flag it takes; every page of docs/ is reachable from the README.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.ts';
import { buildProgram } from '../src/cli/program.ts';
import { ROOT } from './helpers.ts';

const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
const cliPage = readFileSync(resolve(ROOT, 'docs/cli.md'), 'utf8');
const commands = (await buildProgram(memoryIo())).commands.filter((c) => c.name() !== 'help');

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
