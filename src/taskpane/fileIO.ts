/**
 * Files in the pane: chosen or dropped files read into bytes, results saved as downloads,
 * and the bundled 示例数据. Browser APIs only (the pane also runs outside Office).
 */
import type { CompiledForm } from '../core/definitions/compile';
import type { RollupFile } from './rollup/protocol';

export const RETURN_ACCEPT = '.xlsx,.xlsm,.xls,.csv';

export async function readChosenFiles(list: FileList | readonly File[] | null): Promise<RollupFile[]> {
  const files = list ? Array.from(list) : [];
  return Promise.all(
    files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), modified: file.lastModified })),
  );
}

/** Offers bytes as a download (browser mode; in Excel the pane opens a new workbook instead). */
export function downloadBytes(
  name: string,
  bytes: Uint8Array,
  type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export interface ExampleSet {
  returns: RollupFile[];
  roster?: RollupFile;
}

/** The example district bundled with the pane (served next to taskpane.html). */
export async function loadExamples(base = './examples/'): Promise<ExampleSet> {
  const paths = typeof HUIZONG_EXAMPLES === 'undefined' ? [] : HUIZONG_EXAMPLES;
  // Opened from a folder (file://), a page cannot fetch files beside it: the built-in copies then.
  const fromFolder = typeof location !== 'undefined' && location.protocol === 'file:';
  const fetchFile = async (path: string): Promise<RollupFile> => {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (fromFolder) {
      const { inlineExample } = await import(/* webpackChunkName: "examples" */ './examplesInline');
      const bytes = inlineExample(path);
      if (bytes) return { name, bytes };
    }
    const response = await fetch(base + path.split('/').map(encodeURIComponent).join('/'));
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return { name, bytes: new Uint8Array(await response.arrayBuffer()) };
  };
  const returns = await Promise.all(paths.filter((p) => p.includes('/returns/')).map(fetchFile));
  const rosterPath = paths.find((p) => p.endsWith('单位名单.csv'));
  return rosterPath ? { returns, roster: await fetchFile(rosterPath) } : { returns };
}

function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // A leading = + - @ would be a formula to Excel: the apostrophe keeps it text.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Entered rows as a UTF-8 CSV (with BOM, so Excel reads the Chinese) under the form's labels. */
export function rowsAsCsv(form: CompiledForm, rows: readonly Record<string, unknown>[]): Uint8Array {
  const lines = [form.fields.map((f) => csvField(f.label)).join(',')];
  for (const row of rows) lines.push(form.fields.map((f) => csvField(row[f.id])).join(','));
  return new TextEncoder().encode('\uFEFF' + lines.join('\r\n') + '\r\n');
}
