// The end of a session: how it ended, the final terms (• where they moved from the status quo), and what the
// final text is worth to each actor against its value of no deal — or, in the public view the teams see, only who
// accepted it: utilities and values of no deal are private.

import { Box, Text } from 'ink';
import { actorInSentence } from '../../domain/actor-names.ts';
import { keptFlagsNote, termFlagText } from '../../domain/flags.ts';
import { optionOf } from '../../domain/lookup.ts';
import type { Scenario } from '../../domain/types.ts';
import type { TranscriptEntry } from '../../engine/transcript.ts';
import { lastRejectionWords } from '../../report/holdout-why.ts';
import { lastTextFlags } from '../../report/last-text-flags.ts';
import { bodies, hurdleSentence } from '../../report/ratification.ts';
import { listing } from '../../report/words.ts';
import { type Span, wrapSpans } from '../layout.ts';
import type { Outcome } from '../state/play.ts';
import { GLYPH, useTheme } from '../theme.ts';
import { fix3, plural } from '../words.ts';
import { fitRows } from './folded-row.tsx';
import { UtilityBar } from './utility-bar.tsx';
import { Wrapped } from './wrapped.tsx';

export interface OutcomePaneProps {
  /** the scenario as it stands at the end */
  readonly scenario: Scenario;
  readonly outcome: Outcome;
  readonly width: number;
  readonly height: number;
  /** the facilitator view: each actor's utility against its value of no deal */
  readonly numbers: boolean;
  /** the session's transcript: in the facilitator view, why each actor said no to the last text */
  readonly transcript?: readonly TranscriptEntry[];
}

/** The reasons a rejection gives that the public view tells: none compares a private number. */
const PUBLIC_REASONS: ReadonlySet<string> = new Set(['red-line', 'absent', 'person']);

