/** The pure engine: form definitions, values, tables, rules and issues. No Office.js, DOM or Node. */
export * from './definitions/types';
export { compileForm, fieldLabel, formTitle, headerKey, type CompiledForm, type CompiledField } from './definitions/compile';
export { checkDefinition, loadDefinition, type LoadResult } from './definitions/load';
export { shippedForm, shippedForms } from './definitions/shipped';
export { catalogue, messageFor, type IssueCode, type Severity } from './issues/catalogue';
export { countBySeverity, makeIssue, type Issue } from './issues/issue';
export { a1, columnName, type Grid, type Merge } from './table/grid';
export { locateTable, rankForms, type LocatedTable } from './table/locate';
export { parseCell } from './values';
export type { CellValue, ParseResult, ValueContext } from './values/types';
export { localToday, validateTable, type RowResult, type TableReport, type ValidateOptions } from './validate/table';
export { validateGrids, type WorkbookReport } from './validate/workbook';
