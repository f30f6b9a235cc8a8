/** Styles: which cell formats (cellXfs) show numbers as dates. */
import { isDateFormat } from './dateFormat';
import { closeOf, findStart, nextTag } from './xmlTags';
import { decodeText, prepare } from './xmlText';
import { unsupported } from './xlsxUnsupported';

/**
 * Built-in number formats that are dates or times: 14–22 and 45–47 everywhere, 27–36 and 50–58
 * in the CJK locales (年月日, 上午/下午 …), 71–81 in the Thai locale.
 */
function builtInDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58) || (id >= 71 && id <= 81);
}

const NUMFMT_ATTRS = ['numFmtId', 'formatCode'];
const numFmtValues: (string | undefined)[] = [undefined, undefined];
const XF_ATTRS = ['numFmtId'];
const xfValues: (string | undefined)[] = [undefined];

/** For each cellXfs index, 1 when its number format is a date. */
export function readStyles(xml: string, part: string): Uint8Array {
  xml = prepare(xml, part);
  const custom = new Map<number, string>();
  const fmts = findStart(xml, 'numFmts', 0);
  if (fmts && !fmts.selfClosing) {
    const close = closeOf(xml, fmts, part);
    for (
      let tag = nextTag(xml, fmts.end, NUMFMT_ATTRS, numFmtValues);
      tag && tag.start < close;
      tag = nextTag(xml, tag.end, NUMFMT_ATTRS, numFmtValues)
    ) {
      if (tag.closing || tag.local !== 'numFmt') continue;
      const id = parseInt(numFmtValues[0] ?? '', 10);
      const code = numFmtValues[1];
      if (!(id >= 0) || code === undefined) unsupported(`${part}: numFmt without id or code`);
      custom.set(id, decodeText(code, false));
    }
  }
  const dates: number[] = [];
  const xfs = findStart(xml, 'cellXfs', 0);
  if (xfs && !xfs.selfClosing) {
    const close = closeOf(xml, xfs, part);
    for (let tag = nextTag(xml, xfs.end, XF_ATTRS, xfValues); tag && tag.start < close; tag = nextTag(xml, tag.end, XF_ATTRS, xfValues)) {
      if (tag.closing || tag.local !== 'xf') continue;
      const id = xfValues[0] ? parseInt(xfValues[0], 10) : 0;
      if (!(id >= 0)) unsupported(`${part}: xf numFmtId ${xfValues[0]}`);
      // SheetJS ignores a custom format 0 (General).
      const code = id > 0 ? custom.get(id) : undefined;
      dates.push((code !== undefined ? isDateFormat(code) : builtInDate(id)) ? 1 : 0);
    }
  }
  return Uint8Array.from(dates);
}
