/**
 * The whole-notice example (`examples/通知收件箱-2024/`): what a district's women-workers'
 * department finds in its mailbox after a notice asking every unit for the 数据汇总表, the
 * 知识竞赛活动情况表, 典型经验, an 活动总结 and 图片 — a folder per unit as saved from the mail,
 * flat files with the unit in their names, documents and photos (tiny dummy files: Huizong
 * never opens them), and the files nobody can be sure of.
 *
 * Deterministic bytes (dates written as text, no clock), made by `scripts/make-examples.ts`;
 * `tests/examples/notice-example.test.ts` checks the committed folder is what this makes.
 */
import * as XLSX from '@e965/xlsx';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { shippedForm } from '../src/core/definitions/shipped';

export const NOTICE_FOLDER = join('examples', '通知收件箱-2024');
export const NOTICE_MATERIALS = 'activity-summary,quiz-results,typical-experience,activity-report,photos';
export const NOTICE_COMMAND = `npm run -s huizong -- rollup examples/通知收件箱-2024/收件箱 --materials ${NOTICE_MATERIALS} --roster examples/通知收件箱-2024/单位名单.csv --unit 河东区总工会 --out 通知汇总.xlsx`;

type Cell = string | number | null;

function idsOf(formId: string): string[] {
  return Object.keys(shippedForm(formId)!.schema.properties);
}

function labelsOf(formId: string): string[] {
  return Object.values(shippedForm(formId)!.schema.properties).map((p) => p.title ?? '');
}

/** SheetJS shares one table of number formats between all the books it writes: each book starts from this copy, so its bytes do not depend on what was written before. */
const STARTING_FORMATS: Record<number, string> = { ...(XLSX.SSF.get_table() as Record<number, string>) };

function workbook(rows: Cell[][]): Uint8Array {
  const book = XLSX.utils.book_new();
  (book as XLSX.WorkBook & { SSF?: Record<number, string> }).SSF = { ...STARTING_FORMATS };
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Sheet1');
  return new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
}

/** Figures that keep every rule of the form (female ≤ all, the three contract kinds sum up …), times k. */
const BASE: Record<string, number> = {
  publicityEvents: 6,
  publicityParticipants: 600,
  publicityFemale: 400,
  materialsDistributed: 1500,
  trainingSessions: 2,
  trainingParticipants: 80,
  quizSessions: 1,
  quizParticipants: 150,
  quizFemale: 100,
  contractsNew: 2,
  contractsInForce: 20,
  contractsSingle: 15,
  contractsRegional: 3,
  contractsIndustry: 2,
  contractEnterprises: 30,
  contractEmployees: 4500,
  contractFemale: 2000,
  complianceChecks: 10,
  inspections: 4,
  inspectedEmployers: 12,
  inspectedFemale: 800,
  problemsFound: 5,
  problemsRectified: 4,
  rectificationNotices: 1,
  casesHandled: 1,
  casesClosed: 1,
  casesFemale: 2,
  photos: 2,
  experiences: 1,
  mediaReports: 2,
};

function summaryTable(
  unit: string,
  contact: string,
  phone: string,
  date: string,
  k: number,
  overrides: Record<string, Cell> = {},
): Uint8Array {
  const values: Record<string, Cell> = {
    unitName: unit,
    unitLevel: '街道（乡镇）工会',
    parentUnit: '河东区总工会',
    contactPerson: contact,
    contactPhone: phone,
    fillDate: date,
    notes: '',
  };
  for (const [id, v] of Object.entries(BASE)) values[id] = v * k;
  Object.assign(values, overrides);
  return workbook([
    ['2024年女职工维权行动月活动数据汇总表'],
    labelsOf('activity-summary'),
    idsOf('activity-summary').map((id) => values[id] ?? null),
  ]);
}

function quizTable(unit: string, contact: string, phone: string, date: string, participants: number, female: number): Uint8Array {
  const values: Record<string, Cell> = {
    unitName: unit,
    competitionName: '女职工权益保护法律法规知识竞赛',
    organisation: '本级组织',
    format: '线上答题',
    sessions: 1,
    participatingUnits: 6,
    teams: 0,
    participants,
    femaleParticipants: female,
    papersIssued: participants,
    papersValid: participants,
    winners: 10,
    contactPerson: contact,
    contactPhone: phone,
    fillDate: date,
  };
  return workbook([
    ['女职工权益保护法律法规知识竞赛活动情况表'],
    labelsOf('quiz-results'),
    idsOf('quiz-results').map((id) => values[id] ?? null),
  ]);
}

