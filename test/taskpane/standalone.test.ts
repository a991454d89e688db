/** @jest-environment jsdom */
/**
 * The standalone page in jsdom with the real xlsx chunk: choosing a file,
 * the stages of 计算得分, the result, the download, workbook errors with
 * their cell addresses and file problems. (test/e2e runs it in Chromium.)
 */
import './jsdom-text-codec';
import * as fs from 'fs';
import { startStandalone } from '../../src/taskpane/standalone';
import { scoredName } from '../../src/taskpane/standalone/standalone-state';
import { fileScorer } from '../../src/taskpane/standalone/xlsx-chunk';
import { exampleWith } from '../support/fixtures';
import { EXAMPLE } from '../support/paths';

const urls: string[] = [];
beforeAll(() => {
  // jsdom has no object URLs.
  Object.assign(URL, { createObjectURL: () => `blob:test/${urls.push('x')}`, revokeObjectURL: () => undefined });
});

afterEach(() => {
  document.body.innerHTML = '';
});

function mount() {
  const root = document.createElement('div');
  document.body.appendChild(root);
  const stages: string[] = [];
  let bytesOf = new Map<File, Uint8Array>();
  const pane = startStandalone(root, {
    loadScorer: () => Promise.resolve(fileScorer),
    readFile: (file, progress) => {
      const bytes = bytesOf.get(file)!;
      progress(bytes.length / 2, bytes.length);
      progress(bytes.length, bytes.length);
      return Promise.resolve(bytes);
    },
    paint: () => {
      stages.push(pane.state().stage);
      return Promise.resolve();
    },
  });
  const choose = (name: string, bytes: Uint8Array) => {
    const file = new File([bytes as BlobPart], name);
    bytesOf = new Map([[file, bytes]]);
    pane.choose(file);
  };
  const $ = (sel: string) => root.querySelector(sel) as HTMLElement;
  const $$ = (sel: string) => Array.from(root.querySelectorAll(sel)) as HTMLElement[];
  return { root, pane, choose, stages, $, $$ };
}

describe('standalone page', () => {
  it('shows 选择工作簿, the sample links, and a disabled 计算得分 until a file is chosen', () => {
    const { $, $$, choose } = mount();
    expect($('#standalone').textContent).toContain('选择工作簿');
    expect($('#score').hasAttribute('disabled')).toBe(true);
    expect($('#download')).toBeNull();
    expect($$('.samples__link').map((a) => a.getAttribute('href'))).toEqual(['assets/模板.xlsx', 'assets/示例-二工片区2023.xlsx', 'assets/模板-项目支出.xlsx']);
    choose('自评表.xlsx', new Uint8Array(2048));
    expect($('#chosen').textContent).toBe('已选择：自评表.xlsx（2.0 KB）');
    expect($('#score').hasAttribute('disabled')).toBe(false);
  });

  it('scores the example through the stages and offers the scored workbook', async () => {
    const { $, $$, pane, choose, stages } = mount();
    choose('示例-二工片区2023.xlsx', new Uint8Array(fs.readFileSync(EXAMPLE)));
    $('#score').click();
    expect($('#score').getAttribute('aria-busy')).toBe('true');
    expect($('.progress__text').textContent).toBe('正在读取文件…（100%）');
    await pane.idle();
    expect(stages).toEqual(['parsing', 'scoring', 'writing']);
    expect($('.result__value').textContent).toBe('81.53');
    expect($('.grade').textContent).toBe('良');
    expect($$('.indicator__score').map((e) => e.textContent)).toHaveLength(8);
    expect($('span.indicator__name')).not.toBeNull(); // nothing to select: names are text
    const link = $('#download') as HTMLAnchorElement;
    expect(link.getAttribute('download')).toBe('示例-二工片区2023.scored.xlsx');
    expect(link.getAttribute('href')).toMatch(/^blob:/);
    expect($('.status').textContent).toContain('总分 81.53 / 100，评价等级：良。');
  });

  it('lists workbook errors with their cell addresses and offers nothing to download', async () => {
    const { $, $$, pane, choose } = mount();
    choose('有错误.xlsx', exampleWith({ '绩效指标!I6': '七十八' }));
    $('#score').click();
    await pane.idle();
    expect($('.result')).toBeNull();
    expect($('#download')).toBeNull();
    expect($$('.issue--error .issue__cell').map((e) => e.textContent)).toEqual(["'绩效指标'!I6"]);
    expect($('.issue--error').textContent).toContain('七十八');
    expect($('.status').textContent).toContain('工作簿中有 1 处错误，没有生成已评分工作簿');
  });

  it('shows the Chinese message for a file that is not an xlsx', async () => {
    const { $, pane, choose } = mount();
    choose('说明.xlsx', new TextEncoder().encode('这不是工作簿'));
    $('#score').click();
    await pane.idle();
    expect($('#file-error').textContent).toContain('不是 .xlsx 工作簿');
    expect($('#download')).toBeNull();
  });

  it('names the scored copy like the CLI does', () => {
    expect(scoredName('自评表.xlsx')).toBe('自评表.scored.xlsx');
    expect(scoredName('A.XLSX')).toBe('A.scored.xlsx');
    expect(scoredName('无扩展名')).toBe('无扩展名.scored.xlsx');
  });
});

