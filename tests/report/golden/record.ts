// Records the frozen runs of the golden cases: `npx tsx tests/report/golden/record.ts`. Each case is played once
// on the frozen scenarios and its run state (transcript, round, state, whom it waits for) written to
// tests/fixtures/golden/runs/. Run it only to add a case: the goldens rest on these transcripts, not on today's
// engine. The painted outputs are then written by `npx vitest run tests/report/golden.test.ts -u`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createActor } from 'xstate';
import type { NegotiationEvent } from '../../../src/engine/events.ts';
import { replay } from '../../../src/engine/game.ts';
import { humanMoveError } from '../../../src/engine/human.ts';
import { createNegotiationMachine } from '../../../src/engine/machine.ts';
import { resolveOptions } from '../../../src/engine/options.ts';
import { runStateOf } from '../../../src/report/after-action.ts';
import { GOLDEN_CASES, type GoldenCase } from './cases.ts';
import { type FrozenRun, GOLDEN_DIR, goldenScenario } from './frozen.ts';

function play(c: GoldenCase): FrozenRun {
  const scenario = goldenScenario(c.scenario);
  const actor = createActor(createNegotiationMachine(scenario, c.options)).start();
  const sent: NegotiationEvent[] = [];
  const send = (e: NegotiationEvent) => {
    sent.push(e);
    actor.send(e);
  };
  const moves = [...(c.moves ?? [])];
  const fired = new Set<string>();
  let waitingFor: string | null = null;
  for (let guard = 0; guard < 10_000; guard++) {
    const snap = actor.getSnapshot();
    if (snap.status === 'done') break;
    if (snap.matches({ live: { running: 'tabling' } })) {
      const round = snap.context.round;
      for (const [k, p] of (c.injects ?? []).entries())
        if (p.round === round && !fired.has(`i${k}`)) {
          fired.add(`i${k}`);
          send({ type: 'INJECT', event: p.event });
        }
      for (const [k, a] of (c.adHoc ?? []).entries())
        if (a.round === round && !fired.has(`a${k}`)) {
          fired.add(`a${k}`);
          send({ type: 'INJECT', effect: a.effect, by: 'facilitator' } as NegotiationEvent);
        }
      if (actor.getSnapshot().status === 'done') break;
    }
    const waiting = actor.getSnapshot().context.awaiting[0];
    if (waiting) {
      const id = scenario.actors[waiting.actor]!.id;
      const k = moves.findIndex((m) => m.actor === id);
      if (k < 0) {
        waitingFor = id;
        break;
      }
      const move = moves.splice(k, 1)[0]!.move;
      const run = { scenario, options: resolveOptions(scenario, c.options) };
      const why = humanMoveError(run, actor.getSnapshot().context, id, move);
      if (why) throw new Error(`${c.name}, round ${actor.getSnapshot().context.round}: ${why}`);
      send({ type: 'HUMAN_MOVE', actor: id, move });
      continue;
    }
    send({ type: 'STEP' });
  }
  if (moves.length) throw new Error(`${c.name}: ${moves.length} moves left unused (a move was refused?)`);
  let snapshot = actor.getSnapshot();
  actor.stop();
  if (c.truncate !== undefined) {
    snapshot = replay(scenario, c.options, sent.slice(0, c.truncate)).snapshot;
    waitingFor = null;
  }
  return { case: c.name, run: runStateOf(scenario, snapshot), waitingFor };
}

mkdirSync(join(GOLDEN_DIR, 'runs'), { recursive: true });
for (const c of GOLDEN_CASES) {
  const frozen = play(c);
  const last = frozen.run.transcript.at(-1);
  console.log(`${c.name}: ${frozen.run.state}, round ${frozen.run.round}, last ${last?.kind}`);
  writeFileSync(join(GOLDEN_DIR, 'runs', `${c.name}.json`), `${JSON.stringify(frozen, null, 1)}\n`);
}
