/**
 * What reading one large sheet part costs the lean reader: a ~50 MB worksheet (90,000 rows of
 * ten cells, text and numbers, under the default cell limit) zipped at level 6, then timed in
 * its stages: inflate alone, inflate with the guards' checks (size, CRC-32, elements counted), UTF-8 decoding, and the whole read. Medians of
 * three runs. `npx tsx scripts/measure-large-part.ts`
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { openCheckedZip } from '../src/files/guards';
import { readLean } from '../src/files/readLean';
import { readWithSheetJs } from '../src/files/readWithSheetJs';
import { workbookParts } from '../tests/helpers/hostile';

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const ROWS = 90_000;
const column = (c: number) => String.fromCharCode(65 + c);
const rows: string[] = [];
for (let r = 1; r <= ROWS; r++) {
  let row = `<row r="${r}">`;
  for (let c = 0; c < 10; c++) {
    const ref = `${column(c)}${r}`;
    row +=
      c % 2 === 0
        ? `<c r="${ref}" t="inlineStr"><is><t>第${r}行 女职工委员会 备注${c}</t></is></c>`
        : `<c r="${ref}"><v>${(r * 7 + c) % 100000}</v></c>`;
  }
  rows.push(row + '</row>');
}
const sheet = `${XML}<worksheet xmlns="${MAIN}"><sheetData>${rows.join('')}</sheetData></worksheet>`;
const parts = Object.fromEntries(Object.entries(workbookParts(sheet)).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v]));
const partBytes = parts['xl/worksheets/sheet1.xml']!.length;
const zip = zipSync(parts, { level: 6 });

function median(run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[1]!;
}

const bare = median(() => void unzipSync(zip, { filter: (f) => f.name === 'xl/worksheets/sheet1.xml' }));
let inflated: Uint8Array | undefined;
const inflate = median(() => {
  const opened = openCheckedZip(zip);
  if (!opened.ok) throw new Error(opened.code);
  inflated = opened.zip.part('xl/worksheets/sheet1.xml');
});
const decode = median(() => void strFromU8(inflated!));
const lean = median(() => {
  const read = readLean('big.xlsx', zip);
  if (!read?.ok) throw new Error(read ? read.code : 'left to SheetJS');
});
const sheetjs = process.argv.includes('--sheetjs')
  ? median(() => {
      const read = readWithSheetJs('big.xlsx', zip);
      if (!read.ok) throw new Error(read.code);
    })
  : undefined;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
console.log(`sheet part ${mb(partBytes)} (${ROWS} rows x 10 cells), zipped ${mb(zip.length)}`);
console.log(`inflate alone (fflate unzipSync): ${bare.toFixed(0)} ms`);
console.log(`inflate + guards' checks: ${inflate.toFixed(0)} ms`);
console.log(`UTF-8 decoding (strFromU8): ${decode.toFixed(0)} ms`);
console.log(`whole lean read (readLean): ${lean.toFixed(0)} ms`);
if (sheetjs !== undefined) console.log(`SheetJS read (readWithSheetJs): ${sheetjs.toFixed(0)} ms`);
