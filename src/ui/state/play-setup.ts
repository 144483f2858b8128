// The setup form of a play session, one field at a time: which actors teams play, the bots' strategies, the
// seed, the number of rounds, the per-turn time box. Enter takes a field and goes on; esc goes back one.

import { ROUNDS_RANGE, SEED_RANGE, wholeNumber } from '../../domain/numbers.ts';
import { type Scenario, STRATEGY_KINDS, type StrategyKind } from '../../domain/types.ts';
import { DEFAULT_SEED, type RunOptions } from '../../engine/options.ts';
import { playableActors } from './play.ts';

export const SETUP_FIELDS = ['teams', 'bots', 'seed', 'rounds', 'minutes', 'start'] as const;
export type SetupField = (typeof SETUP_FIELDS)[number];
export type TextField = 'seed' | 'rounds' | 'minutes';

/** What a bot may play: every kind but a person. */
const BOT_KINDS: readonly StrategyKind[] = STRATEGY_KINDS.filter((k) => k !== 'human');

export interface SetupState {
  readonly field: SetupField;
  /** actor ids the teams play */
  readonly teams: readonly string[];
  /** bots whose strategy the facilitator changed: actor id → kind (the kind's default parameters) */
  readonly strategies: Readonly<Record<string, StrategyKind>>;
  /** the selected row of the bots list */
  readonly botRow: number;
  readonly seed: string;
  readonly rounds: string;
  readonly minutes: string;
  /** why the field was not taken */
  readonly error: string;
  /** negotiators anticipate ratification (tui --anticipate-ratification): the modeller's assumption */
  readonly anticipate?: boolean;
}

export type SetupAction =
  | { readonly type: 'teams'; readonly teams: readonly string[] }
  | { readonly type: 'bot-row'; readonly delta: number }
  | { readonly type: 'bot-kind'; readonly delta: number }
  | { readonly type: 'text'; readonly field: TextField; readonly value: string }
  | { readonly type: 'next' }
  | { readonly type: 'previous' };

export function openSetup(scenario: Scenario, anticipate = false): SetupState {
  return {
    field: 'teams',
    teams: [],
    strategies: {},
    botRow: 0,
    seed: String(DEFAULT_SEED),
    rounds: String(scenario.protocol.maxRounds),
    minutes: '0',
    error: '',
    ...(anticipate ? { anticipate } : {}),
  };
}

/** The actors the bots play that the machine may ask to move (the others never act). */
export function botActors(scenario: Scenario, s: SetupState): string[] {
  return playableActors(scenario).filter((id) => !s.teams.includes(id));
}

/** A bot's strategy kind: the facilitator's choice, else the scenario's. */
export function botKind(scenario: Scenario, s: SetupState, id: string): StrategyKind {
  return s.strategies[id] ?? scenario.actors[scenario.actorIndex.get(id)!]!.strategy.kind;
}

/** Why a text field's value is refused, or null: the seed and the rounds by the rules of --seed and --rounds. */
export function fieldError(field: TextField, value: string): string | null {
  const v = value.trim();
  switch (field) {
    case 'seed': {
      const n = wholeNumber(v, ...SEED_RANGE);
      return typeof n === 'string' ? `the seed: ${n}` : null;
    }
    case 'rounds': {
      const n = wholeNumber(v, ...ROUNDS_RANGE);
      return typeof n === 'string' ? `rounds: ${n}` : null;
    }
    case 'minutes':
      return /^\d+(\.\d+)?$/.test(v) && Number(v) <= 600
        ? null
        : 'the time box is in minutes, from 0 (off) to 600, e.g. 5 or 2.5';
  }
}

function move(s: SetupState, delta: number): SetupState {
  const at = SETUP_FIELDS.indexOf(s.field);
  const next = SETUP_FIELDS[Math.max(0, Math.min(SETUP_FIELDS.length - 1, at + delta))]!;
  return { ...s, field: next, error: '' };
}

export function setupReducer(scenario: Scenario, s: SetupState, a: SetupAction): SetupState {
  switch (a.type) {
    case 'teams':
      return { ...s, teams: playableActors(scenario).filter((id) => a.teams.includes(id)), botRow: 0 };
    case 'bot-row': {
      const n = botActors(scenario, s).length;
      return { ...s, botRow: Math.max(0, Math.min(n - 1, s.botRow + a.delta)) };
    }
    case 'bot-kind': {
      const id = botActors(scenario, s)[s.botRow];
      if (id === undefined) return s;
      const at = BOT_KINDS.indexOf(botKind(scenario, s, id));
      const kind = BOT_KINDS[(at + a.delta + BOT_KINDS.length) % BOT_KINDS.length]!;
      const own = scenario.actors[scenario.actorIndex.get(id)!]!.strategy.kind;
      const { [id]: _, ...rest } = s.strategies;
      return { ...s, strategies: kind === own ? rest : { ...rest, [id]: kind } };
    }
    case 'text': {
      const error = fieldError(a.field, a.value);
      const taken = { ...s, [a.field]: a.value.trim() };
      return error ? { ...taken, error } : move(taken, 1);
    }
    case 'next':
      return move(s, 1);
    case 'previous':
      return move(s, -1);
  }
}

export interface SetupResult {
  readonly options: RunOptions;
  readonly turnMinutes: number;
}

/** The session's options: teams play as people, changed bots with their kind's defaults. */
export function setupOptions(scenario: Scenario, s: SetupState): SetupResult {
  const strategies: Record<string, { kind: string }> = {};
  for (const id of botActors(scenario, s)) if (s.strategies[id]) strategies[id] = { kind: s.strategies[id]! };
  for (const id of s.teams) strategies[id] = { kind: 'human' };
  const rounds = Number(s.rounds);
  return {
    options: {
      seed: Number(s.seed),
      ...(rounds === scenario.protocol.maxRounds ? {} : { maxRounds: rounds }),
      ...(Object.keys(strategies).length ? { strategies } : {}),
      ...(s.anticipate ? { anticipateRatification: true } : {}),
    },
    turnMinutes: Number(s.minutes),
  };
}
