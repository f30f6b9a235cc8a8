/** `huizong validate` as staff and scripts use it: readable output, --json, exit codes. */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { activityRow, labelsOf, tempDir, writeCsv, writeXlsx } from '../helpers/workbooks';

const root = path.resolve(__dirname, '../..');
const dir = tempDir('huizong-cli-');
const labels = labelsOf('activity-summary');
const clean = writeXlsx(path.join(dir, '甲工会.xlsx'), [{ name: 'Sheet1', rows: [labels, activityRow()] }]);
const broken = writeXlsx(path.join(dir, '乙工会.xlsx'), [
  { name: 'Sheet1', rows: [labels, activityRow({ publicityParticipants: '若干' })] },
]);

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('a clean return exits 0 and says so', async () => {
  const result = await run('validate', clean, '--today', '2024-03-25');
  expect(result.code).toBe(0);
  expect(result.out).toContain('工作表“Sheet1”：维权行动月活动数据汇总表，表头在第1行，1行数据');
  expect(result.out).toContain('没有发现问题。');
  expect(result.out).toContain('共 1 个文件：0 个错误，0 个警告。');
});

test('errors are listed by cell in Chinese and the exit code is 1', async () => {
  const result = await run('validate', clean, broken, '--today', '2024-03-25');
  expect(result.code).toBe(1);
  expect(result.out).toContain('错误  E2 宣传活动参与人数（人次）：“若干”不是整数，请填写不小于0的整数');
  expect(result.out).toContain('共 2 个文件：1 个错误，0 个警告。');
});

test('--json prints one report with every issue located', async () => {
  const result = await run('validate', broken, '--json', '--today', '2024-03-25');
  expect(result.code).toBe(1);
  const report = JSON.parse(result.out);
  expect(report.summary).toEqual({ files: 1, errors: 1, warnings: 0 });
  expect(report.files[0]).toMatchObject({ file: broken, errors: 1, tables: [{ sheet: 'Sheet1', form: 'activity-summary', rows: 1 }] });
  expect(report.issues).toEqual([
    {
      file: broken,
      sheet: 'Sheet1',
      cell: 'E2',
      field: 'publicityParticipants',
      severity: 'error',
      rule: 'value.not-integer',
      code: 'value.not-integer',
      message: 'E2 宣传活动参与人数（人次）：“若干”不是整数，请填写不小于0的整数',
    },
  ]);
});

test('a folder is searched for returns, and a file that is not a spreadsheet is reported, not fatal', async () => {
  const folder = tempDir('huizong-folder-');
  fs.copyFileSync(broken, path.join(folder, 'a.xlsx'));
  fs.writeFileSync(path.join(folder, 'b.xlsx'), 'not a workbook');
  writeCsv(path.join(folder, 'c.csv'), [labels, activityRow()]);
  fs.writeFileSync(path.join(folder, 'readme.txt'), 'ignored');
  const result = await run('validate', folder, '--json', '--today', '2024-03-25');
  const report = JSON.parse(result.out);
  expect(report.files.map((f: { file: string }) => path.basename(f.file))).toEqual(['a.xlsx', 'b.xlsx', 'c.csv']);
  expect(report.issues.find((i: { file: string }) => i.file.endsWith('b.xlsx'))).toMatchObject({
    code: 'file.not-spreadsheet',
    message: expect.stringMatching(/^这是其他格式的文件，不是 Excel 工作簿，无法读取/),
  });
  expect(result.code).toBe(1);
});

test('English on request', async () => {
  const result = await run('validate', broken, '--lang', 'en', '--today', '2024-03-25');
  expect(result.out).toContain('E2 Publicity participants');
  expect(result.out).toContain('"若干" is not a whole number. Please enter a whole number of 0 or more');
});

test('usage errors exit 2 with a message in Chinese', async () => {
  expect((await run('validate')).code).toBe(2);
  const unknown = await run('validate', clean, '--form', 'nope');
  expect(unknown.code).toBe(2);
  expect(unknown.err).toContain('没有编号为“nope”的表单');
  expect((await run('frobnicate')).err).toContain('不认识的命令“frobnicate”');
  const bogus = await run('validate', '--bogus', clean);
  expect(bogus.code).toBe(2);
  expect(bogus.err).toContain('未知的选项 --bogus；可用的选项：');
});

test('a broken form definition of the user is named by JSON path, in Chinese, and the run stops with 2', async () => {
  const def = JSON.parse(fs.readFileSync(path.join(root, 'forms/activity-summary.json'), 'utf8'));
  def.kind = 'table';
  def.rules[0].other = 'nosuchfield';
  const file = path.join(dir, 'mine.json');
  fs.writeFileSync(file, JSON.stringify(def));
  const result = await run('validate', clean, '--definition', file);
  expect(result.code).toBe(2);
  expect(result.err).toContain('表单定义有误：/kind 应当是预设定的枚举值之一（per-unit、list）');
});

test('a user definition is used like a shipped one', async () => {
  const def = JSON.parse(fs.readFileSync(path.join(root, 'forms/quiz-results.json'), 'utf8'));
  def.id = 'my-quiz';
  def.schema.properties.competitionName.title = '活动名称';
  const file = path.join(dir, 'my-quiz.json');
  fs.writeFileSync(file, JSON.stringify(def));
  const header = Object.values(def.schema.properties).map((p) => (p as { title: string }).title);
  const ret = writeXlsx(path.join(dir, 'my.xlsx'), [
    {
      name: 'Sheet1',
      rows: [
        header,
        [
          '河东区总工会',
          '普法竞赛',
          '本级组织',
          '线上答题',
          '2024-03-01',
          '2024-03-10',
          1,
          10,
          2,
          300,
          200,
          450,
          300,
          290,
          30,
          '孔迪',
          '13812345678',
          '2024-03-20',
        ],
      ],
    },
  ]);
  const result = await run('validate', ret, '--definition', file, '--form', 'my-quiz', '--json', '--today', '2024-03-25');
  expect(JSON.parse(result.out).files[0].tables[0].form).toBe('my-quiz');
  expect(result.code).toBe(0);
});

test('runs from the repo root as `npm run -s huizong -- validate`', () => {
  const done = spawnSync('npm', ['run', '-s', 'huizong', '--', 'validate', broken, '--today', '2024-03-25'], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(done.status).toBe(1);
  expect(done.stdout).toContain('“若干”不是整数');
  const help = execFileSync('node', ['bin/huizong.js', '--help'], { cwd: root, encoding: 'utf8' });
  expect(help).toContain('huizong validate');
});
