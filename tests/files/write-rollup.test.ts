import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { compileForm, type CompiledForm } from '../../src/core/definitions/compile';
import { shippedForm } from '../../src/core/definitions/shipped';
import type { RollupResult } from '../../src/core/rollup/types';
import { locateTable } from '../../src/core/table/locate';
import { classifyRows } from '../../src/core/table/rows';
import { shippedForms } from '../../src/core/definitions/shipped';
import { readWorkbook } from '../../src/files/readWorkbook';
import { writeRollupWorkbook } from '../../src/files/writeRollup';
import { convertWithLibreOffice, describeWithOffice } from '../helpers/libreoffice';
import { quizRollup as fixture, quizSheets } from '../helpers/quizRollup';

const quiz: CompiledForm = compileForm(shippedForm('quiz-results')!);
const activity: CompiledForm = compileForm(shippedForm('activity-summary')!);

/** A zip entry's text, read with SheetJS' own zip reader (no extra dependency). */
function zipText(bytes: Uint8Array, entry: string): string {
  const cfb = XLSX.CFB.read(bytes, { type: 'buffer' });
  const index = (cfb.FullPaths as string[]).findIndex((p) => p.endsWith(`/${entry}`));
  if (index < 0) throw new Error(`no ${entry} in the zip`);
  return Buffer.from(cfb.FileIndex[index].content).toString('utf8');
}

/** The worksheet XML of the sheet with this name (via workbook.xml and its relationships). */
function sheetXml(bytes: Uint8Array, name: string): string {
  const workbook = zipText(bytes, 'xl/workbook.xml');
  const rels = zipText(bytes, 'xl/_rels/workbook.xml.rels');
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target =
    new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
  if (!target) throw new Error(`no sheet ${name}`);
  return zipText(bytes, `xl/${target.replace(/^\/?xl\//, '')}`);
}

type Rows = unknown[][];

