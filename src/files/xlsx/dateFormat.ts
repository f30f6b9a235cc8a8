/**
 * Whether a number format shows a date or time, decided as SheetJS 0.20.3 decides it
 * (`SSF.is_date`), so that the lean reader and SheetJS read the same cells as dates. Written
 * here rather than imported: importing it loads the whole of SheetJS, which the roll-up worker
 * otherwise loads only for the rare file the lean reader leaves to it. A test holds the two to
 * the same answers (tests/files/date-format.test.ts).
 */

/** `General` at `at`, in any case (ASCII case, as SheetJS folds it: `| 32`). */
function isGeneral(format: string, at: number): boolean {
  if (format.length < at + 7) return false;
  for (let k = 0; k < 7; k++) if ((format.charCodeAt(at + k) | 32) !== 'general'.charCodeAt(k)) return false;
  return true;
}

const DIGITS = '0123456789';
const NUMBER_PART = '0#?.,E+-%';
/** An elapsed-time bracket: `[h]`, `[mm]`, `[ss]` (and the Thai letters SheetJS also takes). */
const ELAPSED = /\[[HhMmSs\u0E0A\u0E19\u0E17]*\]/;

export function isDateFormat(format: string): boolean {
  let i = 0;
  while (i < format.length) {
    const c = format.charAt(i);
    switch (c) {
      case 'G':
        if (isGeneral(format, i)) i += 6;
        i++;
        break;
      case '"': // a quoted literal
        while (format.charCodeAt(++i) !== 34 && i < format.length) {
          // to the closing quote
        }
        ++i;
        break;
      case '\\': // an escaped character
      case '_': // a space the width of the next character
        i += 2;
        break;
      case '@':
        ++i;
        break;
      case 'B':
      case 'b':
        // B1 / B2: Gregorian / Hijri dates; otherwise a date letter like the rest.
        return true;
      case 'M':
      case 'D':
      case 'Y':
      case 'H':
      case 'S':
      case 'E':
      case 'm':
      case 'd':
      case 'y':
      case 'h':
      case 's':
      case 'e':
      case 'g':
        return true;
      case 'A':
      case 'a':
      case '上':
        if (
          format.slice(i, i + 3).toUpperCase() === 'A/P' ||
          format.slice(i, i + 5).toUpperCase() === 'AM/PM' ||
          format.slice(i, i + 5).toUpperCase() === '上午/下午'
        )
          return true;
        ++i;
        break;
      case '[': {
        let bracket = c;
        while (format.charAt(i++) !== ']' && i < format.length) bracket += format.charAt(i);
        if (ELAPSED.test(bracket)) return true;
        break;
      }
      case '.':
      case '0':
      case '#': {
        let next: string;
        while (
          i < format.length &&
          (NUMBER_PART.includes((next = format.charAt(++i))) ||
            (next === '\\' && format.charAt(i + 1) === '-' && '0#'.includes(format.charAt(i + 2))))
        ) {
          // the rest of the number part
        }
        break;
      }
      case '?':
        while (format.charAt(++i) === c) {
          // more digit places
        }
        break;
      case '*':
        ++i;
        if (format.charAt(i) === ' ' || format.charAt(i) === '*') ++i;
        break;
      case '(':
      case ')':
      case ' ':
        ++i;
        break;
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7':
      case '8':
      case '9':
        while (i < format.length && DIGITS.includes(format.charAt(++i))) {
          // the rest of the number
        }
        break;
      default:
        ++i;
        break;
    }
  }
  return false;
}
