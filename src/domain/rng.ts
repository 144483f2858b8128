// Seeded randomness with a serialisable state (pure-rand's xoroshiro128+): the same seed gives the same run.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

export interface Rng {
  /** uniform in [0, 1) */
  float(): number;
  /** uniform in [lo, hi) */
  between(lo: number, hi: number): number;
  /** uniform integer in [min, max] */
  int(min: number, max: number): number;
  /** the generator state, to store in a session and resume from */
  state(): readonly number[];
}

function wrap(g: JumpableRandomGenerator): Rng {
  return {
    float: () => uniformFloat64(g),
    between: (lo, hi) => lo + (hi - lo) * uniformFloat64(g),
    int: (min, max) => uniformInt(g, min, max),
    state: () => g.getState(),
  };
}

export function createRng(seed: number): Rng {
  const g = xoroshiro128plus(seed | 0);
  // small seeds give a near-1 first draw from xoroshiro128+; a few discarded outputs mix the state
  for (let k = 0; k < 8; k++) g.next();
  return wrap(g);
}

/**
 * Whether a generator seeded with `seed` has drawn anything to reach `state` (a run's generator at its end): when
 * it has not, the seed changed nothing in that run.
 */
export function drewFrom(seed: number, state: readonly number[]): boolean {
  const start = createRng(seed).state();
  return start.length !== state.length || start.some((x, k) => x !== state[k]);
}

export function rngFromState(state: readonly number[]): Rng {
  return wrap(xoroshiro128plusFromState(state));
}
