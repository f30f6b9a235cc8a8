/** Catalogue entries: the command line's options, as the person typed them. */
import type { CatalogueEntry } from '../entry';

export const cliEntries = {
  'cli.unknown-option': {
    severity: 'error',
    'zh-CN': '未知的选项 {option}；可用的选项：{known}',
    en: 'Unknown option {option}; the options are: {known}',
  },
  'cli.unknown-option-did-you-mean': {
    severity: 'error',
    'zh-CN': '未知的选项 {option}，应写 {suggestion}',
    en: 'Unknown option {option}: write {suggestion}',
  },
  'cli.option-needs-value': {
    severity: 'error',
    // `exampleZh`/`exampleEn`: one param per language, each template uses its own.
    'zh-CN': '选项 {option} 后面要写一个值，例如 {exampleZh}',
    en: 'The option {option} needs a value after it, e.g. {exampleEn}',
  },
  'cli.option-takes-no-value': {
    severity: 'error',
    'zh-CN': '选项 {option} 不带值：请只写 {name}，去掉“={value}”',
    en: 'The option {option} takes no value: write just {name}, without "={value}"',
  },
  'cli.option-date': {
    severity: 'error',
    'zh-CN': '选项 {option}：{reason}',
    en: '{option}: {reason}',
  },
  'cli.option-not-for-roster-template': {
    severity: 'error',
    'zh-CN': '选项 {option} 对空白单位名单不适用：huizong template roster 只用 --out（可加 --lang）；请去掉 {option} 再运行',
    en: 'The option {option} does not apply to the blank roster: huizong template roster takes only --out (and --lang). Remove {option} and run it again',
  },
  'cli.bad-arguments': {
    severity: 'error',
    'zh-CN': '命令行参数有误；用法见 huizong --help',
    en: 'The command line is wrong; see huizong --help for usage',
  },
  // ── Files the command line could not read or write: the reason by the system's error code;
  // the system's own words only with HUIZONG_DEBUG=1 (src/cli/fileFailure.ts) ──
  'cli.cannot-read': {
    severity: 'error',
    'zh-CN': '无法读取 {path}：{reason}',
    en: 'Cannot read {path}: {reason}',
  },
  'cli.cannot-write': {
    severity: 'error',
    'zh-CN': '无法写出 {path}：{reason}',
    en: 'Cannot write {path}: {reason}',
  },
  'cli.file.not-found': {
    severity: 'error',
    'zh-CN': '没有这个文件，请检查路径和文件名',
    en: 'there is no such file; check the path and the name',
  },
  'cli.file.no-folder': {
    severity: 'error',
    'zh-CN': '要写入的文件夹不存在，请先建好这个文件夹，或换一个路径',
    en: 'the folder to write in does not exist; create it first, or choose another path',
  },
  'cli.file.denied': {
    severity: 'error',
    'zh-CN': '没有权限（文件可能正被 Excel 或 WPS 打开，或者文件夹是只读的），请关闭文件或换一个文件夹后再试',
    en: 'permission denied (the file may be open in Excel or WPS, or the folder read-only); close the file or choose another folder, then try again',
  },
  'cli.file.busy': {
    severity: 'error',
    'zh-CN': '文件正被其他程序（例如 Excel 或 WPS）打开，请关闭它后再试',
    en: 'the file is open in another program (Excel or WPS, say); close it and try again',
  },
  'cli.file.is-folder': {
    severity: 'error',
    'zh-CN': '这是一个文件夹，不是文件，请写出文件名',
    en: 'this is a folder, not a file; give a file name',
  },
  'cli.file.other': {
    severity: 'error',
    'zh-CN': '出了意外的问题；请再试一次，如仍不行，请用 HUIZONG_DEBUG=1 再运行一次，把输出发给维护本工具的人员',
    en: 'something unexpected went wrong; try again, and if it still fails, run it again with HUIZONG_DEBUG=1 and send the output to whoever maintains this tool',
  },
  // ── Anything else that stopped a command ──
  'cli.unexpected': {
    severity: 'error',
    'zh-CN': '出了意外的问题，命令没有完成。请再试一次；如仍不行，请用 HUIZONG_DEBUG=1 再运行一次，把输出发给维护本工具的人员。',
    en: 'Something unexpected went wrong and the command did not finish. Please try again; if it still fails, run it again with HUIZONG_DEBUG=1 and send the output to whoever maintains this tool.',
  },
} satisfies Record<string, CatalogueEntry>;
