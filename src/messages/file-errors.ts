/**
 * Problems with an .xlsx file itself (not with its contents): the file host
 * returns one of these codes, and the user reads the Chinese text below.
 */
export type FileErrorCode =
  | 'notZip'
  | 'encrypted'
  | 'xls'
  | 'corruptZip'
  | 'unsupportedZip'
  | 'notXlsx'
  | 'noSheets'
  | 'partMissing'
  | 'xmlMalformed'
  | 'xmlDoctype'
  | 'tooLarge'
  | 'zipBomb'
  | 'duplicateEntry'
  | 'badDimension'
  | 'cellPosition'
  | 'formulaCell'
  | 'sheetMissing'
  | 'notWorksheet'
  | 'invalidWrite'
  | 'rangeTooLarge';

/**
 * Parameters, already formatted for display: `part` a package part
 * (`xl/worksheets/sheet1.xml`), `sheet` a sheet name, `cell` a rendered
 * address (`'绩效指标'!E5`), `limit` which size limit was hit.
 */
export interface FileErrorParams {
  part?: string;
  sheet?: string;
  cell?: string;
  limit?: 'totalSize' | 'entryCount' | 'ratio';
  value?: string;
  /** A defined name. */
  name?: string;
}

const RESAVE = '请在 Excel 中打开该文件（如提示修复请选择修复），另存为“Excel 工作簿 (*.xlsx)”后再重试。';

function inPart(p: FileErrorParams): string {
  return p.part ? `（内部部件 ${p.part}）` : '';
}

const MESSAGES: Record<FileErrorCode, (p: FileErrorParams) => string> = {
  notZip: () => `文件不是 .xlsx 工作簿（不是有效的压缩包），可能已损坏或是其他格式。${RESAVE}`,
  encrypted: () =>
    '工作簿已加密（设置了打开密码），无法读取。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存，再重试。',
  xls: () => '这是旧版 Excel 97-2003 格式的工作簿（.xls），无法直接读取。请在 Excel 中打开后另存为“Excel 工作簿 (*.xlsx)”，再重试。',
  corruptZip: (p) => `工作簿文件已损坏（压缩包不完整或校验失败${inPart(p)}）。${RESAVE}`,
  unsupportedZip: (p) => `工作簿压缩包使用了不支持的压缩方式或压缩包加密${inPart(p)}，这不是 Excel 保存的文件。${RESAVE}`,
  notXlsx: (p) =>
    `文件不是 Excel 工作簿：缺少工作簿的必要内容${inPart(p)}。请确认选择的是 .xlsx 文件；如是其他程序导出的，${RESAVE}`,
  noSheets: () => `工作簿中没有任何工作表。${RESAVE}`,
  partMissing: (p) => `工作簿不完整：找不到工作表“${p.sheet ?? ''}”的内容${inPart(p)}。${RESAVE}`,
  xmlMalformed: (p) => `工作簿内部文件 ${p.part ?? ''} 的格式不正确，文件可能已损坏。${RESAVE}`,
  xmlDoctype: (p) =>
    `工作簿内部文件 ${p.part ?? ''} 含有 DOCTYPE 声明。Excel 不会生成这种内容，为安全起见已拒绝读取。${RESAVE}`,
  tooLarge: (p) =>
    p.limit === 'entryCount'
      ? '工作簿包含的内部文件过多（超过 65,535 个），无法处理。请删除不需要的工作表、图片等内容后重试。'
      : '工作簿解压后超过 200 MB 的上限，无法处理。请删除不需要的工作表、图片等内容，或把数据拆分到较小的工作簿后重试。',
  zipBomb: (p) =>
    `工作簿内部文件 ${p.part ?? ''} 的压缩比异常（解压后超过 1 MB 且超过压缩大小的 200 倍），可能是恶意构造的文件，已拒绝读取。${RESAVE}`,
  duplicateEntry: (p) => `工作簿压缩包中有重复的内部文件 ${p.part ?? ''}，文件已损坏。${RESAVE}`,
  badDimension: (p) =>
    `工作表“${p.sheet ?? ''}”中有无效的单元格位置 ${p.cell ?? ''}（超出 Excel 的 1,048,576 行 × 16,384 列，或写法错误），文件已损坏。${RESAVE}`,
  cellPosition: (p) =>
    `工作表“${p.sheet ?? ''}”${inPart(p)}中 ${p.cell ?? ''} 处的行或单元格位置有矛盾：单元格的位置与所在的行不符，或行、单元格重复、顺序颠倒。` +
    `不同的软件会把这里的内容读到不同的位置，文件可能已损坏。${RESAVE}`,
  formulaCell: (p) => `${p.cell ?? ''} 含有公式，不能写入计算结果，本次未写入任何内容。请删除该公式或把输出移到其他单元格后重试。`,
  sheetMissing: (p) => `工作簿中找不到工作表“${p.sheet ?? ''}”，无法写入。工作簿可能在读取后被修改，请重新打开文件后再评分。`,
  notWorksheet: (p) => `“${p.sheet ?? ''}”是图表工作表或宏表，不能写入单元格。请检查名称引用的工作表后重试。`,
  invalidWrite: (p) => `写入 ${p.cell ?? ''} 的内容“${p.value ?? ''}”无效，本次未写入任何内容。这是程序错误，请反馈给开发者。`,
  rangeTooLarge: (p) =>
    `名称“${p.name ?? ''}”引用的区域过大（超过 200 万个单元格）。请在名称管理器中把它改为只包含表格的区域，例如 '绩效指标'!$A$3:$P$11。`,
};

/** A problem with the file itself, as data: the code and what the message needs. */
export type FileError = { code: FileErrorCode } & FileErrorParams;

/** The Chinese message for a file error (rendered where it is shown, never when it is raised). */
export function fileErrorText(error: FileError): string {
  return MESSAGES[error.code](error);
}
