/** @jest-environment jsdom */
/** Pure pane state and the texts derived from it. */
import { dialogContent } from '../../src/taskpane/commands';
import { gradeClass, initialState, started, toggled, writtenCount } from '../../src/taskpane/pane-state';
import { percentText } from '../../src/messages/excel-ui';

describe('pane state', () => {
  it('maps grade levels to colour classes; the lowest grade is always the failing colour', () => {
    expect([0, 1, 2, 3].map((level) => gradeClass(level, 4))).toEqual(['grade--excellent', 'grade--good', 'grade--pass', 'grade--fail']);
    expect([0, 1, 2].map((level) => gradeClass(level, 3))).toEqual(['grade--excellent', 'grade--good', 'grade--fail']);
  });

  it('clears a previous problem when an action starts', () => {
    const s = { ...initialState(), hostError: { code: 'editMode' as const }, failedAction: 'score' as const };
    expect(started(s, 'score')).toMatchObject({ busy: 'scoring', hostError: null, failedAction: null });
  });

  it('toggles one indicator note', () => {
    const s = toggled(toggled(initialState(), 'A'), 'B');
    expect(toggled(s, 'A').expanded).toEqual({ A: false, B: true });
  });

  it('counts written cells', () => {
    expect(writtenCount(null)).toBe(0);
    const block = { sheet: 'S', row: 0, col: 0, rows: 3, cols: 2, values: [], numberFormat: [], formulas: [], written: [] };
    expect(writtenCount({ blocks: [block, { ...block, rows: 1, cols: 1 }] })).toBe(7);
  });

  it.each([
    ['0.9316', '93.16%'], ['1.0000', '100.00%'], ['0.0000', '0.00%'], ['0.05', '5%'], ['12.3456', '1234.56%'], [null, '—'],
  ])('percentText(%s) = %s', (ratio, text) => {
    expect(percentText(ratio)).toBe(text);
  });
});

describe('ribbon dialog content', () => {
  it('tells the user to open the pane when the workbook has errors', () => {
    const issue = { code: 'valueRequired' as const, cell: { sheet: '绩效指标', row: 3, col: 9 }, field: { table: 'indicators' as const, column: 'weight' as const } };
    const evaluation = { scope: null, summary: null, plan: { writes: [] }, warnings: [], errors: [issue, issue] };
    const outcome = { evaluations: [evaluation], book: { errors: [], warnings: [] }, plan: { writes: [] }, warnings: [], errors: [issue, issue] };
    const content = dialogContent({ outcome, hostError: null, snapshot: null });
    expect(content.ok).toBe(false);
    expect(content.lines[0]).toBe('工作簿中有 2 处错误，未写入任何内容。');
    expect(content.lines[content.lines.length - 1]).toContain('打开任务窗格');
    expect(encodeURIComponent(JSON.stringify(content)).length).toBeLessThan(2000);
  });

  it('reports an Excel problem', () => {
    const content = dialogContent({ outcome: null, hostError: { code: 'editMode' }, snapshot: null });
    expect(content.lines[0]).toContain('结束编辑');
  });
});
