/** The catalogue is put together from areas: a code in two areas would silently lose one message. */
import { catalogue } from '../../src/core/issues/catalogue';
import { cliEntries } from '../../src/core/issues/entries/cli';
import { fileEntries } from '../../src/core/issues/entries/files';
import { hostEntries } from '../../src/core/issues/entries/host';
import { noticeEntries } from '../../src/core/issues/entries/notice';
import { rollupEntries } from '../../src/core/issues/entries/rollup';
import { tableEntries } from '../../src/core/issues/entries/tables';
import { valueEntries } from '../../src/core/issues/entries/values';
import { traceEntries } from '../../src/core/issues/entries/trace';

test('every code is in exactly one area, and every area reaches the catalogue', () => {
  const areas = [valueEntries, tableEntries, fileEntries, rollupEntries, noticeEntries, hostEntries, cliEntries, traceEntries];
  const codes = areas.flatMap((area) => Object.keys(area));
  expect(codes.length).toBe(new Set(codes).size);
  expect(Object.keys(catalogue).sort()).toEqual([...codes].sort());
});
