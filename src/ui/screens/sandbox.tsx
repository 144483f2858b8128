// The sandbox: the document's term sheet beside every actor's live verdict. ↑/↓ pick an issue, ←/→ change its
// option, u/r undo and redo, 0 resets, i explains the issue; when the verdicts, every reason whole, are more than
// their pane shows, tab gives them the arrows to scroll.

import { Box, Text } from 'ink';
import { useCallback, useMemo } from 'react';
import { contestedTerms } from '../../analysis/contested.ts';
import { nameInSentence } from '../../domain/actor-names.ts';
import { evaluatePackage } from '../../domain/evaluate.ts';
import { documentTermFlag, flagInParentheses } from '../../domain/flags.ts';
import { appliedBeforeRecord } from '../../domain/on-record.ts';
import { ratificationOf } from '../../domain/ratification.ts';
import { contestedTermWords } from '../../report/contested-terms.ts';
import { hurdleSentence } from '../../report/ratification.ts';
import { documentHeading, documentTermFlagText } from '../../report/words.ts';
import { Heading, type HeadingProps, headingRows, PaneTitle, paneTitleRows } from '../components/heading.tsx';
import { IssueInfo } from '../components/issue-info.tsx';
import { SidePane } from '../components/side-pane.tsx';
import { TermSheet } from '../components/term-sheet.tsx';
import { VerdictPanel } from '../components/verdict-panel.tsx';
import { Wrapped, wrappedHeight } from '../components/wrapped.tsx';
import { useKeys } from '../hooks/use-keys.ts';
import { whichKey } from '../key-binding.ts';
import { SANDBOX_KEYS } from '../keys.ts';
import type { Span } from '../layout.ts';
import { judgedScenario } from '../state/app.ts';
import { displayOrder } from '../state/order.ts';
import { changedIssues, currentPackage, type SandboxAction } from '../state/sandbox.ts';
import { GLYPH, useTheme } from '../theme.ts';
import { agreementLine, plural } from '../words.ts';
import type { ScreenProps } from './types.ts';

const ACTIONS: Partial<Record<(typeof SANDBOX_KEYS)[number]['id'], SandboxAction>> = {
  up: { type: 'move', delta: -1 },
  down: { type: 'move', delta: 1 },
  'page-up': { type: 'move', delta: -10 },
  'page-down': { type: 'move', delta: 10 },
  left: { type: 'step-option', delta: -1 },
  right: { type: 'step-option', delta: 1 },
  undo: { type: 'undo' },
  redo: { type: 'redo' },
  reset: { type: 'reset' },
};

