// An ad-hoc walk-out is told once in the report's timeline: by the walk-out line the engine logs, not again as the
// inject's effect (the inject's line then ends with a full stop, not a colon with nothing under it).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openScenario } from '../../src/cli/scenarios.ts';
import { nameAtStart } from '../../src/domain/actor-names.ts';
import { injectedBy } from '../../src/report/narration/phrases.ts';
import { cliOk } from '../cli-in-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'peacesim-walk-out-once-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an ad-hoc walk-out in the report', () => {
  const s = openScenario('ukraine-peace');
  // every actor that is not a party: a party's walk-out ends the talks at once, theirs leaves the talks going
  const others = s.actors.filter((a) => a.role !== 'party');

  it.each(others.map((a) => [a.id, nameAtStart(a)] as const))(
    'should tell the walk-out of %s once in its round',
    async (id, name) => {
      const file = join(dir, `${id}.session.json`);
      await cliOk('run', 'ukraine-peace', '--inject', `walk-out:${id}@2`, '--save', file);
      const md = await cliOk('report', file);
      // round 2 of the timeline, up to the next heading (a mediator's walk-out ends the talks: no round 3)
      const from = md.indexOf('### Round 2');
      expect(from).toBeGreaterThan(-1);
      const round2 = md.slice(from, md.indexOf('\n#', from + 1));
      const told = round2.split('\n').filter((l) => l.includes(`${name} walks out`));
      expect(told).toHaveLength(1);
      expect(round2).toContain(`- Inject ${injectedBy('analyst')}.\n- ${name} walks out`);
    },
  );
});
