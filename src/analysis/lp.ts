// Linear programs, solved by HiGHS compiled to WebAssembly (npm `highs`). Loading the solver is asynchronous
// (it instantiates the Wasm module once); every solve after that is synchronous and deterministic, so the
// analyses that use it stay pure functions of their inputs and the loaded solver.
import type { Highs, Model } from 'highs';

/** Rows and column bounds of a linear program; ±Infinity where a side is open. */
export interface LinearProgram {
  readonly cols: number;
  readonly colLower: readonly number[];
  readonly colUpper: readonly number[];
  readonly rows: readonly LpRow[];
}

export interface LpRow {
  /** dense coefficients, one per column */
  readonly coeffs: readonly number[];
  readonly lower: number;
  readonly upper: number;
}

type LpOutcome =
  | { readonly status: 'optimal'; readonly value: number; readonly x: Float64Array }
  | { readonly status: 'infeasible' | 'unbounded' };

/** A program loaded into the solver, optimised for as many objectives as needed, then disposed. */
export interface PreparedLp {
  optimize(objective: readonly number[], sense: 'min' | 'max'): LpOutcome;
  /** relax or tighten one row (±Infinity to switch a side off) */
  setRowBounds(row: number, lower: number, upper: number): void;
  setColBounds(col: number, lower: number, upper: number): void;
  dispose(): void;
}

export interface Lp {
  prepare(program: LinearProgram): PreparedLp;
}

let loading: Promise<Lp> | undefined;

/** The solver, loaded once per process. */
export function loadLp(): Promise<Lp> {
  // Node loads the package's ES module, whose default export is the loader; its one types file is written for
  // the CommonJS entry, so TypeScript sees the default one level deeper than it is
  loading ??= import('highs').then(async (m) => {
    const load = m.default as unknown as (options?: object) => Promise<Highs>;
    return lpOf(await load());
  });
  return loading;
}

function lpOf(highs: Highs): Lp {
  const inf = highs.infinity;
  const bound = (x: number) =>
    x === Number.POSITIVE_INFINITY ? inf : x === Number.NEGATIVE_INFINITY ? -inf : x;
  const { optimal, infeasible, unbounded, unboundedOrInfeasible } = highs.constants.modelStatus;
  return {
    prepare(p) {
      const starts = [0];
      const indices: number[] = [];
      const values: number[] = [];
      for (const row of p.rows) {
        row.coeffs.forEach((c, j) => {
          if (c !== 0) {
            indices.push(j);
            values.push(c);
          }
        });
        starts.push(indices.length);
      }
      const model: Model = highs.createModel({
        numCols: p.cols,
        numRows: p.rows.length,
        colCost: new Array<number>(p.cols).fill(0),
        colLower: p.colLower.map(bound),
        colUpper: p.colUpper.map(bound),
        rowLower: p.rows.map((r) => bound(r.lower)),
        rowUpper: p.rows.map((r) => bound(r.upper)),
        matrix: { format: 'csr', numRows: p.rows.length, numCols: p.cols, starts, indices, values },
      });
      // tight tolerances: the analyses tell a margin of 1e-7 from zero
      model.options.set({
        output_flag: false,
        presolve: 'off',
        primal_feasibility_tolerance: 1e-10,
        dual_feasibility_tolerance: 1e-10,
      });
      const all = { kind: 'range', from: 0, to: p.cols - 1 } as const;
      return {
        optimize(objective, sense) {
          model.changeColsCost(all, objective);
          model.changeObjectiveSense(
            sense === 'max'
              ? highs.constants.objectiveSense.maximize
              : highs.constants.objectiveSense.minimize,
          );
          model.run();
          const status = model.getModelStatus();
          if (status === optimal)
            return {
              status: 'optimal',
              value: model.getObjectiveValue(),
              x: Float64Array.from(model.getSolution().colValue),
            };
          if (status === infeasible) return { status: 'infeasible' };
          if (status === unbounded) return { status: 'unbounded' };
          if (status === unboundedOrInfeasible) {
            // presolve could not tell: a zero objective separates the two
            model.changeColsCost(all, new Array<number>(p.cols).fill(0));
            model.run();
            return { status: model.getModelStatus() === optimal ? 'unbounded' : 'infeasible' };
          }
          throw new Error(`the LP solver stopped with status ${status}`);
        },
        setRowBounds(row, lower, upper) {
          model.changeRowBounds(row, bound(lower), bound(upper));
        },
        setColBounds(col, lower, upper) {
          model.changeColBounds(col, bound(lower), bound(upper));
        },
        dispose() {
          model.dispose();
        },
      };
    },
  };
}
