// The durability estimate in plain words, shared by analyze, whatif, show and the after-action report. Every
// number in it is an assumption of the scenario file, so every wording says so and none reads as a forecast.
import { n2, shift2 } from './format.ts';

/** What every output needs of an estimate (the domain's DurabilityEstimate and the transcript's note fit). */
export interface DurabilityLike {
  readonly value: number;
  readonly base: number;
  readonly factors: readonly { readonly id: string; readonly shift: number; readonly holds: boolean }[];
}

export const DURABILITY_CAVEAT = 'an assumption of the scenario, not a forecast';

/** The factors that move the estimate: their condition holds and their shift is not zero. */
export function movingFactors<F extends DurabilityLike['factors'][number]>(factors: readonly F[]): F[] {
  return factors.filter((f) => f.holds && f.shift !== 0);
}

/** "base 0.50, guarantee-deters +0.10, monitoring +0.05" — ids by default, or the words `name` gives. */
export function durabilityTerms(d: DurabilityLike, name: (id: string) => string = (id) => id): string {
  return [
    `base ${n2(d.base)}`,
    ...movingFactors(d.factors).map((f) => `${name(f.id)} ${shift2(f.shift)}`),
  ].join(', ');
}
