/** @jest-environment jsdom */
/**
 * The entry form: JSON Forms with our Fluent renderers, Chinese messages, 保存/清空.
 * Rendered in jsdom inside FluentProvider, driven with fireEvent like a person would.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { JsonForms } from '@jsonforms/react';
import { createAjv, type JsonSchema, type UISchemaElement } from '@jsonforms/core';
import type { ErrorObject } from 'ajv';
import { compileForm, type CompiledForm } from '../../src/core/definitions/compile';
import { shippedForm } from '../../src/core/definitions/shipped';
import type { Lang, UiSchemaElement } from '../../src/core/definitions/types';
import { EntryForm, type EntryData } from '../../src/taskpane/EntryForm';
import { fluentRenderers, parseNumberText } from '../../src/taskpane/renderers';
import { createErrorTranslator, errorMessage } from '../../src/taskpane/renderers/errors';
import { installJsdomShims } from '../helpers/jsdom';

beforeAll(installJsdomShims);

afterEach(cleanup);

function loadForm(id: string): CompiledForm {
  const def = shippedForm(id);
  if (!def) throw new Error(`no shipped form ${id}`);
  return compileForm(def);
}

const activity = loadForm('activity-summary');
const typical = loadForm('typical-experience');

function renderEntry(props: { form?: CompiledForm; lang?: Lang; initialData?: EntryData; onSave?: jest.Mock; onChange?: jest.Mock }) {
  const onSave = props.onSave ?? jest.fn();
  const onChange = props.onChange ?? jest.fn();
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <EntryForm
        form={props.form ?? activity}
        lang={props.lang ?? 'zh-CN'}
        initialData={props.initialData}
        onSave={onSave}
        onChange={onChange}
      />
    </FluentProvider>,
  );
  return { ...view, onSave, onChange };
}

/** The control a Field labels, found by the label's text (the required mark `*` is not part of the name). */
function control(label: string, container: HTMLElement = document.body): HTMLElement {
  const found = within(container)
    .getAllByLabelText(label, { exact: true, normalizer: (t) => t.replace(/\s*\*$/, '').trim() })
    .filter((el) => el.getAttribute('role') !== 'listbox'); // an open Dropdown's list shares its label
  if (found.length !== 1) throw new Error(`${found.length} controls labelled ${label}`);
  return found[0];
}

function type(label: string, value: string) {
  fireEvent.change(control(label), { target: { value } });
}

function choose(label: string, option: string) {
  fireEvent.click(control(label));
  fireEvent.click(screen.getByRole('option', { name: option }));
}

function save(name = '保存') {
  fireEvent.click(screen.getByRole('button', { name }));
}

/** The Fluent Field (label, input, hint, message) around a control. */
function fieldOf(label: string): HTMLElement {
  const el = control(label).closest('.fui-Field');
  if (!(el instanceof HTMLElement)) throw new Error(`no Field around ${label}`);
  return el;
}

function groups(ui: UiSchemaElement): UiSchemaElement[] {
  return (ui.elements ?? []).flatMap((e) => (e.type === 'Group' ? [e] : groups(e)));
}

function fieldId(scope: string | undefined): string {
  return (scope ?? '').replace('#/properties/', '');
}

