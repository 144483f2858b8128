// What the mediator remembers of its own search, read from the transcript: the texts tabled and the values it
// moved terms away from, since the last new information. New information is what the mediator's own texts did not
// bring about: an event or inject (scheduled, blame-triggered or by hand), a walk-out, or an actor answering the
// same text as in the round before in another way (it now accepts it, or now finds it worth less than no deal:
// its value of no deal or its demands moved). With this memory the mediator never tables a text again, nor undoes
// its own change, unless something has happened since.
//
// The transcript is read as a scan, entry by entry, that goes on from where the last round's scan ended: a context
// shares the (frozen) entries of the contexts before it, so a round reads only the entries that are new.
import type { MediatorMemory } from '../agents/mediator.ts';
import { optionOf } from '../domain/lookup.ts';
import type { Scenario } from '../domain/types.ts';
import { nextSheet, packageOf, type TermSheet } from './terms.ts';
import type { TranscriptEntry } from './transcript.ts';

type Verdict = Extract<TranscriptEntry, { kind: 'verdict' }>;
type Revised = Extract<TranscriptEntry, { kind: 'revised' }>;

/** How an actor answered: accepted, refused on a red line, found the text below no deal, or held out for more. */
function answerOf(v: Verdict): string {
  if (v.accepts) return 'accept';
  if (v.violations.length) return 'red-line';
  return v.utility < v.reservation ? 'below-no-deal' : 'holds-out';
}

interface Answers {
  /** the text answered, as its term sheet */
  readonly sheet: TermSheet | null;
  readonly answers: Map<string, string>;
  /** the seq of the last answer */
  last: number;
}

/** A sheet's JSON, made once per sheet (the sheets are frozen): the same text is the same JSON. */
const json = new WeakMap<TermSheet, string>();
function jsonOf(sheet: TermSheet | null): string {
  if (sheet === null) return '';
  let out = json.get(sheet);
  if (out === undefined) {
    out = JSON.stringify(sheet);
    json.set(sheet, out);
  }
  return out;
}

const sameText = (a: TermSheet | null, b: TermSheet | null) => a === b || jsonOf(a) === jsonOf(b);

/**
 * What the transcript says up to an entry: the text on the table, the last news, the answers of the last round
 * tallied and of the round being answered, every text put on the table and every revision. A scan reads entries
 * in place; `copy` makes one to read on from without changing this one (a cached scan is never read on).
 */
class Scan {
  /** the text on the table (null before the first) */
  sheet: TermSheet | null = null;
  /** the seq of the last entry that brought new information, or −1 */
  news = -1;
  previous: Answers | null = null;
  current: Answers | null = null;
  texts: { readonly seq: number; readonly sheet: TermSheet }[] = [];
  revisions: { readonly index: number; readonly entry: Revised }[] = [];

  copy(): Scan {
    const out = new Scan();
    out.sheet = this.sheet;
    out.news = this.news;
    out.previous = this.previous; // never changed once tallied
    out.current = this.current && { ...this.current, answers: new Map(this.current.answers) };
    out.texts = [...this.texts];
    out.revisions = [...this.revisions];
    return out;
  }

  read(e: TranscriptEntry, index: number): void {
    switch (e.kind) {
      case 'inject':
      case 'walk-out':
        this.news = e.seq;
        return;
      case 'tabled':
      case 'proposal':
      case 'revised':
        this.sheet = nextSheet(this.sheet, e);
        this.texts.push({ seq: e.seq, sheet: this.sheet });
        if (e.kind === 'revised') this.revisions.push({ index, entry: e });
        return;
      case 'verdict':
        this.current ??= { sheet: this.sheet, answers: new Map(), last: e.seq };
        this.current.answers.set(e.actor, answerOf(e));
        this.current.last = e.seq;
        return;
      case 'tally': {
        const { current, previous } = this;
        if (!current) return;
        // the same text answered otherwise than the round before: something moved that the text did not
        const was = previous && sameText(previous.sheet, current.sheet) ? previous.answers : null;
        for (const [actor, answer] of current.answers)
          if (was?.has(actor) && was.get(actor) !== answer) this.news = Math.max(this.news, current.last);
        this.previous = current;
        this.current = null;
        return;
      }
    }
  }
}

/**
 * The last transcript scanned in each run (keyed by its first entry) and the scan at its end. A round's transcript
 * is the last one plus the entries of the round: when it starts with every entry of the last one (the same
 * objects), the scan goes on from there. Only frozen transcripts are kept: the engine's are frozen deep (`append`).
 */
const lastScanned = new WeakMap<
  TranscriptEntry,
  { readonly transcript: readonly TranscriptEntry[]; readonly scan: Scan }
>();

function startsWith(longer: readonly TranscriptEntry[], prefix: readonly TranscriptEntry[]): boolean {
  if (longer.length < prefix.length) return false;
  for (let k = prefix.length - 1; k >= 0; k--) if (longer[k] !== prefix[k]) return false;
  return true;
}

function scanOf(transcript: readonly TranscriptEntry[]): Scan {
  const first = transcript[0];
  const last = first && lastScanned.get(first);
  const from = last && startsWith(transcript, last.transcript) ? last : null;
  const scan = from ? from.scan.copy() : new Scan();
  for (let k = from ? from.transcript.length : 0; k < transcript.length; k++) scan.read(transcript[k]!, k);
  if (first && Object.isFrozen(transcript)) lastScanned.set(first, { transcript, scan });
  return scan;
}

/** A sheet's package, per scenario (the sheets are frozen and shared by the scans). */
const packages = new WeakMap<Scenario, WeakMap<TermSheet, readonly number[]>>();

function packageOfSheet(scenario: Scenario, sheet: TermSheet): readonly number[] {
  let byScenario = packages.get(scenario);
  if (!byScenario) {
    byScenario = new WeakMap();
    packages.set(scenario, byScenario);
  }
  let pkg = byScenario.get(sheet);
  if (!pkg) {
    pkg = Object.freeze(
      packageOf(
        scenario,
        sheet,
        scenario.issues.map((x) => x.statusQuo),
      ),
    );
    byScenario.set(sheet, pkg);
  }
  return pkg;
}

export function mediatorMemory(
  scenario: Scenario,
  transcript: readonly TranscriptEntry[],
  mediator: number,
): MediatorMemory {
  const scan = scanOf(transcript);
  const since = scan.news;
  const id = scenario.actors[mediator]!.id;
  const tabled = scan.texts.filter((h) => h.seq > since).map((h) => packageOfSheet(scenario, h.sheet));
  const abandoned: [number, number][] = [];
  for (const { index, entry: e } of scan.revisions)
    if (index > since && e.actor === id && e.human !== true)
      for (const c of e.changes) {
        const issue = scenario.issueIndex.get(c.issue)!;
        abandoned.push([issue, optionOf(scenario, issue, c.from)]);
      }
  return { tabled, abandoned };
}
