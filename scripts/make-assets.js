#!/usr/bin/env node
'use strict';
/*
 * Generates the two bundled workbooks:
 *   assets/示例-二工片区2023.xlsx  the seed report (2023, 二工片区) as a filled-in 自评表
 *   assets/模板.xlsx               the same layout without figures, plus a 填写说明 sheet
 *
 * Both follow 工作簿约定 v1 (docs/workbook-contract.md): five workbook-scoped
 * defined names 预算执行, 项目支出, 绩效指标, 评分规则, 评价结果.
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
const PROJECT_BUDGET_TOTAL = 1281.14;
const PROJECT_ACTUAL_TOTAL = 1005.45;

// Percent-unit values (年中监控值, 实际完成值) are ratios in cells formatted 0.00%.
const INDICATORS = [
  {
    level1: '产出指标', level2: '成本指标', name: '公务用车经费下降率',
    op: '≥', target: 5, unit: '%', adjusted: null, midYear: 0, actual: 0, weight: 8,
    reason: '由于油价上涨及车辆老旧，公务用车经费预算4.31万元，全部使用，未能下降。',
    measure: '严格执行公务用车制度，合理使用车辆，减少非必要用车。',
  },
  {
    level1: '产出指标', level2: '成本指标', name: '预算经费',
    op: '≤', target: 4135.45, unit: '万元', adjusted: 4978.49, midYear: 2582.26, actual: 4637.81, weight: 12,
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
    op: '≥', target: 95, unit: '%', adjusted: null, midYear: 0.95, actual: 0.99, weight: 10,
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
  ['表格中可以增加自己的列（如“年中监控值”“备注”），程序不读取也不改写这些列。在表格中间插入行时名称范围会自动扩展；在表格末尾追加行时，请在名称管理器中修改名称的引用范围。', 'text'],
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
  addHeader(ws, 12, ['项目名称', '全年预算数', '全年执行数', '执行率']);
  const projects = example ? PROJECTS : Array.from({ length: PROJECT_ROWS_TEMPLATE }, () => [null, null, null]);
  const first = 13;
  const last = first + projects.length - 1;
  const total = last + 1;
  styleBody(ws, first, total, [
    { wrap: true },
    { align: 'right', numFmt: FMT_AMOUNT },
    { align: 'right', numFmt: FMT_AMOUNT },
    { align: 'right', numFmt: FMT_PERCENT, output: true },
  ]);
  projects.forEach(([name, budget, actual], i) => {
    const r = first + i;
    setIfPresent(ws.getCell(r, 1), name);
    setIfPresent(ws.getCell(r, 2), budget);
    setIfPresent(ws.getCell(r, 3), actual);
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
      项目支出: `'预算执行'!$A$12:$D$${total}`,
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
      ws.getCell(r, 5).value = ind.target;
      if (ind.unit === '万元') ws.getCell(r, 5).numFmt = FMT_AMOUNT;
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
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exitCode = 1;
});