export function OutcomePane({ scenario, outcome, width, height, numbers, transcript }: OutcomePaneProps) {
  const theme = useTheme();
  const head =
    outcome.kind === 'signed'
      ? {
          text: `${GLYPH.accept} Signed in round ${outcome.round}${outcome.ratification ? `, subject to ${bodies(outcome.ratification, scenario)}` : ''}`,
          color: theme.accept,
        }
      : outcome.kind === 'stalemate'
        ? {
            text: `${GLYPH.reject} Stalemate: round ${outcome.round} was the last, no text won every consent`,
            color: theme.warn,
          }
        : {
            text: `${GLYPH.reject} The talks collapsed in round ${outcome.round} (${names(scenario, outcome.actors)} walked out)`,
            color: theme.reject,
          };
  // every issue's name whole where a third of the width holds it; cut only on narrow screens
  const labelWidth = Math.min(
    Math.max(28, Math.floor(width / 3)),
    Math.max(...scenario.issues.map((x) => x.label.length)) + 1,
  );
  const nameWidth = Math.min(30, Math.max(...scenario.actors.map((a) => a.name.length)) + 1);
  const barWidth = Math.max(8, Math.min(30, width - nameWidth - 22));
  // how it ended, each hurdle's sentence and who said no, whole: a cut one lost a number, or whether a hurdle is
  // cleared ("— it falls short")
  const headSpans: Span[] = [{ text: head.text, color: head.color, bold: true }];
  const hurdleSpans: Span[][] =
    numbers && outcome.ratification
      ? outcome.ratification.hurdles.map((h) => [
          { text: hurdleSentence(scenario, h), color: h.clears ? theme.accept : theme.warn },
        ])
      : [];
  const rowsOf = (spans: readonly Span[]) => wrapSpans(spans, width).length;
  const hurdleRows = hurdleSpans.reduce((n, spans) => n + rowsOf(spans), 0);
  // who said no to the last text, and why by each one's verdict: a red line crossed is public (a stated position,
  // as the transcript shows it), and so are a walk-out and a person's choice (the public transcript tells both); a
  // reason that compares private numbers (value of no deal, what it held out for, its body's threshold) is the
  // facilitator view's only
  const why = new Map(
    [...(transcript ? lastRejectionWords(transcript, outcome.rejecting) : [])].flatMap(([id, r]) =>
      numbers || PUBLIC_REASONS.has(r.kind) ? [[id, r.words] as const] : [],
    ),
  );
  const rejected =
    outcome.kind === 'stalemate' && outcome.rejecting.length
      ? `The last text was rejected by ${listing(
          outcome.rejecting.map((id) => {
            const name = actorInSentence(scenario, id);
            return why.has(id) ? `${name} (${why.get(id)})` : name;
          }),
        )}.`
      : null;
  const rejectedRows = rejected ? rowsOf([{ text: rejected }]) : 0;
  // each term's name and option wrap in their columns (an option cut short could hide the term that differs); as
  // many whole terms as fit, a row kept for the rest
  const optionWidth = Math.max(8, width - 2 - labelWidth - 1);
  // a term the last text keeps from the tabled document it descends from keeps that document's flag, the term's
  // own or the whole text's — a status-quo term the document states too, which the tabling line (the terms that
  // differ from the status quo) does not list; a term the negotiation moved is the engine's, unflagged. Which
  // document the flags are of is said once under the heading, not after each term (rows the terms need)
  const flags = transcript ? lastTextFlags(scenario, transcript, outcome.terms) : new Map<string, never>();
  const asIn = [...flags.values()][0]?.asIn;
  const flagNote: Span[] | null = asIn === undefined ? null : [{ text: keptFlagsNote(asIn), dim: true }];
  const terms = scenario.issues.map((x) => {
    const value = outcome.terms[x.id];
    const o = value === undefined ? x.statusQuo : optionOf(scenario, x.index, value);
    const moved = o !== x.statusQuo;
    const kept = flags.get(x.id);
    const spans: Span[] = [
      { text: x.options[o]?.label ?? String(value), dim: !moved },
      ...(kept ? [{ text: termFlagText(kept.flag), dim: true }] : []),
    ];
    return { x, moved, spans };
  });
  const termHeights = terms.map((t) =>
    Math.max(wrapSpans([{ text: t.x.label }], labelWidth).length, wrapSpans(t.spans, optionWidth).length),
  );
  // the two headings whole: what • marks, and where the facilitator view shows what the text is worth
  const termsHeading: Span[] = [
    { text: outcome.kind === 'signed' ? 'The agreed terms' : 'The last text on the table', bold: true },
    { text: ` · ${GLYPH.changed} where they differ from the status quo`, dim: true },
  ];
  const actorsHeading: Span[] = numbers
    ? [{ text: 'Worth to each actor', bold: true }]
    : [
        { text: outcome.kind === 'signed' ? 'Who signed' : 'Who accepted the last text tallied', bold: true },
        { text: ' · v shows what it is worth to each (facilitator view)', dim: true },
      ];
  const termFit = fitRows(
    termHeights,
    Math.max(
      1,
      height -
        2 -
        rowsOf(termsHeading) -
        (flagNote ? rowsOf(flagNote) : 0) -
        rowsOf(actorsHeading) -
        rowsOf(headSpans) -
        scenario.actors.length -
        hurdleRows -
        rejectedRows,
    ),
  );
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Wrapped spans={headSpans} width={width} />
      {rejected ? <Wrapped spans={[{ text: rejected }]} width={width} /> : null}
      {/* the vote's verdict rests on the actor's utility, a private number: the facilitator view only */}
      {hurdleSpans.map((spans, k) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the hurdles are in a fixed order
        <Wrapped key={k} spans={spans} width={width} />
      ))}
      <Wrapped spans={termsHeading} width={width} />
      {flagNote ? <Wrapped spans={flagNote} width={width} /> : null}
      {terms.slice(0, termFit.shown).map(({ x, moved, spans }) => (
        <Box key={x.id} width={width} flexShrink={0}>
          <Box width={2} flexShrink={0}>
            <Text color={theme.changed}>{moved ? GLYPH.changed : ' '}</Text>
          </Box>
          <Box width={labelWidth} flexShrink={0} marginRight={1}>
            <Wrapped spans={[{ text: x.label }]} width={labelWidth} />
          </Box>
          <Wrapped spans={spans} width={optionWidth} />
        </Box>
      ))}
      {termFit.more ? (
        <Text dimColor>… {plural(termFit.more, 'more term')} (peacesim report for all)</Text>
      ) : null}
      <Text> </Text>
      <Wrapped spans={actorsHeading} width={width} />
      {numbers ? null : (
        <PublicVerdicts scenario={scenario} outcome={outcome} width={width} nameWidth={nameWidth} />
      )}
      {!numbers
        ? null
        : scenario.actors.map((a) => {
            const u = outcome.utilities[a.id];
            const r = a.reservation.value;
            return (
              <Box key={a.id} width={width}>
                <Box width={nameWidth} flexShrink={0}>
                  <Text wrap="truncate-end">{a.name}</Text>
                </Box>
                {u === undefined ? (
                  <Text dimColor>—</Text>
                ) : (
                  <Text wrap="truncate-end">
                    <UtilityBar utility={u} reservation={r} width={barWidth} accepts={u >= r - 1e-12} />{' '}
                    <Text bold>{fix3(u)}</Text>
                    <Text dimColor> no deal {fix3(r)}</Text>
                  </Text>
                )}
              </Box>
            );
          })}
    </Box>
  );
}

/** Each actor's public answer to the last text: accepted, rejected, walked out, or not asked. */
function PublicVerdicts({
  scenario,
  outcome,
  width,
  nameWidth,
}: {
  scenario: Scenario;
  outcome: Outcome;
  width: number;
  nameWidth: number;
}) {
  const theme = useTheme();
  return (
    <>
      {scenario.actors.map((a) => {
        const [mark, words, color] = outcome.actors.includes(a.id)
          ? [GLYPH.reject, 'walked out', theme.reject]
          : outcome.accepting.includes(a.id)
            ? [GLYPH.accept, 'accepts', theme.accept]
            : outcome.rejecting.includes(a.id)
              ? [GLYPH.reject, 'rejects', theme.reject]
              : [' ', 'its consent was not needed', undefined];
        return (
          <Box key={a.id} width={width}>
            <Box width={nameWidth} flexShrink={0}>
              <Text wrap="truncate-end">{a.name}</Text>
            </Box>
            <Text color={color} bold={color !== undefined} wrap="truncate-end">
              {mark} {words}
            </Text>
          </Box>
        );
      })}
    </>
  );
}

/** Actors by id, as a reader names them: "Russia", "Russia and Ukraine", "A, B and C". */
function names(scenario: Scenario, ids: readonly string[]): string {
  return listing(ids.map((id) => actorInSentence(scenario, id)));
}