/** LibreOffice's CSV: comma separated, text in double quotes ("" inside). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

function grid(book: XLSX.WorkBook, name: string): Rows {
  return XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name]!, { header: 1, blankrows: true, defval: null });
}

describe('writeRollupWorkbook', () => {
  let bytes: Uint8Array;
  let book: XLSX.WorkBook;
  const labels = quiz.fields.map((f) => f.label);
  const col = (id: string) => quiz.fields.findIndex((f) => f.id === id);

  beforeAll(async () => {
    bytes = await writeRollupWorkbook(fixture(), quiz, { lang: 'zh-CN' });
    book = XLSX.read(bytes, { cellFormula: true, cellStyles: true, cellNF: true });
  });

  it('returns plain bytes of an xlsx (zip)', () => {
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('has the sheets in order, the metadata one very hidden', () => {
    expect(book.SheetNames).toEqual(['汇总', '报送情况', '问题清单', '_huizong']);
    expect(book.Workbook?.Sheets?.map((s) => s.Hidden)).toEqual([0, 0, 0, 2]);
  });

  it('汇总: title, unit line, group row and Chinese labels', () => {
    const rows = grid(book, '汇总');
    expect(rows[0]![0]).toBe(`${quiz.def.sheet.title['zh-CN'].replace('{year}', '2024')}（天津市总工会汇总）`);
    expect(String(rows[1]![0])).toMatch(/^汇总单位：天津市总工会\s+生成时间：2024-03-2\d \d\d:\d\d$/);
    expect(rows[2]![0]).toBe('基本信息');
    expect(rows[3]).toEqual([...labels, '女职工参赛率', '女职工占参赛人数比例', '来源文件', '工作表', '行号', '说明']);
    const merges = (book.Sheets['汇总']!['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m));
    expect(merges).toContain('A3:D3'); // 基本信息 over its four fields
  });

  it('汇总: one row per counted row with its source, then 合计 with the totals', () => {
    const rows = grid(book, '汇总');
    const data = rows.slice(4, 7);
    expect(data.map((r) => r[0])).toEqual(['河东区总工会', '和平区总工会', '滨海新区某公司工会']);
    expect(data[0]!.slice(labels.length + 2, labels.length + 5)).toEqual(['河东区.xlsx', '知识竞赛情况', 5]);
    expect(data[2]![labels.length + 5]).toBe('不在单位名单');
    const total = rows[7]!;
    expect(total[0]).toBe('合计');
    expect(total[col('sessions')]).toBe(5);
    expect(total[col('participants')]).toBe(180);
    expect(total[col('femaleParticipants')]).toBe(95);
    expect(total[labels.length]).toBeCloseTo(80 / 160, 10);
    expect(total[labels.length + 1]).toBeCloseTo(95 / 180, 10);
    expect(total[labels.length + 5]).toBe('女职工参赛率：3 个单位中 2 个填报了女职工人数');
    // Text columns stay blank in the total row.
    expect(total[col('competitionName')]).toBeNull();
  });

  it('汇总: formats — integers #,##0, dates real dates, the rate 0.0%', () => {
    const sheet = book.Sheets['汇总']!;
    const participants = sheet[XLSX.utils.encode_cell({ r: 4, c: col('participants') })]!;
    expect(participants).toMatchObject({ t: 'n', v: 100, z: '#,##0' });
    const fillDate = sheet[XLSX.utils.encode_cell({ r: 4, c: col('fillDate') })]!;
    expect(fillDate.t).toBe('n');
    expect(fillDate.z).toBe('yyyy-mm-dd');
    expect(fillDate.w).toBe('2024-03-20');
    const rate = sheet[XLSX.utils.encode_cell({ r: 4, c: labels.length })]!;
    expect(rate).toMatchObject({ t: 'n', v: 0.5, z: '0.0%', w: '50.0%' });
    expect(sheet[XLSX.utils.encode_cell({ r: 4, c: labels.length + 1 })]).toMatchObject({ t: 'n', v: 0.6, z: '0.0%', w: '60.0%' });
    const totalRate = sheet[XLSX.utils.encode_cell({ r: 7, c: labels.length })]!;
    expect(totalRate.w).toBe('50.0%');
    expect(sheet[XLSX.utils.encode_cell({ r: 7, c: labels.length + 1 })]!.w).toBe('52.8%');
  });

  it('汇总: frozen below the header; error cells light red, warnings amber', () => {
    const xml = sheetXml(bytes, '汇总');
    expect(xml).toMatch(/<pane [^>]*xSplit="1" ySplit="4"[^>]*state="frozen"/);
    const sheet = book.Sheets['汇总']!;
    const fill = (r: number, c: number) =>
      (sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject & { s?: { fgColor?: { rgb?: string } } }).s?.fgColor?.rgb;
    expect(fill(5, col('sessions'))).toBe('FFC7CE'); // 和平区 若干: unreadable, error
    expect(fill(4, col('contactPhone'))).toBe('FFEB9C'); // 河东区 phone: warning
    expect(fill(4, col('sessions'))).toBeUndefined();
    // The unreadable value is shown as written, as text, and the cell carries the message.
    expect(sheet[XLSX.utils.encode_cell({ r: 5, c: col('sessions') })]).toMatchObject({ t: 's', v: '若干' });
    const comment = (sheet[XLSX.utils.encode_cell({ r: 5, c: col('sessions') })] as XLSX.CellObject).c;
    expect(comment?.map((c) => c.t).join('')).toContain('不是整数');
  });

  it('汇总: superseded rows below the 合计, after a 注 line, grey, never in the total', () => {
    const rows = grid(book, '汇总');
    expect(rows[8]!.every((v) => v === null)).toBe(true);
    expect(String(rows[9]![0])).toMatch(/^注：以下1行已被/);
    const old = rows[10]!;
    expect(old[0]).toBe('和平区总工会');
    expect(old[col('participants')]).toBe(999);
    expect(old[labels.length + 2]).toBe('和平区（旧）.xlsx');
    expect(old[labels.length + 5]).toBe('已被更正版本替代：和平区.xlsx 知识竞赛情况 第5行');
    const cell = book.Sheets['汇总']![XLSX.utils.encode_cell({ r: 10, c: 0 })]!;
    expect(zipText(bytes, 'xl/styles.xml')).toContain('FF808080');
    expect(cell.v).toBe('和平区总工会');
    expect(rows.length).toBe(11);
  });

  it('writes text that looks like a formula as text, with no formula anywhere', () => {
    const sheet = book.Sheets['汇总']!;
    const at = (r: number, id: string) => sheet[XLSX.utils.encode_cell({ r, c: col(id) })]!;
    expect(at(4, 'competitionName')).toMatchObject({ t: 's', v: '=1+1' });
    expect(at(4, 'competitionName').f).toBeUndefined();
    expect(at(4, 'contactPerson')).toMatchObject({ t: 's', v: '@SUM(A1)' });
    expect(at(4, 'contactPerson').f).toBeUndefined();
    expect(at(6, 'competitionName')).toMatchObject({ t: 's', v: '+86 知识竞赛' });
    expect(at(6, 'contactPerson')).toMatchObject({ t: 's', v: '-' });
    for (const name of ['汇总', '报送情况', '问题清单', '_huizong']) expect(sheetXml(bytes, name)).not.toMatch(/<f[ >]/);
    expect(zipText(bytes, 'xl/sharedStrings.xml')).toContain('=1+1');
  });

  it('报送情况: counts, every roster unit with its status in Chinese, units not on the roster, the files', () => {
    const rows = grid(book, '报送情况');
    expect(rows[0]![0]).toBe(`${quiz.def.title['zh-CN']}报送情况`);
    expect(rows[1]![0]).toBe('应报 3，已报送 1，逾期 1，未报送 1，不在名单 1');
    expect(rows[3]).toEqual(quizSheets.statusHeader);
    const units = rows.slice(4, 8);
    expect(units.map((r) => [r[0], r[3]])).toEqual(quizSheets.unitStatuses);
    expect(units[1]!.slice(4)).toEqual(['和平区.xlsx', expect.anything(), expect.anything(), 1, 0, 1]);
    const sheet = book.Sheets['报送情况']!;
    expect(sheet['F6']!.w).toBe('2024-03-21');
    expect(sheet['G6']!.w).toBe('2024-03-18');
    expect(units[3]!.slice(1, 3)).toEqual([null, null]);
    expect(rows[8]!.every((v) => v === null)).toBe(true);
    expect(rows[9]![0]).toBe('收到的文件：共 5 个，已接收 4，已拒收 1');
    expect(rows[10]!.slice(0, 4)).toEqual(['文件', '结果', '数据行数', '原因']);
    const rejected = rows.find((r) => r[0] === '其他表.xlsx')!;
    expect(rejected.slice(0, 4)).toEqual(['其他表.xlsx', '已拒收', 0, '不是知识竞赛活动情况表，而是“维权行动月活动数据汇总表”']);
    expect(rows.find((r) => r[0] === '河东区.xlsx')!.slice(0, 3)).toEqual(['河东区.xlsx', '已接收', 1]);
  });

  it('问题清单: every issue with the field label and the severity in Chinese; autofilter and frozen header', () => {
    const rows = grid(book, '问题清单');
    expect(rows[0]).toEqual(quizSheets.issuesHeader);
    expect(rows).toHaveLength(4);
    expect(rows[2]).toEqual([...quizSheets.notIntegerIssue, null, fixture().issues[1]!.message]);
    expect(rows[1]!.slice(0, 6)).toEqual(['河东区总工会', '河东区.xlsx', '知识竞赛情况', expect.any(String), '联系电话', '警告']);
    // A file of no unit's rows (sent as the wrong form) names no unit.
    expect(rows[3]!.slice(0, 6)).toEqual([null, '其他表.xlsx', null, null, null, '错误']);
    expect(book.Sheets['问题清单']!['!autofilter']?.ref).toBe('A1:H4');
    expect(sheetXml(bytes, '问题清单')).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
  });

  it('keeps the metadata readable: document properties and the very hidden _huizong sheet', () => {
    const meta = fixture().meta;
    expect(book.Props?.Subject).toBe('huizong:rollup');
    expect(book.Props?.Keywords).toBe(`huizong rollup quiz-results ${quiz.def.version}`);
    expect(JSON.parse(book.Props!.Comments!)).toEqual({ kind: 'rollup', ...meta });
    const pairs = Object.fromEntries(grid(book, '_huizong').map((r) => [r[0], r[1]]));
    expect(pairs).toMatchObject({
      generator: 'huizong',
      kind: 'rollup',
      form: 'quiz-results',
      formVersion: quiz.def.version,
      unit: '天津市总工会',
      level: '市总工会',
      createdAt: '2024-03-26T02:30:00.000Z',
      sheet: '汇总',
      headerRow: '4',
      firstDataRow: '5',
      lastDataRow: '7',
      totalRow: '8',
    });
    expect(JSON.parse(pairs.meta as string)).toEqual(meta);
  });

  it('is read back by Huizong as a return of the same form: header, three data rows, 合计, then the footer', () => {
    const read = readWorkbook('天津市汇总.xlsx', bytes);
    if (!read.ok) throw new Error(read.detail);
    expect(read.grids.map((g) => g.sheet)).toEqual(['汇总', '报送情况', '问题清单']);
    expect(read.meta).toMatchObject({ generator: 'huizong', kind: 'rollup', form: 'quiz-results', unit: '天津市总工会' });
    const grid0 = read.grids[0]!;
    const table = locateTable(
      grid0,
      shippedForms.map((d) => compileForm(d)),
    )!;
    expect(table.form.def.id).toBe('quiz-results');
    expect(table.headerBottom).toBe(3);
    expect(table.fieldColumns.size).toBe(quiz.fields.length);
    expect(table.year).toBe(2024);
    const kinds = classifyRows(grid0, table.dataStart).map((r) => r.kind);
    expect(kinds.slice(0, 4)).toEqual(['data', 'data', 'data', 'total']);
    // The superseded rows sit after a 注 line: a reader takes them as the footer, never as data.
    expect(kinds.slice(4)).toEqual(['blank', 'note', 'note']);
  });

  it('English: headers and statuses follow lang, sheet names and field labels stay Chinese', async () => {
    const en = XLSX.read(await writeRollupWorkbook(fixture(), quiz, { lang: 'en', title: 'Custom title' }));
    expect(en.SheetNames).toEqual(['汇总', '报送情况', '问题清单', '_huizong']);
    const rows = grid(en, '汇总');
    expect(rows[0]![0]).toBe('Custom title');
    expect(rows[3]).toEqual([...labels, ...quizSheets.rowsHeaderTailEn]);
    expect(String(rows[7]![0])).toMatch(/^合计/);
    expect(
      grid(en, '报送情况')
        .slice(4, 8)
        .map((r) => r[3]),
    ).toEqual(quizSheets.unitStatusesEn);
    expect(grid(en, '问题清单')[0]![0]).toBe('Unit');
    expect(grid(en, '问题清单')[2]!.slice(4, 6)).toEqual(['Sessions', 'Error']);
  });

  it('a form without computed fields and a group row over many fields (activity-summary), no rows at all', async () => {
    const empty: RollupResult = {
      ...fixture(),
      form: 'activity-summary',
      formVersion: activity.def.version,
      totals: {},
      rows: [],
      units: [],
      files: [],
      issues: [],
      meta: { generator: 'huizong', form: 'activity-summary', formVersion: activity.def.version, createdAt: '2024-03-26T02:30:00.000Z' },
    };
    const out = XLSX.read(await writeRollupWorkbook(empty, activity, { lang: 'zh-CN' }));
    const rows = grid(out, '汇总');
    expect(rows[3]).toEqual([...activity.fields.map((f) => f.label), '来源文件', '工作表', '行号', '说明']);
    expect(rows[4]![0]).toBe('合计');
    // No roster and no rows: said so, not "应报 0" over an empty table.
    expect(grid(out, '报送情况')[1]![0]).toBe('未提供单位名单，也没有收到任何单位的数据');
    expect(grid(out, '问题清单')).toHaveLength(1);
    expect(Object.fromEntries(grid(out, '_huizong').map((r) => [r[0], r[1]]))).toMatchObject({
      unit: '',
      level: '',
      lastDataRow: '',
      totalRow: '5',
    });
  });
});

describeWithOffice('roll-up workbook in LibreOffice', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huizong-rollup-lo-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('opens the file and shows the rows and the 合计 row', async () => {
    const file = path.join(dir, '汇总.xlsx');
    fs.writeFileSync(file, await writeRollupWorkbook(fixture(), quiz, { lang: 'zh-CN' }));
    const csv = fs.readFileSync(await convertWithLibreOffice(file, 'csv', path.join(dir, 'csv')), 'utf8');
    const lines = parseCsv(csv);
    expect(lines[0]![0]).toBe(`${quiz.def.sheet.title['zh-CN'].replace('{year}', '2024')}（天津市总工会汇总）`);
    expect(lines[3]).toEqual([
      ...quiz.fields.map((f) => f.label),
      '女职工参赛率',
      '女职工占参赛人数比例',
      '来源文件',
      '工作表',
      '行号',
      '说明',
    ]);
    // LibreOffice shows the typed text, not a computed formula.
    const hedong = lines.find((l) => l[0] === '河东区总工会')!;
    expect(hedong.slice(0, 2)).toEqual(['河东区总工会', '=1+1']);
    expect(hedong[quiz.fields.findIndex((f) => f.id === 'contactPerson')]).toBe('@SUM(A1)');
    expect(hedong[quiz.fields.findIndex((f) => f.id === 'fillDate')]).toBe('2024-03-20');
    const totalAt = lines.findIndex((l) => l[0] === '合计');
    expect(totalAt).toBe(7);
    const total = lines[totalAt]!;
    expect(total[quiz.fields.findIndex((f) => f.id === 'participants')]).toBe('180');
    expect(total[quiz.fields.findIndex((f) => f.id === 'sessions')]).toBe('5');
    expect(total[quiz.fields.length]).toBe('50.0%');
    expect(total[quiz.fields.length + 1]).toBe('52.8%');
    expect(lines[totalAt + 2]![0]).toMatch(/^注：/);
    expect(lines[totalAt + 3]![quiz.fields.findIndex((f) => f.id === 'participants')]).toBe('999');

    // The whole workbook survives a conversion to ODF, sheets and hidden metadata included.
    const ods = await convertWithLibreOffice(file, 'ods', path.join(dir, 'ods'));
    const content = zipText(new Uint8Array(fs.readFileSync(ods)), 'content.xml');
    const tables = [...content.matchAll(/<table:table table:name="([^"]+)"/g)].map((m) => m[1]);
    expect(tables).toEqual(['汇总', '报送情况', '问题清单', '_huizong']);
    for (const status of ['已报送', '逾期', '未报送', '不在名单', '已拒收']) expect(content).toContain(`<text:p>${status}</text:p>`);
    expect(content).toContain('<text:p>quiz-results</text:p>');
    expect(content).not.toContain('of:=1+1');
  });
});
