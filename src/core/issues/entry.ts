/** One kind of issue: how serious it is and its message template in each language. */
export type Severity = 'error' | 'warning';

export interface CatalogueEntry {
  severity: Severity;
  'zh-CN': string;
  /** In English words only: what a user must type in Chinese comes in through `literal`. */
  en: string;
  /**
   * Words the user must write as they are, in Chinese whatever the pane's language (the
   * readers look for them so): filled into `{name}` slots of both templates.
   */
  literal?: Readonly<Record<string, string>>;
  /**
   * One kind of issue whose advice differs with the case (a figure far above its peers, far
   * below, or 0): the issue's `advice` param names the case, and that case's words in the
   * message's language fill the templates' `{advice}` slot.
   */
  advice?: Readonly<Record<string, { 'zh-CN': string; en: string }>>;
}
