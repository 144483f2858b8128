// Reads a list of rounds as the report and the run print it back into numbers — "rounds 2, 4, 6–8 and 11",
// "rounds 1, 3, 5, …, 31" — so a test can check the words against the data without copying them.

/** "2, 4, 6–8 and 11" or "rounds 1, 3, 5, …, 31 and 32" → the rounds it names, in order. */
export function readRounds(text: string): number[] {
  const out: number[] = [];
  const parts = text
    .replace(/^rounds? /i, '')
    .split(/, | and /)
    .map((p) => p.trim());
  parts.forEach((p, k) => {
    if (p === '…') {
      // the step of the two numbers before it, up to the number after it
      const step = out.at(-1)! - out.at(-2)!;
      const end = Number(parts[k + 1]);
      for (let r = out.at(-1)! + step; r < end; r += step) out.push(r);
      return;
    }
    const [lo, hi = lo] = p.split('–').map(Number);
    for (let r = lo!; r <= hi!; r++) out.push(r);
  });
  return out;
}
