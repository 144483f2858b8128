// A team's private view on its turn: what the text on the table is worth to it against no deal, its red lines
// (which the text breaks), its issues by weight with what the text gives it — then its move. Shown only after
// the privacy gate; rejecting asks which issues to change (a list of them, costliest first). The view fits its
// height exactly: the lists of red lines, issues and asks are cut to the rows left, with a "+N more" row.
import { Box, Text } from 'ink';
import { basisMark } from '../../domain/basis.ts';
import { brokenConstraints, verdictOf } from '../../domain/evaluate.ts';
import { documentTermFlagText, unconfirmedFlag } from '../../domain/flags.ts';
import { appliedBeforeRecord } from '../../domain/on-record.ts';
import type { Actor, NegotiationDocument, Scenario } from '../../domain/types.ts';
import { issueCosts } from '../../domain/utility.ts';
import { digitsApart, fixed } from '../../report/format.ts';
import { type Span, wrapSpans } from '../layout.ts';
import type { TurnView } from '../state/play-view.ts';
import { GLYPH, useTheme } from '../theme.ts';
import { basisText, beforeRecordSpans, fix3, shortName } from '../words.ts';
import { CheckList } from './check-list.tsx';
import { brokenWords, fitRows, lighterWords, More, moreWords, weakerMarks } from './folded-row.tsx';
import { redLineAsides, teamRedLineSpans } from './team-red-lines.ts';
import { UtilityBar } from './utility-bar.tsx';
import { Wrapped } from './wrapped.tsx';

export interface BriefingProps {
  /** the scenario as it stands now (reservations, weights, red lines after drift and events) */
  readonly scenario: Scenario;
  readonly turn: TurnView;
  /** the text on the table (empty before there is one) */
  readonly text: readonly number[];
  /** the tabled document that text is, when it is one (not a party's or the mediator's): its terms carry their flags */
  readonly document?: NegotiationDocument | undefined;
  readonly round: number;
  readonly maxRounds: number;
  readonly width: number;
  readonly height: number;
  readonly onReject: (asks: readonly string[]) => void;
}

export function actorOf(scenario: Scenario, id: string): Actor {
  return scenario.actors[scenario.actorIndex.get(id)!]!;
}

const MOVE_WORDS = {
  respond: 'answer the text on the table: accept it, or reject it and say what must change',
  propose: 'propose a text: edit the terms of the one on the table and table it',
  revise: 'revise the single negotiating text as its mediator',
} as const;

/** The private view's first lines: whose eyes only, and the round. */
export function PrivateHeading({ actor, note, width }: { actor: Actor; note: string; width: number }) {
  const theme = useTheme();
  return (
    <Box width={width} flexShrink={0}>
      <Box flexGrow={1} flexShrink={1}>
        <Text wrap="truncate-end">
          <Text bold inverse color={theme.warn}>
            {' PRIVATE '}
          </Text>
          <Text bold> {actor.name}</Text>
          <Text dimColor> — for this team's eyes only</Text>
        </Text>
      </Box>
      <Box flexShrink={0} marginLeft={1}>
        <Text dimColor>{note}</Text>
      </Box>
    </Box>
  );
}

