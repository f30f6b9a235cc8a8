/* eslint-disable @typescript-eslint/no-explicit-any -- the CLI's --json output is read back as untyped JSON, as a user's script would */
/**
 * The quiz form's two ratios (spec, form 2): 女职工参赛率 over the units that gave their women
 * workers, with how many did; 女职工占参赛人数比例 over all participants. Returns made from the
 * old template (no 本单位女职工人数 column) are still read. QR-R05 only warns.
 */
import * as XLSX from '@e965/xlsx';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { idsOf, labelsOf, tempDir, writeXlsx } from '../helpers/workbooks';
import type { CellValue } from '../../src/core/values/types';

const ids = idsOf('quiz-results');
const labels = labelsOf('quiz-results');

function quizRow(values: Record<string, CellValue>, fieldIds = ids): CellValue[] {
  const base: Record<string, CellValue> = {
    competitionName: '女职工权益保护法律法规知识竞赛',
    organisation: '本级组织',
    format: '线上答题',
    sessions: 1,
    contactPerson: '张敏',
    contactPhone: '13812345678',
    fillDate: '2024-03-20',
  };
  return fieldIds.map((id) => (id in values ? values[id]! : (base[id] ?? null)));
}

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('quiz roll-up: 女职工参赛率 and 女职工占参赛人数比例', () => {
  const dir = tempDir('huizong-quiz-');
  const returns = path.join(dir, 'returns');
  fs.mkdirSync(returns);
  writeXlsx(path.join(returns, '甲.xlsx'), [
    { name: 'Sheet1', rows: [labels, quizRow({ unitName: '甲工会', participants: 100, femaleParticipants: 60, femaleWorkers: 80 })] },
  ]);
  // More women took part than the unit has: staff of other units may join, so only a warning.
  writeXlsx(path.join(returns, '乙.xlsx'), [
    { name: 'Sheet1', rows: [labels, quizRow({ unitName: '乙工会', participants: 50, femaleParticipants: 30, femaleWorkers: 20 })] },
  ]);
  // Made from the 2024.1 template: no 本单位女职工人数 column at all.
  const oldIds = ids.filter((id) => id !== 'femaleWorkers');
  writeXlsx(path.join(returns, '丙（旧模板）.xlsx'), [
    {
      name: 'Sheet1',
      rows: [
        labels.filter((l) => l !== '本单位女职工人数（人）'),
        quizRow({ unitName: '丙工会', participants: 50, femaleParticipants: 10 }, oldIds),
      ],
    },
  ]);
  let report: any;
  const out = path.join(dir, '汇总.xlsx');

  beforeAll(async () => {
    const result = await run('rollup', returns, '--form', 'quiz-results', '--out', out, '--json', '--today', '2024-03-26');
    report = JSON.parse(result.out);
  });

  test('the old-template return is read and counted; its women workers are simply not given', () => {
    expect(report.files.map((f: any) => [path.basename(f.file), f.status])).toEqual([
      ['丙（旧模板）.xlsx', 'accepted'],
      ['乙.xlsx', 'accepted'],
      ['甲.xlsx', 'accepted'],
    ]);
    const bing = report.rows.find((r: any) => r.unit === '丙工会');
    expect(bing.status).toBe('counted');
    expect(bing.values.femaleWorkers).toBeNull();
    expect(report.issues.filter((i: any) => i.file.endsWith('丙（旧模板）.xlsx'))).toEqual([]);
  });

  test('女职工参赛率 = women participants ÷ women workers, over the two units that gave them', () => {
    expect(report.totals.femaleWorkers).toBe(100);
    expect(report.totals.femaleRate).toBeCloseTo((60 + 30) / (80 + 20), 10);
    expect(report.coverage).toEqual({ femaleRate: { given: 2, of: 3 } });
  });

  test('女职工占参赛人数比例 = women participants ÷ all participants, over every unit', () => {
    expect(report.totals.femaleShare).toBeCloseTo((60 + 30 + 10) / 200, 10);
  });

  test('QR-R05: more women taking part than women workers is a warning on the cell', () => {
    const warn = report.issues.filter((i: any) => i.rule === 'QR-R05');
    expect(warn).toHaveLength(1);
    expect(warn[0]).toMatchObject({ severity: 'warning', field: 'femaleParticipants' });
    expect(warn[0].file.endsWith('乙.xlsx')).toBe(true);
    expect(warn[0].message).toContain('本单位女职工人数（人）');
  });

  test('the 合计 row says how many units the rate covers', () => {
    const book = XLSX.read(fs.readFileSync(out));
    const rows: unknown[][] = XLSX.utils.sheet_to_json(book.Sheets['汇总'], { header: 1 });
    const header = rows[3]!;
    const total = rows.find((r) => r[0] === '合计')!;
    expect(total[header.indexOf('女职工参赛率')]).toBeCloseTo(0.9, 10);
    expect(total[header.indexOf('女职工占参赛人数比例')]).toBeCloseTo(0.5, 10);
    expect(total[header.indexOf('说明')]).toBe('女职工参赛率：3 个单位中 2 个填报了女职工人数');
  });
});
