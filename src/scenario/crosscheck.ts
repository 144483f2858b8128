// Checks the schema cannot make: ids that must exist, ids that must be unique, values that must fit their issue.
// Runs on the raw merged data, defensively, so its findings come out together with the schema's in one pass.
import { checkBasis, checkPairing } from './crosscheck-basis.ts';
import {
  CheckContext,
  type Finding,
  idOf,
  idsOf,
  isRecord,
  issueInfo,
  type Path,
  type Raw,
  records,
  upsideDown,
} from './crosscheck-context.ts';
import { checkDates, checkEpochs, checkHurdleDates, checkRecord } from './crosscheck-dated.ts';
import { ID_LISTS, itemOf } from './include.ts';

export type { Finding } from './crosscheck-context.ts';

export function crossCheck(raw: Raw, omittedIssues: readonly unknown[]): Finding[] {
  const ctx = new CheckContext(raw, omittedIssues);
  const push = (path: Path, message: string) => ctx.push(path, message);

  // unique ids in every list
  for (const list of ID_LISTS) {
    const seen = new Map<string, number>();
    const what = itemOf(list);
    for (const [item, i] of records(raw[list])) {
      const id = idOf(item);
      if (id === undefined) continue;
      if (seen.has(id))
        push([list, i, 'id'], `duplicate ${what} id "${id}" (first used at ${list}[${seen.get(id)}])`);
      else seen.set(id, i);
    }
  }

  // every `sources:` list anywhere (but the top-level list of sources itself) names declared sources
  const walkSources = (x: unknown, path: Path) => {
    if (Array.isArray(x)) x.forEach((v, i) => walkSources(v, [...path, i]));
    else if (isRecord(x)) {
      for (const [k, v] of Object.entries(x)) {
        if (k === 'sources' && path.length > 0 && Array.isArray(v)) {
          v.forEach((s, j) => {
            if (typeof s === 'string' && !ctx.sourceIds.has(s))
              ctx.unknown('source', s, ctx.sourceIds, [...path, k, j]);
          });
        } else walkSources(v, [...path, k]);
      }
    }
  };
  walkSources(raw, []);

  checkIssues(ctx);
  checkActors(ctx);
  for (const [rule, r] of records(raw.rules)) ctx.condition(rule.rule, ['rules', r, 'rule']);
  checkDocuments(ctx);
  checkEvents(ctx);
  checkDurability(ctx);
  checkRatification(ctx);
  checkProtocol(ctx);
  checkEpochs(ctx);
  checkRecord(ctx);
  checkHurdleDates(ctx);
  checkDates(ctx);
  checkBasis(ctx);
  checkPairing(ctx);
  return ctx.out;
}

function checkIssues(ctx: CheckContext): void {
  for (const [item, i] of records(ctx.raw.issues)) {
    const id = idOf(item) ?? `#${i}`;
    const info = issueInfo(item);
    if (item.kind !== 'numeric') {
      const seen = new Set<string>();
      for (const [o, k] of records(item.options)) {
        const oid = idOf(o);
        if (oid && seen.has(oid))
          ctx.push(['issues', i, 'options', k, 'id'], `duplicate option id "${oid}" in issue "${id}"`);
        if (oid) seen.add(oid);
      }
      const options = [...seen];
      if (typeof item.statusQuo === 'string' && !options.includes(item.statusQuo))
        ctx.unknown(`option|of issue "${id}"`, item.statusQuo, options, ['issues', i, 'statusQuo']);
    } else if (info.kind === 'numeric' && info.range) {
      const [lo, hi] = info.range;
      if (lo > hi) ctx.push(['issues', i, 'range'], `range [${lo}, ${hi}] is upside down: write [min, max]`);
      if (typeof item.statusQuo === 'number') ctx.value(id, info, item.statusQuo, ['issues', i, 'statusQuo']);
      if (Array.isArray(item.candidates)) {
        item.candidates.forEach((c, k) => {
          const v = isRecord(c) ? c.value : c;
          if (typeof v === 'number') ctx.value(id, info, v, ['issues', i, 'candidates', k]);
        });
      }
    }
    if (Array.isArray(item.controlledBy))
      item.controlledBy.forEach((a, k) => ctx.actor(a, ['issues', i, 'controlledBy', k]));
  }
}

