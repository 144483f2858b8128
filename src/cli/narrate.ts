// A run told in words for the terminal: the shared narration (report/narration/), its spans painted in ANSI
// through the palette and its lines joined as text.
import type { Scenario } from '../domain/types.ts';
import type { ResolvedOptions } from '../engine/options.ts';
import type { TranscriptEntry } from '../engine/transcript.ts';
import type { ReasonEntry } from '../report/before-record.ts';
import { Narration } from '../report/narration/narration.ts';
import type { Line, Span } from '../report/narration/spans.ts';
import type { Palette } from './io.ts';

/** A span in the run's colours: verdict words coloured, not bold; terms and asides plain. */
function paint(p: Palette, s: Span): string {
  switch (s.style) {
    case 'title':
    case 'heading':
    case 'strong':
      return p.bold(s.text);
    case 'dim':
    case 'before':
      return p.dim(s.text);
    case 'changed':
      return p.cyan(s.text);
    case 'accept':
    case 'accepts':
      return p.green(s.text);
    case 'reject':
    case 'rejects':
      return p.red(s.text);
    case 'warn':
    case 'flag':
    case 'alert':
      return p.yellow(s.text);
    case 'signed':
      return p.green(p.bold(s.text));
    case 'collapsed':
      return p.red(p.bold(s.text));
    default:
      return s.text;
  }
}

export class Narrator {
  readonly #n: Narration;
  readonly #p: Palette;
  constructor(scenario: Scenario, palette: Palette) {
    this.#n = new Narration(scenario);
    this.#p = palette;
  }

  #text(lines: readonly Line[]): string[] {
    return lines.map((l) => ' '.repeat(l.indent) + l.spans.map((s) => paint(this.#p, s)).join(''));
  }

  header(options: ResolvedOptions, seedUsed?: boolean): string[] {
    return this.#text(this.#n.header(options, seedUsed));
  }

  /** The lines of one entry (indented under its round). */
  entry(e: TranscriptEntry): string[] {
    return this.#text(this.#n.entry(e));
  }

  /** The whole transcript, round by round. */
  transcript(entries: readonly TranscriptEntry[]): string[] {
    return this.#text(this.#n.transcript(entries));
  }

  /** The scenario's reasons for the positions applied before their earliest source, as the transcript numbers them. */
  reasons(): ReasonEntry[] {
    return this.#n.reasons();
  }

  /** How the run ended, with the final terms, or whom it waits for. */
  outcome(entries: readonly TranscriptEntry[], waitingFor: string | null): string[] {
    return this.#text(this.#n.outcome(entries, waitingFor));
  }
}
