// Cross-checks of what carries a date: actors' epochs (dated positions), the record of reactions, ratification
// hurdles, and every date being a calendar date. An epoch may not cover the scenario's own date: the top level holds
// then; a hurdle may not start after it: the scenario at its date has every hurdle of the file.
import { compareDates, dayOf, inSpan } from '../domain/dates.ts';
import { type CheckContext, idOf, idsOf, isRecord, type Path, records } from './crosscheck-context.ts';

export function checkEpochs(ctx: CheckContext): void {
  const date = typeof ctx.raw.date === 'string' && dayOf(ctx.raw.date) ? ctx.raw.date : undefined;
  const seen = new Map<string, string>();
  for (const [actor, a] of records(ctx.raw.actors)) {
    const aid = idOf(actor) ?? `#${a}`;
    const topPrefs = isRecord(actor.preferences) ? actor.preferences : {};
    // red lines an epoch may drop: the top level's and any an epoch of this actor adds
    const lines = idsOf(actor.redLines);
    for (const [e] of records(actor.epochs))
      if (isRecord(e.redLines)) for (const id of idsOf(e.redLines.add)) lines.add(id);
    for (const [epoch, k] of records(actor.epochs)) {
      const path: Path = ['actors', a, 'epochs', k];
      const id = idOf(epoch);
      if (id !== undefined) {
        if (seen.has(id))
          ctx.push([...path, 'id'], `duplicate epoch id "${id}" (first used by actor "${seen.get(id)}")`);
        else seen.set(id, aid);
      }
      checkSpan(ctx, epoch, path, date);
      if (isRecord(epoch.preferences)) {
        for (const [issueId, p] of Object.entries(epoch.preferences)) {
          const at: Path = [...path, 'preferences', issueId];
          const info = ctx.anyIssue(issueId);
          if (!info) {
            ctx.unknown('issue', issueId, ctx.issues.keys(), at);
            continue;
          }
          if (!isRecord(p)) continue;
          ctx.preference(issueId, info, p, at, true);
          if (!(issueId in topPrefs) && p.weight === undefined)
            ctx.push(
              at,
              `actor "${aid}" has no preference on "${issueId}" at the top level: give its "weight" here`,
            );
        }
      }
      const redLines = isRecord(epoch.redLines) ? epoch.redLines : undefined;
      if (Array.isArray(redLines?.drop))
        redLines.drop.forEach((x, j) => {
          if (typeof x === 'string' && !lines.has(x))
            ctx.unknown(`red line|of "${aid}"`, x, lines, [...path, 'redLines', 'drop', j]);
        });
      const added = new Set<string>();
      for (const [line, j] of records(redLines?.add)) {
        const lid = idOf(line);
        if (lid && added.has(lid))
          ctx.push([...path, 'redLines', 'add', j, 'id'], `duplicate red line id "${lid}" in this epoch`);
        if (lid) added.add(lid);
        ctx.condition(line.rule, [...path, 'redLines', 'add', j, 'rule']);
      }
    }
  }
}

function checkSpan(
  ctx: CheckContext,
  epoch: Record<string, unknown>,
  path: Path,
  date: string | undefined,
): void {
  const from = typeof epoch.from === 'string' && dayOf(epoch.from) ? epoch.from : undefined;
  const until = typeof epoch.until === 'string' && dayOf(epoch.until) ? epoch.until : undefined;
  if (epoch.from === undefined && epoch.until === undefined) {
    ctx.push(path, 'an epoch needs "from", "until" or both (it holds over [from, until))');
    return;
  }
  if (from && until && compareDates(from, until) >= 0)
    ctx.push([...path, 'until'], `"until" (${until}) must come after "from" (${from})`);
  if (
    date &&
    (from !== undefined || until !== undefined) &&
    inSpan(date, { ...(from ? { from } : {}), ...(until ? { until } : {}) })
  )
    ctx.push(
      path,
      `the epoch covers the scenario's date ${date}, where the top-level positions hold: end it before that date, or leave it out (omit: { epochs: ["actor:epoch"] })`,
    );
}

export function checkRecord(ctx: CheckContext): void {
  const documentDates = new Map<string, string>();
  for (const [doc] of records(ctx.raw.documents))
    if (idOf(doc) && typeof doc.date === 'string') documentDates.set(idOf(doc)!, doc.date);
  for (const [entry, k] of records(ctx.raw.record)) {
    const path: Path = ['record', k];
    ctx.actor(entry.actor, [...path, 'actor']);
    if (typeof entry.document === 'string') {
      const tabled = documentDates.get(entry.document);
      if (!ctx.documentIds.has(entry.document))
        ctx.unknown('document', entry.document, ctx.documentIds, [...path, 'document']);
      else if (
        tabled &&
        typeof entry.date === 'string' &&
        dayOf(entry.date) &&
        dayOf(tabled) &&
        compareDates(entry.date, tabled) < 0
      )
        ctx.push(
          [...path, 'date'],
          `the reaction (${entry.date}) comes before the document it reacts to (${tabled})`,
        );
    }
    if (entry.basis === 'reading' && entry.rationale === undefined)
      ctx.push(path, 'a reading gives its "rationale": the inference from the sources');
  }
}

/** A hurdle's `from` is no later than the scenario's date, where every hurdle of the file holds. */
export function checkHurdleDates(ctx: CheckContext): void {
  const date = typeof ctx.raw.date === 'string' && dayOf(ctx.raw.date) ? ctx.raw.date : undefined;
  if (!date) return;
  for (const [r, k] of records(ctx.raw.ratification))
    if (typeof r.from === 'string' && dayOf(r.from) && compareDates(r.from, date) > 0)
      ctx.push(
        ['ratification', k, 'from'],
        `the hurdle holds from ${r.from}, after the scenario's date ${date}, on which every hurdle of the file holds: give a "from" no later than ${date}, or leave the hurdle out (omit: { ratification: ["${idOf(r) ?? k}"] })`,
      );
}

/** Dates the schema only shapes (YYYY, YYYY-MM, YYYY-MM-DD) must also be calendar dates. */
export function checkDates(ctx: CheckContext): void {
  const check = (x: unknown, path: Path) => {
    if (typeof x === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(x) && !dayOf(x))
      ctx.push(path, `"${x}" is not a calendar date`);
  };
  check(ctx.raw.date, ['date']);
  check(ctx.raw.recordEnds, ['recordEnds']);
  for (const [doc, d] of records(ctx.raw.documents)) check(doc.date, ['documents', d, 'date']);
  for (const [entry, k] of records(ctx.raw.record)) check(entry.date, ['record', k, 'date']);
  for (const [r, k] of records(ctx.raw.ratification)) check(r.from, ['ratification', k, 'from']);
  for (const [actor, a] of records(ctx.raw.actors))
    for (const [epoch, k] of records(actor.epochs)) {
      check(epoch.from, ['actors', a, 'epochs', k, 'from']);
      check(epoch.until, ['actors', a, 'epochs', k, 'until']);
    }
}
