// What a list shows in the rows it has (fitRows), and the row that stands for the part the private view folds away
// when the terminal is short: how many, and what among them the team must not miss unsaid — the red lines the text
// breaks, the items resting on less than a settled statement — with where to read them all.
import { Text } from 'ink';
import { basisMark } from '../../domain/basis.ts';
import type { BasisKind } from '../../domain/types.ts';
import { GLYPH } from '../theme.ts';

/** How many items of these heights fit in `rows`, keeping a row for "+N more" when some are cut. */
export function fitRows(
  heights: readonly number[],
  rows: number,
): { readonly shown: number; readonly more: number } {
  const total = heights.reduce((a, b) => a + b, 0);
  if (total <= rows) return { shown: heights.length, more: 0 };
  let used = 0;
  let shown = 0;
  while (shown < heights.length && used + heights[shown]! <= rows - 1) used += heights[shown++]!;
  return { shown, more: heights.length - shown };
}

/**
 * The marks of an item resting on less than a settled statement, in the words the card shows them: † applied before its
 * earliest source, [assumption], and the record's flags (a reading is a reading of statements: no weaker than they are).
 */
export function weakerMarks(
  basis: BasisKind,
  beforeRecord: boolean,
  provenance?: { readonly confirmed: boolean; readonly recall: boolean },
): string[] {
  return [
    ...(beforeRecord ? [GLYPH.before] : []),
    ...(basis === 'assumption' ? [basisMark(basis)] : []),
    ...(provenance?.recall ? ['recall'] : provenance && !provenance.confirmed ? ['unconfirmed'] : []),
  ];
}

/**
 * The words of the row that stands for the cut part of a list: how many, what must be said of them (`lead`: how many
 * are broken), how many carry a mark of a weaker basis and which marks (a marked item is never folded away unsaid),
 * and where to read them all; asides, then the names of the marks give way first when the row is too narrow:
 * "+3 more red lines (1 marked †, [assumption], unconfirmed; peacesim brief lists them all)".
 */
export function moreWords(
  what: string,
  hidden: readonly (readonly string[])[],
  { lead = [], asides = [] }: { lead?: readonly string[]; asides?: readonly string[] },
  width: number,
): string {
  const n = hidden.length;
  const marked = hidden.filter((m) => m.length).length;
  const marks = [...new Set(hidden.flat())];
  const head = `+${n} more ${what}${n > 1 ? 's' : ''}`;
  const count = n === 1 ? 'marked' : `${marked} marked`;
  const said = (parts: readonly string[]) => (parts.length ? `${head} (${parts.join('; ')})` : head);
  const tries = marked
    ? [
        said([...lead, ...asides, `${count} ${marks.join(', ')}`, 'peacesim brief lists them all']),
        said([...lead, ...asides, `${count} ${marks.join(' ')}`, 'see peacesim brief']),
        said([...lead, `${count} ${marks.join(' ')}`, 'see peacesim brief']),
        said([...lead, count, 'see peacesim brief']),
      ]
    : [said([...lead, ...asides, 'peacesim brief lists them all']), said([...lead, 'see peacesim brief'])];
  return tries.find((t) => t.length <= width) ?? said(marked ? [...lead, count] : lead);
}

/** How many of the red lines folded away the text breaks, said first on their row (none: nothing to say). */
export const brokenWords = (n: number) => (n ? [`${n} broken`] : []);

/**
 * What the issues folded away weigh against those shown: "lighter ones" only when every one of them is; an issue as
 * heavy as the last shown (weights tie often) is not lighter, and the list's order alone says none is heavier.
 */
export function lighterWords(issues: readonly { readonly weight: number }[], shown: number): string {
  const last = issues[shown - 1]?.weight;
  return last !== undefined && issues.slice(shown).every((e) => e.weight < last - 1e-9)
    ? 'lighter ones'
    : 'none heavier';
}

/** The row that stands for the part of a list that was cut. */
export function More({ text }: { text: string }) {
  return (
    <Text dimColor wrap="truncate-end">
      {'  '}
      {text}
    </Text>
  );
}
