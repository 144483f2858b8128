// whatif --csv and concessions --csv say what each changed term of the text rests on, as --json does
// (`documentConfirmed`, and `fromConfirmed`/`fromRecall` per change) and as the text flags it: the document's own
// record of each term, taken from the shipped data (ukraine-peace's 20-point framework mixes settled and unsettled
// terms), not from the writer.
import { describe, expect, it } from 'vitest';
import { optionValue } from '../../src/analysis/whatif.ts';
import { documentTermFlagText } from '../../src/domain/flags.ts';
import type { NegotiationDocument, Scenario } from '../../src/domain/types.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { cliOk } from '../cli-in-process.ts';
import { csvRecords } from '../csv-reader.ts';

const s = loadScenarioFile('scenarios/ukraine-peace.yaml');

/** What the data records of the document's term on each changed issue, as the CSV writes it (unstated: none). */
function recorded(d: NegotiationDocument, issues: readonly string[]) {
  const terms = issues.flatMap((id) => {
    const t = d.terms.find((x) => x.issue === s.issueIndex.get(id));
    return t ? [{ id, t }] : [];
  });
  return {
    fromConfirmed: terms.map(({ id, t }) => `${id}=${t.confirmed}`).join(';'),
    fromRecall: terms.map(({ id, t }) => `${id}=${t.recall}`).join(';'),
  };
}

/** The issue ids of a `changes` cell ("a=x→y;b=z→w"). */
const changedIssues = (cell: string) => (cell ? cell.split(';').map((c) => c.split('=')[0]!) : []);

/** The confirmed document with the most unsettled terms that has settled ones too: the case the columns are for. */
function mixedDocument(sc: Scenario): NegotiationDocument {
  const unsettled = (x: NegotiationDocument) => x.terms.filter((t) => !t.confirmed).length;
  const d = sc.documents
    .filter((x) => x.confirmed && x.terms.some((t) => t.confirmed) && unsettled(x) > 0)
    .sort((a, b) => unsettled(b) - unsettled(a))[0];
  if (!d) throw new Error('no confirmed document with settled and unsettled terms');
  return d;
}

describe('the CSV of whatif and concessions: what each changed term rests on', () => {
  it('whatif: every row names the changes, the document confirmed, and each term as the data and --json record it', async () => {
    const d = mixedDocument(s);
    // one settled term and one unsettled, each set to another option
    const picks = [d.terms.find((t) => t.confirmed)!, d.terms.find((t) => !t.confirmed)!];
    const sets = picks.flatMap((t) => {
      const issue = s.issues[t.issue]!;
      const other = issue.options.findIndex((_, k) => k !== t.option);
      return ['--set', `${issue.id}=${optionValue(issue, other)}`];
    });
    const argv = ['whatif', 'ukraine-peace', '--document', d.id, ...sets];
    const rows = csvRecords(await cliOk(...argv, '--csv'));
    const json = JSON.parse(await cliOk(...argv, '--json')) as {
      documentConfirmed: boolean;
      changes: { issue: string; from: unknown; to: unknown; fromConfirmed?: boolean; fromRecall?: boolean }[];
    };
    const issues = picks.map((t) => s.issues[t.issue]!.id);
    const want = recorded(d, issues);
    expect(want.fromConfirmed).toContain('=false');
    expect(rows.length).toBe(s.actors.length);
    for (const r of rows) {
      expect(changedIssues(r.changes!)).toEqual(issues);
      expect(r.document_confirmed).toBe(String(json.documentConfirmed));
      expect(r.from_confirmed).toBe(want.fromConfirmed);
      expect(r.from_recall).toBe(want.fromRecall);
      expect(r.from_confirmed).toBe(json.changes.map((c) => `${c.issue}=${c.fromConfirmed}`).join(';'));
      expect(r.changes).toBe(json.changes.map((c) => `${c.issue}=${c.from}→${c.to}`).join(';'));
    }
    // the text flags exactly the terms the CSV says the record does not settle
    const text = await cliOk(...argv);
    for (const t of picks) {
      const issue = s.issues[t.issue]!;
      const flag = documentTermFlagText(d, t.issue);
      expect(text).toContain(`${issue.label}: ${issue.options[t.option]!.label}${flag} → `);
      expect(flag === '', issue.id).toBe(t.confirmed && !t.recall);
    }
  });

  it('concessions: every set names each changed term as the data and --json record it', async () => {
    const d = mixedDocument(s);
    const argv = ['concessions', 'ukraine-peace', '--document', d.id, '--limit', '3'];
    const rows = csvRecords(await cliOk(...argv, '--csv'));
    const json = JSON.parse(await cliOk(...argv, '--json')) as {
      documentConfirmed: boolean;
      solutions: { changes: { issue: string; fromConfirmed?: boolean; fromRecall?: boolean }[] }[];
      closest: { changes: { issue: string; fromConfirmed?: boolean; fromRecall?: boolean }[] }[];
    };
    const sets = [...json.solutions, ...json.closest];
    expect(rows.length).toBe(sets.length);
    expect(rows.length).toBeGreaterThan(0);
    rows.forEach((r, k) => {
      const want = recorded(d, changedIssues(r.changes!));
      expect(r.document_confirmed).toBe(String(d.confirmed));
      expect(r.from_confirmed).toBe(want.fromConfirmed);
      expect(r.from_recall).toBe(want.fromRecall);
      const stated = sets[k]!.changes.filter((c) => c.fromConfirmed !== undefined);
      expect(r.from_confirmed).toBe(stated.map((c) => `${c.issue}=${c.fromConfirmed}`).join(';'));
      expect(r.from_recall).toBe(stated.map((c) => `${c.issue}=${c.fromRecall}`).join(';'));
    });
    // the sets change an unsettled term somewhere, or the case is not tested
    expect(rows.some((r) => r.from_confirmed!.includes('=false'))).toBe(true);
  });
});
