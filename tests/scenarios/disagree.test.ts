// The worked example of docs/scenarios.md, "Disagree with this model": a scenario of one's own that includes the
// default and reverses one stated position, run end to end. What it shows is what the default's stalemate rests on.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countFeasible } from '../../src/analysis/feasibility.ts';
import { missingBasis } from '../../src/scenario/audit.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { cli, ROOT } from '../helpers.ts';

const example = loadScenarioFile(resolve(ROOT, 'docs/examples/my-referendum-truce.yaml'));
const main = loadScenarioFile(resolve(ROOT, 'scenarios/ukraine-peace.yaml'));

describe('docs/examples/my-referendum-truce.yaml', () => {
  it('changes only the one red line and the one value it says it changes', () => {
    const russia = (s: typeof main) => s.actors[s.actorIndex.get('russia')!]!;
    expect(russia(main).redLines.map((r) => r.id)).toContain('no-ceasefire-for-referendum');
    expect(russia(example).redLines.map((r) => r.id)).not.toContain('no-ceasefire-for-referendum');
    expect(example.issues.map((i) => i.id)).toEqual(main.issues.map((i) => i.id));
    expect(example.documents.map((d) => d.id)).toEqual(main.documents.map((d) => d.id));
    // its own change carries its basis, like everything it inherits
    expect(missingBasis(example)).toEqual([]);
    const ceasefire = russia(example).preferences[example.issueIndex.get('ceasefire')!]!;
    expect(ceasefire.basis).toBe('assumption');
  });

  it('opens a zone of agreement the default does not have, and the documented command signs it', () => {
    expect(countFeasible(main)).toBe(0);
    expect(countFeasible(example)).toBeGreaterThan(0);
    const outcome = (file: string) => {
      const r = cli(['run', file, '--json']);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout).outcome;
    };
    expect(outcome('docs/examples/my-referendum-truce.yaml')).toBe('signed');
    expect(outcome('ukraine-peace')).toBe('stalemate');
  });
});
