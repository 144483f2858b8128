// The analysis of the scenario and of one document: how many packages break no red line, the four bargaining
// solutions (1–4 load one into the sandbox), and the minimal concessions that would make the document an
// agreement (c computes them, enter applies the selected set).
import { Box, Text } from 'ink';
import { type ReactNode, useMemo } from 'react';
import { concessions } from '../../analysis/concessions.ts';
import type { ConcessionSet, ConcessionsResult, NearMiss } from '../../analysis/concessions-types.ts';
import { ratificationZone } from '../../analysis/ratification-zone.ts';
import { SOLUTION_KINDS, type SolutionKind } from '../../analysis/solutions.ts';
import type { Scenario } from '../../domain/types.ts';
import { utility } from '../../domain/utility.ts';
import { redLinesBeforeRecord } from '../../report/before-record.ts';
import { percentOf } from '../../report/format.ts';
import { anticipatedZoneWords } from '../../report/ratification.ts';
import { documentHeading } from '../../report/words.ts';
import { analysisOf } from '../analysis-outcome.ts';
import {
  ConcessionDetail,
  concessionDetailHeight,
  stillRejecting,
} from '../components/concession-detail.tsx';
import { ConcessionsList, concessionsListRows } from '../components/concessions-list.tsx';
import { ConflictsPane, conflictsPaneRows } from '../components/conflicts-pane.tsx';
import { Heading, PaneTitle } from '../components/heading.tsx';
import { Wrapped, wrappedHeight } from '../components/wrapped.tsx';
import { useKeys } from '../hooks/use-keys.ts';
import { whichKey } from '../key-binding.ts';
import { ANALYSIS_KEYS } from '../keys.ts';
import type { Span } from '../layout.ts';
import { activeDocument, anticipates, judgedScenario } from '../state/app.ts';
import { useTheme } from '../theme.ts';
import { fix2, plural, shortName } from '../words.ts';
import type { ScreenProps } from './types.ts';

const SOLUTION_NAMES: Readonly<Record<SolutionKind, string>> = {
  nash: 'Nash',
  kalaiSmorodinsky: 'Kalai–Smorodinsky',
  utilitarian: 'Utilitarian',
  egalitarian: 'Egalitarian',
};

const SOLUTION_MEANING: Readonly<Record<SolutionKind, string>> = {
  nash: "largest product of the parties' gains over no deal",
  kalaiSmorodinsky: "the parties' gains in proportion to what each could get",
  utilitarian: "largest total of the parties' utilities",
  egalitarian: 'largest smallest gain of a party over no deal',
};

function computeConcessions(
  scenario: Scenario,
  document: string,
  asOf: string | null,
  /** tui --anticipate-ratification (or the scenario's default): a failed hurdle is a rejection, as in the CLI */
  anticipate: boolean,
): ConcessionsResult | string {
  try {
    return concessions(scenario, document, {
      limit: 10,
      ...(asOf === null ? {} : { asOf }),
      ...(anticipate ? { anticipate } : {}),
    });
  } catch (e) {
    return (e as Error).message;
  }
}

