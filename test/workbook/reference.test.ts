/**
 * The shared reference parser (src/workbook/reference.ts), table-driven: the
 * formulas of defined names as .xlsx files store them and the references
 * office.js reports (NamedItem.value, Range.address) parse the same way.
 */
import { MAX_COLS, MAX_ROWS } from '../../src/workbook/address';
import { parseArea, parseReference, type ReferenceArea, type WholeKind } from '../../src/workbook/reference';

/** An area from 0-based corners (in order), as the parser returns it. */
const area = (sheet: string, top: number, left: number, bottom: number, right: number, whole: WholeKind | null = null): ReferenceArea => ({
  sheet,
  row: top,
  col: left,
  rows: bottom - top + 1,
  cols: right - left + 1,
  whole,
});
const LAST_ROW = MAX_ROWS - 1;
const LAST_COL = MAX_COLS - 1;

describe('one area', () => {
  it.each<[string, string, ReferenceArea]>([
    // defined names in .xlsx files
    ['absolute range', 'S!$A$1:$H$9', area('S', 0, 0, 8, 7)],
    ['leading =', '=S!A1', area('S', 0, 0, 0, 0)],
    ['quoted name with a comma and parentheses', "'a,b (x)'!$B$2:$C$3", area('a,b (x)', 1, 1, 2, 2)],
    ["quoted name with ''", "'It''s'!A1", area("It's", 0, 0, 0, 0)],
    ['a name that is one quote', "''''!A1", area("'", 0, 0, 0, 0)],
    ['unquoted Chinese name', '预算执行!$A$3:$P$11', area('预算执行', 2, 0, 10, 15)],
    ['quoted Chinese name with a space', "='预算 执行'!$A$4:$H$9", area('预算 执行', 3, 0, 8, 7)],
    ['a name with ! inside quotes', "='a!b'!$1:$1", area('a!b', 0, 0, 0, LAST_COL, 'rows')],
    ['the last cell of the grid', 'S!$XFD$1048576', area('S', LAST_ROW, LAST_COL, LAST_ROW, LAST_COL)],
    ['whole columns', 'S!$A:$C', area('S', 0, 0, LAST_ROW, 2, 'columns')],
    ['one whole column', 'S!B:B', area('S', 0, 1, LAST_ROW, 1, 'columns')],
    ['whole rows', 'S!$2:$5', area('S', 1, 0, 4, LAST_COL, 'rows')],
    ['whole columns written as cells', 'S!$A$1:$C$1048576', area('S', 0, 0, LAST_ROW, 2, 'columns')],
    ['whole rows written as cells', 'S!$A$2:$XFD$5', area('S', 1, 0, 4, LAST_COL, 'rows')],
    ['the whole sheet as rows', 'S!1:1048576', area('S', 0, 0, LAST_ROW, LAST_COL, 'rows')],
    ['the whole sheet as columns', 'S!A:XFD', area('S', 0, 0, LAST_ROW, LAST_COL, 'columns')],
    ['the whole sheet as cells: the grid, not whole rows or columns', 'S!$A$1:$XFD$1048576', area('S', 0, 0, LAST_ROW, LAST_COL)],
    ['enclosing parentheses', '((S!A1:B2))', area('S', 0, 0, 1, 1)],
    ['spaces and lower case', '  S!a1:b2  ', area('S', 0, 0, 1, 1)],
    ['corners in reverse order', 'S!C3:A1', area('S', 0, 0, 2, 2)],
    ['mixed $', 'S!$A1:B$2', area('S', 0, 0, 1, 1)],
    // Range.address and NamedItem.value as Excel reports them
    ['Range.address', 'Sheet1!A4:H9', area('Sheet1', 3, 0, 8, 7)],
    ['Range.address, quoted', "'预算 执行'!A4", area('预算 执行', 3, 0, 3, 0)],
    ["Range.address, ''", "'O''Brien'!$A$1:$B$2", area("O'Brien", 0, 0, 1, 1)],
    ['Range.address of whole columns', 'Sheet1!A:P', area('Sheet1', 0, 0, LAST_ROW, 15, 'columns')],
    ['Range.address of whole rows', 'Sheet1!14:23', area('Sheet1', 13, 0, 22, LAST_COL, 'rows')],
    ['Range.address of whole columns, quoted', "'绩效 指标'!A:P", area('绩效 指标', 0, 0, LAST_ROW, 15, 'columns')],
    ['a sheet name with dots and digits', 'Q1.2023!B2', area('Q1.2023', 1, 1, 1, 1)],
  ])('%s: %s', (_what, text, expected) => {
    expect(parseReference(text)).toEqual({ kind: 'area', area: expected });
    expect(parseArea(text.replace(/^\s*=/, '').replace(/^\(+|\)+$/g, ''))).toEqual(expected);
  });
});

