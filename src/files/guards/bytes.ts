/** Little-endian fields and byte strings, as zip and compound-file headers store them. */

export const u16 = (b: Uint8Array, p: number) => b[p]! | (b[p + 1]! << 8);
export const u32 = (b: Uint8Array, p: number) => (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;

export function latin1(b: Uint8Array, start: number, length: number): string {
  let s = '';
  for (let i = start; i < start + length; i++) s += String.fromCharCode(b[i]!);
  return s;
}
