// The figures of issue 10, side by side in one run: start-up ratios over a bare `node -e 0`, scenario loading,
// a default run, 100 alternating-offer rounds on a 390,625-package GENIUS-like domain, outcomes per draw before
// (commit 909d117, built in a temporary folder) and after, one worker against two, and the first TUI frame.
// Child processes are timed by CPU (perf's task-clock, or user + system from /usr/bin/time) where that exists — on
// a shared machine it moves far less than wall time — and by wall time too.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openScenario } from '../src/cli/scenarios.ts';
import { runHeadless } from '../src/engine/headless.ts';
import { stateName } from '../src/engine/machine.ts';
import { outcomesPart } from '../src/engine/outcomes.ts';
import { loadScenarioFile } from '../src/scenario/load.ts';
import { geniusLike } from './synthetic.ts';

const BASELINE = '909d117';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (x: number, d = 1) =>
  x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
/** CPU time of a child: perf's task-clock (to the microsecond) where perf works, else /usr/bin/time (10 ms steps). */
const PERF =
  spawnSync('perf', ['stat', '-x,', '-e', 'task-clock', 'true'], { encoding: 'utf8' }).status === 0;
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

interface Cost {
  wall: number;
  /** user + system, ms; NaN without perf or /usr/bin/time */
  cpu: number;
}

/** One run of a child process: its wall time and CPU time. */
function cost(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Cost {
  const options = { encoding: 'utf8' as const, env: { ...process.env, ...env }, maxBuffer: 1 << 30 };
  const t0 = performance.now();
  const r = PERF
    ? spawnSync('perf', ['stat', '-x,', '-e', 'task-clock', cmd, ...args], options)
    : TIME
      ? spawnSync(TIME, ['-f', '%U %S', cmd, ...args], options)
      : spawnSync(cmd, args, options);
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  const last = r.stderr.trim().split('\n').at(-1) ?? '';
  const cpu = PERF
    ? Number(last.split(',')[0])
    : TIME
      ? last.split(' ').reduce((s, x) => s + 1000 * Number(x), 0)
      : Number.NaN;
  return { wall, cpu };
}

/** Medians of `runs` interleaved runs of each command line (interleaving spreads the machine's load evenly). */
function compare(lines: Record<string, string[]>, runs: number, env: NodeJS.ProcessEnv = {}) {
  const out: Record<string, Cost[]> = Object.fromEntries(Object.keys(lines).map((k) => [k, []]));
  for (let i = 0; i < runs; i++)
    for (const [k, argv] of Object.entries(lines)) out[k]!.push(cost(process.execPath, argv, env));
  return Object.fromEntries(
    Object.entries(out).map(([k, c]) => [
      k,
      { wall: median(c.map((x) => x.wall)), cpu: median(c.map((x) => x.cpu)) },
    ]),
  ) as Record<string, Cost>;
}

/**
 * Command lines started together, as separate processes: the wall time until the last ends and the CPU of all.
 * Two processes each making half the draws share nothing but the machine: what two threads could do at best.
 */
async function together(lines: string[][], env: NodeJS.ProcessEnv = {}): Promise<Cost> {
  const t0 = performance.now();
  const costs = await Promise.all(
    lines.map(
      (argv) =>
        new Promise<number>((resolve, reject) => {
          const [cmd, args] = PERF
            ? ['perf', ['stat', '-x,', '-e', 'task-clock', process.execPath, ...argv]]
            : [process.execPath, argv];
          const child = spawn(cmd as string, args as string[], {
            env: { ...process.env, ...env },
            stdio: ['ignore', 'ignore', 'pipe'],
          });
          let err = '';
          child.stderr.on('data', (b: Buffer) => {
            err += b.toString();
          });
          child.on('close', (code) => {
            if (code !== 0) reject(new Error(`${argv.join(' ')} failed: ${err}`));
            else resolve(PERF ? Number((err.trim().split('\n').at(-1) ?? '').split(',')[0]) : Number.NaN);
          });
        }),
    ),
  );
  return { wall: performance.now() - t0, cpu: costs.reduce((x, y) => x + y, 0) };
}

function startup(bin: string, cache: string): void {
  console.log(
    `\n## (f) start-up, as ratios over a bare \`node -e 0\` (median of 15 interleaved runs; CPU = user + system)`,
  );
  cost(process.execPath, [bin, 'list'], { PEACESIM_CACHE_DIR: cache }); // the list cache, warm
  const c = compare(
    {
      'node -e 0': ['-e', '0'],
      'peacesim --help': [bin, '--help'],
      'peacesim --version': [bin, '--version'],
      'peacesim list': [bin, 'list'],
    },
    15,
    { PEACESIM_CACHE_DIR: cache },
  );
  const base = c['node -e 0']!;
  for (const [k, v] of Object.entries(c))
    console.log(
      `- ${k}: ${fmt(v.cpu, 0)} ms CPU (${fmt(v.cpu / base.cpu, 2)}×), ${fmt(v.wall, 0)} ms wall (${fmt(v.wall / base.wall, 2)}×)`,
    );
}

function loading(root: string, cache: string): void {
  console.log('\n## (g) loading ukraine-peace in a process that has loaded it before (median of 15)');
  const file = join(root, 'scenarios/ukraine-peace.yaml');
  const time = (f: () => void) => {
    for (let i = 0; i < 3; i++) f();
    const t: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      f();
      t.push(performance.now() - t0);
    }
    return median(t);
  };
  const parsed = time(() => loadScenarioFile(file));
  process.env.PEACESIM_CACHE_DIR = cache;
  const cached = time(() => openScenario(file));
  console.log(`- parse, includes, schema, cross-checks, compile (loadScenarioFile): ${fmt(parsed)} ms`);
  console.log(
    `- what the CLI does (openScenario, the compiled cache warm, files re-hashed): ${fmt(cached)} ms`,
  );
}