function checkActors(ctx: CheckContext): void {
  for (const [actor, a] of records(ctx.raw.actors)) {
    const aid = idOf(actor) ?? `#${a}`;
    const prefs = actor.preferences;
    let total = 0;
    let weighed = 0;
    if (isRecord(prefs)) {
      for (const [issueId, p] of Object.entries(prefs)) {
        const path: Path = ['actors', a, 'preferences', issueId];
        const info = ctx.anyIssue(issueId);
        if (!info) {
          ctx.unknown('issue', issueId, ctx.issues.keys(), path);
          continue;
        }
        if (!isRecord(p)) continue;
        if (typeof p.weight === 'number' && ctx.issues.has(issueId)) {
          total += p.weight;
          weighed++;
        }
        ctx.preference(issueId, info, p, path);
      }
      if (weighed > 0 && total <= 0)
        ctx.push(
          ['actors', a, 'preferences'],
          `actor "${aid}" gives every issue weight 0: give some issue a positive weight`,
        );
      if (weighed === 0 && Object.keys(prefs).length === 0)
        ctx.push(
          ['actors', a, 'preferences'],
          `actor "${aid}" states no preferences: weigh at least one issue`,
        );
    }
    const seen = new Set<string>();
    for (const [line, k] of records(actor.redLines)) {
      const lid = idOf(line);
      if (lid && seen.has(lid))
        ctx.push(['actors', a, 'redLines', k, 'id'], `duplicate red line id "${lid}" for actor "${aid}"`);
      if (lid) seen.add(lid);
      ctx.condition(line.rule, ['actors', a, 'redLines', k, 'rule']);
    }
    for (const [line, k] of records(actor.withheldRedLines)) {
      const lid = idOf(line);
      if (lid && seen.has(lid))
        ctx.push(
          ['actors', a, 'withheldRedLines', k, 'id'],
          `red line "${lid}" of actor "${aid}" is both held and withheld: keep one`,
        );
      if (lid) seen.add(lid);
      ctx.condition(line.rule, ['actors', a, 'withheldRedLines', k, 'rule']);
    }
    const res = actor.reservation;
    if (isRecord(res) && upsideDown(res.range))
      ctx.push(['actors', a, 'reservation', 'range'], 'range is upside down: write [low, high]');
  }
}

function checkDocuments(ctx: CheckContext): void {
  for (const [doc, d] of records(ctx.raw.documents)) {
    ctx.actor(doc.tabledBy, ['documents', d, 'tabledBy']);
    if (isRecord(doc.terms)) {
      for (const [issueId, t] of Object.entries(doc.terms)) {
        const path: Path = ['documents', d, 'terms', issueId];
        const info = ctx.anyIssue(issueId);
        if (!info) {
          ctx.unknown('issue', issueId, ctx.issues.keys(), path);
          continue;
        }
        if (isRecord(t)) {
          if (t.value !== undefined) ctx.value(issueId, info, t.value, [...path, 'value']);
          for (const [v, k] of records(t.variants))
            ctx.value(issueId, info, v.value, [...path, 'variants', k, 'value']);
        } else ctx.value(issueId, info, t, path);
      }
    }
    for (const [p, k] of records(doc.points)) {
      if (!Array.isArray(p.issues)) continue;
      p.issues.forEach((x, j) => {
        if (typeof x === 'string' && !ctx.anyIssue(x))
          ctx.unknown('issue', x, ctx.issues.keys(), ['documents', d, 'points', k, 'issues', j]);
      });
    }
  }
}

