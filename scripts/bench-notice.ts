/**
 * `npx tsx scripts/bench-notice.ts` (run by `npm run bench`): the whole notice against the
 * single-form roll-ups of the same spreadsheets, as a ratio within one run.
 *
 * The inbox: N units (1,000; `HUIZONG_BENCH_UNITS` to scale) each sending an activity
 * summary, a quiz table and a typical-experience table (real .xlsx bytes, in memory), an
 * activity report and three photos (names only, nested folders). Compared: the whole notice
 * over all of it, against the sum of three `--form` roll-ups each over its own form's files.
 * Target ≤ 1.5×.
 */
import * as XLSX from '@e965/xlsx';
import { compileForm } from '../src/core/definitions/compile';
import { shippedForms } from '../src/core/definitions/shipped';
import { MATERIAL_IDS } from '../src/core/notice/materials';
import type { Roster } from '../src/core/rollup/types';
import type { CellValue } from '../src/core/values/types';
import { rollUpNotice, type NoticeSource } from '../src/files/rollupNotice';
import { rollUpFiles, type SourceFile } from '../src/files/rollupFiles';
import { activityRow, idsOf, labelsOf } from '../tests/helpers/workbooks';

const forms = shippedForms.map(compileForm);
const UNITS = Number(process.env.HUIZONG_BENCH_UNITS ?? 1000);
const TODAY = '2024-03-25';
const CREATED = '2024-03-25T00:00:00Z';

function book(rows: CellValue[][]): Uint8Array {
  const b = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(b, XLSX.utils.aoa_to_sheet(rows), 'Sheet1');
  return new Uint8Array(XLSX.write(b, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

function byIds(formId: string, values: Record<string, CellValue>): CellValue[] {
  return idsOf(formId).map((id) => values[id] ?? null);
}

const unitName = (i: number) => `第${i + 1}街道总工会`;

function inbox(): { spreadsheets: Record<string, NoticeSource[]>; others: NoticeSource[] } {
  const spreadsheets: Record<string, NoticeSource[]> = { 'activity-summary': [], 'quiz-results': [], 'typical-experience': [] };
  const others: NoticeSource[] = [];
  const modified = Date.UTC(2024, 2, 20);
  const none = () => new Uint8Array();
  for (let i = 0; i < UNITS; i++) {
    const unit = unitName(i);
    const folder = `收件箱/${unit}/邮件${(i % 3) + 1}`;
    const add = (form: string, name: string, bytes: Uint8Array) =>
      spreadsheets[form]!.push({ file: `${folder}/${name}`, within: `${folder}/${name}`, modified, bytes });
    add(
      'activity-summary',
      '数据汇总表.xlsx',
      book([labelsOf('activity-summary'), activityRow({ unitName: unit, parentUnit: '', unitLevel: '街道（乡镇）工会' })]),
    );
    add(
      'quiz-results',
      '知识竞赛.xlsx',
      book([
        labelsOf('quiz-results'),
        byIds('quiz-results', {
          unitName: unit,
          competitionName: '知识竞赛',
          organisation: '本级组织',
          format: '线上答题',
          sessions: 2,
          participants: 300,
          femaleParticipants: 200,
          contactPerson: '孔迪',
          contactPhone: '13812345678',
          fillDate: '2024-03-20',
        }),
      ]),
    );
    add(
      'typical-experience',
      '典型经验.xlsx',
      book([
        labelsOf('typical-experience'),
        byIds('typical-experience', {
          unitName: unit,
          title: `经验${i}`,
          category: '区域性女职工专项集体合同',
          summary: '做法与成效',
          contactPerson: '孔迪',
          contactPhone: '13812345678',
          submitDate: '2024-03-20',
        }),
      ]),
    );
    others.push({ file: `${folder}/活动总结.docx`, within: `${folder}/活动总结.docx`, size: 40_000, modified, bytes: none });
    for (let p = 1; p <= 3; p++)
      others.push({ file: `${folder}/照片/IMG_${p}.jpg`, within: `${folder}/照片/IMG_${p}.jpg`, size: 2_000_000, modified, bytes: none });
  }
  return { spreadsheets, others };
}

function roster(): Roster {
  return {
    source: 'bench',
    issues: [],
    units: Array.from({ length: UNITS }, (_, i) => ({ name: unitName(i), aliases: [`第${i + 1}街道`], row: i + 2 })),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function benchNotice(): void {
  const genStart = performance.now();
  const { spreadsheets, others } = inbox();
  const r = roster();
  const sheetCount = Object.values(spreadsheets).reduce((n, l) => n + l.length, 0);
  console.log(
    `whole notice: ${UNITS} units × 5 materials: ${sheetCount} spreadsheets, ${others.length} documents and photos (names only), generated in ${Math.round(performance.now() - genStart)} ms (not timed)`,
  );

  const singles = () => {
    const start = performance.now();
    for (const [id, sources] of Object.entries(spreadsheets)) {
      const form = forms.find((f) => f.def.id === id)!;
      const files: SourceFile[] = sources.map((s) => ({ name: s.file, bytes: s.bytes, modified: s.modified! }));
      rollUpFiles(files, { form, forms, roster: r, lang: 'zh-CN', today: TODAY, createdAt: CREATED });
    }
    return performance.now() - start;
  };
  let lastUnits = 0;
  const whole = () => {
    const start = performance.now();
    const all = [...Object.values(spreadsheets).flat(), ...others];
    const result = rollUpNotice(all, [], {
      materials: [...MATERIAL_IDS],
      forms,
      roster: r,
      lang: 'zh-CN',
      today: TODAY,
      createdAt: CREATED,
    });
    lastUnits = result.units.filter((u) => Object.values(u.items).every((c) => c.status === 'received')).length;
    return performance.now() - start;
  };
  // Warm-up, then interleaved rounds.
  singles();
  whole();
  const rounds = 5;
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < rounds; i++) {
    a.push(singles());
    b.push(whole());
  }
  const sum = median(a);
  const notice = median(b);
  console.log(`   every material received for ${lastUnits} of ${UNITS} units`);
  console.log(
    `whole notice: ${Math.round(notice)} ms; sum of the three single-form roll-ups of the same spreadsheets ${Math.round(sum)} ms; ratio ${(notice / sum).toFixed(2)}× (target ≤ 1.5×: ${notice / sum <= 1.5 ? 'met' : 'NOT met'}; median of ${rounds} interleaved rounds)`,
  );
}

if (require.main === module) benchNotice();
