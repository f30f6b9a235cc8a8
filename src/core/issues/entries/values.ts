/** Catalogue entries: Values as units write them, values that cannot be read, and what JSON Schema (Ajv) says of a row. */
import type { CatalogueEntry } from '../entry';

export const valueEntries = {
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
    en: '"{value}" read as {parsed}. Please type the whole number in digits, not in tens of thousands',
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
    'zh-CN': '“{value}”不是“{yes}”或“{no}”，请填写“{yes}”或“{no}”',
    en: '"{value}" is not yes or no. Please choose "{yes}" (yes) or "{no}" (no) from the cell\'s list, or enter TRUE or FALSE',
    literal: { yes: '是', no: '否' },
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
} satisfies Record<string, CatalogueEntry>;
