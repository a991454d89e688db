/**
 * The 自评报告 golden test: `selfeval report` on the example workbook writes
 * a .docx whose text states every figure of the seed report's sections
 * 一(三), 二, 三 and 四 in the seed's own sentences. The figures come from the
 * scored workbook (the generated side); the expected side is the seed's text
 * itself. Compared sentence by sentence, after removing whitespace and
 * folding full/half-width punctuation (NFKC) on both sides.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, unzipSync } from 'fflate';
import { runCli } from '../../src/cli/run';
import { nodeFileSystem } from '../../src/cli/node-file-system';
import { EXAMPLE, ROOT } from '../support/paths';

const SEED = path.join(ROOT, '..', 'shared', 'seeds', '000_d5d6c9d142e200a0.txt');

/** No whitespace, full-width punctuation folded: the seed's typeset line breaks and spaces around digits are not text. */
function normalise(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** From the heading of 一(三) to the heading of 五 (excluded). */
function goldenPart(text: string): string {
  const all = normalise(text);
  const start = all.indexOf(normalise('(三)部门单位整体预算规模及安排情况'));
  const end = all.indexOf(normalise('五、存在的主要问题及原因分析'));
  if (start < 0 || end < start) throw new Error('sections 一(三) … 四 not found');
  return all.slice(start, end);
}

/** Sentences ending in 。 that state a figure (a digit: amounts, rates, scores, and the numbered headings run into them). */
function figureSentences(part: string): string[] {
  return (part.match(/[^。]*。/g) ?? []).filter((s) => /\d/.test(s));
}

/**
 * Where the seed is inconsistent with itself, the report keeps one phrasing
 * and the seed's sentence is replaced here by it — each with the reason. The
 * figures in these expected sentences are the seed's own.
 */
const SEED_INCONSISTENCIES: ReadonlyArray<{ seed: string; report: string; reason: string }> = [
  {
    seed: '其中：（1）本级财力项目：共计5个项目，预算金额为1281.14万元，实际支付为1005.45万元，分别为：社区工资社保及工作经费项目，预算金额为469.81万元，执行金额为215.96万元，达到保障工作人员待遇，保障社区运行，更好的服务居民效益；基层监督建设补助项目，预算金额为13.50万元，执行金额为13.31万元，达到提高基层监督工作保障效益；公共美术馆、图书馆、文化馆免费开放补助资金项目，预算金额为24.40万元，执行金额为2.75万元，达到提高辖区居民文化活动水平效益；疫情防控补助项目，预算金额为40.72万元，执行金额为40.72万元，达到完成疫情防控工作效益；国有企业退休人员社会化管理补助资金，预算金额为732.71万元，执行金额为732.71万元，达到保障企退管理工作人员工资待遇，提高企业退管工作水平效益。',
    report:
      '其中：（1）本级财力项目：共计5个项目，预算金额为1281.14万元，实际支付为1005.45万元，分别为：社区工资社保及工作经费项目，预算金额为469.81万元，执行金额为215.96万元，达到保障工作人员待遇，保障社区运行，更好的服务居民效益；基层监督建设补助项目，预算金额为13.50万元，执行金额为13.31万元，达到提高基层监督工作保障效益；公共美术馆、图书馆、文化馆免费开放补助项目，预算金额为24.40万元，执行金额为2.75万元，达到提高辖区居民文化活动水平效益；疫情防控补助项目，预算金额为40.72万元，执行金额为40.72万元，达到完成疫情防控工作效益；国有企业退休人员社会化管理补助项目，预算金额为732.71万元，执行金额为732.71万元，达到保障企退管理工作人员工资待遇，提高企业退管工作水平效益。',
    reason:
      'the report writes every project as “<项目名称>项目”; the seed writes three so, but adds 资金 to two names (“…补助资金项目”, and “…补助资金” without 项目) that the workbook (as the seed itself does in 一(二)) names without it',
  },
  {
    seed: '（二）指标二：预算经费：该指标预期指标值为小于等于4135.45万元，年中监控实际完成值为2582.26万元，预算调增843.04万元，本次评价预算经费4637.81万元，该指标完成率为93.16%，偏差原因：预算经费执行中因厉行节约，减少非必要支出，导致预算经费执行率未完成。',
    report:
      '（二）指标二：预算经费：该指标预期指标值为小于等于4135.45万元，年中监控实际完成值为2582.26万元，调整后指标值为4978.49万元，本次评价预算经费共计4637.81万元，该指标完成率为93.16%，偏差原因：预算经费执行中因厉行节约，减少非必要支出，导致预算经费执行率未完成。',
    reason:
      "the seed states this indicator's 调整后指标值 as an increase (“预算调增 843.04 万元”, the 年中调整数 of 一(三)2) where the workbook holds the adjusted target 4978.49 the score uses; and it leaves out the “共计” it writes for six of the eight indicators",
  },
  {
    seed: '（八）指标八：受益人员满意度：该指标预期指标值为大于等于95%，年中监控实际完成值为95%，本次评价受益人员满意度99%，该指标完成率为104.21%。',
    report: '（八）指标八：受益人员满意度：该指标预期指标值为大于等于95%，年中监控实际完成值为95%，本次评价受益人员满意度共计99%，该指标完成率为104.21%。',
    reason: 'the seed leaves out the “共计” it writes for six of the eight indicators (1, 3–7); the report writes it for all',
  },
];

let tmp: string;
let docxText: string;
let documentXml: string;

/** The text of word/document.xml, paragraph by paragraph (w:t runs joined, w:p ending a line). */
function documentText(xml: string): string {
  const paragraphs = xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return paragraphs.map((p) => (p.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? []).map((t) => unescape(t.replace(/<[^>]+>/g, ''))).join('')).join('\n');
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-report-'));
  const input = path.join(tmp, '示例.xlsx');
  fs.copyFileSync(EXAMPLE, input);
  const out: string[] = [];
  const code = await runCli(['report', input], {
    fs: nodeFileSystem,
    stdout: (t) => out.push(t),
    stderr: (t) => out.push(t),
    version: 'test',
    tempTag: () => 'test',
  });
  expect([code, out.join('')]).toEqual([0, expect.stringContaining('示例.自评报告.docx')]);
  const entries = unzipSync(new Uint8Array(fs.readFileSync(path.join(tmp, '示例.自评报告.docx'))));
  documentXml = strFromU8(entries['word/document.xml']);
  docxText = documentText(documentXml);
}, 60000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('the inconsistencies listed are really in the seed, once each', () => {
  const seed = figureSentences(goldenPart(fs.readFileSync(SEED, 'utf8')));
  for (const { seed: sentence } of SEED_INCONSISTENCIES) expect(seed.filter((s) => s === normalise(sentence))).toHaveLength(1);
});

test('the figure-bearing sentences of 一(三), 二, 三 and 四 are the seed\'s, sentence by sentence', () => {
  const replaced = new Map(SEED_INCONSISTENCIES.map((i) => [normalise(i.seed), normalise(i.report)]));
  const expected = figureSentences(goldenPart(fs.readFileSync(SEED, 'utf8'))).map((s) => replaced.get(s) ?? s);
  const actual = figureSentences(goldenPart(docxText));
  expect(actual).toEqual(expected);
  // The seed's sections 一(三)–四 hold 29 figure-bearing sentences (counted in the seed): none is skipped on either side.
  expect(expected).toHaveLength(29);
});

test('the .docx is A4 with the body in 仿宋 and the headings in 黑体, numbered as the seed', () => {
  expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  expect(documentXml).toContain('w:eastAsia="仿宋"');
  expect(documentXml).toContain('w:eastAsia="黑体"');
  const lines = docxText.split('\n');
  expect(lines[0]).toBe('高新区(新市区)二工片区管理委员会2023年度部门整体支出绩效自评报告');
  for (const heading of ['一、基本概况', '（三）部门单位整体预算规模及安排情况', '2.预算调整情况', '（1）管理制度健全性', '三、部门单位整体支出绩效分析', '（八）指标八：', '六、改进措施和建议']) {
    expect(lines).toContain(heading);
  }
  expect(docxText).not.toContain('【请填写');
});
