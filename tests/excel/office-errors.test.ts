/** Excel's errors in the user's words: what to do for the codes a person can act on, plain words otherwise (never Office's or a library's own). */
import { errorText } from '../../src/excel/officeErrors';
import { excelError } from './excelDouble';

test('an Excel error a person can act on says how, in their language', () => {
  const editing = excelError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
  expect(errorText(editing, 'zh-CN')).toBe('Excel 正在编辑一个单元格：请按 Enter 结束编辑后再试。');
  expect(errorText(editing, 'en')).toBe('Excel is editing a cell: press Enter to finish editing, then try again.');
  expect(errorText(excelError('AccessDenied', 'Access denied.'), 'zh-CN')).toContain('请取消保护');
});

test('GeneralException, Excel’s catch-all, says to try again, and to click this workbook if another is in front', () => {
  const internal = excelError('GeneralException', '发生内部错误。');
  expect(errorText(internal, 'zh-CN')).toBe(
    'Excel 没能完成这次操作，什么原因它没有说。请再试一次；如果另一个工作簿窗口在前面，先点一下这个工作簿，再试。',
  );
  expect(errorText(internal, 'en')).toBe(
    'Excel could not complete this and did not say why. Please try again; if another workbook window is in front, click this workbook first, then try again.',
  );
});

test('any other error says what to do in plain words; its own message goes to the console only', () => {
  const logged = jest.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const invalid = excelError('InvalidArgument', '参数无效。');
    expect(errorText(invalid, 'zh-CN')).toBe('出了意外的问题。请再试一次；如仍不行，请告诉维护本加载项的人员。');
    expect(errorText(new Error('worker gone'), 'en')).toBe(
      'Something unexpected went wrong. Please try again; if it still fails, tell whoever maintains this add-in.',
    );
    expect(errorText('plain text', 'zh-CN')).not.toContain('plain text');
    // The step that failed may say more of itself than that.
    expect(errorText(new Error('exceljs: bad zip'), 'en', 'rollup.failed')).toMatch(/^Something unexpected went wrong while rolling up/);
    expect(logged.mock.calls.map(([error]) => error)).toEqual([
      invalid,
      new Error('worker gone'),
      'plain text',
      new Error('exceljs: bad zip'),
    ]);
  } finally {
    logged.mockRestore();
  }
});
