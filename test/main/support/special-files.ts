import { execFileSync } from 'node:child_process';
import { closeSync, constants, openSync, readFileSync } from 'node:fs';

/**
 * What the tests of "not a regular file" measure instead of time: how many bytes this process has read, and
 * whether anyone holds a FIFO open for reading. Linux only, like the FIFOs and /dev/zero the tests use.
 */

/** Makes a FIFO at `path`. With no writer, opening it for reading without O_NONBLOCK waits forever. */
export function makeFifo(path: string): string {
  execFileSync('mkfifo', [path]);
  return path;
}

/**
 * The bytes this process has read so far by any read call, from any file, pipe or device (`rchar` in
 * /proc/self/io, proc(5)): a reader that read /dev/zero or a large file to its limit shows here whatever API it
 * used. Vitest runs each test file in a process of its own, so only that file's reads count.
 */
export function bytesReadSoFar(): number {
  const io = readFileSync('/proc/self/io', 'utf8');
  const rchar = /^rchar: (\d+)$/m.exec(io);
  if (!rchar) throw new Error('/proc/self/io has no rchar line');
  return Number(rchar[1]);
}

/**
 * Whether a reader has the FIFO open (or is blocked opening it): opening the write end with O_NONBLOCK succeeds only
 * then, and fails with ENXIO otherwise (fifo(7)). Opening it also releases a reader blocked in open(), which then
 * reads end-of-file, so a test that found one does not leave a thread hanging.
 */
export function fifoHasReader(path: string): boolean {
  try {
    closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
    return true;
  } catch (thrown) {
    if ((thrown as NodeJS.ErrnoException).code === 'ENXIO') return false;
    throw thrown;
  }
}

/** What `work` settles to and how many bytes the process read meanwhile (`bytesReadSoFar`). */
export async function measuringBytesRead<T>(work: () => Promise<T>): Promise<{ value: T; bytesRead: number }> {
  const before = bytesReadSoFar();
  const value = await work();
  return { value, bytesRead: bytesReadSoFar() - before };
}
