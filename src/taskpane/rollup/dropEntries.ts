/**
 * A dropped folder, listed: every file under it with its path inside the drop (its folder
 * names attribute it to a unit), and a line for a folder that is empty or cannot be read.
 * Browser APIs only; nothing is read here but names.
 */
import type { ListingProblem } from '../../core/notice/types';

export interface DroppedFile {
  file: File;
  /** Path inside what was dropped or chosen, `河东区/大王庄街道总工会/活动总结.docx`. */
  path: string;
}

/** A folder's entries: `readEntries` gives them a batch at a time, until an empty batch. */
async function readAll(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const out: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return out;
    out.push(...batch);
  }
}

export async function listDropped(
  items: DataTransferItemList | null,
  files: FileList | null,
): Promise<{ files: DroppedFile[]; problems: ListingProblem[] }> {
  const out: DroppedFile[] = [];
  const problems: ListingProblem[] = [];
  const entries = items ? Array.from(items).map((item) => item.webkitGetAsEntry?.() ?? null) : [];
  if (entries.length === 0 || entries.some((e) => e === null)) {
    for (const file of Array.from(files ?? [])) out.push({ file, path: file.webkitRelativePath || file.name });
    return { files: out, problems };
  }
  const walk = async (entry: FileSystemEntry, path: string): Promise<void> => {
    if (entry.isFile) {
      try {
        const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
        out.push({ file, path });
      } catch {
        problems.push({ file: path, code: 'notice.file-unreadable' });
      }
      return;
    }
    let children: FileSystemEntry[];
    try {
      children = await readAll(entry as FileSystemDirectoryEntry);
    } catch {
      problems.push({ file: path, code: 'notice.folder-unreadable' });
      return;
    }
    if (children.length === 0) problems.push({ file: path, code: 'notice.folder-empty' });
    children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const child of children) await walk(child, `${path}/${child.name}`);
  };
  for (const entry of entries) await walk(entry!, entry!.name);
  return { files: out, problems };
}
