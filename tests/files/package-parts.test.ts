/**
 * Packages as real export tools write them: part names with `\`, a workbook outside xl/ (the
 * package's relationships say where), and what no reader may guess at: a part name twice.
 * Plus the words of every refusal: a catalogue entry each, English without Chinese, a
 * reader's own exception text never in a message.
 */
import { issueRecord } from '../../src/cli/validate';
import { catalogue, messageFor, type IssueCode } from '../../src/core/issues/catalogue';
import { makeIssue } from '../../src/core/issues/issue';
import { checkReturn } from '../../src/files/checkReturn';
import { failure } from '../../src/files/readLean';
import { inspectBeforeSheetJs } from '../../src/files/readWithSheetJs';
import { readWorkbook, type ReadResult } from '../../src/files/readWorkbook';
import {
  HEADER_ROW,
  backslashParts,
  duplicatePartZip,
  movedWorkbookParts,
  realReturn,
  withBadCrc,
  workbookParts,
  worksheet,
  zipParts,
} from '../helpers/hostile';

const CHINESE = /[\u3000-\u9fff\uff00-\uffef]/;
const rowsOf = (result: ReadResult) => (result.ok ? result.grids.map((g) => [g.sheet, g.rows]) : result);
const EXPECTED = [
  [
    '报表',
    [
      ['单位名称', '参加人数'],
      ['甲单位', 12],
    ],
  ],
];

describe('packages Excel opens are read, by both readers', () => {
  test('part names written with backslashes (xl\\workbook.xml)', () => {
    const bytes = zipParts(backslashParts(workbookParts(worksheet(HEADER_ROW))));
    expect(inspectBeforeSheetJs('反斜杠.xlsx', bytes)).toEqual({ ok: true });
    expect(rowsOf(readWorkbook('反斜杠.xlsx', bytes))).toEqual(EXPECTED);
    expect(rowsOf(readWorkbook('反斜杠.xlsx', bytes, { reader: 'sheetjs' }))).toEqual(EXPECTED);
  });

  test('a workbook outside xl/, where _rels/.rels and [Content_Types].xml say it is', () => {
    const bytes = zipParts(movedWorkbookParts(workbookParts(worksheet(HEADER_ROW)), 'book'));
    expect(inspectBeforeSheetJs('别处.xlsx', bytes)).toEqual({ ok: true });
    expect(rowsOf(readWorkbook('别处.xlsx', bytes))).toEqual(EXPECTED);
    expect(rowsOf(readWorkbook('别处.xlsx', bytes, { reader: 'sheetjs' }))).toEqual(EXPECTED);
  });

  test('a relationship to a workbook the zip does not have is damage, not "not a spreadsheet"', () => {
    const parts = movedWorkbookParts(workbookParts(worksheet(HEADER_ROW)), 'book');
    delete parts['book/workbook.xml'];
    expect(inspectBeforeSheetJs('缺工作簿.xlsx', zipParts(parts))).toMatchObject({ ok: false, code: 'file.corrupt' });
  });
});

describe('a part name twice is refused, whichever one a reader would take', () => {
  const parts = workbookParts(worksheet(HEADER_ROW));
  const other = worksheet(
    `<row r="1"><c r="A1" t="inlineStr"><is><t>单位名称</t></is></c><c r="B1" t="inlineStr"><is><t>参加人数</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>乙单位</t></is></c><c r="B2"><v>99999</v></c></row>`,
  );
  test.each([
    ['the same name', 'xl/worksheets/sheet1.xml'],
    ['another letter case', 'XL/Worksheets/Sheet1.XML'],
    ['a backslash for a slash', 'xl\\worksheets\\sheet1.xml'],
  ])('%s', (_what, secondName) => {
    const bytes = duplicatePartZip(parts, 'xl/worksheets/sheet1.xml', other, secondName);
    const verdict = inspectBeforeSheetJs('重复部件.xlsx', bytes);
    expect(verdict).toMatchObject({ ok: false, code: 'file.duplicate-part', params: { part: secondName.replace(/\\/g, '/') } });
    for (const reader of ['auto', 'sheetjs'] as const)
      expect(readWorkbook('重复部件.xlsx', bytes, { reader })).toMatchObject({ ok: false, code: 'file.duplicate-part' });
    expect(messageFor('file.duplicate-part', verdict.ok ? {} : verdict.params, 'zh-CN')).toContain('出现了不止一次');
  });
});

describe('broken files are told apart', () => {
  test('a 6 KB file with a bad checksum is damaged, not too large', () => {
    const bytes = realReturn();
    expect(bytes.length).toBeLessThan(10 * 1024);
    // The CRC-32 of the sheet, in its local header and in the directory: the data are intact.
    const bad = withBadCrc(bytes, 'xl/worksheets/sheet1.xml');
    for (const reader of ['auto', 'sheetjs'] as const) {
      const result = readWorkbook('校验和.xlsx', bad, { reader });
      expect(result).toMatchObject({ ok: false, code: 'file.corrupt-checksum', params: { part: 'xl/worksheets/sheet1.xml' } });
      if (result.ok) continue;
      expect(messageFor(result.code, result.params, 'zh-CN')).not.toMatch(/过大|太大|上限/);
      expect(messageFor(result.code, result.params, 'en')).not.toMatch(CHINESE);
    }
  });
});

describe('every refusal from the catalogue', () => {
  test('English messages of whole-file entries carry no Chinese; every slot of each template is one the other also has or a per-language one', () => {
    const codes = Object.keys(catalogue).filter((c) => c.startsWith('file.')) as IssueCode[];
    expect(codes.length).toBeGreaterThan(20);
    for (const code of codes) {
      const entry = catalogue[code];
      expect([code, entry.en]).not.toEqual([code, expect.stringMatching(CHINESE)]);
      const slots = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!.replace(/(Zh|En)$/, '')).sort();
      expect([code, slots(entry.en)]).toEqual([code, slots(entry['zh-CN'])]);
    }
  });

  test("a reader's exception text never reaches the message, only the JSON's debug field", () => {
    const raw = "Cannot set properties of undefined (setting 'TxO')";
    const read = failure(new Error(raw));
    expect(read).toMatchObject({ ok: false, code: 'file.unreadable' });
    const input = checkReturn({ name: '坏.xls', bytes: new Uint8Array(1) }, read, [], { lang: 'en' });
    expect(input.failure).toMatchObject({ code: 'file.unreadable', params: { debug: raw } });
    // In the JSON report (`validate --json`), as `debug` beside the plain message.
    const issue = makeIssue({ code: input.failure!.code, params: input.failure!.params }, 'zh-CN');
    expect(issueRecord(issue)).toMatchObject({ code: 'file.unreadable', debug: raw, message: expect.not.stringContaining('TxO') });
    for (const lang of ['zh-CN', 'en'] as const) {
      const message = messageFor(input.failure!.code, input.failure!.params, lang);
      expect(message).not.toContain('TxO');
      expect(message).toMatch(lang === 'en' ? /^The file cannot be read\. / : /^无法读取该文件/);
    }
  });
});
