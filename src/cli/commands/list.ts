import { resolve } from 'node:path';
import type { Command } from 'commander';
import { cacheDir, contentHash, fileHash, readCache, scenarioCodeHash, writeCache } from '../cache.ts';
import { type Io, palette } from '../io.ts';
import { resolveScenarioPath, shippedIds } from '../paths.ts';

interface Row {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly date: string;
  readonly recordEnds: string | null;
  readonly actors: number;
  readonly issues: number;
  readonly packages: string;
}

/** A row computed from a scenario, with the hash of every file read to compute it (null: the file was missing). */
interface CachedRow {
  readonly files: Readonly<Record<string, string | null>>;
  readonly row: Row;
}

interface ListCache {
  readonly code: string;
  readonly rows: Readonly<Record<string, CachedRow>>;
}

const CACHE_FILE = 'list-v2.json';

const isListCache = (x: unknown): x is ListCache =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as ListCache).code === 'string' &&
  typeof (x as ListCache).rows === 'object' &&
  (x as ListCache).rows !== null;

const isRow = (r: Partial<Row> | undefined): r is Row =>
  typeof r?.title === 'string' &&
  typeof r.summary === 'string' &&
  typeof r.date === 'string' &&
  (r.recordEnds === null || typeof r.recordEnds === 'string') &&
  Number.isInteger(r.actors) &&
  Number.isInteger(r.issues) &&
  /^\d+$/.test(String(r.packages));

/**
 * The cached row when every file it was computed from still has the content it had. `hashes` keeps each file's hash
 * for the rest of the listing: most shipped scenarios include the default, which is hashed once, not once each.
 */
function fresh(entry: CachedRow | undefined, hashes: Map<string, string | null>): Row | null {
  if (typeof entry?.files !== 'object' || entry.files === null || !isRow(entry.row)) return null;
  const hashOf = (f: string) => {
    if (!hashes.has(f)) hashes.set(f, fileHash(f));
    return hashes.get(f);
  };
  return Object.entries(entry.files).every(([f, hash]) => hashOf(f) === hash) ? entry.row : null;
}

/** Loads the scenario (the slow part: parse, validate, compile), noting the hash of every file it reads. */
async function compute(id: string, file: string): Promise<CachedRow> {
  const [{ loadScenario }, { readTextFile }, { outcomeSpaceSize }] = await Promise.all([
    import('../../scenario/load.ts'),
    import('../../scenario/include.ts'),
    import('../../domain/utility.ts'),
  ]);
  const files: Record<string, string | null> = {};
  const result = loadScenario(file, (f) => {
    try {
      const text = readTextFile(f);
      files[resolve(f)] = contentHash(text);
      return text;
    } catch (e) {
      files[resolve(f)] = null;
      throw e;
    }
  });
  const row = result.ok
    ? {
        id,
        title: result.scenario.title,
        summary: result.scenario.summary,
        date: result.scenario.date,
        recordEnds: result.scenario.recordEnds ?? null,
        actors: result.scenario.actors.length,
        issues: result.scenario.issues.length,
        packages: outcomeSpaceSize(result.scenario).toString(),
      }
    : {
        id,
        title: '(does not load: run peacesim validate)',
        summary: '',
        date: '',
        recordEnds: null,
        actors: 0,
        issues: 0,
        packages: '0',
      };
  return { files, row };
}

async function rows(): Promise<Row[]> {
  const useCache = cacheDir() !== null;
  const code = useCache ? scenarioCodeHash() : '';
  const cached = useCache ? readCache(CACHE_FILE, isListCache) : null;
  const before = cached?.code === code ? cached.rows : {};
  const after: Record<string, CachedRow> = {};
  let changed = false;
  const out: Row[] = [];
  const hashes = new Map<string, string | null>();
  for (const id of shippedIds()) {
    const file = resolve(resolveScenarioPath(id));
    const hit = fresh(before[file], hashes);
    const entry = hit ? before[file]! : await compute(id, file);
    if (!hit) changed = true;
    after[file] = entry;
    out.push({ ...entry.row, id });
  }
  if (useCache && (changed || Object.keys(before).length !== out.length))
    writeCache(CACHE_FILE, { code, rows: after });
  return out;
}

export function registerList(program: Command, io: Io): void {
  program
    .command('list')
    .description('list the shipped scenarios with their titles and summaries')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const list = await rows();
      if (opts.json) {
        io.out(`${JSON.stringify(list, null, 2)}\n`);
        return;
      }
      const p = palette(io);
      // loaded here, as the slow modules are: `list` starts fast from its cache
      const { count } = await import('../../report/format.ts');
      for (const r of list) {
        io.out(`${p.bold(r.id)}  ${r.title}\n`);
        if (r.summary)
          io.out(
            `  ${p.dim(`situation of ${r.date}${r.recordEnds ? ` · record ends ${r.recordEnds}` : ''} · ${count(r.actors, 'actor')}, ${count(r.issues, 'issue')}, ${BigInt(r.packages).toLocaleString('en-US')} packages`)}\n  ${r.summary}\n`,
          );
        io.out('\n');
      }
    });
}
