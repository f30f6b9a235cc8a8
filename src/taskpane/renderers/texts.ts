/** The renderers' own UI texts (buttons, placeholders), Chinese first; English when JSON Forms' locale is `en`. */

import { useJsonForms } from '@jsonforms/react';
import type { Lang } from '../../core/definitions/types';

export interface RendererTexts {
  selectPlaceholder: string;
  addRow: string;
  removeRow: string;
  row: (n: number) => string;
  noRows: string;
  /** Joins several messages of one field. */
  messageSeparator: string;
  /** Characters typed against a limit, for multi-line text. */
  counter: (used: number, max: number) => string;
}

export const rendererTexts: Record<Lang, RendererTexts> = {
  'zh-CN': {
    selectPlaceholder: '请选择',
    addRow: '添加一行',
    removeRow: '删除',
    row: (n) => `第${n}行`,
    noRows: '暂无内容，点击“添加一行”。',
    messageSeparator: '；',
    counter: (used, max) => `已填 ${used}/${max} 字`,
  },
  en: {
    selectPlaceholder: 'Select…',
    addRow: 'Add a row',
    removeRow: 'Remove',
    row: (n) => `Row ${n}`,
    noRows: 'Nothing yet; choose “Add a row”.',
    messageSeparator: '; ',
    counter: (used, max) => `${used}/${max} characters`,
  },
};

/** JSON Forms' locale as our Lang: English only when the form was given `locale: 'en'`. */
export function langOfLocale(locale: string | undefined): Lang {
  return locale !== undefined && /^en\b/i.test(locale) ? 'en' : 'zh-CN';
}

export function useRendererTexts(): RendererTexts {
  const ctx = useJsonForms();
  return rendererTexts[langOfLocale(ctx.i18n?.locale)];
}
