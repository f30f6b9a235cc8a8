/** Catalogue entries: The whole notice: every material of every unit, reminders and corrections. */
import type { CatalogueEntry } from '../entry';

export const noticeEntries = {
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
    'zh-CN': '从文件名看不出是哪种材料，未计入；活动总结的文件名应含“{word}”，典型经验的附件应与报送表中的附件文件名一致',
    en: 'The file name does not tell which material this is; not counted. An activity report\'s name should contain "{word}" (report); a typical experience\'s attachment should be named as in its table',
    literal: { word: '总结' },
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
    // The message closes with 请尽快报送, and most reasons end with their own fix: no second "send again".
    'zh-CN': '{material}（已收到的文件无法采用：{reason}）',
    en: '{material} (the file received cannot be used: {reason})',
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
} satisfies Record<string, CatalogueEntry>;
