// A session's transcript for the play screen: the shared narration (report/narration/) in its screen voice, its
// spans styled with the theme. The public view (what the teams may see) drops every private number.
import type { Scenario } from '../domain/types.ts';
import type { EventNote, TranscriptEntry } from '../engine/transcript.ts';
import { BEFORE_RECORD_LEAD } from '../report/before-record.ts';
import { Narration } from '../report/narration/narration.ts';
import { publicShift } from '../report/narration/phrases.ts';
import type { Line as NarrationLine, Span as Styled } from '../report/narration/spans.ts';
import type { Span } from './layout.ts';
import { GLYPH, type Theme } from './theme.ts';

export { publicShift };

export interface Line {
  /** columns of indentation (wrapped lines keep it) */
  readonly indent: number;
  readonly spans: readonly Span[];
}

export interface WordsOptions {
  /** the teams' view: no actor's utility, aspiration, value of no deal, weights or costs */
  readonly public?: boolean;
}

/** A span in the theme: verdict words and labels bold, asides dim. */
function styled(t: Theme, s: Styled): Span {
  const text = s.text;
  switch (s.style) {
    case 'title':
    case 'strong':
    case 'term':
      return { text, bold: true };
    case 'heading':
      return { text, bold: true, color: t.accent };
    case 'aside':
    case 'dim':
    case 'sources':
    case 'basis':
      return { text, dim: true };
    case 'changed':
      return { text, color: t.changed };
    case 'accept':
    case 'accepts':
    case 'signed':
      return { text, color: t.accept, bold: true };
    case 'reject':
    case 'rejects':
    case 'collapsed':
      return { text, color: t.reject, bold: true };
    case 'warn':
    case 'flag':
      return { text, color: t.warn };
    case 'alert':
      return { text, color: t.warn, bold: true };
    // a red line applied before its earliest source: the explorer's mark and the reason's number, which the
    // legend under the transcript explains (the note in words is the run's and the report's)
    case 'before':
      return { text: ` ${GLYPH.before}${s.reason ?? ''}`, color: t.warn };
    default:
      return { text };
  }
}

export class TranscriptWords {
  readonly #n: Narration;
  readonly #t: Theme;
  /** `teams`: actor ids the teams play */
  constructor(scenario: Scenario, theme: Theme, teams: readonly string[] = [], options: WordsOptions = {}) {
    this.#n = new Narration(scenario, { voice: 'screen', teams, public: options.public ?? false });
    this.#t = theme;
  }

  #lines(lines: readonly NarrationLine[]): Line[] {
    return lines.map((l) => ({ indent: l.indent, spans: l.spans.map((s) => styled(this.#t, s)) }));
  }

  /** The lines of one entry. */
  entry(e: TranscriptEntry): Line[] {
    return this.#lines(this.#n.entry(e));
  }

  /** An event of the scenario as the transcript names it when it fires: the inject list shows it before. */
  event(ev: EventNote): Span[] {
    return this.#n.event(ev).map((s) => styled(this.#t, s));
  }

  /** Every entry, under a heading per round. */
  transcript(entries: readonly TranscriptEntry[]): Line[] {
    return this.#lines(this.#n.transcript(entries));
  }

  /**
   * Every entry as `transcript` gives them, and the legend of the mark (†) of a red line applied before its
   * earliest source when a line carries one (null otherwise): the play screen shows it under the transcript.
   */
  withLegend(entries: readonly TranscriptEntry[]): { lines: Line[]; legend: Span[] | null } {
    const told = this.#n.transcript(entries);
    const marked = told.some((l) => l.spans.some((x) => x.style === 'before'));
    return { lines: this.#lines(told), legend: marked ? beforeRecordLegend(this.#t) : null };
  }
}

/** The legend of the mark: the timeline's words, and where the numbered reasons are read. */
function beforeRecordLegend(t: Theme): Span[] {
  return [
    { text: `${GLYPH.before}n`, color: t.warn },
    { text: ` ${BEFORE_RECORD_LEAD}; n: its reason, in the report (w)`, dim: true },
  ];
}
