import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('property seeds', () => {
  it('should run every property of npm test on one fixed seed unless FC_SEED asks for another', () => {
    const seed = fc.readConfigureGlobal().seed;
    if (process.env.FC_SEED === 'random') expect(seed).toBeUndefined();
    else expect(seed).toBe(process.env.FC_SEED === undefined ? 20261205 : Number(process.env.FC_SEED));
  });
});
