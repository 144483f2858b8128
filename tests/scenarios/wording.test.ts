// The words a reader meets in the model's own voice take no side: a label, a red line's text, an option's description
// say "held by Russia", not one side's term for it ("occupied", "liberated", "new regions"), unless quoting or
// attributing it; and a rationale that says time favours an actor does not sit beside a value of no deal that falls.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/domain/types.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { ROOT } from '../helpers.ts';

const files = readdirSync(resolve(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));
const load = (file: string) => loadScenarioFile(resolve(ROOT, 'scenarios', file));

/**
 * Terms that adopt one side's framing of the territory or the war. They may appear inside quotation marks (a
 * side's own words) and "declared … annexed" is a description of the act; anywhere else the model is speaking.
 */
const SIDE_TERMS =
  /\b(occupied|occupation|occupiers?|annexed|annexation|liberated|liberation|new regions|special military operation|aggressor|Kyiv regime|junta|deportees|deported|hostages)\b/i;

/** The text without quoted words and without "declared … annexed" (both attribute, neither adopts). */
function ownVoice(text: string): string {
  // Double quotes only: an apostrophe (Ukraine's, Russia's) is not a quotation mark.
  return text.replace(/"[^"]*"|“[^”]*”/g, ' ').replace(/\bdeclared\b[^.;]*?\bannexed\b/gi, ' ');
}

/** What a person reads as the model's own words: titles, labels, descriptions, red lines, rules, summaries. */
function ownWords(s: Scenario): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  const add = (where: string, text: string | undefined) => {
    if (text !== undefined) out.push({ where, text });
  };
  add('title', s.title);
  add('summary', s.summary);
  add('description', s.description);
  for (const i of s.issues) {
    add(`issue ${i.id}`, i.label);
    add(`issue ${i.id}`, i.description);
    for (const o of i.options) {
      add(`option ${i.id}/${o.id}`, o.label);
      add(`option ${i.id}/${o.id}`, o.description);
    }
  }
  for (const a of s.actors) {
    add(`actor ${a.id}`, a.description);
    for (const r of a.redLines) add(`red line ${a.id}:${r.id}`, r.text);
    for (const e of a.epochs) add(`epoch ${a.id}:${e.id}`, e.label);
  }
  for (const r of s.rules) add(`rule ${r.id}`, r.text);
  for (const d of s.documents) {
    add(`document ${d.id}`, d.title);
    add(`document ${d.id}`, d.summary);
  }
  for (const e of s.events) {
    add(`event ${e.id}`, e.title);
    add(`event ${e.id}`, e.description);
  }
  for (const f of s.durability?.factors ?? []) add(`durability ${f.id}`, f.label);
  for (const r of s.ratifications ?? []) {
    add(`ratification ${r.id}`, r.label);
    add(`ratification ${r.id}`, r.text);
  }
  return out;
}

describe('the model speaks in no side’s terms', () => {
  it.each(files)('%s uses no side’s term for the territory or the war in its own voice', (file) => {
    const taken = ownWords(load(file))
      .filter(({ text }) => SIDE_TERMS.test(ownVoice(text)))
      .map(({ where, text }) => `${where}: ${text}`);
    expect(taken).toEqual([]);
  });

  it('still quotes a side in its own words', () => {
    expect(SIDE_TERMS.test(ownVoice('Peskov speaks of "four new regions joining Russia".'))).toBe(false);
    expect(SIDE_TERMS.test(ownVoice('Russia declared four regions annexed in 2022.'))).toBe(false);
    expect(SIDE_TERMS.test(ownVoice('Other occupied areas'))).toBe(true);
    expect(SIDE_TERMS.test(ownVoice('before the annexation of four regions'))).toBe(true);
  });
});

describe('what a rationale says of time agrees with the drift', () => {
  /** A claim that waiting favours the actor: its value of no deal should not fall. */
  const TIME_ON_ITS_SIDE = /\btime is on (its|their) side\b|\btime works for\b|\bcan afford to wait\b/i;

  it.each(files)('%s: no actor whose value of no deal falls is said to have time on its side', (file) => {
    const s = load(file);
    const contradicted = s.actors
      .filter((a) => a.reservation.drift < 0)
      .filter((a) =>
        [a.reservation.rationale, a.reservation.driftHypothesis?.rationale].some(
          (t) => t !== undefined && TIME_ON_ITS_SIDE.test(t),
        ),
      )
      .map((a) => a.id);
    expect(contradicted).toEqual([]);
  });
});

describe('the two readings of a durability factor are worded alike', () => {
  /** ", as Moscow sees it", ", as Kyiv and Europe see them": the label says whose reading it is. */
  const ATTRIBUTED = /, as [^,]+ sees? (it|them)$/;

  it.each(files)(
    '%s: a factor and its counterpart both say whose reading they are, or neither does',
    (file) => {
      const factors = load(file).durability?.factors ?? [];
      const uneven = factors
        .filter((f) => f.counterpart !== undefined)
        .filter((f) => {
          const other = factors.find((x) => x.id === f.counterpart);
          return other !== undefined && ATTRIBUTED.test(f.label) !== ATTRIBUTED.test(other.label);
        })
        .map((f) => `${f.id}: "${f.label}"`);
      expect(uneven).toEqual([]);
    },
  );
});
