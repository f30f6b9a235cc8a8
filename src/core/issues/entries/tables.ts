/** Catalogue entries: Cross-field rules, the table as a whole, vertical cards and whole files as read. */
import type { CatalogueEntry } from '../entry';

export const tableEntries = {
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
    severity: 'error',
    'zh-CN': '表中没有填写数据：这是一张空白表，请填写本单位的数据后再报送',
    en: "The table has no data: it is a blank form. Please fill in your unit's figures and send it again",
  },
  'table.only-totals': {
    severity: 'error',
    'zh-CN': '表中只有“{total}”行，没有任何单位的数据行，未读取：请在表头下方每个单位填一行（写明单位名称和数据），“{total}”行放在最后',
    en: 'The table has only a "{total}" (total) row and no unit\'s row, so nothing was read. Under the header, fill in one row per unit (its name and figures), with the "{total}" row last',
    literal: { total: '合计' },
  },
  'table.no-unit-rows': {
    severity: 'error',
    'zh-CN': '表中没有任何单位的数据行，未读取：请把本单位的名称和数据填在表头下方、表头对应的列中',
    en: "The table has no unit's row, so nothing was read. Please fill in your unit's name and figures under the header, in the columns the header names",
  },
  // ── Vertical cards (one unit's return written down the page) ──
  'table.not-found-near': {
    severity: 'error',
    'zh-CN':
      '没有找到可识别的报表：最接近的是《{form}》，但缺少“{missing}”。横版报表的表头应有这些列；竖版（单位填报）报表应在“{items}”或“{things}”列写出这些项目，数量写在右边一列',
    en: 'No known form was found. The nearest is "{form}", but "{missing}" is missing. A table needs these as column headers; a vertical card needs them as items in its "{items}" or "{things}" column, with the figures in the column to the right',
    literal: { items: '指标', things: '项目' },
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
    'zh-CN': '竖版报表没有写明填报单位：请在表格上方写“{line}单位名称”',
    en: 'The vertical card does not name its unit: write "{line}" and the unit\'s name above the card',
    literal: { line: '填报单位（盖章）：' },
  },
  'card.missing-item': {
    severity: 'error',
    'zh-CN': '竖版报表中没有“{label}”这一项：请在“{items}”列加上这一项并填写数量，或在表格上下写“{label}：……”',
    en: 'The vertical card has no item "{label}": add it to the "{items}" column with its figure, or write "{label}: …" above or below the card',
    literal: { items: '指标' },
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
} satisfies Record<string, CatalogueEntry>;
