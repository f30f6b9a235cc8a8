/** OLE compound files: encrypted OOXML, or .xls and its records. */
import * as littleEndian from './bytes';
import { notSpreadsheet, refuse, tooManyCells, truncated, type Limits } from './verdicts';

// Taken once: under tsx (the CLI) an imported name is a getter call at every use, and these
// are read per header field.
const { u16, u32 } = littleEndian;

interface CfbEntry {
  name: string;
  type: number;
  content?: ArrayLike<number>;
}
interface CfbContainer {
  FileIndex: CfbEntry[];
}

/**
 * SheetJS's compound-file reader (`CFB.read`), handed in by the SheetJS reader that the guards
 * stand before: the lean reader uses this module too, and must not load SheetJS.
 */
export type CfbRead = (bytes: Uint8Array) => unknown;

export function inspectOle(bytes: Uint8Array, lim: Limits, readCfb: CfbRead): void {
  let cfb: CfbContainer;
  try {
    cfb = readCfb(bytes) as CfbContainer;
  } catch {
    // A compound file is whole sectors of 512 bytes: one that is not was cut short.
    if (bytes.length % 512 !== 0) truncated(bytes);
    refuse('file.corrupt');
  }
  const stream = (name: string) => cfb.FileIndex.find((f) => f.type === 2 && f.name.toLowerCase() === name.toLowerCase());
  if (stream('EncryptionInfo') || stream('EncryptedPackage')) refuse('file.password');
  const workbook = stream('Workbook') ?? stream('Book');
  if (!workbook?.content) notSpreadsheet(stream('WordDocument') ? 'word' : stream('PowerPoint Document') ? 'powerpoint' : 'other');
  const content = workbook.content;
  inspectBiff(content instanceof Uint8Array ? content : Uint8Array.from(content), lim);
}

/**
 * The records of an .xls workbook stream: a password (FilePass), and the cells SheetJS
 * would visit — one per cell record, per string of the shared string table, per cell of
 * each hyperlink's range (SheetJS loops over HLink ranges).
 */
function inspectBiff(b: Uint8Array, lim: Limits): void {
  let items = 0;
  for (let p = 0; p + 4 <= b.length;) {
    const type = u16(b, p);
    const size = u16(b, p + 2);
    const data = p + 4;
    if (type === 0x002f) refuse(isDefaultXor(b, data, size) ? 'file.default-encryption' : 'file.password');
    items++;
    if ((type === 0x00bd || type === 0x00be) && size >= 6) items += Math.floor((size - 6) / (type === 0x00bd ? 6 : 2));
    else if (type === 0x00fc && size >= 8) items += Math.min(u32(b, data + 4), Math.floor(b.length / 3));
    else if (type === 0x01b8 && size >= 8) items += biffRefArea(b, data);
    else if (type === 0x0800 && size >= 10) items += biffRefArea(b, data + 2);
    if (items > lim.maxCells) tooManyCells(items, lim, 0);
    p = data + size;
  }
}

/** The password Excel encrypts with when the person set none (e.g. a protected structure). */
const DEFAULT_PASSWORD = 'VelvetSweatshop';

/**
 * The 16-bit verifier of a password for XOR obfuscation, MS-OFFCRYPTO 2.3.7.1 (method 1):
 * its bytes from the last, each step a 15-bit rotate and an XOR, the length first.
 */
export function xorPasswordVerifier(password: string): number {
  const bytes = [password.length, ...Array.from(password, (ch) => ch.charCodeAt(0) & 0xff)];
  let verifier = 0;
  for (let i = bytes.length - 1; i >= 0; i--) {
    verifier = (((verifier & 0x4000) === 0 ? 0 : 1) | ((verifier << 1) & 0x7fff)) ^ bytes[i]!;
  }
  return verifier ^ 0xce4b;
}

/** A FilePass record of XOR obfuscation (type 0) whose verifier is the default password's. */
function isDefaultXor(b: Uint8Array, data: number, size: number): boolean {
  return size >= 6 && u16(b, data) === 0 && u16(b, data + 4) === xorPasswordVerifier(DEFAULT_PASSWORD);
}

function biffRefArea(b: Uint8Array, p: number): number {
  const rows = u16(b, p + 2) - u16(b, p) + 1;
  const cols = u16(b, p + 6) - u16(b, p + 4) + 1;
  return Math.max(0, rows) * Math.max(0, cols);
}