describe('activity-summary in the entry form', () => {
  test('renders every field of the definition, with its Chinese label, in its group', () => {
    renderEntry({});
    const uiGroups = groups(activity.def.uischema);
    expect(uiGroups.length).toBeGreaterThan(1);
    const seen: string[] = [];
    for (const group of uiGroups) {
      const region = screen.getByRole('group', { name: group.label });
      for (const element of group.elements ?? []) {
        const id = fieldId(element.scope);
        const title = activity.def.schema.properties[id].title!;
        expect(control(title, region)).toBeTruthy();
        seen.push(id);
      }
    }
    expect(seen.sort()).toEqual(Object.keys(activity.def.schema.properties).sort());
    // the help text is the hint under the control
    expect(within(fieldOf('填报单位')).getByText(activity.def.fields.unitName.help!['zh-CN'])).toBeTruthy();
  });

  test('typing into an integer field gives a number in the data', async () => {
    const { onChange } = renderEntry({});
    type('开展宣传活动（场次）', '12');
    await waitFor(() => expect(onChange.mock.calls.at(-1)?.[0]).toMatchObject({ publicityEvents: 12 }));
    expect(typeof onChange.mock.calls.at(-1)?.[0].publicityEvents).toBe('number');
    type('宣传活动参与人数（人次）', '１，２００'); // full-width, thousands comma
    await waitFor(() => expect(onChange.mock.calls.at(-1)?.[0]).toMatchObject({ publicityParticipants: 1200 }));
    type('开展宣传活动（场次）', '');
    await waitFor(() => expect(onChange.mock.calls.at(-1)?.[0]).not.toHaveProperty('publicityEvents'));
  });

  test('a non-integer and an empty required field show Chinese messages after 保存, and nothing is saved', () => {
    const { onSave } = renderEntry({});
    type('开展宣传活动（场次）', '1.5');
    type('宣传活动参与人数（人次）', '12人');
    // not yet: the fields were not left and 保存 was not pressed
    expect(screen.queryByText('请填写不小于0的整数')).toBeNull();
    expect(screen.queryByText('请填写“填报单位”')).toBeNull();
    save();
    expect(onSave).not.toHaveBeenCalled();
    expect(within(fieldOf('开展宣传活动（场次）')).getByText('请填写不小于0的整数')).toBeTruthy();
    expect(within(fieldOf('宣传活动参与人数（人次）')).getByText('请填写不小于0的整数')).toBeTruthy();
    expect(within(fieldOf('填报单位')).getByText('请填写“填报单位”')).toBeTruthy();
    expect(within(fieldOf('单位层级')).getByText('请填写“单位层级”')).toBeTruthy();
    expect(control('开展宣传活动（场次）').getAttribute('aria-invalid')).toBe('true');
    // the first field in error has the focus, and a summary is announced
    expect(document.activeElement).toBe(control('填报单位'));
    expect(screen.getByText(/还有 \d+ 项需要修改/)).toBeTruthy();
  });

  test('a field shows its message once left, before any 保存', () => {
    renderEntry({});
    fireEvent.blur(control('填表人'));
    expect(within(fieldOf('填表人')).getByText('请填写“填表人”')).toBeTruthy();
    expect(screen.queryByText('请填写“填报单位”')).toBeNull();
  });

  test('单位层级 offers the six levels of the definition', () => {
    const { onChange } = renderEntry({});
    const levels = activity.def.schema.properties.unitLevel.enum!;
    expect(levels).toHaveLength(6);
    fireEvent.click(control('单位层级'));
    const offered = screen.getAllByRole('option').map((o) => o.textContent);
    expect(offered).toEqual(levels);
    fireEvent.click(screen.getByRole('option', { name: '区（市）县总工会' }));
    expect(control('单位层级').textContent).toContain('区（市）县总工会');
    return waitFor(() => expect(onChange.mock.calls.at(-1)?.[0]).toMatchObject({ unitLevel: '区（市）县总工会' }));
  });

  test('a valid, filled form is saved with typed data', () => {
    const { onSave } = renderEntry({});
    type('填报单位', '河东区总工会');
    choose('单位层级', '区（市）县总工会');
    type('开展宣传活动（场次）', '3');
    type('宣传活动参与人数（人次）', '120');
    type('新签女职工专项集体合同（份）', '0');
    type('有效期内女职工专项集体合同（份）', '2');
    type('填表人', '张三');
    type('联系电话', '13812345678');
    type('填表日期', '2024-03-20');
    type('备注', '无');
    save();
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0][0]).toEqual({
      unitName: '河东区总工会',
      unitLevel: '区（市）县总工会',
      publicityEvents: 3,
      publicityParticipants: 120,
      contractsNew: 0,
      contractsInForce: 2,
      contactPerson: '张三',
      contactPhone: '13812345678',
      fillDate: '2024-03-20',
      notes: '无',
    });
    expect(screen.getByText('已保存')).toBeTruthy();
  });

  test('an existing row fills the form (blank cells are no value) and 清空 empties it', async () => {
    const { onSave, onChange } = renderEntry({
      initialData: { unitName: '河西区总工会', publicityEvents: 4, parentUnit: null, notes: '' },
    });
    expect((control('填报单位') as HTMLInputElement).value).toBe('河西区总工会');
    expect((control('开展宣传活动（场次）') as HTMLInputElement).value).toBe('4');
    fireEvent.click(screen.getByRole('button', { name: '清空' }));
    expect((control('填报单位') as HTMLInputElement).value).toBe('');
    expect((control('开展宣传活动（场次）') as HTMLInputElement).value).toBe('');
    await waitFor(() => expect(onChange.mock.calls.at(-1)?.[0]).toEqual({}));
    expect(onSave).not.toHaveBeenCalled();
  });
});

