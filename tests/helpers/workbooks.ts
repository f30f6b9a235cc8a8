/**
 * Test helper: real spreadsheet files written the way returns arrive — by SheetJS here, and
 * by LibreOffice through ./libreoffice — so that tests read bytes, not objects.
 */
import * as XLSX from '@e965/xlsx';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import iconv from 'iconv-lite';
import { shippedForm } from '../../src/core/definitions/shipped';
import type { CellValue } from '../../src/core/values/types';

export interface SheetSpec {
  name: string;
  rows: CellValue[][];
  /** A1 ranges to merge, e.g. 'A3:A4'. */
  merges?: string[];
}

export function tempDir(prefix = 'huizong-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function writeXlsx(file: string, sheets: SheetSpec[]): string {
  const book = XLSX.utils.book_new();
  for (const sheet of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(sheet.rows, { cellDates: true });
    if (sheet.merges) ws['!merges'] = sheet.merges.map((m) => XLSX.utils.decode_range(m));
    XLSX.utils.book_append_sheet(book, ws, sheet.name);
  }
  XLSX.writeFile(book, file, { bookType: file.endsWith('.xls') ? 'biff8' : 'xlsx' });
  return file;
}

function csvField(value: CellValue): string {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function writeCsv(file: string, rows: CellValue[][], encoding: 'utf8' | 'utf8-bom' | 'gb18030' = 'utf8', eol = '\n'): string {
  const text = rows.map((row) => row.map(csvField).join(',')).join(eol) + eol;
  const bytes =
    encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.from((encoding === 'utf8-bom' ? '\uFEFF' : '') + text, 'utf8');
  fs.writeFileSync(file, bytes);
  return file;
}

/** The canonical labels of a shipped form, in order. */
export function labelsOf(formId: string): string[] {
  const form = shippedForm(formId);
  if (!form) throw new Error(`no form ${formId}`);
  return Object.values(form.schema.properties).map((p) => p.title ?? '');
}

export function idsOf(formId: string): string[] {
  const form = shippedForm(formId);
  if (!form) throw new Error(`no form ${formId}`);
  return Object.keys(form.schema.properties);
}

const ACTIVITY_BASE: Record<string, CellValue> = {
  unitName: '河东区总工会',
  unitLevel: '区（市）县总工会',
  parentUnit: '天津市总工会',
  contactPerson: '孔迪',
  contactPhone: '022-24316934',
  contactEmail: 'hdqzghkong@163.com',
  fillDate: '2024-03-20',
  notes: '',
};

/** A valid activity-summary row (every int consistent with every rule), with overrides. */
export function activityRow(overrides: Record<string, CellValue> = {}, ids = idsOf('activity-summary')): CellValue[] {
  const ints: Record<string, number> = {
    publicityEvents: 12,
    publicityParticipants: 1200,
    publicityFemale: 800,
    materialsDistributed: 3000,
    trainingSessions: 3,
    trainingParticipants: 150,
    quizSessions: 2,
    quizParticipants: 300,
    quizFemale: 200,
    contractsNew: 5,
    contractsInForce: 40,
    contractsSingle: 30,
    contractsRegional: 6,
    contractsIndustry: 4,
    contractEnterprises: 60,
    contractEmployees: 9000,
    contractFemale: 4000,
    complianceChecks: 20,
    inspections: 8,
    inspectedEmployers: 25,
    inspectedFemale: 1600,
    problemsFound: 10,
    problemsRectified: 7,
    rectificationNotices: 3,
    casesHandled: 2,
    casesClosed: 1,
    casesFemale: 5,
    photos: 30,
    experiences: 2,
    mediaReports: 4,
  };
  return ids.map((id) => (id in overrides ? overrides[id]! : id in ints ? ints[id]! : (ACTIVITY_BASE[id] ?? null)));
}

/**
 * A district's grassroots units' activity table of `year` as they write it: the title, the labels,
 * and one row per unit with its 培训人数 (trainingParticipants) as given, dated 3月20 of that year.
 */
export function trainingTable(year: number, units: Record<string, CellValue>): CellValue[][] {
  return [
    [`${year}年女职工维权行动月活动数据汇总表`],
    labelsOf('activity-summary'),
    ...Object.entries(units).map(([unit, training]) =>
      activityRow({
        unitName: unit,
        unitLevel: '基层工会',
        parentUnit: '河东区总工会',
        trainingParticipants: training,
        fillDate: `${year}-03-20`,
      }),
    ),
  ];
}
