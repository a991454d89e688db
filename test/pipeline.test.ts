/**
 * One read → score → write pipeline for every host: the CLI and the web page
 * run the same sequence over the same file host, and unzip and parse the
 * workbook once each (the page used to parse it twice: 18 XML parses against
 * the CLI's 13 on the example).
 */
import * as fs from 'fs';
import { runCli } from '../src/cli/run';
import { xmlParses } from '../src/hosts/xlsx/parse-xml';
import { fileScorer } from '../src/taskpane/standalone/xlsx-chunk';
import { singleBook, type WorkbookInput } from '../src/workbook/cells';
import { scoreThrough, type ScoringHost } from '../src/workbook/pipeline';
import { memoryFs } from './support/memory-fs';
import { EXAMPLE } from './support/paths';

const example = new Uint8Array(fs.readFileSync(EXAMPLE));

/** XML parts in the example: 2 relationship parts, workbook, styles, shared strings and 4 worksheets (报告信息 the 4th). */
const PARTS_READ = 9;
/**
 * Writing parses only workbook.xml again (to set calcPr): the 3 written
 * sheets are spliced at the places the reader recorded while it read them,
 * styles.xml is edited as the reader read it, and the sheet not written
 * (报告信息) was already checked for damage when it was read (apply-plan.ts).
 * It used to parse 6 parts again.
 */
const PARTS_WRITTEN = 1;

async function parsesOf(run: () => Promise<unknown>): Promise<number> {
  xmlParses.count = 0;
  await run();
  return xmlParses.count;
}

test('the web page parses the example exactly as the CLI does, each part once to read', async () => {
  const files = new Map([['/w/in.xlsx', example]]);
  const io = { fs: memoryFs(files), stdout: () => undefined, stderr: () => undefined, version: 't', tempTag: () => 'x' };
  const cli = await parsesOf(() => runCli(['score', '/w/in.xlsx', '-o', '/w/out.xlsx'], io));
  const web = await parsesOf(() => fileScorer.scoreThrough(fileScorer.host(example), { write: true }));
  expect(files.has('/w/out.xlsx')).toBe(true);
  expect(web).toBe(cli);
  expect(cli).toBe(PARTS_READ + PARTS_WRITTEN);
});

test('a check-only run reads each part once and writes nothing', async () => {
  let writes = 0;
  const host = fileScorer.host(example);
  const counted = { read: () => host.read(), write: (...a: Parameters<typeof host.write>) => { writes++; return host.write(...a); } };
  const parses = await parsesOf(() => scoreThrough(counted, { write: false }));
  expect(parses).toBe(PARTS_READ);
  expect(writes).toBe(0);
});

test('stages are announced in order, and a workbook with errors is never written', async () => {
  const stages: string[] = [];
  const ok = await scoreThrough(fileScorer.host(example), { write: true, stage: (s) => void stages.push(s) });
  expect(stages).toEqual(['scoring', 'writing']);
  expect(ok.kind === 'scored' && ok.written !== null).toBe(true);

  let writes = 0;
  const read = await fileScorer.host(example).read();
  if (!read.ok) throw new Error('example unreadable');
  const input: WorkbookInput = { ...read.value.workbook, 绩效指标: { kind: 'missing' } };
  const broken: ScoringHost<never, number> = {
    read: async () => ({ ok: true, value: singleBook(input) }),
    write: async () => {
      writes++;
      return { ok: true, value: 0 };
    },
  };
  const result = await scoreThrough(broken, { write: true });
  expect(result.kind === 'scored' && result.outcome.errors.map((e) => e.code)).toEqual(['nameMissing']);
  expect(writes).toBe(0);
});
