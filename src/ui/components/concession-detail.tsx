// The minimal concessions' selected set, under the list on the analysis screen: each margin over no deal, its
// changes, and why each actor that still rejects a closest set does — a red line the concessions' date applies before
// its earliest source marked † as the sandbox marks it, with its source and reason on a row below. Every line is
// whole (a margin or a basis mark cut off is a number or a basis lost); when they do not fit, pgup/pgdn scroll them.

import { Box } from 'ink';
import type { ConcessionSet, NearMiss } from '../../analysis/concessions-types.ts';
import { actorAtStart } from '../../domain/actor-names.ts';
import { evaluatePackage, type Verdict } from '../../domain/evaluate.ts';
import type { AppliedBeforeRecord } from '../../domain/on-record.ts';
import type { NegotiationDocument, Scenario } from '../../domain/types.ts';
import { documentTermFlagText } from '../../report/words.ts';
import type { Span } from '../layout.ts';
import { GLYPH, type Theme, useTheme } from '../theme.ts';
import { beforeRecordSpans, reasonSpans, shortName, signedGap } from '../words.ts';
import { ScrollBox } from './scroll-box.tsx';
import { Wrapped, wrappedHeight } from './wrapped.tsx';

/** The verdicts of the required actors that still reject a closest set, in its order. */
export function stillRejecting(scenario: Scenario, anticipate: boolean, set: NearMiss): Verdict[] {
  const ev = evaluatePackage(scenario, set.package, undefined, anticipate);
  return set.rejecting.map((a) => ev.verdicts[a]!);
}

export interface ConcessionDetailProps {
  readonly scenario: Scenario;
  readonly set: ConcessionSet | NearMiss;
  /** the verdicts of the actors that still reject it */
  readonly still: readonly Verdict[];
  /** for each, and each red line it breaks, the mark of one applied before its earliest source († as the sandbox) */
  readonly marks: readonly (readonly (AppliedBeforeRecord | undefined)[])[];
  /** the document the set changes: a term of it the record does not settle is marked where the set moves it */
  readonly document?: NegotiationDocument | undefined;
}

/** The detail's paragraphs, each a list of styled spans. */
function detailSpans(
  { scenario, set, still, marks, document }: ConcessionDetailProps,
  theme: Theme,
): Span[][] {
  const name = (actor: string) => shortName(scenario.actors[scenario.actorIndex.get(actor)!]!.name);
  const changes = set.changes.map((c): Span[] => {
    const issue = scenario.issues[c.issue]!;
    return [
      { text: issue.label, bold: true },
      // the term it replaces is the document's: its mark when the record does not settle it
      { text: `: ${issue.options[c.from]!.label}${documentTermFlagText(document, c.issue)} → ` },
      { text: issue.options[c.to]!.label, color: theme.changed },
    ];
  });
  // an actor's name and its margin stay on one line (no-break spaces): "European Union +0.07", never split
  const margins: Span[] = [
    { text: 'over no deal:', dim: true },
    ...set.required.map((a, k) => ({
      text: `${k ? ' ·' : ''} ${`${shortName(scenario.actors[a]!.name)} ${signedGap(set.utilities[a]! - scenario.actors[a]!.reservation.value)}`.replace(/ /g, '\u00a0')}`,
      dim: true,
    })),
  ];
  // every reason, a paragraph each: each red line broken (a second version of one fact says so) and how far short of
  // no deal, when it is that too — the first alone hid a red line, or that keeping them would not win the actor over
  const rejects = still.flatMap((v, k): Span[][] =>
    reasonSpans(scenario, v, theme).map((reason, j): Span[] => [
      j === 0
        ? { text: `${shortName(actorAtStart(scenario, v.actor))} still rejects — `, color: theme.reject }
        : { text: '\u00a0\u00a0', color: theme.reject },
      ...(marks[k]?.[j] ? [{ text: `${GLYPH.before} `, color: theme.warn }] : []),
      ...reason,
    ]),
  );
  // the mark leads the red line; its source and reason are below, a paragraph for each line marked
  const legends = [...new Set(marks.flatMap((e) => e.flatMap((x) => x ?? [])))].map((e): Span[] => [
    { text: `${GLYPH.before} `, color: theme.warn },
    ...(still.length > 1 ? [{ text: `${name(e.actor)}: ` }] : []),
    ...beforeRecordSpans(e, theme).slice(1),
  ]);
  // the margins first: the numbers are on screen before anything scrolls
  return [margins, ...changes, ...rejects, ...legends];
}

/** Rows the detail takes whole at `width` (the list's last line sets it off from the sets above). */
export function concessionDetailHeight(props: ConcessionDetailProps, theme: Theme, width: number): number {
  return detailSpans(props, theme).reduce((n, spans) => n + wrappedHeight(spans, width), 0);
}

/** The selected set: its changes, the margins over no deal, and why each actor that still rejects it does. */
export function ConcessionDetail(
  props: ConcessionDetailProps & {
    readonly width: number;
    readonly height: number;
    readonly active: boolean;
  },
) {
  const theme = useTheme();
  const { width, height, active } = props;
  return (
    <Box flexDirection="column" width={width} height={height} flexShrink={0}>
      <ScrollBox height={height} width={width} active={active} pagesOnly>
        {detailSpans(props, theme).map((spans, k) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the paragraphs are in a fixed order
          <Wrapped key={k} spans={spans} width={width} />
        ))}
      </ScrollBox>
    </Box>
  );
}
