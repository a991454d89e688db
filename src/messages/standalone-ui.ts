/**
 * Every Chinese text of the standalone web page (the pane outside Office):
 * choosing a file, progress, the download and the sample files. Texts with
 * parameters are functions. Result, issue and indicator texts are shared
 * with the Excel pane (excel-ui.ts).
 */

export const STANDALONE_UI = {
  intro: '在浏览器中为 .xlsx 工作簿计分：文件只在本机处理，不会上传到任何地方。计分后可下载写入了得分的工作簿。',
  chooseTitle: '选择工作簿',
  chooseButton: '选择工作簿…',
  dropHint: '把 .xlsx 文件拖到这里，或',
  dropHere: '松开鼠标即可选择该文件',
  noFile: '尚未选择文件。',
  score: '计算得分',
  download: '下载已评分工作簿',
  print: '打印结果',
  report: '生成自评报告',
  /** The report's file name after the workbook's: `自评表.自评报告.docx`. */
  reportSuffix: '.自评报告.docx',
  reading: '正在读取文件…',
  parsing: '正在读取工作簿…',
  scoring: '正在计算…',
  writing: '正在生成已评分工作簿…',
  samplesTitle: '模板与示例',
  samplesText:
    '部门整体支出的空白模板按约定设好了五个名称；示例是填写好的二工片区 2023 年度自评表，可直接选择它试算。项目支出模板是国家《项目支出绩效自评表》的表式，一个项目一张表（复制工作表即可增加项目），含一张填好的示例表。',
  template: '模板.xlsx',
  example: '示例-二工片区2023.xlsx',
  projectTemplate: '模板-项目支出.xlsx',
  fileErrorTitle: '无法读取该文件',
  proposalTitle: '工作簿没有名称：按表头找到的表格',
  proposalReady: '请核对上面每个区域。点“按建议的名称计分”后，下载的已评分工作簿中会带有这些名称（以后可直接计分）。',
  proposalBlocked: '无法确定名称，没有计分。请在 Excel 或 WPS 中按上面所列修改后重新选择文件，或用 公式 → 名称管理器 自己定义名称。',
  scoreWithNames: '按建议的名称计分',
} as const;

/** `已选择：自评表.xlsx（1.2 MB）` */
export const chosenFile = (name: string, bytes: number) => `已选择：${name}（${fileSize(bytes)}）`;

/** 12345 → `12.1 KB`; whole bytes below 1 KB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `正在读取文件…（45%）` */
export const readingProgress = (percent: number) => `${STANDALONE_UI.reading}（${percent}%）`;

/** After a successful run: where the result is. */
export const scoredReady = (scored: string, file: string) => `${scored}已生成“${file}”，请点“${STANDALONE_UI.download}”保存。`;

/** Workbook errors: nothing to download. */
export const workbookErrors = (count: number) =>
  `工作簿中有 ${count} 处错误，没有生成已评分工作簿。请在 Excel 或 WPS 中按单元格逐条修改、保存后重新选择文件。`;

/** The browser could not read the chosen file (moved, deleted, no permission). */
export const cannotReadFile = (name: string) => `无法读取文件“${name}”（可能已被移动、删除或没有读取权限）。请重新选择。`;

/** An unexpected failure (a bug): shown rather than swallowed. */
export const unexpectedError = (detail: string) => `处理文件时发生意外错误：${detail}。请把该文件和此信息反馈给开发者。`;
