/**
 * Workbooks encrypted with Excel's default key ("VelvetSweatshop") open in Excel without a
 * password: the command line reads them (validate, rollup --form with roster and last year, the
 * whole notice). A real password keeps its message, an XOR-obfuscated .xls keeps the message
 * saying what to do in Excel, and no input file is ever changed. Fixtures are made here: .xlsx
 * with officecrypto-tool's encrypt (agile and standard), .xls with LibreOffice's password save.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import officeCrypto from 'officecrypto-tool';
import { main } from '../../src/cli/main';
import { activityRow, labelsOf, tempDir, writeCsv, writeXlsx } from '../helpers/workbooks';
import { afterBof, biffRecord, defaultKeyWithSpinCount, editXls } from '../helpers/hostile';
import { describeWithOffice } from '../helpers/libreoffice';
import { saveXlsWithPassword } from '../helpers/libreofficePassword';

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const DEFAULT_KEY = 'VelvetSweatshop';
const labels = labelsOf('activity-summary');

/** A unit's return, and the same encrypted (the plain file removed: only the encrypted one is read). */
function encryptedReturn(dir: string, file: string, unit: string, password: string, type?: 'standard'): string {
  const plain = writeXlsx(path.join(dir, `plain-${unit}.xlsx`), [{ name: 'Sheet1', rows: [labels, activityRow({ unitName: unit })] }]);
  const bytes = officeCrypto.encrypt(fs.readFileSync(plain), type ? { password, type } : { password });
  fs.rmSync(plain);
  const target = path.join(dir, file);
  fs.writeFileSync(target, bytes);
  return target;
}

const snapshot = (files: string[]) => files.map((f) => fs.readFileSync(f).toString('base64'));

describe('default-key .xlsx (agile and standard encryption)', () => {
  const dir = tempDir('huizong-default-key-');
  const agile = encryptedReturn(dir, '甲-默认密钥.xlsx', '甲工会', DEFAULT_KEY);
  const standard = encryptedReturn(dir, '乙-默认密钥.xlsx', '乙工会', DEFAULT_KEY, 'standard');
  const secret = encryptedReturn(dir, '丙-有密码.xlsx', '丙工会', 'secret-123');
  const before = snapshot([agile, standard, secret]);

  test('validate reads both as Excel opens them; a real password keeps its message', async () => {
    const result = await run('validate', agile, standard, secret, '--json', '--today', '2024-03-26');
    const report = JSON.parse(result.out);
    const byFile = (f: string) => report.files.find((x: { file: string }) => x.file === f);
    expect(byFile(agile).tables).toHaveLength(1);
    expect(byFile(standard).tables).toHaveLength(1);
    expect(byFile(secret).tables).toHaveLength(0);
    const issues = report.issues.filter((i: { file: string }) => i.file === secret);
    expect(issues.map((i: { code: string }) => i.code)).toEqual(['file.password']);
    expect(report.issues.some((i: { file: string; code: string }) => i.file !== secret && i.code.startsWith('file.'))).toBe(false);
    expect(snapshot([agile, standard, secret])).toEqual(before);
  });

  test('rollup --form counts them, with a default-key roster and last year', async () => {
    const roster = path.join(dir, '名单.xlsx');
    writeXlsx(path.join(dir, 'plain-roster.xlsx'), [{ name: 'Sheet1', rows: [['单位名称'], ['甲工会'], ['乙工会'], ['丙工会']] }]);
    fs.writeFileSync(roster, officeCrypto.encrypt(fs.readFileSync(path.join(dir, 'plain-roster.xlsx')), { password: DEFAULT_KEY }));
    fs.rmSync(path.join(dir, 'plain-roster.xlsx'));
    const lastYearDir = tempDir('huizong-default-key-last-');
    const lastYear = encryptedReturn(lastYearDir, '去年.xlsx', '甲工会', DEFAULT_KEY);
    const inputs = [agile, standard, secret, roster, lastYear];
    const kept = snapshot(inputs);
    const out = path.join(tempDir(), 'o.xlsx');
    const result = await run(
      'rollup',
      agile,
      standard,
      secret,
      '--form',
      'activity-summary',
      '--roster',
      roster,
      '--last-year',
      lastYear,
      '--out',
      out,
      '--json',
      '--today',
      '2024-03-26',
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out);
    const files = Object.fromEntries(report.files.map((f: { file: string }) => [path.basename(f.file), f]));
    expect(files['甲-默认密钥.xlsx'].status).toBe('accepted');
    expect(files['乙-默认密钥.xlsx'].status).toBe('accepted');
    expect(files['丙-有密码.xlsx'].status).toBe('rejected');
    expect(files['丙-有密码.xlsx'].reason).toContain('文件已加密');
    expect(report.units.map((u: { unit: string }) => u.unit)).toEqual(['甲工会', '乙工会', '丙工会']);
    expect(report.lastYear).toBeDefined();
    expect(report.issues.some((i: { message: string }) => /去年|last year/.test(i.message) && /加密/.test(i.message))).toBe(false);
    expect(snapshot(inputs)).toEqual(kept);
  });

  test('the whole notice reads a default-key return', async () => {
    const inbox = tempDir('huizong-default-key-notice-');
    const unitDir = path.join(inbox, '甲工会');
    fs.mkdirSync(unitDir);
    const file = encryptedReturn(unitDir, '数据汇总表.xlsx', '甲工会', DEFAULT_KEY);
    const roster = writeCsv(path.join(inbox, '..', `名单-${path.basename(inbox)}.csv`), [['单位名称'], ['甲工会']]);
    const kept = snapshot([file]);
    const result = await run(
      'rollup',
      inbox,
      '--materials',
      'activity-summary',
      '--roster',
      roster,
      '--out',
      path.join(tempDir(), 'n.xlsx'),
      '--json',
      '--today',
      '2024-03-26',
    );
    const report = JSON.parse(result.out);
    const line = report.files.find((f: { file: string }) => f.file.endsWith('数据汇总表.xlsx'));
    expect(line.status).toBe('accepted');
    expect(report.materials).toEqual([{ unit: '甲工会', items: { 'activity-summary': 'received' } }]);
    expect(snapshot([file])).toEqual(kept);
  });
});

