/**
 * Every kind of issue Huizong reports, in one place: a stable code (reports and tests cite
 * it), its severity, and its message in the users' words, zh-CN first.
 *
 * Templates name what is wrong and how to fix it; `{name}` is filled from the issue's
 * params. The cell and the field label are put in front by `describeIssue`, so templates
 * start with the value or the problem.
 */
import type { Lang } from '../definitions/types';

export type Severity = 'error' | 'warning';

interface CatalogueEntry {
  severity: Severity;
  'zh-CN': string;
  en: string;
}

const entries = {
  // ── Values as units write them: read, with a note on how to write them next time ──
  'value.full-width': {
    severity: 'warning',
    'zh-CN': '“{value}”含全角字符，已按 {parsed} 读取；请改用半角数字',
    en: '"{value}" has full-width characters; read as {parsed}. Please type half-width digits',
  },
  'value.thousands': {
    severity: 'warning',
    'zh-CN': '“{value}”含千位分隔符，已按 {parsed} 读取；请只填数字',
    en: '"{value}" has thousands separators; read as {parsed}. Please type the number only',
  },
  'value.spaces': {
    severity: 'warning',
    'zh-CN': '“{value}”前后有空格，已按 {parsed} 读取',
    en: '"{value}" has spaces around it; read as {parsed}',
  },
  'value.number-as-text': {
    severity: 'warning',
    'zh-CN': '数字“{value}”以文本形式存储，已按 {parsed} 读取；请把单元格设为数字格式',
    en: 'The number "{value}" is stored as text; read as {parsed}. Please format the cell as a number',
  },
  'value.unit-written': {
    severity: 'warning',
    'zh-CN': '“{value}”带有单位，已按 {parsed} 读取；单位已在表头中，请只填数字',
    en: '"{value}" includes the unit; read as {parsed}. The unit is in the header: please type the number only',
  },
  'value.wan': {
    severity: 'warning',
    'zh-CN': '“{value}”已按 {parsed} 读取；请直接填写数字，不用“万”',
    en: '"{value}" read as {parsed}. Please type the full number instead of 万',
  },
  'value.whole-float': {
    severity: 'warning',
    'zh-CN': '“{value}”已按整数 {parsed} 读取',
    en: '"{value}" read as the whole number {parsed}',
  },
  'value.approximate': {
    severity: 'warning',
    'zh-CN': '“{value}”是约数，已按 {parsed} 计入；请填写准确数字',
    en: '"{value}" is an approximate figure; counted as {parsed}. Please give the exact number',
  },
  'value.enum-folded': {
    severity: 'warning',
    'zh-CN': '“{value}”已按选项“{parsed}”读取',
    en: '"{value}" read as the option "{parsed}"',
  },
  'value.date-year-assumed': {
    severity: 'warning',
    'zh-CN': '“{value}”没有年份，已按活动年份读作 {parsed}',
    en: '"{value}" has no year; read as {parsed}, in the year of the activity',
  },
  // ── Values that cannot be read: left out of every total ──
  'value.not-integer': {
    severity: 'error',
    'zh-CN': '“{value}”不是整数，请填写不小于0的整数',
    en: '"{value}" is not a whole number. Please enter a whole number of 0 or more',
  },
  'value.negative': {
    severity: 'error',
    'zh-CN': '“{value}”是负数，请填写不小于0的整数',
    en: '"{value}" is negative. Please enter a whole number of 0 or more',
  },
  'value.fraction': {
    severity: 'error',
    'zh-CN': '“{value}”带有小数，请填写不小于0的整数',
    en: '"{value}" has decimals. Please enter a whole number of 0 or more',
  },
  'value.range': {
    severity: 'error',
    'zh-CN': '“{value}”是一个范围，请填写一个确切的数',
    en: '"{value}" is a range. Please enter one exact number',
  },
  'value.wrong-unit': {
    severity: 'error',
    'zh-CN': '“{value}”的单位是“{found}”，本列按“{unit}”统计，请核对后只填数字',
    en: '"{value}" is in {found}, but this column counts {unit}. Please check and type the number only',
  },
  'value.not-number': {
    severity: 'error',
    'zh-CN': '“{value}”不是数字，请填写数字',
    en: '"{value}" is not a number. Please enter a number',
  },
  'value.not-option': {
    severity: 'error',
    'zh-CN': '“{value}”不是可选项，请从以下选项中选择：{options}',
    en: '"{value}" is not one of the options. Please choose one of: {options}',
  },
  'value.phone': {
    severity: 'error',
    'zh-CN': '“{value}”不是有效的电话号码，请填写11位手机号，或带区号的固定电话（如 022-24316934）',
    en: '"{value}" is not a valid phone number. Please enter an 11-digit mobile number or a landline with its area code (e.g. 022-24316934)',
  },
  'value.email': {
    severity: 'error',
    'zh-CN': '“{value}”不是有效的电子邮箱，请按 name@example.com 的格式填写',
    en: '"{value}" is not a valid e-mail address. Please write it as name@example.com',
  },
  'value.date': {
    severity: 'error',
    'zh-CN': '“{value}”不是有效日期，请按 2024-03-20 的格式填写',
    en: '"{value}" is not a valid date. Please write it as 2024-03-20',
  },
  'value.boolean': {
    severity: 'error',
    'zh-CN': '“{value}”不是“是”或“否”，请填写“是”或“否”',
    en: '"{value}" is not yes or no. Please enter 是 or 否',
  },
  'value.formula-no-result': {
    // Reported by the check, not the value parser: the readers give such a cell as blank and list it.
    severity: 'error',
    'zh-CN': '单元格是公式，但文件中没有保存计算结果（可能是用 WPS 或程序生成后没有在 Excel 中打开保存过），未计入汇总；请在 Excel 中打开、确认数值显示后保存，再重新报送',
    en: 'The cell holds a formula, but the file carries no calculated result for it (it was probably made with WPS or a program and never opened and saved in Excel); not counted. Please open the file in Excel, check that the value shows, save it and send it again',
  },
  // ── JSON Schema (Ajv) ──
  'schema.required': {
    severity: 'error',
    'zh-CN': '本项必填，请填写',
    en: 'This field is required. Please fill it in',
  },
  'schema.required-placeholder': {
    severity: 'error',
    'zh-CN': '“{value}”表示未填报，本项必填，请填写',
    en: '"{value}" means not reported, but this field is required. Please fill it in',
  },
  'schema.too-long': {
    severity: 'error',
    'zh-CN': '共{length}个字，超过{limit}个字的上限，请精简',
    en: '{length} characters, more than the limit of {limit}. Please shorten it',
  },
  'schema.too-short': {
    severity: 'error',
    'zh-CN': '不能少于{limit}个字',
    en: 'At least {limit} characters are needed',
  },
  'schema.minimum': {
    severity: 'error',
    'zh-CN': '“{value}”小于{limit}，请填写不小于{limit}的数',
    en: '"{value}" is less than {limit}. Please enter {limit} or more',
  },
  'schema.maximum': {
    severity: 'error',
    'zh-CN': '“{value}”大于{limit}，请填写不大于{limit}的数',
    en: '"{value}" is more than {limit}. Please enter {limit} or less',
  },
  'schema.pattern': {
    severity: 'error',
    'zh-CN': '“{value}”的格式不符合要求',
    en: '"{value}" is not in the required format',
  },
  'schema.invalid': {
    severity: 'error',
    'zh-CN': '“{value}”不符合要求：{detail}',
    en: '"{value}" is not valid: {detail}',
  },
  // ── Cross-field rules of the form (the rule id is reported beside the code) ──
  'rule.not-more-than': {
    severity: 'error',
    'zh-CN': '{value}，不应大于“{otherLabel}”（{otherValue}），请核对',
    en: '{value} should not be more than "{otherLabel}" ({otherValue}). Please check',
  },
  'rule.not-less-than': {
    severity: 'error',
    'zh-CN': '{value}，少于“{otherLabel}”（{otherValue}），请核对',
    en: '{value} is less than "{otherLabel}" ({otherValue}). Please check',
  },
  'rule.not-equal': {
    severity: 'error',
    'zh-CN': '{value}，应等于“{otherLabel}”（{otherValue}），请核对',
    en: '{value} should equal "{otherLabel}" ({otherValue}). Please check',
  },
  'rule.date-after': {
    severity: 'error',
    'zh-CN': '{value}，晚于“{otherLabel}”（{otherValue}），请核对日期',
    en: '{value} is after "{otherLabel}" ({otherValue}). Please check the dates',
  },
  'rule.date-before': {
    severity: 'error',
    'zh-CN': '{value}，早于“{otherLabel}”（{otherValue}），请核对日期',
    en: '{value} is before "{otherLabel}" ({otherValue}). Please check the dates',
  },
  'rule.sum': {
    severity: 'error',
    'zh-CN': '{value}，但{parts}之和为{sum}，两者应相等，请核对',
    en: '{value}, but {parts} add up to {sum}; they should be equal. Please check',
  },
  'rule.required-when': {
    severity: 'error',
    'zh-CN': '“{whenLabel}”为“{whenValue}”时必须填写本项',
    en: 'Required when "{whenLabel}" is "{whenValue}"',
  },
  'rule.date-in-future': {
    severity: 'error',
    'zh-CN': '{value}晚于今天（{today}），请核对日期',
    en: '{value} is after today ({today}). Please check the date',
  },
  'rule.duplicate': {
    severity: 'error',
    'zh-CN': '与第{otherRow}行重复（{values}），同一单位的{labels}不能重复',
    en: 'Repeats row {otherRow} ({values}); {labels} must not repeat within one unit',
  },
  // ── The table as a whole ──
  'table.total-mismatch': {
    severity: 'warning',
    'zh-CN': '合计行为 {value}，明细行之和为 {sum}，请核对；汇总按明细行计算',
    en: 'The total row says {value}, the detail rows add up to {sum}. Please check; roll-ups use the detail rows',
  },
  'table.extra-column': {
    severity: 'warning',
    'zh-CN': '列“{header}”不是本表的指标，已保留，不参与汇总',
    en: 'Column "{header}" is not part of this form; kept, but not rolled up',
  },
  'table.extra-columns': {
    // Many extra columns (a sheet 16,384 columns wide) in one issue instead of one each.
    severity: 'warning',
    'zh-CN': '表中有 {count} 列不是本表的指标（{columns}等），已保留，不参与汇总；请删去多余的列，或核对是否用错了模板',
    en: '{count} columns are not part of this form ({columns} and more); kept, but not rolled up. Please delete the extra columns, or check that the right template was used',
  },
  'table.outside-cells': {
    severity: 'warning',
    'zh-CN': '表格的列以外有内容“{value}”{more}，未读取；如果是本表的数据，请填到表格对应的列中',
    en: 'There is "{value}" outside the table\'s columns{more}; it was not read. If it belongs to this form, please move it into the right column of the table',
  },
  'table.duplicate-column': {
    severity: 'warning',
    'zh-CN': '列“{header}”与第 {firstColumn} 列重复，已按第 {firstColumn} 列读取',
    en: 'Column "{header}" repeats column {firstColumn}; column {firstColumn} is read',
  },
  'table.missing-column': {
    severity: 'error',
    'zh-CN': '表中没有“{label}”列，请按模板补上',
    en: 'The table has no "{label}" column. Please add it as in the template',
  },
  'table.note-with-numbers': {
    severity: 'warning',
    'zh-CN': '表格下方的说明行中有数字“{value}”，未计入汇总，请核对',
    en: 'A note below the table holds the number "{value}"; it is not rolled up. Please check',
  },
  'table.not-found': {
    severity: 'error',
    'zh-CN': '没有找到可识别的报表：表头应包含“{labels}”等列',
    en: 'No known form was found: the header should have columns such as "{labels}"',
  },
  'table.no-rows': {
    severity: 'warning',
    'zh-CN': '表中没有填写数据',
    en: 'The table has no data rows',
  },
  // ── Whole files ──
  'file.unreadable': {
    severity: 'error',
    'zh-CN': '无法读取该文件（{detail}），请确认是 Excel 或 CSV 文件后重新报送',
    en: 'The file cannot be read ({detail}). Please check it is an Excel or CSV file and send it again',
  },
  'file.encrypted': {
    severity: 'error',
    'zh-CN': '文件设置了密码，无法读取，请去掉密码后重新报送',
    en: 'The file is password-protected. Please remove the password and send it again',
  },
  'file.unsupported': {
    severity: 'error',
    'zh-CN': '不支持该文件类型（{extension}），请报送 .xlsx、.xlsm、.xls 或 .csv 文件',
    en: 'This kind of file ({extension}) is not supported. Please send .xlsx, .xlsm, .xls or .csv',
  },
  'file.empty': {
    severity: 'error',
    'zh-CN': '文件中没有内容',
    en: 'The file is empty',
  },
  'file.too-large': {
    severity: 'error',
    'zh-CN': '文件过大或结构异常（{detail}），为安全起见未读取；请另存为普通的 Excel 文件后重新报送',
    en: 'The file is too large or unusually built ({detail}), so it was not read, for safety. Please save it again as an ordinary Excel file and send it again',
  },
  // ── The roster ──
  'roster.no-name-column': {
    severity: 'error',
    'zh-CN': '单位名单中没有找到“单位名称”列，请在前10行内的表头中写明“单位名称”，每个单位占一行',
    en: 'The roster has no 单位名称 (unit name) column. Please put a header with 单位名称 in the first 10 rows, one unit per row',
  },
  'roster.empty': {
    severity: 'warning',
    'zh-CN': '单位名单中没有单位，请在“单位名称”列下逐行填写应报送的单位',
    en: 'The roster lists no units. Please list the units expected to report under 单位名称, one per row',
  },
  'roster.blank-name': {
    severity: 'warning',
    'zh-CN': '这一行没有填写单位名称，已跳过；请补上单位名称或删去这一行',
    en: 'This row has no unit name and was skipped. Please fill in the name or delete the row',
  },
  'roster.duplicate': {
    severity: 'warning',
    'zh-CN': '名单中“{name}”重复（第{firstRow}行、第{row}行），已按第{firstRow}行读取；请删去重复的一行',
    en: '"{name}" appears twice in the roster (rows {firstRow} and {row}); row {firstRow} is used. Please delete the repeated row',
  },
  'roster.bad-deadline': {
    severity: 'error',
    'zh-CN': '“{value}”不是有效日期，该单位暂不设单独的截止日期；请按 2024-03-20 的格式填写',
    en: '"{value}" is not a valid date, so this unit has no deadline of its own. Please write it as 2024-03-20',
  },
  'roster.alias-clash': {
    severity: 'warning',
    'zh-CN': '别名“{alias}”已是第{otherRow}行“{other}”的名称或别名，无法区分，已不按此别名匹配；请删去或改正该别名',
    en: 'The alias "{alias}" is already the name or an alias of "{other}" (row {otherRow}), so it is not used for matching. Please delete or correct it',
  },
  // ── The roll-up ──
  'file.other-form': {
    severity: 'error',
    'zh-CN': '这是“{form}”，不是本次汇总的“{expected}”，未计入汇总',
    en: 'This is the "{form}", not the "{expected}" being rolled up; not counted',
  },
  'rollup.superseded': {
    severity: 'warning',
    'zh-CN': '“{unit}”的这一行已被更正版本替代（{file} 第{row}行），未计入汇总',
    en: 'This row of "{unit}" was replaced by a corrected version ({file} row {row}); not counted',
  },
  'rollup.not-on-roster': {
    severity: 'warning',
    'zh-CN': '“{unit}”不在单位名单中，已计入汇总，请核对单位名称{suggestion}',
    en: '"{unit}" is not on the roster; it is counted. Please check the unit name{suggestion}',
  },
  'rollup.missing': {
    severity: 'warning',
    'zh-CN': '“{unit}”未报送',
    en: '"{unit}" has not reported',
  },
  'rollup.late': {
    severity: 'warning',
    'zh-CN': '“{unit}”于 {date} 报送，晚于截止日期 {deadline}，已计入汇总',
    en: '"{unit}" reported on {date}, after the deadline of {deadline}; counted',
  },
  // ── Form definitions loaded by a user ──
  'definition.invalid': {
    severity: 'error',
    'zh-CN': '表单定义有误：{path} {detail}',
    en: 'The form definition is wrong: {path} {detail}',
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

export type IssueCode = keyof typeof entries;

export const catalogue: Readonly<Record<IssueCode, CatalogueEntry>> = entries;

export type IssueParams = Record<string, string | number>;

/** Fills a template's `{name}` slots; a slot with no param is left as written. */
export function fillTemplate(template: string, params: IssueParams): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => (name in params ? String(params[name]) : slot));
}

export function messageFor(code: IssueCode, params: IssueParams, lang: Lang): string {
  const entry = catalogue[code];
  return fillTemplate(lang === 'en' ? entry.en : entry['zh-CN'], params);
}
