/**
 * `huizong template|validate|rollup` — the engine on the command line, for staff and
 * scripts. Exit codes: 0 clean, 1 problems found (or nothing could be written), 2 cannot run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { compileForm, type CompiledForm } from '../core/definitions/compile';
import { loadDefinition } from '../core/definitions/load';
import { shippedForms } from '../core/definitions/shipped';
import type { FormDefinition, Lang } from '../core/definitions/types';
import { messageFor } from '../core/issues/catalogue';
import { countBySeverity } from '../core/issues/issue';
import { isMaterialId, MATERIAL_IDS, type MaterialId } from '../core/notice/materials';
import { readAsExcelOpens } from './defaultKey';
import { runNotice } from './notice';
import { runRollup } from './rollup';
import { runValidate } from './validate';
import { writeTemplateWorkbook } from '../files/writeTemplate';
import { debugError, writeOut } from './fileFailure';
import type { CliIO } from './io';
import { writeRosterTemplateWorkbook } from '../files/writeRosterTemplate';
import { writeCardTemplateWorkbook } from '../files/writeCardTemplate';
import { readRosterFile } from '../files/rollupFiles';
import { checkDayOption, langOption, OptionError, readOptions } from './options';

/** What `template roster` takes: where to write it, its language (and --form roster, the other way to name it). */
const ROSTER_TEMPLATE_OPTIONS: ReadonlySet<string> = new Set(['out', 'lang', 'form']);
import { say } from './strings';

export class UsageError extends Error {}

/** Shipped forms plus any definitions the user names; `--form` narrows to one. */
export function chooseForms(formOption: string | undefined, definitionPaths: readonly string[], lang: Lang): CompiledForm[] {
  const definitions: FormDefinition[] = [...shippedForms];
  for (const path of definitionPaths) {
    if (!existsSync(path)) throw new UsageError(say(lang, 'noSuchFile', { path }));
    const loaded = loadDefinition(readFileSync(path, 'utf8'), lang);
    if (!loaded.ok) throw new UsageError(`${path}\n${loaded.issues.map((i) => '  ' + i.message).join('\n')}`);
    definitions.push(loaded.definition);
  }
  if (formOption === undefined) return definitions.map(compileForm);
  const chosen = definitions.filter((d) => d.id === formOption);
  if (chosen.length === 0)
    throw new UsageError(say(lang, 'unknownForm', { form: formOption, known: definitions.map((d) => d.id).join(', ') }));
  return chosen.map(compileForm);
}

/** `--materials a,b,...`: known material ids, in any order, at least one. */
function parseMaterials(text: string, lang: Lang): MaterialId[] {
  const ids = text.split(/[,，、\s]+/).filter((s) => s !== '');
  for (const id of ids)
    if (!isMaterialId(id)) throw new UsageError(say(lang, 'unknownMaterial', { material: id, known: MATERIAL_IDS.join(', ') }));
  if (ids.length === 0) throw new UsageError(say(lang, 'needForm'));
  return [...new Set(ids)] as MaterialId[];
}

