/**
 * The guards' element count (what the cell limit is checked against) is the same however the
 * inflated part arrives: in one piece, or cut anywhere, inside a tag name or a hyperlink's
 * attributes, as a streamed inflate cuts it.
 */
import { ElementCounter } from '../../src/files/guards/elementCounter';

const SHEET =
  '<?xml version="1.0"?><x:worksheet xmlns:x="main"><x:dimension ref="A1:C40"/>' +
  '<x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><C r="B1"/></x:row>' +
  '<row r="2">\n<c\tr="A2"><v>1</v></c><c/></row></x:sheetData>' +
  '<hyperlinks><hyperlink ref="A1:B3" r:id="rId1"/></hyperlinks>' +
  `<${'p'.repeat(30)}:c/><${'q'.repeat(40)}:c/>` +
  '<comments><comment ref="A1"/><threadedComment/></comments><sst><si><t>甲</t></si></sst></x:worksheet>';

// Rows 2; cells 5 (prefixed, upper case, after a tab, empty, behind a long prefix), but not one
// whose prefixed name is longer than any name kept; comments 2; shared strings 1; the
// hyperlink's 6 cells.
const EXPECTED = { items: 2 + 5 + 2 + 1 + 6, declaredCells: 120, largestHyperlink: 6 };

function count(bytes: Uint8Array, cut: number) {
  const counter = new ElementCounter();
  for (let at = 0; at < bytes.length; at += cut) counter.push(bytes.subarray(at, at + cut));
  return { items: counter.items, declaredCells: counter.declaredCells, largestHyperlink: counter.largestHyperlink };
}

test('elements counted the same in one piece and cut at every size', () => {
  const bytes = new TextEncoder().encode(SHEET);
  expect(count(bytes, bytes.length)).toEqual(EXPECTED);
  for (let cut = 1; cut < 64; cut++) expect([cut, count(bytes, cut)]).toEqual([cut, EXPECTED]);
});

test('a tag left open at the end of one part does not swallow the next', () => {
  const counter = new ElementCounter();
  counter.push(new TextEncoder().encode('<row r="1"><c r="A1'));
  counter.reset();
  counter.push(new TextEncoder().encode('<c/><c/>'));
  expect(counter.items).toBe(4);
});
