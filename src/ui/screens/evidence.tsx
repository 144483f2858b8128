// The evidence: for each tabled document, every actor's verdict as the record settles it, as the ranges alone
// settle it, or as only the modeller's numbers decide it; and the smallest sets of readings and assumptions whose
// reversal would flip it (`peacesim calibrate` and `peacesim hinges` in one view), under the default run's outcome and what it
// rests on. ↑↓ choose a document.
import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import { loadLp } from '../../analysis/lp.ts';
import { peopleAtTheTable } from '../../engine/game.ts';
import type { RestsOnSection } from '../../report/evidence.ts';
import { restsOnFor } from '../../report/evidence-of.ts';
import { cells } from '../../report/format.ts';
import { consentAside, unconfirmedFlag } from '../../report/words.ts';
import { Heading, PaneTitle } from '../components/heading.tsx';
import { ScrollBox } from '../components/scroll-box.tsx';
import { Wrapped, wrappedHeight } from '../components/wrapped.tsx';
import { useKeys } from '../hooks/use-keys.ts';
import { whichKey } from '../key-binding.ts';
import { EVIDENCE_KEYS } from '../keys.ts';
import { fitLabels, type Span, windowStart, wrapSpans } from '../layout.ts';
import { type EvidenceView, evidenceView, flipsHead, restsOnLine } from '../state/evidence.ts';
import { GLYPH, useTheme } from '../theme.ts';
import { shortName, signedGap } from '../words.ts';
import type { ScreenProps } from './types.ts';

type Loaded =
  | { readonly view: EvidenceView; readonly restsOn: RestsOnSection }
  | { readonly error: string }
  | null;

/** The view, computed once per scenario after the first frame (the LP solver loads asynchronously). */
function useEvidence(scenario: ScreenProps['state']['scenario']): Loaded {
  const [loaded, setLoaded] = useState<Loaded>(null);
  useEffect(() => {
    let live = true;
    setLoaded(null);
    // the default run and what its outcome rests on: `peacesim show`'s section, one run per labelled choice
    Promise.all([loadLp(), restsOnFor(scenario, {}, [], peopleAtTheTable(scenario, {}).length > 0)])
      .then(([lp, restsOn]) => live && setLoaded({ view: evidenceView(lp, scenario), restsOn }))
      .catch((e: Error) => live && setLoaded({ error: e.message }));
    return () => {
      live = false;
    };
  }, [scenario]);
  return loaded;
}

