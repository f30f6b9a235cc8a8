/* eslint-disable @typescript-eslint/no-explicit-any -- definitions are edited as untyped JSON on purpose: the tests break them in ways no type allows */
/**
 * The shipped form definitions (`forms/*.json`): valid against the definition format,
 * faithful to the binding spec (`../shared/spec/forms.md`), and consistent in themselves.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createAjv } from '@jsonforms/core';
import type { CrossFieldRule, FieldType, FormDefinition, UiSchemaElement } from '../../src/core/definitions/types';
import { foldKey } from '../../src/core/text/fold';

const ROOT = path.resolve(__dirname, '../..');
const FORMS_DIR = path.join(ROOT, 'forms');
const DEFINITION_SCHEMA_PATH = path.join(FORMS_DIR, 'form-definition.schema.json');
const SPEC_PATH = path.resolve(__dirname, '../../../shared/spec/forms.md');
const TYPES_PATH = path.join(ROOT, 'src/core/definitions/types.ts');

const EXPECTED_FORMS = ['activity-summary', 'quiz-results', 'typical-experience'];

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const definitionSchema = readJson(DEFINITION_SCHEMA_PATH) as Record<string, unknown>;
const formFiles = fs
  .readdirSync(FORMS_DIR)
  .filter((f) => f.endsWith('.json') && f !== 'form-definition.schema.json')
  .sort();
const forms: FormDefinition[] = formFiles.map((f) => readJson(path.join(FORMS_DIR, f)) as FormDefinition);

function compileDefinitionSchema() {
  const ajv = createAjv();
  return ajv.compile(definitionSchema);
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Every field a rule names. */
function ruleFields(rule: CrossFieldRule): string[] {
  switch (rule.kind) {
    case 'compare':
      return [rule.field, rule.other];
    case 'sum':
      return [...rule.parts, rule.total];
    case 'requiredWhen':
      return [rule.field, rule.when.field];
    case 'notAfterToday':
      return [rule.field];
    case 'unique':
      return rule.fields;
  }
}

/** Every Control scope in a uischema, in order. */
function controlScopes(element: UiSchemaElement): string[] {
  const own = element.type === 'Control' && typeof element.scope === 'string' ? [element.scope] : [];
  return [...own, ...(element.elements ?? []).flatMap(controlScopes)];
}

/** The unit in the trailing full-width brackets of a label: 开展宣传活动（场次） → 场次. */
function bracketUnit(label: string): string | undefined {
  return /（([^（）]+)）$/.exec(label)?.[1];
}

// ───────────────────────────────────────────────────────────── (a) definition format

