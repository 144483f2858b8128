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
import type { Scenario } from '../domain/types.ts';
import { nextSheet, optionOf, packageOf, type TermSheet } from './terms.ts';
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
  /** the text answered, as its term sheet in JSON */
  readonly text: string;
  readonly answers: ReadonlyMap<string, string>;
  /** the seq of the last answer */
  readonly last: number;
}

/** What the transcript says up to an entry. Immutable: a later entry makes a new one. */
interface Scan {
  /** the text on the table (null before the first), and its JSON ('' before the first) */
  readonly sheet: TermSheet | null;
  readonly text: string;
  /** the seq of the last entry that brought new information, or −1 */
  readonly news: number;
  /** the answers of the last round tallied, and of the round being answered */
  readonly previous: Answers | null;
  readonly current: Answers | null;
  /** every text put on the table, in order */
  readonly texts: readonly { readonly seq: number; readonly sheet: TermSheet }[];
  /** every revision, with its place in the transcript */
  readonly revisions: readonly { readonly index: number; readonly entry: Revised }[];
}

const START: Scan = {
  sheet: null,
  text: '',
  news: -1,
  previous: null,
  current: null,
  texts: [],
  revisions: [],
};

function step(scan: Scan, e: TranscriptEntry, index: number): Scan {
  switch (e.kind) {
    case 'inject':
    case 'walk-out':
      return { ...scan, news: e.seq };
    case 'tabled':
    case 'proposal':
    case 'revised': {
      const sheet = nextSheet(scan.sheet, e);
      return {
        ...scan,
        sheet,
        text: JSON.stringify(sheet),
        texts: [...scan.texts, { seq: e.seq, sheet }],
        revisions: e.kind === 'revised' ? [...scan.revisions, { index, entry: e }] : scan.revisions,
      };
    }
    case 'verdict': {
      const { current, text } = scan;
      const answers = new Map(current?.answers).set(e.actor, answerOf(e));
      return { ...scan, current: { text: current?.text ?? text, answers, last: e.seq } };
    }
    case 'tally': {
      const { current, previous } = scan;
      if (!current) return scan;
      // the same text answered otherwise than the round before: something moved that the text did not
      let news = scan.news;
      const was = previous?.text === current.text ? previous.answers : null;
      for (const [actor, answer] of current.answers)
        if (was?.has(actor) && was.get(actor) !== answer) news = Math.max(news, current.last);
      return { ...scan, news, previous: current, current: null };
    }
    default:
      return scan;
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
  if (first === undefined) return START;
  const last = lastScanned.get(first);
  const from = last && startsWith(transcript, last.transcript) ? last : { transcript: [], scan: START };
  let scan = from.scan;
  for (let k = from.transcript.length; k < transcript.length; k++) scan = step(scan, transcript[k]!, k);
  if (Object.isFrozen(transcript)) lastScanned.set(first, { transcript, scan });
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
