// The docs keep up with the program: every command has its line in the README and its row in docs/cli.md, with
// every long flag it takes; every page of docs/ is reachable from the README; every command and flag a page
// names exists, and every example command a page shows ("$ npx peacesim …") runs, or fails as the page shows.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.ts';
import { buildProgram } from '../src/cli/program.ts';
import { openScenario, shippedIds } from '../src/cli/scenarios.ts';
import { evaluatePackage } from '../src/domain/evaluate.ts';
import { missingLines } from './doc-quotes.ts';
import { BIN, ROOT } from './helpers.ts';

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

  // import's arguments are its subcommand's (import genius <domain.xml> <profile.xml>…)
  for (const cmd of commands.filter((c) => c.commands.length === 0))
    it(`should show ${cmd.name()}'s arguments in docs/cli.md and the README as its --help does (<required>, [optional])`, () => {
      const args = cmd.registeredArguments.map((a) => (a.required ? '<' : '['));
      // what follows the name, up to the first flag: `run [scenario]`, `resume FILE`, `import genius <domain.xml> …`
      const shown = (line: string | undefined, prefix: string) => {
        const span = /`([^`]*)`/.exec(line ?? '')?.[1] ?? '';
        if (!span.startsWith(`${prefix}${cmd.name()}`)) return [];
        const words = span.slice(prefix.length).split(/\s+/).slice(1);
        const end = words.findIndex((w) => /^\[?-/.test(w));
        return words
          .slice(0, end === -1 ? undefined : end)
          .filter((w) => /^[<[]/.test(w))
          .map((w) => w[0]);
      };
      const readmeLine = readme.split('\n').find((l) => l.startsWith(`| \`npx peacesim ${cmd.name()}`));
      for (const [where, brackets] of [
        ['docs/cli.md', shown(rowOf(cmd.name()), '')],
        ['README.md', shown(readmeLine, 'npx peacesim ')],
      ] as const)
        if (brackets.length)
          expect(brackets, `${where} shows ${cmd.name()}'s arguments`).toEqual(
            args.slice(0, brackets.length),
          );
    });

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

