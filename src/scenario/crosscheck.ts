// Checks the schema cannot make: ids that must exist, ids that must be unique, values that must fit their issue.
// Runs on the raw merged data, defensively, so its findings come out together with the schema's in one pass.
import { didYouMean } from '../domain/errors.ts';

type Raw = Record<string, unknown>;
export type Path = (string | number)[];
export interface Finding {
  readonly path: Path;
  readonly message: string;
}

const isRecord = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);
/** [low, high] given the wrong way round; anything that is not two numbers is the schema's to report. */
const upsideDown = (x: unknown): boolean =>
  Array.isArray(x) && typeof x[0] === 'number' && typeof x[1] === 'number' && x[0] > x[1];
const records = (x: unknown): [Raw, number][] =>
  Array.isArray(x)
    ? x.map((v, i) => [v, i] as [unknown, number]).filter((p): p is [Raw, number] => isRecord(p[0]))
    : [];
const idOf = (x: Raw): string | undefined => (typeof x.id === 'string' ? x.id : undefined);

interface IssueInfo {
  readonly kind: 'discrete' | 'numeric';
  readonly options: string[];
  readonly range?: [number, number];
}

/** `what` may carry a context after a '|': unknownId('option|of issue "nato"', …) → unknown option "x" of issue "nato" */
function unknownId(what: string, id: string, valid: Iterable<string>, path: Path): Finding {
  const list = [...valid];
  const [kind, context] = what.split('|');
  const shown = list.length <= 15 ? list.join(', ') : `${list.slice(0, 15).join(', ')}, …`;
  return {
    path,
    message: `unknown ${kind} "${id}"${context ? ` ${context}` : ''}${didYouMean(id, list)}${list.length ? `; valid: ${shown}` : ''}`,
  };
}

