// Lint: every position a document is judged by rests on what was on the record by the document's date. For each
// date something is judged at (the scenario's date, each document's, each recorded reaction's), every red line and
// preference in force for each actor must cite a source dated on or before it, or say in `heldEarlier` why it held
// before its sources. A warning, not an error: a user's scenario may date its sources loosely; the shipped ones
// may not (tests/scenarios/anachronism.test.ts). Whether a position is on the record of a date is decided by
// `beforeRecord` (domain/on-record.ts), which also lists, for the commands, the positions applied before it.
import { compareDates, dayOf, inSpan } from '../domain/dates.ts';
import { beforeRecord } from '../domain/on-record.ts';
import { type Finding, idOf, isRecord, type Path, type Raw, records } from './crosscheck-context.ts';

/** A position as the file writes it, where it is, and from which epoch (none: the top level). */
interface Position {
  readonly what: string;
  readonly path: Path;
  readonly item: Raw;
  /** sources it rests on: its own, or for an epoch's override that names none, the epoch's */
  readonly sources: readonly string[];
}

interface Judged {
  readonly date: string;
  /** what is judged on that date, for the message: "the document geneva-framework" */
  readonly what: string;
}

/** Every date a position is judged at, earliest first; the first thing judged on each date names it. */
function judgedDates(raw: Raw): Judged[] {
  const out = new Map<string, string>();
  const add = (date: unknown, what: string) => {
    if (typeof date !== 'string') return;
    const day = dayOf(date);
    if (day && !out.has(day)) out.set(day, what);
  };
  add(raw.date, "the scenario's date");
  for (const [d] of records(raw.documents)) add(d.date, `the document ${idOf(d) ?? ''}`);
  for (const [r] of records(raw.record)) add(r.date, `the recorded reaction ${idOf(r) ?? ''}`);
  return [...out].map(([date, what]) => ({ date, what })).sort((a, b) => compareDates(a.date, b.date));
}

const stringsOf = (x: unknown): string[] =>
  Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : [];

const spanOf = (epoch: Raw): { from?: string; until?: string } => ({
  ...(typeof epoch.from === 'string' && dayOf(epoch.from) ? { from: epoch.from } : {}),
  ...(typeof epoch.until === 'string' && dayOf(epoch.until) ? { until: epoch.until } : {}),
});

/** The actor's red lines and preferences in force on a date: the top level with its epochs applied in file order. */
function positionsOn(actor: Raw, a: number, date: string, issues: ReadonlySet<string>): Position[] {
  const aid = idOf(actor) ?? `#${a}`;
  const lines = new Map<string, Position>();
  const prefs = new Map<string, Position>();
  for (const [line, k] of records(actor.redLines))
    if (idOf(line))
      lines.set(idOf(line)!, {
        what: `${aid}'s red line "${idOf(line)}"`,
        path: ['actors', a, 'redLines', k],
        item: line,
        sources: stringsOf(line.sources),
      });
  if (isRecord(actor.preferences))
    for (const [issue, p] of Object.entries(actor.preferences))
      if (isRecord(p) && issues.has(issue))
        prefs.set(issue, {
          what: `${aid}'s preference on "${issue}"`,
          path: ['actors', a, 'preferences', issue],
          item: p,
          sources: stringsOf(p.sources),
        });
  for (const [epoch, e] of records(actor.epochs)) {
    const span = spanOf(epoch);
    if ((span.from === undefined && span.until === undefined) || !inSpan(date, span)) continue;
    const at: Path = ['actors', a, 'epochs', e];
    const eid = idOf(epoch) ?? `#${e}`;
    const epochSources = stringsOf(epoch.sources);
    // what an epoch says of why it held earlier covers what it adds that says nothing itself
    const grounded = (x: Raw): Raw =>
      x.heldEarlier === undefined && epoch.heldEarlier !== undefined
        ? { ...x, heldEarlier: epoch.heldEarlier }
        : x;
    const redLines = isRecord(epoch.redLines) ? epoch.redLines : {};
    for (const id of stringsOf(redLines.drop)) lines.delete(id);
    for (const [line, j] of records(redLines.add))
      if (idOf(line))
        lines.set(idOf(line)!, {
          what: `${aid}'s red line "${idOf(line)}" (epoch ${eid})`,
          path: [...at, 'redLines', 'add', j],
          item: grounded(line),
          sources: stringsOf(line.sources),
        });
    if (isRecord(epoch.preferences))
      for (const [issue, p] of Object.entries(epoch.preferences)) {
        if (!isRecord(p) || !issues.has(issue)) continue;
        prefs.set(issue, {
          what: `${aid}'s preference on "${issue}" (epoch ${eid})`,
          path: [...at, 'preferences', issue],
          item: grounded(p),
          // as the model reads it (positionsAsOf): sources of its own, even none, or else the epoch's
          sources: Array.isArray(p.sources) ? stringsOf(p.sources) : epochSources,
        });
      }
  }
  return [...lines.values(), ...prefs.values()];
}

/**
 * Positions in force on a date they are judged at whose every dated source is later than that date, and that do not
 * say why they held earlier (`heldEarlier`). One finding per position, at the first date it fails. Positions without
 * sources (assumptions) rest on no record and are not checked; a position whose sources all lack a date is.
 */
export function anachronisms(raw: Raw): Finding[] {
  const sourceDates = new Map<string, string>();
  for (const [s] of records(raw.sources))
    if (idOf(s) && typeof s.date === 'string' && dayOf(s.date)) sourceDates.set(idOf(s)!, s.date);
  // a preference on an issue an including file omits judges nothing: the issue is fixed at its status quo
  const issues = new Set(records(raw.issues).flatMap(([x]) => idOf(x) ?? []));
  const out: Finding[] = [];
  const reported = new Set<string>();
  for (const { date, what } of judgedDates(raw))
    for (const [actor, a] of records(raw.actors))
      for (const p of positionsOn(actor, a, date, issues)) {
        const key = JSON.stringify(p.path);
        if (reported.has(key) || typeof p.item.heldEarlier === 'string') continue;
        const at = beforeRecord(p.sources, (id) => sourceDates.get(id), date);
        if (at === null) continue;
        reported.add(key);
        const rests =
          at.earliest === undefined
            ? 'none of its sources carries a date'
            : `its earliest source, ${at.earliest.source}, is dated ${at.earliest.date}`;
        out.push({
          path: p.path,
          message: `${p.what} is in force on ${date} (${what}), but ${rests}: end it before then with an epoch, cite a source of its time, or say why it held earlier (heldEarlier)`,
        });
      }
  return out;
}