function engineRuns(root: string): void {
  console.log(
    '\n## (h) one default negotiation, and 100 alternating-offer rounds on a 390,625-package domain',
  );
  const s = loadScenarioFile(join(root, 'scenarios/ukraine-peace.yaml'));
  const fresh = <T extends { issues: readonly unknown[] }>(x: T): T => ({ ...x, issues: [...x.issues] });
  const time = (f: () => void, runs = 9) => {
    f();
    const t: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      f();
      t.push(performance.now() - t0);
    }
    return median(t);
  };
  const def = time(() => runHeadless(fresh(s), { seed: 1 }));
  console.log(`- ukraine-peace, default strategies, seed 1, a new scenario object each run: ${fmt(def)} ms`);
  const g = geniusLike(20250101, 8, 5, 0);
  const opts = {
    seed: 1,
    maxRounds: 100,
    strategies: { 'agent-a': { kind: 'hardliner' }, 'agent-b': { kind: 'hardliner' } },
  };
  const once = runHeadless(g, opts);
  const ms = time(() => runHeadless(fresh(g), opts));
  console.log(
    `- GENIUS-like 8 × 5 (390,625 packages), alternating offers, both hardliners, ${once.snapshot.context.round} rounds (${stateName(once.snapshot)}): ${fmt(ms)} ms in-process`,
  );
}

