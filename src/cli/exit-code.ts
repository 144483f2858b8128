// The exit code a command asks for without throwing (e.g. validate found errors), kept per program: the commands
// set it and program.ts reads it, so neither has to import the other.
import type { Command } from 'commander';

const exitCodes = new WeakMap<Command, number>();

/** Raises the exit code of the program `cmd` belongs to (the highest code asked for wins). */
export function setExitCode(cmd: Command, code: number): void {
  const root = rootOf(cmd);
  exitCodes.set(root, Math.max(exitCodes.get(root) ?? 0, code));
}

/** The exit code the program's commands asked for, 0 if none did. */
export function exitCodeOf(program: Command): number {
  return exitCodes.get(rootOf(program)) ?? 0;
}

function rootOf(cmd: Command): Command {
  let root = cmd;
  while (root.parent) root = root.parent;
  return root;
}
