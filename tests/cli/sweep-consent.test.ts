// sweep in words against its own --json: "agreement in N% of samples" names what decides it — an actor whose
// consent the text does not need is marked so (its 0% blocks nothing: the US on Russia's Alaska asks), and a rule
// the document breaks, which blocks every sample whoever accepts, is named under the title. Before, neither was in
// the text nor in --json, and a reader took any 0% for a blocker.
import { describe, expect, it } from 'vitest';
import { violationText } from '../../src/cli/red-line-items.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { cliOk as cli } from '../cli-in-process.ts';

interface ActorSweep {
  readonly actor: string;
  readonly required: boolean;
  readonly acceptRate: number;
}
interface DocumentSweep {
  readonly id: string;
  readonly agreementRate: number;
  readonly rulesBroken: readonly Parameters<typeof violationText>[0][];
  readonly actors: readonly ActorSweep[];
}

const NEEDLESS = '(consent not needed: the text moves none of its issues)';
const flat = (t: string) => t.replace(/\s+/g, ' ');

describe('sweep, who must accept and the rules broken', () => {
  for (const id of ['ukraine-peace', 'security-triangle', 'tutorial-bilateral'])
    it(`should mark each actor whose consent is not needed and name each rule broken, as --json has them: ${id}`, async () => {
      const s = loadScenarioFile(`scenarios/${id}.yaml`);
      const json = JSON.parse(await cli('sweep', id, '-n', '40', '--json'));
      const text = flat(await cli('sweep', id, '-n', '40'));
      const docs = json.documents as DocumentSweep[];
      // each document's section of the text: from its title to the next document's
      // a text the record does not settle is flagged after its title
      const titles = docs.map((d) => {
        const doc = s.documents.find((x) => x.id === d.id)!;
        return flat(`${doc.title}${doc.confirmed ? '' : ' (unconfirmed)'}`);
      });
      const sections = titles.map((t, k) => {
        const from = text.indexOf(`${t} agreement in`);
        expect(from, t).toBeGreaterThanOrEqual(0);
        const next =
          k + 1 < titles.length ? text.indexOf(`${titles[k + 1]} agreement in`, from) : text.length;
        return text.slice(from, next);
      });
      let needless = 0;
      docs.forEach((d, k) => {
        const section = sections[k]!;
        for (const x of d.rulesBroken) expect(section).toContain(flat(`breaks a rule: ${violationText(x)}`));
        expect(section.split('breaks a rule:').length - 1).toBe(d.rulesBroken.length);
        expect(section.split(NEEDLESS).length - 1, d.id).toBe(d.actors.filter((a) => !a.required).length);
        needless += d.actors.filter((a) => !a.required).length;
        // what the marks say holds of the numbers: a rule broken, or a required actor that never accepts, leaves
        // no agreement; no agreement is likelier than its least willing required actor
        const required = d.actors.filter((a) => a.required);
        if (d.rulesBroken.length || required.some((a) => a.acceptRate === 0)) expect(d.agreementRate).toBe(0);
        expect(d.agreementRate).toBeLessThanOrEqual(Math.min(...required.map((a) => a.acceptRate)));
      });
      if (id === 'ukraine-peace') expect(needless).toBeGreaterThan(0);
    });
});
