// One issue explained: what it is, every option, and what each actor makes of each option — its value (0–1) and
// whether, with everything else as in the sandbox, it would accept (✓), not (✗), or see a red line broken (!).
// On a screen too short for it, the whole of it scrolls (pgup/pgdn), the selected option kept in view.
import { Box, Text } from 'ink';
import type { Dispatch } from 'react';
import { contestedTerms } from '../../analysis/contested.ts';
import { nameAtStart, nameInSentence } from '../../domain/actor-names.ts';
import { evaluatePackage, redLineOf, verdictOf } from '../../domain/evaluate.ts';
import { documentTermFlag, flagInParentheses } from '../../domain/flags.ts';
import { contestedTermWords } from '../../report/contested-terms.ts';
import { cells } from '../../report/format.ts';
import { aboveRef, versionAsides } from '../../report/red-line-versions.ts';
import { useKeys } from '../hooks/use-keys.ts';
import { whichKey } from '../key-binding.ts';
import { ISSUE_KEYS } from '../keys.ts';
import { type Span, windowStart } from '../layout.ts';
import type { AppAction, AppState } from '../state/app.ts';
import { judgedScenario } from '../state/app.ts';
import { displayOrder, optionOrder } from '../state/order.ts';
import { currentPackage } from '../state/sandbox.ts';
import { type RejectsWhatever, rejectsWhatever } from '../state/whatever.ts';
import { GLYPH, useTheme } from '../theme.ts';
import { capitalise, columnName, fix2, gap, redLineSpans, shortName } from '../words.ts';
import { ScrollBox } from './scroll-box.tsx';
import { Wrapped, wrappedHeight } from './wrapped.tsx';

export interface IssueInfoProps {
  readonly state: AppState;
  readonly dispatch: Dispatch<AppAction>;
  readonly width: number;
  readonly height: number;
  readonly active: boolean;
}

/** ✓ accepts the package with this option; ✗ does not; ! this option breaks one of its red lines on this issue */
type Mark = 'accept' | 'reject' | 'red-line';

