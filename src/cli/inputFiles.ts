/** Node-only file access for the command line: paths and folders in, bytes out. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SPREADSHEET_EXTENSIONS, extensionOf } from '../files/readWorkbook';

/** Files as given, and spreadsheets found in folders (recursively, in name order). */
export function expandInputs(inputs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if ((SPREADSHEET_EXTENSIONS as readonly string[]).includes(extensionOf(entry.name)) && !entry.name.startsWith('~$'))
        out.push(path);
    }
  };
  for (const input of inputs) {
    if (statSync(input, { throwIfNoEntry: false })?.isDirectory()) walk(input);
    else out.push(input);
  }
  return out;
}

export function readBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}
