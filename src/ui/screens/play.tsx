// The play screen: a facilitated session. The facilitator steps the negotiation (space, r), injects events,
// pauses, rewinds and saves; when the machine waits for a team, a privacy gate hides the screen until that team
// has the keyboard, then its private briefing and its move; on a final state, the outcome. Every state draws the
// heading and the status bar first and fits the rest into the rows left, so nothing pushes the heading off.
// The transcript and the outcome are in the public view (no private numbers) unless the facilitator presses v.

import { Box, Text } from 'ink';
import { useMemo, useRef, useState } from 'react';
import { actorInSentence } from '../../domain/actor-names.ts';
import { sessionText } from '../../engine/session.ts';
import { cells } from '../../report/format.ts';
import { ANTICIPATION_MARK } from '../../report/ratification.ts';
import { Briefing } from '../components/briefing.tsx';
import { ChoiceList } from '../components/choice-list.tsx';
import { Heading } from '../components/heading.tsx';
import { OutcomePane } from '../components/outcome-pane.tsx';
import { TermEditor } from '../components/term-editor.tsx';
import { TextField } from '../components/text-field.tsx';
import { TranscriptPane } from '../components/transcript-pane.tsx';
import { Wrapped } from '../components/wrapped.tsx';
import { type Clock, minutesSeconds, useNow, WALL_CLOCK } from '../hooks/use-clock.ts';
import { useKeys } from '../hooks/use-keys.ts';
import { usePlayHost } from '../host.ts';
import { whichKey } from '../key-binding.ts';
import { OUTCOME_KEYS, PLAY_KEYS, TERMS_KEYS, TURN_KEYS } from '../keys-play.ts';
import { type Span, wrapSpans } from '../layout.ts';
import { injectStep } from '../state/inject-menu.ts';
import {
  documentOnTable,
  isOver,
  isPaused,
  outcomeOf,
  type PlayGame,
  phaseName,
  scenarioNow,
  sessionOf,
  teamsOf,
} from '../state/play.ts';
import { type PlayAction, type PlayView, sessionBase, showsNumbers, unsaved } from '../state/play-view.ts';
import { defaultReportFile, reportFileFor, reportFormat, reportText } from '../state/report.ts';
import type { SandboxAction } from '../state/sandbox.ts';
import { GLYPH, useTheme } from '../theme.ts';
import { TranscriptWords } from '../transcript-words.ts';
import { plural, shortName } from '../words.ts';
import type { ScreenProps } from './types.ts';

const EDITOR_ACTIONS: Partial<Record<(typeof TERMS_KEYS)[number]['id'], SandboxAction>> = {
  up: { type: 'move', delta: -1 },
  down: { type: 'move', delta: 1 },
  left: { type: 'step-option', delta: -1 },
  right: { type: 'step-option', delta: 1 },
  undo: { type: 'undo' },
  redo: { type: 'redo' },
  reset: { type: 'reset' },
};

/** Where a session is saved when no file was named: the scenario and the seed, in the working folder. */
function defaultFile(game: PlayGame): string {
  return `${sessionBase(game)}.session.json`;
}

/** A fork's file: the current one's name, marked with the round and the number of inputs it branches at. */
function forkFile(view: PlayView): string {
  const base = (view.file ?? defaultFile(view.game)).replace(/(-fork-r\d+-\d+)?(\.session)?\.json$/, '');
  return `${base}-fork-r${view.game.snapshot.context.round}-${view.game.inputs.length}.session.json`;
}

export interface PlayScreenProps extends ScreenProps {
  /** the time source of the turn clock (tests fix it) */
  readonly clock?: Clock;
}

