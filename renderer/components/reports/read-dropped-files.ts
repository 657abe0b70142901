import { MAX_DROPPED_BYTES, type DroppedFile } from '../../../shared/reports/report-views';

export type ReadDroppedFiles = { ok: true; files: DroppedFile[] } | { ok: false; tooLarge: string[] };

/**
 * Reads files dropped on the window into base64 for `reports.checkContent`. The page has no paths, only bytes;
 * files over the IPC ceiling are refused here, before anything is read, so the user hears to pick them instead.
 */
export async function readDroppedFiles(files: readonly File[]): Promise<ReadDroppedFiles> {
  const total = files.reduce((n, f) => n + f.size, 0);
  if (total > MAX_DROPPED_BYTES) return { ok: false, tooLarge: files.map((f) => f.name) };
  const read = await Promise.all(
    files.map(async (file) => ({ name: file.name, contentBase64: toBase64(new Uint8Array(await file.arrayBuffer())) })),
  );
  return { ok: true, files: read };
}

/** btoa works on strings of bytes; chunks a multiple of 3 long encode to pieces that join without padding. */
function toBase64(bytes: Uint8Array): string {
  const chunk = 3 * 0x4000;
  const pieces: string[] = [];
  for (let i = 0; i < bytes.length; i += chunk) {
    pieces.push(btoa(String.fromCharCode(...bytes.subarray(i, i + chunk))));
  }
  return pieces.join('');
}
