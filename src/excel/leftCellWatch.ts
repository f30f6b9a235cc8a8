/**
 * A value picked from a cell's drop-down list does not fire `worksheet.onChanged` on Excel on
 * the web (https://github.com/OfficeDev/office-js/issues/4066,
 * https://github.com/OfficeDev/office-js/issues/3888; on Windows once too,
 * https://github.com/OfficeDev/office-js/issues/420). So the cell the user leaves is looked at
 * again: its value when the selection came to it against its value now, read in one small
 * sync per move (`worksheet.onSelectionChanged`, ExcelApi 1.7). A cell that changed is handed
 * on as an edit would be.
 */

/** The first cell of a selection's address: `'Sheet 1'!$B$3:C4` → `B3`; none for whole rows or columns (`C:C`). */
export function firstCell(address: string): string | undefined {
  const cell = address
    .slice(address.lastIndexOf('!') + 1)
    .split(/[,:]/)[0]!
    .replace(/\$/g, '')
    .toUpperCase();
  return /^[A-Z]+\d+$/.test(cell) ? cell : undefined;
}

export interface LeftCellWatch {
  /** The selection moved to `address` (a WorksheetSelectionChanged event's). */
  moved(address: string): Promise<void>;
  /** `onChanged` reported `address`: the watched cell, if in it, need not be looked at again. */
  reported(address: string): void;
  /** Stops: moves after this hand nothing on. */
  stop(): void;
}

/**
 * `read` gives the values of the cells asked for, in one sync; `changed` gets the address of
 * a cell left with another value than it had.
 */
export function watchLeftCell(read: (cells: readonly string[]) => Promise<unknown[]>, changed: (address: string) => void): LeftCellWatch {
  let current: { cell: string; value?: unknown; known: boolean } | undefined;
  let stopped = false;
  // Moves are handled one after another, each from the cell the previous one reached.
  let queue: Promise<void> = Promise.resolve();

  const handle = async (address: string) => {
    if (stopped) return;
    const cell = firstCell(address);
    const left = current?.known && current.cell !== cell ? current : undefined;
    current = cell === undefined ? undefined : { cell, known: false };
    const cells = [...(left ? [left.cell] : []), ...(cell === undefined ? [] : [cell])];
    if (!cells.length) return;
    const values = await read(cells);
    if (stopped) return;
    if (left && !same(values[0], left.value)) changed(left.cell);
    if (cell === undefined || !current) return;
    // A move that came while this one was read has taken over the watch.
    if (current.cell === cell && !current.known) current = { cell, value: values[values.length - 1], known: true };
  };

  return {
    moved(address) {
      queue = queue.then(
        () => handle(address),
        () => handle(address),
      );
      return queue.catch(() => undefined);
    },
    reported(address) {
      if (!current) return;
      if (covers(address, current.cell)) current = { cell: current.cell, known: false };
    },
    stop() {
      stopped = true;
    },
  };
}

function same(a: unknown, b: unknown): boolean {
  return a === b || ((a === '' || a === null || a === undefined) && (b === '' || b === null || b === undefined));
}

/** Whether a changed address (`B3:D9,F2`, whole rows `5:5`, columns `C:C`) covers `cell`. */
function covers(address: string, cell: string): boolean {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) return false;
  const column = columnNumber(m[1]!);
  const row = Number(m[2]);
  return address.split(/\s*[,;]\s*/).some((part) => {
    const bare = part
      .slice(part.lastIndexOf('!') + 1)
      .replace(/\$/g, '')
      .toUpperCase();
    const [from = '', to = from] = bare.split(':');
    const a = parts(from);
    const b = parts(to);
    const inRows = a.row === undefined || (row >= Math.min(a.row, b.row ?? a.row) && row <= Math.max(a.row, b.row ?? a.row));
    const inColumns =
      a.column === undefined || (column >= Math.min(a.column, b.column ?? a.column) && column <= Math.max(a.column, b.column ?? a.column));
    return inRows && inColumns;
  });
}

function parts(text: string): { column?: number; row?: number } {
  const m = /^([A-Z]*)(\d*)$/.exec(text);
  if (!m) return {};
  const out: { column?: number; row?: number } = {};
  if (m[1]) out.column = columnNumber(m[1]);
  if (m[2]) out.row = Number(m[2]);
  return out;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
