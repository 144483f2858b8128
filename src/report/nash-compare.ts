// The last text of a run against the scenario's Nash solution (over the packages every required actor accepts,
// under the scenario as written): each actor's utility of both, and the terms that differ.
import { analyzeAcceptable } from '../analysis/acceptable.ts';
import { PeacesimError } from '../domain/errors.ts';
import { evaluatePackage } from '../domain/evaluate.ts';
import type { Scenario } from '../domain/types.ts';
import { statusQuoPackage, utility } from '../domain/utility.ts';
import { packageOf, type TermSheet, termSheet } from '../engine/terms.ts';
import type { Comparison, TermLine } from './after-action-model.ts';
import { optionLabel } from './format.ts';

export function termLines(scenario: Scenario, sheet: TermSheet): TermLine[] {
  return scenario.issues
    .filter(
      (x) =>
        sheet[x.id] !== undefined &&
        optionLabel(scenario, x.id, sheet[x.id]!) !== x.options[x.statusQuo]!.label,
    )
    .map((x) => ({ issue: x.id, label: x.label, value: optionLabel(scenario, x.id, sheet[x.id]!) }));
}

export function compareWithNash(scenario: Scenario, sheet: TermSheet | null): Comparison {
  if (!sheet) return { kind: 'none', reason: 'No text was tabled, so there is nothing to compare.' };
  let analysis: ReturnType<typeof analyzeAcceptable>;
  try {
    analysis = analyzeAcceptable(scenario);
  } catch (e) {
    if (e instanceof PeacesimError)
      return { kind: 'none', reason: `The Nash solution could not be computed: ${e.message}` };
    throw e;
  }
  const nash = analysis.solutions.nash;
  if (!nash)
    return {
      kind: 'none',
      noPackage: true,
      reason:
        'No package is acceptable to every actor whose consent it needs under the scenario as written, so there is no Nash solution to compare with.',
    };
  const pkg = packageOf(scenario, sheet, statusQuoPackage(scenario));
  const nashSheet = termSheet(scenario, nash.pkg);
  return {
    kind: 'nash',
    exact: analysis.exactSolutions.nash,
    utilities: scenario.actors.map((a) => ({
      actor: a.id,
      text: utility(a, scenario.offsets, pkg),
      nash: utility(a, scenario.offsets, nash.pkg),
    })),
    differ: scenario.issues
      .filter((x) => pkg[x.index] !== nash.pkg[x.index])
      .map((x) => ({
        issue: x.id,
        label: x.label,
        text: optionLabel(scenario, x.id, sheet[x.id]!),
        nash: optionLabel(scenario, x.id, nashSheet[x.id]!),
      })),
    textIsAgreement: evaluatePackage(scenario, pkg).agreement,
  };
}

/** What the comparison says, in a paragraph; `agreed`: the text compared was signed. */
export function comparisonIntro(c: Comparison, agreed: boolean): string {
  const which = agreed ? 'the agreed text' : 'the last text on the table';
  if (c.kind === 'none') return c.reason;
  return `The Nash solution maximises the product of the parties' gains over no deal among the packages every required actor accepts (under the scenario as written${c.exact ? '' : '; an approximation within the analysis budget'}). ${c.differ.length ? `It differs from ${which} on ${c.differ.length} term${c.differ.length === 1 ? '' : 's'}` : `It is ${which} itself`}. Under the scenario's values of no deal and red lines as written, ${which} ${c.textIsAgreement ? 'would be' : 'would not be'} an agreement.`;
}
