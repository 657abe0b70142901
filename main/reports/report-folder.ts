import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/domain/app-error';
import { MAX_FOLDER_FILES } from '../../shared/reports/report-routing';

/**
 * The files picked, with each picked folder replaced by the regular files inside it (all levels, sorted by path).
 * Hidden entries (`.DS_Store`, `.git/`) are skipped: they are never reports, and listing them as unreadable would
 * bury the real findings. Links are left to the file reader, which opens only regular files and says so.
 */
export async function filesInFolders(paths: readonly string[], maxFiles = MAX_FOLDER_FILES): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) files.push(...(await filesUnder(path)));
    else files.push(path);
    if (files.length > maxFiles) throw tooManyFiles(maxFiles);
  }
  return files;
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(path)));
    else if (entry.isFile() || entry.isSymbolicLink()) found.push(path);
  }
  return found;
}

function tooManyFiles(max: number): AppError {
  return new AppError('REPORT_FOLDER_TOO_MANY_FILES', {
    nb: `Mappen har mer enn ${max} filer. Velg en mappe med færre filer, eller del filene i flere mapper.`,
    en: `The folder holds more than ${max} files. Choose a folder with fewer files, or split them into several folders.`,
  });
}
