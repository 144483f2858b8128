// The sources report: every source of a scenario and everything that rests on it — issues, documents, their terms
// and points, red lines, rules, preference and reservation assumptions, events — with unconfirmed and recall items
// marked. Pure: compiled scenario → structure → markdown, or the plain text of the sources asked for by key.
import { basisMark } from '../domain/basis.ts';
import { compareDates } from '../domain/dates.ts';
import { UnknownIdError } from '../domain/errors.ts';
import { type AppliedBeforeRecord, appliedBeforeRecord } from '../domain/on-record.ts';
import type { BasisKind, Grounded, Provenance, Scenario, SourceRef } from '../domain/types.ts';
import { md, mdUrl } from './markup.ts';
import { hurdleSince } from './ratification.ts';
import { recordedReactionWords } from './record-words.ts';

type UseKind =
  | 'issue'
  | 'document'
  | 'term'
  | 'variant'
  | 'point'
  | 'red-line'
  | 'rule'
  | 'preference'
  | 'reservation'
  | 'event'
  | 'durability'
  | 'drift'
  | 'strategy'
  | 'epoch'
  | 'withheld'
  | 'ratification'
  | 'record';

/** One item of the scenario that cites sources. */
export interface SourcedItem {
  readonly kind: UseKind;
  /** a stable reference, e.g. "us-28-point-plan/army-cap" for a term, "russia/no-nato" for a red line */
  readonly ref: string;
  /** what the item says, in a line */
  readonly text: string;
  readonly sources: readonly string[];
  readonly confirmed: boolean;
  readonly recall: boolean;
  readonly note?: string;
  /** modelling choices: what the item rests on (stated, reading, assumption) */
  readonly basis?: BasisKind;
}

/** A position this source is the earliest of, applied to documents dated before the source (on-record.ts). */
interface AppliedEarlier {
  /** as in `uses`: "russia/no-nato" (a red line), "russia/crimea" (a preference) */
  readonly ref: string;
  readonly kind: AppliedBeforeRecord['kind'];
  /** the epoch that sets it, when one does */
  readonly epoch?: string;
  /** the documents it judges that are dated before the source, in date order */
  readonly documents: readonly string[];
  /** the scenario's reason it held earlier; absent when it gives none */
  readonly heldEarlier?: string;
}

interface SourceEntry extends SourceRef {
  /** the items that cite this source, in scenario order */
  readonly uses: readonly SourcedItem[];
  /** the positions it is the earliest source of that judge documents dated before it */
  readonly appliedEarlier: readonly AppliedEarlier[];
}

export interface SourcesReport {
  readonly scenario: { readonly id: string; readonly title: string; readonly file?: string };
  /** every declared source, in the scenario's order */
  readonly sources: readonly SourceEntry[];
  /** ids of declared sources that nothing cites */
  readonly unused: readonly string[];
  /** every item the record does not settle (unconfirmed) or that is only commonly reported (recall) */
  readonly flagged: readonly SourcedItem[];
}

/** The kinds in the order the report lists them, with their headings. */
const KIND_HEADINGS: readonly (readonly [UseKind, string])[] = [
  ['issue', 'Issues'],
  ['document', 'Documents'],
  ['term', 'Terms'],
  ['variant', 'Other versions of terms'],
  ['point', 'Document points'],
  ['red-line', 'Red lines'],
  ['rule', 'Rules'],
  ['preference', 'Preference assumptions'],
  ['reservation', 'Reservation assumptions'],
  ['event', 'Events'],
  ['durability', 'Durability assumptions'],
  ['drift', 'Drifts'],
  ['strategy', 'Strategies'],
  ['epoch', 'Dated positions (epochs)'],
  ['withheld', 'Red lines withheld on a reading'],
  ['ratification', 'Ratification hurdles'],
  ['record', 'The record'],
];

const ASSUMED: Provenance = { sources: [], confirmed: true, recall: false };

function item(kind: UseKind, ref: string, text: string, p: Provenance & Partial<Grounded>): SourcedItem {
  return {
    kind,
    ref,
    text,
    sources: p.sources,
    confirmed: p.confirmed,
    recall: p.recall,
    ...(p.note === undefined ? {} : { note: p.note }),
    ...(p.basis === undefined ? {} : { basis: p.basis }),
  };
}

function optionText(s: Scenario, issue: number, option: number): string {
  const x = s.issues[issue]!;
  const o = x.options[option]!;
  return x.kind === 'numeric' ? o.label : o.id;
}

