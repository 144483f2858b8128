// The evidence benchmarks of `npm run bench`: calibrate (LPs solved by HiGHS), the hinges of every document and of
// the run, what a run's "rests on" section costs, and draws per second of --prior record. Figures go to
// docs/performance.md by hand.
import { calibrateScenario } from '../src/analysis/calibrate.ts';
import { documentHinges } from '../src/analysis/hinges.ts';
import { loadLp } from '../src/analysis/lp.ts';
import { drawFromRecord, recordPrior } from '../src/analysis/record-prior.ts';
import type { Scenario } from '../src/domain/types.ts';
import { outcomeHinges, playOutcome, restsOn } from '../src/engine/hinges.ts';

const fmt = (x: number, d = 1) =>
  x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

function median(f: () => void, runs: number): number {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

export async function evidence(s: Scenario): Promise<void> {
  console.log(`\n## (l) evidence — ${s.id}: ${s.record.length} recorded reactions`);
  let t0 = performance.now();
  const lp = await loadLp();
  const load = performance.now() - t0;
  t0 = performance.now();
  const first = calibrateScenario(lp, s);
  const cold = performance.now() - t0;
  const warm = median(() => calibrateScenario(lp, s), 5);
  console.log(
    `- calibrate: ${fmt(cold)} ms the first time in a process (after loading HiGHS: ${fmt(load)} ms), ${fmt(warm)} ms warm (median of 5); ${first.consistent ? 'consistent' : `${first.conflicts.length} reactions in conflict`}`,
  );
  const docs = median(() => documentHinges(s), 3);
  const tried = documentHinges(s).reduce((t, d) => t + d.tried, 0);
  console.log(
    `- every document's verdict hinges, exact up to 3: ${fmt(docs)} ms (${tried.toLocaleString('en-US')} sets tried)`,
  );
  const one = median(() => playOutcome(s, { seed: 1 }, []), 3);
  t0 = performance.now();
  const rests = restsOn(s, { run: { seed: 1 } });
  const restsMs = performance.now() - t0;
  console.log(
    `- one run: ${fmt(one)} ms; "The outcome rests on" (${rests.tried} choices reversed, one run each): ${fmt(restsMs)} ms — ${rests.items.length} found`,
  );
  t0 = performance.now();
  const h = outcomeHinges(s, { run: { seed: 1 }, budget: 150 });
  console.log(
    `- hinges of the run with the default budget (150 runs): ${fmt(performance.now() - t0)} ms; tried ${h.sizes.map((c) => `${c.tried}/${c.candidates} of size ${c.size}`).join(', ')}`,
  );
  if (s.record.length === 0) return;
  t0 = performance.now();
  const prior = recordPrior(lp, s);
  const setup = performance.now() - t0;
  const draws = 2000;
  t0 = performance.now();
  for (let k = 0; k < draws; k++) drawFromRecord(s, prior, 1, k);
  const ms = performance.now() - t0;
  console.log(
    `- --prior record: ${fmt(setup)} ms to set up (an LP starting point per actor), then ${fmt((draws / ms) * 1000, 0)} draws/s (${draws} draws, ${prior.reactions.length} reactions constraining)`,
  );
}
