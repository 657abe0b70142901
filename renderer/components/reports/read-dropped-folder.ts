/**
 * The files of a drop, with any dropped folder opened through the DataTransfer entries API (`webkitGetAsEntry`,
 * https://developer.mozilla.org/en-US/docs/Web/API/DataTransferItem/webkitGetAsEntry): `dataTransfer.files` lists a
 * folder as one empty "file", so its reports would be lost. Hidden entries (`.DS_Store`) are skipped, as main skips
 * them in a folder picked in the dialog (main/reports/report-folder.ts).
 */
export interface DroppedItems {
  files: File[];
  /** Whether a folder was among what was dropped. */
  folder: boolean;
}

/** Must be called during the drop event: the entries are gone once it returns. */
export function droppedEntries(transfer: DataTransfer): FileSystemEntry[] | null {
  const items = [...transfer.items].filter((item) => item.kind === 'file');
  if (items.length === 0 || typeof items[0]?.webkitGetAsEntry !== 'function') return null;
  return items.map((item) => item.webkitGetAsEntry()).filter((entry): entry is FileSystemEntry => entry !== null);
}

export async function filesOfEntries(entries: readonly FileSystemEntry[]): Promise<DroppedItems> {
  const files: File[] = [];
  let folder = false;
  const visit = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.name.startsWith('.')) return;
    if (isFile(entry)) {
      files.push(await new Promise<File>((resolve, reject) => entry.file(resolve, reject)));
    } else if (isDirectory(entry)) {
      folder = true;
      for (const child of await allEntries(entry)) await visit(child);
    }
  };
  for (const entry of entries) await visit(entry);
  return { files, folder };
}

/** `readEntries` gives a folder's entries in pieces (Chromium: 100 at a time) until it answers with none. */
async function allEntries(folder: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = folder.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const piece = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (piece.length === 0) return all.sort((a, b) => a.name.localeCompare(b.name));
    all.push(...piece);
  }
}

const isFile = (entry: FileSystemEntry): entry is FileSystemFileEntry => entry.isFile;
const isDirectory = (entry: FileSystemEntry): entry is FileSystemDirectoryEntry => entry.isDirectory;