/** Every sourced item of the scenario, in scenario order. Preferences and reservations are assumptions. */
export function sourcedItems(s: Scenario): SourcedItem[] {
  const out: SourcedItem[] = [];
  for (const issue of s.issues) out.push(item('issue', issue.id, issue.label, issue));
  for (const d of s.documents) {
    out.push(item('document', d.id, `${d.title} (${d.date})`, d));
    for (const t of d.terms) {
      const issue = s.issues[t.issue]!;
      out.push(item('term', `${d.id}/${issue.id}`, `${issue.id} = ${optionText(s, t.issue, t.option)}`, t));
      for (const v of t.variants) {
        const text = `${issue.id} = ${optionText(s, t.issue, v.option)} (another version)`;
        out.push(item('variant', `${d.id}/${issue.id}/${s.issues[t.issue]!.options[v.option]!.id}`, text, v));
      }
    }
    for (const p of d.points) out.push(item('point', `${d.id}/${p.n}`, p.text, p));
  }
  for (const a of s.actors) {
    for (const r of a.redLines) out.push(item('red-line', `${a.id}/${r.id}`, r.text, r));
    a.preferences.forEach((p, i) => {
      if (!p) return;
      out.push(
        item('preference', `${a.id}/${s.issues[i]!.id}`, p.rationale, {
          ...ASSUMED,
          sources: p.sources,
          basis: p.basis,
        }),
      );
    });
    const res = a.reservation;
    out.push(
      item('reservation', a.id, res.rationale, { ...ASSUMED, sources: res.sources, basis: res.basis }),
    );
    const drift = res.driftHypothesis;
    if (drift)
      out.push(
        item('drift', drift.id, drift.rationale ?? `${drift.value} per round`, {
          ...ASSUMED,
          sources: drift.sources,
          basis: drift.basis,
        }),
      );
    const st = a.strategy;
    if (st.given)
      out.push(
        item('strategy', a.id, st.rationale ?? st.kind, { ...ASSUMED, sources: st.sources, basis: st.basis }),
      );
    for (const e of a.epochs) {
      out.push(item('epoch', `${a.id}/${e.id}`, e.label, e));
      for (const r of e.addRedLines) out.push(item('red-line', `${a.id}/${e.id}/${r.id}`, r.text, r));
      // what the epoch sets with sources of its own (those without rest on the epoch's, listed with it above)
      const own = (x: { readonly sources?: readonly string[] }) => (x.sources?.length ?? 0) > 0;
      for (const p of e.preferences.filter(own))
        out.push(
          item(
            'preference',
            `${a.id}/${e.id}/${s.issues[p.issue]!.id}`,
            p.rationale ?? e.rationale ?? e.label,
            {
              ...ASSUMED,
              sources: p.sources ?? [],
              basis: p.basis ?? e.basis,
            },
          ),
        );
      const r = e.reservation;
      if (r && own(r))
        out.push(
          item('reservation', `${a.id}/${e.id}`, r.rationale ?? e.rationale ?? e.label, {
            ...ASSUMED,
            sources: r.sources ?? [],
            basis: r.basis ?? e.basis,
          }),
        );
      if (e.strategy && own(e.strategy))
        out.push(
          item('strategy', `${a.id}/${e.id}`, e.strategy.rationale ?? e.strategy.kind, {
            ...ASSUMED,
            sources: e.strategy.sources,
            basis: e.strategy.basis,
          }),
        );
    }
    // the red line's own words and sources, then the reading that withholds it
    for (const w of a.withheldRedLines) {
      out.push(item('red-line', `${a.id}/${w.redLine.id}`, w.redLine.text, w.redLine));
      out.push(
        item('withheld', `${a.id}/${w.redLine.id}`, w.rationale, {
          ...ASSUMED,
          sources: w.sources,
          basis: w.basis,
        }),
      );
    }
  }
  for (const r of s.rules) out.push(item('rule', r.id, r.text, r));
  for (const e of s.events) out.push(item('event', e.id, e.title, e));
  for (const r of s.ratifications) {
    out.push(item('ratification', r.id, `${r.label} (${hurdleSince(r.from)}): ${r.text}`, r));
    const t = r.threshold;
    out.push(
      item('ratification', `${r.id}/threshold`, t.rationale ?? `the utility approval needs: ${t.value}`, {
        ...ASSUMED,
        sources: t.sources,
        basis: t.basis,
      }),
    );
  }
  // labels where a person reads (the ids are in --key's heading)
  for (const r of s.record) out.push(item('record', r.id, recordedReactionWords(s, r), r));
  const d = s.durability;
  if (d) {
    out.push(
      item('durability', 'durability', `base ${d.base}: ${d.rationale}`, { ...ASSUMED, sources: d.sources }),
    );
    for (const f of d.factors)
      out.push(
        item('durability', `durability/${f.id}`, `${f.label} (${f.shift > 0 ? '+' : ''}${f.shift})`, f),
      );
  }
  return out;
}

