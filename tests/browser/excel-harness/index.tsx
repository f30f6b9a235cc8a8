/**
 * The task pane in "Excel mode" in a plain browser, for tests/browser/excel-mode.test.ts:
 * the real <App> with its host detection answering "in Excel" and its Excel actions running
 * on the Office.js TEST DOUBLE (tests/excel/excelDouble.ts) — NOT on Excel. The page says so
 * in a banner above the pane, and every screenshot taken of it shows that banner.
 *
 * The double starts with a returned activity table of 30 unit rows (tests/excel/scenarios.ts:
 * 若干 every 10th row, 1,200 every 7th, a broken phone every 13th) as the active sheet, and a
 * 单位名单 sheet (the user's own roster: 第1、第2基层工会 and 春华街道总工会) after it.
 *
 *   ?lang=en       the pane in English (default Chinese)
 *
 * `window.__huizongDouble` lets the test look into the double (sheets, cells, selection, our
 * conditional formats, sync count). Built by ./webpack.harness.js into harness.html.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import type { Lang } from '../../../src/core/definitions/types';
import { columnName } from '../../../src/core/table/grid';
import { createOfficeGateway, isHuizongMark } from '../../../src/excel/officeGateway';
import { App } from '../../../src/taskpane/App';
import { excelActions } from '../../../src/taskpane/excelActions';
import { workbookWithTable } from '../../excel/scenarios';

/** What the harness page exposes to the test (all of it reads the double's model). */
export interface HuizongDouble {
  /** `context.sync()` calls since the start or the last reset. */
  syncs(): number;
  /** Sheet names in order (with the very hidden `_huizong` when there is one). */
  sheets(): string[];
  /** The active sheet's name. */
  active(): string;
  /** A cell's value ('' when empty); undefined when there is no such sheet. */
  value(sheet: string, address: string): unknown;
  /** The sheet's used range (values only) from A1, as rows; undefined when there is no such sheet. */
  rows(sheet: string): unknown[][] | undefined;
  /** The sheet's Excel tables (ListObjects) as added: name and address. */
  tables(sheet: string): { name: string; range: string }[];
  /** The address last selected on the sheet. */
  selected(sheet: string): string | undefined;
  /** How many of the sheet's conditional formats are Huizong's marks. */
  marks(sheet: string): number;
  /** A user's edit: the values change and the sheet's onChanged handlers hear of it. */
  edit(sheet: string, address: string, rows: unknown[][]): Promise<void>;
  /** A sheet the user adds and fills (a unit's table pasted into the workbook), last in the tab order. */
  addSheet(name: string, rows: unknown[][]): void;
  /** Zeroes the sync count (and the recorded batches). */
  reset(): void;
}

declare global {
  interface Window {
    __huizongDouble?: HuizongDouble;
  }
}

const ROWS = 30;
const fake = workbookWithTable(ROWS);
fake.model.addSheet('单位名单').setValues('A1', [
  ['单位名称', '单位层级', '上级单位', '别名', '截止日期'],
  ['第1基层工会', '基层工会', '河东区总工会', '', ''],
  ['第2基层工会', '基层工会', '河东区总工会', '', ''],
  ['春华街道总工会', '街道（乡镇）工会', '河东区总工会', '', ''],
]);

const lang: Lang = new URLSearchParams(window.location.search).get('lang') === 'en' ? 'en' : 'zh-CN';

window.__huizongDouble = {
  syncs: () => fake.syncs,
  sheets: () => fake.model.sheets.map((s) => s.name),
  active: () => fake.model.active,
  value: (sheet, address) => fake.model.sheet(sheet)?.value(address),
  rows(sheet) {
    const model = fake.model.sheet(sheet);
    if (!model) return undefined;
    const used = model.used(true);
    if (!used) return [];
    const rows: unknown[][] = [];
    for (let r = 0; r <= used.e.r; r++) {
      const row: unknown[] = [];
      for (let c = 0; c <= used.e.c; c++) row.push(model.value(`${columnName(c)}${r + 1}`));
      rows.push(row);
    }
    return rows;
  },
  tables: (sheet) => (fake.model.sheet(sheet)?.tables ?? []).map(({ name, range }) => ({ name, range })),
  selected: (sheet) => fake.model.sheet(sheet)?.selected,
  marks: (sheet) => fake.model.sheet(sheet)?.conditionalFormats.filter((cf) => isHuizongMark(cf.formula)).length ?? 0,
  edit: (sheet, address, rows) => fake.edit(sheet, address, rows),
  addSheet: (name, rows) => {
    fake.model.addSheet(name).setValues('A1', rows);
  },
  reset: () => fake.resetCounts(),
};

const useStyles = makeStyles({
  banner: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: '#FFF4CE',
    color: '#3B2E00',
    borderBottom: '2px dashed #C19C00',
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
  },
});

function Banner() {
  const styles = useStyles();
  return (
    <p className={styles.banner} role="note" data-testid="double-banner">
      测试替身：这里不是 Excel（Office.js test double）
    </p>
  );
}

const container = document.getElementById('container');
if (!container) throw new Error('harness.html has no #container');

createRoot(container).render(
  <StrictMode>
    <FluentProvider theme={webLightTheme}>
      <Banner />
      <App
        detect={async () => ({ inExcel: true, lang })}
        connectExcel={async () => excelActions(createOfficeGateway({ host: fake.host(), debounce: { delayMs: 50 } }))}
      />
    </FluentProvider>
  </StrictMode>,
);
