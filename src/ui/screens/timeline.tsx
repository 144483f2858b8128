// The timeline: every tabled document in date order, each judged by the positions its actors held on that date —
// who accepts it, whether it is an agreement, how many packages were feasible then. The diplomacy of the war on one
// screen. ↑/↓ choose a document, enter opens it in the sandbox.

import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { contestedTerms } from '../../analysis/contested.ts';
import { type TimelineEntry, timeline } from '../../analysis/timeline.ts';
import { withBasis } from '../../domain/basis.ts';
import { evaluatePackage } from '../../domain/evaluate.ts';
import { positionsAsOf } from '../../domain/positions.ts';
import type { Scenario } from '../../domain/types.ts';
import { BEFORE_RECORD_LEAD, beforeRecordCounts } from '../../report/before-record.ts';
import { contestedTermWords, movesAny } from '../../report/contested-terms.ts';
import { documentHeading, unconfirmedFlag } from '../../report/words.ts';
import { Heading } from '../components/heading.tsx';
import { ScrollBox } from '../components/scroll-box.tsx';
import { Wrapped, wrappedHeight } from '../components/wrapped.tsx';
import { useKeys } from '../hooks/use-keys.ts';
import { whichKey } from '../key-binding.ts';
import { TIMELINE_KEYS } from '../keys.ts';
import { fitLabels, windowStart } from '../layout.ts';
import { GLYPH, useTheme } from '../theme.ts';
import { columnName, shortName, situationParts } from '../words.ts';
import type { ScreenProps } from './types.ts';

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** What each column means, for the legend. */
function timelineLegend(): string {
  return (
    'Each document is judged by the positions its actors held on the day it was tabled. ' +
    `One column per actor: ${GLYPH.accept} accepts, ${GLYPH.reject} rejects, dim when its consent is not needed, * tabled it.` +
    ` deal: ${GLYPH.accept} when every actor whose consent is needed accepts and no rule is broken.` +
    ' feasible: packages that break no party’s red line and no rule, with the positions of that day (K thousand, M million, B billion).'
  );
}

interface CellProps {
  readonly width: number;
  readonly children: string;
  readonly dim?: boolean;
  readonly color?: string | undefined;
  readonly bold?: boolean;
}

function Cell({ width, children, dim, color, bold }: CellProps) {
  return (
    <Box width={width} flexShrink={0}>
      <Text wrap="truncate-end" dimColor={dim} color={color} bold={bold}>
        {children}
      </Text>
    </Box>
  );
}

/** Whose dated positions judge the entry, in words, each with its basis as `peacesim show` marks it ("Russia: Before
 * Putin's June 2024 terms [reading]"): a dated position read from sources is a reading, and says so. */
function positionsLine(s: Scenario, e: TimelineEntry): string {
  if (e.epochs.length === 0) return `judged by the positions of ${s.date} (the scenario's date)`;
  const labels = s.actors.flatMap((a) =>
    a.epochs
      .filter((ep) => e.epochs.includes(ep.id))
      .map((ep) => withBasis(`${shortName(a.name)}: ${ep.label}`, ep.basis)),
  );
  return `judged by dated positions — ${labels.join('; ')}`;
}