test("template --roster fills in a default-key roster's units", async () => {
  const dir = tempDir('huizong-default-key-template-');
  const plain = writeXlsx(path.join(dir, 'plain.xlsx'), [{ name: 'Sheet1', rows: [['单位名称'], ['甲工会'], ['乙工会']] }]);
  const roster = path.join(dir, '名单.xlsx');
  fs.writeFileSync(roster, officeCrypto.encrypt(fs.readFileSync(plain), { password: DEFAULT_KEY }));
  fs.rmSync(plain);
  const kept = snapshot([roster]);
  const out = path.join(dir, '模板.xlsx');
  const result = await run('template', 'activity-summary', '--roster', roster, '--year', '2024', '--out', out);
  expect(result.code).toBe(0);
  expect(result.err).not.toMatch(/加密/);
  const book = XLSX.read(fs.readFileSync(out), { type: 'buffer' });
  const cells = book.SheetNames.flatMap((name) => XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name]!, { header: 1 }).flat());
  expect(cells).toEqual(expect.arrayContaining(['甲工会', '乙工会']));
  expect(snapshot([roster])).toEqual(kept);
});

test('a default-key .xlsx asking for more password hashing than Excel is not decrypted', async () => {
  // One round more than Excel's 100,000, the key made with it: the library would open it.
  const dir = tempDir('huizong-default-key-spin-');
  const plain = writeXlsx(path.join(dir, 'plain.xlsx'), [{ name: 'Sheet1', rows: [labels, activityRow({ unitName: '戊工会' })] }]);
  const file = path.join(dir, '多轮哈希.xlsx');
  fs.writeFileSync(file, defaultKeyWithSpinCount(new Uint8Array(fs.readFileSync(plain)), 100_001));
  const result = await run('validate', file, '--json', '--today', '2024-03-26');
  const report = JSON.parse(result.out);
  expect(report.files[0].tables).toHaveLength(0);
  expect(report.issues.map((i: { code: string }) => i.code)).toEqual(['file.password']);
});

test('an XOR-obfuscated .xls with the default key still says what to do in Excel', async () => {
  const dir = tempDir('huizong-default-key-xor-');
  const file = path.join(dir, '默认加密.xls');
  fs.writeFileSync(
    file,
    editXls((stream) => afterBof(stream, biffRecord(0x002f, [0, 0, 0x34, 0x12, 0x0a, 0x9a]))),
  );
  const result = await run('validate', file, '--json');
  const issue = JSON.parse(result.out).issues[0];
  expect(issue.code).toBe('file.default-encryption');
  expect(issue.message).toContain('文件 → 信息 → 保护工作簿 → 用密码进行加密');
});

describeWithOffice('default-key .xls saved by LibreOffice (RC4)', () => {
  const dir = tempDir('huizong-default-key-xls-');
  const plain = writeXlsx(path.join(dir, 'plain.xlsx'), [{ name: 'Sheet1', rows: [labels, activityRow({ unitName: '丁工会' })] }]);
  const defaultKey = path.join(dir, 'default-key.xls');
  const secret = path.join(dir, 'secret.xls');

  beforeAll(async () => {
    await saveXlsWithPassword([
      { input: plain, output: defaultKey, password: DEFAULT_KEY },
      { input: plain, output: secret, password: 'secret-123' },
    ]);
  });

  test('validate reads the default-key one and names the real password of the other', async () => {
    const kept = snapshot([defaultKey, secret]);
    const result = await run('validate', defaultKey, secret, '--json', '--today', '2024-03-26');
    const report = JSON.parse(result.out);
    expect(report.files[0].tables).toHaveLength(1);
    expect(report.files[1].tables).toHaveLength(0);
    expect(report.issues.filter((i: { file: string }) => i.file === secret).map((i: { code: string }) => i.code)).toEqual([
      'file.password',
    ]);
    expect(snapshot([defaultKey, secret])).toEqual(kept);
  });

  test('rollup --form counts the default-key .xls', async () => {
    const result = await run('rollup', defaultKey, '--form', 'activity-summary', '--out', path.join(dir, 'o.xlsx'), '--json');
    const report = JSON.parse(result.out);
    expect(report.files.map((f: { status: string }) => f.status)).toEqual(['accepted']);
    expect(report.rows.map((r: { unit: string }) => r.unit)).toEqual(['丁工会']);
  });
});
