// `npm run bench`: the utility hot path, `analyze` on the shipped scenario (with its speed-up over brute force),
// the complete analysis of a 390,625-package GENIUS-like domain, loading, whole engine runs, and the figures of
// start-up, workers and outcomes per draw (scale.ts). Results go to docs/performance.md by hand.
import { existsSync, readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeAcceptable } from '../src/analysis/acceptable.ts';
import { analyzeScenario, documentReports } from '../src/analysis/analyze.ts';
import { findConflicts } from '../src/analysis/conflicts.ts';
import { countFeasible } from '../src/analysis/feasibility.ts';
import { tuneJit } from '../src/cli/jit.ts';
import type { Scenario } from '../src/domain/types.ts';
import { outcomeSpaceSize, utility } from '../src/domain/utility.ts';
import { runHeadless } from '../src/engine/headless.ts';
import { stateName } from '../src/engine/machine.ts';
import { loadScenarioFile } from '../src/scenario/load.ts';
import { bruteForce } from './brute.ts';
import { evidence } from './evidence.ts';
import { hostile } from './hostile.ts';
import { scale } from './scale.ts';
import { geniusLike, rng, ukraineLike } from './synthetic.ts';

// the in-process figures are measured as the CLI runs: with V8 tuned as it tunes it
tuneJit();

const root = fileURLToPath(
  new URL(existsSync(new URL('../scenarios', import.meta.url)) ? '..' : '../..', import.meta.url),
);
const fmt = (x: number, d = 1) =>
  x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/** Median wall time of `runs` runs after `warm` warm-up runs, in ms. */