export function PlayScreen({ state, dispatch, width, height, active, clock = WALL_CLOCK }: PlayScreenProps) {
  const theme = useTheme();
  const host = usePlayHost();
  const view = state.play!;
  const { game, turn } = view;
  const ctx = game.snapshot.context;
  const now = scenarioNow(game);
  const teams = useMemo(() => teamsOf(game), [game]);
  const numbers = showsNumbers(view);
  const words = useMemo(
    () => new TranscriptWords(game.scenario, theme, teams, { public: !numbers }),
    [game.scenario, theme, teams, numbers],
  );
  const { lines, legend } = useMemo(() => words.withLegend(ctx.transcript), [words, ctx.transcript]);
  const outcome = turn ? null : outcomeOf(game);
  const play = (action: PlayAction) => dispatch({ type: 'play', action });

  // the turn clock starts when the machine starts waiting for the team, and stops with its move
  const turnKey = turn && turn.stage !== 'moved' ? `${turn.actor}:${turn.move}:${ctx.round}` : null;
  const started = useRef<{ key: string | null; at: number }>({ key: null, at: 0 });
  if (started.current.key !== turnKey) started.current = { key: turnKey, at: clock() };
  const time = useNow(turnKey !== null, clock);
  // the inject list's selected row, by the list it is in: its label whole under the list when the row cuts it
  const [injectFocus, setInjectFocus] = useState<{ readonly path: string; readonly value: string } | null>(
    null,
  );

  const save = (file: string, forked: boolean) => {
    try {
      host.save(file, sessionText(sessionOf(game, view.source)));
      play({ type: 'saved', file, forked });
    } catch (e) {
      play({ type: 'prompt', prompt: null });
      play({ type: 'notice', notice: (e as Error).message });
    }
  };

  // the debrief from the screen: the report of the session as it stands, written as `peacesim report` writes it
  const writeReport = (file: string) => {
    reportText(game, view.source, reportFormat(file))
      .then((text) => {
        host.save(file, text);
        play({ type: 'reported', file });
      })
      .catch((e: Error) => {
        play({ type: 'prompt', prompt: null });
        play({ type: 'notice', notice: `the report was not written: ${e.message}` });
      });
  };
  const report = () =>
    view.file ? writeReport(reportFileFor(view.file)) : play({ type: 'prompt', prompt: 'report' });

  useKeys((input, key) => {
    if (view.prompt || turn?.stage === 'asks') return;
    if (turn?.stage === 'brief') {
      const id = whichKey(TURN_KEYS, input, key);
      if (id === 'reject') play({ type: 'ask' });
      else if (id) play({ type: id });
      return;
    }
    if (turn?.stage === 'terms') {
      const id = whichKey(TERMS_KEYS, input, key);
      if (id === 'table') play({ type: 'table' });
      else if (id && EDITOR_ACTIONS[id]) play({ type: 'editor', action: EDITOR_ACTIONS[id]! });
      return;
    }
    if (outcome) {
      const id = whichKey(OUTCOME_KEYS, input, key);
      if (id === 'save') view.file ? save(view.file, false) : play({ type: 'prompt', prompt: 'save' });
      else if (id === 'fork') play({ type: 'prompt', prompt: 'fork' });
      else if (id === 'report') report();
      else if (id === 'rewind') play({ type: 'rewind' });
      else if (id === 'view') play({ type: 'view' });
      else if (id === 'done') dispatch({ type: 'back' });
      return;
    }
    const id = whichKey(PLAY_KEYS, input, key);
    const page = Math.max(1, height - 8);
    if (id === 'step' || id === 'run' || id === 'rewind' || id === 'pause' || id === 'enter' || id === 'view')
      play({ type: id });
    else if (id === 'inject') play({ type: 'prompt', prompt: 'inject' });
    else if (id === 'save') view.file ? save(view.file, false) : play({ type: 'prompt', prompt: 'save' });
    else if (id === 'fork') play({ type: 'prompt', prompt: 'fork' });
    else if (id === 'report') report();
    else if (id === 'up' || id === 'down' || id === 'page-up' || id === 'page-down')
      play({ type: 'scroll', delta: { up: 1, down: -1, 'page-up': page, 'page-down': -page }[id] });
  }, active);

  const name = (id: string) => game.scenario.actors.find((a) => a.id === id)?.name ?? id;
  const top = (
    <>
      <Heading
        title={`Play — ${game.scenario.title}`}
        right={`seed ${game.resolved.seed} · ${teams.length ? `teams: ${teams.map((id) => shortName(name(id))).join(', ')}` : 'bots only'}${game.resolved.anticipateRatification ? ` · ${ANTICIPATION_MARK}` : ''}`}
        width={width}
      />
      <StatusBar view={view} width={width} elapsed={turnKey ? time - started.current.at : null} />
    </>
  );
  const round = ctx.round;
  if (turn && (turn.stage === 'brief' || turn.stage === 'asks'))
    return (
      <Box flexDirection="column" width={width} height={height} overflow="hidden">
        {top}
        <Briefing
          scenario={now}
          turn={turn}
          text={ctx.text}
          document={documentOnTable(game)}
          round={round}
          maxRounds={ctx.maxRounds}
          width={width}
          height={height - 2}
          onReject={(asks) => play({ type: 'reject', asks })}
        />
      </Box>
    );
  if (turn?.stage === 'terms' && turn.editor)
    return (
      <Box flexDirection="column" width={width} height={height} overflow="hidden">
        {top}
        <TermEditor
          scenario={now}
          turn={turn}
          round={round}
          maxRounds={ctx.maxRounds}
          width={width}
          height={height - 2}
        />
      </Box>
    );

  const menu = view.prompt === 'inject' ? injectStep(game, view.injectPath, numbers) : null;
  const choices = menu?.kind === 'menu' ? menu.choices : [];
  const injectKey = view.injectPath.join('/');
  const focused =
    choices.find((c) => injectFocus?.path === injectKey && c.value === injectFocus.value) ?? choices[0];
  // under the list, the selected choice whole: an event as the transcript will name it when it fires — its
  // description, basis, sources and (unconfirmed) — which the list showed only by its title; another choice when its
  // row cuts it (a red line to drop, say — its condition or number at the end). The prompt keeps rows for the
  // tallest, so that it does not jump as the selection moves
  const cut = (label: string) => cells(label) > width - 2;
  const wholeSpans = (c: (typeof choices)[number]): Span[] | null =>
    c.event ? words.event(c.event) : cut(c.label) ? [{ text: c.label, dim: true }] : null;
  const focusedWhole = focused ? wholeSpans(focused) : null;
  const wholeRows = Math.max(
    0,
    ...choices.map((c) => {
      const spans = wholeSpans(c);
      return spans ? wrapSpans(spans, width).length : 0;
    }),
  );
  // the legend of the † marks takes the rows it needs under the transcript while the transcript shows one (two at
  // under 70 columns: the legend is whole at every size)
  const legendRows = legend && !outcome ? wrapSpans(legend, width).length : 0;
  // the last line whole, on the rows it takes: a notice cut short lost why a report was not written, and the
  // outcome's keys at 80 columns what enter does
  const bottom: Span[] = [
    {
      text:
        view.notice ||
        (outcome
          ? 'w writes the report · s saves the session · u rewinds into it · enter returns to the explorer'
          : `${plural(game.inputs.length, 'input')}${savedWords(view)}`),
      dim: true,
    },
  ];
  const bottomRows = wrapSpans(bottom, width).length;
  // the list shows six choices, fewer on a screen too short for them and the selected one whole over three rows of
  // the transcript
  const listRows = Math.max(
    1,
    Math.min(choices.length, 6, height - 3 - bottomRows - legendRows - 3 - 2 - wholeRows),
  );
  const promptRows = view.prompt === 'inject' ? listRows + 2 + wholeRows : view.prompt ? 2 : turn ? 4 : 0;
  const bodyHeight = Math.max(3, height - 3 - bottomRows - promptRows - legendRows);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {top}
      <Text> </Text>
      {outcome ? (
        <OutcomePane
          scenario={now}
          outcome={outcome}
          width={width}
          height={bodyHeight}
          numbers={numbers}
          transcript={ctx.transcript}
        />
      ) : (
        <TranscriptPane
          lines={lines}
          width={width}
          height={bodyHeight}
          scroll={view.scroll}
          empty="Nothing has happened yet. Space opens round 1; r runs to the first team's turn (or the end)."
        />
      )}
      {legendRows && legend ? <Wrapped spans={legend} width={width} /> : null}
      {view.prompt === 'inject' ? (
        <Box flexDirection="column" width={width} height={promptRows} flexShrink={0}>
          <Text bold wrap="truncate-end">
            {menu?.kind === 'menu' ? menu.title : 'Inject'}
            <Text dimColor>
              {' '}
              · ↑↓ choose · enter picks · esc {view.injectPath.length ? 'back' : 'cancels'}
            </Text>
          </Text>
          {choices.length ? (
            <>
              <ChoiceList
                // one list per step: a fresh list, so that a pick never carries over to the next one
                key={injectKey}
                active={active}
                options={choices.map((c) => ({ value: c.value, label: c.label }))}
                rows={listRows}
                width={width}
                onChoose={(value) => play({ type: 'inject-pick', value })}
                onFocus={(value) => setInjectFocus({ path: injectKey, value })}
                // the list shows six: say there is more, so that the ad-hoc entries below the events are found
                counted
              />
              {focusedWhole ? <Wrapped spans={focusedWhole} width={width} /> : null}
            </>
          ) : (
            <Text dimColor>Nothing to choose here (peacesim show lists the scenario's events).</Text>
          )}
        </Box>
      ) : view.prompt ? (
        <Box flexDirection="column" width={width} height={2} flexShrink={0}>
          <Text bold wrap="truncate-end">
            {view.prompt === 'report'
              ? 'Write the after-action report (a name ending in .md gives markdown)'
              : view.prompt === 'fork'
                ? 'Fork: save under a new name and go on there'
                : 'Save the session'}
            <Text dimColor> · enter {view.prompt === 'report' ? 'writes' : 'saves'} · esc cancels</Text>
          </Text>
          <Box>
            <Text>file: </Text>
            <TextField
              key={view.prompt}
              active={active}
              width={width - 6}
              defaultValue={
                view.prompt === 'report'
                  ? defaultReportFile(game)
                  : view.prompt === 'fork'
                    ? forkFile(view)
                    : (view.file ?? defaultFile(game))
              }
              onSubmit={(file) => {
                if (!file.trim()) return;
                if (view.prompt === 'report') writeReport(file.trim());
                else save(file.trim(), view.prompt === 'fork');
              }}
            />
          </Box>
        </Box>
      ) : turn ? (
        <TurnBox stage={turn.stage} actor={name(turn.actor)} width={width} />
      ) : null}
      <Wrapped spans={bottom} width={width} />
    </Box>
  );
}

