import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';

const SUPER: Record<string, string> = {
  '⁻': '-',
  ...Object.fromEntries([...'⁰¹²³⁴⁵⁶⁷⁸⁹'].map((c, d) => [c, String(d)])),
};

async function cli(...argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('peacesim concessions', () => {
  it('should list the minimal sets, best Nash product first, with every required margin', async () => {
    const r = await cli('concessions', 'tutorial-bilateral', '--document', 'mediator-text');
    expect(r.code).toBe(0);
    expect(r.out).toContain('South (stylised Ukraine) rejects: utility 0.425 < reservation 0.450');
    expect(r.out).toContain(
      'Smallest: 1 change — 4 minimal sets, ranked by the Nash product of the required actors',
    );
    // the tabler is North: what it gives up; the change in words
    expect(r.out).toMatch(
      /1\. Nash 0\.01173 · North gives up 0\.060\n\s+Security guarantee for Ukraine: Guarantors consult if Ukraine is attacked → A collective defence pledge like NATO's Article 5/,
    );
    expect(r.out).toContain('margins: North +0.078  South +0.150');
  });

  it('should print JSON, honour --limit and --rank tabler', async () => {
    const r = await cli(
      'concessions',
      'tutorial-bilateral',
      '--document',
      'north-opening',
      '--limit',
      '2',
      '--rank',
      'tabler',
      '--json',
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({
      document: 'north-opening',
      tabledBy: 'north',
      size: 3,
      count: 4,
      rank: 'tabler',
    });
    expect(j.solutions).toHaveLength(2);
    expect(j.solutions[0].tablerLoss).toBeLessThanOrEqual(j.solutions[1].tablerLoss);
    expect(j.solutions[0].changes.map((c: { issue: string }) => c.issue)).toEqual([
      'line',
      'army-cap',
      'guarantee',
    ]);
  });

  it('should say when no set up to --max works and show the closest', async () => {
    const r = await cli(
      'concessions',
      'tutorial-bilateral',
      '--document',
      'north-opening',
      '--max',
      '2',
      '--limit',
      '1',
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('No set of up to 2 changes makes it an agreement.');
    expect(r.out).toMatch(/1\. 1 blocker: South rejects/);
  });

  // The Nash product ranges from about 0.01 down to 10⁻⁶ and below: one notation for every size, read back and
  // checked against --json — 4 significant figures, plain from 0.001 up, "a × 10⁻ⁿ" below (never "0.000003753",
  // where a reader counts zeros, nor "7.105e-7", a programmer's notation)
  for (const [scenario, document] of [
    ['tutorial-bilateral', 'mediator-text'],
    ['28-point-path', 'geneva-framework'],
  ] as const)
    it(`should print each Nash product to 4 significant figures, in scientific notation below 0.001 (${scenario})`, async () => {
      const text = await cli('concessions', scenario, '--document', document);
      const json = await cli('concessions', scenario, '--document', document, '--json');
      const products: number[] = JSON.parse(json.out).solutions.map(
        (x: { nashProduct: number }) => x.nashProduct,
      );
      const printed = [...text.out.matchAll(/\d\. Nash (\S+(?: × 10⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?) ·/g)].map((m) => m[1]!);
      expect(printed).toHaveLength(products.length);
      products.forEach((x, k) => {
        const shown = printed[k]!;
        const [mantissa, power] = shown.split(' × 10');
        const exponent = power === undefined ? 0 : Number([...power].map((c) => SUPER[c]).join(''));
        const digits = mantissa!.replace(/^[0.]+/, '').replace('.', '');
        expect(digits, shown).toHaveLength(4);
        // the size that decides is the rounded one: 0.000999999… prints as 0.001000
        const rounded = Number(x.toPrecision(4));
        if (rounded < 0.001) expect(exponent, shown).toBe(Math.floor(Math.log10(rounded)));
        else expect(power, shown).toBeUndefined();
        expect(Math.abs(Number(mantissa) * 10 ** exponent - x), shown).toBeLessThanOrEqual(
          0.5 * 10 ** (Math.floor(Math.log10(rounded)) - 3) * (1 + 1e-9),
        );
      });
      if (scenario === '28-point-path') expect(Math.max(...products)).toBeLessThan(0.001);
    });

  it('should refuse --max above 3 (exit 2, naming the flag) and unknown documents (exit 1)', async () => {
    const big = await cli('concessions', 'tutorial-bilateral', '--document', 'mediator-text', '--max', '4');
    expect(big.code).toBe(2);
    expect(big.err).toMatch(
      /option '--max <N>' argument '4' is invalid\. the exact search covers at most 3 changes/,
    );
    const doc = await cli('concessions', 'tutorial-bilateral', '--document', 'nope');
    expect(doc.code).toBe(1);
    expect(doc.err).toMatch(/unknown document "nope".*valid documents: north-opening, mediator-text/);
  });
});
