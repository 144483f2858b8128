import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { utility } from '../../src/domain/utility.ts';
import {
  GeniusError,
  type GeniusFile,
  parseGeniusDomain,
  parseGeniusProfile,
} from '../../src/interop/genius.ts';
import { geniusToYaml, slug } from '../../src/interop/genius-scenario.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { memoryFiles, ROOT } from '../helpers.ts';

const DIR = 'tests/fixtures/genius';
const fixture = (name: string): GeniusFile => ({
  file: `${DIR}/${name}`,
  text: readFileSync(resolve(ROOT, DIR, name), 'utf8'),
});

/** Loads YAML text through the real loader (schema, cross-checks, compile), from memory. */
function loadYaml(text: string) {
  const path = resolve(ROOT, 'imported.yaml');
  const r = loadScenario(path, memoryFiles({ [path]: text }));
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.line}:${e.col} ${e.message}`).join('\n'));
  return r.scenario;
}

describe('GENIUS fixtures', () => {
  const domain = fixture('job_domain.xml');
  const employer = fixture('employer.xml');
  const candidate = fixture('candidate.xml');

  it('should read the domain: issues in file order, values in file order', () => {
    const d = parseGeniusDomain(domain);
    expect(d.issues.map((x) => x.name)).toEqual(['Salary', 'Holidays', 'Lease car', 'Working from home']);
    expect(d.issues[3]!.values).toEqual(['0 days', '1 day', '2 days', 'Fully remote']);
  });

  it('should read profiles in their variants: integer or decimal evaluations, items out of order, no reservation', () => {
    const d = parseGeniusDomain(domain);
    const e = parseGeniusProfile(employer, d);
    expect(e.weights).toEqual([0.4, 0.2, 0.1, 0.3]);
    expect(e.evaluations[0]).toEqual([9, 6, 2]);
    expect(e.reservation).toBe(0.35);
    expect(e.discountFactor).toBe(0.9);
    const c = parseGeniusProfile(candidate, d);
    // the file lists 60k, 50k, 40k; evaluations come back in the domain's order
    expect(c.evaluations[0]).toEqual([0.2, 0.7, 1]);
    expect(c.reservation).toBeUndefined();
  });

  it('should convert to a scenario the loader accepts, with GENIUS utilities (hand-checked)', () => {
    const yaml = geniusToYaml(domain, [employer, candidate]);
    const s = loadYaml(yaml);
    expect(s.actors.map((a) => a.id)).toEqual(['employer', 'candidate']);
    expect(s.protocol.parties).toEqual([0, 1]);
    expect(s.issues.map((x) => x.id)).toEqual(['salary', 'holidays', 'lease-car', 'working-from-home']);
    // status quo: the first value of each issue
    expect(s.issues.map((x) => x.statusQuo)).toEqual([0, 0, 0, 0]);
    expect(s.actors.map((a) => a.reservation.value)).toEqual([0.35, 0]);
    // 50k, 25 days, a lease car, 2 days at home
    const pkg = [1, 1, 1, 2];
    expect(utility(s.actors[0]!, s.offsets, pkg)).toBeCloseTo(
      0.4 * (6 / 9) + 0.2 * (4 / 5) + 0.1 * (1 / 3) + 0.3 * (5 / 8),
      12,
    );
    expect(utility(s.actors[1]!, s.offsets, pkg)).toBeCloseTo(0.45 * 0.7 + 0.15 * 1 + 0.1 * 1 + 0.3 * 1, 12);
    // metadata: the discount factor and the conventions are in the description
    expect(s.description).toMatch(/employer 0\.9, candidate none/);
    expect(s.description).toMatch(/first value listed in the domain file/);
    expect(s.description).toMatch(/weights sum to 1/);
    // YAML 1.1 readers must see "no"/"yes" as option ids, not booleans
    expect(yaml).toContain('"no"');
  });

  it('should say by how much weights miss 1 as the sum a reader would write, not its floating-point error', () => {
    // the employer's weight on working from home set to 0: the rest, 0.4 + 0.2 + 0.1, is 0.7000000000000001 in doubles
    const weights = [...employer.text.matchAll(/<weight index="\d" value="([^"]*)"/g)].map((m) =>
      Number(m[1]),
    );
    const lastWeight = new RegExp(`<weight index="${weights.length}" value="[^"]*"`);
    const light: GeniusFile = {
      file: 'light.xml',
      text: employer.text.replace(lastWeight, `<weight index="${weights.length}" value="0"`),
    };
    const sum = weights.slice(0, -1).reduce((x, y) => x + y, 0);
    expect(String(sum)).not.toBe(String(Number(sum.toFixed(9)))); // the case is a real one
    const s = loadYaml(geniusToYaml(domain, [light, candidate]));
    expect(s.description).toContain(`Weights do not sum to 1 for light (${Number(sum.toFixed(9))})`);
  });

  it('should be deterministic and round-trip: the same YAML from the same files', () => {
    const a = geniusToYaml(domain, [employer, candidate]);
    expect(geniusToYaml(domain, [employer, candidate])).toBe(a);
    expect(parseYaml(a)).toEqual(parseYaml(geniusToYaml(domain, [employer, candidate])));
  });

  it('should fail with one located line for bad XML and unsupported features', () => {
    const d = parseGeniusDomain(domain);
    expect(() => parseGeniusProfile(fixture('bad-syntax.xml'), d)).toThrow(
      /^tests\/fixtures\/genius\/bad-syntax\.xml:6:5: not well-formed XML: .*closing tag/,
    );
    expect(() => parseGeniusDomain(fixture('integer-issue.xml'))).toThrow(
      /integer-issue\.xml:5:\d+: issue "Price" is type="integer"; only discrete issues are supported/,
    );
    expect(() => parseGeniusProfile(fixture('missing-evaluation.xml'), d)).toThrow(
      /missing-evaluation\.xml:8:\d+: issue "Salary", value "60k" has no evaluation/,
    );
    const nested: GeniusFile = {
      file: 'nested.xml',
      text: '<utility_space><objective index="0" name="root"><objective index="1" name="sub"><issue index="2" name="x"><item value="a"/></issue></objective></objective></utility_space>',
    };
    expect(() => parseGeniusDomain(nested)).toThrow(
      /^nested\.xml:1:\d+: nested objectives are not supported/,
    );
    const otherDomain: GeniusFile = {
      file: 'other.xml',
      text: '<utility_space><objective><issue index="1" name="Price"><item value="low"/></issue></objective></utility_space>',
    };
    expect(() => parseGeniusProfile(employer, parseGeniusDomain(otherDomain))).toThrow(
      /employer\.xml:\d+:\d+: issue index 1 is "Salary" here but "Price" in other\.xml/,
    );
    // a domain without the profile's last issue: the profile's weight on it would be dropped, not refused
    const last = [...domain.text.matchAll(/<issue [^>]*name="([^"]+)"[\s\S]*?<\/issue>/g)].at(-1)!;
    const shorter: GeniusFile = { file: 'shorter.xml', text: domain.text.replace(last[0], '') };
    expect(() => parseGeniusProfile(employer, parseGeniusDomain(shorter))).toThrow(
      new RegExp(
        `^tests/fixtures/genius/employer\\.xml:\\d+:\\d+: issue "${last[1]}" \\(index \\d+\\) is not in shorter\\.xml .*is this profile for that domain\\?$`,
      ),
    );
    const zero: GeniusFile = {
      file: 'zero.xml',
      text: employer.text.replace(/<weight index="(\d)" value="[^"]*"/g, '<weight index="$1" value="0"'),
    };
    expect(() => parseGeniusProfile(zero, d)).toThrow(/^zero\.xml:\d+:\d+: every issue has weight 0/);
    for (const bad of ['bad-syntax.xml', 'integer-issue.xml', 'missing-evaluation.xml']) {
      try {
        geniusToYaml(domain, [employer, fixture(bad)]);
      } catch (e) {
        expect(e).toBeInstanceOf(GeniusError);
        expect((e as Error).message.split('\n')).toHaveLength(1);
      }
    }
  });

  it('should make ids out of names', () => {
    expect(slug('Working from home', 'x')).toBe('working-from-home');
    expect(slug("19'' LCD", 'x')).toBe('19-lcd');
    expect(slug('Café Crème', 'x')).toBe('cafe-creme');
    expect(slug('***', 'fallback')).toBe('fallback');
  });
});

