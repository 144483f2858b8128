// The sandbox's undo and redo, checked against a simple model: a list of whole packages and a pointer into it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openScenario } from '../../src/cli/scenarios.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { appReducer, initialState } from '../../src/ui/state/app.ts';
import { displayOrder, stepOption } from '../../src/ui/state/order.ts';
import {
  currentPackage,
  openSandbox,
  type SandboxAction,
  type SandboxState,
  sandboxReducer,
} from '../../src/ui/state/sandbox.ts';

const SCENARIOS = ['tutorial-bilateral', 'ukraine-peace', 'security-triangle'].map((id) => openScenario(id));

function actionArb(s: Scenario): fc.Arbitrary<SandboxAction> {
  const issue = fc.integer({ min: 0, max: s.issues.length - 1 });
  const pkg = fc.tuple(...s.issues.map((x) => fc.integer({ min: 0, max: x.options.length - 1 })));
  return fc.oneof(
    {
      weight: 3,
      arbitrary: issue.chain((i) =>
        fc.record({
          type: fc.constant('set-option' as const),
          issue: fc.constant(i),
          option: fc.integer({ min: 0, max: s.issues[i]!.options.length - 1 }),
        }),
      ),
    },
    {
      weight: 2,
      arbitrary: fc.record({ type: fc.constant('move' as const), delta: fc.integer({ min: -30, max: 30 }) }),
    },
    {
      weight: 3,
      arbitrary: fc.record({ type: fc.constant('step-option' as const), delta: fc.constantFrom(-1, 1) }),
    },
    { weight: 1, arbitrary: pkg.map((p) => ({ type: 'apply' as const, pkg: p, label: 'apply' })) },
    { weight: 1, arbitrary: fc.constant({ type: 'reset' as const }) },
    { weight: 3, arbitrary: fc.constant({ type: 'undo' as const }) },
    { weight: 2, arbitrary: fc.constant({ type: 'redo' as const }) },
  );
}

/** The model: every package the user has had, and which one is current. */
interface Model {
  states: number[][];
  at: number;
}

function modelStep(s: Scenario, m: Model, real: SandboxState, a: SandboxAction): void {
  const now = m.states[m.at]!;
  let next: number[] | null = null;
  switch (a.type) {
    case 'set-option':
      next = now.map((o, i) => (i === a.issue ? a.option : o));
      break;
    case 'step-option': {
      const issue = displayOrder(s)[real.row]!;
      next = now.map((o, i) => (i === issue ? stepOption(s.issues[i]!, o, a.delta) : o));
      break;
    }
    case 'apply':
      next = Array.from(a.pkg);
      break;
    case 'reset':
      next = [...real.base];
      break;
    case 'undo':
      m.at = Math.max(0, m.at - 1);
      return;
    case 'redo':
      m.at = Math.min(m.states.length - 1, m.at + 1);
      return;
    default:
      return;
  }
  if (next.some((o, i) => o !== now[i])) {
    m.states = [...m.states.slice(0, m.at + 1), next];
    m.at += 1;
  }
}

describe('the sandbox history', () => {
  for (const s of SCENARIOS) {
    it(`should match the model step by step, undo all back to the document, redo all to the last state (${s.id})`, () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: s.documents.length - 1 }),
          fc.array(actionArb(s), { maxLength: 40 }),
          (d, actions) => {
            let real = openSandbox(s, s.documents[d]!.id);
            const model: Model = { states: [[...real.base]], at: 0 };
            for (const a of actions) {
              modelStep(s, model, real, a);
              real = sandboxReducer(s, real, a);
              expect(currentPackage(real)).toEqual(model.states[model.at]);
              expect(real.history.past.length).toBe(model.at);
              expect(real.history.future.length).toBe(model.states.length - 1 - model.at);
            }
            while (real.history.past.length) real = sandboxReducer(s, real, { type: 'undo' });
            expect(currentPackage(real)).toEqual(Array.from(s.documents[d]!.package));
            while (real.history.future.length) real = sandboxReducer(s, real, { type: 'redo' });
            expect(currentPackage(real)).toEqual(model.states.at(-1));
          },
        ),
        { numRuns: 60 },
      );
    });
  }

  it('should keep the redo stack through a change that changes nothing', () => {
    const s = SCENARIOS[0]!;
    let st = openSandbox(s, s.documents[0]!.id);
    st = sandboxReducer(s, st, { type: 'step-option', delta: -1 });
    st = sandboxReducer(s, st, { type: 'undo' });
    const same = sandboxReducer(s, st, { type: 'set-option', issue: 0, option: st.base[0]! });
    expect(same.history).toBe(st.history);
    expect(same.history.future).toHaveLength(1);
  });
});

describe('the app state', () => {
  it('should go back along the screens it came through, closing an overlay first', () => {
    const s = SCENARIOS[0]!;
    let st = initialState(s);
    st = appReducer(st, { type: 'open-document', document: s.documents[1]!.id });
    st = appReducer(st, { type: 'go', screen: 'analysis' });
    st = appReducer(st, { type: 'overlay', overlay: 'help' });
    expect([st.screen, st.overlay]).toEqual(['analysis', 'help']);
    st = appReducer(st, { type: 'back' });
    expect([st.screen, st.overlay]).toEqual(['analysis', null]);
    st = appReducer(st, { type: 'back' });
    expect(st.screen).toBe('sandbox');
    st = appReducer(st, { type: 'back' });
    expect(st.screen).toBe('overview');
    expect(appReducer(st, { type: 'back' })).toBe(st);
  });

  it('should keep the sandbox and its history when the same document is opened again', () => {
    const s = SCENARIOS[0]!;
    let st = appReducer(initialState(s), { type: 'open-document', document: s.documents[0]!.id });
    st = appReducer(st, { type: 'sandbox', action: { type: 'step-option', delta: -1 } });
    st = appReducer(st, { type: 'back' });
    st = appReducer(st, { type: 'open-document', document: s.documents[0]!.id });
    expect(st.sandbox!.history.past).toHaveLength(1);
    st = appReducer(st, { type: 'back' });
    st = appReducer(st, { type: 'open-document', document: s.documents[1]!.id });
    expect(st.sandbox!.history.past).toHaveLength(0);
  });
});
