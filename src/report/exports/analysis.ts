// What `peacesim analyze` exports: each table of the analysis as CSV, ids and the report's own numbers
// (docs/export.md); --json is the report itself.
import type { AnalysisReport, PackageTerms, SolutionReport } from '../../analysis/analyze.ts';
import { type AppliedBeforeRecord, appliedBeforeRecord } from '../../domain/on-record.ts';
import type { Scenario } from '../../domain/types.ts';
import { contestedTurns } from '../contested-terms.ts';
import { type Cell, joinIds, toCsv } from '../csv.ts';
import { verdictBasisCells, verdictBasisColumns } from './basis.ts';

/** The tables `--csv` offers, the first the default. */
export const ANALYSIS_CSV = ['frontier', 'zopa', 'documents', 'solutions', 'feasible'] as const;
export type AnalysisCsv = (typeof ANALYSIS_CSV)[number];

/** One table of the report as CSV: ids, not labels, and the report's own numbers (see docs/export.md). */
export function analysisCsv(s: Scenario, report: AnalysisReport, kind: AnalysisCsv): string {
  const actors = s.actors.map((a) => a.id);
  const issues = s.issues.map((x) => x.id);
  const us = actors.map((a) => `u_${a}`);
  const terms = (pkg: PackageTerms): Cell[] => issues.map((i) => pkg[i]);
  switch (kind) {
    case 'frontier':
      return toCsv(
        ['rank', 'exact', ...us, ...issues],
        report.pareto.points.map((p, k) => [
          k + 1,
          report.pareto.exact,
          ...actors.map((a) => p.utilities[a]),
          ...terms(p.package),
        ]),
      );
    case 'feasible':
      return toCsv(
        ['index', ...issues],
        report.feasible.packages.map((pkg, k) => [k + 1, ...terms(pkg)]),
      );
    case 'solutions': {
      const found = Object.entries(report.solutions).filter(
        (e): e is [string, SolutionReport] => e[1] !== null,
      );
      return toCsv(
        ['solution', 'objective', 'exact', 'durability', ...us, ...issues],
        found.map(([solution, x]) => [
          solution,
          x.objective,
          x.exact,
          x.durability?.value,
          ...actors.map((a) => x.utilities[a]),
          ...terms(x.package),
        ]),
      );
    }
    case 'zopa': {
      const rows: Cell[][] = [];
      for (const z of report.zopa) {
        const issue = s.issues[s.issueIndex.get(z.issue)!]!;
        for (const o of issue.options) {
          const v = issue.kind === 'numeric' ? o.value! : o.id;
          rows.push([
            issue.id,
            issue.label,
            v,
            o.label,
            z.parties.includes(v),
            ...actors.map((a) => z.byActor[a]!.includes(v)),
          ]);
        }
      }
      return toCsv(
        [
          'issue',
          'issue_label',
          'option',
          'option_label',
          'all_parties',
          ...actors.map((a) => `livable_${a}`),
        ],
        rows,
      );
    }
    case 'documents': {
      // each row's red lines applied before the record of its date, as show marks a document's verdict: found once
      // per date (every row of a document, and with --as-of every row, has the same)
      const early = new Map<string, readonly AppliedBeforeRecord[]>();
      const beforeRecord = (asOf: string, actor: string, redLines: readonly { redLine: string }[]) => {
        if (!early.has(asOf)) early.set(asOf, appliedBeforeRecord(s, asOf));
        const list = early.get(asOf)!;
        return joinIds(
          redLines
            .filter((r) => list.some((e) => e.actor === actor && e.kind === 'redLine' && e.id === r.redLine))
            .map((r) => r.redLine),
        );
      };
      return toCsv(
        [
          'document',
          'date',
          'tabled_by',
          'agreement',
          'rules_broken',
          'durability',
          'actor',
          'required',
          'accepts',
          'utility',
          'reservation',
          'margin',
          'red_lines',
          'costliest',
          ...verdictBasisColumns(),
          'red_lines_before_record',
          'contested_turns',
        ],
        report.documents.flatMap((d) =>
          actors.map((a) => {
            const v = d.verdicts[a]!;
            return [
              d.id,
              d.date,
              d.tabledBy,
              d.agreement,
              joinIds(d.ruleViolations.map((x) => x.redLine)),
              d.durability?.value,
              a,
              v.required,
              v.accepts,
              v.utility,
              v.reservation,
              v.margin,
              joinIds(v.violations.map((x) => x.redLine)),
              joinIds(v.costs.map((c) => c.issue)),
              ...verdictBasisCells(d.asOf, v.reservationBasis, v.violations),
              beforeRecord(d.asOf, a, v.violations),
              contestedTurns(d.contested, a),
            ];
          }),
        ),
      );
    }
  }
}