// --- property: the converted scenario computes GENIUS's utilities ---------------------------------------------------

interface Model {
  issues: { name: string; values: string[] }[];
  profiles: {
    weights: number[];
    evals: number[][];
    reservation: number | null;
    discount: number | null;
    weightsFirst: boolean;
    wrap: boolean;
    reversed: boolean;
    normalise?: boolean;
  }[];
}

const NAMES = [
  'Price',
  'Price!',
  'price',
  'Delivery time',
  'Colour',
  'Café',
  'x',
  'Ünïcode',
  '1st option',
  'A & B',
];
const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

const model: fc.Arbitrary<Model> = fc
  .array(
    fc.record({
      name: fc.constantFrom(...NAMES),
      values: fc.uniqueArray(fc.constantFrom(...NAMES, 'yes', 'no', 'low', 'high', '10', '20 %'), {
        minLength: 1,
        maxLength: 4,
      }),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .chain((issues) =>
    fc.record({
      issues: fc.constant(issues),
      profiles: fc.array(
        fc.record({
          weights: fc.array(fc.integer({ min: 0, max: 20 }), {
            minLength: issues.length,
            maxLength: issues.length,
          }),
          evals: fc.tuple(
            ...issues.map((x) =>
              fc.array(
                fc.oneof(
                  fc.integer({ min: 0, max: 10 }),
                  fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true }),
                ),
                { minLength: x.values.length, maxLength: x.values.length },
              ),
            ),
          ),
          reservation: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
          discount: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
          weightsFirst: fc.boolean(),
          wrap: fc.boolean(),
          reversed: fc.boolean(),
          normalise: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x < 0.8),
        }),
        { minLength: 2, maxLength: 3 },
      ),
    }),
  )
  .map((m) => ({
    ...m,
    // GENIUS weights sum to 1: scale the integers so they do (when any is positive)
    profiles: m.profiles.map((p) => {
      const raw = p.weights.some((w) => w > 0) ? p.weights : p.weights.map((_, i) => (i === 0 ? 1 : 0));
      const sum = raw.reduce((a, b) => a + b, 0);
      // mostly as GENIUS writes them (summing to 1); sometimes raw, which peacesim divides by their sum
      return { ...p, weights: p.normalise ? raw.map((w) => w / sum) : raw, evals: p.evals as number[][] };
    }),
  }));

