// Where a command writes, so commands run the same in the binary and in tests.
import pc from 'picocolors';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** colours on: a terminal and no NO_COLOR */
  readonly color: boolean;
  readonly isTTY: boolean;
  /** the terminal's width, when stdout is one (text is wrapped to it; 80 otherwise) */
  readonly columns?: number;
}

export function processIo(): Io {
  const isTTY = process.stdout.isTTY === true;
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    color: pc.isColorSupported && isTTY && !('NO_COLOR' in process.env),
    isTTY,
    ...(isTTY && process.stdout.columns ? { columns: process.stdout.columns } : {}),
  };
}

export function memoryIo(): Io & { stdout: () => string; stderr: () => string } {
  let o = '';
  let e = '';
  return {
    out: (t) => {
      o += t;
    },
    err: (t) => {
      e += t;
    },
    color: false,
    isTTY: false,
    stdout: () => o,
    stderr: () => e,
  };
}

type Paint = (s: string) => string;
export interface Palette {
  bold: Paint;
  dim: Paint;
  red: Paint;
  green: Paint;
  yellow: Paint;
  cyan: Paint;
}

export function palette(io: Io): Palette {
  const c = pc.createColors(io.color);
  return { bold: c.bold, dim: c.dim, red: c.red, green: c.green, yellow: c.yellow, cyan: c.cyan };
}
