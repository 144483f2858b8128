// One line naming an input, for refusals. Apart from the schemas (events.ts) so that the engine can name an input
// without loading zod: only reading a session file needs the schemas, playing a game does not.
import type { NegotiationEvent } from './events.ts';

/** One line naming an input, as a session file holds it: "HUMAN_MOVE by south", "INJECT us-walks-away". */
export function describeInput(e: NegotiationEvent): string {
  switch (e.type) {
    case 'HUMAN_MOVE':
      return `HUMAN_MOVE by ${e.actor} (${e.move.type})`;
    case 'INJECT':
      return 'event' in e ? `INJECT ${e.event}` : `INJECT ${e.effect.kind}`;
    default:
      return e.type;
  }
}
