// The core's typed errors worded for the command line: the core says what was wrong with which value; here it
// gets the name of the flag the value came from, and exit 2 where the flag itself was malformed (usage).
import { ParameterError } from '../analysis/limits.ts';
import { PeacesimError } from '../domain/errors.ts';
import { PlanError } from '../engine/headless.ts';
import { injectText } from '../engine/inject-text.ts';
import { OptionError } from '../engine/options.ts';

function optionFlagError(e: OptionError): PeacesimError {
  const flag =
    e.option === 'seed' ? '--seed' : e.option === 'maxRounds' ? '--rounds' : `--strategy ${e.actor}=…`;
  return new PeacesimError(`${flag}: ${e.problem}`, 2);
}

function planFlagError(e: PlanError, moves: string | undefined): PeacesimError {
  const item = e.item;
  if (item.kind === 'inject') return new PeacesimError(`--inject ${injectText(item.inject)}: ${e.reason}`);
  return new PeacesimError(
    // round 0: refused before the run starts (a move for an actor no person plays), in no round
    `${moves === undefined ? '' : `${moves}: `}the move of ${item.actor}${e.round > 0 ? ` in round ${e.round}` : ''}: ${e.reason}`,
  );
}

/** An analysis parameter out of bounds: `--max 4: …`, `--set army-cap=… is given twice; …` (exit 2). */
function parameterFlagError(e: ParameterError): PeacesimError {
  return new PeacesimError(`--${e.parameter} ${e.value}${e.parameter === 'set' ? ' ' : ': '}${e.problem}`, 2);
}

/** Runs `go`, wording the core's option, plan and parameter errors with their flags (`moves`: the moves file). */
export function withFlags<T>(moves: string | undefined, go: () => T): T {
  try {
    return go();
  } catch (e) {
    if (e instanceof OptionError) throw optionFlagError(e);
    if (e instanceof PlanError) throw planFlagError(e, moves);
    if (e instanceof ParameterError) throw parameterFlagError(e);
    throw e;
  }
}
