/**
 * Test helper: make spreadsheet files with LibreOffice, i.e. with ANOTHER program than our own
 * reader/writer, so tests do not only round-trip through our own code.
 *
 *   import { describeWithOffice, convertWithLibreOffice } from './helpers/libreoffice';
 *   describeWithOffice('reads a LibreOffice xls', () => { ... });
 *
 * Without LibreOffice: locally the block is skipped (with a message); under CI it FAILS, because
 * .ci/run is supposed to have installed it.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';

export type OfficeTargetExt = 'xlsx' | 'xls' | 'ods' | 'csv' | 'pdf';

export interface ConvertOptions {
  /** LibreOffice import filter, e.g. 'CSV:44,34,76,1'. Defaults to UTF-8 comma CSV for .csv input. */
  inputFilter?: string;
  /** Kill soffice after this long. Default 120 000 ms. */
  timeoutMs?: number;
}

export const MISSING_SOFFICE_MESSAGE = 'LibreOffice (soffice) is missing: .ci/run installs libreoffice-calc-nogui';

/**
 * CSV filter options (LibreOffice "Filter Options for the CSV Filter"), as tokens:
 * field separator 44 = ',', text delimiter 34 = '"', character set 76 = UTF-8, start at line 1.
 */
export const CSV_UTF8_COMMA = '44,34,76,1';
export const CSV_IMPORT_FILTER = `CSV:${CSV_UTF8_COMMA}`;

/** Export filter per target extension (filter names as LibreOffice spells them). */
export const EXPORT_FILTERS: Record<OfficeTargetExt, string> = {
  xlsx: 'Calc MS Excel 2007 XML',
  xls: 'MS Excel 97',
  ods: 'calc8',
  // Without options LibreOffice's CSV export is not guaranteed to be UTF-8 + comma.
  csv: `Text - txt - csv (StarCalc):${CSV_UTF8_COMMA}`,
  // As printed: each sheet's page setup (paper, orientation, print area, titles, footer).
  pdf: 'calc_pdf_Export',
};

/** A PDF's pages as LibreOffice writes them (uncompressed page dictionaries): count and size in points, as shown (after /Rotate). */
export function pdfPages(pdf: Uint8Array): { width: number; height: number }[] {
  const text = Buffer.from(pdf).toString('latin1');
  const pages: { width: number; height: number }[] = [];
  for (const m of text.matchAll(/\/Type\s*\/Page(?!s)[\s\S]*?endobj/g)) {
    const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(m[0]);
    if (!box) continue;
    const rotate = Number(/\/Rotate\s+(-?\d+)/.exec(m[0])?.[1] ?? 0);
    const width = Number(box[3]) - Number(box[1]);
    const height = Number(box[4]) - Number(box[2]);
    pages.push(Math.abs(rotate) % 180 === 90 ? { width: height, height: width } : { width, height });
  }
  return pages;
}

/**
 * The PDF's pages as PNG files (`<prefix>-1.png` …) with poppler's pdftoppm, for a person to look
 * at; empty when pdftoppm is not installed (apt-get install poppler-utils).
 */
export function pdfToPngs(pdfPath: string, prefix: string, dpi = 80): string[] {
  const run = spawnSync('pdftoppm', ['-png', '-r', String(dpi), pdfPath, prefix], { stdio: 'ignore' });
  if (run.error || run.status !== 0) return [];
  const dir = path.dirname(prefix);
  const base = path.basename(prefix);
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => path.join(dir, f));
}

const DEFAULT_TIMEOUT_MS = 480_000;

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

let cachedSoffice: string | null | undefined;

/** Path of LibreOffice's `soffice` (or `libreoffice`), or null. $SOFFICE overrides the search. */
export function findSoffice(): string | null {
  if (cachedSoffice !== undefined) return cachedSoffice;
  const candidates: string[] = [];
  if (process.env.SOFFICE) candidates.push(process.env.SOFFICE);
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir) for (const name of names) candidates.push(path.join(dir, name));
  }
  candidates.push(
    '/usr/bin/soffice',
    '/usr/lib/libreoffice/program/soffice',
    '/opt/libreoffice/program/soffice',
    '/Applications/LibreOffice.app/Contents/MacOS/soffice',
    'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  );
  cachedSoffice = candidates.find(isExecutable) ?? null;
  return cachedSoffice;
}