function differences(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

export function AnalysisScreen({ state, dispatch, width, height, active }: ScreenProps) {
  const theme = useTheme();
  // the scenario-wide analysis on the scenario's date (or --as-of); the document's on its own date (concessions)
  const scenario = judgedScenario(state);
  const documentId = activeDocument(state);
  const doc = scenario.documents.find((d) => d.id === documentId);
  const reference = doc?.package;
  const outcome = analysisOf(scenario);
  const on = anticipates(state);
  // tui --anticipate-ratification (or the scenario's default): the zone of agreement when negotiators anticipate the hurdles (exact counts)
  const zone = useMemo(() => (on ? ratificationZone(scenario) : undefined), [scenario, on]);
  const zoneRows = zone === undefined ? 0 : 2;
  const result = useMemo(
    () =>
      state.concessionsFor && state.concessionsFor === documentId
        ? computeConcessions(state.scenario, state.concessionsFor, state.asOf, on)
        : null,
    [state.scenario, state.concessionsFor, documentId, state.asOf, on],
  );
  const sets: readonly (ConcessionSet | NearMiss)[] =
    result && typeof result !== 'string' ? (result.size !== null ? result.solutions : result.closest) : [];
  const row = Math.min(state.concessionRow, Math.max(0, sets.length - 1));

  useKeys((input, key) => {
    const id = whichKey(ANALYSIS_KEYS, input, key);
    if (!documentId) return;
    if (id === 'solution' && outcome.ok) {
      const kind = SOLUTION_KINDS[Number(input) - 1]!;
      const point = outcome.acceptable.solutions[kind];
      if (point)
        dispatch({
          type: 'load',
          document: documentId,
          pkg: point.pkg,
          label: `loaded the ${SOLUTION_NAMES[kind]} solution`,
        });
    } else if (id === 'concessions') dispatch({ type: 'compute-concessions', document: documentId });
    else if ((id === 'up' || id === 'down') && sets.length)
      dispatch({ type: 'move-concession', delta: id === 'up' ? -1 : 1, count: sets.length });
    else if (id === 'apply' && sets[row]) {
      const set = sets[row]!;
      dispatch({
        type: 'load',
        document: documentId,
        pkg: set.package,
        label: `applied concession set ${row + 1} (${plural(set.changes.length, 'change')} to the document)`,
      });
    }
  }, active);

  const nameWidth = Math.max(...SOLUTION_KINDS.map((k) => SOLUTION_NAMES[k].length)) + 2;
  const columns = scenario.actors.map((a) => Math.max(6, shortName(a.name).length + 2));
  const selected = sets[row];
  const judged = judgedScenario(state, documentId);
  // the red lines of the concessions' date applied before their earliest source, by actor and id (the CLI's marks)
  const earlyOf = useMemo(
    () => (result && typeof result !== 'string' ? redLinesBeforeRecord(state.scenario, result.asOf) : null),
    [state.scenario, result],
  );
  const still = selected && 'rejecting' in selected ? stillRejecting(judged, on, selected) : [];
  // each red line the detail shows for each actor that still rejects, when it is marked
  const marks = still.map((v) =>
    v.violations.map((x) => (earlyOf ? earlyOf(v.actor, x.redLine) : undefined)),
  );
  // the concessions' title names the date judged and the document, whole: wrapped rather than cut
  const concessionsTitle: Span[] = [
    { text: 'Minimal concessions', bold: true },
    {
      text: doc
        ? ` · positions of ${state.asOf ?? doc.date} · for ${documentHeading(doc)}`
        : ' · open a document first',
      dim: true,
    },
  ];
  const titleRows = wrappedHeight(concessionsTitle, width);
  // the blank row above it gives way to its second row
  const gapRows = titleRows > 1 ? 0 : 1;
  const list = { scenario, result, sets, width };
  const listRows = concessionsListRows(list, theme);
  // the detail's least: its first line and the one that says it scrolls
  const detailLeast = selected ? 2 : 0;
  // why nothing is feasible takes the rows its red lines need whole, as long as the concessions keep seven (their
  // note, two one-line sets and the line under them, the detail's two and a spare), or, once computed, the rows that
  // show the tallest set whole with the line under it and the detail's two
  const conflicted = outcome.ok && outcome.conflicts.length > 0;
  const concessionsLeast = Math.max(7, listRows.head + listRows.least + detailLeast);
  const middleRows = conflicted
    ? Math.max(
        2 + SOLUTION_KINDS.length,
        Math.min(
          conflictsPaneRows({ scenario, conflicts: outcome.conflicts, width }),
          height - 3 - gapRows - titleRows - zoneRows - concessionsLeast,
        ),
      )
    : 2 + SOLUTION_KINDS.length;
  const topHeight = 3 + gapRows + titleRows + middleRows + zoneRows;
  // under the list's heading: every set whole and the detail whole when they fit; else the selected set whole (the
  // list scrolls by sets), then the detail as far as it needs (past that it scrolls, pgup/pgdn), then more sets
  const room = height - topHeight - listRows.head;
  const detailNeed = selected
    ? concessionDetailHeight({ scenario: judged, set: selected, still, marks, document: doc }, theme, width)
    : 0;
  const detailHeight =
    listRows.all + detailNeed <= room
      ? detailNeed
      : Math.max(Math.min(detailLeast, detailNeed), Math.min(detailNeed, room - listRows.least));
  const listHeight = Math.max(listRows.least, Math.min(listRows.all, room - detailHeight));

  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Heading title={`Analysis — ${scenario.title}`} width={width} />
      <Box height={2} width={width} flexShrink={0}>
        {outcome.ok ? (
          <Wrapped
            width={width}
            maxLines={2}
            spans={[
              { text: `Positions in force on ${state.asOf ?? state.scenario.date}: `, dim: true },
              { text: `${outcome.size.toLocaleString('en-US')} possible packages; ` },
              {
                text: `${outcome.feasible.toLocaleString('en-US')} (${percentOf(outcome.feasible, outcome.size)})`,
                bold: true,
              },
              { text: " break no party's red line and no rule." },
            ]}
          />
        ) : (
          <Wrapped width={width} maxLines={2} spans={[{ text: outcome.message, color: theme.reject }]} />
        )}
      </Box>
      {zone === undefined ? null : (
        <Box height={2} width={width} flexShrink={0}>
          <Wrapped
            width={width}
            maxLines={2}
            spans={[
              {
                text:
                  zone === null
                    ? 'No ratification hurdle in this scenario: anticipating one changes nothing.'
                    : `If negotiators anticipate ratification: ${anticipatedZoneWords(zone, true)}.`,
                color: theme.changed,
              },
            ]}
          />
        </Box>
      )}
      {conflicted ? (
        <ConflictsPane
          scenario={scenario}
          conflicts={outcome.conflicts}
          search={outcome.search}
          width={width}
          rows={middleRows}
        />
      ) : (
        <>
          <Line width={width}>
            <PaneTitle
              title="Bargaining solutions"
              note="best packages every required actor accepts · 1–4 load one"
            />
          </Line>
          <Line width={width}>
            <Box width={3 + nameWidth} flexShrink={0} />
            {scenario.actors.map((a, j) => (
              <Box key={a.id} width={columns[j]} flexShrink={0}>
                <Text dimColor wrap="truncate-end">
                  {shortName(a.name)}
                </Text>
              </Box>
            ))}
          </Line>
          {SOLUTION_KINDS.map((kind, k) => {
            const point = outcome.ok ? outcome.acceptable.solutions[kind] : null;
            return (
              <Line key={kind} width={width}>
                <Box width={3} flexShrink={0}>
                  <Text color={theme.accent} bold>
                    {k + 1}
                  </Text>
                </Box>
                <Box width={nameWidth} flexShrink={0}>
                  <Text bold>{SOLUTION_NAMES[kind]}</Text>
                </Box>
                {point ? (
                  <>
                    {scenario.actors.map((a, j) => (
                      <Box key={a.id} width={columns[j]} flexShrink={0}>
                        <Text>{fix2(utility(a, scenario.offsets, point.pkg))}</Text>
                      </Box>
                    ))}
                    <Box flexGrow={1} flexShrink={1}>
                      <Text dimColor wrap="truncate-end">
                        {reference ? `${plural(differences(point.pkg, reference), 'change')} · ` : ''}
                        {tiedWords(outcome.ok ? (outcome.acceptable.solutionTies?.[kind] ?? null) : null)}
                        {SOLUTION_MEANING[kind]}
                      </Text>
                    </Box>
                  </>
                ) : (
                  <Text dimColor wrap="truncate-end">
                    none: no package is acceptable to every required actor
                  </Text>
                )}
              </Line>
            );
          })}
        </>
      )}
      {gapRows ? (
        <Line width={width}>
          <Text> </Text>
        </Line>
      ) : null}
      <Wrapped spans={concessionsTitle} width={width} />
      <ConcessionsList {...list} row={row} rows={listHeight} />
      {selected ? (
        <ConcessionDetail
          scenario={judged}
          set={selected}
          document={doc}
          still={still}
          marks={marks}
          width={width}
          height={detailHeight}
          active={active}
        />
      ) : null}
    </Box>
  );
}

/** A solution that is not unique says so first: "1 of 71 tied · " (the package shown is the first by package order). */
function tiedWords(tied: number | null): string {
  return tied !== null && tied > 1 ? `1 of ${tied.toLocaleString('en-US')} tied · ` : '';
}

/** One row of the screen that never shrinks away. */
function Line({ width, children }: { width: number; children: ReactNode }) {
  return (
    <Box width={width} flexShrink={0}>
      {children}
    </Box>
  );
}
