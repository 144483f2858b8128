import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkExportFlags, csvKind } from '../../src/cli/export-flags.ts';
import { PeacesimError } from '../../src/domain/errors.ts';
import { csvCell, toCsv } from '../../src/report/csv.ts';
import { parseCsv } from '../csv-reader.ts';

// strings rich in the characters that need care
const tricky = fc.string({
  unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r', ';', '→', 'é', '😀'),
  maxLength: 12,
});

describe('toCsv', () => {
  it('should read back as the same cells, whatever the strings hold', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((w) =>
            fc.tuple(
              fc.uniqueArray(tricky, { minLength: w, maxLength: w }),
              fc.array(fc.array(tricky, { minLength: w, maxLength: w }), { maxLength: 6 }),
            ),
          ),
        ([header, rows]) => {
          const text = toCsv(header, rows);
          expect(text.endsWith('\n')).toBe(true);
          expect(parseCsv(text)).toEqual([header, ...rows]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('should quote only fields with a comma, a quote, CR or LF, doubling quotes', () => {
    expect(csvCell('plain text; ok')).toBe('plain text; ok');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "no"')).toBe('"say ""no"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\r')).toBe('"cr\r"');
    expect(toCsv(['a', 'b'], [['x,y', 'z']])).toBe('a,b\n"x,y",z\n');
  });

  it('should print numbers as JSON does, booleans as true/false, and nothing for null', () => {
    for (const x of [0, -0, 1, 0.1 + 0.2, 1 / 3, 600000, -0.025000000000000022, 8.3e-5, 1e-7, 1e21])
      expect(csvCell(x)).toBe(JSON.stringify(x));
    expect(csvCell(true)).toBe('true');
    expect(csvCell(false)).toBe('false');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => Number(csvCell(x)) === x),
    );
  });

  it('should keep a lone empty field from becoming a blank line', () => {
    expect(toCsv(['only'], [[''], ['x']])).toBe('only\n""\nx\n');
    expect(parseCsv(toCsv(['only'], [[''], ['x']]))).toEqual([['only'], [''], ['x']]);
  });

  it('should refuse a repeated column and a row of the wrong width', () => {
    expect(() => toCsv(['a', 'a'], [])).toThrow(PeacesimError);
    expect(() => toCsv(['a', 'b'], [['1']])).toThrow(/1 cells under a header of 2/);
  });
});

describe('the export flags', () => {
  it('should name the choices and suggest the nearest', () => {
    expect(csvKind('zopa', ['frontier', 'zopa'])).toBe('zopa');
    try {
      csvKind('fronteir', ['frontier', 'zopa']);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PeacesimError);
      expect((e as PeacesimError).exitCode).toBe(2);
      expect((e as Error).message).toBe(
        '--csv: unknown export "fronteir" (did you mean "frontier"?); choose frontier, zopa',
      );
    }
  });

  it('should refuse --csv with --json, and --out with neither', () => {
    expect(() => checkExportFlags({ csv: 'zopa', json: true })).toThrow('--csv and --json');
    expect(() => checkExportFlags({ csv: true, json: true })).toThrow('--csv and --json');
    expect(() => checkExportFlags({ out: 'x.csv' })).toThrow('--out writes');
    expect(() => checkExportFlags({ csv: true, out: 'x.csv' })).not.toThrow();
    expect(() => checkExportFlags({ json: true, out: 'x.json' })).not.toThrow();
    expect(() => checkExportFlags({})).not.toThrow();
  });
});
