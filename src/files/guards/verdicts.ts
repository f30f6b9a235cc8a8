/** The guards' verdicts: the limits, and each refusal a catalogue code with its figures. */
import type { IssueCode, IssueParams } from '../../core/issues/catalogue';

export interface Limits {
  /** The file as received. */
  maxFileBytes: number;
  /** All parts of a zip together, uncompressed. */
  maxTotalBytes: number;
  /** One part of a zip, uncompressed. */
  maxPartBytes: number;
  /** Parts in a zip. */
  maxEntries: number;
  /** Uncompressed : compressed, for parts larger than `ratioMinBytes`. */
  maxRatio: number;
  ratioMinBytes: number;
  /** Objects the reader would build: cells, rows, shared strings, comments, hyperlinked cells. */
  maxCells: number;
  /** Cells a worksheet's `<dimension ref>` declares; harmless to the reader, so off by default. */
  maxDeclaredCells: number;
  /** Slots of the grids built from the parsed sheets (see `gridCost`). */
  maxGridCells: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxFileBytes: 100 * 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
  maxPartBytes: 100 * 1024 * 1024,
  maxEntries: 10_000,
  // Deflate tops out near 1032:1; real parts reach ~300:1 (a styles.xml bloated with
  // identical formats), whitespace and zero-fill bombs ~1000:1.
  maxRatio: 500,
  ratioMinBytes: 1024 * 1024,
  maxCells: 1_000_000,
  maxDeclaredCells: Number.POSITIVE_INFINITY,
  maxGridCells: 5_000_000,
});

/** Every refusal is a catalogue entry of its own: the code says why, the params give the figures. */
export type GuardCode = Extract<IssueCode, `file.${string}`>;

export type GuardVerdict = { ok: true } | { ok: false; code: GuardCode; params: IssueParams };

type Refusal = Extract<GuardVerdict, { ok: false }>;

export class Refused extends Error {
  constructor(readonly verdict: Refusal) {
    super(verdict.code);
  }
}

export function refuse(code: GuardCode, params: IssueParams = {}): never {
  throw new Refused({ ok: false, code, params });
}

// ── Figures for the params: the same in both languages ──

export function bytesText(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${(n / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (n >= 1024 * 1024) return `${Math.round(n / 1024 / 1024)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}

/** 1,100,000: digits grouped by three, read the same in Chinese and English. */
export function countText(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** What a file is instead of a workbook, in each language (`file.not-spreadsheet`). */
const KINDS = {
  other: ['其他格式的文件', 'another kind of file'],
  pdf: ['PDF 文件', 'a PDF file'],
  archive: ['压缩包', 'a compressed archive'],
  emptyZip: ['一个空的压缩包', 'an empty zip archive'],
  image: ['图片', 'a picture'],
  html: ['网页文件', 'a web page'],
  rtf: ['RTF 文档', 'an RTF document'],
  word: ['Word 文档', 'a Word document'],
  powerpoint: ['PowerPoint 演示文稿', 'a PowerPoint presentation'],
  ods: ['OpenDocument 表格（.ods）', 'an OpenDocument spreadsheet (.ods)'],
  xlsb: ['Excel 二进制工作簿（.xlsb）', 'an Excel binary workbook (.xlsb)'],
  sylk: ['SYLK 格式的表格', 'a SYLK spreadsheet'],
} as const;
export type Kind = keyof typeof KINDS;

export function notSpreadsheet(kind: Kind): never {
  const [kindZh, kindEn] = KINDS[kind];
  return refuse('file.not-spreadsheet', { kindZh, kindEn });
}

const FEATURES = {
  split: ['文件是分卷压缩的', 'The file is a split (multi-volume) archive'],
  zip64: ['文件采用了 ZIP64 格式', 'The file uses the ZIP64 format'],
  method: ['文件使用了不支持的压缩方式', 'The file uses an unsupported compression method'],
} as const;

export function unsupportedZip(feature: keyof typeof FEATURES): never {
  const [featureZh, featureEn] = FEATURES[feature];
  return refuse('file.unsupported-zip', { featureZh, featureEn });
}

export function truncated(bytes: Uint8Array): never {
  return refuse('file.truncated', { size: bytesText(bytes.length), bytes: bytes.length });
}

export function tooManyCells(count: number, lim: Limits, hyperlink: number): never {
  if (hyperlink > lim.maxCells) refuse('file.hyperlink-too-large', { count: countText(hyperlink) });
  return refuse('file.too-many-cells', { count: countText(count), limit: countText(lim.maxCells) });
}

export function fileTooLarge(bytes: Uint8Array, lim: Limits): void {
  if (bytes.length > lim.maxFileBytes) refuse('file.too-large', { size: bytesText(bytes.length), limit: bytesText(lim.maxFileBytes) });
}

export function limitsWith(limits: Partial<Limits>): Limits {
  const lim: Limits = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(limits) as [keyof Limits, number | undefined][])
    if (typeof value === 'number') lim[key] = value;
  return lim;
}

/** A refusal met while reading a part: readers let it through to the caller. */
export class GuardRefusal extends Error {
  constructor(readonly verdict: Extract<GuardVerdict, { ok: false }>) {
    super(verdict.code);
  }
}

export function verdictOf(run: () => void): GuardVerdict {
  try {
    run();
    return { ok: true };
  } catch (error) {
    return refusalOf(error);
  }
}

/** What an error met while guarding means: a refusal's own verdict, else a plain one. */
export function refusalOf(error: unknown): Refusal {
  if (error instanceof Refused) return error.verdict;
  // A walker's own bug or an exotic structure: refuse rather than hand it to the parser.
  return { ok: false, code: 'file.unreadable', params: { debug: error instanceof Error ? error.message : String(error) } };
}
