// The game API against its model (tests/engine/game-model.ts): a fixed seed and a few hundred sequences here; the
// long random run is `npm run fuzz:game` (GAME_RUNS sequences, a fresh seed each time, printed on failure).
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { gameModelProperty } from './game-model.ts';

const long = process.env.GAME_RUNS !== undefined;
const numRuns = long ? Number(process.env.GAME_RUNS) : 200;

describe('the game API, model-based', () => {
  it(
    `should keep rewind, save-and-resume, red lines and the outcome right over ${numRuns} random sequences`,
    () => {
      fc.assert(gameModelProperty(), {
        numRuns,
        ...(long
          ? process.env.GAME_SEED
            ? { seed: Number(process.env.GAME_SEED) }
            : {}
          : { seed: 20_260_901 }),
        verbose: 1,
      });
    },
    long ? 24 * 3600_000 : 600_000,
  );
});
