import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inQuotes, nestedQuotes } from '../../src/domain/text.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { cliOk } from '../cli-in-process.ts';

describe('quotations within quotations', () => {
  it('should make the quotation marks inside a quoted text single, and change nothing else', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constant('"')), { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        const quoted = inQuotes(text);
        const pairs = Math.floor((text.match(/"/g) ?? []).length / 2);
        // every pair of inner marks becomes ‘…’; an unpaired one stays
        expect((quoted.match(/‘/g) ?? []).length - (text.match(/‘/g) ?? []).length).toBe(pairs);
        expect((quoted.match(/"/g) ?? []).length).toBe(2 + ((text.match(/"/g) ?? []).length % 2));
        expect(nestedQuotes(text).replace(/[‘’]/g, '"')).toBe(text.replace(/[‘’]/g, '"'));
      }),
    );
  });

  it('should print a document title that quotes with single marks inside the run’s double ones', async () => {
    const titles = loadScenarioFile('scenarios/28-point-path.yaml')
      .documents.map((d) => d.title)
      .filter((t) => t.includes('"'));
    expect(titles.length).toBeGreaterThan(0);
    const text = (await cliOk('run', '28-point-path')).replace(/\n\s+/g, ' ');
    expect(titles.some((t) => text.includes(inQuotes(t)))).toBe(true);
    for (const t of titles) expect(text).not.toContain(`"${t}"`);
  });
});
