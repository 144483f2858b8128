// Writing output files: atomically (a temporary file in the same folder, then a rename), so a crash or a full
// disk never leaves half a file where a good one was.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PeacesimError } from '../domain/errors.ts';

export function writeFileAtomic(file: string, text: string | Uint8Array): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text, 'utf8');
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new PeacesimError(
      `cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}; check the folder exists and is writable`,
    );
  }
}
