/** One kind of issue: how serious it is and its message template in each language. */
export type Severity = 'error' | 'warning';

export interface CatalogueEntry {
  severity: Severity;
  'zh-CN': string;
  en: string;
}
