// The fuzz's child process: runs the cases the runner sends, one message before each (the runner's watchdog
// kills this process when a case runs past its time budget, and starts a new one after that case).
import { type Category, caseAt, checkCase } from './fuzz-cases.ts';

export interface Job {
  readonly seed: number;
  readonly category: Category;
  readonly from: number;
  readonly to: number;
}

export type ChildMessage =
  /** generating a block of cases (outside any case's budget) */
  | { readonly kind: 'generate'; readonly i: number }
  | { readonly kind: 'start'; readonly i: number }
  | { readonly kind: 'problem'; readonly i: number; readonly crash: boolean; readonly message: string }
  | { readonly kind: 'done' };

const send = (m: ChildMessage) => process.send?.(m);

process.on('message', (job: Job) => {
  for (let i = job.from; i < job.to; i++) {
    try {
      send({ kind: 'generate', i });
      const c = caseAt(job.category, job.seed, i);
      send({ kind: 'start', i });
      const problem = checkCase(c);
      if (problem) send({ kind: 'problem', i, crash: false, message: problem });
    } catch (e) {
      const err = e as Error;
      send({ kind: 'problem', i, crash: true, message: `${err.name}: ${err.message}`.slice(0, 500) });
    }
  }
  send({ kind: 'done' });
});
