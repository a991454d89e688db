#!/usr/bin/env node
'use strict';
/*
 * Generates the three bundled workbooks:
 *   assets/示例-二工片区2023.xlsx  the seed report (2023, 二工片区) as a filled-in 自评表
 *   assets/模板.xlsx               the same layout without figures, plus a 填写说明 sheet
 *   assets/模板-项目支出.xlsx      the national 项目支出绩效自评表 (财预〔2020〕10号 附件):
 *                                 填写说明, a blank project sheet 项目1 and an example sheet
 *
 * The first two follow 工作簿约定 v1 (docs/workbook-contract.md): five workbook-scoped
 * defined names 预算执行, 项目支出, 绩效指标, 评分规则, 评价结果. Each project sheet of the
 * third has its own sheet-scoped 预算执行 and 绩效指标 (one evaluation per sheet; no
 * 评价结果: the form's 总分 row receives the total). Its layout is the one 插入模板 adds
 * in Excel (src/hosts/excel/template-layout.ts, projectTemplate; a test compares them).
 *
 * Usage: node scripts/make-assets.js [output-directory]   (default: assets/)
 *
 * The output is byte-for-byte reproducible: ExcelJS's zip (which stamps the
 * current time on every entry) is unpacked and packed again with fflate at a
 * fixed time, and the defined names in xl/workbook.xml are checked and, if
 * needed, rewritten to exactly the references below.
 */

const fs = require('fs');
const path = require('path');
const ExcelJS = require('exceljs');
const { unzipSync, zipSync, strFromU8, strToU8 } = require('fflate');

// ---------------------------------------------------------------------------
// Fixed values

const FIXED_DATE = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));
// Zip entry times are DOS local times; building the date from local fields
// gives 2024-01-01 00:00 in every time zone.
const ZIP_MTIME = new Date(2024, 0, 1, 0, 0, 0);
const AUTHOR = '绩效自评';

const UNIT_NAME = '高新区(新市区)二工片区管理委员会';

const FONT = '宋体';
const FMT_AMOUNT = '#,##0.00';
const FMT_PERCENT = '0.00%';
const FMT_SCORE = '0.00';
const FMT_PERCENT_WHOLE = '0%';

const FILL_HEADER = solidFill('FFD9D9D9'); // light grey
const FILL_OUTPUT = solidFill('FFFFF2CC'); // light yellow: written by 计算得分
const THIN = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const DIRECTION_LIST = '"≥,≤,=,定性"';
const REVERSE_RULE_LIST = '"偏差扣分,比值,零分"';
const YES_NO_LIST = '"是,否"';

const PROJECT_ROWS_TEMPLATE = 10;
const INDICATOR_ROWS_TEMPLATE = 20;

// ---------------------------------------------------------------------------
// Data from the seed report (000_d5d6c9d142e200a0)

const BUDGET_ROWS = [
  // label, 年初预算数, 全年预算数, 全年执行数, 分值
  ['年度资金总额', 4135.45, 4978.49, 4637.81, 10],
  ['基本支出', 2964.96, 3697.35, 3632.36, null],
  ['人员经费', null, 3556.47, null, null],
  ['公用经费', null, 140.88, null, null],
  ['项目支出', 1170.49, 1281.14, 1005.45, null],
];

const PROJECTS = [
  ['社区工资社保及工作经费', 469.81, 215.96],
  ['基层监督建设补助', 13.5, 13.31],
  ['公共美术馆、图书馆、文化馆免费开放补助', 24.4, 2.75],
  ['疫情防控补助', 40.72, 40.72],
  ['国有企业退休人员社会化管理补助', 732.71, 732.71],
];
// The example's 资金性质 and 项目效益 of each project (the seed's section 二(二)2), for the 自评报告.
const PROJECT_SOURCE = '本级财力项目';
const PROJECT_BENEFITS = [
  '保障工作人员待遇，保障社区运行，更好的服务居民',
  '提高基层监督工作保障',
  '提高辖区居民文化活动水平',
  '完成疫情防控工作',
  '保障企退管理工作人员工资待遇，提高企业退管工作水平',
];

