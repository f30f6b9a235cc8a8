/**
 * The "unzip + scan" floor the roll-up benches compare against, shared by the Node bench
 * (bench-rollup) and the page's floor worker (bench-page): no Node or DOM APIs here.
 */

/** The parts a table is read from: the shared strings and the first sheet. */
export const FLOOR_PARTS = ['xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml'];

/** `<c ` openings, with every character touched once, as a reader must. */
export function countCells(xml: string): number {
  let n = 0;
  for (let at = xml.indexOf('<c '); at >= 0; at = xml.indexOf('<c ', at + 3)) n++;
  // Touch every character once (sharedStrings has no `<c `).
  let lt = 0;
  for (let i = 0; i < xml.length; i++) if (xml.charCodeAt(i) === 60) lt++;
  return n + (lt & 0);
}
