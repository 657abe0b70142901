import { statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ReportInput } from './check-report-files';

/** A check worker's JS heap limits (`worker_threads` `resourceLimits`), in MiB. */
export interface CheckHeapLimit {
  readonly maxOldGenerationSizeMb: number;
  readonly maxYoungGenerationSizeMb: number;
}

const MiB = 1024 * 1024;

/**
 * The formula, in MiB of the files' total size S and their number N (issue 12: a 50,000-person a-melding, S = 83
 * MiB, checked with peak RSS ≤ 300 MB):
 *
 *   old generation   = max(128, 64 + 0.75 × S + N / 64)
 *   young generation = 16
 *
 * A file of 32 MiB or more is parsed from disk in chunks (no whole text, check-report-files.ts), so what stays live
 * on the heap is its model: 36 MiB for the generated 50,000-person file (0.45 × S; the places of its elements,
 * 27 MiB, are typed arrays outside the heap); 64 MiB covers the check's own modules and the rules' garbage. A
 * smaller file is read whole, its text beside its model (≈ 2.5 × S, up to 3.5 × S with characters past U+00FF),
 * which 128 MiB holds below 32 MiB. Each file adds 16 KiB (N / 64 MiB): an RF-1086 form keeps its element tree for
 * the rules, ≈ 8 KiB of heap a form (5,000 forms of 1.8 KiB checked in a worker limited to 64 MiB, and ran out at
 * 48), with as much again for room. Without a limit V8 sizes the heap from the rate of allocation and lets garbage
 * pile up before it collects: measured on the 50,000-person check through the CLI (3 runs each, the same CPU
 * within noise), 128/16 peaked at 225–235 MiB RSS for the process, 128/32 at 237–248 and no limit (young 48) at
 * 250–254. The limit is a ceiling, not a reservation: a small file's check never comes near it.
 */
export function checkHeapLimitFor(totalBytes: number, files = 1): CheckHeapLimit {
  return {
    maxOldGenerationSizeMb: Math.max(128, Math.ceil(64 + (0.75 * totalBytes) / MiB + files / 64)),
    maxYoungGenerationSizeMb: 16,
  };
}

/**
 * The one retry after a worker ran out of memory under the first limit: twice the old generation and at least
 * 512 MiB (a text of two-byte characters, or files larger than they said, can outgrow the estimate).
 */
export function retryHeapLimit(first: CheckHeapLimit): CheckHeapLimit {
  return { ...first, maxOldGenerationSizeMb: Math.max(512, 2 * first.maxOldGenerationSizeMb) };
}

/**
 * What a check will read: the bytes given, and each path's stated size (a path that cannot be stat-ed counts 0;
 * the check itself reports it).
 */
export async function inputBytes(inputs: readonly ReportInput[]): Promise<number> {
  const sizes = await Promise.all(
    inputs.map((input) =>
      typeof input === 'string'
        ? stat(input).then(
            (s) => (s.isFile() ? s.size : 0),
            () => 0,
          )
        : input.bytes.byteLength,
    ),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}

/**
 * The same, synchronously, for a thread that has the check to itself (the CLI, before it checks inline or starts a
 * worker): an RF-1086 return's 5,001 files took 74–89 ms of the thread with the promise API, 18–27 ms this way.
 */
export function inputBytesSync(inputs: readonly ReportInput[]): number {
  let total = 0;
  for (const input of inputs) total += typeof input === 'string' ? fileSizeSync(input) : input.bytes.byteLength;
  return total;
}

/** A path's stated size if it is a regular file, else 0 (the check itself reports why it cannot be read). */
export function fileSizeSync(path: string): number {
  try {
    const stats = statSync(path, { throwIfNoEntry: false });
    return stats?.isFile() ? stats.size : 0;
  } catch {
    return 0;
  }
}
