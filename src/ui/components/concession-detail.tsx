// The minimal concessions' selected set, under the list on the analysis screen: its changes, each margin over no
// deal, and why each actor that still rejects a closest set does — a red line the concessions' date applies before
// its earliest source marked † as the sandbox marks it, with its source and reason on a row below.
import { Box, Text } from 'ink';
import type { ConcessionSet, NearMiss } from '../../analysis/concessions.ts';
import { evaluatePackage, type Verdict } from '../../domain/evaluate.ts';
import type { AppliedBeforeRecord } from '../../domain/on-record.ts';
import type { Scenario } from '../../domain/types.ts';
import { GLYPH, useTheme } from '../theme.ts';
import { beforeRecordSpans, reasonLines, shortName, signed2 } from '../words.ts';
import { Wrapped } from './wrapped.tsx';

/** The verdicts of the required actors that still reject a closest set, in its order. */
export function stillRejecting(scenario: Scenario, anticipate: boolean, set: NearMiss): Verdict[] {
  const ev = evaluatePackage(scenario, set.package, undefined, anticipate);
  return set.rejecting.map((a) => ev.verdicts[a]!);
}

/** The selected set: its changes, the margins over no deal, and why each actor that still rejects it does. */
export function ConcessionDetail({
  scenario,
  set,
  still,
  marks,
  width,
  height,
}: {
  scenario: Scenario;
  set: ConcessionSet | NearMiss;
  /** the verdicts of the actors that still reject it */
  still: readonly Verdict[];
  /** for each, the red line shown when applied before its earliest source: marked † as the sandbox marks it */
  marks: readonly (AppliedBeforeRecord | undefined)[];
  width: number;
  height: number;
}) {
  const theme = useTheme();
  // the line can be cut at the pane's edge: the mark leads the red line, and its source and reason are below, a
  // row for each line marked
  const legends = [...new Set(marks.flatMap((e) => e ?? []))];
  const margins = set.required.map(
    (a) =>
      `${shortName(scenario.actors[a]!.name)} ${signed2(set.utilities[a]! - scenario.actors[a]!.reservation.value)}`,
  );
  return (
    <Box flexDirection="column" width={width} height={height} paddingTop={1} overflow="hidden" flexShrink={0}>
      {set.changes.map((c) => {
        const issue = scenario.issues[c.issue]!;
        return (
          <Text key={issue.id} wrap="truncate-end">
            <Text bold>{issue.label}</Text>: {issue.options[c.from]!.label} →{' '}
            <Text color={theme.changed}>{issue.options[c.to]!.label}</Text>
          </Text>
        );
      })}
      <Text dimColor wrap="truncate-end">
        over no deal: {margins.join(' · ')}
      </Text>
      {still.map((v, k) => (
        <Text key={v.actor} wrap="truncate-end" color={theme.reject}>
          {shortName(scenario.actors[scenario.actorIndex.get(v.actor)!]!.name)} still rejects —{' '}
          {marks[k] ? <Text color={theme.warn}>{GLYPH.before} </Text> : null}
          {reasonLines(scenario, v)[0]}
        </Text>
      ))}
      {legends.map((e) => (
        <Wrapped
          key={`${e.actor}/${e.id}`}
          width={width}
          maxLines={1}
          spans={[
            { text: `${GLYPH.before} `, color: theme.warn },
            ...(still.length > 1
              ? [{ text: `${shortName(scenario.actors[scenario.actorIndex.get(e.actor)!]!.name)}: ` }]
              : []),
            ...beforeRecordSpans(e, theme).slice(1),
          ]}
        />
      ))}
    </Box>
  );
}