/** Source id → the positions it is the earliest source of, applied to documents dated before it. */
function appliedEarlier(s: Scenario): Map<string, AppliedEarlier[]> {
  const byPosition = new Map<string, { source: string; entry: AppliedEarlier & { documents: string[] } }>();
  const docs = [...s.documents].sort((a, b) => compareDates(a.date, b.date));
  for (const d of docs)
    for (const e of appliedBeforeRecord(s, d.date)) {
      if (!e.earliest) continue;
      const key = `${e.actor}/${e.kind}/${e.id}/${e.epoch ?? ''}`;
      let known = byPosition.get(key);
      if (!known) {
        known = {
          source: e.earliest.source,
          entry: {
            ref: `${e.actor}/${e.id}`,
            kind: e.kind,
            ...(e.epoch === undefined ? {} : { epoch: e.epoch }),
            documents: [],
            ...(e.heldEarlier === undefined ? {} : { heldEarlier: e.heldEarlier }),
          },
        };
        byPosition.set(key, known);
      }
      known.entry.documents.push(d.id);
    }
  const out = new Map<string, AppliedEarlier[]>();
  for (const { source, entry } of byPosition.values()) out.set(source, [...(out.get(source) ?? []), entry]);
  return out;
}

export function sourcesReport(s: Scenario): SourcesReport {
  const items = sourcedItems(s);
  const uses = new Map<string, SourcedItem[]>(s.sources.map((src) => [src.id, []]));
  for (const it of items) for (const id of new Set(it.sources)) uses.get(id)?.push(it);
  const early = appliedEarlier(s);
  return {
    scenario: { id: s.id, title: s.title, ...(s.file === undefined ? {} : { file: s.file }) },
    sources: s.sources.map((src) => ({
      ...src,
      uses: uses.get(src.id) ?? [],
      appliedEarlier: early.get(src.id) ?? [],
    })),
    unused: s.sources.filter((src) => (uses.get(src.id) ?? []).length === 0).map((src) => src.id),
    flagged: items.filter((it) => !it.confirmed || it.recall),
  };
}

// ───────────────────────────── markdown ─────────────────────────────

function short(text: string, max = 140): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

function flag(it: SourcedItem): string {
  if (it.recall) return ' **(recall)**';
  return it.confirmed ? '' : ' **(unconfirmed)**';
}

function describeUse(it: SourcedItem): string {
  const mark = it.basis === undefined ? '' : basisMark(it.basis);
  return `\`${it.ref}\` ${md(short(it.text))}${mark ? ` ${md(mark)}` : ''}${flag(it)}`;
}

