/** Excel's errors in the user's words: what to do for the codes a person can act on, Office's own message otherwise. */
import { errorText } from '../../src/excel/officeErrors';
import { excelError } from './excelDouble';

test('an Excel error a person can act on says how, in their language', () => {
  const editing = excelError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
  expect(errorText(editing, 'zh-CN')).toBe('Excel 正在编辑一个单元格：请按 Enter 结束编辑后再试。');
  expect(errorText(editing, 'en')).toBe('Excel is editing a cell: press Enter to finish editing, then try again.');
  expect(errorText(excelError('AccessDenied', 'Access denied.'), 'zh-CN')).toContain('请取消保护');
});

test('GeneralException says to bring the workbook to the front (office-js #771), in the user’s words', () => {
  const internal = excelError('GeneralException', '发生内部错误。');
  expect(errorText(internal, 'zh-CN')).toContain('另一个工作簿窗口在前面');
  expect(errorText(internal, 'en')).not.toContain('发生');
});

test('any other error keeps its own message', () => {
  const invalid = excelError('InvalidArgument', '参数无效。');
  expect(errorText(invalid, 'zh-CN')).toBe(invalid.message);
  expect(errorText(new Error('worker gone'), 'en')).toBe('worker gone');
  expect(errorText('plain text', 'zh-CN')).toBe('plain text');
});
