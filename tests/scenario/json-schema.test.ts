import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { schemaText } from '../../src/cli/commands/schema.ts';
import { ROOT } from '../helpers.ts';

const schema = JSON.parse(schemaText()) as Record<string, unknown>;
const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
const shipped = readdirSync(resolve(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));

describe('the exported JSON Schema', () => {
  it('should be the committed docs/schema/scenario.schema.json (regenerate with peacesim schema)', () => {
    expect(readFileSync(resolve(ROOT, 'docs/schema/scenario.schema.json'), 'utf8')).toBe(schemaText());
  });

  it.each(shipped)('should accept the shipped scenario %s', (file) => {
    const doc = parseYaml(readFileSync(resolve(ROOT, 'scenarios', file), 'utf8')) as unknown;
    const ok = validate(doc);
    expect(ok ? [] : validate.errors).toEqual([]);
  });

  it('should reject a weight given as a string and an unknown key', () => {
    const doc = parseYaml(readFileSync(resolve(ROOT, 'scenarios/tutorial-bilateral.yaml'), 'utf8')) as {
      actors: { preferences: Record<string, { weight: unknown }> }[];
      extra?: unknown;
    };
    doc.actors[0]!.preferences.line!.weight = '4';
    expect(validate(doc)).toBe(false);
    const doc2 = parseYaml(
      readFileSync(resolve(ROOT, 'scenarios/tutorial-bilateral.yaml'), 'utf8'),
    ) as Record<string, unknown>;
    doc2.colour = 'blue';
    expect(validate(doc2)).toBe(false);
  });
});