// 报告信息 of the example: the seed report's own text (its free-text blocks, typeset line breaks removed).
const REPORT_INFO = [
  ["单位名称",
    "高新区(新市区)二工片区管理委员会"],
  ["年度",
    2023],
  ["评价类型",
    "部门整体支出"],
  ["部门主要职能",
    "主要负责党务、组织、纪检、宣传、人事、老干部等工作的规划、管理、协调和监督工作；负责文秘、档案、保密、翻译、财务、综合协调、后勤保障等工作；负责制定片区各项工作制度并监督落实；负责组织开展辖区居民的宣传、发动、服务工作；负责辖区社团组织的培育、发展和管理；负责特殊群体的帮教帮扶、解决居民困难诉求等工作；负责经济发展、民政、教育、科教、文化体育、劳动就业、社会保障、退役军人、残疾人事业等方面的服务工作；负责片区市容和环境卫生管理工作；协助做好生态环保相关工作；负责社会治理、法治建设、平安创建、群众信访、网格化管理、安全生产、应急管理、等工作；负责做好矛盾纠纷调解、普法、预防未成年人违法犯罪等工作；负责流动人口和出租房屋管理工作。"],
  ["机构设置及人员构成",
    "高新区(新市区）二工街道办事处，属于财政全额拨款行政单位，为副县级，由高新区（新市区）机构编制委员会办公室批准注册登记，单位负责人：邵立锋。下设6个处室，设置“两办四中心”分别是：党建办公室、综合协调办公室、党群服务中心、社会事务（统计）服务中心（退役军人服务站）、防疫专员办公室（公共卫生服务指导中心）、治理中心（网格化服务中心）;另设置综合行政执法队；下辖9个社区工作委员会。\n二工片区管理委员会编制数125人，行政编制16名，事业编制109名，领导职数6名。2023年单位实有人数189人，其中：在职人员189人。"],
  ["年度重点工作",
    "2023年，二工片区坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实党的二十大精神，紧紧围绕贯彻市委、区委全会精神和各项部署要求，扎实推进全乡各项工作。\n扎实开展主题教育活动。开展深入学习和专题讨论20场次。全年计划发展党员21人，递交入党申请书166人、入党积极分子68人、预备党员20人。共处理民生热线425条、人民网领导留言板35条、网络舆情督办单73条。为灵活就业人员申请社保补贴近164万元，解决就业困难人员52人。发放残疾人各类补贴2.5万元，为20户困难残疾人家庭完成无障碍设施改造。完成退役军人建档立卡2501人，发放优抚对象各类资金283.63万元。为辖区0-6岁儿童发放哺育工程牛奶45.54万袋。组织开展群众文化活动3场，平均参与人数49人。做好数字化城管工作和“12345”工作。共开展44次环境卫生大扫除活动，清理卫生死角527处。开展党建引领物业示范小区3个。办理保障房32套。做好计生计免工作。发放计划生育家庭一次性奖励金共计35.15万元，办理生育服务证141个，光荣证75个，开展了两轮脊髓灰质炎疫苗查漏补种工作。目前已组织献血197人，完成率131%。做好全民体检工作。"],
  ["预算安排情况说明",
    "综上所述，部门预算安排与单位职能关联度较高，预算安排结构清晰明了，能够直观展示各项费用的分配情况，预算规模合理，为单位的稳健发展和高效运行提供了有力保障。"],
  ["预算调整情况说明",
    "综上所述，年中预算调整幅度与单位运转情况和履职情况相匹配，未出现资金收支不平衡以及债务风险等负面影响，确保了预算调整的合理性和必要性。"],
  ["预算执行情况说明",
    "综上所述，本年度在执行预算过程中不存在闲置、浪费或挪用等情况，执行预算在预期可控范围内，严格按照项目进度支付资金，不存在超进度付款情况，资金支出方向合理，资金支出流程规范。"],
  ["基本支出主要用途",
    "支付人员经费及单位日常的办公费、办公取暖费、劳务费、车辆运行维护费等。公务用车运行维护费主要用于单位车辆加油、维修及购买车辆保险等地方"],
  ["项目支出主要用途",
    "纪检监察事务、公共图书馆等免费开放项目、社区工作经费、疫情补助、退管人员工资社保业务等"],
  ["基本支出管理情况",
    "基本支出严格按照财务管理制度执行。人员工资由编办、人社局、社保局、医保局、住房公积金管理办公室及财政局等部门逐个审核，按月申报及发放。基本公用经费用于支付办公室日常的邮电费、办公用品、办公耗材款等，公务用车运行维护费主要用于车辆加油、维修及购买车辆保险。"],
  ["管理制度",
    "本单位从预算收支管理、资产管理、政府采购管理、合同管理等方面，健全和完善单位财务管理制度、坚定实施各项内部控制制度；为加强预算管理，规范财务行为，已制定《二工片区管委会预算绩效管理工作实施办法》、《二工片区管委会财务管理制度》等健全完整的各项管理制度，有效保障了我单位高效的履行工作职能，较好的促进事业发展。"],
  ["资金使用合规性",
    "部门预算资金使用符合国家法规和财务管理制度；预算资金拨付有完整的审批程序和手续，符合项目预算批复或合同规定的用途；不存在截留、挤占、挪用、虚列支出等情况，确保我单位预算资金规范运行。"],
  ["存在的主要问题",
    "部门整体绩效预期目标值完成不理想，经费和项目资金未完成，绩效管理经验不足，预算绩效管理工作有待进一步落实。\n绩效指标的明确性、可衡量性、相关性还需进一步提升。\n预算精细化管理还需完善，预算编制管理水平仍有进一步提升的空间。\n缺少带着问题去评价的意识，后续效益评价具体措施和方法不足。"],
  ["改进措施",
    "强化年初预算工作，切实提高财政资源配置效率，提升财政资金使用效益，并提高预算绩效管理工作的质量和水平。\n加大绩效工作宣传力度，强化绩效理念。完善绩效指标，提高整体绩效目标质量。提升预算精细化管理水平。继续完善预算绩效管理相关工作制度，建立全过程预算绩效管理链条，有效贯彻落实全面实施绩效管理的精神。"],
  ["建议",
    "加强预算绩效目标管理工作。明确预算项目绩效目标编制要求，分类别建立科学合理、细化量化、可比可测预算绩效指标体系，突出结果导向，重点考核实绩。加强绩效业务学习及培训，提高业务人员绩效管理意识，进一步加强预算绩效管理工作，优化项目支出绩效指标体系，完善预算绩效管理制度，有效推动我单位下一年度预算绩效管理工作常态化、规范化。通过强化专业培训、学习考察、业务交流等措施，帮助和促进本单位现有人员提高绩效管理业务水平、实际工作能力。强化预算绩效执行工作，指定专人负责预算执行监督管理，进一步推动预算绩效管理工作。绩效评价工作应从源头抓起，评价工作和意识应贯穿绩效的整个过程。借助第三方专业机构力量，贯彻落实全面预算绩效管理工作，建立全过程预算绩效管理链条，将绩效各个环节紧密贯通。"]
];

const PROJECT_BUDGET_TOTAL = 1281.14;
const PROJECT_ACTUAL_TOTAL = 1005.45;

// Percent-unit values (年中监控值, 实际完成值) are ratios in cells formatted 0.00%.
const INDICATORS = [
  {
    level1: '产出指标', level2: '成本指标', name: '公务用车经费下降率',
    op: '≥', target: 5, unit: '%', adjusted: null, midYear: 0, actual: 0, weight: 8, targetText: '≥5%',
    reason: '由于油价上涨及车辆老旧，公务用车经费预算4.31万元，全部使用，未能下降。',
    measure: '严格执行公务用车制度，合理使用车辆，减少非必要用车。',
  },
  {
    level1: '产出指标', level2: '成本指标', name: '预算经费',
    op: '≤', target: 4135.45, unit: '万元', adjusted: 4978.49, midYear: 2582.26, actual: 4637.81, weight: 12, targetText: '≤4135.45万元',
    reason: '预算经费执行中因厉行节约，减少非必要支出，导致预算经费执行率未完成。',
    measure: '提高预算编制水平，精准制定预算，严格执行预算指标。',
  },
  {
    level1: '产出指标', level2: '时效指标', name: '项目支出预算执行率',
    op: '≥', target: 100, unit: '%', adjusted: null, midYear: 0.4387, actual: 0.7848, weight: 12,
    reason: '部分项目在审批中，未能完全支付完成。',
    measure: '及时走支付审批流程，及时完成项目支出。',
  },
  {
    level1: '产出指标', level2: '时效指标', name: '政府采购执行率',
    op: '≥', target: 100, unit: '%', adjusted: null, midYear: 0.2032, actual: 1, weight: 8,
    reason: null, measure: null,
  },
  {
    level1: '产出指标', level2: '质量指标', name: '12345热线事件办结率',
    op: '≥', target: 100, unit: '%', adjusted: null, midYear: 0.9962, actual: 0.9993, weight: 10,
    reason: '偏差较小。',
    measure: '继续加强服务意识，及时办结处理热线案件。',
  },
  {
    level1: '产出指标', level2: '质量指标', name: '信访案件受理率',
    op: '≥', target: 100, unit: '%', adjusted: null, midYear: 1, actual: 1, weight: 15,
    reason: null, measure: null,
  },
  {
    level1: '效益指标', level2: '社会效益指标', name: '解决就业人数',
    op: '≥', target: 100, unit: '人', adjusted: null, midYear: 15, actual: 52, weight: 15,
    reason: '本年度未能完成就业困难人员就业任务。',
    measure: '合理制定目标，继续加强就业服务宣传，提高就业解决人数。',
  },
  {
    level1: '满意度指标', level2: '服务对象满意度指标', name: '受益人员满意度',
    op: '≥', target: 95, unit: '%', adjusted: null, midYear: 0.95, actual: 0.99, weight: 10, targetText: '≥95%',
    reason: null, measure: null,
  },
];

