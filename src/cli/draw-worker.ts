// The worker thread of the draw pool (tinypool): the scenario arrives once per worker (workerData), each task is a
// chunk of draws. The scenario's shared structures (the constraint diagram, the plan) are then built once per
// worker, not once per chunk.
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { workerData } from 'node:worker_threads';
import type { Scenario } from '../domain/types.ts';
import { answerChunk, type ChunkAnswer, type DrawTask, WARM_UP } from './draw-work.ts';

// tinypool hands each worker [its own data, the pool's workerData]
const scenario = (workerData as [unknown, { scenario: Scenario }])[1].scenario;

export default async function drawChunk(task: DrawTask | typeof WARM_UP): Promise<ChunkAnswer | null> {
  // loading this module loaded the engine and received the scenario: the thread is ready
  if (task === WARM_UP) return null;
  // The thread holds two chunks at once, and tinypool starts both in one turn of the event loop: computing at once
  // would hold the first chunk's answer back until the second was done too, and leave the thread idle until the
  // main thread read both. Waiting one turn lets each answer go as soon as its chunk is done.
  await yieldToEvents();
  return answerChunk(scenario, task);
}
