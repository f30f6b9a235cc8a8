/**
 * The applier of marks (校验本表, 清除标记): Huizong's conditional formats and input prompts on
 * a checked sheet, and their record on `_huizong`.
 *
 *   - a marked cell is filled by a CONDITIONAL FORMAT of Huizong's (custom rule whose formula
 *     carries a marker only Huizong writes, `=OR(TRUE,"huizong-error"="")`), added on range
 *     areas a few hundred cells per command; clearing deletes exactly those, and what the user
 *     had shows again.
 *   - a marked cell's message is its data-validation INPUT PROMPT; the cell's rule stays, and
 *     clearing puts the field's own prompt back.
 *   - what was marked is recorded on `_huizong` first (core/meta/records.ts), so that clearing
 *     works after the workbook was saved and opened again, or after a batch failed half-way.
 *   - each recorded area also gets a hidden name of the sheet's (`_huizong_mark_D5_D9`): Excel
 *     moves a name with its cells when the user inserts or deletes rows or columns (and, we
 *     take it, grows or shrinks it with them and makes it `#REF!` once they are all deleted:
 *     see the double). Clearing puts the prompts back where the names say the cells are now,
 *     not at the recorded addresses.
 */
import { compressCells, chunkAreas, columnOf, expandAreas, parseRange, promptGroups } from '../core/plan/markPlan';
import { readMarksRecord, templateLastRow, withRecord, type MarksRecord } from '../core/meta/records';
import type { MarkPlan, MarkSeverity } from '../core/plan/types';
import { columnName } from '../core/table/grid';
import { Batch, COMMAND_OVERHEAD, isFinal, payloadBytes, withShrinkingBudget } from './batch';
import { metaKeys, metaPairs, PartlyWritten, syncWithMeta, writeMeta } from './meta';
import { queueProtection, refuseProtected } from './protection';
import { MARK_NAMES_LIMIT, addressAreas, clearAreas, markName, placeAreas, type PlacedArea } from './markAreas';

export const MARK_FORMULAS: Record<MarkSeverity, string> = {
  error: '=OR(TRUE,"huizong-error"="")',
  warning: '=OR(TRUE,"huizong-warning"="")',
};
export const MARK_FILLS: Record<MarkSeverity, string> = { error: '#FFC7CE', warning: '#FFEB9C' };

/** True for the formula of a conditional format Huizong added, and for no other. */
export function isHuizongMark(formula: unknown): boolean {
  return typeof formula === 'string' && /"huizong-(error|warning)"/.test(formula);
}

