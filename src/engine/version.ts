// The version of peacesim running, from its package.json: the CLI prints it, and a saved session records which
// engine played it (so a replay that diverges can say which versions disagree).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
function findVersion(): string {
  // src/engine/ under tsx, dist/src/engine/ when built
  for (const p of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = require(p) as { name?: string; version?: string };
      if (pkg.name === 'peacesim' && pkg.version) return pkg.version;
    } catch {
      // try the next layout
    }
  }
  return '0.0.0';
}
export const VERSION = findVersion();
