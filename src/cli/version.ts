import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
function findVersion(): string {
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
