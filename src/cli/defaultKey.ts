/**
 * Workbooks Excel encrypted with its default key ("VelvetSweatshop": read-only recommended,
 * a protected structure) open in Excel without a password: the sender has none to remove. The
 * command line decrypts them before the normal reading path — .xlsx with agile or standard
 * encryption, .xls with RC4 — so they are read as Excel reads them. Everything else is given
 * back untouched, and the guards say what it is: a real password (`file.password`), or an .xls
 * obfuscated with XOR (`file.default-encryption`, which says what to do in Excel).
 *
 * Node only (officecrypto-tool needs Node's crypto and Buffer): the pane does not bundle it and
 * keeps the message. Input files are only read, never written.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import officeCrypto from 'officecrypto-tool';
import { extensionOf } from '../files/readWorkbook';

/** The password Excel encrypts with when the person set none. */
const DEFAULT_PASSWORD = 'VelvetSweatshop';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Only workbooks are opened: a document or photo in the inbox is known by its name alone. */
const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls']);

const isOle = (head: Uint8Array) => OLE.every((b, i) => head[i] === b);
const u16 = (b: Uint8Array, p: number) => b[p]! | (b[p + 1]! << 8);

interface CfbFile {
  FileIndex: { name: string; type: number; content?: ArrayLike<number> }[];
}

/**
 * Excel hashes a password 100,000 times (MS-OFFCRYPTO 2.3.4.11, `spinCount`); the file says how
 * many, and the library runs whatever it says, up to 2^32 rounds, with no way to stop it. A
 * default-key file Excel wrote never asks more: one that does is not tried, and keeps the
 * guards' message.
 */
const MAX_SPIN_COUNT = 100_000;

/**
 * Whether decrypting an agile EncryptionInfo stream costs no more than Excel's own: every
 * spinCount in its XML plain digits within MAX_SPIN_COUNT. Standard encryption (version minor 2)
 * hashes a fixed 50,000 times and has no spinCount. A value written any other way (an entity, a
 * sign, an exponent) is not read as a number here, so not tried either.
 */
function spinCountAcceptable(info: Uint8Array): boolean {
  // EncryptionInfo begins with its version (MS-OFFCRYPTO 2.3.4.10): 4.4 is agile, followed by a reserved word and the XML.
  if (info.length < 8 || u16(info, 2) !== 4) return true;
  const xml = new TextDecoder().decode(info.subarray(8));
  const values = [...xml.matchAll(/spinCount\s*=\s*(["'])(.*?)\1/g)].map((m) => m[2]!);
  return values.length > 0 && values.every((v) => /^\d{1,6}$/.test(v) && Number(v) <= MAX_SPIN_COUNT);
}

/**
 * Which encryption a compound file holds, as far as decrypting with the default key goes:
 * `ooxml` (EncryptionInfo: agile or standard), `too-costly` (agile, asking more hashing than
 * Excel does), `rc4` (an .xls FilePass of RC4 or RC4 CryptoAPI), `xor` (an .xls FilePass of XOR
 * obfuscation), or none.
 */
function encryptionOf(bytes: Uint8Array): 'ooxml' | 'too-costly' | 'rc4' | 'xor' | undefined {
  let cfb: CfbFile;
  try {
    cfb = XLSX.CFB.read(bytes, { type: 'array' }) as unknown as CfbFile;
  } catch {
    return undefined;
  }
  const stream = (name: string) => cfb.FileIndex.find((f) => f.type === 2 && f.name.toLowerCase() === name.toLowerCase());
  const info = stream('EncryptionInfo');
  if (info && stream('EncryptedPackage')) {
    const content = info.content ?? [];
    return spinCountAcceptable(content instanceof Uint8Array ? content : Uint8Array.from(content)) ? 'ooxml' : 'too-costly';
  }
  const content = (stream('Workbook') ?? stream('Book'))?.content;
  if (!content) return undefined;
  const b = content instanceof Uint8Array ? content : Uint8Array.from(content);
  // FilePass comes right after the first BOF (MS-XLS 2.4.117), after a WriteProtect at most:
  // a few records in, never a scan of the whole stream.
  for (let p = 0, seen = 0; p + 4 <= b.length && seen < 4; seen++) {
    const type = u16(b, p);
    const size = u16(b, p + 2);
    if (type === 0x002f) return size >= 2 && u16(b, p + 4) === 0 ? 'xor' : 'rc4';
    p += 4 + size;
  }
  return undefined;
}

/**
 * The workbook as Excel opens it: decrypted with the default key where that is how it was
 * encrypted and the library can undo it; else undefined (the bytes are read as they are).
 */
export async function decryptDefaultKey(bytes: Uint8Array): Promise<Uint8Array | undefined> {
  if (!isOle(bytes)) return undefined;
  const kind = encryptionOf(bytes);
  // XOR obfuscation is left to the guards' message: no file of it could be made to test with;
  // so is a file asking for more hashing than Excel does.
  if (kind !== 'ooxml' && kind !== 'rc4') return undefined;
  try {
    const plain = await officeCrypto.decrypt(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      password: DEFAULT_PASSWORD,
    });
    return new Uint8Array(plain.buffer, plain.byteOffset, plain.byteLength);
  } catch {
    // A real password (or an encryption the library does not know): the guards say so.
    return undefined;
  }
}

function head(path: string | Buffer): Uint8Array | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = new Uint8Array(OLE.length);
    return readSync(fd, buffer, 0, buffer.length, 0) === buffer.length ? buffer : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * A file's bytes as Excel opens it (decrypted when Excel's default key encrypted it); a file that
 * cannot be read gives undefined, for the caller to report as it always has.
 */
export async function readAsExcelOpens(path: string | Buffer): Promise<Uint8Array | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch {
    return undefined;
  }
  return (await decryptDefaultKey(bytes)) ?? bytes;
}

/**
 * The decrypted bytes of those files among `files` that Excel's default key encrypted, by the
 * file's key: a look at the first bytes of each workbook, a whole read only of compound files.
 * Read before a roll-up that reads each file later, and synchronously, by its name.
 */
export async function decryptedInbox<K>(files: readonly { key: K; name: string; path: string | Buffer }[]): Promise<Map<K, Uint8Array>> {
  const decrypted = new Map<K, Uint8Array>();
  for (const file of files) {
    if (!WORKBOOK_EXTENSIONS.has(extensionOf(file.name))) continue;
    const first = head(file.path);
    if (!first || !isOle(first)) continue;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(file.path));
    } catch {
      continue;
    }
    const plain = await decryptDefaultKey(bytes);
    if (plain) decrypted.set(file.key, plain);
  }
  return decrypted;
}
