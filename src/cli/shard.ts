// Sharding a long run over machines: shard I of N makes draws [⌊I·n/N⌋, ⌊(I+1)·n/N⌋). `--shard auto` reads I (and N
// where the batch system has it) from array-job variables: Kubernetes Indexed Jobs, Slurm job arrays, AWS Batch
// array jobs.
import { InvalidArgumentError } from 'commander';

export interface Shard {
  /** 0 … count − 1 */
  readonly index: number;
  readonly count: number;
}

/** Most shards a run may be cut into. */
const MAX_SHARDS = 100_000;

const whole = (s: string | undefined) => (s !== undefined && /^\d+$/.test(s) ? Number(s) : null);

/** The array-job index (and count) the batch system gives this process, from its environment. */
function fromEnvironment(env: NodeJS.ProcessEnv, count: number | null): Shard {
  const found: { name: string; index: number | null; count: number | null }[] = [];
  if (env.JOB_COMPLETION_INDEX !== undefined)
    found.push({ name: 'JOB_COMPLETION_INDEX', index: whole(env.JOB_COMPLETION_INDEX), count: null });
  if (env.SLURM_ARRAY_TASK_ID !== undefined) {
    const id = whole(env.SLURM_ARRAY_TASK_ID);
    const min = whole(env.SLURM_ARRAY_TASK_MIN ?? '0');
    found.push({
      name: 'SLURM_ARRAY_TASK_ID',
      index: id !== null && min !== null ? id - min : null,
      count: whole(env.SLURM_ARRAY_TASK_COUNT),
    });
  }
  if (env.AWS_BATCH_JOB_ARRAY_INDEX !== undefined)
    found.push({
      name: 'AWS_BATCH_JOB_ARRAY_INDEX',
      index: whole(env.AWS_BATCH_JOB_ARRAY_INDEX),
      count: null,
    });
  if (found.length === 0)
    throw new InvalidArgumentError(
      'no array-job index in the environment (JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID or AWS_BATCH_JOB_ARRAY_INDEX); give the shard as I/N.',
    );
  if (found.length > 1)
    throw new InvalidArgumentError(
      `${found.map((f) => f.name).join(' and ')} are both set: say which shard this is with I/N.`,
    );
  const f = found[0]!;
  if (f.index === null) throw new InvalidArgumentError(`${f.name} is not a whole number.`);
  if (count !== null && f.count !== null && count !== f.count)
    throw new InvalidArgumentError(`auto/${count} disagrees with SLURM_ARRAY_TASK_COUNT=${f.count}.`);
  const n = count ?? f.count;
  if (n === null)
    throw new InvalidArgumentError(
      `${f.name} gives this shard's index but not how many there are: give --shard auto/N (N = the job's completions or array size).`,
    );
  return check(f.index, n);
}

function check(index: number, count: number): Shard {
  if (count < 1 || count > MAX_SHARDS)
    throw new InvalidArgumentError(`the number of shards must be from 1 to ${MAX_SHARDS}.`);
  if (index >= count)
    throw new InvalidArgumentError(`shard ${index} does not exist in ${count} (0 to ${count - 1}).`);
  return { index, count };
}

/** `--shard I/N`, `--shard auto` or `--shard auto/N` (a usage error, exit 2, when it is neither). */
export function parseShard(value: string, env: NodeJS.ProcessEnv = process.env): Shard {
  const m = /^(\d+|auto)(?:\/(\d+))?$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError('expected I/N (shard I of N, from 0), auto, or auto/N.');
  const count = m[2] === undefined ? null : Number(m[2]);
  if (m[1] === 'auto') return fromEnvironment(env, count);
  if (count === null) throw new InvalidArgumentError(`expected I/N: shard ${m[1]} of how many?`);
  return check(Number(m[1]), count);
}

/** The draws of a shard: [from, to). */
export function shardRange(total: number, shard: Shard): [number, number] {
  return [
    Math.floor((shard.index * total) / shard.count),
    Math.floor(((shard.index + 1) * total) / shard.count),
  ];
}
