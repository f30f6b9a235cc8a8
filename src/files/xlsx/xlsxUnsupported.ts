/** The lean reader's way out: anything it does not understand goes to SheetJS instead. */

/** Thrown on anything this reader does not understand: the caller falls back to SheetJS. */
export class XlsxFastUnsupported extends Error {
  override name = 'XlsxFastUnsupported';
}

export function unsupported(message: string): never {
  throw new XlsxFastUnsupported(`fast xlsx reader: ${message}`);
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
