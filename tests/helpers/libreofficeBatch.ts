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
import * as fs from 'fs';
import * as path from 'path';
import { convertInOneRun, requireSoffice, type OfficeTargetExt } from './libreoffice';

const DEFAULT_TIMEOUT_MS = 480_000;

/**
 * Converts every input into `outDir` in one soffice run; returns the output paths in input
 * order (`<outDir>/<input basename>.<targetExt>`). Input basenames must be distinct, and no
 * output may overwrite an input.
 */
export async function convertManyWithLibreOffice(
  inputs: readonly string[],
  targetExt: OfficeTargetExt,
  outDir: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<string[]> {
  if (inputs.length === 0) return [];
  const soffice = requireSoffice();
  const dir = path.resolve(outDir);
  fs.mkdirSync(dir, { recursive: true });
  const sources = inputs.map((input) => path.resolve(input));
  const outputs = sources.map((input) => path.join(dir, `${path.parse(input).name}.${targetExt}`));
  if (new Set(outputs).size !== outputs.length) throw new Error('convertManyWithLibreOffice: two inputs share a basename');
  sources.forEach((input, i) => {
    if (!fs.existsSync(input)) throw new Error(`convertManyWithLibreOffice: no such file ${input}`);
    if (outputs[i] === input || sources.includes(outputs[i]!))
      throw new Error(`convertManyWithLibreOffice: ${outputs[i]} would overwrite an input`);
    fs.rmSync(outputs[i]!, { force: true });
  });
  const output = await convertInOneRun(soffice, sources, targetExt, dir, timeoutMs);
  const missing = outputs.filter((out) => !fs.existsSync(out) || fs.statSync(out).size === 0);
  if (missing.length) throw new Error(`soffice produced no ${missing.join(', ')}\n${output}`);
  return outputs;
}
