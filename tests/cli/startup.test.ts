// Start-up: the program loads only the command it runs, so its table of commands must agree with the modules;
// `list` and the scenario opener cache what they compute, and the caches must never show a stale answer.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { openScenarioAsync } from '../../src/cli/open-scenario.ts';
import { buildProgram, COMMAND_NAMES, run } from '../../src/cli/program.ts';
import { openScenario } from '../../src/cli/scenarios.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { ROOT } from '../helpers.ts';

async function cli(...argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

const dir = mkdtempSync(join(tmpdir(), 'peacesim-startup-'));
const cache = join(dir, 'cache');
const saved = process.env.PEACESIM_CACHE_DIR;
beforeEach(() => {
  rmSync(cache, { recursive: true, force: true });
  process.env.PEACESIM_CACHE_DIR = cache;
});
afterAll(() => {
  if (saved === undefined) delete process.env.PEACESIM_CACHE_DIR;
  else process.env.PEACESIM_CACHE_DIR = saved;
  rmSync(dir, { recursive: true, force: true });
});

describe('the lazy program', () => {
  it('should register, module by module, exactly the commands its table names, in its order', async () => {
    const all = await buildProgram(memoryIo());
    expect(all.commands.map((c) => c.name())).toEqual(COMMAND_NAMES);
    for (const name of COMMAND_NAMES) {
      const one = await buildProgram(memoryIo(), [name]);
      const loaded = one.commands.find((c) => c.name() === name)!;
      const full = all.commands.find((c) => c.name() === name)!;
      // the command loaded alone is the real one (its own usage, options and description), the rest are stubs
      expect(loaded.helpInformation()).toBe(full.helpInformation());
      expect(one.commands.filter((c) => c !== loaded).every((c) => c.options.length === 0)).toBe(true);
    }
  });

  it('should list every command in --help without loading any, the same as with all loaded', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    for (const name of COMMAND_NAMES) expect(help.out).toMatch(new RegExp(`^  ${name} `, 'm'));
    const io = memoryIo();
    const all = await buildProgram(io);
    all.outputHelp();
    expect(io.stdout()).toBe(help.out);
  });

  it("should show a command's own help with its options, and run the default command on a scenario name", async () => {
    const help = await cli('help', 'list');
    expect(help.out).toContain('Usage: peacesim list [options]');
    expect(help.out).toContain('--json');
    const shown = await cli('tutorial-bilateral');
    expect(shown.code).toBe(0);
    expect(shown.out).toContain('Tutorial');
  });
});

describe('the list cache', () => {
  const list = async () => JSON.parse((await cli('list', '--json')).out) as { id: string; title: string }[];

  it('should print the same rows with the cache off, cold and warm', async () => {
    process.env.PEACESIM_CACHE_DIR = 'off';
    const off = await list();
    process.env.PEACESIM_CACHE_DIR = cache;
    expect(await list()).toEqual(off);
    expect(readdirSync(cache)).toContain('list-v2.json');
    expect(await list()).toEqual(off);
  });

  it('should use an entry only while every file it was computed from is unchanged', async () => {
    const real = await list();
    const file = join(cache, 'list-v2.json');
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    const watched = join(dir, 'watched.txt');
    writeFileSync(watched, 'one');
    const [path, entry] = Object.entries(stored.rows)[0] as [string, { files: Record<string, string> }];
    // an entry that claims to depend on one more file, with that file's hash: it is used as it stands
    entry.files[watched] = (await import('../../src/cli/cache.ts')).contentHash('one');
    (entry as unknown as { row: { title: string } }).row.title = 'from the cache';
    writeFileSync(file, JSON.stringify(stored));
    expect((await list())[0]!.title).toBe('from the cache');
    writeFileSync(watched, 'two');
    expect((await list())[0]!.title).toBe(real[0]!.title);
    expect(path).toContain(real[0]!.id);
  });

  it('should ignore a cache file it cannot read, a malformed one, or one made by other code', async () => {
    const real = await list();
    const file = join(cache, 'list-v2.json');
    for (const bad of ['{', '{"code":"other","rows":{}}']) {
      writeFileSync(file, bad);
      expect(await list()).toEqual(real);
    }
  });
});

describe('the compiled-scenario cache', () => {
  it('should give the scenario a fresh load gives, cold and warm, and see a change in any file', () => {
    const file = join(dir, 'tutorial.yaml');
    copyFileSync(join(ROOT, 'scenarios/tutorial-bilateral.yaml'), file);
    const fresh = loadScenarioFile(file);
    expect(openScenario(file)).toEqual(fresh);
    const [name] = readdirSync(cache).filter((f) => f.startsWith('scenario-'));
    expect(name).toBeDefined();
    expect(openScenario(file)).toEqual(fresh);

    // a cached entry is what a warm open returns (proved by tampering with it) …
    const stored = deserialize(readFileSync(join(cache, name!))) as { scenario: { title: string } };
    stored.scenario.title = 'from the cache';
    writeFileSync(join(cache, name!), serialize(stored));
    expect(openScenario(file).title).toBe('from the cache');
    // … until the file changes
    writeFileSync(file, readFileSync(file, 'utf8').replace('Tutorial', 'Changed tutorial'));
    expect(openScenario(file).title).toMatch(/^Changed tutorial/);
    // a damaged entry is compiled again
    writeFileSync(join(cache, name!), 'not a cache entry');
    expect(openScenario(file).title).toMatch(/^Changed tutorial/);
  });

  it("should give through the commands' async opener what openScenario gives, from the same entry", async () => {
    const file = join(dir, 'async.yaml');
    copyFileSync(join(ROOT, 'scenarios/tutorial-bilateral.yaml'), file);
    const fresh = loadScenarioFile(file);
    // a miss compiles and caches, as openScenario does …
    expect(await openScenarioAsync(file)).toEqual(fresh);
    const [name] = readdirSync(cache).filter((f) => f.startsWith('scenario-'));
    expect(openScenario(file)).toEqual(fresh);
    expect(readdirSync(cache).filter((f) => f.startsWith('scenario-'))).toEqual([name]);
    // … and a hit is the entry both read
    const stored = deserialize(readFileSync(join(cache, name!))) as { scenario: { title: string } };
    stored.scenario.title = 'from the cache';
    writeFileSync(join(cache, name!), serialize(stored));
    expect((await openScenarioAsync(file)).title).toBe('from the cache');
    // the cache off: compiled every time
    process.env.PEACESIM_CACHE_DIR = 'off';
    expect(await openScenarioAsync(file)).toEqual(fresh);
    // the same error for a name that is no scenario
    let message = '';
    try {
      openScenario('no-such-scenario');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('no-such-scenario');
    await expect(openScenarioAsync('no-such-scenario')).rejects.toThrow(message);
  });

  it('should keep the name the scenario was opened by (messages quote it), not the one it was cached under', () => {
    const file = join(dir, 'named.yaml');
    copyFileSync(join(ROOT, 'scenarios/tutorial-bilateral.yaml'), file);
    expect(openScenario(file).file).toBe(file);
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(openScenario('named.yaml').file).toBe('named.yaml');
    } finally {
      process.chdir(cwd);
    }
  });
});
