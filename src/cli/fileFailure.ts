/**
 * A file the command line could not read or write, in the user's words: Node's messages
 * ("ENOENT: no such file or directory, open …") are the system's, not the user's, so the
 * reason is told by the error's code. The error itself is printed only with HUIZONG_DEBUG=1,
 * for whoever maintains the tool (as scripts/start.js does).
 */
import { writeFileSync } from 'node:fs';
import type { Lang } from '../core/definitions/types';
import { messageFor, type IssueCode } from '../core/issues/catalogue';
import type { CliIO } from './io';

/** What each system error code means for a file, by whether it was being read or written. */
const REASONS: Record<'read' | 'write', Record<string, IssueCode>> = {
  read: {
    ENOENT: 'cli.file.not-found',
    EACCES: 'cli.file.denied',
    EPERM: 'cli.file.denied',
    EBUSY: 'cli.file.busy',
    EISDIR: 'cli.file.is-folder',
  },
  // Writing, ENOENT means the folder is missing: the file itself is about to be made.
  write: {
    ENOENT: 'cli.file.no-folder',
    EACCES: 'cli.file.denied',
    EPERM: 'cli.file.denied',
    EROFS: 'cli.file.denied',
    EBUSY: 'cli.file.busy',
    EISDIR: 'cli.file.is-folder',
  },
};

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
}

/** The raw error, on stderr, when HUIZONG_DEBUG=1 asks for it. */
export function debugError(io: CliIO, error: unknown): void {
  if (process.env.HUIZONG_DEBUG === '1') io.err(String((error instanceof Error && error.stack) || error));
}

export function reportFileFailure(io: CliIO, lang: Lang, action: 'read' | 'write', path: string, error: unknown): void {
  const reasons = REASONS[action];
  const code = codeOf(error);
  // Own keys only: a code such as "constructor" must not find Object's prototype.
  const reason = messageFor(Object.hasOwn(reasons, code) ? reasons[code]! : 'cli.file.other', {}, lang);
  io.err(messageFor(action === 'read' ? 'cli.cannot-read' : 'cli.cannot-write', { path, reason }, lang));
  debugError(io, error);
}

/**
 * Writes the command's workbook at `path`; says why not, if the write fails. The workbook is made
 * before the try: a failure to make it is not the file's fault and is not told as one.
 */
export async function writeOut(io: CliIO, lang: Lang, path: string, make: () => Promise<Uint8Array>): Promise<boolean> {
  const bytes = await make();
  try {
    writeFileSync(path, bytes);
    return true;
  } catch (error) {
    reportFileFailure(io, lang, 'write', path, error);
    return false;
  }
}