export function Briefing({
  scenario,
  turn,
  text,
  document,
  round,
  maxRounds,
  width,
  height,
  onReject,
}: BriefingProps) {
  const theme = useTheme();
  const actor = actorOf(scenario, turn.actor);
  const pkg = text.length ? text : scenario.issues.map((x) => x.statusQuo);
  const v = verdictOf(scenario, actor, pkg);
  const broken = new Set(brokenConstraints(actor.redLines, pkg).map((x) => x.redLine));
  const issues = scenario.issues
    .map((x) => ({ x, weight: actor.weights[x.index] ?? 0 }))
    .filter((e) => e.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.x.index - b.x.index);
  // an issue's weight and values are the modeller's, on the basis the scenario gives the preference: the name carries
  // its mark, as the costs of an issue carry it wherever the program lists them
  const labelSpans = (issue: number): Span[] => {
    const mark = basisMark(actor.preferences[issue]?.basis ?? 'assumption');
    return [
      { text: scenario.issues[issue]!.label },
      ...(mark ? [{ text: ` ${mark}`, color: theme.warn, give: 'never' as const }] : []),
    ];
  };
  const labelText = (issue: number) =>
    labelSpans(issue)
      .map((x) => x.text)
      .join('');
  // the issue's name whole where the row has room for it (a third of the width), cut only on narrow screens
  const labelWidth = Math.min(
    Math.max(26, Math.floor(width / 3)),
    Math.max(...issues.map((e) => labelText(e.x.index).length), 8),
  );
  const barWidth = Math.max(10, Math.min(30, width - 30));
  // a margin over no deal is only as firm as the value of no deal it is taken from: it carries that value's mark
  const basis = basisText(v.reservationBasis);
  const noDealMark: Span[] = basis ? [{ text: basis, color: theme.warn, give: 'never' }] : [];
  const verdictSpans: Span[] = v.violations.length
    ? [
        {
          text: `${GLYPH.reject} It breaks your red line${v.violations.length > 1 ? 's' : ''}: you cannot accept it.`,
          color: theme.reject,
          bold: true,
        },
      ]
    : v.accepts
      ? [
          {
            text: `${GLYPH.accept} You may accept it: ${fix3(v.margin)} better than no deal`,
            color: theme.accept,
            bold: true,
          },
          ...noDealMark,
          { text: '.', color: theme.accept, bold: true },
        ]
      : [
          {
            text: `${GLYPH.reject} It is worth ${fixed(-v.margin, digitsApart([[-v.margin, 0]]))} less than no deal`,
            color: theme.reject,
            bold: true,
          },
          ...noDealMark,
          { text: ': you cannot accept it as it stands.', color: theme.reject, bold: true },
        ];

  const moveSpans: Span[] = [{ text: 'Your move: ', bold: true }, { text: MOVE_WORDS[turn.move] }];
  const errorSpans: Span[] = [{ text: `${GLYPH.reject} ${turn.error}`, color: theme.reject, bold: true }];
  // the full stop rides on the last word: a line break never leaves it alone on a row
  // a team answering a document it tabled is told the text is its own, as the run tells it ("the text it tabled")
  const own = document !== undefined && scenario.actors[document.tabledBy]?.id === actor.id;
  const worthSpans: Span[] = [
    {
      // a tabled text the record does not settle as a whole says so once, as its title does everywhere else
      text: text.length
        ? `The text on the table${document ? unconfirmedFlag(document.confirmed) : ''} is ${own ? 'the text you tabled; it is ' : ''}worth `
        : 'No text on the table yet; with no deal the status quo is worth ',
    },
    { text: fix3(v.utility), bold: true },
    { text: ' to you; no deal is worth ' },
    { text: `${fix3(v.reservation)}${basis ? '' : '.'}`, bold: true },
    ...(basis ? [{ text: `${basis}.`, color: theme.warn }] : []),
  ];
  const lines = (spans: Span[], max: number) => Math.min(max, wrapSpans(spans, width).length);
  const asking = turn.stage === 'asks';
  const footer = asking ? 0 : turn.error ? lines(errorSpans, 2) : 1;
  // the worth and the verdict whole, on as many rows as they need: a cut one lost a number, or "you cannot accept it"
  const worthRows = wrapSpans(worthSpans, width).length;
  const verdictRows = turn.move === 'respond' ? wrapSpans(verdictSpans, width).length : 1;
  // the private heading, the move, a blank, the worth, its bar, the verdict, the footer: the lists get the rest
  // a team that holds no red lines is told so on a row of its own: with no heading it could think them cut away
  const none = actor.redLines.length === 0 ? 1 : 0;
  const free = Math.max(0, height - (3 + lines(moveSpans, 2) + worthRows + verdictRows + footer + none));
  const asks = asking ? askOptions(scenario, actor, pkg) : [];
  // a red line or preference the scenario applies before its earliest source carries the transcript's mark and the
  // words of its note; its reason's paragraph is the brief's (the card has no room for it)
  const applied = appliedBeforeRecord(scenario, scenario.date).filter((e) => e.actor === actor.id);
  const early = applied.filter((e) => e.kind === 'redLine');
  const redMarks = (r: Actor['redLines'][number]) =>
    weakerMarks(
      r.basis,
      early.some((e) => e.id === r.id),
      r,
    );
  // broken red lines first: they are what the team must see when the list is cut; then those on a weaker basis than
  // a settled statement, whose marks the team must see before it leans on them; each group in the scenario's order
  const rank = (r: Actor['redLines'][number]) => (broken.has(r.id) ? 0 : redMarks(r).length ? 1 : 2);
  const redLines = [...actor.redLines].sort((a, b) => rank(a) - rank(b));
  const asides = redLineAsides(scenario, actor, redLines);
  const earlyPreference = (issue: number) =>
    applied.find((e) => e.kind === 'preference' && e.id === scenario.issues[issue]!.id);
  const preferenceNote = (issue: number): Span[] =>
    beforeRecordSpans(earlyPreference(issue), theme, 'peacesim brief');
  const issueMarks = (issue: number) =>
    weakerMarks(actor.preferences[issue]?.basis ?? 'assumption', earlyPreference(issue) !== undefined);
  const red = redLines.map((r, k) => ({
    r,
    spans: teamRedLineSpans(r, theme, asides[k]!, early),
  }));
  const heights = red.map((x) => wrapSpans(x.spans, width - RED_MARK).length);
  // an issue's name and what the text says of it wrap in their columns: a term cut short ("Frozen on the line …") can
  // hide the very thing that differs, or a number
  const optionWidth = Math.max(8, width - (labelWidth + 2) - 5 - 1 - 7);
  // what the text says of an issue, with the flag the document's term carries (documentTermFlag), as the run's
  // narration and the explorer's term sheet flag it
  const saysSpans = (issue: number): Span[] => {
    const flag = documentTermFlagText(document, issue);
    return [
      { text: scenario.issues[issue]!.options[pkg[issue]!]!.label },
      ...(flag ? [{ text: flag, dim: true }] : []),
    ];
  };
  // a preference applied before its earliest source says so on a row of its own under the issue, as wide as the card
  const noteRows = (issue: number) => {
    const note = preferenceNote(issue);
    return note.length ? wrapSpans(note, width - NOTE_INDENT).length : 0;
  };
  const issueRows = issues.map(
    ({ x }) =>
      Math.max(
        wrapSpans(labelSpans(x.index), labelWidth).length,
        wrapSpans(saysSpans(x.index), optionWidth).length,
      ) + noteRows(x.index),
  );
  const [splitRows, redRows] = splitRedRows(
    asking ? asks.length + 2 : issueRows.reduce((a, b) => a + b, 0) + 1,
    heights,
    free,
    asking,
  );
  const redFit = fitRows(heights, redRows - 1);
  // the rows the red lines leave when the next one is too tall for them go to the list, not to a blank
  const redUsed = redRows > 1 ? 1 + sum(heights.slice(0, redFit.shown)) + (redFit.more ? 1 : 0) : redRows;
  const listRows = splitRows + Math.max(0, redRows - redUsed);
  const issueFit = fitRows(issueRows, listRows - 1);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <PrivateHeading actor={actor} note={`round ${round} of ${maxRounds}`} width={width} />
      <Wrapped width={width} maxLines={2} spans={moveSpans} />
      <Text> </Text>
      <Wrapped width={width} spans={worthSpans} />
      <Text wrap="truncate-end">
        {'  '}
        <UtilityBar utility={v.utility} reservation={v.reservation} width={barWidth} accepts={v.accepts} />
      </Text>
      {turn.move === 'respond' ? (
        <Wrapped width={width} spans={verdictSpans} />
      ) : (
        <Text dimColor wrap="truncate-end">
          Your text starts from {text.length ? 'the one on the table' : 'the status quo'}: e opens it.
        </Text>
      )}
      {redRows ? <Text bold>Your red lines</Text> : null}
      {none ? (
        <Text>
          <Text bold>Your red lines</Text>: none
        </Text>
      ) : null}
      {red.slice(0, redFit.shown).map(({ r, spans }) => {
        const b = broken.has(r.id);
        // the whole statement, wrapped under itself: a red line cut short can lose the very condition it sets
        return (
          <Box key={r.id} width={width} flexShrink={0}>
            <Box width={RED_MARK} flexShrink={0}>
              <Text color={b ? theme.reject : theme.accept} bold>
                {b ? `  ${GLYPH.reject} broken ` : `  ${GLYPH.accept} kept   `}
              </Text>
            </Box>
            <Wrapped width={width - RED_MARK} spans={spans} />
          </Box>
        );
      })}
      {redFit.more && redRows > 1 ? (
        <More
          text={moreWords(
            'red line',
            red.slice(redFit.shown).map(({ r }) => redMarks(r)),
            { lead: brokenWords(red.slice(redFit.shown).filter(({ r }) => broken.has(r.id)).length) },
            width - 2,
          )}
        />
      ) : null}
      {asking ? (
        <Asks options={asks} actor={actor} width={width} rows={listRows} onSubmit={onReject} />
      ) : (
        <>
          <Text wrap="truncate-end">
            <Text bold>Your issues</Text>
            <Text dimColor> weight · what the text says · its worth to you (0–1)</Text>
          </Text>
          {issues.slice(0, issueFit.shown).map(({ x, weight }) => {
            const option = pkg[x.index]!;
            const value = actor.preferences[x.index]?.values[option] ?? 0;
            const note = preferenceNote(x.index);
            return (
              <Box key={x.id} width={width} flexDirection="column" flexShrink={0}>
                <Box width={width} flexShrink={0}>
                  <Box width={labelWidth + 2} flexShrink={0} paddingLeft={2}>
                    <Wrapped width={labelWidth} spans={labelSpans(x.index)} />
                  </Box>
                  <Box width={5} flexShrink={0}>
                    <Text dimColor>{`${Math.round(weight * 100)}%`.padStart(4)}</Text>
                  </Box>
                  <Box width={optionWidth} flexShrink={0} marginLeft={1}>
                    <Wrapped width={optionWidth} spans={saysSpans(x.index)} />
                  </Box>
                  <Box width={7} flexShrink={0} justifyContent="flex-end">
                    <Text bold>{fix3(value)}</Text>
                  </Box>
                </Box>
                {note.length ? (
                  <Box paddingLeft={NOTE_INDENT} flexShrink={0}>
                    <Wrapped width={width - NOTE_INDENT} spans={note} />
                  </Box>
                ) : null}
              </Box>
            );
          })}
          {issueFit.more && listRows > 1 ? (
            <More
              text={moreWords(
                'issue',
                issues.slice(issueFit.shown).map(({ x }) => issueMarks(x.index)),
                { asides: [lighterWords(issues, issueFit.shown)] },
                width - 2,
              )}
            />
          ) : null}
          <Box flexGrow={1} />
          {turn.error ? (
            <Wrapped width={width} maxLines={2} spans={errorSpans} />
          ) : (
            <Text dimColor wrap="truncate-end">
              {turn.move === 'respond'
                ? 'a accept · x reject (say what must change)'
                : 'e edit the terms and table them'}{' '}
              · esc hides this view
            </Text>
          )}
        </>
      )}
    </Box>
  );
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** The columns of a red line's mark ("  ✗ broken "), before its wrapped text. */
const RED_MARK = 11;
/** The columns before the note under an issue whose preference is applied before its earliest source (" † before …"). */
const NOTE_INDENT = 3;
/** The rows the issues (or the asks) keep however long the red lines: a title and a few of the heaviest. */
const LIST_MIN = 4;
const ASKS_MIN = 6;

