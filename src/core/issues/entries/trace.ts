/**
 * Catalogue entries: where a figure was typed (spec "Tracing every figure"), said beside an
 * issue the user clicks in the pane. Notes, never issues of their own: the severity is unused.
 */
import type { CatalogueEntry } from '../entry';

export const traceEntries = {
  'trace.place': {
    severity: 'warning',
    'zh-CN': '{file} 的工作表“{sheet}”第 {row} 行',
    en: '{file}, sheet "{sheet}", row {row}',
  },
  'trace.place-sheet': {
    severity: 'warning',
    'zh-CN': '{file} 的工作表“{sheet}”',
    en: '{file}, sheet "{sheet}"',
  },
  'trace.typed-in': {
    severity: 'warning',
    'zh-CN': '这一行填在 {origin}',
    en: 'This row was typed in {origin}',
  },
  'trace.came-in': {
    severity: 'warning',
    'zh-CN': '这一行最初填在 {origin}；随下级的汇总 {via} 报来。要更正，请找原单位核对后，由下级重新汇总报送',
    en: "This row was first typed in {origin}; it came in the level below's roll-up {via}. To correct it, check with that unit, then have the level below roll up and send again",
  },
} satisfies Record<string, CatalogueEntry>;