/** The CLI of commit 909d117, built once in the temporary folder; null where git or the commit is missing. */
function baselineBin(root: string): string | null {
  const dir = join(tmpdir(), `peacesim-${BASELINE}`);
  const bin = join(dir, 'dist/src/cli/main.js');
  if (existsSync(bin)) return bin;
  try {
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git -C "${root}" archive ${BASELINE} | tar -x -C "${dir}"`], {
      stdio: 'ignore',
    });
    if (!existsSync(join(dir, 'node_modules')))
      symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    execFileSync(
      process.execPath,
      [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      {
        cwd: dir,
        stdio: 'ignore',
      },
    );
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

/** The long run of the two-worker comparison. */
const LONG = 4000;

async function outcomes(root: string, bin: string, cache: string): Promise<void> {
  const n = 200;
  const old = baselineBin(root);
  // both builds read the same file: the scenario as of the baseline (today's build reads that format too)
  const file = old
    ? join(dirname(old), '../../../scenarios/ukraine-peace.yaml')
    : join(root, 'scenarios/ukraine-peace.yaml');
  console.log(
    `\n## (i) outcomes -n ${n} on ukraine-peace${old ? ` as of ${BASELINE}` : ''}: before and after, one and two workers`,
  );
  const env = { PEACESIM_CACHE_DIR: cache };
  const lines: Record<string, string[]> = {
    analyze: [bin, 'analyze', file, '--json'],
    'after, --workers 1': [bin, 'outcomes', file, '-n', String(n), '--workers', '1', '--json'],
    'after, --workers 2': [bin, 'outcomes', file, '-n', String(n), '--workers', '2', '--json'],
  };
  // one draw: start-up, loading and the first draw, which the marginal cost a draw leaves out
  lines['after, -n 1'] = [bin, 'outcomes', file, '-n', '1', '--workers', '1', '--json'];
  if (old) {
    lines[`before (${BASELINE})`] = [old, 'outcomes', file, '-n', String(n), '--json'];
    lines[`before (${BASELINE}), -n 1`] = [old, 'outcomes', file, '-n', '1', '--json'];
  } else console.log(`- (the ${BASELINE} build could not be made here: git and the commit are needed)`);
  const c = compare(lines, 3, env);
  const one = c['after, --workers 1']!;
  const two = c['after, --workers 2']!;
  const before = c[`before (${BASELINE})`];
  for (const [k, v] of Object.entries(c))
    console.log(
      `- ${k}: ${fmt(v.cpu, 0)} ms CPU, ${fmt(v.wall, 0)} ms wall${k === 'analyze' || k.endsWith('-n 1') ? '' : ` (${fmt(v.cpu / n)} ms CPU a draw)`}`,
    );
  if (before) {
    console.log(
      `- per draw, before / after on one core, whole process: ${fmt(before.cpu / one.cpu, 2)}× (CPU), ${fmt(before.wall / one.wall, 2)}× (wall)`,
    );
    // each further draw, cold JIT included: the -n ${n} process less the -n 1 process, over the other draws
    const marginal = (all: Cost, first: Cost) => (all.cpu - first.cpu) / (n - 1);
    const was = marginal(before, c[`before (${BASELINE}), -n 1`]!);
    const is = marginal(one, c['after, -n 1']!);
    console.log(
      `- per draw after the first, whole processes (-n ${n} less -n 1, over ${n - 1} draws; cold JIT included): before ${fmt(was, 2)}, after ${fmt(is, 2)} ms CPU: ${fmt(was / is, 2)}×`,
    );
  }
  console.log(
    `- outcomes --workers 1 / analyze: ${fmt(one.cpu / c.analyze!.cpu, 1)}× (CPU), ${fmt(one.wall / c.analyze!.wall, 1)}× (wall)`,
  );
  console.log(`- two workers against one: ${fmt(one.wall / two.wall, 2)}× faster (wall)`);
  // the CLI turns TurboFan's inlining off (src/cli/jit.ts): the same run with it on, to show what that saves
  const inlining = compare({ on: lines['after, --workers 1']! }, 3, { ...env, PEACESIM_V8_INLINING: '1' })
    .on!;
  console.log(
    `- the same --workers 1 run with TurboFan's inlining on (PEACESIM_V8_INLINING=1): ${fmt(inlining.cpu, 0)} ms CPU, ${fmt(inlining.wall, 0)} ms wall; off saves ${fmt(100 * (1 - one.cpu / inlining.cpu), 0)}% of the CPU`,
  );
  if (old) await inProcessDraws(old, file, n);
  // today's default scenario: the ratio to its own analyze, and two workers against one on a short and a long run
  const today = (k: number, w: number) => [
    bin,
    'outcomes',
    'ukraine-peace',
    '-n',
    String(k),
    '--workers',
    String(w),
    '--json',
  ];
  const d = compare(
    {
      analyze: [bin, 'analyze', 'ukraine-peace', '--json'],
      [`-n ${n} --workers 1`]: today(n, 1),
      [`-n ${n} --workers 2`]: today(n, 2),
      '-n 1000 --workers 1': today(1000, 1),
      '-n 1000 --workers 2': today(1000, 2),
      // a long run, where a second thread's own start-up and compiling weigh least
      [`-n ${LONG} --workers 1`]: today(LONG, 1),
      [`-n ${LONG} --workers 2`]: today(LONG, 2),
    },
    3,
    env,
  );
  const d1 = d[`-n ${n} --workers 1`]!;
  console.log(`- today's ukraine-peace:`);
  for (const [k, v] of Object.entries(d))
    console.log(`  - ${k}: ${fmt(v.cpu, 0)} ms CPU, ${fmt(v.wall, 0)} ms wall`);
  console.log(
    `  - outcomes -n ${n} --workers 1 / analyze: ${fmt(d1.cpu / d.analyze!.cpu, 1)}× (CPU), ${fmt(d1.wall / d.analyze!.wall, 1)}× (wall); ${fmt(d1.cpu / n)} ms CPU a draw`,
  );
  console.log(
    `  - two workers against one: ${fmt(d1.wall / d[`-n ${n} --workers 2`]!.wall, 2)}× faster at -n ${n}, ${fmt(d['-n 1000 --workers 1']!.wall / d['-n 1000 --workers 2']!.wall, 2)}× at -n 1000, ${fmt(d[`-n ${LONG} --workers 1`]!.wall / d[`-n ${LONG} --workers 2`]!.wall, 2)}× at -n ${LONG} (wall)`,
  );
  // the bound on this machine: one worker's CPU (its compiler and collector threads included) shared by the cores
  const long1 = d[`-n ${LONG} --workers 1`]!;
  console.log(
    `  - at -n ${LONG}, one worker keeps ${fmt(long1.cpu / long1.wall, 2)} cores busy: two threads on ${availableParallelism()} cores can be at most ${fmt(Math.min(2, availableParallelism() / (long1.cpu / long1.wall)), 2)}× faster before the second thread's own start-up`,
  );
  // the bound measured: the run's two shards as two processes at once, each starting, loading and warming its JIT
  // as a second thread must (three runs, median wall)
  // a shard writes its partial result as JSON by itself (--json would ask to merge)
  const shard = (i: number) => [...today(LONG, 1).filter((a) => a !== '--json'), '--shard', `${i}/2`];
  const halves: Cost[] = [];
  for (let i = 0; i < 3; i++) halves.push(await together([shard(0), shard(1)], env));
  const pair = { wall: median(halves.map((h) => h.wall)), cpu: median(halves.map((h) => h.cpu)) };
  console.log(
    `  - its two shards (--shard 0/2, 1/2) as two processes at once: ${fmt(pair.wall, 0)} ms wall, ${fmt(pair.cpu, 0)} ms CPU — ${fmt(long1.wall / pair.wall, 2)}× faster than one worker: the most two threads can do here, against ${fmt(long1.wall / d[`-n ${LONG} --workers 2`]!.wall, 2)}× for --workers 2`,
  );
}

