// The scenario at a glance: what it is, the tabled documents (agreement or not, who rejects) and the actors with
// their red lines. Enter opens the selected document in the sandbox.

import { Box, Text } from 'ink';
import { useCallback, useMemo } from 'react';
import { contestedTerms } from '../../analysis/contested.ts';
import { nameInSentence } from '../../domain/actor-names.ts';
import { basisMark } from '../../domain/basis.ts';
import { evaluatePackage, redLineOf } from '../../domain/evaluate.ts';
import { positionsAsOf } from '../../domain/positions.ts';
import { ratificationOf } from '../../domain/ratification.ts';
import type { Actor, Scenario } from '../../domain/types.ts';
import { outcomeSpaceSize } from '../../domain/utility.ts';
import { contestedTermWords, movesAny } from '../../report/contested-terms.ts';
import { bodies } from '../../report/ratification.ts';
import { aboveRef, versionAsides } from '../../report/red-line-versions.ts';
import { documentHeading, issueLabel, listing, unconfirmedFlag, withheldWords } from '../../report/words.ts';
import { Heading, PaneTitle, paneTitleRows } from '../components/heading.tsx';
import { ScrollBox } from '../components/scroll-box.tsx';
import { SidePane } from '../components/side-pane.tsx';
import { Wrapped } from '../components/wrapped.tsx';
import { useKeys } from '../hooks/use-keys.ts';
import { whichKey } from '../key-binding.ts';
import { OVERVIEW_KEYS, SUMMARY_KEYS } from '../keys.ts';
import { fitLabels, fitParts, type Span, windowStart, wrapSpans } from '../layout.ts';
import { judgedScenario } from '../state/app.ts';
import { documentIndices } from '../state/order.ts';
import { GLYPH, useTheme } from '../theme.ts';
import { basisText, fix2, plural, rejecters, shortName, situationParts } from '../words.ts';
import type { ScreenProps } from './types.ts';

function ActorBlock({ actor, scenario, width }: { actor: Actor; scenario: Scenario; width: number }) {
  const theme = useTheme();
  // two versions of one contested fact (the words stated, the modeller's stricter reading of them) read as one
  // position contradicting itself unless the later says what it is, as the briefing and every command's list do
  const asides = versionAsides(scenario, actor.id, actor.redLines.map(redLineOf), aboveRef);
  // a red line the scenario withholds on a reading of its own: its absence is that reading, not the actor's word
  const withheld = scenario.actors[actor.index]?.withheldRedLines ?? [];
  return (
    <Box flexDirection="column" width={width} flexShrink={0} marginBottom={1}>
      <Text bold wrap="truncate-end">
        {actor.name}
      </Text>
      {/* wrapped, not cut: the basis mark must stay whole on a narrow pane */}
      <Wrapped
        spans={[
          {
            text: `${actor.role} · no deal worth ${fix2(actor.reservation.value)}${basisText(actor.reservation.basis)}`,
            dim: true,
          },
        ]}
        width={width}
      />
      {actor.redLines.length === 0 ? <Text dimColor> no red lines</Text> : null}
      {actor.redLines.map((r, k) => (
        <Box key={r.id} width={width} flexShrink={0}>
          <Box width={3} flexShrink={0}>
            <Text color={theme.reject}> {GLYPH.bullet}</Text>
          </Box>
          <Wrapped
            spans={[
              { text: r.text },
              ...(basisMark(r.basis) ? [{ text: basisText(r.basis), color: theme.warn }] : []),
              ...(r.confirmed ? [] : [{ text: ' (unconfirmed)', color: theme.warn }]),
              ...(asides[k] ? [{ text: ` (${asides[k]})`, dim: true }] : []),
            ]}
            width={width - 3}
          />
        </Box>
      ))}
      {withheld.map((w) => (
        <Box key={w.redLine.id} width={width} flexShrink={0} paddingLeft={1}>
          <Wrapped spans={[{ text: withheldWords(w), dim: true }]} width={width - 1} />
        </Box>
      ))}
    </Box>
  );
}

/** said where the overview cuts the scenario's summary: the key that shows it whole */
const SUMMARY_MORE = ' i: whole summary';

/** The scenario's summary whole, under the heading (i on the overview; i or esc closes it). */
function SummaryWhole({
  summary,
  dispatch,
  width,
  height,
  active,
}: { summary: string; width: number; height: number; active: boolean } & Pick<ScreenProps, 'dispatch'>) {
  useKeys((input, key) => {
    if (whichKey(SUMMARY_KEYS, input, key) === 'close') dispatch({ type: 'overlay', overlay: null });
  }, active);
  return (
    <ScrollBox height={height} width={width} active={active}>
      <Wrapped spans={[{ text: summary }]} width={width} />
    </ScrollBox>
  );
}

