// A text's contested terms: each term of a tabled document with a recorded variant (another report of what the text
// says), read as that variant has it, one at a time, and which verdicts that moves — so that no command states a
// verdict that rests on one version of a contested text without naming the other. One shape, ids not indices, for
// every command's text (report/contested-terms.ts words it) and --json.
import { type Evaluation, evaluatePackage, type Reservations } from '../domain/evaluate.ts';
import type { NegotiationDocument, Package, Scenario } from '../domain/types.ts';

/** A recorded variant of a text's term, as the record gives it: what the term says as tabled and as reported. */
export interface TermVariant {
  /** the id of the tabled document the term is of */
  readonly document: string;
  /** the issue's id */
  readonly issue: string;
  /** the option as the text has it (an option id, or a numeric issue's value) */
  readonly tabled: string | number;
  /** whether the record settles that the document says it, and whether that is commonly reported but unverified */
  readonly tabledConfirmed: boolean;
  readonly tabledRecall: boolean;
  /** the option as the recorded variant has it */
  readonly variant: string | number;
  /** the variant's sources and whether the record settles it */
  readonly sources: readonly string[];
  readonly confirmed: boolean;
  readonly recall: boolean;
}

export interface ContestedTerm extends TermVariant {
  /** every actor whose verdict the variant turns, with its verdict read so */
  readonly moved: readonly { readonly actor: string; readonly accepts: boolean }[];
  /** the agreement as the text has it and read as the variant has it */
  readonly agreement: { readonly asTabled: boolean; readonly readSo: boolean };
}

export interface ContestedOptions {
  /** the text as it stands, when a command changed the document's terms (default: the document's package) */
  readonly text?: Package;
  /** issues the command set itself: their terms say what the command says, and no variant applies to them */
  readonly settled?: readonly number[];
  readonly reservations?: Reservations;
  /** negotiators anticipate ratification, as `asRead` was judged */
  readonly anticipate?: boolean;
}

/** An option as --json writes it: a numeric issue's value, else the option's id (as analyze's packages). */
const termValue = (s: Scenario, issue: number, option: number): string | number => {
  const x = s.issues[issue]!;
  const o = x.options[option]!;
  return x.kind === 'numeric' ? o.value! : o.id;
};

/**
 * Each recorded variant of the document's terms that the text still holds, judged by `judged` (the positions of the
 * date shown) against `asRead`, the evaluation of the text as it stands.
 */
export function contestedTerms(
  judged: Scenario,
  d: NegotiationDocument,
  asRead: Evaluation,
  options: ContestedOptions = {},
): ContestedTerm[] {
  const text = options.text ?? d.package;
  const settled = new Set(options.settled ?? []);
  return d.terms.flatMap((t) =>
    settled.has(t.issue)
      ? []
      : t.variants
          .filter((v) => v.option !== text[t.issue])
          .map((v) => {
            const pkg = Int32Array.from(text);
            pkg[t.issue] = v.option;
            const ev = evaluatePackage(judged, pkg, options.reservations, options.anticipate);
            return {
              document: d.id,
              issue: judged.issues[t.issue]!.id,
              tabled: termValue(judged, t.issue, text[t.issue]!),
              tabledConfirmed: t.confirmed,
              tabledRecall: t.recall,
              variant: termValue(judged, t.issue, v.option),
              sources: v.sources,
              confirmed: v.confirmed,
              recall: v.recall,
              moved: ev.verdicts
                .filter((x, k) => x.accepts !== asRead.verdicts[k]!.accepts)
                .map((x) => ({ actor: x.actor, accepts: x.accepts })),
              agreement: { asTabled: asRead.agreement, readSo: ev.agreement },
            };
          }),
  );
}

/**
 * Each recorded variant of the document's terms, without a reading of what it moves — for a command whose
 * figures are shares over draws (sweep), which read every text as tabled and say so.
 */
export function termVariants(s: Scenario, d: NegotiationDocument): TermVariant[] {
  return d.terms.flatMap((t) =>
    t.variants
      .filter((v) => v.option !== t.option)
      .map((v) => ({
        document: d.id,
        issue: s.issues[t.issue]!.id,
        tabled: termValue(s, t.issue, t.option),
        tabledConfirmed: t.confirmed,
        tabledRecall: t.recall,
        variant: termValue(s, t.issue, v.option),
        sources: v.sources,
        confirmed: v.confirmed,
        recall: v.recall,
      })),
  );
}
