// (k) Hostile inputs: what loading costs when a file tries to make it expensive — the alias reproduction
// (the tutorial with N plain aliases appended; the same content with the aliases written out is the yardstick),
// nesting up to the size limit, and a long list merged through an include. Every load is in-process, from memory.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../src/scenario/load.ts';
import { MAX_FILE_BYTES } from '../src/scenario/located.ts';

const fmt = (x: number, d = 1) =>
  x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/**
 * Median CPU time (user + system) of `runs` loads of `files[entry]` after three warm-ups, in ms, and how the load
 * ended. CPU time, not wall time: the figures stay meaningful on a machine shared with other work.
 */
function load(files: Record<string, string>, entry: string, runs = 7): { ms: number; outcome: string } {
  const read = (f: string) => {
    const t = files[f];
    if (t === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
    return t;
  };
  let outcome = '';
  const once = () => {
    const r = loadScenario(entry, read);
    outcome = r.ok ? 'loads' : `refused: ${r.errors[0]!.message.slice(0, 70)}`;
  };
  for (let i = 0; i < 3; i++) once();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    once();
    const c = process.cpuUsage(c0);
    t.push((c.user + c.system) / 1000);
  }
  return { ms: t.sort((a, b) => a - b)[Math.floor(runs / 2)]!, outcome };
}

const kb = (s: string) => `${fmt(Buffer.byteLength(s) / 1024, 0)} KB`;

export function hostile(root: string): void {
  console.log('\n## (k) hostile inputs — loading cost, CPU time (median of 7, in-process)');
  const tutorial = readFileSync(join(root, 'scenarios/tutorial-bilateral.yaml'), 'utf8');
  const anchored = tutorial.replace(/^id: /m, 'x-anchor: &a north\nid: ');
  console.log(
    '- the tutorial with N plain aliases appended (the issue: 2.6 / 30 / 121 s for 1,250 / 5,000 / 10,000,',
  );
  console.log('  40,000 never finished), against the same content with each alias written out:');
  for (const n of [1_250, 5_000, 10_000, 40_000]) {
    const aliases = `${anchored}\nzz:\n${'  - *a\n'.repeat(n)}`;
    const plain = aliases.replaceAll('*a', 'north');
    const a = load({ '/m/a.yaml': aliases }, '/m/a.yaml');
    const p = load({ '/m/p.yaml': plain }, '/m/p.yaml');
    console.log(
      `  - ${n.toLocaleString('en-US')} aliases (${kb(aliases)}): ${fmt(a.ms)} ms; written out (${kb(plain)}): ${fmt(p.ms)} ms; ratio ${fmt(a.ms / p.ms, 2)}`,
    );
  }
  const limit = MAX_FILE_BYTES - 1;
  const cases: [string, string][] = [
    ['`[` nested to the size limit', '['.repeat(limit)],
    ['`- ` nested to the size limit', '- '.repeat(Math.floor(limit / 2))],
    ['a flat mapping of 100,000 keys', Array.from({ length: 100_000 }, (_, i) => `k${i}: ${i}`).join('\n')],
  ];
  for (const [name, text] of cases) {
    const r = load({ '/m/x.yaml': text }, '/m/x.yaml', 3);
    console.log(`- ${name} (${kb(text)}): ${fmt(r.ms)} ms, ${r.outcome}`);
  }
  const sources = Array.from({ length: 10_000 }, (_, i) => `  - { id: s${i}, title: Source ${i} }`).join(
    '\n',
  );
  const base = tutorial.replace(/^sources:\n/m, `sources:\n${sources}\n`);
  const child = `include: base.yaml\nsources:\n${sources}\n`;
  const alone = load({ '/m/base.yaml': base }, '/m/base.yaml', 3);
  const merged = load({ '/m/base.yaml': base, '/m/child.yaml': child }, '/m/child.yaml', 3);
  console.log(
    `- 10,000 sources (${kb(base)}): ${fmt(alone.ms)} ms; the same list merged again through an include: ${fmt(merged.ms)} ms`,
  );
}
