/** How Huizong's sheets look (fonts, borders, header fill) and the names it gives them. */

/** Excel's column width is in points; templates count characters (about 7 px each, plus 5 px padding). */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

export function uniqueName(wanted: string, taken: readonly string[], maxLength: number, join: (base: string, n: number) => string): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const suffix = join('', n);
    const candidate = join(wanted.slice(0, maxLength - suffix.length), n);
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

export const HEADER_FILL = '#DDEBF7';

export const BORDER_COLOR = '#BFBFBF';

export const FONT = 'SimSun';

export const BORDER_SIDES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const;

export function thinBorders(range: Excel.Range): void {
  for (const side of BORDER_SIDES) {
    const border = range.format.borders.getItem(side);
    border.style = 'Continuous';
    border.color = BORDER_COLOR;
  }
}

export function headerStyle(range: Excel.Range): void {
  range.format.fill.color = HEADER_FILL;
  range.format.font.name = FONT;
  range.format.font.size = 11;
  range.format.font.bold = true;
  range.format.horizontalAlignment = 'Center';
  range.format.verticalAlignment = 'Center';
  range.format.wrapText = true;
  thinBorders(range);
}
