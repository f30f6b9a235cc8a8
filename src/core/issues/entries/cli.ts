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
} satisfies Record<string, CatalogueEntry>;
