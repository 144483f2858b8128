// The words issue 8 found wrong, each checked where a person reads it: the run, the play screen and the report.

import { describe, expect, it } from 'vitest';
import { memoryIo, palette } from '../../src/cli/io.ts';
import { Narrator } from '../../src/cli/narrate.ts';
import { run } from '../../src/cli/program.ts';
import { openScenario } from '../../src/cli/scenarios.ts';
import { nameInSentence } from '../../src/domain/actor-names.ts';
import { statusQuoPackage } from '../../src/domain/utility.ts';
import { resolveOptions } from '../../src/engine/options.ts';
import { packageOf } from '../../src/engine/terms.ts';
import { afterActionReport } from '../../src/report/after-action.ts';
import { afterActionMarkdown } from '../../src/report/after-action-md.ts';
import { count } from '../../src/report/format.ts';
import { md } from '../../src/report/markup.ts';
import { MONO_THEME } from '../../src/ui/theme.ts';
import { TranscriptWords } from '../../src/ui/transcript-words.ts';
import { GOLDEN_CASES } from './golden/cases.ts';
import { frozenRun, goldenScenario } from './golden/frozen.ts';

const plain = palette({ color: false, isTTY: false, out: () => {}, err: () => {} });

/** A frozen golden run told by `run`, by the play screen (facilitator's view) and by `report` (markdown). */
function told(name: string) {
  const c = GOLDEN_CASES.find((x) => x.name === name)!;
  const s = goldenScenario(c.scenario);
  const { run, waitingFor } = frozenRun(name);
  const options = resolveOptions(s, c.options);
  const n = new Narrator(s, plain);
  return {
    run: [
      ...n.header(options),
      ...n.transcript(run.transcript),
      ...n.outcome(run.transcript, waitingFor),
    ].join('\n'),
    screen: new TranscriptWords(s, MONO_THEME, c.teams ?? [])
      .transcript(run.transcript)
      .map((l) => l.spans.map((x) => x.text).join(''))
      .join('\n'),
    report: afterActionMarkdown(afterActionReport(s, run, { options, source: c.scenario })),
  };
}

describe("a person's rejection (finding 2)", () => {
  const t = told('tutorial-person-signed');
  it('should be the person’s choice, not a shortfall, in the run, on the screen and in the report', () => {
    for (const text of [t.run, t.report]) {
      const lines = text.split('\n').filter((l) => l.includes('(played by a person) rejects'));
      expect(lines.length).toBeGreaterThan(0);
      for (const l of lines) {
        expect(l).toContain("a person's choice");
        expect(l).not.toMatch(/short of|holds out for/);
      }
    }
    const screen = t.screen.split('\n').filter((l) => l.includes('(team) rejects'));
    expect(screen.length).toBeGreaterThan(0);
    for (const l of screen) expect(l).toContain("the team's choice");
  });

  it('should not ask the debrief how far short a person fell', () => {
    const debrief = t.report.split('## Debrief questions')[1]!;
    expect(debrief).toContain('played by a person, rejected every text');
    expect(debrief).not.toMatch(/short of what it held out for/);
  });
});

describe('whose consent counts (finding 5)', () => {
  const t = told('ukraine-default');
  const s = goldenScenario('ukraine-peace.yaml');
  const name = (id: string) => nameInSentence(s.actors.find((a) => a.id === id)!);
  it("should say in the run's header who must accept a text and why", () => {
    const line = t.run.split('\n').find((l) => l.startsWith('who must accept a text:'))!;
    expect(line).toContain('Russia and Ukraine (the parties)');
    // every controller that is not a party, with every issue it controls
    for (const a of s.actors.filter((x) => !s.protocol.parties.includes(x.index))) {
      const own = s.issues.filter((x) => x.controlledBy.includes(a.index));
      if (!own.length) continue;
      const part = line.split('; ').find((p) => p.startsWith(`${nameInSentence(a)} if it moves`))!;
      for (const x of own) expect(part).toContain(x.label);
    }
  });

  it('should say in the outcome whose consent the last text needed: the parties and the controllers of what it moves', () => {
    const last = frozenRun('ukraine-default').run.transcript.at(-1)!;
    if (last.kind !== 'stalemate') throw new Error('the frozen run ends in a stalemate');
    const pkg = packageOf(s, last.terms, statusQuoPackage(s));
    const moved = s.issues.filter((x) => pkg[x.index] !== x.statusQuo);
    expect(moved.length).toBeGreaterThan(0);
    const needed = new Set(
      moved.flatMap((x) => x.controlledBy).filter((a) => !s.protocol.parties.includes(a)),
    );
    const line = t.run.split('\n').find((l) => l.includes('The last text needed the consent of'))!;
    expect(line).toContain('Russia and Ukraine (the parties)');
    for (const a of s.actors)
      if (!s.protocol.parties.includes(a.index))
        expect(line.includes(`${name(a.id)} (it moves`)).toBe(needed.has(a.index));
  });
});