const DOC_FILES = [
  ...readdirSync(resolve(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
  'README.md',
];

/** The fenced blocks of a page, as lists of lines. */
function fencedBlocks(text: string): string[][] {
  return [...text.matchAll(/^```[a-z]*\n([\s\S]*?)^```/gm)].map((m) => m[1]!.split('\n'));
}

/** Every command line a page names: a code span that starts with it, or a line of a fenced block ("$ " or not). */
function commandLines(text: string): string[] {
  const spans = [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
  const lines = fencedBlocks(text).flat();
  return [...spans, ...lines]
    .map((t) => t.replace(/^\$ /, '').replace(/^npx /, ''))
    .filter((t) => /^peacesim( |$)/.test(t));
}

const GLOBAL_FLAGS = ['-h', '--help', '-v', '--version'];

/** The command a line names (a subcommand of import included), or null for `peacesim` alone and a scenario. */
function commandOf(line: string): { name: string; flags: string[] } | null {
  const words = line.split(/\s+/);
  let cmd = commands.find((c) => c.name() === words[1]);
  if (!cmd) return null;
  const sub = cmd.commands.find((c) => c.name() === words[2]);
  if (sub) cmd = sub;
  return {
    name: cmd.name(),
    flags: cmd.options.flatMap((o) => [o.long, o.short].filter((f) => f !== undefined)),
  };
}

describe('the commands and flags the docs name', () => {
  for (const file of DOC_FILES) {
    const text = readFileSync(resolve(ROOT, file), 'utf8');
    const lines = commandLines(text);
    if (!lines.length) continue;
    it(`should exist as ${file} names them`, () => {
      const wrong: string[] = [];
      for (const line of lines) {
        const first = line.split(/\s+/)[1];
        const cmd = commandOf(line);
        if (!cmd) {
          // peacesim alone, a placeholder ([command], <scenario>), a shipped scenario (show's default), help
          const fine = !first || /^[-[<]/.test(first) || shippedIds().includes(first) || first === 'help';
          if (!fine) wrong.push(`${line}: no command "${first}"`);
          continue;
        }
        for (const m of line.matchAll(/(?:^|[\s[(|/])(--?[a-zA-Z][\w-]*)/g)) {
          const flag = m[1]!;
          if (!cmd.flags.includes(flag) && !GLOBAL_FLAGS.includes(flag))
            wrong.push(`${line}: ${cmd.name} has no ${flag}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  it('should only name flags that some command takes, wherever a page writes them alone in code', () => {
    const known = new Set([
      ...GLOBAL_FLAGS,
      ...commands.flatMap((c) =>
        [c, ...c.commands].flatMap((x) => x.options.flatMap((o) => [o.long, o.short])),
      ),
    ]);
    const unknown: string[] = [];
    for (const file of DOC_FILES) {
      const text = readFileSync(resolve(ROOT, file), 'utf8');
      // a span of flags alone (`--seed`, `-n N`), not another tool's command line (sbatch, kubectl); the pages
      // write our flags' values after a space, so `--array=0-7` is Slurm's
      for (const span of text.matchAll(/`(-[^`\n]*)`/g))
        for (const m of span[1]!.matchAll(/(?:^|[\s[(|/])(--[a-z][\w-]*)(?![\w=-])/g))
          if (!known.has(m[1]!)) unknown.push(`${file}: ${m[1]}`);
    }
    expect(unknown).toEqual([]);
  });
});

describe('the example commands of the docs', () => {
  const work = mkdtempSync(join(tmpdir(), 'peacesim-docs-'));
  // the examples name the test fixtures and the docs' own examples by their path from the repository's root,
  // and those include the shipped scenarios by theirs: the folders are linked in, what they write stays here
  for (const dir of ['tests', 'docs', 'scenarios']) symlinkSync(resolve(ROOT, dir), join(work, dir));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  for (const file of DOC_FILES) {
    const text = readFileSync(resolve(ROOT, file), 'utf8');
    for (const block of fencedBlocks(text))
      block.forEach((line, k) => {
        // a shell comment after the command is the page's, not an argument; `# exit N` is the exit it shows
        const m = /^\$ (?:npx )?peacesim (.*?)(?:\s+#\s*(.*))?$/.exec(line);
        if (!m) return;
        // an example that elides its arguments shows only what the error reads like
        if (m[1]!.includes('…')) return;
        const next = block.findIndex((l, j) => j > k && l.startsWith('$ '));
        const quoted = block.slice(k + 1, next === -1 ? undefined : next);
        const exit = /^exit (\d+)$/.exec(m[2] ?? '')?.[1];
        const fails = exit !== undefined ? exit !== '0' : (quoted[0] ?? '').startsWith('peacesim:');
        it(`should ${fails ? 'fail as shown' : 'run'}: ${file}: peacesim ${m[1]}`, () => {
          const args = m[1]!.match(/"[^"]*"|\S+/g)!.map((a) => a.replace(/^"|"$/g, ''));
          const r = spawnSync(process.execPath, [BIN, ...args], {
            cwd: work,
            encoding: 'utf8',
            env: { ...process.env, NO_COLOR: '1', COLUMNS: '200' },
            input: '',
          });
          if (exit !== undefined) expect(r.status, r.stderr).toBe(Number(exit));
          else if (fails) expect(r.status, r.stderr).not.toBe(0);
          else expect(r.status, r.stderr).toBe(0);
          if (fails && exit === undefined) expect(r.stderr).toMatch(/^peacesim: /);
          // what the page quotes under the command is what it prints
          expect(
            missingLines(quoted, r.stdout + r.stderr),
            `${file} quotes lines peacesim ${m[1]} does not print`,
          ).toEqual([]);
        });
      });
  }
});
