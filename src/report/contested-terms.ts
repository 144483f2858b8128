// A tabled document's contested terms: each term with a recorded variant (another report of what the text says),
// read as that variant has it, one at a time, and which verdicts that moves — so that `show` never states a verdict
// that rests on one version of a contested text without naming the other.
import { type Evaluation, evaluatePackage } from '../domain/evaluate.ts';
import type { NegotiationDocument, Provenance, Scenario } from '../domain/types.ts';
import { optionLabelAt } from './format.ts';
import { actorName, unconfirmedFlag } from './words.ts';

export interface ContestedTerm {
  readonly issue: number;
  /** the option as tabled */
  readonly tabled: number;
  readonly variant: Provenance & { readonly option: number };
  /** every actor whose verdict the variant turns, with its verdict read so */
  readonly moved: readonly { readonly actor: string; readonly accepts: boolean }[];
  /** the agreement read so, when it differs from the agreement as tabled */
  readonly agreement: boolean | null;
}

/** Each recorded variant of the document's terms, judged by `judged` (the positions of the date shown) against `asTabled`. */
export function contestedTerms(
  judged: Scenario,
  d: NegotiationDocument,
  asTabled: Evaluation,
): ContestedTerm[] {
  return d.terms.flatMap((t) =>
    t.variants
      .filter((v) => v.option !== t.option)
      .map((v) => {
        const pkg = Int32Array.from(d.package);
        pkg[t.issue] = v.option;
        const ev = evaluatePackage(judged, pkg);
        const moved = ev.verdicts
          .filter((x, k) => x.accepts !== asTabled.verdicts[k]!.accepts)
          .map((x) => ({ actor: x.actor, accepts: x.accepts }));
        return {
          issue: t.issue,
          tabled: t.option,
          variant: v,
          moved,
          agreement: ev.agreement === asTabled.agreement ? null : ev.agreement,
        };
      }),
  );
}

/**
 * "contested term: Donetsk region — as tabled, Frozen on the line of contact; a recorded variant, Mutual pull-back …
 * [s29, s31]; read so, Ukraine accepts → rejects" — the same words for every actor; no verdict moving says so.
 */
export function contestedTermWords(s: Scenario, c: ContestedTerm): string {
  const v = c.variant;
  const src = v.sources.length ? ` [${v.sources.join(', ')}]` : '';
  const variant = optionLabelAt(s, c.issue, v.option);
  // an option whose label already says it is unconfirmed ("75,000 troops (unconfirmed: one commentator only)")
  // is not flagged twice
  const flag = v.recall ? ' (recall)' : /\bunconfirmed\b/i.test(variant) ? '' : unconfirmedFlag(v.confirmed);
  const turns = c.moved.map(
    (m) => `${actorName(s, m.actor)} ${m.accepts ? 'rejects → accepts' : 'accepts → rejects'}`,
  );
  if (c.agreement !== null) turns.push(`agreement ${c.agreement ? 'no → yes' : 'yes → no'}`);
  return `contested term: ${s.issues[c.issue]!.label} — as tabled, ${optionLabelAt(s, c.issue, c.tabled)}; a recorded variant, ${variant}${src}${flag}; read so, ${turns.length ? turns.join(', ') : 'no verdict moves'}`;
}