/** True when running under CI (CI=true / CI=1 …, but not CI=false / CI=0). */
export function isCI(): boolean {
  const ci = (process.env.CI ?? '').trim().toLowerCase();
  return ci !== '' && ci !== 'false' && ci !== '0';
}

/** soffice path, or throws the "is missing" error (for use inside a test). */
export function requireSoffice(): string {
  const soffice = findSoffice();
  if (!soffice) throw new Error(MISSING_SOFFICE_MESSAGE);
  return soffice;
}

let skipNoticePrinted = false;

/**
 * `describe` for tests that need LibreOffice.
 * - LibreOffice present: a normal describe.
 * - Missing under CI: the block contains one test that fails with MISSING_SOFFICE_MESSAGE.
 * - Missing locally: describe.skip, and the reason is printed once (per test file).
 */
export function describeWithOffice(name: string, fn: () => void): void {
  if (findSoffice()) {
    describe(name, fn);
  } else if (isCI()) {
    describe(name, () => {
      it('needs LibreOffice', () => {
        throw new Error(MISSING_SOFFICE_MESSAGE);
      });
    });
  } else {
    if (!skipNoticePrinted) {
      skipNoticePrinted = true;
      console.warn(`Skipping LibreOffice tests: ${MISSING_SOFFICE_MESSAGE}`);
    }
    describe.skip(name, fn);
  }
}

export function runSoffice(soffice: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    // Own process group, so a timeout kills soffice.bin too and not only the wrapper script.
    const child = spawn(soffice, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        /* already gone */
      }
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${soffice}: ${err.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) reject(new Error(`soffice timed out after ${timeoutMs} ms\n${output}`));
      else if (code !== 0) reject(new Error(`soffice exited with ${code ?? signal}\n${output}`));
      else resolve(output);
    });
  });
}

/**
 * Converts `inputPath` with LibreOffice into `outDir` and returns the output file's path
 * (`<outDir>/<input basename>.<targetExt>`). Each call uses its own throw-away LibreOffice
 * profile, so parallel jest workers do not hand their work to each other's soffice.
 */
export async function convertWithLibreOffice(
  inputPath: string,
  targetExt: OfficeTargetExt,
  outDir: string,
  options: ConvertOptions = {},
): Promise<string> {
  const soffice = requireSoffice();
  const input = path.resolve(inputPath);
  if (!fs.existsSync(input)) throw new Error(`convertWithLibreOffice: no such file ${input}`);
  const dir = path.resolve(outDir);
  fs.mkdirSync(dir, { recursive: true });
  const outPath = path.join(dir, `${path.parse(input).name}.${targetExt}`);
  if (outPath === input) throw new Error(`convertWithLibreOffice: output would overwrite the input ${input}`);
  fs.rmSync(outPath, { force: true });

  const inputFilter = options.inputFilter ?? (path.extname(input).toLowerCase() === '.csv' ? CSV_IMPORT_FILTER : undefined);
  const output = await convertInOneRun(soffice, [input], targetExt, dir, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, inputFilter);
  // soffice exits 0 even when it could not convert ("Error: source file could not be loaded").
  if (!fs.existsSync(outPath) || fs.statSync(outPath).size === 0) throw new Error(`soffice produced no ${outPath}\n${output}`);
  return outPath;
}

/**
 * One soffice run converting `inputs` into `dir`, with a throw-away profile (parallel jest
 * workers never hand their work to each other's soffice); gives what soffice printed.
 */
export async function convertInOneRun(
  soffice: string,
  inputs: readonly string[],
  targetExt: OfficeTargetExt,
  dir: string,
  timeoutMs: number,
  inputFilter?: string,
): Promise<string> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'huizong-lo-profile-'));
  const args = [
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    '--headless',
    '--norestore',
    '--nologo',
    '--nodefault',
    '--nolockcheck',
    ...(inputFilter ? [`--infilter=${inputFilter}`] : []),
    '--convert-to',
    `${targetExt}:${EXPORT_FILTERS[targetExt]}`,
    '--outdir',
    dir,
    ...inputs,
  ];
  try {
    return await runSoffice(soffice, args, timeoutMs);
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
