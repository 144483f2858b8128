// A tabled text whose terms the record reports otherwise, or does not settle, says so where it is tabled: in the run
// of every shipped scenario, each tabled document (from --json's transcript) names each recorded variant of its terms
// under one line saying the negotiation reads the text as tabled, and flags each term the record does not settle.
import { describe, expect, it } from 'vitest';
import { termVariants } from '../../src/analysis/contested.ts';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import { termVariantWords } from '../../src/report/contested-terms.ts';
import { CONTESTED_TABLED } from '../../src/report/narration/texts.ts';
import { cliOk } from '../cli-in-process.ts';

const flat = (t: string) => t.replace(/\s+/g, ' ');

describe('a tabled text names its contested and unsettled terms in the run', () => {
  it.each(shippedIds())('%s', async (id) => {
    const s = openScenario(id);
    const json = JSON.parse(await cliOk('run', id, '--json')) as {
      transcript: { kind: string; document?: string; changes?: unknown[] }[];
    };
    const text = flat(await cliOk('run', id));
    const tabled = json.transcript.filter((e) => e.kind === 'tabled').map((e) => e.document!);
    let variants = 0;
    for (const doc of tabled) {
      const d = s.documents.find((x) => x.id === doc)!;
      for (const v of termVariants(s, d)) expect(text, doc).toContain(flat(termVariantWords(s, v)));
      variants += termVariants(s, d).length ? 1 : 0;
    }
    expect(text.split(CONTESTED_TABLED).length - 1).toBe(variants);
  });

  it('the opening text of the default run flags the terms the record does not settle, and only those', async () => {
    const s = openScenario('ukraine-peace');
    const json = JSON.parse(await cliOk('run', 'ukraine-peace', '--json')) as {
      transcript: { kind: string; document?: string; trigger?: string }[];
    };
    const opening = json.transcript.find((e) => e.kind === 'tabled' && e.trigger === 'opening')!;
    const d = s.documents.find((x) => x.id === opening.document)!;
    expect(d.confirmed).toBe(true);
    const out = await cliOk('run', 'ukraine-peace', '--rounds', '1');
    const list = flat(out.slice(out.indexOf('Its terms'), out.indexOf(CONTESTED_TABLED.slice(0, 20))));
    let flagged = 0;
    for (const t of d.terms) {
      const issue = s.issues[t.issue]!;
      const option = issue.options[t.option]!;
      if (option.id === issue.options[issue.statusQuo]!.id) continue;
      const shown = `${issue.label}: ${option.label}`;
      expect(list).toContain(shown);
      const marked = list.includes(`${shown} (unconfirmed)`) || list.includes(`${shown} (recall)`);
      expect(marked, shown).toBe(!t.confirmed || t.recall);
      if (marked) flagged++;
    }
    expect(flagged).toBeGreaterThan(0);
  });
});
