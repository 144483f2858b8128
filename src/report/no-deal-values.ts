// Each actor's value of no deal as the scenario gives it, with its plausible range and its basis. A run's verdicts
// compare with these numbers ("less than no deal (0.580)"), so the run's header and the report's say once what
// they rest on, as `show` and the explorer say beside each actor.
import { basisMark } from '../domain/basis.ts';
import type { Actor, BasisKind } from '../domain/types.ts';
import { n3 } from './format.ts';

export interface NoDealValue {
  readonly value: number;
  /** the plausible range the scenario gives, or null when it gives none */
  readonly range: readonly [number, number] | null;
  readonly basis: BasisKind;
  readonly sources: readonly string[];
}

export function noDealValue(actor: Actor): NoDealValue {
  const r = actor.reservation;
  return { value: r.value, range: r.range ?? null, basis: r.basis, sources: r.sources };
}

/** "Russia: 0.580 (plausible range 0.400–0.720)", and its mark when `marked` (a stated value carries none). */
function noDealWords(name: string, v: NoDealValue, marked: boolean): string {
  const range = v.range ? ` (plausible range ${n3(v.range[0])}–${n3(v.range[1])})` : '';
  const mark = marked ? basisMark(v.basis) : '';
  return `${name}: ${n3(v.value)}${range}${mark ? ` ${mark}` : ''}`;
}

/**
 * Every actor's, in scenario order, for a header's list: "Russia: 0.580 (…); Ukraine: 0.500 (…) — each [assumption]"
 * when they share a basis, else each with its own mark.
 */
export function noDealLine(
  actors: readonly { readonly name: string; readonly noDeal: NoDealValue }[],
): string {
  const bases = new Set(actors.map((a) => a.noDeal.basis));
  const shared = bases.size === 1 ? actors[0]?.noDeal.basis : undefined;
  const list = actors.map((a) => noDealWords(a.name, a.noDeal, shared === undefined)).join('; ');
  const mark = shared === undefined ? '' : basisMark(shared);
  return mark ? `${list} — ${actors.length > 1 ? 'each ' : ''}${mark}` : list;
}