describe('the definition format (forms/form-definition.schema.json)', () => {
  test('compiles in the Ajv that JSON Forms uses', () => {
    expect(() => compileDefinitionSchema()).not.toThrow();
  });

  test('the three forms of the spec are shipped', () => {
    expect(forms.map((f) => f.id).sort()).toEqual(EXPECTED_FORMS);
    for (const file of formFiles) expect(file).toBe(`${(readJson(path.join(FORMS_DIR, file)) as FormDefinition).id}.json`);
  });

  test.each(formFiles)('%s validates against the definition format', (file) => {
    const validate = compileDefinitionSchema();
    const ok = validate(readJson(path.join(FORMS_DIR, file)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  test.each(formFiles)('%s: its row schema compiles as JSON Forms would compile it', (file) => {
    const form = readJson(path.join(FORMS_DIR, file)) as FormDefinition;
    const validate = createAjv().compile(form.schema);
    expect(validate({})).toBe(false); // required fields are missing
  });

  test.each(formFiles)('%s: a filled-in row passes the row schema, a negative number or an overlong text does not', (file) => {
    const form = readJson(path.join(FORMS_DIR, file)) as FormDefinition;
    const validate = createAjv().compile(form.schema);
    const sample: Record<string, unknown> = {};
    for (const [id, f] of Object.entries(form.fields)) {
      const p = form.schema.properties[id];
      sample[id] = f.type === 'int' ? 3 : f.type === 'enum' ? p.enum?.[0] : f.type === 'email' ? 'nzg@example.cn' : f.type === 'date' ? '2024-03-20' : f.type === 'phone' ? '022-24316934' : '某某';
    }
    expect(validate(sample)).toBe(true);
    const intId = Object.keys(form.fields).find((id) => form.fields[id].type === 'int');
    if (intId) expect(validate({ ...sample, [intId]: -1 })).toBe(false);
    const longId = Object.keys(form.schema.properties).find((id) => typeof form.schema.properties[id].maxLength === 'number');
    if (longId) expect(validate({ ...sample, [longId]: '字'.repeat((form.schema.properties[longId].maxLength as number) + 1) })).toBe(false);
    expect(intId ?? longId).toBeDefined();
  });

  test('agrees with the unions of types.ts (field types, roll-up rules, ops, rule kinds)', () => {
    const src = fs.readFileSync(TYPES_PATH, 'utf8');
    const union = (name: string): string[] => {
      const m = new RegExp(`export type ${name} = ([^;]+);`).exec(src);
      if (!m) throw new Error(`type ${name} not found in types.ts`);
      return [...m[1].matchAll(/'([^']+)'/g)].map((x) => x[1]).sort();
    };
    const defs = definitionSchema.definitions as Record<string, any>;
    expect([...defs.fieldDefinition.properties.type.enum].sort()).toEqual(union('FieldType'));
    expect([...defs.fieldDefinition.properties.rollup.enum].sort()).toEqual(union('RollupRule'));
    expect([...defs.compareRule.properties.op.enum].sort()).toEqual(union('CompareOp'));
    const kinds = [...src.matchAll(/kind: '([a-zA-Z]+)';/g)].map((m) => m[1]).filter((k) => k !== 'ratio');
    expect([...defs.rule.properties.kind.enum].sort()).toEqual([...new Set(kinds)].sort());
  });
});

// ───────────────────────────────────────────────────────────── (d) negative cases

describe('the definition format rejects broken definitions', () => {
  const base = forms.find((f) => f.id === 'activity-summary') ?? forms[0];

  function rejects(mutate: (d: any) => void): { ok: boolean; paths: string[] } {
    const validate = compileDefinitionSchema();
    const def = clone(base) as any;
    mutate(def);
    const ok = validate(def) as boolean;
    return { ok, paths: (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`) };
  }

  test('the unmodified base is accepted (so the rejections below are due to the breakage)', () => {
    expect(rejects(() => undefined).ok).toBe(true);
  });

  test('a definition without id', () => {
    const r = rejects((d) => delete d.id);
    expect(r.ok).toBe(false);
    expect(r.paths.join('\n')).toMatch(/required .*"missingProperty":"id"/);
  });

  test('a definition with an unknown kind', () => {
    const r = rejects((d) => (d.kind = 'per-person'));
    expect(r.ok).toBe(false);
    expect(r.paths.join('\n')).toMatch(/^\/kind enum/m);
  });

  test('a rule with an unknown kind', () => {
    const r = rejects((d) => d.rules.push({ id: 'AS-R99', kind: 'between', field: 'photos', min: 0, max: 10 }));
    expect(r.ok).toBe(false);
    expect(r.paths.join('\n')).toMatch(/^\/rules\/\d+\/kind enum/m);
  });

  test('a compare rule without its other field, or with a bad op or id', () => {
    expect(rejects((d) => delete d.rules[0].other).ok).toBe(false);
    expect(rejects((d) => (d.rules[0].op = '<')).ok).toBe(false);
    expect(rejects((d) => (d.rules[0].id = 'rule one')).ok).toBe(false);
    expect(rejects((d) => (d.rules[0].severity = 'fatal')).ok).toBe(false);
  });

  test('a field with an unknown type or roll-up, or an unexpected key', () => {
    expect(rejects((d) => (d.fields.photos.type = 'integer')).ok).toBe(false);
    expect(rejects((d) => (d.fields.photos.rollup = 'average')).ok).toBe(false);
    expect(rejects((d) => (d.fields.photos.colour = 'red')).ok).toBe(false);
    expect(rejects((d) => (d.fields.photos.help = { 'zh-CN': '长'.repeat(256) })).ok).toBe(false);
  });

  test('a sheet name Excel would refuse, and a title without Chinese', () => {
    expect(rejects((d) => (d.sheet.name = '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二')).ok).toBe(false);
    expect(rejects((d) => (d.sheet.name = '数据/汇总')).ok).toBe(false);
    expect(rejects((d) => (d.title = { en: 'Summary' })).ok).toBe(false);
  });

  test('a Control without scope, and a row schema property without title', () => {
    expect(rejects((d) => delete d.uischema.elements[0].elements[0].scope).ok).toBe(false);
    expect(rejects((d) => delete d.schema.properties.photos.title).ok).toBe(false);
  });

  test('garbage', () => {
    const validate = compileDefinitionSchema();
    for (const garbage of [null, 42, 'activity-summary', [], {}, { id: 'x' }]) expect(validate(garbage)).toBe(false);
    expect(rejects((d) => (d.unexpected = true)).ok).toBe(false);
  });
});

// ───────────────────────────────────────────────────────────── (b) conformance with the spec

interface SpecField {
  id: string;
  label: string;
  type: string;
  required: boolean;
  notes: string;
}

/** The `## N. <form-id> — …` sections of the spec and the rows of their field tables. */
function parseSpec(markdown: string): Map<string, SpecField[]> {
  const out = new Map<string, SpecField[]>();
  let current: SpecField[] | undefined;
  let inTable = false;
  for (const line of markdown.split(/\r?\n/)) {
    const heading = /^##\s+\d+\.\s+([a-z][a-z0-9-]*)\s/.exec(line);
    if (heading) {
      current = [];
      out.set(heading[1], current);
      inTable = false;
      continue;
    }
    if (/^##\s/.test(line)) {
      current = undefined;
      continue;
    }
    if (!current) continue;
    if (!line.startsWith('|')) {
      if (inTable) current = undefined; // one table per section
      continue;
    }
    inTable = true;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells[0] === 'id' || /^-+$/.test(cells[0])) continue;
    const [id, label, typeCell, notes = ''] = cells;
    const m = /^([a-z]+)\s*(\*)?$/.exec(typeCell);
    if (!m) throw new Error(`spec: cannot read the type "${typeCell}" of ${id}`);
    current.push({ id, label, type: m[1], required: m[2] === '*', notes });
  }
  return out;
}

const specExists = fs.existsSync(SPEC_PATH);

if (!specExists) {
  test.skip(`conformance with the spec skipped: ${SPEC_PATH} not found (the shared spec lives beside the repo)`, () => undefined);
} else {
  const spec = parseSpec(fs.readFileSync(SPEC_PATH, 'utf8'));

  describe('conformance with the spec (shared/spec/forms.md)', () => {
    test('the spec names the shipped forms, each with fields', () => {
      expect([...spec.keys()].sort()).toEqual(EXPECTED_FORMS);
      for (const fields of spec.values()) expect(fields.length).toBeGreaterThan(5);
    });

    describe.each(EXPECTED_FORMS)('%s', (formId) => {
      const form = forms.find((f) => f.id === formId) as FormDefinition;
      const specFields = spec.get(formId) ?? [];

      test('is shipped', () => {
        expect(form).toBeDefined();
      });

      test('has the same ids in the same order', () => {
        expect(Object.keys(form.schema.properties)).toEqual(specFields.map((f) => f.id));
        expect(Object.keys(form.fields)).toEqual(specFields.map((f) => f.id));
      });

      test('titles are exactly the labels', () => {
        const titles = Object.fromEntries(Object.entries(form.schema.properties).map(([id, p]) => [id, p.title]));
        expect(titles).toEqual(Object.fromEntries(specFields.map((f) => [f.id, f.label])));
      });

      test('required is exactly the * fields', () => {
        expect([...(form.schema.required ?? [])].sort()).toEqual(specFields.filter((f) => f.required).map((f) => f.id).sort());
      });

      test('field types are the spec types, and the JSON types match', () => {
        const jsonType: Record<string, string> = { text: 'string', int: 'integer', enum: 'string', phone: 'string', email: 'string', date: 'string' };
        for (const f of specFields) {
          expect([f.id, form.fields[f.id]?.type]).toEqual([f.id, f.type]);
          expect([f.id, form.schema.properties[f.id]?.type]).toEqual([f.id, jsonType[f.type]]);
        }
      });

      test('formats and ranges follow the type', () => {
        for (const f of specFields) {
          const p = form.schema.properties[f.id];
          if (f.type === 'int') expect([f.id, p.minimum]).toEqual([f.id, 0]);
          if (f.type === 'email') expect([f.id, p.format]).toEqual([f.id, 'email']);
          if (f.type === 'date') expect([f.id, p.format]).toEqual([f.id, 'date']);
          if (f.type === 'phone') expect([f.id, p.pattern]).toEqual([f.id, undefined]);
          if (f.type === 'text' && f.required) expect([f.id, p.minLength]).toEqual([f.id, 1]);
          const max = /at most (\d+) characters/.exec(f.notes);
          expect([f.id, p.maxLength]).toEqual([f.id, max ? Number(max[1]) : undefined]);
        }
      });

      test('enum options are the spec options', () => {
        for (const f of specFields.filter((s) => s.type === 'enum')) {
          const options = f.notes.split(/\s*,\s*/).filter(Boolean);
          expect([f.id, form.schema.properties[f.id].enum]).toEqual([f.id, options]);
        }
        for (const f of specFields.filter((s) => s.type !== 'enum')) expect([f.id, form.schema.properties[f.id].enum]).toEqual([f.id, undefined]);
      });

      test('int units are the bracket unit of the label; other fields have none', () => {
        for (const f of specFields) {
          const expected = f.type === 'int' ? bracketUnit(f.label) : undefined;
          if (f.type === 'int') expect(expected).toBeDefined();
          expect([f.id, form.fields[f.id].unit]).toEqual([f.id, expected]);
        }
      });

      test('every "<=" / ">=" note of the spec has a compare rule', () => {
        const compares = (form.rules ?? []).filter((r) => r.kind === 'compare');
        for (const f of specFields) {
          // `<= other` compares this field; `field <= other` (QR-R05 on femaleWorkers) names its own field.
          for (const m of f.notes.matchAll(/(?:\b([a-z][A-Za-z]*)\s+)?(<=|>=)\s*([a-z][A-Za-z]*)/g)) {
            const field = m[1] ?? f.id;
            // "a **warn** rule" in the note: the rule is a warning, never blocking.
            const severity = /\bwarn\b/.test(f.notes) ? 'warning' : 'error';
            const hit = compares.some((r) => r.field === field && r.op === m[2] && r.other === m[3] && (r.severity ?? 'error') === severity);
            expect([f.id, m[0], hit]).toEqual([f.id, m[0], true]);
          }
        }
      });
    });
  });
}

// ───────────────────────────────────────────────────────────── the rules the spec lists

describe('cross-field rules', () => {
  const byId = (formId: string) => forms.find((f) => f.id === formId) as FormDefinition;
  const strip = (rules: CrossFieldRule[] | undefined) => (rules ?? []).map((r) => ({ ...r, severity: r.severity ?? 'error' }));

  test('activity-summary: AS-R01…AS-R12', () => {
    const le = (id: string, field: string, other: string) => ({ id, kind: 'compare', field, op: '<=', other, severity: 'error' });
    expect(strip(byId('activity-summary').rules)).toEqual([
      le('AS-R01', 'publicityFemale', 'publicityParticipants'),
      le('AS-R02', 'quizFemale', 'quizParticipants'),
      le('AS-R03', 'contractsNew', 'contractsInForce'),
      le('AS-R04', 'contractsSingle', 'contractsInForce'),
      le('AS-R05', 'contractsRegional', 'contractsInForce'),
      le('AS-R06', 'contractsIndustry', 'contractsInForce'),
      { id: 'AS-R07', kind: 'sum', parts: ['contractsSingle', 'contractsRegional', 'contractsIndustry'], total: 'contractsInForce', severity: 'error' },
      { id: 'AS-R08', kind: 'compare', field: 'contractEnterprises', op: '>=', other: 'contractsInForce', severity: 'warning' },
      le('AS-R09', 'contractFemale', 'contractEmployees'),
      le('AS-R10', 'problemsRectified', 'problemsFound'),
      le('AS-R11', 'casesClosed', 'casesHandled'),
      { id: 'AS-R12', kind: 'notAfterToday', field: 'fillDate', severity: 'error' },
    ]);
  });

  test('quiz-results: QR-R01…QR-R05 and the two ratios of women', () => {
    const form = byId('quiz-results');
    expect(strip(form.rules)).toEqual([
      { id: 'QR-R01', kind: 'compare', field: 'femaleParticipants', op: '<=', other: 'participants', severity: 'error' },
      { id: 'QR-R02', kind: 'compare', field: 'papersValid', op: '<=', other: 'papersIssued', severity: 'error' },
      { id: 'QR-R03', kind: 'compare', field: 'winners', op: '<=', other: 'participants', severity: 'error' },
      { id: 'QR-R04', kind: 'compare', field: 'endDate', op: '>=', other: 'startDate', severity: 'error' },
      // A warning: staff of other units may take part in a unit's quiz.
      { id: 'QR-R05', kind: 'compare', field: 'femaleParticipants', op: '<=', other: 'femaleWorkers', severity: 'warning' },
    ]);
    // 女职工参赛率 as real reports quote it (÷ the units' women workers, over the units that gave them);
    // ÷ all participants is 女职工占参赛人数比例 (wrongly called 女职工参赛率 until 2024.1).
    expect(form.computed).toEqual([
      { id: 'femaleRate', label: { 'zh-CN': '女职工参赛率', en: 'Women workers taking part' }, kind: 'ratio', numerator: 'femaleParticipants', denominator: 'femaleWorkers', onlyWhereDenominatorGiven: true, format: '0.0%' },
      { id: 'femaleShare', label: { 'zh-CN': '女职工占参赛人数比例', en: 'Share of women among participants' }, kind: 'ratio', numerator: 'femaleParticipants', denominator: 'participants', format: '0.0%' },
    ]);
    expect(form.version).toBe('2024.2');
  });

  test('typical-experience: TE-R01…TE-R04', () => {
    const when = { field: 'category', equals: '参与调查处理侵权典型个案' };
    expect(strip(byId('typical-experience').rules)).toEqual([
      { id: 'TE-R01', kind: 'requiredWhen', field: 'caseFacts', when, severity: 'error' },
      { id: 'TE-R02', kind: 'requiredWhen', field: 'unionAction', when, severity: 'error' },
      { id: 'TE-R03', kind: 'requiredWhen', field: 'outcome', when, severity: 'error' },
      { id: 'TE-R04', kind: 'unique', fields: ['unitName', 'title'], severity: 'error' },
    ]);
  });
});

// ───────────────────────────────────────────────────────────── (c) internal consistency

describe.each(formFiles)('internal consistency of %s', (file) => {
  const form = readJson(path.join(FORMS_DIR, file)) as FormDefinition;
  const ids = Object.keys(form.schema.properties);
  const idSet = new Set(ids);

  test('fields and schema.properties have the same keys, in the same order', () => {
    expect(Object.keys(form.fields)).toEqual(ids);
  });

  test('required names existing properties', () => {
    for (const id of form.schema.required ?? []) expect([id, idSet.has(id)]).toEqual([id, true]);
  });

  test('every Control scope points at a property, and each property appears exactly once', () => {
    const scopes = controlScopes(form.uischema);
    for (const s of scopes) expect([s, idSet.has(s.replace(/^#\/properties\//, ''))]).toEqual([s, true]);
    expect([...scopes].sort()).toEqual(ids.map((id) => `#/properties/${id}`).sort());
  });

  test('the uischema is a VerticalLayout of labelled Groups of Controls', () => {
    expect(form.uischema.type).toBe('VerticalLayout');
    const groups = form.uischema.elements ?? [];
    expect(groups.length).toBeGreaterThan(1);
    for (const g of groups) {
      expect(g.type).toBe('Group');
      expect(typeof g.label === 'string' && /\p{Script=Han}/u.test(g.label)).toBe(true);
      for (const c of g.elements ?? []) expect(c.type).toBe('Control');
    }
    expect(new Set(groups.map((g) => g.label)).size).toBe(groups.length);
  });

  test('long texts are multi-line controls', () => {
    const multi = new Set(['summary', 'caseFacts', 'unionAction', 'outcome', 'notes']);
    const walk = (e: UiSchemaElement): UiSchemaElement[] => [e, ...(e.elements ?? []).flatMap(walk)];
    for (const c of walk(form.uischema).filter((e) => e.type === 'Control')) {
      const id = String(c.scope).replace(/^#\/properties\//, '');
      expect([id, c.options?.multi === true]).toEqual([id, multi.has(id)]);
    }
  });

  test('the roll-up key is an existing required text field with rollup "key"; every field has a roll-up rule', () => {
    expect(idSet.has(form.rollupKey)).toBe(true);
    expect(form.schema.required).toContain(form.rollupKey);
    expect(form.fields[form.rollupKey].type).toBe('text');
    for (const [id, f] of Object.entries(form.fields)) {
      const expected = id === form.rollupKey ? 'key' : form.kind === 'list' ? 'list' : f.type === 'int' ? 'sum' : 'none';
      expect([id, f.rollup]).toEqual([id, expected]);
    }
  });

  test('every field has an English label, a width, and a help text that fits an Excel input prompt', () => {
    for (const [id, f] of Object.entries(form.fields)) {
      expect([id, typeof f.labelEn === 'string' && f.labelEn.length > 0]).toEqual([id, true]);
      expect([id, typeof f.width === 'number' && f.width >= 10 && f.width <= 30]).toEqual([id, true]);
      expect([id, (f.help?.['zh-CN'] ?? '').length > 0 && (f.help?.['zh-CN'] ?? '').length <= 255]).toEqual([id, true]);
      expect([id, (f.help?.en ?? '').length > 0 && (f.help?.en ?? '').length <= 255]).toEqual([id, true]);
      const description = form.schema.properties[id].description;
      expect([id, typeof description === 'string' && /\p{Script=Han}/u.test(description)]).toEqual([id, true]);
    }
  });

  test('sheet name fits Excel, and the titles carry {year}', () => {
    expect(form.sheet.name.length).toBeLessThanOrEqual(31);
    expect(form.sheet.title['zh-CN']).toContain('{year}');
    expect(form.sheet.title.en).toContain('{year}');
    expect(form.title.en).toBeTruthy();
  });

  test('every rule names existing fields, and rule ids are unique and carry the form prefix', () => {
    const rules = form.rules ?? [];
    for (const rule of rules) for (const f of ruleFields(rule)) expect([rule.id, f, idSet.has(f)]).toEqual([rule.id, f, true]);
    const ruleIds = rules.map((r) => r.id);
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    const prefix = form.id.split('-').map((w) => w[0].toUpperCase()).join('');
    rules.forEach((r, i) => expect(r.id).toBe(`${prefix}-R${String(i + 1).padStart(2, '0')}`));
  });

  test('rules compare like with like, and requiredWhen values are options of their enum', () => {
    const numeric: FieldType[] = ['int', 'number'];
    for (const rule of form.rules ?? []) {
      if (rule.kind === 'compare') {
        const a = form.fields[rule.field].type;
        const b = form.fields[rule.other].type;
        expect([rule.id, a === b || (numeric.includes(a) && numeric.includes(b))]).toEqual([rule.id, true]);
        expect([rule.id, numeric.includes(a) || a === 'date']).toEqual([rule.id, true]);
      }
      if (rule.kind === 'sum') for (const f of [...rule.parts, rule.total]) expect([rule.id, f, numeric.includes(form.fields[f].type)]).toEqual([rule.id, f, true]);
      if (rule.kind === 'notAfterToday') expect([rule.id, form.fields[rule.field].type]).toEqual([rule.id, 'date']);
      if (rule.kind === 'requiredWhen') {
        expect([rule.id, form.schema.properties[rule.when.field].enum ?? []]).toEqual([rule.id, expect.arrayContaining([rule.when.equals])]);
      }
    }
  });

  test('computed values divide existing summed fields', () => {
    for (const c of form.computed ?? []) {
      for (const f of [c.numerator, c.denominator]) expect([c.id, f, form.fields[f]?.rollup]).toEqual([c.id, f, 'sum']);
      expect(idSet.has(c.id)).toBe(false);
    }
  });

  test('aliases are unique within the form and never another field\'s label (also after folding)', () => {
    const owner = new Map<string, string>(); // folded header text → field id
    for (const id of ids) owner.set(foldKey(form.schema.properties[id].title as string), id);
    expect(owner.size).toBe(ids.length); // the labels themselves are distinct
    for (const [id, f] of Object.entries(form.fields)) {
      for (const alias of f.aliases ?? []) {
        const key = foldKey(alias);
        expect([id, alias, owner.get(key)]).toEqual([id, alias, undefined]);
        owner.set(key, id);
      }
    }
  });

  test('no alias is another field\'s label without its unit (其中女职工 is ambiguous where two fields share it)', () => {
    const stripped = (id: string) => foldKey((form.schema.properties[id].title as string).replace(/（[^（）]+）$/, ''));
    for (const [id, f] of Object.entries(form.fields)) {
      for (const alias of f.aliases ?? []) {
        const clashes = ids.filter((other) => other !== id && stripped(other) === foldKey(alias));
        expect([id, alias, clashes]).toEqual([id, alias, []]);
      }
    }
  });
});
