// The play screen's outcome pane rendered alone, wide and tall enough to hold every row, in the mono theme: what
// the tests of its words read.
import { render } from 'ink-testing-library';
import type { Scenario } from '../../src/domain/types.ts';
import type { TranscriptEntry } from '../../src/engine/transcript.ts';
import { OutcomePane } from '../../src/ui/components/outcome-pane.tsx';
import type { outcomeOf } from '../../src/ui/state/play.ts';
import { MONO_THEME, ThemeContext } from '../../src/ui/theme.ts';

export function renderOutcome(
  scenario: Scenario,
  outcome: NonNullable<ReturnType<typeof outcomeOf>>,
  transcript: readonly TranscriptEntry[],
  numbers: boolean,
) {
  return render(
    <ThemeContext.Provider value={MONO_THEME}>
      <OutcomePane
        scenario={scenario}
        outcome={outcome}
        width={200}
        height={60}
        numbers={numbers}
        transcript={transcript}
      />
    </ThemeContext.Provider>,
  );
}
