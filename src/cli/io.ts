// Where a command writes, so commands run the same in the binary and in tests. Both writers are the terminal
// border: text from files was cleaned where it was read (domain/text.ts), and here every escape sequence but the
// program's own colours is removed once more, whoever wrote it (a path or a flag echoed, a system message).
import pc from 'picocolors';
import { cleanOutput } from '../domain/text.ts';

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
  const color = pc.isColorSupported && isTTY && !('NO_COLOR' in process.env);
  return {
    out: (t) => process.stdout.write(cleanOutput(t, color)),
    err: (t) => process.stderr.write(cleanOutput(t, color)),
    color,
    isTTY,
    ...(isTTY && process.stdout.columns ? { columns: process.stdout.columns } : {}),
  };
}

/**
 * An Io that keeps what is written, for tests. `color` turns the palette on (as on a terminal); `border: false`
 * skips the terminal border, to check that text is already clean where it was read.
 */
export function memoryIo(
  options: { color?: boolean; border?: boolean } = {},
): Io & { stdout: () => string; stderr: () => string } {
  const color = options.color ?? false;
  const clean = options.border === false ? (t: string) => t : (t: string) => cleanOutput(t, color);
  let o = '';
  let e = '';
  return {
    out: (t) => {
      o += clean(t);
    },
    err: (t) => {
      e += clean(t);
    },
    color,
    isTTY: color,
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