export function SandboxScreen({ state, dispatch, width, height, active }: ScreenProps) {
  const theme = useTheme();
  const sandbox = state.sandbox!;
  // the document is judged by the positions in force on its date (or on --as-of): utilities, red lines, reservations
  const scenario = judgedScenario(state, sandbox.document);
  const asOf = state.asOf ?? state.scenario.documents.find((d) => d.id === sandbox.document)?.date;
  const pkg = currentPackage(sandbox);
  const evaluation = useMemo(() => evaluatePackage(scenario, pkg), [scenario, pkg]);
  // the red lines a verdict names that the scenario applies before their sources are marked, with its reason
  const before = useMemo(
    () => (asOf === undefined ? [] : appliedBeforeRecord(state.scenario, asOf)),
    [state.scenario, asOf],
  );
  const doc = scenario.documents.find((d) => d.id === sandbox.document)!;
  // the tabled text's contested terms, judged as its verdicts are: the selected one's are named under the sheet
  const contested = useMemo(
    () => contestedTerms(scenario, doc, evaluatePackage(scenario, doc.package)),
    [scenario, doc],
  );
  const showingIssue = state.overlay === 'issue';
  const verdictsFocused = state.sandboxFocus === 'verdicts';
  const setVerdictsOverflow = useCallback(
    (overflows: boolean) => dispatch({ type: 'verdicts-overflow', overflows }),
    [dispatch],
  );

  useKeys((input, key) => {
    const id = whichKey(SANDBOX_KEYS, input, key);
    if (id === undefined) return;
    if (id === 'info') dispatch({ type: 'overlay', overlay: 'issue' });
    else if (id === 'analysis') dispatch({ type: 'go', screen: 'analysis' });
    else if (id === 'focus') {
      if (verdictsFocused || state.verdictsOverflow) dispatch({ type: 'toggle-sandbox-focus' });
    }
    // the verdicts take the arrows and the pages while they have the focus (their ScrollBox)
    else if (verdictsFocused && ['up', 'down', 'page-up', 'page-down'].includes(id)) return;
    else {
      const action = ACTIONS[id];
      if (action) dispatch({ type: 'sandbox', action });
    }
  }, active && !showingIssue);

  const issue = scenario.issues[displayOrder(scenario)[sandbox.row]!]!;
  const changed = changedIssues(sandbox);
  const option = issue.options[pkg[issue.index]!]!;
  const tabled = issue.options[sandbox.base[issue.index]!]!;
  // the heading and the agreement line wrap rather than cut a title or who rejects; the blank row under them gives
  // way first, then the body
  const heading: HeadingProps = {
    // a text the record does not settle says so where it is named, as every command names it
    title: documentHeading(doc),
    right: [doc.date, `tabled by ${nameInSentence(scenario.actors[doc.tabledBy]!)}`],
    width,
    wrap: true,
  };
  const agreement: Span[] = [
    {
      text: evaluation.agreement ? `${GLYPH.accept} Agreement` : `${GLYPH.reject} No agreement`,
      color: evaluation.agreement ? theme.accept : theme.reject,
      bold: true,
    },
    { text: ` — ${agreementLine(scenario, evaluation)}` },
  ];
  // the selected term, the document's option for it and the issue's (unconfirmed), whole: it is the term the student
  // is changing, and an option cut here could be the one that differs ("Frozen on the line, the Russian-held part…")
  const selectedLine: Span[] = [
    { text: `${issue.label}: `, bold: true },
    { text: option.label, ...(option === tabled ? {} : { color: theme.changed }) },
    // the document's term carries its own flag when the record does not settle it (the issue's is another), in
    // square brackets inside the parentheses
    {
      text: `${option === tabled ? ' (as tabled' : ` (tabled: ${tabled.label}`}${flagInParentheses(documentTermFlag(doc, issue.index))})`,
      dim: true,
    },
    ...(issue.confirmed ? [] : [{ text: ' (unconfirmed)', dim: true }]),
    // the document's term another report words otherwise: show's words, on the text as tabled
    ...contested
      .filter((c) => c.issue === issue.id)
      .map((c) => ({ text: ` · ${contestedTermWords(scenario, c)}`, color: theme.warn })),
  ];
  // the hurdles the package would meet if signed, and whether it clears each, as show and whatif give them: an
  // "Agreement" a referendum would vote down is not yet a settlement
  const hurdles: Span[][] = (ratificationOf(scenario, pkg)?.hurdles ?? []).map((h) => [
    { text: `if signed, subject to ${hurdleSentence(scenario, h)}`, dim: true },
  ]);
  const headRows =
    headingRows(heading) +
    wrappedHeight(agreement, width) +
    hurdles.reduce((n, spans) => n + wrappedHeight(spans, width), 0);
  // the selected term's row takes the rows its labels need (three at 80 columns for the longest); the blank row under
  // the heading gives way first
  const selectedRows = wrappedHeight(selectedLine, width);
  const gap = headRows > 2 || selectedRows > 1 ? 0 : 1;
  const bodyHeight = Math.max(4, height - headRows - gap - 1 - selectedRows);
  const leftWidth = Math.floor(width * 0.53);
  const rightWidth = width - leftWidth - 2;
  // the bars' legend, whole: on a row of its own when the pane's title row cannot hold it
  const verdictsLegend = `${GLYPH.mark} = no deal`;

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Heading {...heading} />
      <Wrapped spans={agreement} width={width} />
      {hurdles.map((spans, k) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the hurdles are in the scenario's order
        <Wrapped key={k} spans={spans} width={width} />
      ))}
      {gap ? <Text> </Text> : null}
      {showingIssue ? (
        <IssueInfo
          state={state}
          dispatch={dispatch}
          width={width}
          height={height - headRows - gap}
          active={active}
        />
      ) : (
        <>
          <Box height={bodyHeight} width={width}>
            <Box flexDirection="column" width={leftWidth} flexShrink={0}>
              <PaneTitle
                title="Terms"
                note={`${sandbox.row + 1} of ${scenario.issues.length} · ${GLYPH.changed} ${changed.length} changed`}
              />
              <TermSheet
                scenario={scenario}
                pkg={pkg}
                base={sandbox.base}
                row={sandbox.row}
                width={leftWidth}
                height={bodyHeight - 1}
                mark={(issue) => documentTermFlagText(doc, issue)}
              />
            </Box>
            <SidePane width={rightWidth + 2}>
              <PaneTitle
                title="Verdicts"
                note={`as of ${asOf}`}
                legend={verdictsLegend}
                width={rightWidth}
                active={verdictsFocused}
              />
              <VerdictPanel
                scenario={scenario}
                evaluation={evaluation}
                width={rightWidth}
                height={bodyHeight - paneTitleRows('Verdicts', `as of ${asOf}`, verdictsLegend, rightWidth)}
                before={before}
                active={active && !showingIssue && verdictsFocused}
                onOverflow={setVerdictsOverflow}
              />
            </SidePane>
          </Box>
          <Box height={selectedRows} width={width} flexShrink={0}>
            <Wrapped spans={selectedLine} width={width} />
          </Box>
          <Text dimColor wrap="truncate-end">
            {sandbox.notice ||
              (changed.length
                ? `${plural(changed.length, 'term')} changed from the document · u undo · 0 reset`
                : '←/→ change the selected term · i explains it')}
          </Text>
        </>
      )}
    </Box>
  );
}
