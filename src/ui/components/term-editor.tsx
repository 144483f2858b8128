// A team's proposal (or, as mediator, its revision): the sandbox's term sheet over the text on the table, and
// beside it what the edited text is worth to the team, its red lines and the scenario's rules. Private: no other
// actor's numbers are shown.
import { Box, Text } from 'ink';
import { brokenConstraints, verdictOf } from '../../domain/evaluate.ts';
import type { Scenario } from '../../domain/types.ts';
import { type Span, wrapSpans } from '../layout.ts';
import { displayOrder } from '../state/order.ts';
import type { TurnView } from '../state/play-view.ts';
import { changedIssues, currentPackage } from '../state/sandbox.ts';
import { GLYPH, useTheme } from '../theme.ts';
import { basisText, fix3, plural, redLineSpans } from '../words.ts';
import { actorOf, PrivateHeading } from './briefing.tsx';
import { PaneTitle } from './heading.tsx';
import { SidePane } from './side-pane.tsx';
import { earlyRedLines, redLineAsides, teamRedLineSpans } from './team-red-lines.ts';
import { TermSheet } from './term-sheet.tsx';
import { UtilityBar } from './utility-bar.tsx';
import { Wrapped } from './wrapped.tsx';

export interface TermEditorProps {
  readonly scenario: Scenario;
  readonly turn: TurnView;
  readonly round: number;
  readonly maxRounds: number;
  readonly width: number;
  readonly height: number;
}

export function TermEditor({ scenario, turn, round, maxRounds, width, height }: TermEditorProps) {
  const theme = useTheme();
  const editor = turn.editor!;
  const actor = actorOf(scenario, turn.actor);
  const pkg = currentPackage(editor);
  const v = verdictOf(scenario, actor, pkg);
  const rules = brokenConstraints(scenario.rules, pkg);
  const changed = changedIssues(editor);
  const issue = scenario.issues[displayOrder(scenario)[editor.row]!]!;
  const value = actor.preferences[issue.index]?.values[pkg[issue.index]!];
  // a refused move says why in up to two lines: the red line it names is not cut to fit one
  const errorSpans = [{ text: `${GLYPH.reject} ${turn.error ?? ''}`, color: theme.reject, bold: true }];
  const errorRows = turn.error ? Math.min(2, wrapSpans(errorSpans, width).length) : 1;
  // the selected term, its option and what it is worth to the team, whole (a cut line lost the number): on as many
  // rows as it needs, the body giving them up
  const selectedSpans: Span[] = [
    { text: `${issue.label}: `, bold: true },
    { text: issue.options[pkg[issue.index]!]!.label },
    { text: value === undefined ? '' : ` · worth ${fix3(value)} to you`, dim: true },
  ];
  const selectedRows = wrapSpans(selectedSpans, width).length;
  const bodyHeight = Math.max(4, height - 4 - selectedRows - errorRows);
  const leftWidth = Math.floor(width * 0.55);
  const rightWidth = width - leftWidth - 2;
  const barWidth = Math.max(6, Math.min(24, rightWidth - 14));
  // red lines whole when the pane holds them (its title, the bar, the margin, a blank, the list's title and the
  // rules take the rest); two lines each, the second ending in …, when it does not
  const ruleRows = rules.length ? 1 + rules.length * 3 : 0;
  const asides = redLineAsides(scenario, actor, actor.redLines);
  // each with the † note the team's card gives one the scenario applies before its earliest source
  const early = earlyRedLines(scenario, actor);
  const redSpans = actor.redLines.map((r, k) => teamRedLineSpans(r, theme, asides[k]!, early));
  const redRows = redSpans.reduce((n, spans) => n + wrapSpans(spans, rightWidth - 2).length, 0);
  // what no deal is worth to it, with its basis mark, and the margin: whole, on two rows when narrow
  const marginSpans: Span[] = [
    { text: `no deal ${fix3(v.reservation)}`, dim: true },
    ...(basisText(v.reservationBasis) ? [{ text: basisText(v.reservationBasis), color: theme.warn }] : []),
    { text: ` · ${v.margin >= 0 ? `${fix3(v.margin)} better` : `${fix3(-v.margin)} worse`}`, dim: true },
  ];
  const marginRows = wrapSpans(marginSpans, rightWidth).length;
  const redMax = redRows <= bodyHeight - 4 - marginRows - ruleRows ? undefined : 2;
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <PrivateHeading actor={actor} note={`round ${round} of ${maxRounds}`} width={width} />
      <Text wrap="truncate-end">
        <Text bold>{turn.move === 'revise' ? 'Revise the text' : 'Your proposal'}</Text>
        <Text dimColor>
          {' '}
          · {plural(changed.length, 'term')} changed from the text on the table ({GLYPH.changed})
        </Text>
      </Text>
      <Text> </Text>
      <Box height={bodyHeight} width={width}>
        <Box flexDirection="column" width={leftWidth} flexShrink={0}>
          <PaneTitle title="Terms" note={`${editor.row + 1} of ${scenario.issues.length}`} />
          <TermSheet
            scenario={scenario}
            pkg={pkg}
            base={editor.base}
            row={editor.row}
            width={leftWidth}
            height={bodyHeight - 1}
          />
        </Box>
        <SidePane width={rightWidth + 2}>
          <PaneTitle title="For you" />
          <Text wrap="truncate-end">
            <UtilityBar
              utility={v.utility}
              reservation={v.reservation}
              width={barWidth}
              accepts={v.accepts}
            />{' '}
            <Text bold>{fix3(v.utility)}</Text>
          </Text>
          <Wrapped width={rightWidth} spans={marginSpans} />
          <Text> </Text>
          {actor.redLines.length ? <Text bold>Your red lines</Text> : null}
          {actor.redLines.map((r, k) => {
            const b = v.violations.some((x) => x.redLine === r.id);
            return (
              <Box key={r.id} width={rightWidth}>
                <Box width={2} flexShrink={0}>
                  <Text color={b ? theme.reject : theme.accept}>{b ? GLYPH.reject : GLYPH.accept}</Text>
                </Box>
                <Wrapped
                  width={rightWidth - 2}
                  {...(redMax ? { maxLines: redMax } : {})}
                  spans={redSpans[k]!}
                />
              </Box>
            );
          })}
          {rules.length ? (
            <Box flexDirection="column" marginTop={1} width={rightWidth}>
              {rules.map((r) => (
                <Wrapped
                  key={r.redLine}
                  width={rightWidth}
                  maxLines={3}
                  spans={redLineSpans(r, theme, { text: 'rule broken: ', color: theme.reject, bold: true })}
                />
              ))}
            </Box>
          ) : null}
        </SidePane>
      </Box>
      <Wrapped width={width} spans={selectedSpans} />
      {turn.error ? (
        <Wrapped width={width} maxLines={2} spans={errorSpans} />
      ) : (
        <Text dimColor wrap="truncate-end">
          {editor.notice || '←/→ change the selected term · enter tables the text · esc back to the briefing'}
        </Text>
      )}
    </Box>
  );
}