function experienceTable(unit: string, contact: string, phone: string, date: string, title: string, attachment: string): Uint8Array {
  const values: Record<string, Cell> = {
    unitName: unit,
    title,
    category: '区域性女职工专项集体合同',
    summary: '推动辖区企业签订区域性女职工专项集体合同，落实经期、孕期、哺乳期保护。',
    attachment,
    contactPerson: contact,
    contactPhone: phone,
    submitDate: date,
  };
  return workbook([labelsOf('typical-experience'), idsOf('typical-experience').map((id) => values[id] ?? null)]);
}

/** A stand-in for a Word file, a PDF or a photo: Huizong reads only its name. */
const dummy = (what: string) => `示例占位文件（${what}），汇总只看文件名，不打开内容。\n`;

interface InboxFile {
  path: string;
  bytes: Uint8Array | string;
  /** What it shows, for 说明.md. */
  note: string;
}

const UNITS = [
  { name: '大王庄街道总工会', level: '街道（乡镇）工会', alias: '大王庄街道', deadline: '', contact: '王芳', phone: '13800000001' },
  {
    name: '二号桥街道总工会',
    level: '街道（乡镇）工会',
    alias: '二号桥街道、二号桥',
    deadline: '2024-03-22',
    contact: '李娜',
    phone: '13800000002',
  },
  {
    name: '河东区教育系统工会',
    level: '产业（系统）工会',
    alias: '教育系统工会、教育系统',
    deadline: '',
    contact: '张丽',
    phone: '022-24310001',
  },
  { name: '天津市第一热电厂工会', level: '基层工会', alias: '第一热电厂', deadline: '', contact: '赵敏', phone: '022-24316934' },
  { name: '唐家口街道总工会', level: '街道（乡镇）工会', alias: '唐家口', deadline: '', contact: '刘洋', phone: '13800000005' },
  { name: '上杭路街道总工会', level: '街道（乡镇）工会', alias: '上杭路', deadline: '', contact: '陈静', phone: '13800000006' },
];

export function noticeInbox(): InboxFile[] {
  const [dwz, ehq, edu, plant, tjk] = UNITS as [
    (typeof UNITS)[number],
    (typeof UNITS)[number],
    (typeof UNITS)[number],
    (typeof UNITS)[number],
    (typeof UNITS)[number],
  ];
  return [
    {
      path: '大王庄街道总工会/附件2 数据汇总表.xlsx',
      bytes: summaryTable(dwz.name, dwz.contact, dwz.phone, '2024-03-20', 2, { experiences: 1 }),
      note: '单位文件夹里的数据汇总表',
    },
    {
      path: '大王庄街道总工会/知识竞赛活动情况表.xlsx',
      bytes: quizTable(dwz.name, dwz.contact, dwz.phone, '2024-03-20', 300, 200),
      note: '参赛人数与数据汇总表一致',
    },
    {
      path: '大王庄街道总工会/典型经验报送表.xlsx',
      bytes: experienceTable(dwz.name, dwz.contact, dwz.phone, '2024-03-20', '区域性专项合同护航女职工', '大王庄街道典型经验.docx'),
      note: '附件文件名指向同一文件夹里的文档',
    },
    {
      path: '大王庄街道总工会/大王庄街道典型经验.docx',
      bytes: dummy('典型经验附件'),
      note: '典型经验报送表中写明的附件，按附件文件名认领',
    },
    { path: '大王庄街道总工会/活动总结.docx', bytes: dummy('活动总结'), note: '文件夹名即单位，文件名含“总结”' },
    { path: '大王庄街道总工会/照片/IMG_0001.jpg', bytes: dummy('图片'), note: '子文件夹里的图片，按上层文件夹归属' },
    { path: '大王庄街道总工会/照片/IMG_0002.jpg', bytes: dummy('图片'), note: '数据汇总表填报图片4张，只收到2张：交叉核对警告' },
    { path: '大王庄街道总工会/会议签到表.docx', bytes: dummy('其他文档'), note: '看不出是哪种材料：列为无法分类' },
    {
      path: '二号桥街道总工会/二号桥数据汇总表.xlsx',
      bytes: summaryTable(ehq.name, ehq.contact, ehq.phone, '2024-03-24', 1),
      note: '填表日期晚于本单位截止日期2024-03-22：逾期',
    },
    { path: '二号桥街道总工会/活动总结.pdf', bytes: dummy('活动总结'), note: '活动总结（PDF）' },
    { path: '二号桥街道总工会/活动视频.mp4', bytes: dummy('视频'), note: '不是表格、文档或图片：不打开，列为无法分类' },
    {
      path: '河东区教育系统工会-数据汇总表.xlsx',
      bytes: summaryTable(edu.name, edu.contact, edu.phone, '2024-03-21', 3, { photos: 1, experiences: 0 }),
      note: '收件箱根目录，文件名里写着单位',
    },
    { path: '教育系统工会 活动总结.wps', bytes: dummy('活动总结'), note: '别名“教育系统工会”写在文件名里（WPS 文档）' },
    { path: '教育系统-图片1.jpg', bytes: dummy('图片'), note: '别名“教育系统”写在文件名里' },
    {
      path: '天津市第一热电厂工会/数据汇总表.xlsx',
      bytes: summaryTable(plant.name, plant.contact, plant.phone, '2024-03-19', 1, { quizParticipants: 120, quizFemale: 90 }),
      note: '知识竞赛参赛人数填120',
    },
    {
      path: '天津市第一热电厂工会/知识竞赛.xlsx',
      bytes: quizTable(plant.name, plant.contact, plant.phone, '2024-03-19', 100, 90),
      note: '竞赛表参赛人数100：与数据汇总表不一致，交叉核对警告',
    },
    {
      path: '唐家口街道总工会/数据汇总表.xlsx',
      bytes: summaryTable(tjk.name, tjk.contact, tjk.phone, '2024-03-20', 1).subarray(0, 200),
      note: '文件损坏：退回，催报名单中请重新报送',
    },
    { path: '唐家口街道总工会/唐家口活动总结.doc', bytes: dummy('活动总结'), note: 'Word 97-2003 文档' },
    { path: '活动照片.jpg', bytes: dummy('图片'), note: '没有写单位：无法确定单位，不猜' },
    { path: '大王庄街道与二号桥街道联合活动合影.jpg', bytes: dummy('图片'), note: '两个单位的名称都在文件名里：无法确定单位，不猜' },
  ];
}