export function EvidenceScreen({ state, width, height, active }: ScreenProps) {
  const theme = useTheme();
  const loaded = useEvidence(state.scenario);
  const [row, setRow] = useState(0);
  const docs = loaded && 'view' in loaded ? loaded.view.documents : [];
  useKeys((input, key) => {
    const id = whichKey(EVIDENCE_KEYS, input, key);
    if (id === 'up') setRow((r) => Math.max(0, r - 1));
    else if (id === 'down') setRow((r) => Math.min(Math.max(0, docs.length - 1), r + 1));
  }, active);

  const head = <Heading title="Evidence" right={state.scenario.title} width={width} />;
  if (!loaded || 'error' in loaded)
    return (
      <Box flexDirection="column" width={width} height={height}>
        {head}
        <Text dimColor>{loaded ? `cannot weigh the record: ${loaded.error}` : 'weighing the record…'}</Text>
      </Box>
    );
  const { view } = loaded;
  // the summary and what the default run rests on, whole: a count or a mark past the edge or the second line would
  // be lost
  const summary = [{ text: view.summary, dim: true }];
  const restsOn = [{ text: restsOnLine(loaded.restsOn) }];
  const summaryRows = wrappedHeight(summary, width);
  const restsRows = wrappedHeight(restsOn, width);
  const top = 3 + summaryRows + restsRows;
  const listRows = Math.max(3, Math.min(docs.length, Math.floor((height - top) / 3)));
  const start = windowStart(row, docs.length, listRows);
  const doc = docs[row];
  // a title its row cuts (pointer, date and counts take 25 columns) reads whole between the list and the detail,
  // in place of the blank row that parts them
  const whole: Span[] | null =
    doc && cells(doc.title) > width - 25 ? [{ text: doc.title, bold: true }] : null;
  // a row cuts a long title before its flag, never the flag: "(unconfirmed)" says what the row's counts rest on
  const shown = docs.map((d) => state.scenario.documents.find((x) => x.id === d.id));
  const rowTitles = fitLabels(
    docs.map((d, k) => shown[k]?.title ?? d.title),
    width - 25,
    shown.map((x) => unconfirmedFlag(x?.confirmed ?? true)),
  );
  const gapRows = whole ? wrappedHeight(whole, width) : 1;
  const detail = Math.max(2, height - top - listRows - gapRows);
  const verdictColor = (v: string) =>
    v === 'accepts' ? theme.accept : v === 'rejects' ? theme.reject : theme.warn;
  // what flips the selected document: its agreement first, then each actor's verdict
  const flips: Span[][] = [];
  if (doc) {
    const add = (head: string, sets: readonly string[]) => {
      if (!sets.length) return;
      flips.push(...wrapSpans([{ text: head, bold: true }], width));
      for (const s of sets) flips.push(...wrapSpans([{ text: `  ${GLYPH.bullet} ${s}` }], width));
    };
    add(doc.agreement ? 'No agreement if:' : 'An agreement if:', doc.agreementFlips);
    for (const r of doc.rows) add(flipsHead(r), r.flips);
  }
  const nameWidth = Math.min(24, Math.max(10, Math.floor(width * 0.28)));
  // an actor's name wider than its column goes on under itself, whole ("Coalition of the" / "willing"): the
  // verdict and its margin beside it keep their columns
  const nameSpans = (name: string): Span[] => [{ text: shortName(name) }];
  // under what settles the verdict and its margin (wrapped whole, settledLines), for an actor whose consent the text does not
  // need, show's words for it, whole on as many rows as they take beside the name
  const restWidth = Math.max(1, width - nameWidth - 1 - 9);
  const needless: Span[] = [{ text: consentAside(false).trim(), dim: true }];
  const nameRows = doc
    ? doc.rows.map((r) =>
        Math.max(
          wrappedHeight(nameSpans(r.name), nameWidth),
          settledLines(r, restWidth).length + (r.required ? 0 : wrappedHeight(needless, restWidth)),
        ),
      )
    : [];
  let rowsShown = 0;
  let rowLines = 0;
  while (rowsShown < nameRows.length && rowLines + nameRows[rowsShown]! <= detail)
    rowLines += nameRows[rowsShown++]!;
  const flipRows = Math.max(0, detail - rowLines - 1);

  return (
    <Box flexDirection="column" width={width} height={height}>
      {head}
      <Wrapped spans={summary} width={width} />
      <Wrapped spans={restsOn} width={width} />
      <PaneTitle title="Documents" note={`${docs.length} · settled / depends on the ranges`} active />
      <Box flexDirection="column" height={listRows} flexShrink={0}>
        {docs.slice(start, start + listRows).map((d, k) => {
          const at = start + k === row;
          return (
            <Box key={d.id} width={width}>
              <Box width={2} flexShrink={0}>
                <Text color={theme.accent} bold>
                  {at ? GLYPH.pointer : ' '}
                </Text>
              </Box>
              <Box width={11} flexShrink={0}>
                <Text dimColor>{d.date}</Text>
              </Box>
              <Box flexGrow={1} flexShrink={1}>
                <Text wrap="truncate-end" bold={at}>
                  {rowTitles[start + k] ?? d.title}
                </Text>
              </Box>
              <Box width={12} flexShrink={0} justifyContent="flex-end">
                <Text>
                  <Text color={theme.accept}>{d.settled}</Text>
                  <Text dimColor> / </Text>
                  <Text color={d.depends ? theme.warn : undefined} dimColor={!d.depends}>
                    {d.depends}
                  </Text>
                </Text>
              </Box>
            </Box>
          );
        })}
      </Box>
      {whole ? <Wrapped spans={whole} width={width} /> : <Text> </Text>}
      {doc ? (
        <Box flexDirection="column" width={width} height={detail} flexShrink={0}>
          {doc.rows.slice(0, rowsShown).map((r) => (
            <Box key={r.actor} width={width}>
              <Box width={nameWidth} flexShrink={0} marginRight={1}>
                <Wrapped spans={nameSpans(r.name)} width={nameWidth} />
              </Box>
              <Box width={9} flexShrink={0}>
                <Text color={verdictColor(r.verdict)}>{r.verdict}</Text>
              </Box>
              <Box flexGrow={1} flexShrink={1} flexDirection="column">
                {settledLines(r, restWidth).map((line, k) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: wrapped lines have no identity but their place
                  <Text key={k} dimColor>
                    {line}
                  </Text>
                ))}
                {r.required ? null : <Wrapped spans={needless} width={restWidth} />}
              </Box>
            </Box>
          ))}
          {flipRows > 0 ? (
            <Box flexDirection="column" marginTop={1} height={flipRows} flexShrink={0}>
              {flips.length ? (
                // every set whole (each rests on its marked readings and assumptions): pgup/pgdn scroll them
                <ScrollBox key={doc.id} height={flipRows} width={width} active={active} pagesOnly>
                  {flips.map((line, k) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: wrapped lines have no identity but their place
                    <Text key={k} wrap="truncate-end">
                      {line.map((sp, j) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: spans have no identity but their place
                        <Text key={j} bold={sp.bold}>
                          {sp.text}
                        </Text>
                      ))}
                    </Text>
                  ))}
                </ScrollBox>
              ) : (
                <Text dimColor>
                  No set of up to 3 readings or assumptions flips a verdict of this document.
                </Text>
              )}
            </Box>
          ) : null}
        </Box>
      ) : (
        <Text dimColor>No tabled documents.</Text>
      )}
    </Box>
  );
}

/**
 * What settles a verdict and its margin, wrapped whole: a cut lost the basis mark of the red line that settles it
 * ("by a red line [assumption]") or what qualifies the scenario's numbers ("(given without a range)"). The margin's
 * two ends stay together, on the last line or the next.
 */
function settledLines(
  r: { readonly settledBy: string; readonly margin: readonly [number, number] },
  width: number,
) {
  const lines = wrapSpans([{ text: `by ${r.settledBy}` }], width).map((l) => l.map((x) => x.text).join(''));
  const margin = `margin ${signedGap(r.margin[0])} … ${signedGap(r.margin[1])}`;
  const last = lines.at(-1) ?? '';
  if (cells(`${last} · ${margin}`) <= width) lines[lines.length - 1] = `${last} · ${margin}`;
  else lines.push(`· ${margin}`);
  return lines;
}
