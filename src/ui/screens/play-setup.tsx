// The setup of a play session: which actors teams play (the rest are bots with their scenario strategy, which
// can be changed), the seed, the number of rounds, and the per-turn time box. One field at a time: enter takes it
// and goes on, esc goes back a field.

import { Box, Text } from 'ink';
import type { StrategyKind } from '../../domain/types.ts';
import { ANTICIPATION_MARK } from '../../report/ratification.ts';
import { protocolWords, STRATEGY_WORDS } from '../../report/words.ts';
import { CheckList } from '../components/check-list.tsx';
import { Heading, type HeadingProps, headingRows } from '../components/heading.tsx';
import { TextField } from '../components/text-field.tsx';
import { Wrapped, wrappedHeight } from '../components/wrapped.tsx';
import { useKeys } from '../hooks/use-keys.ts';
import { usePlayHost } from '../host.ts';
import { whichKey } from '../key-binding.ts';
import { SETUP_KEYS } from '../keys-play.ts';
import { fitParts, type Span } from '../layout.ts';
import { playableActors } from '../state/play.ts';
import {
  botActors,
  botKind,
  SETUP_FIELDS,
  type SetupField,
  type TextField as TextFieldName,
} from '../state/play-setup.ts';
import { GLYPH, useTheme } from '../theme.ts';
import { basisText, plural } from '../words.ts';
import type { ScreenProps } from './types.ts';

const LABELS: Readonly<Record<SetupField, string>> = {
  teams: 'Teams',
  bots: 'Bots',
  seed: 'Seed',
  rounds: 'Rounds',
  minutes: 'Time box',
  start: 'Start',
};

const KIND_WORDS: Readonly<Record<StrategyKind, string>> = {
  ...STRATEGY_WORDS,
  human: 'played by a team',
};

const HELP: Readonly<Record<SetupField, string>> = {
  teams: 'space picks the actors teams play; enter goes on (none picked: bots play everyone)',
  bots: `↑↓ choose a bot · ←→ change its strategy (${GLYPH.changed}: not the scenario's own) · enter goes on`,
  seed: "the seed of the bots' random draws (a strategy's noise, a mediator's ties); a session that draws nothing is the same for any seed · enter goes on",
  rounds: 'the talks end in a stalemate after this round · enter goes on',
  minutes:
    "each team's turn is timed; past this many minutes its clock turns red (it never moves for the team); 0 = off",
  start: 'enter starts the session · esc goes back to change the settings',
};