export function sourcesMarkdown(r: SourcesReport): string {
  const lines: string[] = [];
  const push = (...l: string[]) => lines.push(...l);
  const cited = r.sources.length - r.unused.length;
  const unconfirmed = r.flagged.filter((x) => !x.recall).length;
  const recall = r.flagged.length - unconfirmed;
  push(
    `# Sources — ${md(r.scenario.title)}`,
    '',
    `<!-- Generated by \`peacesim sources ${r.scenario.id}\`; do not edit by hand. -->`,
    '',
    `Generated from the scenario \`${r.scenario.id}\` by \`peacesim sources ${r.scenario.id}\`` +
      ` (regenerate with \`peacesim sources ${r.scenario.id} > FILE\`). It lists every source, its` +
      ' reliability, and everything in the scenario that rests on it. Items marked **(unconfirmed)** are not' +
      ' settled by the record (not found in the sources consulted, or resting on a single low-reliability source);' +
      ' items marked **(recall)** are commonly reported but were not verified. Modelling choices (red lines,' +
      ' preferences, reservations, strategies, factors, events) are marked \\[reading\\] when they are an' +
      " inference from the source and \\[assumption\\] when they are the modeller's; unmarked ones are stated" +
      ' by it. The keys (s1, s2 …) are those other commands print in brackets; look one up in the terminal with' +
      ` \`peacesim sources ${r.scenario.id} --key KEY\`.`,
    '',
    `${r.sources.length} sources, ${cited} cited; ${unconfirmed} unconfirmed and ${recall} recall items.`,
    '',
    '## Unconfirmed and recall items',
    '',
  );
  for (const [kind, heading] of KIND_HEADINGS) {
    const its = r.flagged.filter((x) => x.kind === kind);
    if (!its.length) continue;
    push(`### ${heading}`, '');
    for (const it of its) {
      const src = it.sources.length
        ? ` — ${it.sources.map((x) => `[${x}](#${x})`).join(', ')}`
        : ' — no source';
      push(`- ${describeUse(it)}${src}${it.note ? `. ${md(it.note)}` : ''}`);
    }
    push('');
  }
  push('## Sources', '');
  for (const src of r.sources) {
    push(`### ${src.id}`, '');
    push(`**${md(src.title)}**`, '');
    const meta = [
      ...(src.publisher ? [md(src.publisher)] : []),
      ...(src.date ? [src.date] : []),
      ...(src.url ? [mdUrl(src.url)] : []),
    ];
    if (meta.length) push(meta.join(' · '), '');
    if (src.reliability) push(`Reliability: ${md(src.reliability)}`, '');
    if (!src.uses.length) {
      push('Cited by nothing in this scenario.', '');
      continue;
    }
    for (const [kind, heading] of KIND_HEADINGS) {
      const its = src.uses.filter((x) => x.kind === kind);
      if (!its.length) continue;
      push(`- ${heading}:`);
      for (const it of its) push(`  - ${describeUse(it)}`);
    }
    push('');
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

// ───────────────────────────── sources by key ─────────────────────────────

/** The entries of the sources whose keys are given (the keys other commands print in brackets), in that order. */
export function sourcesByKey(r: SourcesReport, keys: readonly string[]): SourceEntry[] {
  const byId = new Map(r.sources.map((x) => [x.id, x]));
  return [...new Set(keys)].map((k) => {
    const entry = byId.get(k);
    if (!entry)
      throw new UnknownIdError(
        'source',
        k,
        r.sources.map((x) => x.id),
        '--key: ',
      );
    return entry;
  });
}

/** One source in plain text: what it is, where it is, how reliable, and what in the scenario rests on it. */
export function sourceText(src: SourceEntry): string[] {
  const meta = [src.publisher, src.date, src.url].filter((x): x is string => Boolean(x));
  const out = [`[${src.id}] ${src.title}`];
  if (meta.length) out.push(`  ${meta.join(' · ')}`);
  if (src.reliability) out.push(`  Reliability: ${src.reliability}`);
  out.push(
    src.uses.length
      ? `  Cited by ${src.uses.length} item${src.uses.length === 1 ? '' : 's'} of the scenario:`
      : '  Cited by nothing in this scenario.',
  );
  for (const [kind, heading] of KIND_HEADINGS) {
    const its = src.uses.filter((x) => x.kind === kind);
    if (!its.length) continue;
    out.push(`    ${heading}:`);
    for (const it of its) {
      const mark = it.basis === undefined ? '' : ` ${basisMark(it.basis)}`;
      const flagged = it.recall ? ' (recall)' : it.confirmed ? '' : ' (unconfirmed)';
      out.push(`      ${it.ref} — ${short(it.text)}${mark}${flagged}`);
    }
  }
  if (src.appliedEarlier.length) {
    out.push('  The earliest source of positions applied to texts dated before it:');
    for (const e of src.appliedEarlier) {
      const kind = e.kind === 'redLine' ? 'red line' : 'preference';
      const epoch = e.epoch === undefined ? '' : `, epoch ${e.epoch}`;
      const more = e.documents.length - 1;
      const texts = `judges ${e.documents[0]}${more ? ` and ${more} later text${more === 1 ? '' : 's'}` : ''}`;
      // the reason whole: cut, it would lose what it rests on
      const why = e.heldEarlier === undefined ? 'no reason given' : `held earlier: ${e.heldEarlier}`;
      out.push(`    ${e.ref} (${kind}${epoch}) ${texts} — ${why}`);
    }
  }
  return out;
}

/**
 * The line that ends a text citing sources by key: how to look a key up, with the first key the text cites as the
 * example; null when the text cites none.
 */
export function sourceKeysLine(s: Scenario, scenarioArg: string, text: string): string | null {
  const key = citedKeys(s, text)[0];
  if (key === undefined) return null;
  return `Keys in brackets, such as [${key}], name sources: peacesim sources ${scenarioWord(scenarioArg)} --key ${key} shows what a source is, where to find it and what in the scenario rests on it.`;
}

/** The scenario as a command line names it: as given, or JSON-quoted when it holds anything a shell would split. */
export function scenarioWord(scenarioArg: string): string {
  return /^[\w./-]+$/.test(scenarioArg) ? scenarioArg : JSON.stringify(scenarioArg);
}

/** The keys of the scenario's sources that a text cites in brackets ([s52, s56]), each once, in order of citing. */
export function citedKeys(s: Scenario, text: string): string[] {
  const ids = new Set(s.sources.map((x) => x.id));
  // colour codes aside, a key is a member of a bracketed list: [s52, s56]
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC
  const plain = text.replace(/\u001B\[[0-9;]*m/g, '');
  const keys = new Set<string>();
  for (const m of plain.matchAll(/\[([^\]\n]+)\]/g))
    for (const k of m[1]!.split(/,\s*/)) if (ids.has(k)) keys.add(k);
  return [...keys];
}