/** Applying and clearing marks within one `Excel.run` each, with the request budget and `getRanges` limit given. */
export function marksApplier(budget: number, limit: { chars: number; areas: number }, maxNames = MARK_NAMES_LIMIT) {
  /**
   * Queues the removal of Huizong's marks on `sheet`: its conditional formats, and the prompts
   * it set put back — one command per recorded area (a Range, never range areas, whose
   * validation is null as soon as two areas differ). The names go too, but those of `kept`
   * (recorded areas marked again where they are).
   */
  async function queueClear(
    batch: Batch,
    sheet: Excel.Worksheet,
    ours: readonly Excel.ConditionalFormat[],
    record: MarksRecord | undefined,
    placed: readonly PlacedArea[],
    kept: ReadonlySet<string> = new Set(),
  ): Promise<void> {
    for (const format of ours) {
      await batch.room(null);
      format.delete();
    }
    for (const area of placed) {
      // Without a record there is no prompt to put back: the names alone go.
      if (record && area.now) {
        const own = record.prompts[columnOf(area.recorded)];
        const prompt: Excel.DataValidationPrompt = own
          ? { showPrompt: true, title: own[0], message: own[1] }
          : { showPrompt: false, title: '', message: '' };
        await batch.room([area.now, prompt]);
        sheet.getRange(area.now).dataValidation.prompt = prompt;
      }
      if (area.name && !kept.has(area.recorded)) {
        await batch.room(null);
        area.name.delete();
      }
    }
  }

  /**
   * Hidden names on the areas of `record` (see the top of this file), but those of `kept`,
   * which have theirs; no more than `maxNames` in all.
   */
  async function queueNames(
    batch: Batch,
    sheet: Excel.Worksheet,
    record: MarksRecord,
    lastRow: number | undefined,
    kept: ReadonlySet<string>,
  ): Promise<void> {
    let count = kept.size;
    for (const area of clearAreas(record, lastRow)) {
      if (kept.has(area)) continue;
      if (count++ >= maxNames) break;
      await batch.room([markName(area), area]);
      sheet.names.add(markName(area), sheet.getRange(area)).visible = false;
    }
  }

  /** The marks record last seen per sheet (read with the snapshot, or written): where to look for Huizong's formats. */
  const known = new Map<string, MarksRecord | null>();

  /** The cells a record covers, as areas. */
  const recordAreas = (record: MarksRecord | null | undefined) =>
    record ? compressCells([...record.error, ...record.warning, ...(record.stale ?? [])]) : [];

  /**
   * The whole columns of `areas` (`D:D,F:H`): Excel moves a conditional format with its cells
   * when the user inserts or deletes rows, so Huizong's may no longer be on the recorded rows,
   * but they stay in the columns of the marked areas (where the names say, see placeAreas).
   */
  function columnsOf(areas: readonly string[]): string[] {
    const marked = new Set<number>();
    for (const area of areas) {
      const bounds = parseRange(area);
      if (bounds) for (let c = bounds.s.c; c <= bounds.e.c; c++) marked.add(c);
    }
    const sorted = [...marked].sort((a, b) => a - b);
    const out: string[] = [];
    for (let i = 0; i < sorted.length;) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
      out.push(`${columnName(sorted[i]!)}:${columnName(sorted[j]!)}`);
      i = j + 1;
    }
    return out;
  }

  /**
   * The conditional formats in the columns where Huizong's marks are, not the whole sheet's:
   * range areas when one `getRanges` call takes them, else the columns' block. None without
   * a mark.
   */
  function formatsWhere(sheet: Excel.Worksheet, columns: readonly string[]): Excel.ConditionalFormatCollection | undefined {
    if (!columns.length) return undefined;
    const chunks = chunkAreas(columns, limit);
    if (chunks.length === 1) return sheet.getRanges(chunks[0]!).conditionalFormats;
    const first = columns[0]!.split(':')[0]!;
    const last = columns[columns.length - 1]!.split(':')[1]!;
    return sheet.getRange(`${first}:${last}`).conditionalFormats;
  }

  /** Loads the formats' types and, for custom ones only, their rule (`customOrNullObject`). */
  function loadFormats(formats: Excel.ConditionalFormatCollection | undefined, withRules: boolean): void {
    formats?.load(withRules ? 'items/type,items/customOrNullObject/rule/formula' : 'items/type');
  }

  /**
   * Huizong's among the loaded formats. Where only the types were loaded (a user's format whose
   * rule cannot be read failed the load: office-js #6827, #6835), the custom ones' rules are
   * read together, and should one of those fail, each alone, the unreadable skipped — they are
   * not Huizong's, whose formulas always read. One more sync, or one per custom format in the
   * recorded columns on that last path only.
   */
  async function huizongFormats(
    context: Excel.RequestContext,
    formats: Excel.ConditionalFormatCollection | undefined,
    withRules: boolean,
  ): Promise<Excel.ConditionalFormat[]> {
    if (!formats) return [];
    if (withRules)
      return formats.items.filter(
        (format) => !format.customOrNullObject.isNullObject && isHuizongMark(format.customOrNullObject.rule.formula),
      );
    const custom = formats.items.filter((format) => format.type === 'Custom');
    const rules = custom.map((format) => {
      const rule = format.custom.rule;
      rule.load('formula');
      return rule;
    });
    try {
      await context.sync();
      return custom.filter((_, i) => isHuizongMark(rules[i]!.formula));
    } catch (error) {
      if (isFinal(error)) throw error;
    }
    const ours: Excel.ConditionalFormat[] = [];
    for (const format of custom) {
      const rule = format.custom.rule;
      rule.load('formula');
      try {
        await context.sync();
        if (isHuizongMark(rule.formula)) ours.push(format);
      } catch (failure) {
        if (isFinal(failure)) throw failure;
      }
    }
    return ours;
  }

  /**
   * Reads `_huizong`'s keys, the validation rules where new prompts go and Huizong's
   * conditional formats, looked for only in the columns of the marked areas, and the names
   * saying where those areas are now: one sync (see syncWithMeta) when the columns are as last
   * seen — read with the snapshot, or written by the last marking. Otherwise (a column inserted
   * or deleted, another record) the formats are read where the names now say, one sync more.
   * A user's format whose rule cannot be read costs more syncs but never stops the read
   * (huizongFormats).
   */
  async function readMarks(context: Excel.RequestContext, name: string, promptAreas: readonly string[] = []) {
    // The rules' loads share the read's request up to half the budget; the rest follow in
    // requests of their own (more syncs only for plans that large).
    const parts: string[][] = [[]];
    let bytes = 0;
    for (const area of promptAreas) {
      const size = payloadBytes(area) + COMMAND_OVERHEAD;
      if (bytes + size > budget / 2 && parts[parts.length - 1]!.length) {
        parts.push([]);
        bytes = 0;
      }
      parts[parts.length - 1]!.push(area);
      bytes += size;
    }
    const loadRules = (sheet: Excel.Worksheet, areas: readonly string[]) =>
      areas.map((area) => {
        const validation = sheet.getRange(area).dataValidation;
        validation.load('type,rule');
        return { area, validation };
      });
    const guessed = columnsOf(recordAreas(known.get(name)));
    const queue = (withRules: boolean) => () => {
      const sheet = context.workbook.worksheets.getItem(name);
      const formats = formatsWhere(sheet, guessed);
      loadFormats(formats, withRules);
      const names = sheet.names;
      names.load('items/name,items/type,items/value');
      return { sheet, formats, names, validations: loadRules(sheet, parts[0]!), protection: queueProtection(context, sheet) };
    };
    let read: Awaited<ReturnType<typeof syncWithMeta<ReturnType<ReturnType<typeof queue>>>>>;
    let withRules = true;
    try {
      read = await syncWithMeta(context, queue(true), metaKeys);
    } catch (error) {
      if (isFinal(error)) throw error;
      withRules = false;
      read = await syncWithMeta(context, queue(false), metaKeys);
    }
    let formats = read.main.formats;
    const found = readMarksRecord(metaPairs(read.meta), name);
    const lastRow = templateLastRow(metaPairs(read.meta), name);
    const placed = placeAreas(
      clearAreas(found, lastRow),
      read.main.names.items.map((item) => ({ name: item.name, type: item.type, value: item.value, item })),
      name,
    );
    const columns = columnsOf(placed.flatMap((area) => (area.now ? [area.now] : [])));
    if (columns.join(',') !== guessed.join(',')) {
      // The marked cells are not in the columns last seen (a column inserted or deleted, or
      // another record): the formats where the names and the record now say.
      formats = formatsWhere(read.main.sheet, columns);
      withRules = true;
      loadFormats(formats, true);
      try {
        await context.sync();
      } catch (error) {
        if (isFinal(error) || !formats) throw error;
        withRules = false;
        formats = formatsWhere(read.main.sheet, columns);
        loadFormats(formats, false);
        await context.sync();
      }
    }
    const ours = await huizongFormats(context, formats, withRules);
    let placedNow = placed;
    // A named area in another column: columns went in or out, and the nameless areas' formats
    // may have gone where no one looks (judged moved without a look).
    const shifted = placed.some((area) => area.name && area.now && columnOf(area.now) !== columnOf(area.recorded));
    if (found && placed.some((area) => !area.name) && (shifted || (await movedSince(context, ours, placed, found)))) {
      // Areas without names (an earlier version's marks, or past the cap on names) whose cells
      // moved: their recorded addresses now hold other cells, whose prompts are left alone
      // rather than overwritten. Named areas are still put back where their names say.
      placedNow = placed.map((area) => (area.name ? area : { ...area, now: undefined }));
    }
    const { main, meta } = read;
    const validations = [...main.validations];
    for (const part of parts.slice(1)) {
      const loaded = loadRules(main.sheet, part);
      await context.sync();
      validations.push(...loaded);
    }
    const pairs = metaPairs(meta);
    /** Validation rule of each area where a new prompt goes: `undefined` where its cells differ. */
    const rules = new Map<string, string | undefined>();
    for (const { area, validation } of validations) {
      const mixed = validation.type === 'Inconsistent' || validation.type === 'MixedCriteria';
      rules.set(area, mixed ? undefined : JSON.stringify(validation.rule ?? null));
    }
    known.set(name, found ?? null);
    return {
      sheet: main.sheet,
      ours,
      rules,
      meta,
      pairs,
      record: found,
      placed: placedNow,
      lastRow,
      protection: main.protection,
    };
  }

  /**
   * Whether marks without names (an earlier version's, or past the cap) are no longer where
   * recorded: Huizong's conditional formats, found in the columns looked in, cover other cells
   * than the named areas where their names say and the nameless ones where recorded (rows
   * inserted or deleted), or none is there (a column inserted, or the formats gone). Cells the
   * record lists only as stale need no format: a re-check that stopped part-way deleted theirs.
   * One sync more, on that path only.
   */
  async function movedSince(
    context: Excel.RequestContext,
    ours: readonly Excel.ConditionalFormat[],
    placed: readonly PlacedArea[],
    record: MarksRecord,
  ): Promise<boolean> {
    if (!ours.length) return true;
    const ranges = ours.map((format) => format.getRanges().load('address'));
    await context.sync();
    const now = new Set(expandAreas(ranges.flatMap((range) => addressAreas(range.address))));
    const marked = new Set(expandAreas([...record.error, ...record.warning]));
    const then = new Set<string>();
    const needed: string[] = [];
    for (const area of placed) {
      const cells = area.name ? (area.now ? expandAreas([area.now]) : []) : expandAreas([area.recorded]);
      for (const cell of cells) {
        then.add(cell);
        if (area.name || marked.has(cell)) needed.push(cell);
      }
    }
    for (const cell of now) if (!then.has(cell)) return true;
    return needed.some((cell) => !now.has(cell));
  }

  /**
   * The prompt commands of a group: areas of one validation rule together (range areas take a
   * prompt only where all share one rule), each cell of an area whose cells differ alone.
   */
  function uniformChunks(areas: readonly string[], rules: ReadonlyMap<string, string | undefined>): string[] {
    const byRule = new Map<string, string[]>();
    const single: string[] = [];
    for (const area of areas) {
      const rule = rules.get(area);
      if (rule === undefined) single.push(...expandAreas([area]));
      else {
        let list = byRule.get(rule);
        if (!list) byRule.set(rule, (list = []));
        list.push(area);
      }
    }
    return [...[...byRule.values()].flatMap((list) => chunkAreas(list, limit)), ...single];
  }

  return {
    /**
     * 2 syncs (3 with the snapshot read): the sheet's conditional formats and `_huizong`'s
     * keys; then, in one batch, Huizong's earlier marks out (its conditional formats deleted,
     * the prompts it set put back), the new ones in — one conditional format per severity and
     * `getRanges` chunk, one prompt command per column, message and chunk — and the record.
     * One more sync per further ~4 MB of commands (not reached by 10,000 marked rows).
     */
    async apply(context: Excel.RequestContext, plan: MarkPlan): Promise<void> {
      // A request refused as too large wrote nothing: the same marks go again in smaller batches.
      try {
        await withShrinkingBudget(budget, (current) => applyMarks(context, plan, current));
      } catch (error) {
        known.delete(plan.sheet);
        throw error;
      }
    },

    /** The marks record of `sheet` as just read elsewhere (with the snapshot): where the next marking looks first. */
    remember(sheet: string, record: MarksRecord | undefined): void {
      known.set(sheet, record ?? null);
    },

    /** 2 syncs: as apply, without new marks; the record goes last, once all is put back. */
    async clear(context: Excel.RequestContext, sheetName: string): Promise<void> {
      const read = await readMarks(context, sheetName);
      // Nothing to take away on a protected sheet is no refusal; anything to take away is refused whole.
      if (read.ours.length || read.record || read.placed.length) refuseProtected(read.protection, sheetName, false);
      const batch = new Batch(context, budget);
      await queueClear(batch, read.sheet, read.ours, read.record, read.placed);
      if (read.record) await writeMeta(batch, read.meta, withRecord(read.pairs, sheetName, undefined));
      try {
        await batch.sync();
      } finally {
        known.delete(sheetName);
      }
      known.set(sheetName, null);
    },
  };

  async function applyMarks(context: Excel.RequestContext, plan: MarkPlan, budget: number): Promise<void> {
    const groups = promptGroups(plan);
    const read = await readMarks(context, plan.sheet, [...new Set(groups.flatMap((g) => g.areas))]);
    const batch = new Batch(context, budget);

    // The record first: should a later command fail (the batch is not transactional),
    // 清除标记 still finds every mark, the earlier ones listed as stale.
    const marked = plan.cells.error.length + plan.cells.warning.length > 0;
    // Refused before anything is written: a protected sheet, or `_huizong` to be added to a protected workbook.
    if (marked || read.record || read.ours.length || read.placed.length)
      refuseProtected(read.protection, plan.sheet, marked && !read.meta.exists);
    let record: MarksRecord | undefined;
    if (marked) {
      record = { v: 1, error: compressCells(plan.cells.error), warning: compressCells(plan.cells.warning), prompts: {} };
      for (const p of plan.fieldPrompts ?? []) record.prompts[p.column] = [p.title, p.message];
    }
    const earlier = read.record ? [...read.record.error, ...read.record.warning, ...(read.record.stale ?? [])] : [];
    if (record && earlier.length) {
      const during: MarksRecord = { ...record, stale: compressCells(earlier), prompts: { ...read.record?.prompts, ...record.prompts } };
      await writeMeta(batch, read.meta, withRecord(read.pairs, plan.sheet, during));
    } else if (record) await writeMeta(batch, read.meta, withRecord(read.pairs, plan.sheet, record));

    // A name whose area is marked again and has not moved stays: re-checks run after each
    // edit, and deleting and adding every name each time would double their commands.
    const wanted = new Set(record ? clearAreas(record, read.lastRow) : []);
    const kept = new Set(read.placed.filter((a) => a.name && a.now === a.recorded && wanted.has(a.recorded)).map((a) => a.recorded));
    await queueClear(batch, read.sheet, read.ours, read.record, read.placed, kept);
    for (const severity of ['error', 'warning'] as const) {
      const areas = compressCells(plan.cells[severity]);
      for (const chunk of chunkAreas(areas, limit)) {
        await batch.room(chunk);
        const format = read.sheet.getRanges(chunk).conditionalFormats.add('Custom');
        format.custom.rule.formula = MARK_FORMULAS[severity];
        format.custom.format.fill.color = MARK_FILLS[severity];
      }
    }
    for (const group of groups) {
      const prompt: Excel.DataValidationPrompt = { showPrompt: true, title: group.title, message: group.text };
      for (const chunk of uniformChunks(group.areas, read.rules)) {
        await batch.room([chunk, prompt]);
        if (chunk.includes(',')) read.sheet.getRanges(chunk).dataValidation.prompt = prompt;
        else read.sheet.getRange(chunk).dataValidation.prompt = prompt;
      }
    }
    // The names after the marks: a batch stops at its first failing command, and a name
    // refused must not cost the marks. Marks left without names are still found at the
    // recorded addresses (placeAreas).
    if (record) await queueNames(batch, read.sheet, record, read.lastRow, kept);
    // Everything done: the record as it stands (the stale areas dropped, or none at all).
    if (record && earlier.length) await writeMeta(batch, read.meta, withRecord(read.pairs, plan.sheet, record));
    else if (!record && read.record) await writeMeta(batch, read.meta, withRecord(read.pairs, plan.sheet, undefined));
    try {
      await batch.sync();
    } catch (error) {
      // Refused whole (a cell being edited, too large): nothing written. Otherwise part of
      // the marks may stand; the record, written first, lets 清除标记 remove them.
      if (isFinal(error) && batch.extraSyncs === 0) throw error;
      throw new PartlyWritten('marks', { sheet: plan.sheet }, error);
    }
    known.set(plan.sheet, record ?? null);
  }
}
