/**
 * The very-hidden sheet where Huizong keeps what a workbook is (template or roll-up, form,
 * version, unit, level, when) as key/value rows in columns A and B. It survives being sent as
 * a file and read by any xlsx library, so a returned copy is recognised. Kept apart so that
 * readers and writers share the name without pulling in each other's library.
 */
export const META_SHEET = '_huizong';
