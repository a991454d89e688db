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
