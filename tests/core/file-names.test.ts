import { fileNames } from '../../src/core/text/fileName';

describe('naming the files of one run', () => {
  it('names a file by its name where no other file has it', () => {
    const nameOf = fileNames(['/tmp/甲/报表.xlsx', '/tmp/乙/名单.xlsx']);
    expect(nameOf('/tmp/甲/报表.xlsx')).toBe('报表.xlsx');
    expect(nameOf('/tmp/乙/名单.xlsx')).toBe('名单.xlsx');
  });

  it('tells same-named files apart by the folders below the one they share', () => {
    const nameOf = fileNames(['/tmp/甲/报表.xlsx', '/tmp/乙/报表.xlsx', '/tmp/丙/其他.xlsx']);
    expect(nameOf('/tmp/甲/报表.xlsx')).toBe('甲/报表.xlsx');
    expect(nameOf('/tmp/乙/报表.xlsx')).toBe('乙/报表.xlsx');
    expect(nameOf('/tmp/丙/其他.xlsx')).toBe('其他.xlsx');
  });

  it('keeps deeper folders apart and reads Windows paths', () => {
    const nameOf = fileNames(['收件箱/报表.xlsx', '收件箱/二科/报表.xlsx', 'C:\\收\\甲\\表.xlsx', 'C:\\收\\乙\\表.xlsx']);
    expect(nameOf('收件箱/报表.xlsx')).toBe('报表.xlsx');
    expect(nameOf('收件箱/二科/报表.xlsx')).toBe('二科/报表.xlsx');
    expect(nameOf('C:\\收\\甲\\表.xlsx')).toBe('甲\\表.xlsx');
  });

  it('names the same path given twice, and a path it was not given, by the name', () => {
    const nameOf = fileNames(['/a/报表.xlsx', '/a/报表.xlsx']);
    expect(nameOf('/a/报表.xlsx')).toBe('报表.xlsx');
    expect(nameOf('/b/c/下级.xlsx')).toBe('下级.xlsx');
  });
});
