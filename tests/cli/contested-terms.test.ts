// show names every recorded variant of a tabled document's terms beside the verdicts, and says which verdicts the
// variant would move: a verdict that rests on one version of a contested text never reads as the only one. The
// expectation is the scenario's own: the document's package with the one term read as the variant has it, judged
// by the positions of the date show judges by (the document's own, or --as-of).

import { describe, expect, it } from 'vitest';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import { nameInSentence } from '../../src/domain/actor-names.ts';
import { evaluatePackage } from '../../src/domain/evaluate.ts';
import { positionsAsOf } from '../../src/domain/positions.ts';
import { cliOk as cli } from '../cli-in-process.ts';

const flat = (t: string) => t.replace(/\s+/g, ' ');

describe('show: contested terms', () => {
  it('should ship documents with recorded variants', () => {
    const s = openScenario('ukraine-peace');
    expect(s.documents.some((d) => d.terms.some((t) => t.variants.length > 0))).toBe(true);
  });

  for (const id of shippedIds())
    for (const asOf of [undefined, '2022-04-15', '2026-02-18'])
      it(`should name each variant and the verdicts it moves: ${id}${asOf ? ` --as-of ${asOf}` : ''}`, async () => {
        const s = openScenario(id);
        const text = flat(await cli('show', id, ...(asOf ? ['--as-of', asOf] : [])));
        let variants = 0;
        for (const d of s.documents) {
          const judged = positionsAsOf(s, asOf ?? d.date);
          const before = evaluatePackage(judged, d.package);
          for (const t of d.terms)
            for (const v of t.variants) {
              if (v.option === t.option) continue;
              variants++;
              const pkg = Int32Array.from(d.package);
              pkg[t.issue] = v.option;
              const after = evaluatePackage(judged, pkg);
              const turns = after.verdicts.flatMap((x, k) =>
                x.accepts === before.verdicts[k]!.accepts
                  ? []
                  : [
                      `${nameInSentence(s.actors[k]!)} ${x.accepts ? 'rejects → accepts' : 'accepts → rejects'}`,
                    ],
              );
              if (after.agreement !== before.agreement)
                turns.push(`agreement ${after.agreement ? 'no → yes' : 'yes → no'}`);
              const issue = s.issues[t.issue]!;
              const src = v.sources.length ? ` [${v.sources.join(', ')}]` : '';
              // the term as tabled is the document's: flagged when the record does not settle it, unless the whole
              // document is unconfirmed (its title carries the flag)
              const tabledFlag = !d.confirmed
                ? ''
                : t.recall
                  ? ' (recall)'
                  : t.confirmed
                    ? ''
                    : ' (unconfirmed)';
              expect(text, `${d.id}/${issue.id}`).toContain(
                flat(
                  `contested term: ${issue.label} — as tabled, ${issue.options[t.option]!.label}${tabledFlag}; a recorded variant, ${issue.options[v.option]!.label}${src}`,
                ),
              );
              // flagged once: not again where the option's own label says it is unconfirmed
              const label = issue.options[v.option]!.label;
              const flagged = v.recall
                ? ' (recall)'
                : v.confirmed || /unconfirmed/.test(label)
                  ? ''
                  : ' (unconfirmed)';
              expect(text, `${d.id}/${issue.id}`).toContain(
                `${src}${flagged}; read so, ${turns.length ? turns.join(', ') : 'no verdict moves'}`,
              );
              expect(text).not.toMatch(/\(unconfirmed: [^)]*\)[^;]*\(unconfirmed\)/);
            }
        }
        expect(text.split('contested term: ').length - 1).toBe(variants);
      });
});
