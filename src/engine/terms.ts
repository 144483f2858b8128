// Term sheets — `{issueId: optionId | number}` — and the immer patches between them. Every change of text in the
// transcript carries its patches: replaying them from the first text's sheet rebuilds each text (the report's
// trajectories do, and so can any reader of `run --json`); the inverse patches take a text back to the one before.
import { applyPatches, enablePatches, type Patch, produceWithPatches } from 'immer';
import type { Scenario } from '../domain/types.ts';

enablePatches();

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

/** The option index a term value names on an issue, or −1. */
export function optionOf(scenario: Scenario, issue: number, value: TermValue): number {
  const x = scenario.issues[issue]!;
  return x.options.findIndex((o) => (x.kind === 'numeric' ? o.value === Number(value) : o.id === value));
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

/** The patches that turn the term sheet of `from` into that of `to`, and back. */
export function termPatches(scenario: Scenario, from: ArrayLike<number>, to: ArrayLike<number>): TermDiff {
  const [, patches, inverse] = produceWithPatches(termSheet(scenario, from), (draft) => {
    scenario.issues.forEach((x, i) => {
      if (from[i] !== to[i]) draft[x.id] = termValue(scenario, i, to[i]!);
    });
  });
  return { patches, inverse };
}

export function applyTermPatches(sheet: TermSheet, patches: readonly Patch[]): TermSheet {
  return applyPatches(sheet, patches as Patch[]);
}

interface TextEntry {
  readonly seq: number;
  readonly terms?: TermSheet;
  readonly patches?: readonly Patch[];
}

/**
 * The sheet after each text entry, memoised on the entry with the sheet it was patched from: entries are frozen
 * and shared by every later context of a run, so each run rebuilds each sheet once, not once per round.
 */
const sheetAfter = new WeakMap<object, { readonly before: TermSheet | null; readonly sheet: TermSheet }>();

/**
 * Every text a transcript put on the table, in order: its entry's seq and its term sheet, rebuilt from the patches.
 * The sheets are frozen and may be shared between calls.
 */
export function termHistory(transcript: readonly TextEntry[]): { seq: number; sheet: TermSheet }[] {
  const out: { seq: number; sheet: TermSheet }[] = [];
  let sheet: TermSheet | null = null;
  for (const e of transcript) {
    if (!e.patches) continue;
    const known = sheetAfter.get(e);
    if (known && known.before === sheet) sheet = known.sheet;
    else {
      const next: TermSheet = Object.freeze(
        e.terms ? { ...e.terms } : applyTermPatches(sheet ?? {}, e.patches),
      );
      if (Object.isFrozen(e)) sheetAfter.set(e, { before: sheet, sheet: next });
      sheet = next;
    }
    out.push({ seq: e.seq, sheet });
  }
  return out;
}