/** Where the session's inputs are kept: a file saved before the last input is named, not said to be missing. */
function savedWords(view: PlayView): string {
  const copy = view.recovery ? ' (a recovery copy is kept)' : '';
  if (!unsaved(view)) return ` · saved to ${view.file}`;
  return view.file ? ` · changed since saved to ${view.file} (s saves again)${copy}` : ` · not saved${copy}`;
}

/** The privacy gate, and the word after a move: who has the keyboard. */
function TurnBox({ stage, actor, width }: { stage: string; actor: string; width: number }) {
  const theme = useTheme();
  const gate = stage === 'gate';
  return (
    <Box
      flexDirection="column"
      width={width}
      height={4}
      flexShrink={0}
      borderStyle="round"
      borderColor={gate ? theme.warn : theme.accept}
      paddingX={1}
    >
      {gate ? (
        <>
          <Text bold wrap="truncate-end">
            Pass the keyboard to the {actor} team.
          </Text>
          <Text wrap="truncate-end">Press enter when only they can see the screen.</Text>
        </>
      ) : (
        <>
          <Text bold wrap="truncate-end">
            {GLYPH.accept} Move recorded.
          </Text>
          <Text wrap="truncate-end">
            Pass the keyboard back to the facilitator, who presses enter to go on.
          </Text>
        </>
      )}
    </Box>
  );
}

