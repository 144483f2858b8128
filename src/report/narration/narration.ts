// A negotiation's transcript told in words, once, as lines of styled spans (spans.ts): what was tabled, the terms
// that moved and why (with red-line text and sources), each verdict and its reasons, injects, drift, the outcome.
// Three voices (voice.ts): 'run', the full sentences of `peacesim run`; 'screen', the play screen's shorter lines
// with ✓/✗ and team marks; 'report', the after-action report's. The public view (what the teams may see) keeps
// every public fact — verdicts, red lines with their sources, asks, events — and drops every private number:
// utilities, aspirations, values of no deal, costs, drift.
import type { ResolvedOptions } from '../../engine/options.ts';
import type { EffectNote, EventNote, TranscriptEntry } from '../../engine/transcript.ts';
import type { Outcome, RunState } from '../after-action-model.ts';
import { type ReasonEntry, reasonEntries } from '../before-record.ts';
import { ratification, tally, verdict, walkOut } from './answers.ts';
import { drift, effectWords, eventNamed, inject } from './events.ts';
import { collapse, header, reportOutcome, runOutcome } from './outcome.ts';
import { lastRound } from './phrases.ts';
import { head, type Line, line, type Span, say } from './spans.ts';
import { proposal, revised, tabled } from './texts.ts';
import { type NarrationOptions, Voice } from './voice.ts';

export class Narration {
  readonly #v: Voice;

  constructor(scenario: ConstructorParameters<typeof Voice>[0], options: NarrationOptions = {}) {
    this.#v = new Voice(scenario, options);
  }

  /**
   * The lines of one entry; the first carries the entry's kind. `before`: the transcript up to it, which some
   * sentences rest on (whose demand a redraft meets).
   */
  entry(e: TranscriptEntry, before: readonly TranscriptEntry[] = []): Line[] {
    return head(e.kind, this.#lines(e, before));
  }

  /** An event as the transcript names it when it fires (its title, description and grounds), before it fires. */
  event(ev: EventNote): Span[] {
    return eventNamed(this.#v.scenario, ev);
  }

  #lines(e: TranscriptEntry, before: readonly TranscriptEntry[]): Line[] {
    const v = this.#v;
    switch (e.kind) {
      case 'tabled':
        return tabled(v, e);
      case 'proposal':
        return proposal(v, e);
      case 'revised':
        return revised(v, e, before);
      case 'verdict':
        return verdict(v, e, before);
      case 'walk-out':
        return walkOut(v, e);
      case 'inject':
        return inject(v, e);
      case 'drift':
        return drift(v, e);
      case 'tally':
        return tally(v, e);
      case 'ratification':
        return ratification(v, e);
      // the run tells the end once, with the final terms (outcome); the report in its header
      case 'signed':
        return v.kind === 'screen' ? [say(`Signed in round ${e.round}.`, 'accept', 0)] : [];
      case 'stalemate':
        return v.kind === 'screen' ? [say(`Stalemate: ${lastRound(e.round)}`, 'strong', 0)] : [];
      case 'collapsed':
        return v.kind === 'screen' ? [say(`The ${collapse(v, e.round, e.actors)}`, 'reject', 0)] : [];
      case 'agreement':
        return [];
    }
  }

  /** Every entry, under a heading per round (the run leaves a blank line before each). */
  transcript(entries: readonly TranscriptEntry[]): Line[] {
    const out: Line[] = [];
    let round = -1;
    entries.forEach((e, k) => {
      if (e.round !== round && e.round > 0) {
        round = e.round;
        if (this.#v.run) out.push(line([], 0));
        out.push(say(`Round ${round}`, 'heading', 0));
      }
      out.push(...this.entry(e, entries.slice(0, k)));
    });
    return out;
  }

  /**
   * The entries of one round of `transcript`, without a heading, as the report lists them; a line saying so when
   * there are none.
   */
  round(transcript: readonly TranscriptEntry[], round: number): Line[] {
    const lines = transcript.flatMap((e, k) =>
      e.round === round ? this.entry(e, transcript.slice(0, k)) : [],
    );
    return lines.length ? lines : [say('Nothing happened in this round before the session stopped.')];
  }

  /** The run's opening lines: the title, the protocol, the parties, the rounds and seed, the strategies. */
  header(options: ResolvedOptions, seedUsed?: boolean): Line[] {
    return header(this.#v, options, seedUsed);
  }

  /** The run's last lines: how it ended, with the final terms, or whom it waits for. */
  outcome(entries: readonly TranscriptEntry[], waitingFor: string | null): Line[] {
    return runOutcome(this.#v, entries, waitingFor);
  }

  /** The report's outcome in one sentence. */
  reportOutcome(run: RunState): Outcome {
    return reportOutcome(this.#v, run);
  }

  /**
   * The scenario's reasons for the positions a run is judged by before their earliest source, numbered as the
   * red lines of the transcript cite them ("reason 1"); empty when every position is on the record of its date.
   */
  reasons(): ReasonEntry[] {
    return reasonEntries(this.#v.scenario, this.#v.beforeRecord.numbered);
  }

  /** What an effect did, in the report's words. */
  effect(x: EffectNote, phase?: TranscriptEntry['phase']): string {
    return effectWords(this.#v, x, phase);
  }
}
