// The fixed words of a briefing card, the same in markdown and HTML: the key to its marks, the note on a text judged
// by the positions of its own date, and the words of an item stated only after the card's date.
import { BASIS_LEGEND } from '../domain/basis.ts';
import type { BeforeRecordMark, BriefingCard } from './briefing.ts';

/** The card's key to its marks: an unmarked item is stated, which a player cannot guess; each flag it shows. */
export function cardLegend(card: Pick<BriefingCard, 'redLines' | 'documents' | 'others'>): string {
  const lines = [
    ...card.redLines,
    ...card.documents.flatMap((d) => d.violations),
    ...card.others.flatMap((o) => o.redLines),
  ];
  const unsettled = lines.some((c) => !c.confirmed && !c.recall) || card.documents.some((d) => !d.confirmed);
  const flags = [
    ...(unsettled ? ['UNCONFIRMED: the record does not settle it'] : []),
    ...(lines.some((c) => c.recall) ? ['RECALL: commonly reported, not verified'] : []),
  ];
  return `Marks: ${BASIS_LEGEND}${flags.length ? ` · ${flags.join(' · ')}` : ''}.`;
}

/**
 * A document judged by the positions of its own date, which differ from the card's: said next to its date, or a red
 * line it crosses that is no longer among the card's reads as one the actor holds now ("judged by your positions
 * on its date: Before the 20-point text, Kyiv's red line in its earlier words").
 */
export function judgedByWords(labels: readonly string[]): string {
  return `judged by your positions on its date: ${labels.join('; ')}`;
}

/** The heading of the card's list of reasons. */
export const STATED_LATER = 'Stated only later';

/** The words of a mark, the same in markdown and HTML: "on the record only from 2024-06-14 (s52), …". */
export function statedLaterWords(mark: BeforeRecordMark, date: string): string {
  const from = mark.earliest
    ? `on the record only from ${mark.earliest.date} (${mark.earliest.source}), after this card's date (${date})`
    : `its sources carry no date, so nothing puts it on the record by this card's date (${date})`;
  return `${from}: ${mark.reason === undefined ? 'applied here with no reason given' : `applied here for reason ${mark.reason} under ${STATED_LATER}`}`;
}

/** The opening of the card's list of reasons. */
export const statedLaterIntro = (date: string) =>
  `Some items above rest on sources dated after ${date}, the date this card's positions are those of. The scenario applies them here for these reasons:`;
