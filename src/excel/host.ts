/**
 * Where the task pane runs: inside Excel, or in a plain browser tab (WPS users, Office
 * 2016/2019, or office.js unreachable because the machine is offline).
 *
 * Office.js calls live in src/excel/ only. This module uses just `Office.onReady` and
 * `Office.context.displayLanguage`, and never throws: outside Excel the pane still offers
 * the file features.
 */

import type { Lang } from '../core/definitions/types';

export interface HostInfo {
  /** True only when Office.js reported Excel as the host. */
  inExcel: boolean;
  /** UI language: English when the display language starts with "en", else Chinese. */
  lang: Lang;
}

/** `en`, `en-US`, `en-GB` … → 'en'; anything else (zh-CN, zh-TW, missing) → 'zh-CN'. */
export function langFromTag(tag: string | null | undefined): Lang {
  return typeof tag === 'string' && tag.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

function browserLang(): Lang {
  return langFromTag(typeof navigator === 'undefined' ? undefined : navigator.language);
}

/**
 * Waits for `Office.onReady()` for at most `timeoutMs`. Resolves at once, outside Excel,
 * when office.js did not load (`Office` undefined).
 */
export async function detectHost(timeoutMs = 3000): Promise<HostInfo> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    return { inExcel: false, lang: browserLang() };
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  let info: { host: Office.HostType | null } | null;
  try {
    info = await Promise.race([Office.onReady(), timedOut]);
  } catch {
    info = null;
  } finally {
    clearTimeout(timer);
  }

  if (!info || info.host !== Office.HostType.Excel) {
    return { inExcel: false, lang: browserLang() };
  }

  let displayLanguage: string | undefined;
  try {
    displayLanguage = Office.context.displayLanguage;
  } catch {
    displayLanguage = undefined;
  }
  return { inExcel: true, lang: displayLanguage ? langFromTag(displayLanguage) : browserLang() };
}