describe('several areas', () => {
  it.each<[string, string, ReferenceArea[]]>([
    ['a comma inside a quoted name does not split', "S!A1,'a,b'!B2", [area('S', 0, 0, 0, 0), area('a,b', 1, 1, 1, 1)]],
    ['a union in parentheses', '(S!A1:B2,S!D1:E2,S!G1)', [area('S', 0, 0, 1, 1), area('S', 0, 3, 1, 4), area('S', 0, 6, 0, 6)]],
    ['each area in parentheses', '(S!A1),(S!B2)', [area('S', 0, 0, 0, 0), area('S', 1, 1, 1, 1)]],
    ['as NamedItem.value shows it', "='评价结果'!$A$4:$B$6,'评价结果'!$A$8:$B$11", [area('评价结果', 3, 0, 5, 1), area('评价结果', 7, 0, 10, 1)]],
    ['whole columns among them', "=S!$A:$A,'T'!$3:$3", [area('S', 0, 0, LAST_ROW, 0, 'columns'), area('T', 2, 0, 2, LAST_COL, 'rows')]],
  ])('%s: %s', (_what, text, expected) => {
    expect(parseReference(text)).toEqual({ kind: 'multiArea', areas: expected });
  });
});

describe('not a reference to cells', () => {
  it.each<[string, string]>([
    ['empty', ''],
    ['a number', '42'],
    ['a number with =', '=0.5'],
    ['a string that looks like a reference', '"S!A1"'],
    ['a string with a comma', '="a,b"'],
    ['an array constant', '{1,2}'],
    ['#REF!', '#REF!'],
    ['#REF! on a sheet', 'S!#REF!'],
    ['a deleted sheet', '#REF!A1'],
    ['a column beyond XFD', 'S!XFE1'],
    ['a row beyond 1048576', 'S!A1048577'],
    ['row 0', 'S!A0'],
    ['whole columns beyond XFD', 'S!A:XFE'],
    ['whole rows beyond 1048576', 'S!1:1048577'],
    ['an unclosed quote', "'S!A1"],
    ['a quoted name without !', "'S'A1"],
    ['three corners', 'S!A1:B2:C3'],
    ['a column alone', 'S!A'],
    ['a row alone', 'S!3'],
    ['an intersection', 'S!A1 S!B2'],
    ['no sheet', 'A1:B2'],
    ['no sheet, whole columns', '$A:$P'],
    ['an empty sheet name', "''!A1"],
    ['a name of the workbook', 'Name'],
    ['3-D, unquoted', 'S1:S3!A1'],
    ['3-D, quoted', "'S1:S3'!A1"],
    ['external, by index', '[1]S!A1'],
    ['external, by file name', "'[Book.xlsx]S'!A1"],
    ['external, with a path', "'C:\\docs\\[Book.xlsx]S'!A1"],
    ['a function', 'OFFSET(S!$A$1,0,0,5,2)'],
    ['an expression', 'S!A1+1'],
    ['an unclosed parenthesis', '(S!A1'],
    ['an unopened parenthesis', 'S!A1)'],
    ['a union with a constant', 'S!A1,42'],
    ['a union with a function', 'S!A1,INDIRECT("x")'],
    ['a sheet name with a space, unquoted', 'My sheet!A1'],
    ['the sheet on both corners', 'S!A1:S!B2'],
  ])('%s: %s', (_what, text) => {
    expect(parseReference(text)).toEqual({ kind: 'other' });
  });
});
