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
  'value.date-no-year': {
    severity: 'error',
    'zh-CN': '“{value}”没有写年份，表格标题中也看不出是哪一年的活动；请写成 2024-03-20 这样的完整日期',
    en: '"{value}" has no year, and the title does not say which year the activity was. Please write the full date, e.g. 2024-03-20',
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
    'zh-CN':
      '单元格是公式，但文件中没有保存计算结果（可能是用 WPS 或程序生成后没有在 Excel 中打开保存过），未计入汇总；请在 Excel 中打开、确认数值显示后保存，再重新报送',
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
  'table.hidden-under-merge': {
    // Reported at the first such cell; `count` is how many cells of the area hold something.
    severity: 'warning',
    'zh-CN':
      '合并单元格 {range} 中，左上角以外有 {count} 个单元格有内容（如“{value}”），Excel 中看不到，未读取；如果是本表数据，请取消合并后填到对应的单元格',
    en: 'In the merged cells {range}, {count} cell(s) other than the top-left one hold something (such as "{value}") that Excel does not show; not read. If it belongs to the form, please unmerge the cells and enter it in the right cell',
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
  // ── Vertical cards (one unit's return written down the page) ──
  'table.not-found-near': {
    severity: 'error',
    'zh-CN':
      '没有找到可识别的报表：最接近的是《{form}》，但缺少“{missing}”。横版报表的表头应有这些列；竖版（单位填报）报表应在“指标”或“项目”列写出这些项目，数量写在右边一列',
    en: 'No known form was found. The nearest is "{form}", but "{missing}" is missing. A table needs these as column headers; a vertical card needs them as items in its 指标/项目 column, with the figures in the column to the right',
  },
  'card.two-value-columns': {
    severity: 'error',
    'zh-CN': '竖版报表《{form}》有两列数量（{headers}），无法确定哪一列是本次填报的数字：请只保留本次的一列（如删去上年同期数），再报送',
    en: "The vertical card \"{form}\" has two value columns ({headers}); it cannot tell which holds this return's figures. Keep only this period's column (e.g. delete last year's) and send it again",
  },
  'card.ambiguous-form': {
    severity: 'error',
    'zh-CN':
      '竖版报表的{count}个项目既符合《{form}》也符合《{otherForm}》，无法确定是哪一张表：请在表格上方的标题中写明表名，或使用下发的模板',
    en: 'The {count} items of this vertical card fit both "{form}" and "{otherForm}"; it cannot tell which form it is. Write the form\'s name in the title above the card, or use the template sent out',
  },
  'card.no-unit': {
    severity: 'error',
    'zh-CN': '竖版报表没有写明填报单位：请在表格上方写“填报单位（盖章）：单位名称”',
    en: 'The vertical card does not name its unit: write "填报单位（盖章）：" and the unit\'s name above the card',
  },
  'card.missing-item': {
    severity: 'error',
    'zh-CN': '竖版报表中没有“{label}”这一项：请在“指标”列加上这一项并填写数量，或在表格上下写“{label}：……”',
    en: 'The vertical card has no item "{label}": add it to the 指标 column with its figure, or write "{label}: …" above or below the card',
  },
  // ── Whole files ──
  'file.unreadable': {
    // The reader's own words, if any, stay in the params (`debug`) for the JSON report only.
    severity: 'error',
    'zh-CN': '无法读取该文件，请在 Excel 中打开、另存为 .xlsx 文件后重新报送',
    en: 'The file cannot be read. Please open it in Excel, save it as an .xlsx file and send it again',
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
    'zh-CN': '文件有 {size}，超过 {limit} 的上限，未读取；请删去多余的工作表和图片，另存后重新报送',
    en: 'The file is {size}, more than the limit of {limit}, so it was not read. Please delete extra sheets and pictures, save it and send it again',
  },
  // ── Whole files refused by the guards: each reason its own code, its figures in the params ──
  // `kindZh`/`kindEn` (and `featureZh`/`featureEn`): one param per language, each template uses its own.
  'file.not-spreadsheet': {
    severity: 'error',
    'zh-CN': '这是{kindZh}，不是 Excel 工作簿，无法读取；如果其中是报表，请在 Excel 或 WPS 中另存为 .xlsx 后重新报送',
    en: 'This is {kindEn}, not an Excel workbook, so it cannot be read. If it holds the form, please save it as .xlsx in Excel or WPS and send it again',
  },
  'file.csv-not-text': {
    severity: 'error',
    'zh-CN': '文件名是 .csv，内容却不是 CSV 文本（可能是改了扩展名的 Excel 文件），无法读取；请在 Excel 中另存为 .xlsx 后重新报送',
    en: 'The file is named .csv but does not hold CSV text (perhaps an Excel file renamed), so it cannot be read. Please save it as .xlsx in Excel and send it again',
  },
  'file.truncated': {
    severity: 'error',
    'zh-CN': '文件不完整（只有 {size}），可能没有下载完或没有保存完，无法读取；请重新下载或重新保存后报送',
    en: 'The file is incomplete (only {size}); it was probably not fully downloaded or saved. Please download or save it again and send it again',
  },
  'file.corrupt': {
    severity: 'error',
    'zh-CN': '文件已损坏（压缩结构有误），无法读取；请在 Excel 中打开（Excel 会提示修复），另存为新文件后重新报送',
    en: 'The file is damaged (its zip structure is broken), so it cannot be read. Please open it in Excel (which offers to repair it), save it as a new file and send it again',
  },
  'file.corrupt-part': {
    severity: 'error',
    'zh-CN': '文件已损坏：其中的 {part} 无法解压或大小不符，无法读取；请在 Excel 中打开，另存为新文件后重新报送',
    en: 'The file is damaged: its part {part} cannot be unpacked or has the wrong size. Please open it in Excel, save it as a new file and send it again',
  },
  'file.corrupt-checksum': {
    severity: 'error',
    'zh-CN': '文件已损坏：其中的 {part} 校验和不符（文件在保存或传送中出错），无法读取；请重新保存或重新发送原文件',
    en: 'The file is damaged: the checksum of its part {part} does not match (it was garbled while being saved or sent). Please save or send the original file again',
  },
  'file.unsupported-zip': {
    severity: 'error',
    'zh-CN': '{featureZh}，无法读取；请在 Excel 中打开，另存为 .xlsx 后重新报送',
    en: '{featureEn}, so it cannot be read. Please open it in Excel, save it as .xlsx and send it again',
  },
  'file.zip-encrypted': {
    severity: 'error',
    'zh-CN': '文件的压缩包设置了密码，无法读取；请报送未加密的 Excel 文件',
    en: 'The file is a password-protected zip, so it cannot be read. Please send the Excel file without a password',
  },
  'file.password': {
    severity: 'error',
    // Which key an encrypted .xlsx uses is not told without decrypting it: both cases are named.
    'zh-CN':
      '文件已加密，无法读取；请在 Excel 中打开（如要求输入密码，请输入），点“文件 → 信息 → 保护工作簿 → 用密码进行加密”，清空密码框后点确定；如果打开时没有要求密码，还请在“文件 → 另存为 → 工具 → 常规选项”中清空密码、去掉“建议只读”；保存后重新报送',
    en: 'The file is encrypted, so it cannot be read. Please open it in Excel (enter the password if asked), choose File > Info > Protect Workbook > Encrypt with Password, clear the password box and click OK; if Excel asked for no password, also clear the passwords and untick "Read-only recommended" under File > Save As > Tools > General Options; then save and send it again',
  },
  'file.default-encryption': {
    severity: 'error',
    'zh-CN':
      '文件以 Excel 的默认密钥加密（打开时不用输入密码，但其他程序读不了），无法读取；请在 Excel 中打开，点“文件 → 信息 → 保护工作簿 → 用密码进行加密”，确认密码框为空后点确定；或点“文件 → 另存为 → 工具 → 常规选项”，清空密码并去掉“建议只读”；保存后重新报送',
    en: 'The file is encrypted with Excel\'s default key (it opens without a password, but other programs cannot read it). Please open it in Excel, choose File > Info > Protect Workbook > Encrypt with Password, make sure the password box is empty and click OK; or choose File > Save As > Tools > General Options, clear the passwords and untick "Read-only recommended"; then save and send it again',
  },
  'file.duplicate-part': {
    severity: 'error',
    'zh-CN': '文件中的 {part} 出现了不止一次，不同软件会读出不同的数据，为安全起见未读取；请在 Excel 中打开，另存为新文件后重新报送',
    en: 'The part {part} occurs more than once in the file, so different programs would read different data; not read, for safety. Please open it in Excel, save it as a new file and send it again',
  },
  'file.too-many-parts': {
    severity: 'error',
    'zh-CN': '文件由 {count} 个部件组成，超过 {limit} 个的上限，为安全起见未读取；请另存为普通的 Excel 文件后重新报送',
    en: 'The file is made of {count} parts, more than the limit of {limit}; not read, for safety. Please save it as an ordinary Excel file and send it again',
  },
  'file.part-too-large': {
    severity: 'error',
    'zh-CN': '文件中的 {part} 解压后超过 {limit} 的上限，为安全起见未读取；请删去多余的内容，另存后重新报送',
    en: 'The part {part} of the file unpacks to more than the limit of {limit}; not read, for safety. Please delete what is not needed, save it and send it again',
  },
  'file.total-too-large': {
    severity: 'error',
    'zh-CN': '文件解压后超过 {limit} 的上限，为安全起见未读取；请删去多余的工作表和图片，另存后重新报送',
    en: 'The file unpacks to more than the limit of {limit}; not read, for safety. Please delete extra sheets and pictures, save it and send it again',
  },
  'file.zip-bomb': {
    // `ratio` (in the params) is what was seen before stopping: at least that much.
    severity: 'error',
    'zh-CN':
      '文件中的 {part} 压缩比超过 {limit}:1，正常文件不会这样，是“压缩炸弹”式的异常文件，为安全起见未读取；如果确是报表，请在 Excel 中另存为新文件后重新报送',
    en: 'The part {part} of the file is compressed more than {limit}:1, which no ordinary file is: the mark of a "zip bomb"; not read, for safety. If it is the form, please save it as a new file in Excel and send it again',
  },
  'file.zip-overlap': {
    severity: 'error',
    'zh-CN':
      '文件中的多个部件共用同一段数据（{part}），是异常构造的文件，为安全起见未读取；如果确是报表，请在 Excel 中另存为新文件后重新报送',
    en: 'Several parts of the file share the same data ({part}), which no ordinary file does; not read, for safety. If it is the form, please save it as a new file in Excel and send it again',
  },
  'file.too-many-cells': {
    severity: 'error',
    'zh-CN': '文件约有 {count} 个单元格，超过 {limit} 个的上限，未读取；请只保留报表所在的工作表，另存后重新报送',
    en: 'The file has about {count} cells, more than the limit of {limit}, so it was not read. Please keep only the sheet with the form, save it and send it again',
  },
  'file.hyperlink-too-large': {
    severity: 'error',
    'zh-CN': '文件中的一个超链接覆盖了约 {count} 个单元格，为安全起见未读取；请删去该超链接，另存后重新报送',
    en: 'A hyperlink in the file covers about {count} cells; not read, for safety. Please delete that hyperlink, save the file and send it again',
  },
  'file.declared-too-large': {
    severity: 'error',
    'zh-CN': '工作表声明的范围有 {count} 个单元格，超过 {limit} 个的上限，未读取；请删去多余的行和列，另存后重新报送',
    en: 'A sheet declares a range of {count} cells, more than the limit of {limit}, so it was not read. Please delete the extra rows and columns, save it and send it again',
  },
  'file.grid-too-large': {
    severity: 'error',
    'zh-CN': '有内容远离表格，表格范围超过 {limit} 个单元格的上限，未读取；请删去表格以外多余的行和列，另存后重新报送',
    en: 'Something lies far from the table, making it larger than the limit of {limit} cells, so it was not read. Please delete the extra rows and columns outside the table, save it and send it again',
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
  'date.no-such-month': {
    severity: 'error',
    'zh-CN': '“{value}”不是真实的日期：一年只有 12 个月，没有 {month} 月；请核对后按 2024-03-20 的格式填写',
    en: '"{value}" is not a real date: a year has 12 months, not {month}. Please check it and write it as 2024-03-20',
  },
  'date.no-such-day': {
    severity: 'error',
    'zh-CN': '“{value}”不是真实的日期：{year} 年 {month} 月只有 {days} 天，没有 {day} 日；请核对后重新填写',
    en: '"{value}" is not a real date: month {month} of {year} has {days} days, not {day}. Please check it',
  },
  'roster.impossible-deadline': {
    severity: 'error',
    'zh-CN': '{reason}。在改正之前，该单位暂不设单独的截止日期',
    en: '{reason}. Until it is corrected, this unit has no deadline of its own',
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
  // ── Outliers: readable figures far from their peers or from last year (counted as they are) ──
  'outlier.peers': {
    severity: 'warning',
    'zh-CN':
      '{value} 与同级单位相差十倍以上：同级 {peers} 个单位的中位数为 {median}。请核对是否多写或漏写了 0、误用了“万”，或填到了别的列；该数照常计入合计',
    en: '{value} is ten times off its peers: the median of {peers} units at the same level is {median}. Please check for an extra or missing zero, a figure in wan (ten thousands), or the wrong column; the figure is counted as it is',
  },
  'outlier.last-year': {
    severity: 'warning',
    'zh-CN': '{value} 与本单位去年的 {last} 相差十倍以上。请核对是否多写或漏写了 0、误用了“万”，或填到了别的列；该数照常计入合计',
    en: "{value} is ten times off this unit's {last} of last year. Please check for an extra or missing zero, a figure in wan (ten thousands), or the wrong column; the figure is counted as it is",
  },
  'last-year.unusable': {
    severity: 'warning',
    'zh-CN': '去年的表无法用来同比：{reason}。本次汇总照常完成，只是没有同比；请选择去年同一张表的汇总工作簿',
    en: "Last year's table cannot be compared with: {reason}. The roll-up is done without the comparison; please choose last year's roll-up of the same form",
  },
  // ── The whole notice: every material of every unit ──
  'cross-form.quiz-participants': {
    severity: 'warning',
    'zh-CN': '“{unit}”的数据汇总表填报知识竞赛参赛人数 {summary}，知识竞赛活动情况表中参赛人数合计 {quiz}，请核对',
    en: '"{unit}" gives {summary} quiz participants in the activity summary but {quiz} in the quiz table; please check',
  },
  'cross-form.quiz-female': {
    severity: 'warning',
    'zh-CN': '“{unit}”的数据汇总表填报知识竞赛参赛女职工 {summary} 人，知识竞赛活动情况表中其中女职工合计 {quiz} 人，请核对',
    en: '"{unit}" gives {summary} women quiz participants in the activity summary but {quiz} in the quiz table; please check',
  },
  'cross-form.experience-count': {
    severity: 'warning',
    'zh-CN': '“{unit}”的数据汇总表填报报送典型经验 {summary} 篇，收到的典型经验报送表中有 {entries} 篇，请核对',
    en: '"{unit}" gives {summary} typical experiences in the activity summary, but its typical-experience table has {entries}; please check',
  },
  'cross-form.photo-count': {
    severity: 'warning',
    'zh-CN': '“{unit}”的数据汇总表填报报送图片 {summary} 张，实际收到图片 {received} 张，请核对',
    en: '"{unit}" gives {summary} photos in the activity summary, but {received} photos were received; please check',
  },
  'cross-form.attachment-missing': {
    severity: 'warning',
    'zh-CN': '“{unit}”的典型经验“{title}”写明附件“{attachment}”，但没有收到这个文件；请单位补发',
    en: '"{unit}"\'s typical experience "{title}" names the attachment "{attachment}", but no such file was received; please ask for it',
  },
  'notice.no-unit': {
    severity: 'warning',
    'zh-CN':
      '文件夹名和文件名中都没有名单上的单位名称或别名，不知道是哪个单位报送的，未计入；请把它放进以单位名称命名的文件夹，或在文件名中写明单位',
    en: "Neither the folder nor the file name holds a roster unit's name or alias, so it is not known which unit sent it; not counted. Put it in a folder named after the unit, or write the unit in the file name",
  },
  'notice.several-units': {
    severity: 'warning',
    'zh-CN': '“{name}”中有多个单位的名称（{units}），不知道是哪个单位报送的，未计入；请改名，只写报送单位',
    en: '"{name}" names several units ({units}), so it is not known which one sent it; not counted. Please rename it to name the sending unit only',
  },
  'notice.garbled-name': {
    severity: 'warning',
    'zh-CN': '文件名是乱码（多见于旧压缩软件的 GBK 编码），认不出单位，未计入；请用支持中文文件名的解压软件重新解压',
    en: 'The file name is garbled (often GBK names from an old zip tool), so no unit can be recognised; not counted. Unzip again with a tool that keeps Chinese file names',
  },
  'notice.unclassified-document': {
    severity: 'warning',
    'zh-CN': '从文件名看不出是哪种材料，未计入；活动总结的文件名应含“总结”，典型经验的附件应与报送表中的附件文件名一致',
    en: "The file name does not tell which material this is; not counted. An activity report's name should contain 总结; a typical experience's attachment should be named as in its table",
  },
  'notice.unclassified-other': {
    severity: 'warning',
    'zh-CN': '不是表格、文档或图片（.{extension}），未计入，也未打开',
    en: 'Not a table, document or photo (.{extension}); not counted and not opened',
  },
  'notice.archive': {
    severity: 'warning',
    'zh-CN': '这是压缩包（.{extension}），未打开；请先解压，再把解压出的文件放进来',
    en: 'This is an archive (.{extension}) and was not opened; unzip it first and add the files it holds',
  },
  'notice.not-requested': {
    severity: 'warning',
    'zh-CN': '本次通知没有要求报送“{material}”，未计入',
    en: 'This notice did not ask for "{material}"; not counted',
  },
  'notice.folder-unreadable': {
    severity: 'error',
    'zh-CN': '无法打开这个文件夹（没有读取权限或已被移走），其中的文件未计入；请检查文件夹权限后重新汇总',
    en: 'This folder cannot be opened (no permission, or it was moved); the files in it are not counted. Check its permissions and run the roll-up again',
  },
  'notice.folder-loop': {
    severity: 'warning',
    'zh-CN': '这个文件夹是指回上层文件夹的链接（循环），已跳过，其中的文件在别处已计入',
    en: 'This folder is a link back to a folder above it (a loop); skipped, its files are counted where they really are',
  },
  'notice.folder-empty': {
    severity: 'warning',
    'zh-CN': '文件夹是空的，没有可汇总的文件',
    en: 'The folder is empty: nothing to roll up',
  },
  'notice.file-unreadable': {
    severity: 'error',
    'zh-CN': '无法读取这个文件（没有读取权限或已被移走），未计入',
    en: 'This file cannot be read (no permission, or it was moved); not counted',
  },
  'notice.no-roster': {
    severity: 'warning',
    'zh-CN': '没有单位名单，无法列出各单位的报送情况和催报名单；请提供单位名单（单位名称、别名、截止日期、联系人、联系电话）',
    en: 'Without a roster there is no per-unit status and no reminder list; please give a roster (unit name, aliases, deadline, contact, phone)',
  },
  'notice.reminder': {
    severity: 'warning',
    'zh-CN': '{greeting}您好！本次活动要求报送的材料中，{unit}尚缺：{materials}。{deadline}请尽快报送，谢谢！',
    en: '{greeting}Hello! Of the materials this notice asks for, {unit} has not yet sent: {materials}. {deadline}Please send them as soon as possible. Thank you!',
  },
  'notice.reminder-deadline': {
    severity: 'warning',
    'zh-CN': '截止日期为 {deadline}。',
    en: 'The deadline is {deadline}. ',
  },
  'notice.reminder-resend': {
    severity: 'warning',
    'zh-CN': '{material}（已收到的文件无法采用：{reason}，请重新报送）',
    en: '{material} (the file received cannot be used: {reason}; please send it again)',
  },
  'notice.correction': {
    severity: 'warning',
    'zh-CN': '{greeting}您好！{unit}报送的材料中有以下问题，请修改后重新报送：\n{items}\n谢谢！',
    en: '{greeting}Hello! The materials {unit} sent have these problems; please correct them and send them again:\n{items}\nThank you!',
  },
  'notice.correction-item': {
    severity: 'warning',
    'zh-CN': '{n}. {file}（工作表“{sheet}”）{message}',
    en: '{n}. {file} (sheet "{sheet}") {message}',
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
