import type { ValueKind, ValueProblem } from '../messages/cli';

export type ValueResult<T> = { ok: true; value: T } | { ok: false; problem: ValueProblem };

/**
 * How an option's argument is read and checked. The option table says which
 * type each option takes; the parser calls `parse`, and help shows the kind's
 * placeholder (messages/cli.ts), so a new option never adds parsing code.
 */
export interface ValueType<T> {
  kind: ValueKind;
  /** The allowed values of a `choice` (shown in help as `<a|b|c>`). */
  choices?: readonly string[];
  parse(text: string): ValueResult<T>;
}

/** A path to a file; what may stand there is the command's business (src/cli/output-target.ts). */
export const filePath: ValueType<string> = { kind: 'file', parse: (text) => ({ ok: true, value: text }) };

/** A path to a folder. */
export const folderPath: ValueType<string> = { kind: 'folder', parse: (text) => ({ ok: true, value: text }) };

/** A whole number in [min, max], written in plain digits (`--jobs 4`). */
export function count(min: number, max: number): ValueType<number> {
  return {
    kind: 'count',
    parse(text) {
      const n = /^[0-9]{1,9}$/.test(text) ? Number(text) : NaN;
      return n >= min && n <= max ? { ok: true, value: n } : { ok: false, problem: { code: 'notCount', min, max } };
    },
  };
}

/** One of a few words (`--format docx|md|txt`), compared exactly. */
export function choice<const C extends string>(...choices: C[]): ValueType<C> {
  return {
    kind: 'choice',
    choices,
    parse: (text) => ((choices as string[]).includes(text) ? { ok: true, value: text as C } : { ok: false, problem: { code: 'notChoice', choices } }),
  };
}
