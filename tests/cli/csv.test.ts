// CSV exports of analyze, sweep, whatif, concessions and run: columns, rows that match the --json output of the
// same command, determinism, and the usage errors.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import { appliedBeforeRecord } from '../../src/domain/on-record.ts';
import type { NegotiationEvent } from '../../src/engine/events.ts';
import { newGame, send } from '../../src/engine/game.ts';
import { createSession, sessionText } from '../../src/engine/session.ts';
import { actorName } from '../../src/report/words.ts';
import { parseCsv } from '../csv-reader.ts';
import { cli as binary } from '../helpers.ts';

async function cli(...argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

/** The CSV as records keyed by column; checks every row has the header's width. */
async function table(...argv: string[]) {
  const r = await cli(...argv);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const [header, ...rows] = parseCsv(r.out);
  for (const x of rows) expect(x).toHaveLength(header!.length);
  return {
    text: r.out,
    header: header!,
    rows: rows.map((x) => Object.fromEntries(header!.map((h, k) => [h, x[k]!]))),
  };
}

/** A contested term as every --json has it. */
interface Contested {
  issue: string;
  moved: { actor: string; accepts: boolean }[];
  agreement: { asTabled: boolean; readSo: boolean };
}

/** The issues whose recorded variant turns an actor's verdict, as `contested_turns` lists them. */
const turnsOf = (contested: Contested[], actor: string) =>
  contested
    .filter((c) => c.moved.some((m) => m.actor === actor))
    .map((c) => c.issue)
    .join(';');

async function json(...argv: string[]) {
  const r = await cli(...argv, '--json');
  expect(r.code).toBe(0);
  return JSON.parse(r.out);
}

const SCENARIOS = ['tutorial-bilateral', 'divide-the-surplus', 'ukraine-peace'];
const cellOf = (v: unknown) => (v === null || v === undefined ? '' : String(v));

describe('analyze --csv', () => {
  for (const name of SCENARIOS)
    it(`should match the --json report table by table on ${name}`, async () => {
      const j = await json('analyze', name, '--limit', '3');
      const actors: string[] = Object.keys(j.documents[0]?.verdicts ?? j.pareto.points[0].utilities);
      const issues: string[] = j.zopa.map((z: { issue: string }) => z.issue);

      const frontier = await table('analyze', name, '--csv', 'frontier');
      expect(frontier.header).toEqual(['rank', 'exact', ...actors.map((a) => `u_${a}`), ...issues]);
      expect(frontier.rows).toHaveLength(j.pareto.points.length);
      frontier.rows.forEach((row, k) => {
        const p = j.pareto.points[k];
        expect(row.rank).toBe(String(k + 1));
        for (const a of actors) expect(row[`u_${a}`]).toBe(String(p.utilities[a]));
        for (const i of issues) expect(row[i]).toBe(String(p.package[i]));
      });

      const solutions = await table('analyze', name, '--csv', 'solutions');
      const found = Object.entries(j.solutions).filter(([, x]) => x !== null);
      expect(solutions.header.slice(0, 4)).toEqual(['solution', 'objective', 'exact', 'durability']);
      expect(solutions.rows.map((r) => r.solution)).toEqual(found.map(([k]) => k));
      for (const [k, x] of found as [
        string,
        { objective: number; utilities: Record<string, number>; durability: { value: number } | null },
      ][]) {
        const row = solutions.rows.find((r) => r.solution === k)!;
        expect(row.objective).toBe(String(x.objective));
        expect(row.durability).toBe(cellOf(x.durability?.value));
        for (const a of actors) expect(row[`u_${a}`]).toBe(String(x.utilities[a]));
      }

      const docs = await table('analyze', name, '--csv', 'documents');
      expect(docs.header).toEqual([
        'document',
        'date',
        'tabled_by',
        'agreement',
        'rules_broken',
        'durability',
        'actor',
        'required',
        'accepts',
        'utility',
        'reservation',
        'margin',
        'red_lines',
        'costliest',
        'as_of',
        'reservation_basis',
        'red_lines_basis',
        'red_lines_before_record',
        'contested_turns',
      ]);
      expect(docs.rows).toHaveLength(j.documents.length * actors.length);
      const dated = openScenario(name);
      for (const row of docs.rows) {
        const doc = j.documents.find((d: { id: string }) => d.id === row.document);
        const v = doc.verdicts[row.actor!];
        expect(row.durability).toBe(cellOf(doc.durability?.value));
        expect(row.accepts).toBe(String(v.accepts));
        expect(row.utility).toBe(String(v.utility));
        expect(row.red_lines).toBe(v.violations.map((x: { redLine: string }) => x.redLine).join(';'));
        // what each verdict rests on travels with it: the date judged by, the basis of the reservation and of
        // each red line broken, in the same order as red_lines
        expect(row.as_of).toBe(doc.asOf);
        expect(row.reservation_basis).toBe(v.reservationBasis);
        expect(row.red_lines_basis).toBe(v.violations.map((x: { basis: string }) => x.basis).join(';'));
        // of those red lines, the ones applied before the record of the row's date, in the same order
        const early = appliedBeforeRecord(dated, doc.asOf);
        expect(row.red_lines_before_record).toBe(
          v.violations
            .map((x: { redLine: string }) => x.redLine)
            .filter((id: string) =>
              early.some((e) => e.actor === row.actor && e.kind === 'redLine' && e.id === id),
            )
            .join(';'),
        );
        expect(row.contested_turns).toBe(turnsOf(doc.contested, row.actor!));
      }

      const zopa = await table('analyze', name, '--csv', 'zopa');
      expect(zopa.header).toEqual([
        'issue',
        'issue_label',
        'option',
        'option_label',
        'all_parties',
        ...actors.map((a) => `livable_${a}`),
      ]);
      expect([...new Set(zopa.rows.map((r) => r.issue))]).toEqual(issues);
      for (const z of j.zopa) {
        const mine = zopa.rows.filter((r) => r.issue === z.issue);
        expect(mine.filter((r) => r.all_parties === 'true').map((r) => r.option)).toEqual(
          z.parties.map(String),
        );
        for (const a of actors)
          expect(mine.filter((r) => r[`livable_${a}`] === 'true').map((r) => r.option)).toEqual(
            z.byActor[a].map(String),
          );
      }

      const feasible = await table('analyze', name, '--csv', 'feasible', '--limit', '3');
      expect(feasible.header).toEqual(['index', ...issues]);
      expect(feasible.rows.map((r) => issues.map((i) => r[i]))).toEqual(
        j.feasible.packages.map((p: Record<string, unknown>) => issues.map((i) => String(p[i]))),
      );
    });

  it('should print the same bytes every time', async () => {
    for (const kind of ['frontier', 'zopa', 'documents', 'solutions']) {
      const a = await cli('analyze', 'ukraine-peace', '--csv', kind);
      const b = await cli('analyze', 'ukraine-peace', '--csv', kind);
      expect(a.out).toBe(b.out);
    }
  });

  it('should quote labels that hold commas and keep ids and numbers as they are', async () => {
    const zopa = await table('analyze', 'ukraine-peace', '--csv', 'zopa');
    expect(zopa.text).toContain(`army-cap,Cap on Ukraine's armed forces,600000,"600,000 troops",`);
    const row = zopa.rows.find((r) => r.issue === 'army-cap' && r.option === '600000');
    expect(row?.option_label).toBe('600,000 troops');
  });
});

describe('analyze --csv documents: the red lines applied before the record of the row’s date', () => {
  const flat = (t: string) => t.replace(/\s+/g, ' ');
  it.each(shippedIds())(
    '%s: show marks, under each document, exactly the red lines the table lists for a required actor that rejects it',
    async (name) => {
      const s = openScenario(name);
      const [docs, shown] = await Promise.all([
        table('analyze', name, '--csv', 'documents'),
        cli('show', name),
      ]);
      // show: per document ("--document id)"), under "Actor: red lines:" each item ("– …", or "1. …", "2. …")
      // and whether it carries the note
      const blocks = flat(shown.out).split('--document ').slice(1);
      const literal = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      for (const row of docs.rows.filter((r) => r.required === 'true' && r.accepts === 'false')) {
        const block = blocks.find((b) => b.startsWith(`${row.document})`))!;
        const ids = row.red_lines ? row.red_lines.split(';') : [];
        const head = new RegExp(
          `${literal(actorName(s, row.actor!))}: red lines?: (.*?)(?: \\S+: red lines?: | applied before their earliest source: |$)`,
        );
        const body = head.exec(block)?.[1] ?? '';
        const markers = ids.map((_, k) => (ids.length > 1 ? `${k + 1}. ` : '– '));
        // each item after the one before it
        const starts: number[] = [];
        markers.forEach((m, k) =>
          starts.push(k === 0 ? (body.startsWith(m) ? 0 : -1) : body.indexOf(` ${m}`, starts[k - 1]! + 1)),
        );
        expect(
          starts.every((at) => at >= 0),
          `${row.document}/${row.actor}: ${body}`,
        ).toBe(true);
        const items = starts.map((at, k) => body.slice(at, starts[k + 1] ?? body.length));
        expect(body === '', `${row.document}/${row.actor}`).toBe(ids.length === 0);
        const marked = ids.filter((_, k) => items[k]!.includes('; applied before its earliest source ('));
        expect(row.red_lines_before_record, `${row.document}/${row.actor}`).toBe(marked.join(';'));
      }
      // a real case among them: Moscow's guarantor veto, under Kyiv's Istanbul text of 29 March 2022
      if (name === 'istanbul-2022')
        expect(
          docs.rows.find((r) => r.document === 'istanbul-2022-ukraine' && r.actor === 'russia')!
            .red_lines_before_record,
        ).toBe('guarantor-veto');
    },
  );
});

describe('sweep --csv', () => {
  const BASIS = ['as_of', 'reservation_basis', 'red_lines_basis', 'ranges_basis'];
  for (const name of SCENARIOS)
    it(`should give one row per document × actor, and every draw with draws, on ${name}`, async () => {
      const j = await json('sweep', name, '-n', '40');
      type ActorSweep = {
        actor: string;
        acceptRate: number;
        redLinesBroken: string[];
        violations: { redLine: string; basis: string; appliedBeforeRecord?: object }[];
        reservationBasis: string;
        rangesBasis: string | null;
      };
      const pairs = j.documents.flatMap((d: { id: string; actors: ActorSweep[] }) =>
        d.actors.map((a) => [d.id, a.actor]),
      );
      const inJson = (doc: string, actor: string): ActorSweep =>
        j.documents
          .find((d: { id: string }) => d.id === doc)
          .actors.find((a: ActorSweep) => a.actor === actor);
      const summary = await table('sweep', name, '-n', '40', '--csv');
      expect(summary.header).toEqual([
        'document',
        'agreement_rate',
        'actor',
        'accept_rate',
        'mean_utility',
        'min_utility',
        'max_utility',
        'red_lines',
        ...BASIS,
        'red_lines_before_record',
      ]);
      expect(summary.rows.map((r) => [r.document, r.actor])).toEqual(pairs);
      expect(summary.rows[0]!.accept_rate).toBe(String(j.documents[0].actors[0].acceptRate));
      // what each row rests on is the JSON's, red line for red line in the order of red_lines
      for (const r of summary.rows) {
        const a = inJson(r.document!, r.actor!);
        expect(a.violations.map((v) => v.redLine)).toEqual(a.redLinesBroken);
        expect(r.red_lines).toBe(a.redLinesBroken.join(';'));
        expect(r.as_of).toBe(j.asOf);
        expect(r.reservation_basis).toBe(a.reservationBasis);
        expect(r.red_lines_basis).toBe(a.violations.map((v) => v.basis).join(';'));
        expect(r.ranges_basis).toBe(cellOf(a.rangesBasis));
        // of red_lines, those --json flags as applied before their earliest source
        expect(r.red_lines_before_record).toBe(
          a.violations
            .filter((v) => v.appliedBeforeRecord)
            .map((v) => v.redLine)
            .join(';'),
        );
      }
      expect((await cli('sweep', name, '-n', '40', '--csv', 'summary')).out).toBe(summary.text);

      const draws = await table('sweep', name, '-n', '3', '--csv', 'draws');
      expect(draws.header).toEqual([
        'sample',
        'document',
        'actor',
        'utility',
        'reservation',
        'accepts',
        'red_lines',
        ...BASIS,
        'red_lines_before_record',
      ]);
      expect(draws.rows).toHaveLength(3 * pairs.length);
      expect(new Set(draws.rows.map((r) => r.sample))).toEqual(new Set(['0', '1', '2']));
      // the basis does not change from draw to draw: every draw repeats its summary row's
      for (const r of draws.rows) {
        const s = summary.rows.find((x) => x.document === r.document && x.actor === r.actor)!;
        for (const c of ['red_lines', ...BASIS, 'red_lines_before_record']) expect(r[c]).toBe(s[c]);
      }
    });

  it('should agree with its own summary and repeat byte for byte with the same seed', async () => {
    const draws = await table('sweep', 'tutorial-bilateral', '-n', '200', '-s', '7', '--csv', 'draws');
    const summary = await table('sweep', 'tutorial-bilateral', '-n', '200', '-s', '7', '--csv');
    for (const s of summary.rows) {
      const mine = draws.rows.filter((r) => r.document === s.document && r.actor === s.actor);
      expect(mine.filter((r) => r.accepts === 'true').length / 200).toBe(Number(s.accept_rate));
    }
    expect((await cli('sweep', 'tutorial-bilateral', '-n', '200', '-s', '7', '--csv', 'draws')).out).toBe(
      draws.text,
    );
  });
});

const WHATIF: [string, string, string[]][] = [
  ['tutorial-bilateral', 'mediator-text', ['guarantee=art5-like', 'army-cap=700k']],
  ['divide-the-surplus', 'even-split', ['share=0.55']],
  ['ukraine-peace', 'us-28-point-plan', ['army-cap=800k']],
  // a contested term the change leaves: the recorded variant of Donetsk turns Ukraine's verdict
  ['ukraine-peace', 'us-ukraine-20-point', ['znpp=ukraine-control']],
];

describe('whatif --csv', () => {
  for (const [name, doc, sets] of WHATIF)
    it(`should give one row per actor, before and after, on ${name}`, async () => {
      const argv = ['whatif', name, '--document', doc, ...sets.flatMap((x) => ['--set', x])];
      const j = await json(...argv);
      const t = await table(...argv, '--csv');
      expect(t.header).toEqual([
        'actor',
        'required_before',
        'required_after',
        'accepts_before',
        'accepts_after',
        'utility_before',
        'utility_after',
        'utility_delta',
        'reservation',
        'margin_before',
        'margin_after',
        'red_lines_before',
        'red_lines_after',
        'flipped',
        'changed',
        'as_of',
        'reservation_basis',
        'red_lines_before_basis',
        'red_lines_after_basis',
        'red_lines_before_ahead_of_record',
        'red_lines_after_ahead_of_record',
        'contested_turns',
        'changes',
        'document_confirmed',
        'from_confirmed',
        'from_recall',
      ]);
      expect(t.rows.map((r) => r.actor)).toEqual(Object.keys(j.verdicts));
      for (const r of t.rows) {
        const v = j.verdicts[r.actor!];
        expect([r.utility_before, r.utility_after]).toEqual([
          String(v.before.utility),
          String(v.after.utility),
        ]);
        expect([r.accepts_before, r.accepts_after]).toEqual([
          String(v.before.accepts),
          String(v.after.accepts),
        ]);
        expect(r.red_lines_after).toBe(
          v.after.violations.map((x: { redLine: string }) => x.redLine).join(';'),
        );
        // what each verdict rests on travels with it, as in analyze --csv documents
        expect(r.as_of).toBe(j.asOf);
        expect(r.reservation_basis).toBe(v.after.reservationBasis);
        for (const [col, side] of [
          ['red_lines_before_basis', v.before],
          ['red_lines_after_basis', v.after],
        ] as const)
          expect(r[col]).toBe(side.violations.map((x: { basis: string }) => x.basis).join(';'));
        expect(r.contested_turns).toBe(turnsOf(j.contested, r.actor!));
        // what each changed term rests on, as --json gives it
        type Change = {
          issue: string;
          from: unknown;
          to: unknown;
          fromConfirmed?: boolean;
          fromRecall?: boolean;
        };
        const changes = j.changes as Change[];
        expect(r.changes).toBe(changes.map((c) => `${c.issue}=${c.from}→${c.to}`).join(';'));
        expect(r.document_confirmed).toBe(String(j.documentConfirmed));
        const stated = changes.filter((c) => c.fromConfirmed !== undefined);
        expect(r.from_confirmed).toBe(stated.map((c) => `${c.issue}=${c.fromConfirmed}`).join(';'));
        expect(r.from_recall).toBe(stated.map((c) => `${c.issue}=${c.fromRecall}`).join(';'));
      }
      expect((await cli(...argv, '--csv')).out).toBe(t.text);
    });
});

describe('concessions --csv', () => {
  const cases: [string, string[]][] = [
    ['tutorial-bilateral', ['--document', 'north-opening', '--limit', '3']],
    ['tutorial-bilateral', ['--document', 'north-opening', '--max', '2', '--limit', '2']],
    ['divide-the-surplus', ['--document', 'even-split']],
    ['ukraine-peace', ['--document', 'us-ukraine-20-point', '--limit', '2']],
    // the one minimal set rests on the tabled ceasefire term
    ['security-triangle', ['--document', 'us-ukraine-20-point']],
  ];
  for (const [name, args] of cases)
    it(`should give one row per set found on ${name} ${args.join(' ')}`, async () => {
      const j = await json('concessions', name, ...args);
      const t = await table('concessions', name, ...args, '--csv');
      const actors = Object.keys(j.solutions[0]?.utilities ?? j.closest[0]?.utilities ?? {});
      expect(t.header.slice(0, 7)).toEqual([
        'kind',
        'rank',
        'size',
        'changes',
        'nash_product',
        'tabler_loss',
        'required',
      ]);
      expect(t.rows).toHaveLength(j.solutions.length + j.closest.length);
      const sets = [...j.solutions, ...j.closest];
      t.rows.forEach((r, k) => {
        const x = sets[k];
        expect(r.kind).toBe(k < j.solutions.length ? 'solution' : 'closest');
        expect(r.size).toBe(String(x.changes.length));
        expect(r.changes).toBe(
          x.changes
            .map((c: { issue: string; from: unknown; to: unknown }) => `${c.issue}=${c.from}→${c.to}`)
            .join(';'),
        );
        for (const a of actors) expect(r[`u_${a}`]).toBe(String(x.utilities[a]));
        expect(r.blockers).toBe(cellOf(x.blockers));
        // the contested terms the set leaves whose recorded variant moves a verdict or the agreement
        expect(r.contested_moves).toBe(
          x.contested
            .filter((c: Contested) => c.moved.length > 0 || c.agreement.asTabled !== c.agreement.readSo)
            .map((c: Contested) => c.issue)
            .join(';'),
        );
        // what each changed term rests on, as --json gives it
        type Change = { issue: string; fromConfirmed?: boolean; fromRecall?: boolean };
        const stated = (x.changes as Change[]).filter((c) => c.fromConfirmed !== undefined);
        expect(r.document_confirmed).toBe(String(j.documentConfirmed));
        expect(r.from_confirmed).toBe(stated.map((c) => `${c.issue}=${c.fromConfirmed}`).join(';'));
        expect(r.from_recall).toBe(stated.map((c) => `${c.issue}=${c.fromRecall}`).join(';'));
      });
    });

  it('should print only the header when the text is already an agreement', async () => {
    const r = await cli('concessions', 'divide-the-surplus', '--document', 'even-split', '--csv');
    expect(r.out.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('run --csv', () => {
  const cases: [string, string[]][] = [
    ['tutorial-bilateral', ['--rounds', '4']],
    ['divide-the-surplus', []],
    ['ukraine-peace', ['--rounds', '4']],
  ];
  for (const [name, args] of cases)
    it(`should give one row per verdict of the transcript on ${name}`, async () => {
      const j = await json('run', name, ...args);
      const verdicts = j.transcript.filter((e: { kind: string }) => e.kind === 'verdict');
      const t = await table('run', name, ...args, '--csv');
      expect(t.header).toEqual([
        'round',
        'seq',
        'actor',
        'strategy',
        'human',
        'accepts',
        'utility',
        'reservation',
        'aspiration',
        'red_lines',
        'asks',
        'absent',
        'asks_defaulted',
        'red_lines_before_record',
      ]);
      expect(
        t.rows.map((r) => [r.round, r.seq, r.actor, r.accepts, r.utility, r.reservation, r.aspiration]),
      ).toEqual(
        verdicts.map((e: Record<string, unknown>) =>
          ['round', 'seq', 'actor', 'accepts', 'utility', 'reservation', 'aspiration'].map((k) =>
            String(e[k]),
          ),
        ),
      );
      expect((await cli('run', name, ...args, '--csv')).out).toBe(t.text);
    });
});

describe('run --csv of an actor that walked out while the talks go on', () => {
  // June 2024 (alternating offers): the coalition, a controller, walks out in round 3 (an inject saved in a
  // session); the talks go on and it still answers each text whose consent it controls, with an absent no
  const dir = mkdtempSync(join(tmpdir(), 'peacesim-absent-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  function session(): string {
    let game = newGame(openScenario('june-2024-terms'), { seed: 1 });
    const step = (e: NegotiationEvent) => {
      const sent = send(game, e);
      if (!sent.ok) throw new Error(sent.error);
      game = sent.game;
    };
    while (game.snapshot.context.round < 3) step({ type: 'STEP' });
    step({ type: 'INJECT', effect: { kind: 'walk-out', actor: 'coalition' } });
    const file = join(dir, 'walk-out.json');
    writeFileSync(file, sessionText(createSession(game, 'june-2024-terms')));
    return file;
  }

  it('should mark the absent verdicts as --json does, and only those', async () => {
    const file = session();
    const j = await json('resume', file);
    const verdicts = j.transcript.filter((e: { kind: string }) => e.kind === 'verdict');
    const absent = verdicts.filter((e: { absent?: boolean }) => e.absent === true);
    // a real case: the coalition answers after it walked out, and the talks did not end there
    expect(absent.length).toBeGreaterThan(0);
    expect(absent.every((e: { actor: string }) => e.actor === 'coalition')).toBe(true);
    expect(verdicts.some((e: { seq: number }) => e.seq > absent[0].seq)).toBe(true);
    const t = await table('resume', file, '--csv');
    // the verdicts' rows (the inject fired by hand has its own, with an empty verdict)
    const rows = t.rows.filter((r) => r.inject === '');
    expect(t.rows.filter((r) => r.inject !== '').map((r) => r.inject)).toEqual(['walk-out:coalition@3']);
    expect(rows.map((r) => [r.seq, r.absent, r.asks_defaulted, r.accepts])).toEqual(
      verdicts.map((e: { seq: number; absent?: boolean; asksDefaulted?: boolean; accepts: boolean }) => [
        String(e.seq),
        String(e.absent === true),
        String(e.asksDefaulted === true),
        String(e.accepts),
      ]),
    );
    expect(rows.filter((r) => r.absent === 'true').every((r) => r.accepts === 'false')).toBe(true);
  });
});

describe('usage errors', () => {
  const commands: string[][] = [
    ['analyze', 'tutorial-bilateral', '--csv', 'zopa'],
    ['sweep', 'tutorial-bilateral', '-n', '5', '--csv'],
    ['whatif', 'tutorial-bilateral', '--document', 'mediator-text', '--csv'],
    ['concessions', 'tutorial-bilateral', '--document', 'mediator-text', '--csv'],
    ['run', 'tutorial-bilateral', '--csv'],
  ];
  for (const argv of commands)
    it(`should refuse --csv with --json, and --out alone, in ${argv[0]}`, async () => {
      const both = await cli(...argv, '--json');
      expect(both.code).toBe(2);
      expect(both.out).toBe('');
      expect(both.err).toBe('peacesim: --csv and --json cannot be used together: choose one\n');
      const out = await cli(...argv.filter((x) => x !== '--csv' && x !== 'zopa'), '--out', 'x.csv');
      expect(out.code).toBe(2);
      expect(out.err).toBe('peacesim: --out writes the --csv or --json output: add one of them\n');
    });

  it('should name the valid exports and the nearest on an unknown one', async () => {
    const a = await cli('analyze', 'tutorial-bilateral', '--csv', 'fronteir');
    expect(a.code).toBe(2);
    expect(a.err).toBe(
      'peacesim: --csv: unknown export "fronteir" (did you mean "frontier"?); choose frontier, zopa, documents, solutions, feasible\n',
    );
    const s = await cli('sweep', 'tutorial-bilateral', '--csv', 'draw');
    expect(s.code).toBe(2);
    expect(s.err).toContain('(did you mean "draws"?)');
    expect(s.err.trimEnd().split('\n')).toHaveLength(1);
  });

  it('should tell a user of the old sweep --csv FILE what to type now', async () => {
    const r = await cli('sweep', 'tutorial-bilateral', '--csv', 'draws.csv');
    expect(r.code).toBe(2);
    expect(r.err).toContain('to write every draw to a file: --csv draws --out FILE');
  });

  it('should want a table name after analyze --csv', async () => {
    const r = await cli('analyze', 'tutorial-bilateral', '--csv');
    expect(r.code).toBe(2);
  });
});

describe('--out', () => {
  const dir = mkdtempSync(join(tmpdir(), 'peacesim-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should write exactly what stdout would show, and print nothing', async () => {
    const cases: string[][] = [
      ['analyze', 'tutorial-bilateral', '--csv', 'frontier'],
      ['analyze', 'tutorial-bilateral', '--json'],
      ['sweep', 'tutorial-bilateral', '-n', '10', '--csv', 'draws'],
      ['whatif', 'tutorial-bilateral', '--document', 'mediator-text', '--set', 'sanctions=lifted', '--csv'],
      ['concessions', 'tutorial-bilateral', '--document', 'north-opening', '--csv'],
      ['run', 'tutorial-bilateral', '--rounds', '3', '--csv'],
    ];
    for (const [k, argv] of cases.entries()) {
      const file = join(dir, `out-${k}.csv`);
      const shown = await cli(...argv);
      const written = await cli(...argv, '--out', file);
      expect(written.code).toBe(0);
      expect(written.out).toBe('');
      expect(readFileSync(file, 'utf8')).toBe(shown.out);
    }
  });

  it('should give resume the same verdict table as the run it replays', async () => {
    const session = join(dir, 'resume.json');
    const ran = await cli('run', 'tutorial-bilateral', '--rounds', '4', '--csv', '--save', session);
    expect(ran.code).toBe(0);
    const resumed = await cli('resume', session, '--csv');
    expect(resumed.code).toBe(0);
    expect(resumed.out).toBe(ran.out);
    expect((await cli('resume', session, '--csv', '--json')).code).toBe(2);
  });

  it('should fail in one line when the folder does not exist', async () => {
    const r = await cli(
      'analyze',
      'tutorial-bilateral',
      '--csv',
      'zopa',
      '--out',
      join(dir, 'no/such/x.csv'),
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /^peacesim: cannot write .*x\.csv: its folder does not exist; create it or write elsewhere\n$/,
    );
  });
});

describe('the built binary', () => {
  it('should print the same CSV as the in-process command', async () => {
    const inProcess = await cli('analyze', 'tutorial-bilateral', '--csv', 'solutions');
    const r = binary(['analyze', 'tutorial-bilateral', '--csv', 'solutions']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(inProcess.out);
  });
});