describe('other forms and languages', () => {
  test("typical-experience's multi-line summary is a textarea", () => {
    renderEntry({ form: typical });
    expect(control('摘要').tagName).toBe('TEXTAREA');
    expect(control('基本案情').tagName).toBe('TEXTAREA');
    expect(control('标题').tagName).toBe('INPUT');
  });

  test("English labels, groups, buttons and messages when lang is 'en'", () => {
    const { onSave } = renderEntry({ lang: 'en' });
    expect(control('Reporting unit')).toBeTruthy();
    expect(control('Publicity events')).toBeTruthy();
    expect(screen.queryByLabelText('填报单位')).toBeNull();
    expect(screen.getByRole('group', { name: 'Basic information' })).toBeTruthy();
    expect(within(fieldOf('Reporting unit')).getByText(activity.def.fields.unitName.help!.en!)).toBeTruthy();
    type('Publicity events', '-1');
    save('Save');
    expect(onSave).not.toHaveBeenCalled();
    expect(within(fieldOf('Reporting unit')).getByText('Please fill in “Reporting unit”')).toBeTruthy();
    expect(within(fieldOf('Publicity events')).getByText('Enter a whole number of 0 or more')).toBeTruthy();
  });
});

describe('the renderers on their own', () => {
  const schema: JsonSchema = {
    type: 'object',
    properties: {
      name: { type: 'string', title: '名称' },
      ratio: { type: 'number', title: '比例', minimum: 0, maximum: 1 },
      active: { type: 'boolean', title: '已启用' },
      rows: {
        type: 'array',
        title: '明细',
        items: {
          type: 'object',
          properties: { item: { type: 'string', title: '项目' }, count: { type: 'integer', title: '数量', minimum: 0 } },
        },
      },
    },
  };
  const uischema = {
    type: 'Categorization',
    elements: [
      {
        type: 'Category',
        label: '概况',
        elements: [
          { type: 'Control', scope: '#/properties/name' },
          { type: 'Control', scope: '#/properties/ratio' },
          { type: 'Control', scope: '#/properties/active' },
        ],
      },
      { type: 'Category', label: '明细表', elements: [{ type: 'Control', scope: '#/properties/rows' }] },
    ],
  } as UISchemaElement;

  /** JsonForms' own onChange gets `{ data, errors }`. */
  const lastData = (onChange: jest.Mock) => onChange.mock.calls.at(-1)?.[0].data;

  function renderPlain(onChange: jest.Mock) {
    return render(
      <FluentProvider theme={webLightTheme}>
        <JsonForms
          schema={schema}
          uischema={uischema}
          data={{}}
          renderers={fluentRenderers}
          ajv={createAjv()}
          i18n={{ locale: 'zh-CN', translateError: createErrorTranslator('zh-CN') }}
          onChange={onChange}
        />
      </FluentProvider>,
    );
  }

  test('categories are tabs; number and boolean controls give typed data', async () => {
    const onChange = jest.fn();
    renderPlain(onChange);
    expect(screen.getAllByRole('tab')).toEqual([screen.getByRole('tab', { name: '概况' }), screen.getByRole('tab', { name: '明细表' })]);
    type('比例', '0.25');
    fireEvent.click(control('已启用'));
    await waitFor(() => expect(lastData(onChange)).toEqual({ ratio: 0.25, active: true }));
    type('比例', '2');
    fireEvent.blur(control('比例'));
    expect(within(fieldOf('比例')).getByText('请填写0到1之间的数字')).toBeTruthy();
  });

  test('an array of objects: rows are added and removed, their fields typed', async () => {
    const onChange = jest.fn();
    renderPlain(onChange);
    fireEvent.click(screen.getByRole('tab', { name: '明细表' }));
    expect(screen.getByText('暂无内容，点击“添加一行”。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '添加一行' }));
    fireEvent.click(screen.getByRole('button', { name: '添加一行' }));
    const rows = screen.getAllByRole('group', { name: /^明细 第\d行$/ });
    expect(rows).toHaveLength(2);
    fireEvent.change(control('项目', rows[1]), { target: { value: '宣传' } });
    fireEvent.change(control('数量', rows[1]), { target: { value: '7' } });
    await waitFor(() => expect(lastData(onChange)).toEqual({ rows: [{}, { item: '宣传', count: 7 }] }));
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: '删除 第1行' }));
    });
    await waitFor(() => expect(lastData(onChange)).toEqual({ rows: [{ item: '宣传', count: 7 }] }));
    expect((control('数量', screen.getByRole('group', { name: '明细 第1行' })) as HTMLInputElement).value).toBe('7');
  });
});

