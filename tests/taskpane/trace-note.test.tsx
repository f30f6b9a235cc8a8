/** @jest-environment jsdom */
/**
 * Tracing in the pane (browser mode; no workers in jsdom, so the roll-up runs on the page's
 * thread): at the city, clicking an issue on a row that came inside the district's roll-up says
 * where the unit typed it and the district file it came in.
 */
import * as fs from 'fs';
import * as path from 'path';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { compileForm } from '../../src/core/definitions/compile';
import { shippedForms } from '../../src/core/definitions/shipped';
import { rollUpFiles } from '../../src/files/rollupFiles';
import { writeRollupWorkbook } from '../../src/files/writeRollup';
import { App } from '../../src/taskpane/App';
import { installJsdomShims } from '../helpers/jsdom';
import { activityRow, labelsOf, tempDir, writeXlsx } from '../helpers/workbooks';

const WAIT_MS = 120_000;

beforeAll(installJsdomShims);
afterEach(cleanup);

/** The district's roll-up (as the CLI makes it) of one unit who wrote 若干 for its publicity events (kept as typed). */
async function districtRollup(): Promise<File> {
  const dir = tempDir('huizong-trace-note-');
  const unit = writeXlsx(path.join(dir, '大王庄.xlsx'), [
    {
      name: '数据',
      rows: [
        ['2024年女职工维权行动月活动数据汇总表'],
        labelsOf('activity-summary'),
        activityRow({ unitName: '大王庄街道总工会', unitLevel: '街道（乡镇）工会', parentUnit: '河东区总工会', publicityEvents: '若干' }),
      ],
    },
  ]);
  const forms = shippedForms.map(compileForm);
  const form = forms.find((f) => f.def.id === 'activity-summary')!;
  const result = rollUpFiles([{ name: '大王庄.xlsx', bytes: fs.readFileSync(unit) }], {
    form,
    forms,
    lang: 'zh-CN',
    unit: '河东区总工会',
    today: '2024-03-26',
  });
  const out = await writeRollupWorkbook(result, form, { lang: 'zh-CN' });
  return new File([out as BlobPart], '河东区汇总.xlsx', { lastModified: Date.UTC(2024, 2, 26) });
}

test('clicking an issue of a district’s row names the unit’s own file and the district file it came in', async () => {
  const district = await districtRollup();
  render(
    <FluentProvider theme={webLightTheme}>
      <App detect={async () => ({ inExcel: false, lang: 'zh-CN' })} />
    </FluentProvider>,
  );
  fireEvent.click(await screen.findByRole('tab', { name: '汇总' }, { timeout: WAIT_MS }));
  await act(async () => void fireEvent.change(screen.getByTestId('returns-input'), { target: { files: [district] } }));
  await screen.findByText('已选择 1 个文件', {}, { timeout: WAIT_MS });
  fireEvent.click(screen.getByRole('button', { name: '开始汇总' }));
  const group = within(await screen.findByRole('region', { name: '河东区汇总.xlsx' }, { timeout: WAIT_MS }));
  expect(screen.queryByTestId('trace-note')).toBeNull();
  fireEvent.click(group.getByRole('button', { name: /“若干”不是整数/ }));
  expect(screen.getByTestId('trace-note').textContent).toBe(
    '这一行最初填在 大王庄.xlsx 的工作表“数据”第 3 行；随下级的汇总 河东区汇总.xlsx 的工作表“汇总”第 5 行 报来。要更正，请找原单位核对后，由下级重新汇总报送',
  );
});