export function TimelineScreen({ state, dispatch, width, height, active }: ScreenProps) {
  const theme = useTheme();
  const { scenario } = state;
  const entries = useMemo(() => timeline(scenario).entries, [scenario]);
  const row = Math.min(state.timelineRow, Math.max(0, entries.length - 1));

  useKeys((input, key) => {
    const id = whichKey(TIMELINE_KEYS, input, key);
    const e = entries[row];
    if (id === 'up') dispatch({ type: 'move-timeline', delta: -1 });
    else if (id === 'down') dispatch({ type: 'move-timeline', delta: 1 });
    else if (id === 'open' && e) dispatch({ type: 'open-document', document: e.document });
  }, active);

  const names = scenario.actors.map((a) => columnName(a.name));
  const actorW = names.map((n) => Math.max(3, n.length) + 1);
  const docW = Math.max(8, width - (2 + 11 + actorW.reduce((x, y) => x + y, 0) + 5 + 8));
  const legend = [{ text: timelineLegend(), dim: true }];
  const legendLines = Math.min(5, wrappedHeight(legend, width));
  // under the table, the selected document's dated positions and its counts of positions applied before their
  // sources, whole: a cut list of the positions lost which of them judge the document and their basis marks, a count
  // cut off is a number lost
  const positions = entries.map((e) => [{ text: positionsLine(scenario, e), dim: true }]);
  const early = entries.map((e) =>
    e.appliedBeforeRecord.length > 0
      ? [
          { text: `${GLYPH.before} `, color: theme.warn },
          {
            text: `${BEFORE_RECORD_LEAD} (the reasons: peacesim show): ${beforeRecordCounts(scenario, e.appliedBeforeRecord)}`,
            dim: true,
          },
        ]
      : [],
  );
  // a verdict in the table that rests on one report of a contested text: the other and what it would move, as show
  // names it (the variants that move no verdict are in the sandbox), above the dated positions, in their rows
  const contested = useMemo(
    () =>
      entries.map((e) => {
        const d = scenario.documents.find((x) => x.id === e.document);
        if (!d) return [];
        const judged = positionsAsOf(scenario, e.date);
        return contestedTerms(judged, d, evaluatePackage(judged, d.package))
          .filter(movesAny)
          .map((c) => [{ text: contestedTermWords(scenario, c), color: theme.warn }]);
      }),
    [entries, scenario, theme],
  );
  // the selected document's title whole, on two rows when it is wider than the screen (as long as the longest)
  const titleSpans = (title: string) => [{ text: title, bold: true }];
  const titleLines = Math.max(1, ...entries.map((e) => wrappedHeight(titleSpans(documentHeading(e)), width)));
  // the table gives up rows for two of the dated positions' and the tallest counts (so that it does not jump as the
  // selection moves), down to three; what they do not show scrolls (pgup/pgdn), never cut
  const room = Math.max(2, height - 1 - legendLines - 1 - 3 - titleLines);
  const earlyLines = Math.max(0, ...early.map((spans) => (spans.length ? wrappedHeight(spans, width) : 0)));
  const positionLines = Math.min(2, Math.max(1, ...positions.map((spans) => wrappedHeight(spans, width))));
  const wanted = Math.min(room, positionLines + earlyLines);
  const tableRows = Math.max(3, height - 1 - legendLines - 1 - titleLines - wanted);
  // rows the table has no document for go to what is under it (two documents need not scroll their positions)
  const listRows = Math.min(tableRows, Math.max(3, entries.length));
  const belowLines = wanted + tableRows - listRows;
  const detailLines = titleLines + belowLines;
  const start = windowStart(row, entries.length, listRows);
  // a title is cut, not its flag: "(unconfirmed)" says what the row's verdicts rest on
  const titles = fitLabels(
    entries.map((e) => e.title),
    docW - 1,
    entries.map((e) => unconfirmedFlag(e.confirmed)),
  );
  const selected = entries[row];

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Heading title={`Timeline — ${scenario.title}`} right={situationParts(scenario)} width={width} />
      <Box height={legendLines} width={width} flexShrink={0}>
        <Wrapped spans={legend} width={width} maxLines={legendLines} />
      </Box>
      <Box width={width} flexShrink={0}>
        <Cell width={13} dim>
          {'  date'}
        </Cell>
        <Cell width={docW} dim>
          document
        </Cell>
        {names.map((n, k) => (
          <Cell key={scenario.actors[k]!.id} width={actorW[k]!} dim>
            {n}
          </Cell>
        ))}
        <Cell width={5} dim>
          deal
        </Cell>
        <Cell width={8} dim>
          feasible
        </Cell>
      </Box>
      <Box flexDirection="column" height={listRows} width={width} flexShrink={0}>
        {entries.slice(start, start + listRows).map((e, k) => {
          const isRow = start + k === row;
          return (
            <Box key={e.document} width={width}>
              <Cell width={2} color={theme.accent} bold>
                {isRow ? GLYPH.pointer : ' '}
              </Cell>
              <Cell width={11} dim>
                {e.date}
              </Cell>
              <Cell width={docW - 1} bold={isRow}>
                {titles[start + k] ?? ''}
              </Cell>
              <Cell width={1}> </Cell>
              {scenario.actors.map((a, j) => {
                const v = e.verdicts[a.id]!;
                const color = v.required ? (v.accepts ? theme.accept : theme.reject) : undefined;
                return (
                  <Cell key={a.id} width={actorW[j]!} dim={!v.required} color={color}>
                    {`${v.accepts ? GLYPH.accept : GLYPH.reject}${a.id === e.tabledBy ? '*' : ''}`}
                  </Cell>
                );
              })}
              <Cell width={5} color={e.agreement ? theme.accept : theme.reject}>
                {e.agreement ? GLYPH.accept : GLYPH.reject}
              </Cell>
              <Cell width={8}>{compact.format(e.feasible)}</Cell>
            </Box>
          );
        })}
      </Box>
      {selected ? (
        <Box flexDirection="column" height={detailLines} width={width} flexShrink={0}>
          <Box height={titleLines} flexShrink={0}>
            <Wrapped spans={titleSpans(documentHeading(selected))} width={width} />
          </Box>
          <ScrollBox key={row} height={belowLines} width={width} active={active} pagesOnly>
            {/* first: they qualify the verdicts in the table; the rows are the positions' and scroll (pgdn) */}
            {contested[row]!.map((spans, k) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the contested terms are in the document's order
              <Wrapped key={k} spans={spans} width={width} />
            ))}
            <Wrapped spans={positions[row]!} width={width} />
            {early[row]!.length ? <Wrapped spans={early[row]!} width={width} /> : null}
          </ScrollBox>
        </Box>
      ) : (
        <Text dimColor>no documents tabled</Text>
      )}
    </Box>
  );
}
