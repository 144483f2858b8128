// The wall clock for the per-turn time box, ticking once a second while `running`. Only the UI reads the time:
// it is never in a session file or in the engine, so sessions stay deterministic.
import { useEffect, useState } from 'react';

export type Clock = () => number;

export const WALL_CLOCK: Clock = () => Date.now();

export function useNow(running: boolean, clock: Clock = WALL_CLOCK): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    if (!running) return;
    setNow(clock());
    const timer = setInterval(() => setNow(clock()), 1000);
    return () => clearInterval(timer);
  }, [running, clock]);
  return now;
}

/** "4:05": minutes and seconds. */
export function minutesSeconds(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
