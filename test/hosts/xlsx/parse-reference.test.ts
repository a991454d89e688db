import { parseReference } from '../../../src/hosts/xlsx/parse-reference';

const area = (sheet: string, top: number, left: number, bottom: number, right: number, whole = '') => ({
  sheet,
  top,
  left,
  bottom,
  right,
  wholeColumns: whole === 'cols',
  wholeRows: whole === 'rows',
});

describe('parse-reference', () => {
  it.each([
    ['S!$A$1:$H$9', area('S', 0, 0, 8, 7)],
    ['=S!A1', area('S', 0, 0, 0, 0)],
    ["'a,b (x)'!$B$2:$C$3", area('a,b (x)', 1, 1, 2, 2)],
    ["'It''s'!A1", area("It's", 0, 0, 0, 0)],
    ["''''!A1", area("'", 0, 0, 0, 0)],
    ['预算执行!$A$3:$P$11', area('预算执行', 2, 0, 10, 15)],
    ['S!$XFD$1048576', area('S', 1048575, 16383, 1048575, 16383)],
    ['S!$A:$C', area('S', 0, 0, 1048575, 2, 'cols')],
    ['S!B:B', area('S', 0, 1, 1048575, 1, 'cols')],
    ['S!$2:$5', area('S', 1, 0, 4, 16383, 'rows')],
    ['((S!A1:B2))', area('S', 0, 0, 1, 1)],
    ['  S!a1:b2  ', area('S', 0, 0, 1, 1)],
  ])('%s is one area', (formula, expected) => {
    expect(parseReference(formula)).toEqual({ kind: 'area', area: expected });
  });

  it.each([
    ["S!A1,'a,b'!B2", 2],
    ['(S!A1:B2,S!D1:E2,S!G1)', 3],
    ['(S!A1),(S!B2)', 2],
  ])('%s is %i areas', (formula, count) => {
    const r = parseReference(formula);
    expect(r.kind === 'multiArea' && r.areas.length).toBe(count);
  });

  it.each([
    '',
    '42',
    '"S!A1"',
    '{1,2}',
    '#REF!',
    'S!#REF!',
    '#REF!A1',
    'S!XFE1',
    'S!A1048577',
    'S!A0',
    "'S!A1",
    "'S'A1",
    'S!A1:B2:C3',
    'S!A',
    'S!A1 S!B2',
    'S1:S3!A1',
    "'S1:S3'!A1",
    '[1]S!A1',
    "'[Book.xlsx]S'!A1",
    'OFFSET(S!$A$1,0,0,5,2)',
    'S!A1+1',
    '(S!A1',
    'S!A1)',
    'Name',
    'S!A1,42',
  ])('%s is not a range', (formula) => {
    expect(parseReference(formula)).toEqual({ kind: 'other' });
  });
});