export function OverviewScreen({ state, dispatch, width, height, active }: ScreenProps) {
  const theme = useTheme();
  const { scenario } = state;
  // the documents in the order shown (o: as in the file, or by date); documentRow indexes this list
  const order = useMemo(
    () => documentIndices(scenario, state.documentOrder),
    [scenario, state.documentOrder],
  );
  // each document judged by the positions in force on its date (or on --as-of)
  const asOf = state.asOf;
  const filed = useMemo(
    () => scenario.documents.map((d) => evaluatePackage(positionsAsOf(scenario, asOf ?? d.date), d.package)),
    [scenario, asOf],
  );
  // the hurdles each would meet if signed, as they held on the same date
  const hurdles = useMemo(
    () => scenario.documents.map((d) => ratificationOf(positionsAsOf(scenario, asOf ?? d.date), d.package)),
    [scenario, asOf],
  );
  // each document's terms another report words otherwise, judged as the verdicts are (show's contested terms)
  const contested = useMemo(
    () =>
      scenario.documents.map((d, k) => contestedTerms(positionsAsOf(scenario, asOf ?? d.date), d, filed[k]!)),
    [scenario, asOf, filed],
  );
  const docs = order.map((k) => scenario.documents[k]!);
  const evaluations = order.map((k) => filed[k]!);
  const focusDocs = state.overviewFocus === 'documents';
  const actorsOverflow = state.actorsOverflow;
  const setActorsOverflow = useCallback(
    (overflows: boolean) => dispatch({ type: 'actors-overflow', overflows }),
    [dispatch],
  );

  const showingSummary = state.overlay === 'summary';
  useKeys((input, key) => {
    const id = whichKey(OVERVIEW_KEYS, input, key);
    const doc = docs[state.documentRow];
    if (id === 'up' && focusDocs) dispatch({ type: 'move-document', delta: -1 });
    else if (id === 'down' && focusDocs) dispatch({ type: 'move-document', delta: 1 });
    else if (id === 'open' && doc) dispatch({ type: 'open-document', document: doc.id });
    else if (id === 'focus') dispatch({ type: 'toggle-overview-focus' });
    else if (id === 'analysis') dispatch({ type: 'go', screen: 'analysis' });
    else if (id === 'pick') dispatch({ type: 'go', screen: 'picker' });
    else if (id === 'play') dispatch({ type: 'open-play' });
    else if (id === 'order') dispatch({ type: 'toggle-document-order' });
    else if (id === 'timeline') dispatch({ type: 'go', screen: 'timeline' });
    else if (id === 'evidence') dispatch({ type: 'go', screen: 'evidence' });
    else if (id === 'summary') dispatch({ type: 'overlay', overlay: 'summary' });
  }, active && !showingSummary);

  const leftWidth = Math.min(Math.floor(width * 0.55), 72);
  const rightWidth = width - leftWidth - 2;
  // the documents' title with its legend (✓ agreement ✗ none) whole: on two rows when narrow
  const docsNote = `${state.documentOrder === 'date' ? 'by date' : 'as in the file'} · ${docs.length} tabled`;
  const docsLegend = `${GLYPH.accept} agreement ${GLYPH.reject} none`;
  const titleRows = paneTitleRows('Documents', docsNote, docsLegend, leftWidth);
  // pointer, mark and date take 15 columns; titles that would cut alike keep where they differ
  // a title is cut, not its flag: "(unconfirmed)" says what the row's verdict rests on
  const titles = fitLabels(
    docs.map((d) => d.title),
    leftWidth - 15,
    docs.map((d) => unconfirmedFlag(d.confirmed)),
  );
  // a title its row cuts reads whole at the head of the detail, and under it the verdict — who rejects, the rules
  // broken, who tabled it and (unconfirmed) — and the ratification hurdles, whole (a cut verdict lost an actor that
  // rejects or the mark, a cut hurdle its body, threshold or date): the list gives up rows for the tallest of them,
  // so that it does not jump as the selection moves
  const wholeSpans = (title: string) => [{ text: title, bold: true }];
  const wholeRows = docs.map((d, k) =>
    titles[k] === documentHeading(d) ? 0 : wrapSpans(wholeSpans(d.title), leftWidth - 1).length,
  );
  const verdictSpans = (k: number): Span[] => {
    const ev = evaluations[k]!;
    const d = docs[k]!;
    const no = rejecters(scenario, ev);
    return [
      ev.agreement
        ? { text: `${GLYPH.accept} An agreement as tabled`, color: theme.accept, bold: true }
        : {
            text: `${GLYPH.reject} ${no.length ? `Rejected by ${listing(no)}` : 'No agreement'}${
              ev.ruleViolations.length
                ? `${no.length ? '; ' : ''}breaks ${plural(ev.ruleViolations.length, 'rule')}`
                : ''
            }`,
            color: theme.reject,
            bold: true,
          },
      {
        text: ` · tabled by ${shortName(nameInSentence(scenario.actors[d.tabledBy]!))}${d.confirmed ? '' : ' · (unconfirmed)'}`,
        dim: true,
      },
    ];
  };
  const verdictRows = docs.map((_, k) => wrapSpans(verdictSpans(k), leftWidth - 1).length);
  const hurdleLineOf = (k: number) => {
    const h = hurdles[order[k] ?? -1] ?? null;
    return h ? `if signed, subject to ${bodies(h, scenario)}` : '';
  };
  const hurdleRowsOf = (k: number) =>
    hurdleLineOf(k) ? wrapSpans([{ text: hurdleLineOf(k) }], leftWidth - 1).length : 0;
  // a verdict above that rests on one report of a contested text names the other and what it would move, as `show`
  // does (a Russian reader of "rejected by Ukraine, Coalition" is owed that its own yes rests on a reported cap);
  // the variants that move nothing are named by their issue (the sandbox gives each)
  const contestedOf = (k: number): Span[][] => {
    const terms = contested[order[k] ?? -1] ?? [];
    const moving = terms.filter(movesAny);
    const still = terms.filter((c) => !moving.includes(c));
    const labels = [...new Set(still.map((c) => issueLabel(scenario, c.issue)))];
    return [
      ...moving.map((c) => [{ text: contestedTermWords(scenario, c), color: theme.warn }]),
      ...(labels.length
        ? [
            [
              {
                text: `${moving.length ? 'also contested' : 'contested terms'}, read as a recorded variant no verdict moves: ${labels.join(', ')} (the sandbox gives each variant)`,
                dim: true,
              },
            ],
          ]
        : []),
    ];
  };
  const contestedRowsOf = (k: number) =>
    contestedOf(k).reduce((n, spans) => n + wrapSpans(spans, leftWidth - 1).length, 0);
  // the verdict keeps two rows as it always has (the summary has the rest), the blank row above the detail one
  const headRows = (k: number) => wholeRows[k]! + Math.max(2, verdictRows[k]!) + hurdleRowsOf(k);
  const keep = Math.max(0, ...docs.map((_, k) => headRows(k) + contestedRowsOf(k)));
  // the scenario's summary whole — cut, it hid "from one unconfirmed source" (istanbul-2022 at 80×24) — as long
  // as every document's head (its title, verdict and hurdles) stays on the detail's first page, over the scroll
  // line, with three rows of the list; else cut, never below three rows, its last saying how to read it whole
  const minList = Math.min(docs.length, 3);
  const summaryRows = wrapSpans([{ text: scenario.summary }], width).length;
  const summaryRoom =
    height - 3 - titleRows - minList - 1 - Math.max(0, ...docs.map((_, k) => headRows(k))) - 1;
  const summaryLines = Math.min(summaryRows, Math.max(3, summaryRoom));
  const bodyHeight = Math.max(6, height - 3 - summaryLines);
  // three rows at least, or as many as there are documents when fewer: a row for none is a row the detail lacks
  const listRows = Math.min(docs.length, Math.max(minList, bodyHeight - titleRows - 1 - keep));
  const detailHeight = Math.max(2, bodyHeight - titleRows - listRows - 1);
  const start = windowStart(state.documentRow, docs.length, listRows);
  const selected = docs[state.documentRow];
  const whole =
    selected && titles[state.documentRow] !== documentHeading(selected) ? wholeSpans(selected.title) : null;
  const selectedEval = evaluations[state.documentRow];
  const hurdleLine = hurdleLineOf(state.documentRow);
  const contestedLines = contestedOf(state.documentRow);

  // the heading and the line of counts, over the documents or over the summary whole
  const head = (
    <>
      <Heading title={scenario.title} right={situationParts(scenario)} width={width} />
      <Text dimColor wrap="truncate-end">
        {fitParts(
          [
            state.asOf
              ? `every document judged as of ${state.asOf}`
              : 'each document judged by the positions of its date',
            plural(scenario.actors.length, 'actor'),
            plural(scenario.issues.length, 'issue'),
            `${outcomeSpaceSize(scenario).toLocaleString('en-US')} possible packages`,
          ],
          width,
        )}
      </Text>
    </>
  );

  if (showingSummary)
    return (
      <Box flexDirection="column" width={width} height={height}>
        {head}
        <SummaryWhole
          summary={scenario.summary}
          dispatch={dispatch}
          width={width}
          height={height - 2}
          active={active}
        />
      </Box>
    );

  return (
    <Box flexDirection="column" width={width} height={height}>
      {head}
      <Box height={summaryLines} width={width} flexShrink={0}>
        <Wrapped
          spans={[{ text: scenario.summary }]}
          width={width}
          maxLines={summaryLines}
          more={SUMMARY_MORE}
        />
      </Box>
      <Text> </Text>
      <Box height={bodyHeight} width={width}>
        <Box flexDirection="column" width={leftWidth} flexShrink={0}>
          <PaneTitle
            title="Documents"
            note={docsNote}
            legend={docsLegend}
            active={focusDocs}
            width={leftWidth}
          />
          <Box flexDirection="column" height={listRows} flexShrink={0}>
            {docs.slice(start, start + listRows).map((d, k) => {
              const ev = evaluations[start + k]!;
              const isRow = start + k === state.documentRow;
              return (
                <Box key={d.id} width={leftWidth}>
                  <Box width={2} flexShrink={0}>
                    <Text color={theme.accent} bold dimColor={!focusDocs}>
                      {isRow ? GLYPH.pointer : ' '}
                    </Text>
                  </Box>
                  <Box width={2} flexShrink={0}>
                    <Text color={ev.agreement ? theme.accept : theme.reject}>
                      {ev.agreement ? GLYPH.accept : GLYPH.reject}
                    </Text>
                  </Box>
                  <Box width={11} flexShrink={0}>
                    <Text dimColor>{d.date}</Text>
                  </Box>
                  <Box flexGrow={1} flexShrink={1}>
                    <Text wrap="truncate-end" bold={isRow}>
                      {titles[start + k]}
                    </Text>
                  </Box>
                </Box>
              );
            })}
          </Box>
          {selected && selectedEval ? (
            <Box
              flexDirection="column"
              marginTop={1}
              width={leftWidth - 1}
              height={detailHeight}
              flexShrink={0}
            >
              {/* whole, never cut: what does not fit (the contested terms of a tall title at 80×24) scrolls, pgup/pgdn */}
              <ScrollBox
                key={selected.id}
                height={detailHeight}
                width={leftWidth - 1}
                active={active && focusDocs}
                pagesOnly
              >
                {whole ? <Wrapped width={leftWidth - 1} spans={whole} /> : null}
                <Wrapped width={leftWidth - 1} spans={verdictSpans(state.documentRow)} />
                {hurdleLine ? (
                  <Wrapped spans={[{ text: hurdleLine, dim: true }]} width={leftWidth - 1} />
                ) : null}
                {contestedLines.map((spans, k) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the contested terms are in the document's order
                  <Wrapped key={k} spans={spans} width={leftWidth - 1} />
                ))}
                {/* whole as well: a cut summary hid "… is disputed" (the Paris declaration's US endorsement) */}
                {selected.summary ? (
                  <Wrapped spans={[{ text: selected.summary, dim: true }]} width={leftWidth - 1} />
                ) : null}
              </ScrollBox>
            </Box>
          ) : null}
        </Box>
        <SidePane width={rightWidth + 2}>
          <PaneTitle
            // under --as-of the actors are as that date has them, not as of the situation the heading names
            title={state.asOf ? `Actors as of ${state.asOf}` : 'Actors'}
            note={focusDocs && actorsOverflow ? '(tab, then ↑↓ to scroll)' : ''}
            active={!focusDocs}
          />
          <ScrollBox
            height={bodyHeight - 1}
            width={rightWidth}
            active={active && !focusDocs}
            onOverflow={setActorsOverflow}
          >
            {judgedScenario(state).actors.map((a) => (
              <ActorBlock key={a.id} actor={a} scenario={scenario} width={rightWidth} />
            ))}
          </ScrollBox>
        </SidePane>
      </Box>
    </Box>
  );
}
