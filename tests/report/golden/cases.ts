// The sessions whose painted words are kept as golden files (tests/fixtures/golden/): different scenarios,
// strategies, seeds, injects, people at the table and an unfinished session. Each is run once, by `record.ts`,
// on frozen copies of the scenarios; the transcript it gave is frozen too, so the goldens test the painters
// alone and do not move when the engine or the shipped scenarios change.
import type { HumanMove } from '../../../src/engine/events.ts';
import type { PlannedEvent } from '../../../src/engine/inject-text.ts';
import type { RunOptions } from '../../../src/engine/options.ts';

export interface GoldenCase {
  readonly name: string;
  /** a file in tests/fixtures/golden/scenarios/ */
  readonly scenario: string;
  readonly options: RunOptions;
  readonly injects?: readonly PlannedEvent[];
  /**
   * ad-hoc injects by a facilitator (no scenario event), sent at the start of a round, their inputs saying so;
   * the manual events of `injects` are sent without it, as a session saved before inputs recorded who fired them
   */
  readonly adHoc?: readonly { readonly round: number; readonly effect: Record<string, unknown> }[];
  readonly moves?: readonly { readonly actor: string; readonly move: HumanMove }[];
  /** keep only this many inputs of the session (an unfinished session, as `report` replays it) */
  readonly truncate?: number;
  /** the actors teams play on the play screen */
  readonly teams?: readonly string[];
}

export const GOLDEN_CASES: readonly GoldenCase[] = [
  { name: 'tutorial-default', scenario: 'tutorial-bilateral.yaml', options: { seed: 1 } },
  { name: 'tutorial-4-rounds', scenario: 'tutorial-bilateral.yaml', options: { seed: 3, maxRounds: 4 } },
  {
    name: 'tutorial-person-unfinished',
    scenario: 'tutorial-bilateral.yaml',
    options: { seed: 1, strategies: { south: { kind: 'human' } } },
    moves: [
      { actor: 'south', move: { type: 'reject', asks: ['guarantee'] } },
      { actor: 'south', move: { type: 'propose', terms: { guarantee: 'art5-like', 'army-cap': 800000 } } },
    ],
    teams: ['south'],
  },
  {
    name: 'tutorial-person-signed',
    scenario: 'tutorial-bilateral.yaml',
    options: { seed: 2, strategies: { north: { kind: 'human' }, south: { kind: 'conceder' } } },
    moves: [
      { actor: 'north', move: { type: 'reject', asks: ['line', 'army-cap'] } },
      { actor: 'north', move: { type: 'reject' } },
      { actor: 'north', move: { type: 'propose', terms: { sanctions: 'phased', 'army-cap': 600000 } } },
    ],
    teams: ['north'],
  },
  {
    name: 'tutorial-truncated',
    scenario: 'tutorial-bilateral.yaml',
    options: { seed: 1, strategies: { north: { kind: 'conceder' }, south: { kind: 'tit-for-tat' } } },
    truncate: 9,
  },
  { name: 'ukraine-default', scenario: 'ukraine-peace.yaml', options: { seed: 1 } },
  {
    name: 'ukraine-europe-linear',
    scenario: 'ukraine-peace.yaml',
    options: { seed: 4, strategies: { europe: { kind: 'linear' } } },
    teams: ['ukraine', 'europe'],
  },
  {
    name: 'ukraine-out-of-patience',
    scenario: 'ukraine-peace.yaml',
    options: { seed: 1, strategies: { us: { kind: 'linear', params: { patience: 1 } } } },
  },
  {
    name: 'ukraine-injects',
    scenario: 'ukraine-peace.yaml',
    options: { seed: 5, maxRounds: 8 },
    injects: [
      { event: 'pow-exchange-1000', round: 2 },
      { event: 'us-pressure-on-ukraine', round: 3 },
      { event: 'coalition-announced', round: 4 },
      { event: 'us-troops-on-the-table', round: 5 },
      { event: 'us-walks-away', round: 7 },
    ],
    teams: ['russia', 'ukraine'],
  },
  {
    name: 'ukraine-ad-hoc',
    scenario: 'ukraine-peace.yaml',
    options: { seed: 6, maxRounds: 6, strategies: { russia: { kind: 'zeuthen' } } },
    adHoc: [
      { round: 2, effect: { kind: 'shift-reservation', actor: 'russia', delta: -0.05 } },
      { round: 2, effect: { kind: 'set-weight', actor: 'ukraine', issue: 'crimea', weight: 1 } },
      { round: 3, effect: { kind: 'goodwill', actor: 'ukraine' } },
      { round: 3, effect: { kind: 'set-reservation', actor: 'europe', value: 0.3 } },
      { round: 4, effect: { kind: 'drop-red-line', actor: 'us', redLine: 'no-us-troops' } },
      { round: 5, effect: { kind: 'walk-out', actor: 'europe' } },
    ],
    teams: ['europe'],
  },
  {
    name: 'ukraine-mediator-person',
    scenario: 'ukraine-peace.yaml',
    options: { seed: 8, maxRounds: 5, strategies: { us: { kind: 'human' } } },
    moves: [
      { actor: 'us', move: { type: 'revise', terms: { crimea: 'unrecognised', donetsk: 'contact-line' } } },
      { actor: 'us', move: { type: 'revise', terms: {} } },
    ],
    teams: ['us'],
  },
  { name: '28-point-path', scenario: '28-point-path.yaml', options: { seed: 2 } },
  { name: 'blame-and-pressure', scenario: 'blame-and-pressure.yaml', options: { seed: 1 } },
  {
    name: 'istanbul-conceder',
    scenario: 'istanbul-2022.yaml',
    options: { seed: 5, strategies: { russia: { kind: 'conceder' } } },
  },
  {
    name: 'june-2024-hardliner',
    scenario: 'june-2024-terms.yaml',
    options: { seed: 7, strategies: { ukraine: { kind: 'hardliner' }, russia: { kind: 'tit-for-tat' } } },
  },
  { name: 'security-triangle', scenario: 'security-triangle.yaml', options: { seed: 3 } },
  {
    name: 'divide-the-surplus',
    scenario: 'divide-the-surplus.yaml',
    options: { seed: 9, strategies: { a: { kind: 'boulware', params: { e: 0.5 } } } },
  },
  { name: 'golden-effects', scenario: 'golden-effects.yaml', options: { seed: 1 }, teams: ['north'] },
];

/** The frozen scenarios whose briefing cards are kept (blame-and-pressure's are ukraine-peace's). */
export const GOLDEN_SCENARIOS = [
  '28-point-path.yaml',
  'divide-the-surplus.yaml',
  'golden-effects.yaml',
  'istanbul-2022.yaml',
  'june-2024-terms.yaml',
  'security-triangle.yaml',
  'tutorial-bilateral.yaml',
  'ukraine-peace.yaml',
];