function checkEvents(ctx: CheckContext): void {
  for (const [ev, e] of records(ctx.raw.events)) {
    const blame = isRecord(ev.trigger) && isRecord(ev.trigger.blame) ? ev.trigger.blame : undefined;
    if (blame) ctx.actor(blame.actor, ['events', e, 'trigger', 'blame', 'actor']);
    for (const [eff, k] of records(ev.effects)) {
      const path: Path = ['events', e, 'effects', k];
      ctx.actor(eff.actor, [...path, 'actor']);
      if (typeof eff.issue === 'string' && !ctx.issues.has(eff.issue))
        ctx.unknown('issue', eff.issue, ctx.issues.keys(), [...path, 'issue']);
      if (typeof eff.document === 'string' && !ctx.documentIds.has(eff.document))
        ctx.unknown('document', eff.document, ctx.documentIds, [...path, 'document']);
      if (eff.kind === 'add-red-line' && isRecord(eff.redLine))
        ctx.condition(eff.redLine.rule, [...path, 'redLine', 'rule']);
      if (eff.kind === 'drop-red-line' && typeof eff.redLine === 'string' && typeof eff.actor === 'string') {
        const actor = records(ctx.raw.actors).find(([x]) => idOf(x) === eff.actor)?.[0];
        const lines = [...idsOf(actor?.redLines)];
        if (actor && !lines.includes(eff.redLine))
          ctx.unknown(`red line|of "${eff.actor}"`, eff.redLine, lines, [...path, 'redLine']);
      }
    }
  }
}

/** durability factors: unique ids, conditions on known issues and options */
function checkDurability(ctx: CheckContext): void {
  const durability = isRecord(ctx.raw.durability) ? ctx.raw.durability : undefined;
  const seen = new Map<string, number>();
  for (const [f, k] of records(durability?.factors)) {
    const fid = idOf(f);
    if (fid !== undefined && seen.has(fid))
      ctx.push(
        ['durability', 'factors', k, 'id'],
        `duplicate durability factor id "${fid}" (first used at durability.factors[${seen.get(fid)}])`,
      );
    else if (fid !== undefined) seen.set(fid, k);
    ctx.condition(f.when, ['durability', 'factors', k, 'when']);
  }
}

/** ratification hurdles: an existing actor, a condition on known issues and options, a threshold inside its range */
function checkRatification(ctx: CheckContext): void {
  for (const [r, k] of records(ctx.raw.ratification)) {
    const path: Path = ['ratification', k];
    ctx.actor(r.actor, [...path, 'actor']);
    ctx.condition(r.when, [...path, 'when']);
    const t = isRecord(r.threshold) ? r.threshold : undefined;
    if (!t) continue;
    if (upsideDown(t.range))
      ctx.push([...path, 'threshold', 'range'], 'range is upside down: write [low, high]');
    else if (
      Array.isArray(t.range) &&
      typeof t.value === 'number' &&
      typeof t.range[0] === 'number' &&
      typeof t.range[1] === 'number' &&
      (t.value < t.range[0] || t.value > t.range[1])
    )
      ctx.push(
        [...path, 'threshold', 'value'],
        `the threshold ${t.value} lies outside its own range [${t.range[0]}, ${t.range[1]}]`,
      );
  }
}

function checkProtocol(ctx: CheckContext): void {
  const protocol = ctx.raw.protocol;
  if (!isRecord(protocol)) return;
  const given = Array.isArray(protocol.parties) ? protocol.parties : [];
  const parties = given.filter((p): p is string => typeof p === 'string');
  given.forEach((p, k) => ctx.actor(p, ['protocol', 'parties', k]));
  if (new Set(parties).size !== parties.length)
    ctx.push(['protocol', 'parties'], 'an actor is listed twice among the parties');
  if (typeof protocol.mediator === 'string') {
    ctx.actor(protocol.mediator, ['protocol', 'mediator']);
    if (parties.includes(protocol.mediator))
      ctx.push(['protocol', 'mediator'], `"${protocol.mediator}" cannot be both mediator and party`);
  }
  if (typeof protocol.opening === 'string' && !ctx.documentIds.has(protocol.opening))
    ctx.unknown('document', protocol.opening, ctx.documentIds, ['protocol', 'opening']);
  for (const [actor, a] of records(ctx.raw.actors)) {
    const id = idOf(actor);
    if (!id || typeof actor.role !== 'string') continue;
    const expected = parties.includes(id) ? 'party' : protocol.mediator === id ? 'mediator' : 'stakeholder';
    if (actor.role !== expected)
      ctx.push(
        ['actors', a, 'role'],
        `role "${actor.role}" disagrees with the protocol, which makes "${id}" a ${expected}; fix one of them or drop "role"`,
      );
  }
}