export function crossCheck(raw: Raw, omittedIssues: readonly unknown[]): Finding[] {
  const out: Finding[] = [];
  const push = (path: Path, message: string) => out.push({ path, message });

  // unique ids in every list
  for (const list of ['sources', 'issues', 'actors', 'rules', 'documents', 'events'] as const) {
    const seen = new Map<string, number>();
    for (const [item, i] of records(raw[list])) {
      const id = idOf(item);
      if (id === undefined) continue;
      if (seen.has(id))
        push(
          [list, i, 'id'],
          `duplicate ${list.slice(0, -1)} id "${id}" (first used at ${list}[${seen.get(id)}])`,
        );
      else seen.set(id, i);
    }
  }

  const sourceIds = new Set(
    records(raw.sources)
      .map(([s]) => idOf(s))
      .filter((x): x is string => !!x),
  );
  const actorIds = new Set(
    records(raw.actors)
      .map(([a]) => idOf(a))
      .filter((x): x is string => !!x),
  );
  const documentIds = new Set(
    records(raw.documents)
      .map(([d]) => idOf(d))
      .filter((x): x is string => !!x),
  );
  const issues = new Map<string, IssueInfo>();
  const fixed = new Map<string, IssueInfo>();
  const infoOf = (item: Raw): IssueInfo => {
    if (item.kind === 'numeric') {
      const r =
        Array.isArray(item.range) &&
        item.range.length === 2 &&
        item.range.every((x) => typeof x === 'number');
      return { kind: 'numeric', options: [], ...(r ? { range: item.range as [number, number] } : {}) };
    }
    return {
      kind: 'discrete',
      options: records(item.options)
        .map(([o]) => idOf(o))
        .filter((x): x is string => !!x),
    };
  };
  for (const [item] of records(raw.issues)) {
    const id = idOf(item);
    if (id && !issues.has(id)) issues.set(id, infoOf(item));
  }
  for (const item of omittedIssues) if (isRecord(item) && idOf(item)) fixed.set(idOf(item)!, infoOf(item));
  const anyIssue = (id: string) => issues.get(id) ?? fixed.get(id);

  const checkSources = (x: unknown, path: Path) => {
    if (!Array.isArray(x)) return;
    x.forEach((s, k) => {
      if (typeof s === 'string' && !sourceIds.has(s))
        out.push(unknownId('source', s, sourceIds, [...path, k]));
    });
  };
  // every `sources:` list anywhere (but the top-level list of sources itself) names declared sources
  const walkSources = (x: unknown, path: Path) => {
    if (Array.isArray(x)) x.forEach((v, i) => walkSources(v, [...path, i]));
    else if (isRecord(x)) {
      for (const [k, v] of Object.entries(x)) {
        if (k === 'sources' && path.length > 0) checkSources(v, [...path, k]);
        else walkSources(v, [...path, k]);
      }
    }
  };
  walkSources(raw, []);

  const checkValue = (issueId: string, info: IssueInfo, v: unknown, path: Path) => {
    if (info.kind === 'discrete') {
      if (typeof v !== 'string')
        push(path, `issue "${issueId}" takes an option id, not ${JSON.stringify(v)}`);
      else if (!info.options.includes(v))
        out.push(unknownId(`option|of issue "${issueId}"`, v, info.options, path));
    } else if (typeof v !== 'number') {
      push(path, `issue "${issueId}" is numeric: give a number, not ${JSON.stringify(v)}`);
    } else if (info.range && (v < info.range[0] || v > info.range[1])) {
      push(path, `${v} is outside the range of issue "${issueId}" [${info.range[0]}, ${info.range[1]}]`);
    }
  };

  const checkCondition = (c: unknown, path: Path): void => {
    if (!isRecord(c)) return;
    if (typeof c.issue === 'string') {
      const info = anyIssue(c.issue);
      if (!info) {
        out.push(unknownId('issue', c.issue, issues.keys(), [...path, 'issue']));
        return;
      }
      if (c.is !== undefined) checkValue(c.issue, info, c.is, [...path, 'is']);
      for (const k of ['in', 'not_in'] as const) {
        const list = c[k];
        if (Array.isArray(list))
          list.forEach((v, i) => checkValue(c.issue as string, info, v, [...path, k, i]));
      }
      if (info.kind === 'discrete') {
        for (const k of ['lt', 'lte', 'gt', 'gte'] as const) {
          if (c[k] !== undefined)
            push(
              [...path, k],
              `"${k}" compares numbers, but issue "${c.issue}" has options; use is, in or not_in`,
            );
        }
      }
    }
    for (const k of ['all', 'any'] as const) {
      const list = c[k];
      if (Array.isArray(list)) list.forEach((x, i) => checkCondition(x, [...path, k, i]));
    }
    for (const k of ['not', 'if', 'then', 'else'] as const) checkCondition(c[k], [...path, k]);
  };

  // issues
  for (const [item, i] of records(raw.issues)) {
    const id = idOf(item) ?? `#${i}`;
    const info = infoOf(item);
    if (info?.kind === 'discrete') {
      const seen = new Set<string>();
      for (const [o, k] of records(item.options)) {
        const oid = idOf(o);
        if (oid && seen.has(oid))
          push(['issues', i, 'options', k, 'id'], `duplicate option id "${oid}" in issue "${id}"`);
        if (oid) seen.add(oid);
      }
      if (typeof item.statusQuo === 'string' && !info.options.includes(item.statusQuo)) {
        out.push(
          unknownId(`option|of issue "${id}"`, item.statusQuo, info.options, ['issues', i, 'statusQuo']),
        );
      }
    } else if (info?.kind === 'numeric' && info.range) {
      const [lo, hi] = info.range;
      if (lo > hi) push(['issues', i, 'range'], `range [${lo}, ${hi}] is upside down: write [min, max]`);
      if (typeof item.statusQuo === 'number')
        checkValue(id, info, item.statusQuo, ['issues', i, 'statusQuo']);
      if (Array.isArray(item.candidates)) {
        item.candidates.forEach((c, k) => {
          const v = isRecord(c) ? c.value : c;
          if (typeof v === 'number') checkValue(id, info, v, ['issues', i, 'candidates', k]);
        });
      }
    }
    if (Array.isArray(item.controlledBy)) {
      item.controlledBy.forEach((a, k) => {
        if (typeof a === 'string' && !actorIds.has(a))
          out.push(unknownId('actor', a, actorIds, ['issues', i, 'controlledBy', k]));
      });
    }
  }

  // actors
  for (const [actor, a] of records(raw.actors)) {
    const aid = idOf(actor) ?? `#${a}`;
    const prefs = actor.preferences;
    let total = 0;
    let weighed = 0;
    if (isRecord(prefs)) {
      for (const [issueId, p] of Object.entries(prefs)) {
        const path: Path = ['actors', a, 'preferences', issueId];
        const info = anyIssue(issueId);
        if (!info) {
          out.push(unknownId('issue', issueId, issues.keys(), path));
          continue;
        }
        if (!isRecord(p)) continue;
        if (typeof p.weight === 'number' && issues.has(issueId)) {
          total += p.weight;
          weighed++;
        }
        if (upsideDown(p.weightRange)) {
          push([...path, 'weightRange'], 'weightRange is upside down: write [low, high]');
        }
        if (info.kind === 'discrete') {
          if (p.curve !== undefined)
            push([...path, 'curve'], `issue "${issueId}" has options: give "values", not a curve`);
          if (p.values === undefined) push(path, `give "values" for the options of issue "${issueId}"`);
          if (isRecord(p.values)) {
            for (const o of Object.keys(p.values)) {
              if (!info.options.includes(o))
                out.push(unknownId(`option|of issue "${issueId}"`, o, info.options, [...path, 'values', o]));
            }
          }
        } else {
          if (p.values !== undefined)
            push(
              [...path, 'values'],
              `issue "${issueId}" is numeric: give a "curve" of [value, utility] points`,
            );
          if (p.curve === undefined) push(path, `give a "curve" for numeric issue "${issueId}"`);
          if (Array.isArray(p.curve)) {
            const xs = p.curve.map((pt) => (Array.isArray(pt) ? pt[0] : undefined));
            for (let k = 1; k < xs.length; k++) {
              if (
                typeof xs[k] === 'number' &&
                typeof xs[k - 1] === 'number' &&
                (xs[k] as number) < (xs[k - 1] as number)
              ) {
                push([...path, 'curve', k], 'curve points must be in ascending order of value');
              }
            }
          }
        }
      }
      if (weighed > 0 && total <= 0)
        push(
          ['actors', a, 'preferences'],
          `actor "${aid}" gives every issue weight 0: give some issue a positive weight`,
        );
      if (weighed === 0 && Object.keys(prefs).length === 0)
        push(['actors', a, 'preferences'], `actor "${aid}" states no preferences: weigh at least one issue`);
    }
    const seen = new Set<string>();
    for (const [line, k] of records(actor.redLines)) {
      const lid = idOf(line);
      if (lid && seen.has(lid))
        push(['actors', a, 'redLines', k, 'id'], `duplicate red line id "${lid}" for actor "${aid}"`);
      if (lid) seen.add(lid);
      checkCondition(line.rule, ['actors', a, 'redLines', k, 'rule']);
    }
    const res = actor.reservation;
    if (isRecord(res) && upsideDown(res.range)) {
      push(['actors', a, 'reservation', 'range'], 'range is upside down: write [low, high]');
    }
  }

  for (const [rule, r] of records(raw.rules)) checkCondition(rule.rule, ['rules', r, 'rule']);

  // documents
  for (const [doc, d] of records(raw.documents)) {
    if (typeof doc.tabledBy === 'string' && !actorIds.has(doc.tabledBy)) {
      out.push(unknownId('actor', doc.tabledBy, actorIds, ['documents', d, 'tabledBy']));
    }
    if (isRecord(doc.terms)) {
      for (const [issueId, t] of Object.entries(doc.terms)) {
        const path: Path = ['documents', d, 'terms', issueId];
        const info = anyIssue(issueId);
        if (!info) {
          out.push(unknownId('issue', issueId, issues.keys(), path));
          continue;
        }
        if (isRecord(t)) {
          if (t.value !== undefined) checkValue(issueId, info, t.value, [...path, 'value']);
          for (const [v, k] of records(t.variants))
            checkValue(issueId, info, v.value, [...path, 'variants', k, 'value']);
        } else checkValue(issueId, info, t, path);
      }
    }
    for (const [p, k] of records(doc.points)) {
      if (!Array.isArray(p.issues)) continue;
      p.issues.forEach((x, j) => {
        if (typeof x === 'string' && !anyIssue(x))
          out.push(unknownId('issue', x, issues.keys(), ['documents', d, 'points', k, 'issues', j]));
      });
    }
  }

  // events
  for (const [ev, e] of records(raw.events)) {
    const blame = isRecord(ev.trigger) && isRecord(ev.trigger.blame) ? ev.trigger.blame : undefined;
    if (blame && typeof blame.actor === 'string' && !actorIds.has(blame.actor))
      out.push(unknownId('actor', blame.actor, actorIds, ['events', e, 'trigger', 'blame', 'actor']));
    for (const [eff, k] of records(ev.effects)) {
      const path: Path = ['events', e, 'effects', k];
      if (typeof eff.actor === 'string' && !actorIds.has(eff.actor))
        out.push(unknownId('actor', eff.actor, actorIds, [...path, 'actor']));
      if (typeof eff.issue === 'string' && !issues.has(eff.issue))
        out.push(unknownId('issue', eff.issue, issues.keys(), [...path, 'issue']));
      if (typeof eff.document === 'string' && !documentIds.has(eff.document)) {
        out.push(unknownId('document', eff.document, documentIds, [...path, 'document']));
      }
      if (eff.kind === 'add-red-line' && isRecord(eff.redLine))
        checkCondition(eff.redLine.rule, [...path, 'redLine', 'rule']);
      if (eff.kind === 'drop-red-line' && typeof eff.redLine === 'string' && typeof eff.actor === 'string') {
        const actor = records(raw.actors).find(([x]) => idOf(x) === eff.actor)?.[0];
        const lines = records(actor?.redLines)
          .map(([l]) => idOf(l))
          .filter((x): x is string => !!x);
        if (actor && !lines.includes(eff.redLine))
          out.push(unknownId(`red line|of "${eff.actor}"`, eff.redLine, lines, [...path, 'redLine']));
      }
    }
  }

  // durability factors: unique ids, conditions on known issues and options
  const durability = isRecord(raw.durability) ? raw.durability : undefined;
  const factorSeen = new Map<string, number>();
  for (const [f, k] of records(durability?.factors)) {
    const fid = idOf(f);
    if (fid !== undefined && factorSeen.has(fid))
      push(
        ['durability', 'factors', k, 'id'],
        `duplicate durability factor id "${fid}" (first used at durability.factors[${factorSeen.get(fid)}])`,
      );
    else if (fid !== undefined) factorSeen.set(fid, k);
    checkCondition(f.when, ['durability', 'factors', k, 'when']);
  }

  // protocol
  const protocol = raw.protocol;
  if (isRecord(protocol)) {
    const parties = Array.isArray(protocol.parties)
      ? protocol.parties.filter((p): p is string => typeof p === 'string')
      : [];
    (Array.isArray(protocol.parties) ? protocol.parties : []).forEach((p, k) => {
      if (typeof p === 'string' && !actorIds.has(p))
        out.push(unknownId('actor', p, actorIds, ['protocol', 'parties', k]));
    });
    if (new Set(parties).size !== parties.length)
      push(['protocol', 'parties'], 'an actor is listed twice among the parties');
    if (typeof protocol.mediator === 'string') {
      if (!actorIds.has(protocol.mediator))
        out.push(unknownId('actor', protocol.mediator, actorIds, ['protocol', 'mediator']));
      if (parties.includes(protocol.mediator))
        push(['protocol', 'mediator'], `"${protocol.mediator}" cannot be both mediator and party`);
    }
    if (typeof protocol.opening === 'string' && !documentIds.has(protocol.opening)) {
      out.push(unknownId('document', protocol.opening, documentIds, ['protocol', 'opening']));
    }
    for (const [actor, a] of records(raw.actors)) {
      const id = idOf(actor);
      if (!id || typeof actor.role !== 'string') continue;
      const expected = parties.includes(id) ? 'party' : protocol.mediator === id ? 'mediator' : 'stakeholder';
      if (actor.role !== expected) {
        push(
          ['actors', a, 'role'],
          `role "${actor.role}" disagrees with the protocol, which makes "${id}" a ${expected}; fix one of them or drop "role"`,
        );
      }
    }
  }
  return out;
}
