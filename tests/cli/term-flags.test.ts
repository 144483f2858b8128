// A tabled document's term the record does not settle (`confirmed: false`, or `recall: true`) is flagged wherever
// the command line lists that document's terms — "(unconfirmed)" / "(recall)" after it — and none is flagged when the
// document as a whole is unconfirmed (its title carries the flag). whatif and concessions list the document's terms
// they change (the term each replaces is the document's; the one set is the user's or the set's), and the run lists
// the terms a tabled text moves. Every expectation comes from the scenario files and the command's --json; the rule
// is written out here, from the data, not taken from the code under test.
import { describe, expect, it } from 'vitest';
import { optionValue } from '../../src/analysis/whatif.ts';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import type { NegotiationDocument, Scenario } from '../../src/domain/types.ts';
import { cliOk as cli } from '../cli-in-process.ts';

const flat = (t: string) => t.replace(/\s+/g, ' ');

/** The flag the document's term on `issue` carries, from the data: none when the whole document is unconfirmed. */
function expected(d: NegotiationDocument, issue: number): string {
  const t = d.terms.find((x) => x.issue === issue);
  if (!d.confirmed || !t) return '';
  return t.recall ? ' (recall)' : t.confirmed ? '' : ' (unconfirmed)';
}

/** The other flag a term could wrongly carry, or none. */
const wrong = (flag: string) => [' (unconfirmed)', ' (recall)'].filter((f) => f !== flag);

/** Another option of the issue than the document's: the --set value that changes the term. */
function another(s: Scenario, issue: number, option: number): string {
  const i = s.issues[issue]!;
  const other = i.options.findIndex((_, k) => k !== option);
  return String(optionValue(i, other));
}

const SHIPPED = shippedIds();

describe("a tabled document's unsettled terms, flagged where its terms are listed", () => {
  it('should ship documents with unsettled terms, and an unconfirmed document with some', () => {
    const docs = SHIPPED.flatMap((id) => openScenario(id).documents);
    expect(docs.some((d) => d.confirmed && d.terms.some((t) => !t.confirmed))).toBe(true);
    expect(docs.some((d) => !d.confirmed && d.terms.some((t) => !t.confirmed))).toBe(true);
  });

  it.each(SHIPPED)(
    'whatif flags the term each change replaces, and --json gives its provenance: %s',
    async (id) => {
      const s = openScenario(id);
      for (const d of s.documents) {
        if (!d.terms.length) continue;
        const sets = d.terms.flatMap((t) => [
          '--set',
          `${s.issues[t.issue]!.id}=${another(s, t.issue, t.option)}`,
        ]);
        const text = flat(await cli('whatif', id, '--document', d.id, ...sets));
        const json = JSON.parse(await cli('whatif', id, '--document', d.id, ...sets, '--json')) as {
          documentConfirmed: boolean;
          changes: { issue: string; fromConfirmed?: boolean; fromRecall?: boolean }[];
        };
        expect(json.documentConfirmed, d.id).toBe(d.confirmed);
        for (const t of d.terms) {
          const issue = s.issues[t.issue]!;
          const from = `${issue.label}: ${issue.options[t.option]!.label}`;
          const flag = expected(d, t.issue);
          expect(text, `${d.id}/${issue.id}`).toContain(`${from}${flag} → `);
          for (const f of wrong(flag)) expect(text, `${d.id}/${issue.id}`).not.toContain(`${from}${f} → `);
          // the term set is the user's: nothing after it says the record does not settle it
          const change = json.changes.find((c) => c.issue === issue.id)!;
          expect(change, `${d.id}/${issue.id}`).toMatchObject({
            fromConfirmed: t.confirmed,
            fromRecall: t.recall,
          });
        }
      }
    },
  );

  it('whatif gives no provenance for a term the document does not state (the status quo it leaves)', async () => {
    const s = openScenario('june-2024-terms');
    const d = s.documents[0]!;
    const free = s.issues.find((x) => !d.terms.some((t) => t.issue === x.index))!;
    const set = `${free.id}=${another(s, free.index, d.package[free.index]!)}`;
    const json = JSON.parse(await cli('whatif', s.id, '--document', d.id, '--set', set, '--json')) as {
      changes: Record<string, unknown>[];
    };
    expect(json.changes).toHaveLength(1);
    expect(json.changes[0]).not.toHaveProperty('fromConfirmed');
    expect(text(await cli('whatif', s.id, '--document', d.id, '--set', set))).not.toMatch(
      /\(unconfirmed\) →/,
    );
  });

  it.each(['june-2024-terms', 'security-triangle', 'istanbul-2022'])(
    "concessions flags the document's term each set changes, and --json gives its provenance: %s",
    async (id) => {
      const s = openScenario(id);
      let flagged = 0;
      for (const d of s.documents) {
        const args = ['concessions', id, '--document', d.id, '--max', '2'];
        const text = flat(await cli(...args));
        const json = JSON.parse(await cli(...args, '--json')) as {
          documentConfirmed: boolean;
          solutions: { changes: { issue: string; fromConfirmed?: boolean; fromRecall?: boolean }[] }[];
          closest: { changes: { issue: string; fromConfirmed?: boolean; fromRecall?: boolean }[] }[];
        };
        expect(json.documentConfirmed, d.id).toBe(d.confirmed);
        for (const set of [...json.solutions, ...json.closest])
          for (const c of set.changes) {
            const i = s.issueIndex.get(c.issue)!;
            const issue = s.issues[i]!;
            const from = `${issue.label}: ${issue.options[d.package[i]!]!.label}`;
            const flag = expected(d, i);
            expect(text, `${d.id}/${c.issue}`).toContain(`${from}${flag} → `);
            for (const f of wrong(flag)) expect(text, `${d.id}/${c.issue}`).not.toContain(`${from}${f} → `);
            const t = d.terms.find((x) => x.issue === i);
            if (t) expect(c).toMatchObject({ fromConfirmed: t.confirmed, fromRecall: t.recall });
            else expect(c).not.toHaveProperty('fromConfirmed');
            if (flag) flagged++;
          }
      }
      expect(flagged).toBeGreaterThan(0);
    },
  );

  it.each(SHIPPED)(
    'the run flags the terms a tabled text moves to, when they are its unsettled ones: %s',
    async (id) => {
      const s = openScenario(id);
      const json = JSON.parse(await cli('run', id, '--json')) as {
        transcript: {
          kind: string;
          document?: string;
          changes?: { issue: string; from: unknown; to: unknown }[];
        }[];
      };
      const text = flat(await cli('run', id));
      const label = (i: number, value: unknown) =>
        s.issues[i]!.options.find((o) => o.id === value || o.value === value)?.label ?? String(value);
      for (const e of json.transcript) {
        if (e.kind !== 'tabled' || !e.changes) continue;
        const d = s.documents.find((x) => x.id === e.document)!;
        for (const c of e.changes) {
          const i = s.issueIndex.get(c.issue)!;
          const shown = `${s.issues[i]!.label}: ${label(i, c.from)} → ${label(i, c.to)}`;
          const flag = expected(d, i);
          expect(text, `${d.id}/${c.issue}`).toContain(`${shown}${flag}`);
          for (const f of wrong(flag)) expect(text, `${d.id}/${c.issue}`).not.toContain(`${shown}${f}`);
          if (!flag) expect(text, `${d.id}/${c.issue}`).not.toContain(`${shown} (unconfirmed)`);
        }
      }
    },
  );
});

const text = flat;
