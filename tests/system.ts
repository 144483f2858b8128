// System programs some tests need (Debian's chromium, tmux). `.ci/run` installs them, so CI always runs those
// tests; on a bare machine they skip, and say why, instead of failing `npm test`.
import { spawnSync } from 'node:child_process';

/** The absolute path of `program` on PATH, or undefined (then a line on stderr says what is skipped and why). */
export function systemProgram(program: string, skipped: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' });
  const path = found.status === 0 ? found.stdout.trim() : '';
  if (path !== '') return path;
  process.stderr.write(
    `skipping ${skipped}: ${program} is not installed (apt-get install ${program}; .ci/run installs it)\n`,
  );
  return undefined;
}
