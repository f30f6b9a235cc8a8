/**
 * Which roster unit a document or a photo came from, by its folder and file names only
 * (spec "The whole notice"): the nearest name that mentions a roster unit decides — the file's
 * own name, then its folder, then the folders above. A name mentioning several units, or no
 * name mentioning any, leaves the file unattributed: never guessed.
 *
 * "Mentions" is an exact match of a roster name or alias, folded as the roster folds names
 * (`unitKey`), inside the folded name. A unit's name inside a longer one at the same place
 * (`河东区总工会` inside `河东区总工会机关工会`) is the longer unit only.
 */
import { foldUnitName } from '../text/fold';
import { stem } from './materials';
import { unitKey } from '../rollup/roster';
import type { Roster, RosterUnit } from '../rollup/types';

export type Attribution = { kind: 'unit'; unit: RosterUnit } | { kind: 'several'; units: RosterUnit[]; name: string } | { kind: 'none' };

/** How many leading characters of a key index it. */
const PREFIX = 3;

interface Needle {
  key: string;
  unit: RosterUnit;
}

export interface Attributor {
  attribute(path: string): Attribution;
}

/** An attributor for one roster; folder names are looked up once each. */
export function attributorFor(roster: Roster): Attributor {
  const needles: Needle[] = [];
  for (const unit of roster.units) {
    const keys = new Set([unitKey(unit.name), ...unit.aliases.map(unitKey)]);
    for (const key of keys) if (key !== '') needles.push({ key, unit });
  }
  // Needles by their first three characters (fewer for a shorter key): at each place in a
  // name only the keys that can start there are tried, however many units share a first character.
  const byPrefix = new Map<string, Needle[]>();
  for (const needle of needles) {
    const prefix = needle.key.slice(0, PREFIX);
    const list = byPrefix.get(prefix);
    if (list) list.push(needle);
    else byPrefix.set(prefix, [needle]);
  }
  const folderCache = new Map<string, RosterUnit[]>();

  function mentioned(name: string): RosterUnit[] {
    // Folded as `unitKey` folds, without dropping a suffix: a name is searched, not matched whole.
    const text = foldUnitName(name);
    const spans: { from: number; to: number; unit: RosterUnit }[] = [];
    for (let at = 0; at < text.length; at++) {
      for (let length = 1; length <= PREFIX && at + length <= text.length; length++) {
        for (const needle of byPrefix.get(text.slice(at, at + length)) ?? []) {
          if (text.startsWith(needle.key, at)) spans.push({ from: at, to: at + needle.key.length, unit: needle.unit });
        }
      }
    }
    const kept = spans.filter(
      (s) => !spans.some((o) => o.unit !== s.unit && o.to - o.from > s.to - s.from && o.from <= s.from && o.to >= s.to),
    );
    const units: RosterUnit[] = [];
    for (const span of kept) if (!units.includes(span.unit)) units.push(span.unit);
    return units;
  }

  function attribute(path: string): Attribution {
    const segments = path.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
    for (let i = segments.length - 1; i >= 0; i--) {
      const segment = segments[i]!;
      let units: RosterUnit[];
      if (i === segments.length - 1) units = mentioned(stem(segment));
      else {
        const cached = folderCache.get(segment);
        units = cached ?? mentioned(segment);
        if (!cached) folderCache.set(segment, units);
      }
      if (units.length === 1) return { kind: 'unit', unit: units[0]! };
      if (units.length > 1) return { kind: 'several', units, name: segment };
    }
    return { kind: 'none' };
  }

  return { attribute };
}