function rosterCsv(): string {
  const rows = [['单位名称', '单位层级', '上级单位', '别名', '截止日期', '联系人', '联系电话']];
  for (const u of UNITS) rows.push([u.name, u.level, '河东区总工会', u.alias, u.deadline || '2024-03-25', u.contact, u.phone]);
  return '\ufeff' + rows.map((r) => r.join(',')).join('\n') + '\n';
}

function readme(files: readonly InboxFile[]): string {
  const lines = [
    '# 示例：一份通知的全部报送材料（收件箱）',
    '',
    '本文件夹由 `npx tsx scripts/make-examples.ts` 生成，请勿手工修改。单位、人名、电话和数字都是虚构的；',
    '文档和图片是几十字节的占位文件——汇总只看文件名、大小和时间，从不打开它们。',
    '',
    '通知要求每个单位报送：数据汇总表、知识竞赛活动情况表、典型经验、活动总结和图片。`收件箱/` 就是邮件附件保存下来的样子：',
    '有的单位一个文件夹，有的直接把单位名写在文件名里。`单位名单.csv` 带有联系人和联系电话，用于催报名单。',
    '',
    '## 汇总命令',
    '',
    '在仓库根目录运行：',
    '',
    '```sh',
    NOTICE_COMMAND,
    '```',
    '',
    '然后打开 `通知汇总.xlsx`：“报送材料”是单位×材料的总表（已收到绿色、逾期黄色、退回橙色、未报送红色），',
    '“催报名单”每个缺材料的单位一行，附可直接发到微信群或短信的催报消息；另有各表的汇总和报送情况、问题清单。',
    '',
    '注意：文档和图片的报送日期取文件的修改时间。从仓库取出的文件，修改时间是取出的时间，所以对截止日期已过的单位会显示逾期。',
    '',
    '## 各文件',
    '',
    '| 文件 | 说明 |',
    '|---|---|',
    ...files.map((f) => `| \`收件箱/${f.path}\` | ${f.note} |`),
    '',
    '上杭路街道总工会什么也没有报，催报名单中列出全部五项材料。',
    '',
    '## English',
    '',
    "A district's mailbox after a notice asking each unit for five materials: folders per unit as saved from the mail, flat files " +
      'named with the unit, documents and photos (tiny dummy files, never opened: only names, sizes and times are used), a late ' +
      'table, a corrupt table, figures that disagree between forms, a photo naming two units and one naming none. Run the command ' +
      'above and open `通知汇总.xlsx`: 报送材料 (units x materials), 催报名单 (the reminder list with ready-to-send messages), each ' +
      "form's roll-up and the issue list. Documents and photos are dated by their file time, which in a fresh checkout is the checkout time.",
    '',
  ];
  return lines.join('\n');
}

/** Writes the notice example into `dir` (emptied first): roster, inbox and 说明.md. */
export function makeNoticeExample(dir: string): string[] {
  rmSync(dir, { recursive: true, force: true });
  const written: string[] = [];
  const write = (name: string, bytes: Uint8Array | string) => {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), bytes);
    written.push(name);
  };
  const files = noticeInbox();
  write('单位名单.csv', rosterCsv());
  for (const file of files) write(join('收件箱', file.path), file.bytes);
  write('说明.md', readme(files));
  return written;
}
