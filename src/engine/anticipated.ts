// The transcript's record of the modeller's hypothesis that negotiators anticipate ratification (agents/anticipate.ts).
import type { HurdleCheck } from '../domain/ratification.ts';
import type { WouldFail } from './transcript.ts';

/** The hurdles an answer says the text would fail, as the transcript keeps them. */
export function wouldFailEntries(hurdles: readonly HurdleCheck[]): WouldFail[] {
  return hurdles.map((h) => ({
    kind: 'ratification',
    hurdle: h.id,
    label: h.label,
    utility: h.utility,
    threshold: h.threshold,
  }));
}
