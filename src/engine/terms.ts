// Term sheets — `{issueId: optionId | number}` — and the immer patches between them. Every change of text in the
// transcript carries its patches: replaying them from the first text's sheet rebuilds each text (the report's
// trajectories do, and so can any reader of `run --json`); the inverse patches take a text back to the one before.
import { enablePatches, Immer, type Patch } from 'immer';
import { optionOf } from '../domain/lookup.ts';
import type { Scenario } from '../domain/types.ts';
import { samePackage } from '../domain/utility.ts';

enablePatches();

/**
 * The sheets patched here are values of the moment (a text's patches are kept, frozen with their transcript
 * entry; `nextSheet` freezes the sheets it hands out), so immer need not walk and freeze each one it returns.
 */
const sheets = new Immer({ autoFreeze: false });

export type TermValue = string | number;
export type TermSheet = Record<string, TermValue>;

/** The value a term sheet writes for an option: the number of a numeric issue, else the option id. */
export function termValue(scenario: Scenario, issue: number, option: number): TermValue {
  const o = scenario.issues[issue]!.options[option]!;
  return o.value ?? o.id;
}

export function termSheet(scenario: Scenario, pkg: ArrayLike<number>): TermSheet {
  const out: TermSheet = {};
  scenario.issues.forEach((x, i) => {
    out[x.id] = termValue(scenario, i, pkg[i]!);
  });
  return out;
}

/** The package a term sheet describes (issues it leaves out stay as in `base`). */
export function packageOf(scenario: Scenario, sheet: TermSheet, base: ArrayLike<number>): number[] {
  return scenario.issues.map((x, i) => {
    const v = sheet[x.id];
    if (v === undefined) return base[i]!;
    const o = optionOf(scenario, i, v);
    return o < 0 ? base[i]! : o;
  });
}

export interface TermDiff {
  readonly patches: Patch[];
  readonly inverse: Patch[];
}

/**
 * The patches that turn the term sheet of `from` into that of `to`, and back: immer's patches (the format its
 * `applyPatches` replays), written directly. A sheet is one level of strings and numbers with every issue present,
 * so `produceWithPatches` would give, issue by issue in order, one `replace` for each term that changes and its
 * inverse — and through its proxy it cost a draw of `outcomes` 4% (docs/performance.md). tests/engine/terms.test.ts
 * holds the two equal over random packages.
 */
export function termPatches(scenario: Scenario, from: ArrayLike<number>, to: ArrayLike<number>): TermDiff {
  const patches: Patch[] = [];
  const inverse: Patch[] = [];
  // most revisions of an `outcomes` draw leave the text as it stands
  if (samePackage(from, to)) return { patches, inverse };
  scenario.issues.forEach((x, i) => {
    if (from[i] === to[i]) return;
    const before = termValue(scenario, i, from[i]!);
    const after = termValue(scenario, i, to[i]!);
    if (before === after) return; // immer records no change for a value written over itself
    patches.push({ op: 'replace', path: [x.id], value: after });
    inverse.push({ op: 'replace', path: [x.id], value: before });
  });
  return { patches, inverse };
}

export function applyTermPatches(sheet: TermSheet, patches: readonly Patch[]): TermSheet {
  return sheets.applyPatches(sheet, patches as Patch[]);
}

interface TextEntry {
  readonly terms?: TermSheet;
  readonly patches: readonly Patch[];
}

/**
 * The text a text entry puts on the table, as its term sheet: the full sheet the first text carries, or the sheet
 * before it patched (applying every entry's patches in order rebuilds every text). Frozen: it may be shared.
 */
export function nextSheet(before: TermSheet | null, e: TextEntry): TermSheet {
  // no patches: immer's produce would hand back the (frozen) sheet before as it is
  if (!e.terms && e.patches.length === 0 && before !== null) return Object.freeze(before);
  return Object.freeze(e.terms ? { ...e.terms } : applyTermPatches(before ?? {}, e.patches));
}
