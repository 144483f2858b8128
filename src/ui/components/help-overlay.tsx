// Every key, for the screen you are on first, then the others (↑/↓ scroll when it does not fit).
import { Box, Text } from 'ink';
import type { KeyBinding } from '../key-binding.ts';
import { GLOBAL_KEYS, KEY_TABLES, type KeyContext } from '../keys.ts';
import { useTheme } from '../theme.ts';
import { ScrollBox } from './scroll-box.tsx';
import { Wrapped } from './wrapped.tsx';

const TITLES: Readonly<Record<KeyContext, string>> = {
  overview: 'Overview — the scenario and its documents',
  summary: "The scenario's summary whole (i on the overview)",
  sandbox: 'Sandbox — the term sheet',
  issue: 'An issue explained (i in the sandbox)',
  analysis: 'Analysis (a)',
  evidence: 'Evidence — what the record settles and what flips each verdict (e)',
  picker: 'Pick a scenario (s)',
  setup: 'Play — the setup of a session (p)',
  play: 'Play — the facilitator running the session',
  turn: "Play — a team's private briefing",
  terms: 'Play — a proposal: the term editor',
  outcome: 'Play — the outcome',
  prompt: 'Play — the inject list',
  asks: 'Play — a rejection: the issues to change',
  file: 'Play — a file name (save, fork, report)',
  timeline: 'Timeline (t) — every document by date',
  help: 'This help',
};

const MARKS: readonly (readonly [string, string])[] = [
  ['✓ ✗', 'accepts or rejects (a document: is, or is not, an agreement)'],
  ['█░┃', "an actor's utility from 0 to 1; ┃ marks what no deal is worth to it (its reservation)"],
  [
    '•',
    "a term changed: from the document as tabled (sandbox, editor); from the status quo (a session's end)",
  ],
  ['‹ ›', 'the selected term: ← and → change it'],
  [
    'red line',
    "a hard limit: a package that breaks it is rejected whatever else it offers (its text is the scenario's summary of the position, not a quotation)",
  ],
  ['not needed', 'the package moves nothing this actor controls, so its consent is not required'],
  ['(unconfirmed)', 'the record does not settle this item; see peacesim sources'],
  ['[reading]', 'an inference from the sources, not their words'],
  ['[assumption]', "the modeller's assumption (unmarked items are stated by an actor)"],
  [
    '[s52, …]',
    'the keys of its sources: peacesim sources SCENARIO --key s52 says what each is and where to find it',
  ],
  ['⏱', "play: the team's clock on this turn; red past the time box (it never moves for the team)"],
];

const ORDER: readonly KeyContext[] = [
  'overview',
  'summary',
  'sandbox',
  'issue',
  'analysis',
  'picker',
  'setup',
  'play',
  'turn',
  'terms',
  'outcome',
  'prompt',
  'asks',
  'file',
  'timeline',
  'help',
];

function Section({ title, table, width }: { title: string; table: readonly KeyBinding[]; width: number }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" width={width} marginBottom={1} flexShrink={0}>
      <Text bold color={theme.accent}>
        {title}
      </Text>
      {table.map((b) => (
        <Box key={b.id} width={width}>
          <Box width={16} flexShrink={0} paddingLeft={2}>
            <Text bold>{b.keys}</Text>
          </Box>
          <Wrapped spans={[{ text: b.does }]} width={width - 16} />
        </Box>
      ))}
    </Box>
  );
}

export function HelpOverlay({
  context,
  width,
  height,
}: {
  context: KeyContext;
  width: number;
  height: number;
}) {
  const others = ORDER.filter((c) => c !== context);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>Keys</Text>
      <Text dimColor>? or esc closes this help</Text>
      <Text> </Text>
      <ScrollBox height={height - 3} width={width} active>
        <Section title={TITLES[context]} table={KEY_TABLES[context]} width={width} />
        <Box flexDirection="column" width={width} marginBottom={1} flexShrink={0}>
          <Text bold>What the marks mean</Text>
          {MARKS.map(([mark, means]) => (
            <Box key={mark} width={width}>
              <Box width={16} flexShrink={0} paddingLeft={2}>
                <Text bold>{mark}</Text>
              </Box>
              <Wrapped spans={[{ text: means }]} width={width - 16} />
            </Box>
          ))}
        </Box>
        <Section title="Everywhere" table={GLOBAL_KEYS} width={width} />
        {others.map((c) => (
          <Section key={c} title={TITLES[c]} table={KEY_TABLES[c]} width={width} />
        ))}
      </ScrollBox>
    </Box>
  );
}