export function IssueInfo({ state, dispatch, width, height, active }: IssueInfoProps) {
  const theme = useTheme();
  const sandbox = state.sandbox!;
  // what each actor makes of each option, with the positions in force on the document's date (or --as-of)
  const scenario = judgedScenario(state, sandbox.document);
  const pkg = currentPackage(sandbox);
  const issue = scenario.issues[displayOrder(scenario)[sandbox.row]!]!;
  const order = optionOrder(issue);
  const row = Math.min(state.issueRow, order.length - 1);

  const trials = order.map((option) => {
    const trial = Int32Array.from(pkg);
    trial[issue.index] = option;
    return scenario.actors.map((a) => verdictOf(scenario, a, trial));
  });
  // a red line this issue decides: broken under some of its options and kept under others
  const broken = (k: number, a: number, id: string) =>
    trials[k]![a]!.violations.some((x) => x.redLine === id);
  const decided = (a: number, id: string) => trials.some((_, k) => !broken(k, a, id));
  const marks = trials.map((verdicts) =>
    verdicts.map(
      (v, a): Mark =>
        v.violations.some((x) => decided(a, x.redLine)) ? 'red-line' : v.accepts ? 'accept' : 'reject',
    ),
  );
  // actors that reject whatever this issue says, and what holds under every option
  const whatever = scenario.actors.flatMap((a) => {
    const why = rejectsWhatever(trials.map((verdicts) => verdicts[a.index]!));
    return why ? [{ name: shortName(nameAtStart(a)), why }] : [];
  });

  useKeys((input, key) => {
    const id = whichKey(ISSUE_KEYS, input, key);
    if (id === 'up' || id === 'down')
      dispatch({ type: 'move-issue-option', delta: id === 'up' ? -1 : 1, count: order.length });
    else if (id === 'close') dispatch({ type: 'overlay', overlay: null });
    else if (id === 'choose') {
      dispatch({ type: 'sandbox', action: { type: 'set-option', issue: issue.index, option: order[row]! } });
      dispatch({ type: 'overlay', overlay: null });
    }
  }, active);

  const cell = Math.max(8, Math.min(15, Math.floor((width - 34) / scenario.actors.length)));
  const labelWidth = width - 4 - cell * scenario.actors.length;
  // the table's legend, and its column heads, whole: in fewer words, and names as the timeline heads them, when
  // narrow ("United States" → "US")
  const tableLegend = [
    'option · value to each actor (0–1), verdict',
    'option · value (0–1), verdict',
    'value (0–1), verdict',
  ].find((t, k, all) => cells(t) <= labelWidth - 1 || k === all.length - 1)!;
  const actorColumn = (name: string) =>
    cells(shortName(name)) <= cell - 1 ? shortName(name) : columnName(name);
  const glyph: Record<Mark, { text: string; color: string | undefined }> = {
    accept: { text: GLYPH.accept, color: theme.accept },
    reject: { text: GLYPH.reject, color: theme.reject },
    'red-line': { text: '!', color: theme.reject },
  };
  // each with the aside of a second version of one contested fact, as every list of red lines gives it
  const redLines = scenario.actors.flatMap((a) => {
    const here = a.redLines.filter((r) => r.scope.includes(issue.index));
    const asides = versionAsides(scenario, a.id, here.map(redLineOf), aboveRef);
    return here.map((r, k) => ({ who: shortName(a.name), r, aside: asides[k] ?? null }));
  });
  // the document's recorded variants of this term, in show's words (judged on the document as tabled)
  const doc = scenario.documents.find((d) => d.id === sandbox.document);
  const contested = doc
    ? contestedTerms(scenario, doc, evaluatePackage(scenario, doc.package)).filter(
        (c) => c.issue === issue.id,
      )
    : [];
  const rules = scenario.rules.filter((r) => r.scope.includes(issue.index));
  const selected = issue.options[order[row]!]!;
  // an option's label whole, wrapped in its column with its (tabled) mark: "75,000 troops (unconfirmed: one
  // commentator only)" cut at the column lost the reason the option is flagged
  const labelSpans = (option: number, isRow: boolean): Span[] => [
    { text: issue.options[option]!.label, bold: isRow },
    ...(sandbox.base[issue.index] === option
      ? [
          {
            text: ` (tabled${flagInParentheses(documentTermFlag(doc, issue.index))})`,
            dim: true,
            give: 'never' as const,
          },
        ]
      : []),
  ];
  const labelRows = order.map((option, k) => wrappedHeight(labelSpans(option, k === row), labelWidth - 1));
  // numeric issues can have many candidate values: show a window of them around the selected one, as many as fit
  // in the table's lines (a wrapped label takes more than one)
  const tableLines = Math.min(
    labelRows.reduce((n, h) => n + h, 0),
    Math.max(3, Math.floor(height / 2) - 2),
  );
  let tableRows = Math.min(order.length, tableLines);
  const linesOf = (from: number, n: number) => labelRows.slice(from, from + n).reduce((x, h) => x + h, 0);
  while (tableRows > 1 && linesOf(windowStart(row, order.length, tableRows), tableRows) > tableLines)
    tableRows--;
  const first = windowStart(row, order.length, tableRows);
  const controllers = issue.controlledBy.map((a) => nameInSentence(scenario.actors[a]!));
  // the whole explanation is one scroll box (pgup/pgdn): on a short screen its head and table alone are taller than
  // the screen, and a part of fixed height squeezed the notes under it to nothing. Its rows before the table, and
  // the selected option's, computed as Wrapped lays them out, keep the table's heads and the selected option in
  // view as ↑↓ move it.
  const titleSpans: Span[] = [
    { text: issue.label, bold: true, color: theme.accent },
    {
      text: `${issue.group ? ` · in ${capitalise(issue.group)}` : ''} · option ${row + 1} of ${issue.options.length}${issue.confirmed ? '' : ' · (unconfirmed)'}`,
      dim: true,
    },
  ];
  const descriptionSpans: Span[] = issue.description ? [{ text: issue.description }] : [];
  const noDealSpans: Span[] = [
    {
      text: `With no deal: ${issue.options[issue.statusQuo]!.label}${controllers.length ? ` · moving it needs the consent of ${controllers.join(', ')}` : ''}`,
      dim: true,
    },
  ];
  const headRows =
    wrappedHeight(titleSpans, width) +
    (issue.description ? wrappedHeight(descriptionSpans, width) : 0) +
    wrappedHeight(noDealSpans, width) +
    2; // the blank row and the table's legend
  // the table's column heads with the selected option: a value is read by its column's name
  const keep = [headRows - 1, headRows + linesOf(first, row - first + 1)] as const;

  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <ScrollBox height={height} width={width} active={active} pagesOnly keep={keep}>
        <Box flexDirection="column" flexShrink={0} width={width}>
          {/* whole, wrapped: the issue's (unconfirmed) and the option count are not cut at the edge */}
          <Wrapped width={width} spans={titleSpans} />
          {/* whole: the overlay scrolls, so no part of the description is cut */}
          {issue.description ? <Wrapped spans={descriptionSpans} width={width} /> : null}
          {/* whole: who must consent to moving it is not cut at the edge */}
          <Wrapped width={width} spans={noDealSpans} />
          <Text> </Text>
        </Box>
        <Box width={width} flexShrink={0}>
          <Box width={labelWidth + 4} flexShrink={0} paddingRight={1}>
            <Text dimColor wrap="truncate-end">
              {'    '}
              {tableLegend}
            </Text>
          </Box>
          {scenario.actors.map((a) => (
            <Box key={a.id} width={cell} flexShrink={0} paddingRight={1}>
              <Text bold wrap="truncate-end">
                {actorColumn(a.name)}
              </Text>
            </Box>
          ))}
        </Box>
        {order.slice(first, first + tableRows).map((option, j) => {
          const k = first + j;
          const o = issue.options[option]!;
          const isRow = k === row;
          const inSandbox = pkg[issue.index] === option;
          return (
            <Box key={o.id} width={width} flexShrink={0}>
              <Box width={4} flexShrink={0}>
                <Text color={theme.accent} bold>
                  {isRow ? GLYPH.pointer : ' '}
                </Text>
                <Text> {inSandbox ? '●' : ' '}</Text>
              </Box>
              <Box width={labelWidth} flexShrink={0} paddingRight={1}>
                {/* whole, wrapped in its column, with the (tabled) mark after it */}
                <Wrapped spans={labelSpans(option, isRow)} width={labelWidth - 1} />
              </Box>
              {scenario.actors.map((a, j) => {
                const value = a.preferences[issue.index]?.values[option];
                const g = glyph[marks[k]![j]!];
                return (
                  <Box key={a.id} width={cell} flexShrink={0}>
                    <Text>
                      <Text dimColor={value === undefined}>{value === undefined ? ' –  ' : fix2(value)}</Text>{' '}
                      <Text color={g.color} bold>
                        {g.text}
                      </Text>
                    </Text>
                  </Box>
                );
              })}
            </Box>
          );
        })}
        <Wrapped
          width={width}
          spans={[
            {
              text: `● in the sandbox · ${GLYPH.accept} would accept the package with this option (the rest as it is) · ${GLYPH.reject} would not · ! this option breaks its red line`,
              dim: true,
            },
          ]}
        />
        {whatever.map(({ name, why }) => (
          <Wrapped
            key={name}
            width={width}
            spans={[
              { text: `${name} rejects whatever this issue says: `, color: theme.warn },
              { text: whateverWords(why) },
            ]}
          />
        ))}
        {/* the notes: the document's variants of the term, the option's description, the red lines and rules */}
        <Text> </Text>
        {contested.map((c) => (
          <Wrapped
            key={`${c.issue}-${c.variant}`}
            spans={[{ text: contestedTermWords(scenario, c), color: theme.warn }]}
            width={width}
          />
        ))}
        {selected.description ? (
          <Wrapped
            spans={[{ text: `${selected.label}: `, bold: true }, { text: selected.description }]}
            width={width}
          />
        ) : null}
        {redLines.length || rules.length ? (
          <Box
            flexDirection="column"
            width={width}
            flexShrink={0}
            marginTop={selected.description || contested.length ? 1 : 0}
          >
            <Text bold>Red lines and rules on this issue</Text>
            {redLines.map(({ who, r, aside }) => (
              <Box key={`${who}-${r.id}`} flexShrink={0}>
                <Text> {GLYPH.bullet} </Text>
                <Wrapped
                  spans={[
                    ...redLineSpans(r, theme, { text: `${who}: `, bold: true }),
                    ...(aside ? [{ text: ` (${aside})`, dim: true }] : []),
                  ]}
                  width={width - 3}
                />
              </Box>
            ))}
            {rules.map((r) => (
              <Box key={`rule-${r.id}`} flexShrink={0}>
                <Text> {GLYPH.bullet} </Text>
                <Wrapped spans={redLineSpans(r, theme, { text: 'rule: ', bold: true })} width={width - 3} />
              </Box>
            ))}
          </Box>
        ) : (
          <Text dimColor>No red line or rule mentions this issue.</Text>
        )}
      </ScrollBox>
    </Box>
  );
}

/** What holds under every option, in words: the red lines no option keeps, and the margin no option closes. */
function whateverWords(why: RejectsWhatever): string {
  const n = why.redLines.length;
  const parts = [
    ...(n === 1 ? ['one of its red lines breaks under every option'] : []),
    ...(n > 1 ? [`${n} of its red lines break under every option`] : []),
    ...(why.shortBy === null
      ? []
      : [`the best option still leaves it ${gap(why.shortBy)} short of what no deal is worth to it`]),
  ];
  return parts.length
    ? `${parts.join(', and ')}.`
    : 'each option fails on its own: a red line on this issue (!), or too little for it against no deal.';
}
