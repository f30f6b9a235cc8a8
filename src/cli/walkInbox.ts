/**
 * The inbox on disk, listed for the whole notice: every file under the folders given, with
 * its size and time (never its content — documents and photos are not opened), and a line for
 * each folder or file that could not be taken in: a folder that cannot be opened, a link
 * back to a folder already walked, an empty folder, a file that vanished.
 *
 * Names are read as bytes: a name an old zip tool wrote in GBK is decoded as GBK, so the unit
 * in it can still be recognised; the file itself is opened by its bytes.
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename } from 'node:path';
import type { ListingProblem } from '../core/notice/types';

export interface InboxFile {
  /** Shown to the user: the path as given, with names decoded. */
  file: string;
  /** From the given folder's own name down: its folder names attribute the file. */
  within: string;
  /** The path on disk, as bytes. */
  path: Buffer;
  size?: number;
  modified?: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gbk = new TextDecoder('gb18030', { fatal: true });
const lossy = new TextDecoder('utf-8');
const CJK = /[\u4e00-\u9fff]/;

/** A name's bytes as text: UTF-8, else GBK, else UTF-8 with the bad bytes marked (reported as garbled). */
export function decodeName(bytes: Uint8Array): string {
  try {
    const text = utf8.decode(bytes);
    // GBK bytes an old tool turned into Latin-1 letters (`»î¶¯×Ü½á`): read back as GBK when that gives Chinese.
    if (/[\u0080-\u00ff]{2,}/.test(text) && [...text].every((ch) => ch.charCodeAt(0) <= 0xff)) {
      try {
        const repaired = gbk.decode(Buffer.from(text, 'latin1'));
        if (CJK.test(repaired)) return repaired;
      } catch {
        // Not GBK either: keep the name as it is.
      }
    }
    return text;
  } catch {
    try {
      return gbk.decode(bytes);
    } catch {
      return lossy.decode(bytes);
    }
  }
}

const SLASH = Buffer.from('/');

/** How a folder is listed: `readdirSync` (a test gives one that fails, as an unreadable folder does for a user who is not root). */
export type ListFolder = (dir: Buffer) => Dirent<Buffer>[];

const listFolder: ListFolder = (dir) => readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });

export function walkInbox(inputs: readonly string[], list: ListFolder = listFolder): { files: InboxFile[]; problems: ListingProblem[] } {
  const files: InboxFile[] = [];
  const problems: ListingProblem[] = [];
  const walked = new Set<string>();

  const addFile = (path: Buffer, file: string, within: string) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) {
      problems.push({ file, code: 'notice.file-unreadable' });
      return;
    }
    files.push({ file, within, path, size: stat.size, modified: stat.mtimeMs });
  };

  const walk = (dir: Buffer, shown: string, within: string) => {
    let real: string;
    let entries: Dirent<Buffer>[];
    try {
      real = realpathSync(dir).toString();
      if (walked.has(real)) {
        problems.push({ file: shown, code: 'notice.folder-loop' });
        return;
      }
      walked.add(real);
      entries = list(dir);
    } catch {
      problems.push({ file: shown, code: 'notice.folder-unreadable' });
      return;
    }
    if (entries.length === 0) {
      problems.push({ file: shown, code: 'notice.folder-empty' });
      return;
    }
    const named = entries.map((entry) => ({ entry, name: decodeName(entry.name) }));
    named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const { entry, name } of named) {
      const path = Buffer.concat([dir, SLASH, entry.name]);
      const childShown = `${shown}/${name}`;
      const childWithin = `${within}/${name}`;
      let isDirectory = entry.isDirectory();
      if (entry.isSymbolicLink()) isDirectory = statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
      if (isDirectory) walk(path, childShown, childWithin);
      else addFile(path, childShown, childWithin);
    }
  };

  for (const input of inputs) {
    const shown = input.replace(/[\\/]+$/, '') || input;
    const stat = statSync(input, { throwIfNoEntry: false });
    if (!stat) problems.push({ file: input, code: 'notice.file-unreadable' });
    else if (stat.isDirectory()) walk(Buffer.from(shown), shown, basename(shown));
    else addFile(Buffer.from(input), input, input);
  }
  return { files, problems };
}