function time(f: () => void, runs = 7, warm = 2): number {
  for (let i = 0; i < warm; i++) f();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

function hotPath(s: Scenario): void {
  const n = s.issues.length;
  const actor = s.actors[0]!;
  const r = rng(42);
  const POOL = 4096;
  const flat = new Int32Array(POOL * n);
  for (let k = 0; k < POOL; k++)
    for (let i = 0; i < n; i++) flat[k * n + i] = Math.floor(r() * s.issues[i]!.options.length);
  const views = Array.from({ length: POOL }, (_, k) => flat.subarray(k * n, k * n + n));
  const EVALS = 20_000_000;
  let sink = 0;
  const evalMs = time(
    () => {
      let acc = 0;
      for (let e = 0; e < EVALS; e++) acc += utility(actor, s.offsets, views[e & (POOL - 1)]!);
      sink += acc;
    },
    5,
    1,
  );
  // the floor: the same number of table reads per evaluation, summed from one Float64Array in a tight loop
  const table = new Float64Array(POOL * n).map(() => r());
  const baseMs = time(
    () => {
      let acc = 0;
      for (let e = 0; e < EVALS; e++) {
        const base = (e & (POOL - 1)) * n;
        for (let i = 0; i < n; i++) acc += table[base + i]!;
      }
      sink += acc;
    },
    5,
    1,
  );
  console.log(`## (a) utility hot path — ${s.id}, ${n} issues, one actor`);
  console.log(
    `- domain utility(): ${fmt(EVALS / evalMs / 1000)} M evaluations/s (${fmt((evalMs * 1e6) / EVALS)} ns each)`,
  );
  console.log(`- tight-loop baseline (${n} Float64Array reads summed): ${fmt(EVALS / baseMs / 1000)} M/s`);
  console.log(
    `- ratio: ${fmt(baseMs / evalMs, 2)} of the baseline rate   (checksum ${sink > 0 ? '+' : '-'})`,
  );
}

function restrictTo(s: Scenario, k: number): (Uint8Array | null)[] {
  return s.issues.map((x, i) =>
    i < k ? null : Uint8Array.from(x.options, (_, o) => (o === x.statusQuo ? 1 : 0)),
  );
}

function ukraine(s: Scenario): void {
  console.log(
    `\n## (b) analyze — ${s.id}: ${outcomeSpaceSize(s).toLocaleString('en-US')} packages, ${s.issues.length} issues`,
  );
  // a fresh issue list each time: the shared structures (analysis/shared.ts) are cached per issue list, and this
  // is the cost of a first analysis, as `peacesim analyze` pays it
  const fresh = () => ({ ...s, issues: [...s.issues] });
  const total = time(() => analyzeScenario(fresh()), 7, 2);
  const count = time(() => countFeasible(fresh()), 7, 2);
  const acceptable = time(() => analyzeAcceptable(fresh()), 7, 2);
  const docs = time(() => documentReports(s), 7, 2);
  const a = analyzeAcceptable(s);
  console.log(
    `- complete analyze (count, ZOPA, ${s.documents.length} documents' verdicts, 4 solutions, Pareto): ${fmt(total)} ms (median of 7)`,
  );
  console.log(`  - exact feasible count (${countFeasible(s).toLocaleString('en-US')}): ${fmt(count, 2)} ms`);
  console.log(
    `  - solutions + Pareto frontier (${a.frontier.length} points, ${a.exact ? 'exact' : `ε = ${a.epsilon}`}): ${fmt(acceptable)} ms`,
  );
  console.log(`  - every document's verdicts: ${fmt(docs, 2)} ms`);
  if (countFeasible(s) === 0) {
    const c = findConflicts(s);
    const ms = time(() => findConflicts(fresh()), 7, 2);
    console.log(
      `  - why nothing is feasible (${c.conflicts.length} minimal conflicts, ${c.checks} exact checks, ${c.complete ? 'complete' : 'budget hit'}): ${fmt(ms, 2)} ms`,
    );
  }
  // brute force on the largest prefix sub-space it finishes in about ten seconds
  const sizes = s.issues.map((x) => x.options.length);
  let k = 0;
  let space = 1;
  while (k < s.issues.length && space * sizes[k]! <= 1.1e8) space *= sizes[k++]!;
  const restrict = restrictTo(s, k);
  const t0 = performance.now();
  const b = bruteForce(s, restrict);
  const bruteMs = performance.now() - t0;
  const exactMs = time(
    () => {
      countFeasible(s, restrict);
      analyzeAcceptable(s, { restrict });
    },
    5,
    1,
  );
  const mine = analyzeAcceptable(s, { restrict });
  const r = mine.reservations;
  const nash = mine.solutions.nash
    ? Array.from(mine.solutions.nash.u).reduce((x, u, i) => x * Math.max(0, u - r[i]!), 1)
    : -1;
  const agree = countFeasible(s, restrict) === b.feasible && Math.abs(nash - b.nash) < 1e-9;
  console.log(
    `- brute force on the first ${k} issues (the others at status quo; ${b.visited.toLocaleString('en-US')} packages): ${fmt(bruteMs)} ms; exact: ${fmt(exactMs, 2)} ms; speed-up ${fmt(bruteMs / exactMs, 0)}× (${agree ? 'same count and Nash product' : 'MISMATCH'})`,
  );
  const full = Number(outcomeSpaceSize(s));
  console.log(
    `- brute force on the whole space, extrapolated at that rate: ${fmt((bruteMs * full) / b.visited / 3_600_000)} hours; speed-up ≈ ${((bruteMs * full) / b.visited / total).toExponential(1)}×`,
  );
}

function genius(): void {
  const s = geniusLike(20250101, 8, 5, 0);
  console.log(
    `\n## (c) GENIUS-like domain: 8 issues × 5 values = ${outcomeSpaceSize(s).toLocaleString('en-US')} packages, 2 parties, seed 20250101`,
  );
  const ms = time(() => analyzeScenario({ ...s, issues: [...s.issues] }), 9, 3);
  const cold = (() => {
    const t0 = performance.now();
    analyzeScenario(geniusLike(7, 8, 5, 0));
    return performance.now() - t0;
  })();
  const r = analyzeScenario(s);
  console.log(
    `- complete analyze (Pareto frontier of ${r.pareto.size} points, exact; 4 solutions; count; ZOPA): ${fmt(ms, 2)} ms (median of 9; another seed, first run: ${fmt(cold, 2)} ms)`,
  );
  const t0 = performance.now();
  const b = bruteForce(
    s,
    s.issues.map(() => null),
  );
  console.log(`- brute force, same outputs: ${fmt(performance.now() - t0)} ms (Pareto ${b.pareto} points)`);
}

/** Loading: parse, merge includes, validate, cross-check, compile. The first load pays for JIT warm-up. */
function loading(): void {
  console.log('\n## (d) loading the shipped scenarios (parse, includes, schema, cross-checks, compile)');
  for (const f of readdirSync(join(root, 'scenarios'))
    .filter((x) => x.endsWith('.yaml'))
    .sort()) {
    const path = join(root, 'scenarios', f);
    const t0 = performance.now();
    loadScenarioFile(path);
    const first = performance.now() - t0;
    const warm = time(() => loadScenarioFile(path), 5, 1);
    console.log(`- ${f}: ${fmt(warm)} ms warm (median of 5), first load in this process ${fmt(first)} ms`);
  }
}

/**
 * The engine: a whole headless run of a shipped scenario (every round's tabling, verdicts, tally; the mediator's
 * revisions and the agents' exact frontier work), per run and per round — what a facilitator waits for on a step.
 */
function engine(): void {
  console.log('\n## (e) the engine: a whole headless run, default strategies, seed 1');
  for (const id of ['tutorial-bilateral', '28-point-path', 'ukraine-peace', 'blame-and-pressure']) {
    const path = join(root, 'scenarios', `${id}.yaml`);
    if (!existsSync(path)) continue;
    const s = loadScenarioFile(path);
    const once = runHeadless(s, { seed: 1 });
    const rounds = once.snapshot.context.round;
    // a fresh scenario object (and issue list) each time: the agents' caches are keyed on them, so this is the
    // cost of a new run, not of a replay of one already computed
    const fresh = () => ({ ...s, issues: [...s.issues] });
    const ms = time(() => runHeadless(fresh(), { seed: 1 }), 5, 1);
    const replay = time(() => runHeadless(s, { seed: 1 }), 5, 1);
    console.log(
      `- ${id}: ${fmt(ms)} ms per new run (median of 5), ${rounds} rounds → ${fmt(ms / rounds)} ms per round; a replay of the same run (caches warm, as rewind does): ${fmt(replay)} ms; ends ${stateName(once.snapshot)}`,
    );
  }
}

console.log(
  `# peacesim benchmarks — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}\n`,
);
const file = join(root, 'scenarios/ukraine-peace.yaml');
const shipped = existsSync(file) ? loadScenarioFile(file) : null;
hotPath(shipped ?? ukraineLike(1));
if (shipped) ukraine(shipped);
else console.log('\n## (b) skipped: scenarios/ukraine-peace.yaml is missing');
genius();
loading();
engine();
await scale(root);
hostile(root);
// the record as evidence (sections "(l)"): on the default scenario, and on the tutorial
for (const id of ['ukraine-peace', 'tutorial-bilateral']) {
  const path = join(root, 'scenarios', `${id}.yaml`);
  if (existsSync(path)) await evidence(loadScenarioFile(path));
}