describe('labels where a person reads, ids only in --json and CSV (finding 6)', () => {
  /** Ids a person would not know: every hyphenated id of the scenario but its own and its sources'. */
  function ids(s: ReturnType<typeof goldenScenario>): string[] {
    const sources = new Set(s.sources.map((x) => x.id));
    return [
      ...s.issues.flatMap((x) => [x.id, ...x.options.map((o) => o.id)]),
      ...s.actors.flatMap((a) => a.redLines.map((c) => c.id)),
      ...s.rules.map((c) => c.id),
      ...s.documents.map((d) => d.id),
      ...s.events.map((e) => e.id),
      ...(s.durability?.factors ?? []).map((f) => f.id),
    ].filter((id) => id.includes('-') && !sources.has(id) && id !== s.id);
  }

  for (const c of GOLDEN_CASES)
    it(`should name no id in the run, on the screen or in the report of ${c.name}`, () => {
      const s = goldenScenario(c.scenario);
      const t = told(c.name);
      // the report's list of sources and its scenario line cite ids on purpose
      const report = t.report.split('\n## Sources')[0]!.replace(/`[^`]*`/g, '');
      for (const id of ids(s)) {
        const word = new RegExp(`(?<![\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`);
        for (const [where, text] of Object.entries({ run: t.run, screen: t.screen, report }))
          expect(word.test(text), `${where} names ${id}`).toBe(false);
      }
    });

  it("should explain each strategy in a few words in the run's header", () => {
    const header = told('june-2024-hardliner')
      .run.split('\n')
      .find((l) => l.startsWith('strategies: '))!;
    expect(header).toContain('hardliner — holds out for the best it could get in any agreement');
    expect(header).toContain("tit-for-tat — mirrors the others' concessions");
  });
});

describe('labels in analyze and whatif (finding 6)', () => {
  it('should name the costliest issues and the broken rules by their words', async () => {
    const io = memoryIo();
    expect(await run(['analyze', 'tutorial-bilateral'], io)).toBe(0);
    const out = io.stdout();
    const s = openScenario('tutorial-bilateral');
    const costliest = out.split('\n').find((l) => l.includes('costliest:'))!;
    expect(costliest).toMatch(/Territory( \[\w+\])? \(0\.200\)/);
    for (const x of s.issues) expect(costliest).not.toMatch(new RegExp(`[:,] ${x.id} \\(`));
    expect(out).toContain(`breaks a rule: ${s.rules[0]!.text}`);
    expect(out).not.toContain(s.rules[0]!.id);
    for (const a of s.actors) for (const c of a.redLines) expect(out).not.toContain(`red line ${c.id}`);
  });
});

describe('small slips (finding 9)', () => {
  it('should count one issue as one issue', async () => {
    for (const argv of [['list'], ['analyze', 'divide-the-surplus'], ['show', 'divide-the-surplus']]) {
      const io = memoryIo();
      expect(await run(argv, io)).toBe(0);
      expect(io.stdout(), argv.join(' ')).toContain('1 issue');
      expect(io.stdout(), argv.join(' ')).not.toMatch(/\b1 issues\b/);
    }
    expect(count(1, 'more term')).toBe('1 more term');
    expect(count(1200, 'package')).toBe('1,200 packages');
  });

  it("should say where an unfinished session stopped, in words, not the engine's state name", () => {
    const outcome = told('tutorial-truncated')
      .report.split('\n')
      .find((l) => l.startsWith('**Outcome.**'))!;
    expect(outcome).toContain('Unfinished: the session stops in round 3, before the answers are tallied');
    expect(outcome).not.toMatch(/state|live\.|running/);
  });
});

describe('what a red line or rule rests on (the basis of the format)', () => {
  it('should mark readings and assumptions, and leave stated positions unmarked, wherever one is cited', () => {
    const cited = frozenRun('golden-effects')
      .run.transcript.flatMap((e) => (e.kind === 'verdict' ? e.violations : []))
      .filter((v, k, all) => all.findIndex((x) => x.redLine === v.redLine) === k);
    // the fixture cites a stated red line, a reading and an assumption
    expect(new Set(cited.map((v) => v.basis))).toEqual(new Set(['stated', 'reading', 'assumption']));
    const t = told('golden-effects');
    /** the red line's text and its mark, with no other mark after it */
    const quoted = (text: string) =>
      new RegExp(`${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?! \\\\?\\[(reading|assumption))`);
    for (const v of cited) {
      const mark = v.basis === 'stated' ? '' : ` [${v.basis}]`;
      expect(t.run).toMatch(quoted(`${v.text}${mark}`));
      expect(t.screen).toMatch(quoted(`${v.text}${mark}`));
      expect(t.report).toMatch(quoted(`${md(v.text)}${mark ? ` ${md(mark.trim())}` : ''}`));
    }
  });
});