/** One of the team's own red lines, with its basis mark (kept whole when the line is cut to fit). */

/**
 * Rows for the issue list (`list` rows wanted) and the red lines (a title and `heights` rows each) in `rows`: both
 * whole when they fit; else the red lines first — a team must read its limits — leaving the list a few rows.
 */
export function splitRedRows(
  list: number,
  heights: readonly number[],
  rows: number,
  asking: boolean,
): readonly [number, number] {
  const red = heights.length ? 1 + heights.reduce((a, b) => a + b, 0) : 0;
  if (list + red <= rows) return [list, red];
  const redRows = Math.max(0, Math.min(red, rows - Math.min(list, asking ? ASKS_MIN : LIST_MIN)));
  return [rows - redRows, redRows];
}

interface AskOption {
  readonly value: string;
  readonly label: string;
}

/** The issues a team may ask to change, costliest to it first (every issue when none costs it anything). */
function askOptions(scenario: Scenario, actor: Actor, pkg: readonly number[]): AskOption[] {
  const costs = issueCosts(scenario, actor, pkg);
  const listed = costs.length ? costs : scenario.issues.map((x) => ({ issue: x.index, cost: 0 }));
  return listed.map((c) => {
    const x = scenario.issues[c.issue]!;
    return { value: x.id, label: `${x.label}${c.cost > 0 ? ` — costs you ${fix3(c.cost)}` : ''}` };
  });
}

/** A rejection's asks in `rows` rows: a blank, the instructions, and as many issues as fit (the list scrolls). */
function Asks({
  options,
  actor,
  width,
  rows,
  onSubmit,
}: {
  options: readonly AskOption[];
  actor: Actor;
  width: number;
  rows: number;
  onSubmit: (asks: readonly string[]) => void;
}) {
  const spans: Span[] = [
    { text: 'Reject: ', bold: true },
    { text: 'pick the issues you ask to change (space), enter sends. None picked: your three costliest. ' },
    { text: `Esc goes back. (${shortName(actor.name)})`, dim: true },
  ];
  const head = Math.min(2, wrapSpans(spans, width).length);
  return (
    <Box flexDirection="column" width={width} height={rows} flexShrink={0} overflow="hidden">
      <Text> </Text>
      <Wrapped width={width} maxLines={2} spans={spans} />
      <CheckList
        options={options.map((o) => ({ value: o.value, label: () => o.label }))}
        rows={Math.max(1, rows - 1 - head)}
        width={width}
        onSubmit={onSubmit}
      />
    </Box>
  );
}
