// `npm run fuzz`: the long loader fuzz (100,000+ cases by default), each case under a watchdog. Prints the
// numbers and every finding with what reproduces it; exits 1 if there is any.
//   npm run fuzz                          the default plan with a seed from the clock (printed)
//   npm run fuzz -- --seed 7 --runs 5000  5,000 cases per category with seed 7
//   npm run fuzz -- --replay edited:7:123 run one case in this process and print it
import { CATEGORIES, type Category, caseAt, checkCase } from './fuzz-cases.ts';
import { type Finding, runFuzz } from './fuzz-runner.ts';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const replay = flag('--replay');
if (replay !== undefined) {
  const [category, seed, i] = replay.split(':');
  if (!category || !(category in CATEGORIES) || !seed || !i) {
    console.error('--replay CATEGORY:SEED:CASE, e.g. edited:7:123');
    process.exit(2);
  }
  const c = caseAt(category as Category, Number(seed), Number(i));
  console.log(JSON.stringify(c.files[c.entry]).slice(0, 4000));
  console.log(checkCase(c) ?? 'the contract holds');
  process.exit(0);
}

const seed = Number(flag('--seed') ?? Date.now() % 2 ** 31);
const runs = flag('--runs');
/** 100,000 cases by default, weighted to the cases that reach deepest into the loader */
const plan: Record<Category, number> = runs
  ? (Object.fromEntries(Object.keys(CATEGORIES).map((c) => [c, Number(runs)])) as Record<Category, number>)
  : { mutated: 30_000, edited: 30_000, aliased: 8_000, included: 12_000, nested: 8_000, random: 12_000 };
/** a case takes milliseconds; the budget only has to tell a hang from a loaded machine */
const budget = Number(flag('--budget-ms') ?? 20_000);

console.log(`loader fuzz: seed ${seed}, per-case budget ${budget} ms, plan ${JSON.stringify(plan)}`);
const replayOf = (f: Finding) => `npm run fuzz -- --replay ${f.category}:${f.seed}:${f.i}`;
let last = 0;
let found = 0;
const report = await runFuzz(plan, seed, budget, (category, done, of, findings) => {
  // each finding at once, so that a run stopped before its end still tells what it found
  for (const f of findings) console.log(`  found: ${f.kind} ${f.category}:${f.seed}:${f.i}: ${f.message}`);
  found += findings.length;
  if (performance.now() - last > 30_000 || done === of) {
    last = performance.now();
    console.log(
      `  ${category}: ${done.toLocaleString('en-US')} / ${of.toLocaleString('en-US')} (${found} findings so far)`,
    );
  }
});
const count = (k: string) => report.findings.filter((f) => f.kind === k).length;
console.log(
  `${report.cases.toLocaleString('en-US')} cases in ${(report.ms / 1000).toFixed(0)} s: ${count('crash')} crashes, ${count('hang')} hangs, ${count('abort')} aborts, ${count('contract')} broken contracts`,
);
for (const f of report.findings)
  console.log(`${f.kind} ${f.category}:${f.seed}:${f.i}: ${f.message} (${replayOf(f)})`);
process.exitCode = report.findings.length > 0 ? 1 : 0;
