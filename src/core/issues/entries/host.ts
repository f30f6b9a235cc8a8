/** Catalogue entries: Form definitions a user loads, and what Excel refused of an add-in's request. */
import type { CatalogueEntry } from '../entry';

export const hostEntries = {
  // ── Form definitions loaded by a user ──
  'definition.invalid': {
    severity: 'error',
    'zh-CN': '表单定义有误：{path} {detail}',
    en: 'The form definition is wrong: {path} {detail}',
  },
  // JSON.parse's and Ajv's own words are the engine's: kept in the `debug` param, never shown.
  'definition.not-json': {
    severity: 'error',
    'zh-CN':
      '表单定义有误：/ 不是有效的 JSON 文件：第 {line} 行第 {column} 个字符附近写错了（常见的是少了逗号、引号或括号，或多了一个逗号），请用文本编辑器改正后重新选择',
    en: 'The form definition is wrong: / is not valid JSON: something is wrong near line {line}, character {column} (often a missing comma, quote or bracket, or one comma too many); correct it in a text editor and choose it again',
  },
  'definition.not-json-unplaced': {
    severity: 'error',
    'zh-CN': '表单定义有误：/ 不是有效的 JSON 文件（常见的是少了逗号、引号或括号，或多了一个逗号），请用文本编辑器改正后重新选择',
    en: 'The form definition is wrong: / is not valid JSON (often a missing comma, quote or bracket, or one comma too many); correct it in a text editor and choose it again',
  },
  'definition.schema-unusable': {
    severity: 'error',
    'zh-CN': '表单定义有误：/schema 不能用作 JSON Schema：请对照 forms/form-definition.schema.json 检查 schema 部分（关键字的拼写和取值）',
    en: 'The form definition is wrong: /schema cannot be used as a JSON Schema: check the schema part (the spelling and values of its keywords) against forms/form-definition.schema.json',
  },
  // ── npm start (scripts/start.js) ──
  'devserver.port-busy': {
    severity: 'error',
    'zh-CN':
      '端口 {port} 已被占用：可能已经有一个 npm start 在运行（请看其他终端窗口），或其他程序占用了这个端口。关掉它（在那个窗口按 Ctrl+C）后再运行 npm start。',
    en: 'Port {port} is already in use: another npm start may be running (check your other terminal windows), or another program holds the port. Stop it (Ctrl+C there) and run npm start again.',
  },
  'devserver.start-failed': {
    severity: 'error',
    'zh-CN':
      'npm start 没能启动任务窗格的开发服务器（端口 {port}）：请再运行一次 npm start；如仍不行，请用 HUIZONG_DEBUG=1 npm start 运行，把输出发给维护本加载项的人员。',
    en: 'npm start could not start the task pane dev server (port {port}): run npm start again; if it still fails, run HUIZONG_DEBUG=1 npm start and send the output to whoever maintains this add-in.',
  },
  // ── A roll-up in the pane that did not finish (the engine's or a library's own words go to the console only) ──
  'rollup.failed': {
    severity: 'error',
    'zh-CN': '汇总过程中出了意外的问题，什么也没有写入：请再试一次；如仍不行，请把所选的文件发给维护本加载项的人员，以便查明原因。',
    en: 'Something unexpected went wrong while rolling up, and nothing was written: please try again; if it still fails, send the chosen files to whoever maintains this add-in, so the cause can be found.',
  },
  // ── The pane: a failure no other entry foresaw (its own words go to the browser's console only) ──
  'pane.unexpected': {
    severity: 'error',
    'zh-CN': '出了意外的问题。请再试一次；如仍不行，请告诉维护本加载项的人员。',
    en: 'Something unexpected went wrong. Please try again; if it still fails, tell whoever maintains this add-in.',
  },
  'pane.examples-unavailable': {
    severity: 'error',
    'zh-CN': '示例数据没能加载（可能是网络断开，或加载项的文件不全）：请检查网络，刷新任务窗格后再试。',
    en: "The example data could not be loaded (the network may be down, or the add-in's files incomplete): check the network, reload the task pane and try again.",
  },
  // ── Excel refused an add-in's request (src/excel/officeErrors.ts maps Office's error codes here) ──
  'excel.cell-edit': {
    severity: 'error',
    'zh-CN': 'Excel 正在编辑一个单元格：请按 Enter 结束编辑后再试。',
    en: 'Excel is editing a cell: press Enter to finish editing, then try again.',
  },
  'excel.selection': {
    severity: 'error',
    'zh-CN': '当前选中的是图表或图形，不是单元格：请点一下表格中的单元格后再试。',
    en: 'A chart or shape is selected, not cells: click a cell of the table, then try again.',
  },
  'excel.item-not-found': {
    severity: 'error',
    'zh-CN': '找不到要用的工作表或区域（可能刚被删除或改名）：请刷新工作表列表后再试。',
    en: 'A sheet or range to be used is gone (deleted or renamed just now?): refresh the list of sheets and try again.',
  },
  'excel.item-exists': {
    severity: 'error',
    'zh-CN': '本工作簿中已有同名的工作表：请把它改名后再试。',
    en: 'This workbook already has a sheet of that name: rename it and try again.',
  },
  'excel.access-denied': {
    severity: 'error',
    'zh-CN': '工作簿或工作表受保护，或以只读方式打开，加载项不能改动它：请取消保护（或另存一份）后再试。',
    en: 'The workbook or sheet is protected or read-only, so the add-in cannot change it: unprotect it (or save a copy) and try again.',
  },
  'excel.api-missing': {
    severity: 'error',
    'zh-CN': '这个版本的 Excel 不支持这项操作：请更新 Office，或在网页版 Excel 中使用。',
    en: 'This version of Excel does not support this: update Office, or use Excel on the web.',
  },
  'excel.request-too-large': {
    severity: 'error',
    'zh-CN': '一次要处理的内容太多：请少选几张工作表，分几次进行。',
    en: 'Too much at once: choose fewer sheets and do it in several goes.',
  },
  'excel.response-too-large': {
    severity: 'error',
    'zh-CN': '一次要读取的内容太多：请少选几张工作表，分几次进行。',
    en: 'Too much to read at once: choose fewer sheets and do it in several goes.',
  },
  'excel.aborted': {
    severity: 'error',
    'zh-CN': '操作被打断了（工作簿可能正在保存或已关闭）：请再试一次。',
    en: 'The operation was interrupted (the workbook may be saving or closed): please try again.',
  },
  'excel.protected.sheet': {
    severity: 'error',
    'zh-CN': '工作表“{sheet}”受保护，汇总不能在上面写入，什么也没有改动：请点 审阅 → 撤消工作表保护（有密码时输入密码）后再试。',
    en: 'Sheet "{sheet}" is protected, so Huizong cannot write on it; nothing was changed. Click Review → Unprotect Sheet (enter the password if asked), then try again.',
  },
  'excel.protected.workbook': {
    severity: 'error',
    'zh-CN': '工作簿的结构受保护，不能添加或删除工作表，什么也没有改动：请点 审阅 → 保护工作簿 取消保护（有密码时输入密码）后再试。',
    en: 'The workbook structure is protected, so sheets cannot be added or removed; nothing was changed. Click Review → Protect Workbook to turn it off (enter the password if asked), then try again.',
  },
  // GeneralException is Excel's catch-all: a window in front (office-js #771) is one cause among many.
  'excel.general': {
    severity: 'error',
    'zh-CN': 'Excel 没能完成这次操作，什么原因它没有说。请再试一次；如果另一个工作簿窗口在前面，先点一下这个工作簿，再试。',
    en: 'Excel could not complete this and did not say why. Please try again; if another workbook window is in front, click this workbook first, then try again.',
  },
  'excel.insert-conflict': {
    severity: 'error',
    'zh-CN': '不能在这里插入新行：有表格或合并单元格跨过这一行。请取消合并或调整表格后再试。',
    en: 'A row cannot be inserted here: a table or merged cells reach across it. Unmerge or adjust the table, then try again.',
  },
  // An action that stopped half-way and could not be put back: what was written, how to undo it.
  'excel.partly-written.template': {
    severity: 'error',
    'zh-CN': '生成模板没有做完，也没能撤回：新工作表“{sheet}”可能不完整。请删除这张工作表后再试。',
    en: 'The template was not finished and could not be taken back: the new sheet "{sheet}" may be incomplete. Delete that sheet and try again.',
  },
  'excel.partly-written.marks': {
    severity: 'error',
    'zh-CN': '标记没有做完：工作表“{sheet}”中部分单元格已标出。请点“清除标记”去掉它们，再重新校验。',
    en: 'Marking did not finish: some cells of sheet "{sheet}" are marked. Click "Clear marks" to remove them, then check again.',
  },
  'excel.partly-written.row': {
    severity: 'error',
    'zh-CN': '保存没有做完：工作表“{sheet}”第 {row} 行可能只写入了一部分，或多插入了一个空行。请检查这一行，删去多出的空行后再试。',
    en: 'Saving did not finish: row {row} of sheet "{sheet}" may be only partly written, or an empty row may have been inserted. Check that row, delete any extra empty row and try again.',
  },
  'excel.partly-written.rollup': {
    severity: 'error',
    'zh-CN': '写入汇总没有做完，也没能撤回：工作表{sheets}可能不完整。请删除它们后重新写入汇总。',
    en: 'The roll-up was not finished and could not be taken back: sheets {sheets} may be incomplete. Delete them and write the roll-up again.',
  },
} satisfies Record<string, CatalogueEntry>;
