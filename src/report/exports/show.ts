// What `peacesim show --json` prints: every number and fact show's text states, in ids, in the shapes the other
// commands' --json use — the actors as analyze reports them, the documents as analyze's `documents` (each judged by
// the positions of its date or of --as-of), the conflicts as analyze's, what the default run rests on as run's
// `restsOn` — with what only show says: values of no deal, withheld red lines, dated positions, ratification
// hurdles, the hypotheses every run has on, whose consent each text needs and what its verdicts judge.
import { actorReports, documentReports } from '../../analysis/analyze.ts';
import { conflictsOrNone } from '../../analysis/conflict-report.ts';
import { consentOf } from '../../domain/consent.ts';
import { appliedBeforeRecord } from '../../domain/on-record.ts';
import { epochIdsOn, positionsAsOf } from '../../domain/positions.ts';
import type { Scenario } from '../../domain/types.ts';
import { outcomeSpaceSize } from '../../domain/utility.ts';
import { reasons } from '../before-record.ts';
import type { RestsOnSection } from '../evidence.ts';
import { hypothesesOn } from '../hypotheses-words.ts';
import { judgedOn } from '../judged-on.ts';
import { noDealValue } from '../no-deal-values.ts';

/** A count as analyze writes it, a number — or its digits, past the integers a JSON number holds exactly. */
const exactSize = (n: bigint): number | string =>
  n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();

/** show's JSON; `asOf` is --as-of (absent: each document by its own date, the actors by the scenario's). */
export function showJson(s: Scenario, asOf: string | undefined, restsOn: RestsOnSection) {
  const date = asOf ?? s.date;
  const now = positionsAsOf(s, date);
  const inForce = new Set(epochIdsOn(s, date));
  const reports = actorReports(now);
  const documents = documentReports(s, asOf === undefined ? {} : { asOf });
  const numbered = reasons();
  return {
    scenario: {
      id: s.id,
      title: s.title,
      summary: s.summary,
      date: s.date,
      ...(s.recordEnds === undefined ? {} : { recordEnds: s.recordEnds }),
    },
    // the date the actors are shown as on (and, with --as-of, every document judged by)
    asOf: date,
    outcomeSpace: { size: exactSize(outcomeSpaceSize(s)), issues: s.issues.length },
    actors: now.actors.map((a, k) => ({
      ...reports[k]!,
      name: a.name,
      // as run's --json gives it (valuesOfNoDeal): value, plausible range, basis, sources
      reservation: noDealValue(a),
      // red lines not applied, each on a reading of its own (hinges restores them)
      withheldRedLines: s.actors[a.index]!.withheldRedLines.map((w) => ({
        id: w.redLine.id,
        text: w.redLine.text,
        basis: w.basis,
        sources: [...w.sources],
      })),
      epochs: s.actors[a.index]!.epochs.map((e) => ({
        id: e.id,
        label: e.label,
        ...(e.from === undefined ? {} : { from: e.from }),
        ...(e.until === undefined ? {} : { until: e.until }),
        basis: e.basis,
        inForce: inForce.has(e.id),
      })),
    })),
    ratifications: s.ratifications.map((r) => ({
      id: r.id,
      actor: s.actors[r.actor]!.id,
      label: r.label,
      text: r.text,
      ...(r.from === undefined ? {} : { from: r.from }),
      // whether it holds on `asOf` (a hurdle may start later than an --as-of)
      inForce: now.ratifications.includes(r),
      threshold: { value: r.threshold.value, basis: r.threshold.basis },
    })),
    hypotheses: hypothesesOn(s),
    conflicts: conflictsOrNone(now),
    documents: documents.map((d, k) => {
      const doc = s.documents[k]!;
      const early = appliedBeforeRecord(s, d.asOf);
      // the reasons numbered as show's text meets them: the broken red lines it names under a rejection, then the
      // document's list, actor by actor
      for (const [actor, v] of Object.entries(d.verdicts))
        if (v.required && !v.accepts)
          for (const x of v.violations) {
            const e = early.find((y) => y.actor === actor && y.kind === 'redLine' && y.id === x.redLine);
            if (e) numbered.numberOf(e);
          }
      const actorOrder = [...new Set(early.map((e) => e.actor))];
      for (const a of actorOrder) for (const e of early) if (e.actor === a) numbered.numberOf(e);
      return {
        ...d,
        // whose consent the text needs, and why: a party always, a controller for the issues it moves
        consent: consentOf(s, doc.package),
        judgedOn: judgedOn(s, doc),
        // each with the number of its reason in the text's "Held earlier" list (null: the scenario gives none)
        appliedBeforeRecord: early.map((e) => ({ ...e, reason: numbered.numberOf(e) ?? null })),
      };
    }),
    restsOn,
  };
}
