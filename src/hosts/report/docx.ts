import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { PAGE_NUMBER_TEXT, REPORT_FONTS, type ReportDocument, type ReportLine } from '../../messages/self-report';

// Sizes in half-points (docx's unit for fonts) and twips (1/20 pt, 1/1440 inch) for the page.
/** Half-points: 二号 (title), 三号 (text), 四号 (footer), as Chinese official documents set them. */
const SIZE_TITLE = 44;
const SIZE_TEXT = 32;
const SIZE_FOOTER = 28;
const LINE = 560; // 28 pt exactly: the fixed line pitch of official documents
const A4 = { width: 11906, height: 16838 };
const CM = 567;
const MARGIN = { top: Math.round(3.7 * CM), bottom: Math.round(3.5 * CM), left: Math.round(2.8 * CM), right: Math.round(2.6 * CM) };
/** Two characters of the body font: the first-line indent of a paragraph. */
const INDENT = 2 * (SIZE_TEXT / 2) * 20;

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
const spacing = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function lineParagraph(line: ReportLine): Paragraph {
  if (line.kind === 'paragraph') {
    return new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: INDENT },
      spacing,
      children: [new TextRun({ text: line.text, font: font(REPORT_FONTS.body), size: SIZE_TEXT })],
    });
  }
  // 一、 and （一） in 黑体, as the seed sets them; 1. and （1） in the body font, bold.
  const major = line.level <= 2;
  return new Paragraph({
    indent: { firstLine: INDENT },
    spacing,
    keepNext: true,
    // Bold as well: where 黑体 is missing (LibreOffice, a Mac) its stand-in would otherwise be lighter than the 1. headings.
    children: [new TextRun({ text: line.text, font: font(major ? REPORT_FONTS.heading : REPORT_FONTS.body), size: SIZE_TEXT, bold: true })],
  });
}

/** The report as a .docx (A4, numbered headings as in the seed, a page number in the footer). */
export async function reportDocx(doc: ReportDocument): Promise<Uint8Array> {
  const title = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: LINE },
    children: [new TextRun({ text: doc.title, font: font(REPORT_FONTS.title), size: SIZE_TITLE, bold: true })],
  });
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: [PAGE_NUMBER_TEXT.before, PageNumber.CURRENT, PAGE_NUMBER_TEXT.after], font: font(REPORT_FONTS.body), size: SIZE_FOOTER }),
        ],
      }),
    ],
  });
  const document = new Document({
    title: doc.title,
    creator: doc.subtitle,
    styles: { default: { document: { run: { font: font(REPORT_FONTS.body), size: SIZE_TEXT } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: MARGIN } },
        footers: { default: footer },
        children: [title, ...doc.lines.map(lineParagraph)],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
