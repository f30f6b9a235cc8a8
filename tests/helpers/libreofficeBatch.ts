/**
 * Test helper: convert MANY files with ONE LibreOffice run. soffice takes a second or two to
 * start, and then converts each further file in a fraction of that; ./libreoffice converts one
 * file per run. Same conventions as ./libreoffice: a throw-away profile per run (parallel jest
 * workers never hand their work to each other's soffice), its own process group (a timeout
 * kills soffice.bin too), and every expected output file checked (soffice exits 0 even when
 * it could not convert a file).
 *
 *   const out = await convertManyWithLibreOffice([a, b, c], 'xls', dir); // dir/a.xls, dir/b.xls, …
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { EXPORT_FILTERS, requireSoffice, type OfficeTargetExt } from './libreoffice';

const DEFAULT_TIMEOUT_MS = 180_000;

function run(soffice: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(soffice, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
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
 * Converts every input into `outDir` in one soffice run; returns the output paths in input
 * order (`<outDir>/<input basename>.<targetExt>`). Input basenames must be distinct, and no
 * output may overwrite an input.
 */
export async function convertManyWithLibreOffice(inputs: readonly string[], targetExt: OfficeTargetExt, outDir: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<string[]> {
  if (inputs.length === 0) return [];
  const soffice = requireSoffice();
  const dir = path.resolve(outDir);
  fs.mkdirSync(dir, { recursive: true });
  const sources = inputs.map((input) => path.resolve(input));
  const outputs = sources.map((input) => path.join(dir, `${path.parse(input).name}.${targetExt}`));
  if (new Set(outputs).size !== outputs.length) throw new Error('convertManyWithLibreOffice: two inputs share a basename');
  sources.forEach((input, i) => {
    if (!fs.existsSync(input)) throw new Error(`convertManyWithLibreOffice: no such file ${input}`);
    if (outputs[i] === input || sources.includes(outputs[i]!)) throw new Error(`convertManyWithLibreOffice: ${outputs[i]} would overwrite an input`);
    fs.rmSync(outputs[i]!, { force: true });
  });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'huizong-lo-profile-'));
  const args = [
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    '--headless',
    '--norestore',
    '--nologo',
    '--nodefault',
    '--nolockcheck',
    '--convert-to',
    `${targetExt}:${EXPORT_FILTERS[targetExt]}`,
    '--outdir',
    dir,
    ...sources,
  ];
  try {
    const output = await run(soffice, args, timeoutMs);
    const missing = outputs.filter((out) => !fs.existsSync(out) || fs.statSync(out).size === 0);
    if (missing.length) throw new Error(`soffice produced no ${missing.join(', ')}\n${output}`);
    return outputs;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
