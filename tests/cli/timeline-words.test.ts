// timeline's legend on a pipe: written a paragraph a line, it wraps as any text does, each line as full as the
// next word allows. (It was broken by hand at about 108 columns, and the wrap to 80 broke it again into ragged
// halves: "… 'yes' accepts," then "'no' rejects, …".)
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.ts';

describe('timeline, the legend on a pipe', () => {
  it('should fill every wrapped line of the legend as far as the next word allows', () => {
    const r = cli(['timeline', 'tutorial-bilateral'], { COLUMNS: '80' });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    const legend = lines.slice(2, lines.indexOf(''));
    expect(legend.join(' ')).toContain("'yes' accepts, 'no' rejects");
    for (let k = 0; k + 1 < legend.length; k++) {
      const next = legend[k + 1]!;
      // the second paragraph starts afresh; inside a paragraph, a line's first word did not fit on the line before
      if (next.startsWith('date: ')) continue;
      const word = next.trim().split(' ')[0]!;
      expect(stringWidth(legend[k]!) + 1 + stringWidth(word), legend[k]).toBeGreaterThan(80);
    }
  });
});
