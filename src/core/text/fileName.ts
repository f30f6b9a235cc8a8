/**
 * A file as users are told of it: its name, not the folders it was found in (a path spills
 * across a printed sheet, and a unit knows its file by name). Either slash, for paths from
 * Windows as well.
 */
export function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1) || path;
}

const SEPARATOR = /[\\/]/;

/**
 * Names for the files of one run: each by its name where no other file of `paths` has that
 * name, else by its path below the folder those same-named files share (`甲/报表.xlsx`,
 * `乙/报表.xlsx`) — units often return the template under its own name. A path not in
 * `paths` is named by its name.
 */
export function fileNames(paths: Iterable<string>): (path: string) => string {
  const byName = new Map<string, Set<string>>();
  for (const path of paths) {
    const name = fileName(path);
    const same = byName.get(name) ?? new Set<string>();
    same.add(path);
    byName.set(name, same);
  }
  const names = new Map<string, string>();
  for (const same of byName.values()) {
    if (same.size < 2) continue;
    const split = [...same].map((path) => path.split(SEPARATOR));
    // Folders only: the name itself is the one part they all share.
    const folders = Math.min(...split.map((parts) => parts.length - 1));
    let common = 0;
    while (common < folders && split.every((parts) => parts[common] === split[0]![common])) common++;
    for (const [i, path] of [...same].entries()) {
      const separator = path.includes('/') || !path.includes('\\') ? '/' : '\\';
      names.set(path, split[i]!.slice(common).join(separator));
    }
  }
  return (path) => names.get(path) ?? fileName(path);
}
