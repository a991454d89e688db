/** One model for problems of files, of Excel and of the command line: every code renders, in Chinese, through one function. */
import { problemText, type Problem } from '../../src/messages/problems';

const CASES: Problem[] = [
  { code: 'encrypted' },
  { code: 'corruptZip', part: 'xl/worksheets/sheet1.xml' },
  { code: 'editMode' },
  { code: 'protectedSheet', sheets: ['评价结果'], certain: true },
  { code: 'outputExists', file: '自评表.scored.xlsx' },
  { code: 'noCommand', valid: ['score'] },
];

test.each(CASES.map((p) => [p.code, p]))('%s renders as the text of its own family', (_code, problem) => {
  const text = problemText(problem as Problem);
  expect(text).toMatch(/[\u4e00-\u9fff]/);
});

test('a file problem names its part; an Excel problem its sheet; a usage problem its file', () => {
  expect(problemText({ code: 'corruptZip', part: 'xl/worksheets/sheet1.xml' })).toContain('xl/worksheets/sheet1.xml');
  expect(problemText({ code: 'protectedSheet', sheets: ['评价结果'], certain: true })).toContain("'评价结果'");
  expect(problemText({ code: 'outputExists', file: '自评表.scored.xlsx' })).toContain('自评表.scored.xlsx');
});
