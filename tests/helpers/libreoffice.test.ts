import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { convertWithLibreOffice, describeWithOffice, findSoffice } from './libreoffice';

const CSV_TEXT = '填报单位,开展宣传活动（场次）\n河东区总工会,12\n';

function magic(file: string, length: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(length);
    fs.readSync(fd, buf, 0, length, 0);
    return buf;
  } finally {
    fs.closeSync(fd);
  }
}

describeWithOffice('LibreOffice test helper', () => {
  let dir: string;
  let csvPath: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huizong-lo-test-'));
    csvPath = path.join(dir, '报表.csv');
    fs.writeFileSync(csvPath, CSV_TEXT, 'utf8');
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('finds soffice', () => {
    expect(findSoffice()).toEqual(expect.any(String));
  });

  it('converts UTF-8 CSV to xlsx and back to CSV, keeping the Chinese text', async () => {
    const xlsx = await convertWithLibreOffice(csvPath, 'xlsx', path.join(dir, 'xlsx'));
    expect(xlsx).toBe(path.join(dir, 'xlsx', '报表.xlsx'));
    expect(fs.statSync(xlsx).size).toBeGreaterThan(0);
    expect(magic(xlsx, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04])); // PK\x03\x04

    // Another reader sees the cells LibreOffice wrote, with 12 as a number.
    const sheet = XLSX.read(fs.readFileSync(xlsx)).Sheets;
    const first = Object.values(sheet)[0];
    expect(XLSX.utils.sheet_to_json(first, { header: 1 })).toEqual([
      ['填报单位', '开展宣传活动（场次）'],
      ['河东区总工会', 12],
    ]);

    const back = await convertWithLibreOffice(xlsx, 'csv', path.join(dir, 'back'));
    const text = fs.readFileSync(back, 'utf8');
    expect(text).toContain('填报单位');
    expect(text).toContain('开展宣传活动（场次）');
    expect(text).toContain('河东区总工会');
    const rows = text
      .trim()
      .split(/\r?\n/)
      .map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')));
    expect(rows).toEqual([
      ['填报单位', '开展宣传活动（场次）'],
      ['河东区总工会', '12'],
    ]);
  });

  it('converts UTF-8 CSV to xls (BIFF8 in an OLE2 container)', async () => {
    const xls = await convertWithLibreOffice(csvPath, 'xls', path.join(dir, 'xls'));
    expect(xls.endsWith('.xls')).toBe(true);
    expect(fs.statSync(xls).size).toBeGreaterThan(0);
    expect(magic(xls, 4)).toEqual(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    const first = Object.values(XLSX.read(fs.readFileSync(xls)).Sheets)[0];
    expect(XLSX.utils.sheet_to_json(first, { header: 1 })).toEqual([
      ['填报单位', '开展宣传活动（场次）'],
      ['河东区总工会', 12],
    ]);
  });

  it('converts UTF-8 CSV to ods', async () => {
    const ods = await convertWithLibreOffice(csvPath, 'ods', path.join(dir, 'ods'));
    expect(magic(ods, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    // ODF puts its uncompressed mimetype first.
    expect(magic(ods, 100).toString('latin1')).toContain('application/vnd.oasis.opendocument.spreadsheet');
  });

  it('rejects a missing input file', async () => {
    await expect(convertWithLibreOffice(path.join(dir, 'nope.csv'), 'xlsx', dir)).rejects.toThrow(/no such file/);
  });
});
