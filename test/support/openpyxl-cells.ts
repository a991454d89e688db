import { execFileSync } from 'child_process';

const SCRIPT = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ref in json.loads(sys.argv[2]):
    sheet, cell = ref.split('!')
    c = wb[sheet][cell]
    out[ref] = {'value': c.value, 'format': c.number_format}
print(json.dumps(out, ensure_ascii=False))
`;

/** True when Debian's openpyxl is importable (CI installs python3-openpyxl). */
export function hasOpenpyxl(): boolean {
  try {
    execFileSync('/usr/bin/python3', ['-c', 'import openpyxl'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Reads cells (`Sheet!A1`) with openpyxl, an reader independent of ours: value and number format. */
export function readWithOpenpyxl(file: string, refs: string[]): Record<string, { value: unknown; format: string }> {
  const out = execFileSync('/usr/bin/python3', ['-c', SCRIPT, file, JSON.stringify(refs)], { encoding: 'utf8' });
  return JSON.parse(out);
}