/**
 * The draws alone, in one process, without start-up or loading: the baseline build's `runOutcomes` and today's
 * `outcomesPart` on the same file, each run twice (the second run, with the JIT warm, is the figure).
 */
async function inProcessDraws(old: string, file: string, n: number): Promise<void> {
  const dist = join(dirname(old), '../..');
  const before = {
    load: (await import(join(dist, 'src/scenario/load.js'))).loadScenarioFile as (f: string) => unknown,
    run: (await import(join(dist, 'src/engine/outcomes.js'))).runOutcomes as (
      s: unknown,
      o: { draws: number; seed: number },
    ) => unknown,
  };
  const time = (f: () => void) => {
    f();
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  };
  const oldScenario = before.load(file);
  const ms0 = time(() => before.run(oldScenario, { draws: n, seed: 1 }));
  const s = loadScenarioFile(file);
  const ms1 = time(() => outcomesPart(s, { draws: n, seed: 1 }, 0, n));
  console.log(
    `- the draws alone, in-process (no start-up, no loading; JIT warm): before ${fmt(ms0 / n, 2)} ms a draw, after ${fmt(ms1 / n, 2)} ms: ${fmt(ms0 / ms1, 2)}×`,
  );
}

/** Milliseconds from launch to the full first frame of `tui` (its key line drawn), in a tmux pane. */
function tuiFrame(bin: string, cache: string): void {
  console.log('\n## (j) the first full frame of `peacesim tui` (ukraine-peace), in a 100 × 30 tmux pane');
  const has = spawnSync('tmux', ['-V']).status === 0;
  if (!has) {
    console.log('- skipped: tmux is not installed');
    return;
  }
  const socket = `bench-${process.pid}`;
  const tmux = (...a: string[]) =>
    spawnSync('tmux', ['-L', socket, '-f', '/dev/null', ...a], { encoding: 'utf8' });
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const marker = join(tmpdir(), `peacesim-frame-${process.pid}-${i}`);
    // the pane records its own launch time, so the measure starts when node does
    const cmd = `date +%s%N > ${marker}; env -u CI PEACESIM_CACHE_DIR=${cache} ${process.execPath} ${bin} tui; sleep 5`;
    tmux('new-session', '-d', '-s', `f${i}`, '-x', '100', '-y', '30', 'sh', '-c', cmd);
    const until = performance.now() + 30_000;
    let seen = 0n;
    while (performance.now() < until) {
      if (tmux('capture-pane', '-p', '-t', `f${i}`).stdout.includes('q quit')) {
        seen = process.hrtime.bigint();
        break;
      }
      execFileSync('sleep', ['0.01']);
    }
    const now = BigInt(execFileSync('date', ['+%s%N'], { encoding: 'utf8' }).trim());
    const launched = BigInt(execFileSync('cat', [marker], { encoding: 'utf8' }).trim());
    const lag = process.hrtime.bigint() - seen; // time since the frame was seen
    if (seen > 0n) times.push(Number(now - launched - lag) / 1e6);
    tmux('kill-session', '-t', `f${i}`);
  }
  tmux('kill-server');
  console.log(
    times.length
      ? `- ${fmt(median(times), 0)} ms from launch to the full first frame (median of ${times.length}; the compiled scenario cached)`
      : '- the frame did not appear within 30 s',
  );
}

export async function scale(root: string): Promise<void> {
  const bin = join(root, 'dist/src/cli/main.js');
  const cache = join(tmpdir(), `peacesim-bench-cache-${process.pid}`);
  startup(bin, cache);
  loading(root, cache);
  engineRuns(root);
  await outcomes(root, bin, cache);
  tuiFrame(bin, cache);
}
