// One rule for every outlet, whichever state it belongs to (docs/scenario-format.md, "Reliability notes"): a source
// from state media or a state-aligned outlet carries the same use caveat, publicly funded media independent by
// statute say so, and no note calls an outlet state media unless the list below does.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceRef } from '../../src/domain/types.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { ROOT } from '../helpers.ts';

const CAVEAT = 'relied on only for the words it quotes and for texts whose wording independent outlets match';

type Kind = 'state media' | 'state-aligned outlet' | 'independent by statute';

/** Outlets by domain (a subdomain counts as its domain): whose, and what kind. */
const BY_DOMAIN: Record<string, [string, Kind]> = {
  'tass.com': ['Russian', 'state media'],
  'rt.com': ['Russian', 'state media'],
  'interaffairs.ru': ['Russian', 'state media'],
  'news-pravda.com': ['Russian', 'state-aligned outlet'],
  'pravda.ru': ['Russian', 'state-aligned outlet'],
  'pravda-en.com': ['Russian', 'state-aligned outlet'],
  'lenta.ru': ['Russian', 'state-aligned outlet'],
  'radio1.ru': ['Russian', 'state-aligned outlet'],
  'ukrinform.fr': ['Ukrainian', 'state media'],
  'ukrinform.net': ['Ukrainian', 'state media'],
  'ukrinform.ua': ['Ukrainian', 'state media'],
  'cgtn.com': ['Chinese', 'state media'],
  'chinaview.cn': ['Chinese', 'state media'],
  'xinhuanet.com': ['Chinese', 'state media'],
  'globaltimes.cn': ['Chinese', 'state media'],
  'trtworld.com': ['Turkish', 'state media'],
  'dailysabah.com': ['Turkish', 'state-aligned outlet'],
  'anews.com.tr': ['Turkish', 'state-aligned outlet'],
  'news.by': ['Belarusian', 'state media'],
  'mehrnews.com': ['Iranian', 'state media'],
  'rferl.org': ['US', 'independent by statute'],
  'ekhokavkaza.com': ['US', 'independent by statute'],
};

/** Outlets a source's publisher may name without a URL (a copy it relays): the same kinds. */
const BY_NAME: Record<string, [string, Kind]> = {
  TASS: ['Russian', 'state media'],
  RT: ['Russian', 'state media'],
  Ukrinform: ['Ukrainian', 'state media'],
  CGTN: ['Chinese', 'state media'],
  Xinhua: ['Chinese', 'state media'],
  'TRT World': ['Turkish', 'state media'],
  'A News': ['Turkish', 'state-aligned outlet'],
  Suspilne: ['Ukrainian', 'independent by statute'],
};

function domainsOf(s: SourceRef): string[] {
  const text = [s.url ?? '', s.publisher ?? ''].join(' ');
  return [...text.matchAll(/https?:\/\/([^/\s:,]+)/g)].map((m) => m[1]!.replace(/^www\./, ''));
}

function outletsOf(s: SourceRef): [string, Kind][] {
  const out: [string, Kind][] = [];
  for (const d of domainsOf(s))
    for (const [domain, kind] of Object.entries(BY_DOMAIN))
      if (d === domain || d.endsWith(`.${domain}`)) out.push(kind);
  // the copies a source names beside its own (in its publisher: "Lenta.ru (relaying TASS …)", "…; also RT, …")
  const named = s.publisher ?? '';
  for (const [name, kind] of Object.entries(BY_NAME))
    if (new RegExp(`(^|[^\\w])${name}([^\\w]|$)`).test(named)) out.push(kind);
  return out;
}

const files = readdirSync(resolve(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));
const sources = new Map<string, SourceRef>();
for (const f of files)
  for (const s of loadScenarioFile(resolve(ROOT, 'scenarios', f)).sources) sources.set(`${f}:${s.id}`, s);

describe('reliability notes: one rule for every outlet', () => {
  it('finds the outlets of every kind the rule names among the shipped sources', () => {
    const kinds = new Set(
      [...sources.values()].flatMap((s) => outletsOf(s).map(([who, kind]) => `${who} ${kind}`)),
    );
    for (const k of [
      'Russian state media',
      'Russian state-aligned outlet',
      'Ukrainian state media',
      'Chinese state media',
      'Turkish state media',
      'US independent by statute',
    ])
      expect(kinds).toContain(k);
  });

  it('gives every source from state media or a state-aligned outlet, of whatever state, the same caveat', () => {
    const missing: string[] = [];
    for (const [key, s] of sources)
      for (const [who, kind] of outletsOf(s)) {
        const note = s.reliability ?? '';
        if (kind === 'independent by statute') {
          if (!note.includes('editorially independent by statute'))
            missing.push(`${key}: ${who} public media`);
          continue;
        }
        if (!note.includes(`${who} ${kind}`) || !note.includes(CAVEAT))
          missing.push(`${key}: ${who} ${kind}`);
      }
    expect(missing).toEqual([]);
  });

  it('calls no outlet state media or state-aligned unless the list does, and uses no side-taking yardstick', () => {
    const unlisted: string[] = [];
    for (const [key, s] of sources) {
      const note = s.reliability ?? '';
      if (/state media|state-aligned|state-owned|state-linked/i.test(note) && outletsOf(s).length === 0)
        unlisted.push(key);
      expect(note, key).not.toMatch(/Western outlets/);
    }
    expect(unlisted).toEqual([]);
  });
});