// 评分规则 defaults (label, value, number format, dropdown list, note)
const RULES = [
  ['预算执行率分值', 10, null, null, '预算执行率指标的分值；“预算执行”表分值列留空时使用'],
  ['优', 90, null, null, '总分不低于此值为“优”'],
  ['良', 80, null, null, '总分不低于此值为“良”'],
  ['中', 60, null, null, '总分不低于此值为“中”，否则为“差”'],
  ['小数位数', 2, null, null, '得分保留的小数位数（四舍五入）'],
  ['反向指标超标记分', '偏差扣分', null, REVERSE_RULE_LIST, '偏差扣分、比值或零分'],
  ['偏离度预警阈值', 0.3, FMT_PERCENT_WHOLE, null, '完成值超出指标值该比例以上时提示说明原因'],
  ['完成率先舍入', '否', null, YES_NO_LIST, '“是”：先将完成率、执行率舍入再计算得分'],
];

// 评价结果 labels and the number format of their value cell
const RESULTS = [
  ['预算执行率', FMT_PERCENT],
  ['预算执行率得分', FMT_SCORE],
  ['指标得分合计', FMT_SCORE],
  ['总分', FMT_SCORE],
  ['满分', FMT_SCORE],
  ['评价等级', null],
  ['预算调整率', FMT_PERCENT],
  ['基本支出执行率', FMT_PERCENT],
  ['项目支出执行率', FMT_PERCENT],
  ['提示', null],
];

const INSTRUCTIONS = [
  ['填写说明', 'title'],
  ['本模板用于部门整体支出绩效自评计分。计分程序（Excel 任务窗格、网页或命令行）只通过五个工作簿级名称找到表格：预算执行、项目支出、绩效指标、评分规则、评价结果（公式 → 名称管理器）。请勿删除或重命名这些名称；工作表名称、位置可以修改。', 'text'],
  ['一、需要填写的内容', 'head'],
  ['1. “预算执行”表：按万元填写年度资金总额及基本支出、人员经费、公用经费、项目支出的年初预算数、全年预算数（调整后）、全年执行数。“年度资金总额”行必须填写全年预算数和全年执行数；分值留空时取“评分规则”中的预算执行率分值（默认 10 分）。', 'text'],
  ['2. “项目支出明细”：逐项填写项目名称、全年预算数、全年执行数（可不填）。合计行为公式，不参与计分。', 'text'],
  ['3. “绩效指标”表：每行一个三级指标，填写指标性质、指标值、度量单位、实际完成值和分值；一级指标、二级指标可合并单元格。指标年中调整过的，在“调整后指标值”中填写调整后的数值，计分时以它代替指标值。需要人工认定得分的，填写“人工得分”。', 'text'],
  ['4. 预算执行率分值与各指标分值合计应为 100 分。', 'text'],
  ['二、指标性质', 'head'],
  ['≥：正向指标，完成值不低于指标值得满分，否则按 完成值 ÷ 指标值 × 分值 计分。', 'text'],
  ['≤：反向指标，完成值不超过指标值得满分；超出时按“评分规则”中的“反向指标超标记分”扣分。', 'text'],
  ['=：等于指标，指标值大于 0 时按正向指标计分；指标值为 0 时完成值不大于 0 得满分，否则 0 分。', 'text'],
  ['定性：实际完成值填写“达成年度指标”“部分达成年度指标并具有一定效果”或“未达成年度指标且效果较差”，可在“人工得分”中填写该档次区间内的得分。', 'text'],
  ['指标值也可以直接写成表达式，如“≥95%”“≤4135.45万元”“不少于100人”，此时指标性质可以不填。', 'text'],
  ['三、百分数的填写', 'head'],
  ['度量单位为 % 时，实际完成值可在百分比格式的单元格中输入 99%（即 0.99），也可以输入文本“99%”，或输入普通数字 99（表示 99%）。不要在常规格式的单元格中输入 0.99 表示 99%。', 'text'],
  ['四、计算得分', 'head'],
  ['填写完成后，在 Excel 任务窗格或网页中点击“计算得分”（也可使用命令行 selfeval score）。程序只写入浅黄色底纹的输出单元格（执行率、得分、调整率、完成率、计算说明及“评价结果”数值列），请勿在这些单元格中输入公式。', 'text'],
  ['如有任何错误，程序不写入任何内容，并逐条列出出错的单元格，例如 \'绩效指标\'!E5；提示类信息不影响计分，请逐条核对。', 'text'],
  ['“绩效指标”表的“年中监控值”只用于生成自评报告，不参与计分。表格中可以增加自己的列（如“备注”），程序不读取也不改写这些列。在表格中间插入行时名称范围会自动扩展；在表格末尾追加行时，请在名称管理器中修改名称的引用范围。', 'text'],
];

// ---------------------------------------------------------------------------
// Styling helpers

function solidFill(argb) {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { indexed: 64 } };
}

function font(extra) {
  return { name: FONT, size: 11, ...extra };
}

function pageSetup(ws) {
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
}

function setWidths(ws, widths) {
  // Note: ExcelJS drops a width of exactly 9 as "default"; avoid it.
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
}

function addTitle(ws, text, lastCol) {
  const cell = ws.getCell(1, 1);
  cell.value = text;
  cell.font = font({ size: 16, bold: true });
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.mergeCells(1, 1, 1, lastCol);
  ws.getRow(1).height = 32;
}

function addSubtitle(ws, row, text, lastCol) {
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = font();
  cell.alignment = { horizontal: 'left', vertical: 'middle' };
  if (lastCol > 1) ws.mergeCells(row, 1, row, lastCol);
  ws.getRow(row).height = 20;
}

function addSection(ws, row, text) {
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = font({ size: 12, bold: true });
  cell.alignment = { vertical: 'middle' };
  ws.getRow(row).height = 20;
}