export function PlaySetupScreen({ state, dispatch, width, height, active }: ScreenProps) {
  const theme = useTheme();
  const host = usePlayHost();
  const { scenario } = state;
  const setup = state.setup!;
  const bots = botActors(scenario, setup);
  const name = (id: string) => scenario.actors[scenario.actorIndex.get(id)!]!.name;
  const field = setup.field;

  useKeys(
    (input, key) => {
      const id = whichKey(SETUP_KEYS, input, key);
      if (field === 'bots') {
        if (id === 'up' || id === 'down')
          dispatch({ type: 'setup', action: { type: 'bot-row', delta: id === 'up' ? -1 : 1 } });
        else if (id === 'kind')
          dispatch({ type: 'setup', action: { type: 'bot-kind', delta: key.leftArrow ? -1 : 1 } });
        else if (id === 'next') dispatch({ type: 'setup', action: { type: 'next' } });
      } else if (field === 'start' && id === 'next')
        dispatch({ type: 'start-play', source: host.sourceOf(scenario) });
    },
    active && (field === 'bots' || field === 'start'),
  );

  const summary: Readonly<Record<SetupField, string>> = {
    teams: setup.teams.length
      ? fitParts(setup.teams.map(name), width - 12, (n) => `+${n} more`)
      : 'none (bots play everyone)',
    // each bot whole with its strategy, never "Europea…": the ones left out are counted (the field lists them all)
    bots: bots.length
      ? fitParts(
          bots.map((id) => `${name(id)}: ${botKind(scenario, setup, id)}`),
          width - 12,
          (n) => `+${n} more`,
        )
      : 'none',
    seed: setup.seed,
    rounds: `${setup.rounds}${Number(setup.rounds) === scenario.protocol.maxRounds ? " (the scenario's)" : ''}`,
    minutes: Number(setup.minutes) > 0 ? `${setup.minutes} min per turn` : 'off',
    start: '',
  };
  const text = (f: TextFieldName) => (
    // keyed: each field gets its own input, with its own default
    <Box key={f}>
      <Text color={theme.accent}>{GLYPH.pointer} </Text>
      <TextField
        defaultValue={setup[f]}
        active={active}
        width={width - 2}
        onSubmit={(value) => dispatch({ type: 'setup', action: { type: 'text', field: f, value } })}
      />
    </Box>
  );
  const note = setup.anticipate ? 1 : 0;
  // the protocol, whole: under alternating offers who proposes first is part of it (and may gain by it), so the
  // heading wraps rather than leave that part out
  const heading: HeadingProps = {
    title: `Play a session — ${scenario.title}`,
    right: protocolWords(scenario, true).split(', '),
    width,
    wrap: true,
  };
  // the intro whole (cut at two rows on 80 columns it hid that only a recovery copy is kept until one saves)
  const intro: Span[] = [
    {
      text: 'Teams play the actors you pick, each on its own turn behind a privacy gate; bots play the rest. s in the session saves it to a file you name; until then only a recovery copy is kept.',
      dim: true,
    },
  ];
  const introRows = Math.min(3, wrappedHeight(intro, width));
  const editorRows = Math.max(3, height - SETUP_FIELDS.length - 4 - introRows - headingRows(heading) - note);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Heading {...heading} />
      <Wrapped width={width} maxLines={3} spans={intro} />
      {setup.anticipate ? (
        <Text wrap="truncate-end" color={theme.changed}>
          {`${ANTICIPATION_MARK}: bots with a ratification hurdle reject, and do not propose, a text their body would vote down`}
        </Text>
      ) : null}
      <Text> </Text>
      {SETUP_FIELDS.map((f) => {
        const on = f === field;
        return (
          <Box key={f} width={width}>
            <Box width={2} flexShrink={0}>
              <Text color={theme.accent} bold>
                {on ? GLYPH.pointer : ' '}
              </Text>
            </Box>
            <Box width={10} flexShrink={0}>
              <Text bold={on}>{LABELS[f]}</Text>
            </Box>
            <Box flexGrow={1} flexShrink={1}>
              <Text wrap="truncate-end" dimColor={!on}>
                {summary[f]}
              </Text>
            </Box>
          </Box>
        );
      })}
      <Text> </Text>
      <Box flexDirection="column" width={width} height={editorRows} flexShrink={0} overflow="hidden">
        <Wrapped width={width} maxLines={2} spans={[{ text: HELP[field], dim: true }]} />
        {field === 'teams' ? (
          <CheckList
            options={playableActors(scenario).map((id) => {
              const a = scenario.actors[scenario.actorIndex.get(id)!]!;
              // a picked actor is a team's, no longer a bot's
              return {
                value: id,
                label: (picked) =>
                  `${a.name} · ${a.role} · ${picked ? 'team' : `bot: ${botKind(scenario, setup, id)}`}`,
              };
            })}
            defaultValue={setup.teams}
            rows={Math.max(2, editorRows - 2)}
            width={width}
            active={active}
            onSubmit={(teams) => {
              dispatch({ type: 'setup', action: { type: 'teams', teams } });
              dispatch({ type: 'setup', action: { type: 'next' } });
            }}
          />
        ) : null}
        {field === 'bots' ? (
          bots.length ? (
            bots.slice(0, editorRows - 2).map((id, k) => {
              const kind = botKind(scenario, setup, id);
              const on = k === setup.botRow;
              return (
                <Text key={id} wrap="truncate-end">
                  <Text color={theme.accent} bold>
                    {on ? GLYPH.pointer : ' '}
                  </Text>{' '}
                  <Text bold={on}>{name(id)}</Text> {on ? `‹ ${kind} ›` : kind}
                  <Text dimColor> {KIND_WORDS[kind]}</Text>
                  {/* the scenario's own strategy is a reading of the actor's record (or an assumption): marked so */}
                  {setup.strategies[id] ? (
                    <Text color={theme.changed}> {GLYPH.changed}</Text>
                  ) : (
                    <Text color={theme.warn}>
                      {basisText(scenario.actors[scenario.actorIndex.get(id)!]!.strategy.basis)}
                    </Text>
                  )}
                </Text>
              );
            })
          ) : (
            <Text dimColor>Teams play every actor that moves: no bots.</Text>
          )
        ) : null}
        {field === 'seed' || field === 'rounds' || field === 'minutes' ? text(field) : null}
        {field === 'start' ? (
          <Text bold color={theme.accent}>
            {GLYPH.pointer} Start: {plural(setup.teams.length, 'team')}, {plural(bots.length, 'bot')}, seed{' '}
            {setup.seed}, up to {setup.rounds} rounds
          </Text>
        ) : null}
      </Box>
      {setup.error ? (
        <Text color={theme.reject} wrap="truncate-end">
          {GLYPH.reject} {setup.error}
        </Text>
      ) : null}
    </Box>
  );
}
