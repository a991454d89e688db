import type { ReportDocument } from '../../messages/self-report';

/** The report as Markdown: the title as `#`, each heading one level below it. */
export function reportMarkdown(doc: ReportDocument): string {
  const out = [`# ${doc.title}`, '', doc.subtitle, ''];
  for (const line of doc.lines) {
    out.push(line.kind === 'heading' ? '#'.repeat(Math.min(6, line.level + 1)) + ' ' + line.text : line.text, '');
  }
  return out.join('\n');
}

/** The report as plain text: one line per heading or paragraph, paragraphs indented by two ideographic spaces. */
export function reportText(doc: ReportDocument): string {
  const out = [doc.title, doc.subtitle, ''];
  for (const line of doc.lines) out.push(line.kind === 'heading' ? line.text : '\u3000\u3000' + line.text);
  return out.join('\n') + '\n';
}