/** Header row: bold, grey, centred, wrapped, bordered. */
function addHeader(ws, row, labels, height) {
  labels.forEach((label, i) => {
    const cell = ws.getCell(row, i + 1);
    cell.value = label;
    cell.font = font({ bold: true });
    cell.fill = FILL_HEADER;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  ws.getRow(row).height = height || 30;
}

/**
 * Body cells of a table: font and border on every cell of the block, then the
 * per-column alignment and number format.
 * columns[i] = { align, wrap, numFmt, output }
 */
function styleBody(ws, firstRow, lastRow, columns) {
  for (let r = firstRow; r <= lastRow; r++) {
    columns.forEach((col, i) => {
      const cell = ws.getCell(r, i + 1);
      cell.font = font();
      cell.border = BORDER;
      cell.alignment = {
        horizontal: col.align || 'left',
        vertical: 'middle',
        wrapText: Boolean(col.wrap),
      };
      if (col.numFmt) cell.numFmt = col.numFmt;
      if (col.output) cell.fill = FILL_OUTPUT;
    });
  }
}

function setListValidation(ws, firstRow, lastRow, col, list, prompt) {
  // One range entry (not one per cell): ExcelJS's per-cell optimiser sorts
  // addresses as strings and can emit overlapping ranges (D10:D11 and D4:D11).
  const letter = ws.getColumn(col).letter;
  const ref = firstRow === lastRow ? `${letter}${firstRow}` : `${letter}${firstRow}:${letter}${lastRow}`;
  ws.dataValidations.add(ref, {
    type: 'list',
    allowBlank: true,
    formulae: [list],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '输入无效',
    error: prompt,
  });
}

function setIfPresent(cell, value) {
  if (value !== null && value !== undefined) cell.value = value;
}

// ---------------------------------------------------------------------------
// Sheets

function buildInstructionsSheet(wb) {
  const ws = wb.addWorksheet('填写说明', { properties: { tabColor: { argb: 'FF5B9BD5' } } });
  ws.getColumn(1).width = 110;
  INSTRUCTIONS.forEach(([text, kind], i) => {
    const row = i + 1;
    const cell = ws.getCell(row, 1);
    cell.value = text;
    if (kind === 'title') {
      cell.font = font({ size: 16, bold: true });
      cell.alignment = { horizontal: 'center', vertical: 'middle' };
      ws.getRow(row).height = 32;
    } else if (kind === 'head') {
      cell.font = font({ size: 12, bold: true });
      cell.alignment = { vertical: 'middle' };
      ws.getRow(row).height = 22;
    } else {
      cell.font = font();
      cell.alignment = { vertical: 'top', wrapText: true };
      // ~50 full-width characters per line at width 110
      ws.getRow(row).height = 16 * Math.max(1, Math.ceil(text.length / 50)) + 4;
    }
  });
  pageSetup(ws);
  ws.pageSetup.orientation = 'portrait';
  return ws;
}

/** Sheet 预算执行: budget execution (A4:H9) and the project list below it. */
function buildBudgetSheet(wb, example) {
  const ws = wb.addWorksheet('预算执行');
  setWidths(ws, [38, 14, 14, 14, 8, 12, 10, 12]);
  const year = example ? '2023' : '____';
  addTitle(ws, `${year}年度部门整体支出绩效自评表——预算执行情况`, 8);
  const unit = example ? UNIT_NAME : '________________________';
  addSubtitle(ws, 2, `单位：${unit}　　金额单位：万元`, 8);

  // Budget execution, header row 4, rows 5–9
  addHeader(ws, 4, ['资金项目', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', '调整率']);
  styleBody(ws, 5, 9, [
    { wrap: true },
    { align: 'right', numFmt: FMT_AMOUNT },
    { align: 'right', numFmt: FMT_AMOUNT },
    { align: 'right', numFmt: FMT_AMOUNT },
    { align: 'center' },
    { align: 'right', numFmt: FMT_PERCENT, output: true },
    { align: 'right' }, // 得分: total row only (G5)
    { align: 'right', numFmt: FMT_PERCENT, output: true },
  ]);
  ws.getCell('G5').numFmt = FMT_SCORE;
  ws.getCell('G5').fill = FILL_OUTPUT;
  BUDGET_ROWS.forEach(([label, initial, budget, actual, weight], i) => {
    const r = 5 + i;
    ws.getCell(r, 1).value = label;
    if (example) {
      setIfPresent(ws.getCell(r, 2), initial);
      setIfPresent(ws.getCell(r, 3), budget);
      setIfPresent(ws.getCell(r, 4), actual);
    }
    setIfPresent(ws.getCell(r, 5), weight);
  });
  ws.getCell('A5').font = font({ bold: true });
  // Breakdown rows indented under their parents
  ws.getCell('A7').alignment = { horizontal: 'left', vertical: 'middle', indent: 2 };
  ws.getCell('A8').alignment = { horizontal: 'left', vertical: 'middle', indent: 2 };

  // Project list, header row 12
  addSection(ws, 11, '项目支出明细');
  const projectHeaders = ['项目名称', '全年预算数', '全年执行数', '执行率', ...(example ? ['资金性质', '项目效益'] : [])];
  addHeader(ws, 12, projectHeaders);
  const projects = example ? PROJECTS : Array.from({ length: PROJECT_ROWS_TEMPLATE }, () => [null, null, null]);
  const first = 13;
  const last = first + projects.length - 1;
  const total = last + 1;
  styleBody(ws, first, total, [
    { wrap: true },
    { align: 'right', numFmt: FMT_AMOUNT },
    { align: 'right', numFmt: FMT_AMOUNT },
    { align: 'right', numFmt: FMT_PERCENT, output: true },
    ...(example ? [{ align: 'center' }, { wrap: true }] : []),
  ]);
  projects.forEach(([name, budget, actual], i) => {
    const r = first + i;
    setIfPresent(ws.getCell(r, 1), name);
    setIfPresent(ws.getCell(r, 2), budget);
    setIfPresent(ws.getCell(r, 3), actual);
    if (example) {
      ws.getCell(r, 5).value = PROJECT_SOURCE;
      ws.getCell(r, 6).value = PROJECT_BENEFITS[i];
    }
  });
  const budgetTotal = example ? PROJECT_BUDGET_TOTAL : 0;
  const actualTotal = example ? PROJECT_ACTUAL_TOTAL : 0;
  ws.getCell(total, 1).value = '合计';
  ws.getCell(total, 1).font = font({ bold: true });
  ws.getCell(total, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getCell(total, 2).value = { formula: `SUM(B${first}:B${last})`, result: budgetTotal };
  ws.getCell(total, 3).value = { formula: `SUM(C${first}:C${last})`, result: actualTotal };
  ws.getCell(total, 4).value = {
    formula: `IF(B${total}=0,"",C${total}/B${total})`,
    result: budgetTotal === 0 ? '' : actualTotal / budgetTotal,
  };
  // The 合计 row is the user's formula row, not an output: no output fill.
  for (let c = 1; c <= 4; c++) ws.getCell(total, c).fill = solidFill('FFF2F2F2');

  pageSetup(ws);
  return {
    ws,
    names: {
      预算执行: "'预算执行'!$A$4:$H$9",
      项目支出: `'预算执行'!$A$12:$${example ? 'F' : 'D'}$${total}`,
    },
  };
}

/** Sheet 绩效指标: header row 3, one indicator per row. */
function buildIndicatorSheet(wb, example) {
  const ws = wb.addWorksheet('绩效指标', { views: [{ state: 'frozen', xSplit: 3, ySplit: 3, topLeftCell: 'D4' }] });
  const headers = [
    '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '调整后指标值', '年中监控值',
    '实际完成值', '分值', '人工得分', '完成率', '得分', '计算说明', '偏差原因', '改进措施',
  ];
  setWidths(ws, [11, 13, 24, 10, 11, 10, 12, 12, 12, 7, 10, 11, 10, 44, 36, 36]);
  const year = example ? '2023' : '____';
  addTitle(ws, `${year}年度部门整体支出绩效自评表——绩效指标完成情况`, headers.length);
  const unit = example ? UNIT_NAME : '________________________';
  addSubtitle(ws, 2, `单位：${unit}　　金额单位：万元`, headers.length);
  addHeader(ws, 3, headers);

  const rows = example ? INDICATORS : Array.from({ length: INDICATOR_ROWS_TEMPLATE }, () => null);
  const first = 4;
  const last = first + rows.length - 1;
  styleBody(ws, first, last, [
    { align: 'center', wrap: true }, // 一级指标
    { align: 'center', wrap: true }, // 二级指标
    { wrap: true }, // 三级指标
    { align: 'center' }, // 指标性质
    { align: 'right' }, // 指标值
    { align: 'center' }, // 度量单位
    { align: 'right' }, // 调整后指标值
    { align: 'right' }, // 年中监控值
    { align: 'right' }, // 实际完成值
    { align: 'center' }, // 分值
    { align: 'right', numFmt: FMT_SCORE }, // 人工得分
    { align: 'right', numFmt: FMT_PERCENT, output: true }, // 完成率
    { align: 'right', numFmt: FMT_SCORE, output: true }, // 得分
    { wrap: true, output: true }, // 计算说明
    { wrap: true }, // 偏差原因
    { wrap: true }, // 改进措施
  ]);

  if (example) {
    rows.forEach((ind, i) => {
      const r = first + i;
      const valueFmt = ind.unit === '%' ? FMT_PERCENT : ind.unit === '万元' ? FMT_AMOUNT : null;
      ws.getCell(r, 3).value = ind.name;
      ws.getCell(r, 4).value = ind.op;
      // A target the seed states with its operator (大于等于 5%) is written as such an expression.
      ws.getCell(r, 5).value = ind.targetText || ind.target;
      if (ind.unit === '万元' && !ind.targetText) ws.getCell(r, 5).numFmt = FMT_AMOUNT;
      ws.getCell(r, 6).value = ind.unit;
      if (ind.adjusted !== null) {
        ws.getCell(r, 7).value = ind.adjusted;
        ws.getCell(r, 7).numFmt = FMT_AMOUNT;
      }
      ws.getCell(r, 8).value = ind.midYear;
      ws.getCell(r, 9).value = ind.actual;
      if (valueFmt) {
        ws.getCell(r, 8).numFmt = valueFmt;
        ws.getCell(r, 9).numFmt = valueFmt;
      }
      ws.getCell(r, 10).value = ind.weight;
      setIfPresent(ws.getCell(r, 15), ind.reason);
      setIfPresent(ws.getCell(r, 16), ind.measure);
      ws.getRow(r).height = 45;
    });
    // 一级指标 / 二级指标: value in the top cell, merged over the group.
    mergeGroups(ws, first, rows.map((ind) => ind.level1), 1);
    mergeGroups(ws, first, rows.map((ind) => `${ind.level1}\u0000${ind.level2}`), 2, rows.map((ind) => ind.level2));
  } else {
    for (let r = first; r <= last; r++) ws.getRow(r).height = 20;
  }
  setListValidation(ws, first, last, 4, DIRECTION_LIST, '请选择 ≥、≤、= 或 定性');

  pageSetup(ws);
  ws.pageSetup.printTitlesRow = '3:3';
  return { ws, names: { 绩效指标: `'绩效指标'!$A$3:$P$${last}` } };
}

/**
 * Writes each run of equal keys once, in its top cell, and merges the run
 * vertically in column col. labels (default keys) are the texts written.
 */
function mergeGroups(ws, firstRow, keys, col, labels) {
  const texts = labels || keys;
  let start = 0;
  for (let i = 1; i <= keys.length; i++) {
    if (i === keys.length || keys[i] !== keys[start]) {
      ws.getCell(firstRow + start, col).value = texts[start];
      if (i - 1 > start) ws.mergeCells(firstRow + start, col, firstRow + i - 1, col);
      start = i;
    }
  }
}

/** Sheet 评价结果: 评分规则 (A4:B11) and 评价结果 (A14:B23). */
function buildResultSheet(wb, example) {
  const ws = wb.addWorksheet('评价结果');
  setWidths(ws, [22, 16, 48]);
  addTitle(ws, '评分规则与评价结果', 3);
  const unit = example ? UNIT_NAME : '________________________';
  addSubtitle(ws, 2, `单位：${unit}`, 3);

  addSection(ws, 3, '评分规则');
  const rulesFirst = 4;
  const rulesLast = rulesFirst + RULES.length - 1;
  styleBody(ws, rulesFirst, rulesLast, [{}, { align: 'center' }]);
  RULES.forEach(([label, value, numFmt, list, note], i) => {
    const r = rulesFirst + i;
    ws.getCell(r, 1).value = label;
    ws.getCell(r, 2).value = value;
    if (numFmt) ws.getCell(r, 2).numFmt = numFmt;
    if (list) setListValidation(ws, r, r, 2, list, `请选择 ${list.replace(/"/g, '').replace(/,/g, '、')}`);
    // Explanations beside the range (column C, outside the name)
    const noteCell = ws.getCell(r, 3);
    noteCell.value = note;
    noteCell.font = font({ size: 9, color: { argb: 'FF7F7F7F' } });
    noteCell.alignment = { vertical: 'middle', wrapText: true };
  });

  addSection(ws, 13, '评价结果');
  const resultsFirst = 14;
  const resultsLast = resultsFirst + RESULTS.length - 1;
  styleBody(ws, resultsFirst, resultsLast, [{}, { align: 'center', output: true }]);
  RESULTS.forEach(([label, numFmt], i) => {
    const r = resultsFirst + i;
    ws.getCell(r, 1).value = label;
    if (numFmt) ws.getCell(r, 2).numFmt = numFmt;
    if (label === '评价等级') {
      ws.getCell(r, 1).font = font({ bold: true });
      ws.getCell(r, 2).font = font({ bold: true, size: 12 });
    }
    if (label === '总分') ws.getCell(r, 1).font = font({ bold: true });
  });

  pageSetup(ws);
  ws.pageSetup.orientation = 'portrait';
  return {
    ws,
    names: {
      评分规则: `'评价结果'!$A$${rulesFirst}:$B$${rulesLast}`,
      评价结果: `'评价结果'!$A$${resultsFirst}:$B$${resultsLast}`,
    },
  };
}

// ---------------------------------------------------------------------------
// Workbook and file

/** Sheet 报告信息 (the example only): the facts and free-text blocks of the 自评报告, label | text. */
function buildReportInfoSheet(wb) {
  const ws = wb.addWorksheet('报告信息');
  setWidths(ws, [22, 100]);
  addTitle(ws, '自评报告信息（生成自评报告时使用，不参与计分）', 2);
  addHeader(ws, 2, ['项目', '内容']);
  const first = 3;
  const last = first + REPORT_INFO.length - 1;
  styleBody(ws, first, last, [{ wrap: true }, { wrap: true }]);
  REPORT_INFO.forEach(([label, text], i) => {
    const r = first + i;
    ws.getCell(r, 1).value = label;
    ws.getCell(r, 2).value = text;
    // Rows tall enough for the text (about 50 characters a line at width 100).
    const lines = String(text).split('\n').reduce((n, p) => n + Math.max(1, Math.ceil(p.length / 50)), 0);
    ws.getRow(r).height = Math.max(20, 15 * lines);
  });
  pageSetup(ws);
  return { ws, names: { 报告信息: `'报告信息'!$A$${first}:$B$${last}` } };
}

function buildWorkbook(example) {
  const wb = new ExcelJS.Workbook();
  wb.creator = AUTHOR;
  wb.lastModifiedBy = AUTHOR;
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.title = example ? '2023年度部门整体支出绩效自评表（二工片区）' : '部门整体支出绩效自评表模板';

  if (!example) buildInstructionsSheet(wb);
  const names = {
    ...buildBudgetSheet(wb, example).names,
    ...buildIndicatorSheet(wb, example).names,
    ...buildResultSheet(wb, example).names,
    ...(example ? buildReportInfoSheet(wb).names : {}),
  };
  for (const [name, ref] of Object.entries(names)) wb.definedNames.add(ref, name);
  return { wb, names };
}

const DEFINED_NAME_RE = /<definedName\b([^>]*)>([^<]*)<\/definedName>/g;

function unescapeXml(s) {
  return s
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function escapeXml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Parses the <definedName> elements of xl/workbook.xml. */
function readDefinedNames(xml) {
  const out = [];
  for (const m of xml.matchAll(DEFINED_NAME_RE)) {
    const name = /\bname="([^"]*)"/.exec(m[1]);
    out.push({
      raw: m[0],
      name: name ? unescapeXml(name[1]) : '',
      local: /\blocalSheetId=/.test(m[1]),
      ref: unescapeXml(m[2]),
    });
  }
  return out;
}

/**
 * Makes sure each contract name is one workbook-scoped <definedName> with the
 * exact reference; other names (print titles) are kept as ExcelJS wrote them.
 */
function fixDefinedNames(xml, names) {
  const present = readDefinedNames(xml);
  const ok = Object.entries(names).every(([name, ref]) => {
    const found = present.filter((d) => d.name === name);
    return found.length === 1 && !found[0].local && found[0].ref === ref;
  });
  if (ok) return xml;
  const others = present.filter((d) => !(d.name in names)).map((d) => d.raw);
  const ours = Object.entries(names).map(
    ([name, ref]) => `<definedName name="${escapeXml(name)}">${escapeXml(ref)}</definedName>`,
  );
  const block = `<definedNames>${ours.concat(others).join('')}</definedNames>`;
  if (/<definedNames>[\s\S]*?<\/definedNames>|<definedNames\/>/.test(xml)) {
    return xml.replace(/<definedNames>[\s\S]*?<\/definedNames>|<definedNames\/>/, block);
  }
  // No block yet: it goes after <sheets> (CT_Workbook element order).
  return xml.replace('</sheets>', `</sheets>${block}`);
}

async function writeWorkbook(example, file) {
  const { wb, names } = buildWorkbook(example);
  const buffer = await wb.xlsx.writeBuffer();
  const entries = unzipSync(new Uint8Array(buffer));

  const workbookXml = strFromU8(entries['xl/workbook.xml']);
  const fixed = fixDefinedNames(workbookXml, names);
  if (fixed !== workbookXml) {
    entries['xl/workbook.xml'] = strToU8(fixed);
    console.log(`  ${path.basename(file)}: defined names rewritten in xl/workbook.xml`);
  }
  // Check the result whatever happened above.
  const check = readDefinedNames(fixed);
  for (const [name, ref] of Object.entries(names)) {
    const found = check.filter((d) => d.name === name);
    if (found.length !== 1 || found[0].local || found[0].ref !== ref) {
      throw new Error(`defined name ${name} is not ${ref} in ${file}`);
    }
  }

  // Repack at a fixed time, keeping ExcelJS's entry order ([Content_Types].xml first).
  const ordered = {};
  for (const key of Object.keys(entries)) {
    if (key.endsWith('/')) continue; // directory entries
    ordered[key] = [entries[key], { mtime: ZIP_MTIME, level: 6 }];
  }
  const zipped = zipSync(ordered, { mtime: ZIP_MTIME });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, zipped);
  return names;
}

// ---------------------------------------------------------------------------
// 模板-项目支出.xlsx: the national 项目支出绩效自评表, one sheet per project

const PROJECT_BLANK_SHEET = '项目1';
const PROJECT_EXAMPLE_SHEET = '示例-社区工资社保';
const DASH = '—';
const FUND_LABELS = ['年度资金总额', '其中：当年财政拨款', '上年结转资金', '其他资金'];
const FUND_HEADERS = ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'];
const PROJECT_INDICATOR_HEADERS = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];

// The blank form's rows: the 二级指标 of each 一级指标, as the national form lists them.
const BLANK_FORM_ROWS = [
  ['产出指标', '数量指标'], ['产出指标', '数量指标'], ['产出指标', '质量指标'], ['产出指标', '质量指标'],
  ['产出指标', '时效指标'], ['产出指标', '成本指标'],
  ['效益指标', '经济效益指标'], ['效益指标', '社会效益指标'], ['效益指标', '社会效益指标'], ['效益指标', '生态效益指标'],
  ['效益指标', '可持续影响指标'],
  ['满意度指标', '服务对象满意度指标'], ['满意度指标', '服务对象满意度指标'],
].map(([level1, level2]) => ({ level1, level2 }));

// 社区工资社保及工作经费项目 of the seed report (469.81 budget, 215.96 executed); the
// indicators are made up for such a project. Scores 93.17, 优 (docs/workbook-contract.md).
const EXAMPLE_PROJECT = {
  title: '社区工资社保及工作经费项目',
  funds: [
    [null, 469.81, 215.96],
    [null, 469.81, 215.96],
    [null, null, null],
    [null, null, null],
  ],
  goals: ['保障社区工作人员工资社保按时足额发放，保障社区正常运转，更好地服务居民。', '工资社保按月发放，部分经费在审批中，未能全部支付。'],
  rows: [
    { level1: '产出指标', level2: '数量指标', name: '保障社区工作人员人数', target: '≥120人', actual: '118人', weight: 15, reason: '年中2人离职，岗位正在招聘。' },
    { level1: '产出指标', level2: '数量指标', name: '覆盖社区个数', target: '=8个', actual: 8, weight: 10 },
    { level1: '产出指标', level2: '质量指标', name: '工资社保足额发放率', target: '100%', actual: '100%', weight: 10 },
    { level1: '产出指标', level2: '时效指标', name: '工资按月发放及时率', target: '≥95%', actual: 0.9167, actualFormat: FMT_PERCENT, weight: 10, reason: '12月工资因审批延后发放；下年提前办理审批。' },
    { level1: '产出指标', level2: '成本指标', name: '人均工资社保经费', target: '≤3.9万元', actual: 3.85, weight: 5 },
    { level1: '效益指标', level2: '社会效益指标', name: '社区服务事项办结率', target: '≥90%', actual: '85%', weight: 15, reason: '部分事项需跨部门办理；建立限时办结台账。' },
    { level1: '效益指标', level2: '可持续影响指标', name: '社区工作队伍稳定性', target: '保持稳定', actual: '达成年度指标', weight: 15 },
    { level1: '满意度指标', level2: '服务对象满意度指标', name: '社区居民满意度', target: '≥90%', actual: '92%', weight: 10 },
  ],
};

const PROJECT_INSTRUCTIONS = [
  ['填写说明（项目支出绩效自评表）', 'title'],
  ['本模板按财政部《项目支出绩效评价管理办法》（财预〔2020〕10号）附件“项目支出绩效自评表”的表式制作，一个项目一张工作表。计分程序（Excel 任务窗格、网页或命令行）通过每张项目表自己的两个名称找到表格：预算执行（项目资金 A5:H9）和绩效指标（A12 到“总分”行），名称的范围是该工作表（公式 → 名称管理器中“范围”一列显示工作表名）。', 'text'],
  ['一、增加项目', 'head'],
  ['每个项目一张表：右键点工作表标签 → 移动或复制 → 勾选“建立副本”。Excel 和 WPS 会连同该表的两个名称一起复制，新表就是一个新的评价，无需再设名称。“示例-社区工资社保”是填好的示例（资金数据取自二工片区 2023 年度自评报告，绩效指标为示意），不需要时请删除该表，否则它也会被计分。', 'text'],
  ['二、需要填写的内容', 'head'],
  ['1. 项目资金（万元）：年度资金总额及其中当年财政拨款、上年结转资金、其他资金的年初预算数、全年预算数、全年执行数；年度资金总额行的分值为 10。执行率和得分由程序填写。', 'text'],
  ['2. 绩效指标：每行一个三级指标，填写年度指标值（如“≥95%”“≤3.9万元”“100人”或定性表述）、实际完成值和分值；产出指标、效益指标、满意度指标一般为 50、30、10 分。得分和最后一行“总分”的得分由程序填写；“总分”单元格中若是您自己的公式，程序不改写，只核对结果。', 'text'],
  ['3. 定性指标的实际完成值填写“达成年度指标”“部分达成年度指标并具有一定效果”或“未达成年度指标且效果较差”。“偏差原因分析及改进措施”一列写未完成的原因和措施。', 'text'],
  ['三、计算得分', 'head'],
  ['在 Excel 任务窗格或网页中点击“计算得分”（也可使用命令行 selfeval score），每张项目表各得一个总分和评价等级；工作簿中还有部门整体支出的表格时，一并计分。如有任何错误，程序不写入任何内容，并逐条列出出错的单元格。', 'text'],
];

/** One project sheet of the national form; returns its sheet-scoped names (`A5:H9` on the sheet). */
function buildProjectSheet(wb, sheetName, example) {
  const ws = wb.addWorksheet(sheetName);
  setWidths(ws, [10, 18, 16, 26, 14, 14, 8, 10, 34]);
  const cell = (r, c) => ws.getCell(r + 1, c + 1);
  const put = (r, c, value) => setIfPresent(cell(r, c), value);

  addTitle(ws, example ? '项目支出绩效自评表（示例）' : '项目支出绩效自评表', 9);
  addSubtitle(ws, 2, example ? '（2023年度）资金数据取自二工片区2023年度自评报告，绩效指标为示意' : '（____年度）', 9);
  ws.getCell(2, 1).alignment = { horizontal: 'center', vertical: 'middle' };

  // Title block
  styleBody(ws, 3, 4, Array.from({ length: 9 }, () => ({ wrap: true })));
  put(2, 0, '项目名称');
  put(3, 0, '主管部门');
  put(3, 5, '实施单位');
  if (example) {
    put(2, 1, EXAMPLE_PROJECT.title);
    put(3, 1, UNIT_NAME);
    put(3, 6, UNIT_NAME);
  }
  ws.mergeCells('B3:I3');
  ws.mergeCells('B4:E4');
  ws.mergeCells('G4:I4');

  // 项目资金（万元）: A5:H9, the block label merged down column A, row labels in B
  addHeader(ws, 5, ['项目资金（万元）', null, ...FUND_HEADERS, null], 30);
  styleBody(ws, 6, 9, [
    { align: 'center' }, { wrap: true },
    { align: 'right', numFmt: FMT_AMOUNT }, { align: 'right', numFmt: FMT_AMOUNT }, { align: 'right', numFmt: FMT_AMOUNT },
    { align: 'center' }, { align: 'right', numFmt: FMT_PERCENT, output: true }, { align: 'center' }, { align: 'center' },
  ]);
  FUND_LABELS.forEach((label, i) => {
    const r = 5 + i;
    put(r, 1, label);
    const funds = example ? EXAMPLE_PROJECT.funds[i] : [null, null, null];
    funds.forEach((v, j) => put(r, 2 + j, v));
    put(r, 5, i === 0 ? 10 : DASH);
    if (i > 0) put(r, 7, DASH);
  });
  cell(5, 7).numFmt = FMT_SCORE;
  cell(5, 7).fill = FILL_OUTPUT;
  for (let r = 3; r <= 9; r++) if (r !== 5) ws.getRow(r).height = 20;
  ws.mergeCells('A5:A9');
  for (let r = 5; r <= 9; r++) ws.mergeCells(`H${r}:I${r}`);

  // 年度总体目标
  addHeader(ws, 10, ['年度总体目标', '预期目标', null, null, null, '实际完成情况', null, null, null], 22);
  styleBody(ws, 11, 11, Array.from({ length: 9 }, () => ({ wrap: true })));
  cell(10, 0).fill = FILL_HEADER;
  if (example) {
    put(10, 1, EXAMPLE_PROJECT.goals[0]);
    put(10, 5, EXAMPLE_PROJECT.goals[1]);
  }
  ws.getRow(11).height = 48;
  ws.mergeCells('A10:A11');
  ws.mergeCells('B10:E10');
  ws.mergeCells('F10:I10');
  ws.mergeCells('B11:E11');
  ws.mergeCells('F11:I11');

  // 绩效指标: A12:I(总分)
  addHeader(ws, 12, ['绩效指标', ...PROJECT_INDICATOR_HEADERS], 30);
  const rows = example ? EXAMPLE_PROJECT.rows : BLANK_FORM_ROWS;
  const first = 13;
  const total = first + rows.length;
  styleBody(ws, first, total, [
    { align: 'center' }, { align: 'center', wrap: true }, { align: 'center', wrap: true }, { wrap: true },
    { align: 'center' }, { align: 'center' }, { align: 'center' }, { align: 'right', numFmt: FMT_SCORE, output: true }, { wrap: true },
  ]);
  rows.forEach((ind, i) => {
    const r = first - 1 + i;
    const prev = rows[i - 1];
    if (!prev || prev.level1 !== ind.level1) put(r, 1, ind.level1);
    if (!prev || prev.level1 !== ind.level1 || prev.level2 !== ind.level2) put(r, 2, ind.level2);
    put(r, 3, ind.name);
    put(r, 4, ind.target);
    put(r, 5, ind.actual);
    if (ind.actualFormat) cell(r, 5).numFmt = ind.actualFormat;
    put(r, 6, ind.weight);
    put(r, 8, ind.reason);
    ws.getRow(r + 1).height = example ? 32 : 20;
  });
  mergeGroups(ws, first, rows.map((ind) => ind.level1), 2);
  mergeGroups(ws, first, rows.map((ind) => `${ind.level1}\u0000${ind.level2}`), 3, rows.map((ind) => ind.level2));
  ws.getCell(12, 1).fill = FILL_HEADER;
  ws.mergeCells(`A12:A${total - 1}`);
  put(total - 1, 0, '总分');
  cell(total - 1, 0).font = font({ bold: true });
  cell(total - 1, 0).alignment = { horizontal: 'center', vertical: 'middle' };
  put(total - 1, 6, 100);
  ws.mergeCells(`A${total}:F${total}`);

  pageSetup(ws);
  ws.pageSetup.orientation = 'portrait';
  return [
    { name: '预算执行', ref: `'${sheetName}'!$A$5:$H$9` },
    { name: '绩效指标', ref: `'${sheetName}'!$A$12:$I$${total}` },
  ];
}

function buildProjectInstructions(wb) {
  const ws = wb.addWorksheet('填写说明', { properties: { tabColor: { argb: 'FF5B9BD5' } } });
  ws.getColumn(1).width = 110;
  PROJECT_INSTRUCTIONS.forEach(([text, kind], i) => {
    const c = ws.getCell(i + 1, 1);
    c.value = text;
    if (kind === 'title') {
      c.font = font({ size: 16, bold: true });
      c.alignment = { horizontal: 'center', vertical: 'middle' };
      ws.getRow(i + 1).height = 32;
    } else if (kind === 'head') {
      c.font = font({ size: 12, bold: true });
      ws.getRow(i + 1).height = 22;
    } else {
      c.font = font();
      c.alignment = { vertical: 'top', wrapText: true };
      ws.getRow(i + 1).height = 16 * Math.max(1, Math.ceil(text.length / 50)) + 4;
    }
  });
  pageSetup(ws);
  ws.pageSetup.orientation = 'portrait';
}

/**
 * Sets the <definedNames> block of xl/workbook.xml to exactly these
 * sheet-scoped names (`localSheetId` is the sheet's index in the workbook).
 */
function setScopedNames(xml, scoped) {
  const block =
    '<definedNames>' +
    scoped.map((n) => `<definedName name="${escapeXml(n.name)}" localSheetId="${n.sheetIndex}">${escapeXml(n.ref)}</definedName>`).join('') +
    '</definedNames>';
  const without = xml.replace(/<definedNames>[\s\S]*?<\/definedNames>|<definedNames\/>/, '');
  return without.replace('</sheets>', `</sheets>${block}`);
}

async function writeProjectWorkbook(file) {
  const wb = new ExcelJS.Workbook();
  wb.creator = AUTHOR;
  wb.lastModifiedBy = AUTHOR;
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.title = '项目支出绩效自评表模板';
  buildProjectInstructions(wb);
  const scoped = [];
  [[PROJECT_BLANK_SHEET, false], [PROJECT_EXAMPLE_SHEET, true]].forEach(([sheet, example]) => {
    const sheetIndex = wb.worksheets.length; // the sheet about to be added (填写说明 is 0)
    for (const n of buildProjectSheet(wb, sheet, example)) scoped.push({ ...n, sheetIndex });
  });
  const buffer = await wb.xlsx.writeBuffer();
  const entries = unzipSync(new Uint8Array(buffer));
  const xml = setScopedNames(strFromU8(entries['xl/workbook.xml']), scoped);
  const check = readDefinedNames(xml);
  if (check.length !== scoped.length || scoped.some((n, i) => check[i].name !== n.name || !check[i].local || check[i].ref !== n.ref)) {
    throw new Error(`sheet-scoped names not as planned in ${file}`);
  }
  entries['xl/workbook.xml'] = strToU8(xml);
  const ordered = {};
  for (const key of Object.keys(entries)) {
    if (key.endsWith('/')) continue;
    ordered[key] = [entries[key], { mtime: ZIP_MTIME, level: 6 }];
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, zipSync(ordered, { mtime: ZIP_MTIME }));
  return scoped;
}

async function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, '..', 'assets'));
  const targets = [
    [true, path.join(outDir, '示例-二工片区2023.xlsx')],
    [false, path.join(outDir, '模板.xlsx')],
  ];
  for (const [example, file] of targets) {
    const names = await writeWorkbook(example, file);
    console.log(`wrote ${path.relative(process.cwd(), file) || file}`);
    for (const [name, ref] of Object.entries(names)) console.log(`  ${name} = ${ref}`);
  }
  const projectFile = path.join(outDir, '模板-项目支出.xlsx');
  const scoped = await writeProjectWorkbook(projectFile);
  console.log(`wrote ${path.relative(process.cwd(), projectFile) || projectFile}`);
  for (const n of scoped) console.log(`  ${n.name} (工作表级) = ${n.ref}`);
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exitCode = 1;
});
