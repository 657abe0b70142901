import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../disk/atomic-write';

const PortFileSchema = z.object({ port: z.number().int().min(1024).max(65535) });

/** The port the sandbox of this data directory had last time (`port.json`), or null when there is none to reuse. */
export async function readRememberedPort(sandboxFolder: string): Promise<number | null> {
  try {
    const parsed = PortFileSchema.safeParse(JSON.parse(await readFile(join(sandboxFolder, 'port.json'), 'utf8')));
    return parsed.success ? parsed.data.port : null;
  } catch {
    return null;
  }
}

export async function rememberPort(sandboxFolder: string, port: number): Promise<void> {
  await writeFileAtomic(join(sandboxFolder, 'port.json'), JSON.stringify({ port }));
}
