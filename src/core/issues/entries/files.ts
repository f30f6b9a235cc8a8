/** Catalogue entries: Whole files refused by the guards: each reason its own code, its figures in the params. */
import type { CatalogueEntry } from '../entry';

export const fileEntries = {
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
} satisfies Record<string, CatalogueEntry>;
