/**
 * A file as users are told of it: its name, not the folders it was found in (a path spills
 * across a printed sheet, and a unit knows its file by name). Either slash, for paths from
 * Windows as well.
 */
export function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1) || path;
}
