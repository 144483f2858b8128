// Every property in `npm test` runs on a fixed seed, so a landing never hangs on a rare draw; a property that sets
// its own seed keeps it. FC_SEED=<n> replays another seed (fast-check prints the seed of a failure), and
// FC_SEED=random draws a fresh one each run, as `npm run fuzz:game` does.
import fc from 'fast-check';

const fixedSeed = 20261205;
const requested = process.env.FC_SEED;

if (requested !== 'random') {
  const seed = requested === undefined ? fixedSeed : Number(requested);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED=${requested}: give an integer, or "random"`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}
