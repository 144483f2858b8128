// Runs loader fuzz cases in a child process under a watchdog: a case that runs past its time budget is a hang
// (the child is killed and a new one goes on after that case), a child that dies is an abort. Both, and every
// crash or broken contract, are reported with the seed and the case number that reproduce them.
import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import type { Category } from './fuzz-cases.ts';
import type { ChildMessage, Job } from './fuzz-child.ts';

export interface Finding {
  readonly kind: 'crash' | 'contract' | 'hang' | 'abort';
  readonly category: Category;
  readonly seed: number;
  readonly i: number;
  readonly message: string;
}

export interface FuzzReport {
  readonly cases: number;
  readonly findings: readonly Finding[];
  readonly ms: number;
}

const CHILD = resolve(import.meta.dirname, 'fuzz-child.ts');

/** Cases `from`…`to - 1` of one category; resolves when all ran (or were given up as hangs or aborts). */
function runRange(category: Category, seed: number, from: number, to: number, budgetMs: number) {
  return new Promise<{ findings: Finding[]; next: number }>((done) => {
    const findings: Finding[] = [];
    const child = fork(CHILD, [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let current = from - 1;
    let phase = 'starting the process';
    let finished = false;
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-2000);
    });
    let timer: NodeJS.Timeout | undefined;
    const arm = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        findings.push({
          kind: 'hang',
          category,
          seed,
          i: current,
          message: `${phase}: no answer within ${ms} ms`,
        });
        finished = true;
        child.kill('SIGKILL');
      }, ms);
    };
    // the child's start-up (tsx, the loader's modules) gets a longer budget than a case
    arm(budgetMs * 6);
    child.on('message', (m: ChildMessage) => {
      if (m.kind === 'generate') {
        // a new block of 100 cases is generated before its first case starts: not part of any case's budget
        current = m.i;
        phase = 'generating the case';
        arm(budgetMs * 6);
      } else if (m.kind === 'start') {
        current = m.i;
        phase = 'loading the case';
        arm(budgetMs);
      } else if (m.kind === 'problem') {
        findings.push({ kind: m.crash ? 'crash' : 'contract', category, seed, i: m.i, message: m.message });
      } else {
        finished = true;
        clearTimeout(timer);
        child.kill();
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!finished) {
        const why = stderr.split('\n').find((l) => /error|fatal/i.test(l)) ?? `exit ${code ?? signal}`;
        findings.push({ kind: 'abort', category, seed, i: current, message: `the process died: ${why}` });
      }
      const next = findings.some((f) => f.kind === 'hang' || f.kind === 'abort') ? current + 1 : to;
      done({ findings, next: Math.max(next, current + 1, from) });
    });
    child.send({ seed, category, from, to } satisfies Job);
  });
}

/** Runs `plan[category]` cases of each category with `seed`, each within `budgetMs`. */
export async function runFuzz(
  plan: Partial<Record<Category, number>>,
  seed: number,
  budgetMs: number,
  /** after each block of cases, with the findings of that block (printed at once: a long run cut short keeps them) */
  progress?: (category: Category, done: number, of: number, found: readonly Finding[]) => void,
): Promise<FuzzReport> {
  const started = performance.now();
  const findings: Finding[] = [];
  let cases = 0;
  for (const [category, count] of Object.entries(plan) as [Category, number][]) {
    let from = 0;
    while (from < count) {
      const to = Math.min(count, from + 1000);
      const r = await runRange(category, seed, from, to, budgetMs);
      findings.push(...r.findings);
      from = r.next;
      progress?.(category, from, count, r.findings);
    }
    cases += count;
  }
  return { cases, findings, ms: performance.now() - started };
}