/** Round r/N, where the statechart is, who it waits for, and the team's clock against the time box. */
function StatusBar({ view, width, elapsed }: { view: PlayView; width: number; elapsed: number | null }) {
  const theme = useTheme();
  const { game, turn } = view;
  const ctx = game.snapshot.context;
  const phase = phaseName(game);
  const name = (id: string) => shortName(game.scenario.actors.find((a) => a.id === id)?.name ?? id);
  const waits = isOver(game)
    ? 'the session is over'
    : isPaused(game)
      ? 'paused by the facilitator (z resumes)'
      : turn
        ? turn.stage === 'moved'
          ? `${shortName(actorInSentence(game.scenario, turn.actor))} has moved`
          : `waits for the ${name(turn.actor)} team to ${turn.move === 'respond' ? 'answer' : turn.move}`
        : phase === 'setup'
          ? 'space opens round 1'
          : 'the bots: space steps';
  const limit = view.turnMinutes * 60_000;
  const over = elapsed !== null && limit > 0 && elapsed > limit;
  const numbers = showsNumbers(view);
  // which view is on, so that the facilitator sees the numbers are up before the teams look
  const marker = numbers
    ? { text: ' facilitator view — numbers shown ', inverse: true }
    : teamsOf(game).length
      ? { text: turn ? 'public view' : 'public view · v numbers', inverse: false }
      : null;
  return (
    <Box width={width} flexShrink={0}>
      <Box flexGrow={1} flexShrink={1}>
        <Text wrap="truncate-end">
          <Text bold>{ctx.round === 0 ? 'not started' : `round ${ctx.round}/${ctx.maxRounds}`}</Text>
          <Text dimColor> · </Text>
          <Text color={isPaused(game) ? theme.warn : theme.accent}>{phase}</Text>
          <Text dimColor> · </Text>
          <Text>{waits}</Text>
        </Text>
      </Box>
      {marker ? (
        <Box flexShrink={0} marginLeft={1}>
          <Text
            inverse={marker.inverse}
            bold={marker.inverse}
            color={marker.inverse ? theme.warn : undefined}
            dimColor={!marker.inverse}
          >
            {marker.text}
          </Text>
        </Box>
      ) : null}
      {elapsed !== null ? (
        <Box flexShrink={0} marginLeft={1}>
          <Text color={over ? theme.reject : undefined} bold={over}>
            ⏱ {minutesSeconds(elapsed)}
            {limit > 0 ? ` / ${minutesSeconds(limit)}` : ''}
            {over ? ' over' : ''}
          </Text>
        </Box>
      ) : null}
    </Box>
  );
}
