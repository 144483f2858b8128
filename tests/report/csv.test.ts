import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PeacesimError } from '../../src/domain/errors.ts';
import { checkExportFlags, csvCell, csvKind, toCsv } from '../../src/report/csv.ts';

/** A reference reader of RFC 4180 (LF or CRLF record ends), written from the RFC, independent of the writer. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && field === '') {
      // a quoted field: runs to the quote not followed by another quote
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i];
        i++;
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r')
        throw new Error(`text after a closing quote at ${i}`);
      continue;
    }
    if (c === ',') {
      endField();
      i++;
    } else if (c === '\n') {
      endRecord();
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      endRecord();
      i += 2;
    } else {
      if (c === '"' || c === '\r') throw new Error(`bare ${JSON.stringify(c)} in an unquoted field at ${i}`);
      field += c;
      i++;
    }
  }
  if (field !== '' || record.length > 0) endRecord();
  return records;
}

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