describe('standalone page: a workbook without names (forms issue §3)', () => {
  const { strFromU8, strToU8, unzipSync, zipSync } = require('fflate') as typeof import('fflate');
  const withoutNames = (bytes: Uint8Array) => {
    const parts = unzipSync(bytes);
    parts['xl/workbook.xml'] = strToU8(strFromU8(parts['xl/workbook.xml']).replace(/<definedNames>[\s\S]*?<\/definedNames>/, ''));
    return zipSync(parts);
  };

  it('shows the tables found and the names proposed; 按建议的名称计分 scores as the named example, and the download carries the names', async () => {
    const { $, $$, pane, choose } = mount();
    choose('无名称.xlsx', withoutNames(new Uint8Array(fs.readFileSync(EXAMPLE))));
    $('#score').click();
    await pane.idle();
    expect($('#download')).toBeNull();
    const lines = $$('.proposal__lines li').map((li) => li.textContent);
    expect(lines).toContain('在工作表“绩效指标”第 3 行找到绩效指标表 A3:P11');
    expect(lines).toContain("名称“预算执行”（范围：工作簿）＝'预算执行'!$A$4:$H$9");
    const hosted: Uint8Array[] = [];
    const host = fileScorer.host;
    const spy = jest.spyOn(fileScorer, 'host').mockImplementation((bytes) => {
      hosted.push(bytes);
      return host(bytes);
    });
    $('#score-named').click();
    await pane.idle();
    spy.mockRestore();
    // What was scored and written is the workbook with the names defined.
    expect(strFromU8(unzipSync(hosted[0])['xl/workbook.xml'])).toContain("<definedName name=\"绩效指标\">'绩效指标'!$A$3:$P$11</definedName>");
    expect($('#proposal')).toBeNull();
    expect($('.result__value').textContent).toBe('81.53');
    expect($('.grade').textContent).toBe('良');
    expect(($('#download') as HTMLAnchorElement).getAttribute('download')).toBe('无名称.scored.xlsx');
  });

  it('a proposal with a problem: listed, no button, nothing scored', async () => {
    const { $, pane, choose } = mount();
    const parts = unzipSync(withoutNames(new Uint8Array(fs.readFileSync(EXAMPLE))));
    // The indicator table's header 分值 misspelt: no indicator table is found.
    const shared = strFromU8(parts['xl/sharedStrings.xml']);
    parts['xl/sharedStrings.xml'] = strToU8(shared.replace('<t>实际完成值</t>', '<t>完成情况</t>'));
    choose('无名称.xlsx', zipSync(parts));
    $('#score').click();
    await pane.idle();
    expect($('#proposal').textContent).toContain('没有在任何（未隐藏的）工作表中找到绩效指标表');
    expect($('#score-named')).toBeNull();
    expect($('#download')).toBeNull();
  });
});