describe('messages and number text', () => {
  const ajv = createAjv();
  function errorsOf(s: object, data: unknown): ErrorObject[] {
    const validate = ajv.compile(s);
    validate(data);
    return validate.errors ?? [];
  }

  test('our wording for required and integers, ajv-i18n for the rest', () => {
    const s = {
      type: 'object',
      properties: { n: { type: 'integer', title: '场次', minimum: 0 }, t: { type: 'string', maxLength: 3 } },
      required: ['n'],
    };
    const [required] = errorsOf(s, {});
    expect(errorMessage(required, 'zh-CN')).toBe('请填写“场次”');
    expect(errorMessage(required, 'en')).toBe('Please fill in “场次”');
    expect(errorMessage(required, 'zh-CN', '开展宣传活动')).toBe('请填写“开展宣传活动”');
    const [minimum] = errorsOf(s, { n: -1 });
    expect(errorMessage(minimum, 'zh-CN')).toBe('请填写不小于0的整数');
    const [notInteger] = errorsOf(s, { n: 'abc' });
    expect(errorMessage(notInteger, 'zh-CN')).toBe('请填写不小于0的整数');
    const [tooLong] = errorsOf(s, { n: 1, t: 'abcd' });
    expect(errorMessage(tooLong, 'zh-CN')).toBe('不应多于 3 个字符');
    expect(errorMessage(tooLong, 'en')).toBe('must NOT be longer than 3 characters'); // ajv-i18n's, not Ajv's own wording;
    const [email] = errorsOf({ type: 'string', format: 'email' }, 'x@');
    expect(errorMessage(email, 'zh-CN')).toContain('电子邮箱');
  });

  test('typed number text', () => {
    expect(parseNumberText('')).toBeUndefined();
    expect(parseNumberText('  ')).toBeUndefined();
    expect(parseNumberText('12')).toBe(12);
    expect(parseNumberText('１２')).toBe(12);
    expect(parseNumberText('1,200')).toBe(1200);
    expect(parseNumberText('1.5')).toBe(1.5);
    expect(parseNumberText('12人')).toBe('12人');
    expect(parseNumberText('1,2')).toBe('1,2');
  });
});
