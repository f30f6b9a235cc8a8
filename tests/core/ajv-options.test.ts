/**
 * The Ajv every check uses is JSON Forms' Ajv: made with the options and formats JSON Forms'
 * `createAjv` gives it (made here without importing JSON Forms' core into the roll-up worker).
 */
import { createAjv } from '@jsonforms/core';
import { createSafeAjv } from '../../src/core/definitions/safeRegExp';

test('createSafeAjv has the options and formats of JSON Forms’ createAjv', () => {
  const theirs = createAjv();
  const ours = createSafeAjv();
  for (const option of [
    'allErrors',
    'verbose',
    'strict',
    'addUsedSchema',
    'validateSchema',
    'coerceTypes',
    'useDefaults',
    'removeAdditional',
  ] as const) {
    expect([option, ours.opts[option]]).toEqual([option, theirs.opts[option]]);
  }
  expect(Object.keys(ours.formats).sort()).toEqual(Object.keys(theirs.formats).sort());
});
