/**
 * Test helper: workbooks saved WITH A PASSWORD by LibreOffice (another program than ours), e.g.
 * an .xls encrypted with Excel's default key, "VelvetSweatshop". `soffice --convert-to` takes no
 * password, so a Basic macro in a throw-away profile opens each file and stores it with the
 * `Password` property of the media descriptor, as Calc's "Save with password" does.
 *
 * LibreOffice 7.4 stores .xls with a password as RC4 encryption; its .xlsx export ignores the
 * property, so encrypted .xlsx fixtures come from officecrypto-tool's `encrypt` instead.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { EXPORT_FILTERS, requireSoffice, runSoffice } from './libreoffice';

export interface PasswordJob {
  input: string;
  output: string;
  password: string;
}

const TIMEOUT_MS = 480_000;

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Opens a workbook hidden (Basic wants the module's lines on lines of their own, or it hangs headless) and stores it as .xls with a password (one macro call a job). */
const MACRO = `Sub SaveWithPassword(src As String, dst As String, pw As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = "Hidden" : load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), "_blank", 0, load())
  Dim store(1) As New com.sun.star.beans.PropertyValue
  store(0).Name = "FilterName" : store(0).Value = "${EXPORT_FILTERS.xls}"
  store(1).Name = "Password" : store(1).Value = pw
  doc.storeToURL(ConvertToURL(dst), store())
  doc.close(True)
End Sub`;

/** Saves each input as an .xls encrypted with its password, in one soffice run after the profile's first start. */
export async function saveXlsWithPassword(jobs: readonly PasswordJob[]): Promise<void> {
  const soffice = requireSoffice();
  if (jobs.length === 0) return;
  for (const job of jobs) {
    // The macro's arguments are quoted and comma-separated; the tests' temporary paths hold neither.
    if (/[,"]/.test(job.input + job.output + job.password)) throw new Error(`saveXlsWithPassword: , or " in ${job.input}`);
    if (path.extname(job.output).toLowerCase() !== '.xls') throw new Error(`saveXlsWithPassword: ${job.output} is not .xls`);
    fs.rmSync(job.output, { force: true });
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'huizong-lo-password-'));
  const env = `-env:UserInstallation=${pathToFileURL(profile).href}`;
  try {
    // The first start lays the profile out, writing over any macro library put there before it:
    // a conversion of the first input, thrown away, is that start.
    const scratch = path.join(profile, 'scratch');
    await runSoffice(
      soffice,
      [env, '--headless', '--norestore', '--convert-to', 'csv', '--outdir', scratch, path.resolve(jobs[0]!.input)],
      TIMEOUT_MS,
    );
    const module = path.join(profile, 'user', 'basic', 'Standard', 'Module1.xba');
    fs.writeFileSync(
      module,
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n' +
        `<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">\n${xml(MACRO)}\n</script:module>\n`,
    );
    const calls = jobs.map(
      (j) => `macro:///Standard.Module1.SaveWithPassword("${path.resolve(j.input)}","${path.resolve(j.output)}","${j.password}")`,
    );
    const output = await runSoffice(soffice, [env, '--headless', '--norestore', ...calls], TIMEOUT_MS);
    for (const job of jobs)
      if (!fs.existsSync(job.output) || fs.statSync(job.output).size === 0) throw new Error(`soffice wrote no ${job.output}\n${output}`);
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
