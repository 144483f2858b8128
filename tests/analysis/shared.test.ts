// The front of the caches: the same inputs (objects by identity, numbers by value) give back the value built for
// them, other inputs a new one, and an owner keeps only its latest values.
import { describe, expect, it } from 'vitest';
import { sameInputs } from '../../src/analysis/shared.ts';

describe('sameInputs', () => {
  it('should give the value built for the same objects and numbers, and build anew for any other', () => {
    const owner = {};
    const a = [1];
    const b = [1];
    let built = 0;
    const get = (inputs: unknown[]) => sameInputs(owner, 'test', inputs, () => ({ n: ++built }));
    const first = get([a, 0.5]);
    expect(get([a, 0.5])).toBe(first);
    expect(get([b, 0.5])).not.toBe(first); // an equal array is another input
    expect(get([a, 0.25])).not.toBe(first);
    expect(get([a])).not.toBe(first);
    expect(sameInputs(owner, 'other', [a, 0.5], () => ({ n: ++built }))).not.toBe(first);
    expect(sameInputs({}, 'test', [a, 0.5], () => ({ n: ++built }))).not.toBe(first);
    expect(built).toBe(6);
  });

  it('should keep an owner’s latest values only, the oldest going first', () => {
    const owner = {};
    const keys = Array.from({ length: 40 }, () => ({}));
    const values = keys.map((k) => sameInputs(owner, 'test', [k], () => ({})));
    // the latest 32 are found again (finding changes nothing), the first 8 are built anew
    for (let i = 8; i < 40; i++) expect(sameInputs(owner, 'test', [keys[i]], () => ({}))).toBe(values[i]);
    for (let i = 0; i < 8; i++) expect(sameInputs(owner, 'test', [keys[i]], () => 'new')).toBe('new');
  });
});
