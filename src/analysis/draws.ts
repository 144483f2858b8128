// Where each draw's randomness comes from: a generator that is a pure function of the master seed, the draw's
// index and a stream number — never of the worker, the shard or the order in which draws are made. So a run split
// over any number of threads or machines draws exactly what one process draws.
import { type Rng, rngFromState } from '../domain/rng.ts';

/** The streams of one draw: its uncertain parameters, and the engine seed of its run (outcomes). */
const PARAMETER_STREAM = 0;
export const ENGINE_STREAM = 1;

/** murmur3's 32-bit finaliser: every input bit moves every output bit. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** The generator of draw `index` (0-based) under master seed `seed`, on `stream`. */
export function drawRng(seed: number, index: number, stream = PARAMETER_STREAM): Rng {
  const a = mix(seed ^ 0x3c6ef372);
  const b = mix(index ^ 0x5be0cd19);
  const c = mix(stream ^ 0x1f83d9ab);
  // four state words, none derived from one input alone; the state of xoroshiro128+ must not be all zero
  const state = [mix(a ^ b), mix(b + c), mix(c ^ a) | 1, mix(a + b + c)];
  const rng = rngFromState(state);
  // a few outputs discarded: nearby seeds and indices start far apart
  for (let k = 0; k < 4; k++) rng.float();
  return rng;
}