function langFrom(value: string | undefined): Lang {
  const lang = value ?? process.env.HUIZONG_LANG ?? '';
  return lang.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  let lang: Lang = langFrom(langOption(rest));
  try {
    const { values, positionals } = readOptions(rest);
    lang = langFrom(values.lang);
    if ((values.form?.length ?? 0) > 1) throw new UsageError(say(lang, 'formTwice', { forms: (values.form ?? []).join(', ') }));
    const formOption = values.form?.[0];
    if (values.help || command === undefined || command === 'help' || command === '--help' || command === '-h') {
      io.out(say(lang, 'usage'));
      return command === undefined ? 2 : 0;
    }
    checkDayOption('--today', values.today, lang);
    checkDayOption('--deadline', values.deadline, lang);
    // --year is the activity's year (template title; dates written without one), four digits.
    const year = values.year === undefined ? undefined : /^\d{4}$/.test(values.year.trim()) ? Number(values.year) : NaN;
    if (year !== undefined && (!Number.isInteger(year) || year < 1990 || year > 2100))
      throw new UsageError(say(lang, 'badYear', { value: values.year ?? '' }));
    const forms = chooseForms(command === 'template' ? undefined : formOption, values.definition ?? [], lang);
    switch (command) {
      case 'validate': {
        if (positionals.length === 0) throw new UsageError(say(lang, 'noFiles'));
        const result = await runValidate(
          positionals,
          forms,
          { lang, json: Boolean(values.json), ...(values.today ? { today: values.today } : {}), ...(year !== undefined ? { year } : {}) },
          io,
        );
        return countBySeverity(result.issues).errors > 0 ? 1 : 0;
      }
      case 'rollup': {
        if (positionals.length === 0) throw new UsageError(say(lang, 'noFiles'));
        if (formOption === undefined && values.materials === undefined) throw new UsageError(say(lang, 'needForm'));
        if (values.out === undefined) throw new UsageError(say(lang, 'needOut'));
        if (values.roster !== undefined && !existsSync(values.roster))
          throw new UsageError(say(lang, 'noSuchFile', { path: values.roster }));
        const lastYear = values['last-year'];
        if (lastYear !== undefined && !existsSync(lastYear)) throw new UsageError(say(lang, 'noSuchFile', { path: lastYear }));
        const all = chooseForms(undefined, values.definition ?? [], lang);
        if (formOption === undefined) {
          return await runNotice(
            {
              inputs: positionals,
              materials: parseMaterials(values.materials ?? '', lang),
              forms: all,
              out: values.out,
              json: Boolean(values.json),
              lang,
              progress: Boolean(process.stderr.isTTY) && !values.json,
              ...(values.roster ? { roster: values.roster } : {}),
              ...(values.deadline ? { deadline: values.deadline } : {}),
              ...(values.unit ? { unit: values.unit } : {}),
              ...(values.today ? { today: values.today } : {}),
            },
            io,
          );
        }
        return await runRollup(
          {
            inputs: positionals,
            form: forms[0]!,
            forms: all,
            out: values.out,
            json: Boolean(values.json),
            lang,
            progress: Boolean(process.stderr.isTTY) && !values.json,
            ...(values.roster ? { roster: values.roster } : {}),
            ...(values.deadline ? { deadline: values.deadline } : {}),
            ...(values.unit ? { unit: values.unit } : {}),
            ...(values.today ? { today: values.today } : {}),
            ...(year !== undefined ? { year } : {}),
            ...(lastYear !== undefined ? { lastYear } : {}),
          },
          io,
        );
      }
      case 'template': {
        const id = positionals[0] ?? formOption;
        if (id === undefined) throw new UsageError(say(lang, 'needTemplateForm'));
        if (values.out === undefined) throw new UsageError(say(lang, 'needOut'));
        // Not a form: the blank roster a level lists its units in (--roster of rollup).
        if (id === 'roster') {
          // The blank roster has no form, year, layout or units: such an option is a mistake, not a wish to ignore.
          const stray = Object.keys(values).find((name) => !ROSTER_TEMPLATE_OPTIONS.has(name));
          if (stray !== undefined) throw new OptionError('cli.option-not-for-roster-template', { option: `--${stray}` });
          if (!(await writeOut(io, lang, values.out, () => writeRosterTemplateWorkbook(lang)))) return 1;
          io.err(say(lang, 'written', { path: values.out }));
          return 0;
        }
        const [form] = chooseForms(id, values.definition ?? [], lang);
        // A blank template is made for the coming activity: without --year, this year's.
        const templateYear = year ?? new Date().getFullYear();
        const layout = values.layout ?? 'table';
        if (layout !== 'table' && layout !== 'card') throw new UsageError(say(lang, 'badLayout', { value: layout }));
        // A district's template: one row per unit of its roster, names filled in.
        let units: string[] | undefined;
        if (values.roster !== undefined) {
          if (!existsSync(values.roster)) throw new UsageError(say(lang, 'noSuchFile', { path: values.roster }));
          // Read as rollup reads it: a roster Excel encrypted with its default key is decrypted first.
          const bytes = (await readAsExcelOpens(values.roster)) ?? new Uint8Array();
          const roster = readRosterFile({ name: values.roster, bytes: () => bytes }, lang);
          for (const issue of roster.issues) io.err(issue.message);
          units = roster.units.map((u) => u.name);
        }
        const written = await writeOut(io, lang, values.out, () =>
          layout === 'card'
            ? writeCardTemplateWorkbook(form!, { lang, year: templateYear })
            : writeTemplateWorkbook(form!, { lang, year: templateYear, ...(units ? { units } : {}) }),
        );
        if (!written) return 1;
        io.err(say(lang, 'written', { path: values.out }));
        return 0;
      }
      default:
        throw new UsageError(say(lang, 'unknownCommand', { command }));
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof OptionError) {
      io.err(error instanceof OptionError ? error.text(lang) : error.message);
      io.err(say(lang, 'seeHelp'));
      return 2;
    }
    // A failure nothing foresaw: plain words; the error itself only with HUIZONG_DEBUG=1.
    io.err(messageFor('cli.unexpected', {}, lang));
    debugError(io, error);
    return 2;
  }
}
