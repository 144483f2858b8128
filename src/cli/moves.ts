// The moves of the actors played by people, read from a --moves file for `run` and `resume`: a JSON array
// checked at the border by the engine's own move schema (zod), every refusal one line naming the file. Apart from
// commands/run.ts so that a run given no --moves never loads zod.
import { z } from 'zod';
import { PeacesimError } from '../domain/errors.ts';
import { cleanJsonStrings, oneLine, showPath } from '../domain/text.ts';
import { checkAtBorder } from '../engine/border.ts';
import { HumanMoveSchema } from '../engine/events.ts';
import type { SuppliedMove } from '../engine/headless.ts';
import { INPUT_LIMITS, readInputFile } from '../scenario/input-file.ts';

const MovesSchema = z.array(z.strictObject({ actor: z.string().min(1), move: HumanMoveSchema }));

/** The moves file: a JSON array of {actor, move}, e.g. [{"actor": "ukraine", "move": {"type": "accept"}}]. */
export function readMoves(file: string): SuppliedMove[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readInputFile(file, INPUT_LIMITS.moves), cleanJsonStrings);
  } catch (e) {
    if (e instanceof PeacesimError) throw e;
    throw new PeacesimError(`${showPath(file)}: cannot read the moves: ${oneLine((e as Error).message)}`);
  }
  const checked = checkAtBorder(MovesSchema, raw);
  if (!checked.ok) {
    const [k, ...rest] = checked.path;
    const where =
      typeof k === 'number' ? `move ${k + 1}${rest.length ? ` (${rest.join('.')})` : ''}` : 'the file';
    throw new PeacesimError(
      oneLine(
        `${showPath(file)}: ${where}: ${checked.message}; expected a JSON array of {"actor": ID, "move": {"type": "accept" | "reject" | "propose" | "revise", …}}`,
      ),
    );
  }
  return checked.data;
}