function domainXml(m: Model): string {
  const issues = m.issues
    .map(
      (x, i) =>
        `<issue index="${i + 1}" etype="discrete" type="discrete" vtype="discrete" name="${esc(x.name)}">${x.values
          .map((v, k) => `<item index="${k + 1}" value="${esc(v)}"/>`)
          .join('')}</issue>`,
    )
    .join('\n');
  return `<?xml version="1.0"?>\n<negotiation_template><utility_space><objective index="0" name="d" type="objective" etype="objective">\n${issues}\n</objective></utility_space></negotiation_template>`;
}

function profileXml(m: Model, p: Model['profiles'][number]): string {
  const issues = m.issues
    .map((x, i) => {
      const items = x.values.map(
        (v, k) => `<item index="${k + 1}" value="${esc(v)}" evaluation="${p.evals[i]![k]}"/>`,
      );
      if (p.reversed) items.reverse();
      return `<issue index="${i + 1}" vtype="discrete" name="${esc(x.name)}">${items.join('')}</issue>`;
    })
    .join('\n');
  const weights = p.weights.map((w, i) => `<weight index="${i + 1}" value="${w}"/>`).join('\n');
  const body = p.weightsFirst ? `${weights}\n${issues}` : `${issues}\n${weights}`;
  const extra = `${p.reservation === null ? '' : `<reservation value="${p.reservation}"/>`}${p.discount === null ? '' : `<discount_factor value="${p.discount}"/>`}`;
  const space = `<utility_space><objective index="0" name="d">\n${body}\n</objective>${extra}</utility_space>`;
  return `<?xml version="1.0"?>\n${p.wrap ? `<negotiation_template>${space}</negotiation_template>` : space}`;
}

/** The GENIUS formula, straight from the model the XML was written from. */
function geniusFormula(p: Model['profiles'][number], bid: readonly number[]): number {
  let u = 0;
  p.weights.forEach((w, i) => {
    const evals = p.evals[i]!;
    const max = Math.max(...evals);
    u += w * (max < 0.00001 ? 0 : evals[bid[i]!]! / max);
  });
  return u;
}

describe('GENIUS conversion property', () => {
  it('should give every actor the GENIUS utility of every package (random domains, profiles, variants)', () => {
    fc.assert(
      fc.property(model, fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), (m, picks) => {
        const files = m.profiles.map((p, k) => ({ file: `profiles/party ${k}.xml`, text: profileXml(m, p) }));
        const s = loadYaml(geniusToYaml({ file: 'random-domain.xml', text: domainXml(m) }, files));
        expect(s.actors.map((a) => a.id)).toEqual(m.profiles.map((_, k) => `party-${k}`));
        expect(s.issues.map((x) => x.label)).toEqual(m.issues.map((x) => x.name));
        for (let t = 0; t < 4; t++) {
          const bid = m.issues.map((x, i) => (picks[(t + i) % picks.length]! + t) % x.values.length);
          m.profiles.forEach((p, a) => {
            const sum = p.weights.reduce((x, y) => x + y, 0);
            const expected = geniusFormula(p, bid) / sum;
            expect(Math.abs(utility(s.actors[a]!, s.offsets, bid) - expected)).toBeLessThan(1e-12);
          });
        }
        m.profiles.forEach((p, a) => {
          expect(s.actors[a]!.reservation.value).toBe(p.reservation ?? 0);
        });
      }),
      { numRuns: 150 },
    );
  });
});
