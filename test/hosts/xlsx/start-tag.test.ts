/**
 * editStartTag does in one parse what the writer did with one call per edit
 * (removeAttribute…, setAttribute…, then closeStartTag or openStartTag): the
 * same text for every start tag a reader can accept — any attribute order,
 * quotes, whitespace, prefixes, self-closing or not (fast-check).
 */
import fc from 'fast-check';
import { closeStartTag, editStartTag, openStartTag, removeAttribute, setAttribute } from '../../../src/hosts/xlsx/start-tag';

const NAMES = ['r', 's', 't', 'vm', 'cm', 'ph', 'x14ac:dyDescent'];
const space = fc.constantFrom(' ', '  ', '\t', '\n', ' \r\n ');

const startTag = fc
  .record({
    prefix: fc.constantFrom('', 'x:'),
    attributes: fc.uniqueArray(fc.constantFrom(...NAMES), { maxLength: NAMES.length }),
    values: fc.array(fc.constantFrom('1', 'A1', 'inlineStr', '', 'a&amp;b', '12'), { minLength: NAMES.length, maxLength: NAMES.length }),
    quotes: fc.array(fc.constantFrom('"', "'"), { minLength: NAMES.length, maxLength: NAMES.length }),
    gaps: fc.array(space, { minLength: NAMES.length, maxLength: NAMES.length }),
    trailing: fc.constantFrom('', ' ', '\n  '),
    selfClosing: fc.boolean(),
  })
  .map(({ prefix, attributes, values, quotes, gaps, trailing, selfClosing }) => {
    const body = attributes.map((name, i) => `${gaps[i]}${name}=${quotes[i]}${values[i]}${quotes[i]}`).join('');
    return `<${prefix}c${body}${trailing}${selfClosing ? '/>' : '>'}`;
  });

const edit = fc.record({
  remove: fc.uniqueArray(fc.constantFrom(...NAMES), { maxLength: 4 }),
  set: fc.uniqueArray(fc.tuple(fc.constantFrom('s', 'r', 't'), fc.constantFrom('3', 'B7', 'inlineStr')), { selector: ([name]) => name, maxLength: 3 }),
  selfClosing: fc.boolean(),
});

function oneCallPerEdit(text: string, e: { remove: string[]; set: [string, string][]; selfClosing: boolean }): string {
  let tag = text;
  for (const name of e.remove) tag = removeAttribute(tag, name);
  for (const [name, value] of e.set) tag = setAttribute(tag, name, value);
  return e.selfClosing ? closeStartTag(tag) : openStartTag(tag);
}

describe('editStartTag', () => {
  it('gives what the edits one call at a time give', () => {
    fc.assert(
      fc.property(startTag, edit, (text, e) => {
        expect(editStartTag(text, e)).toBe(oneCallPerEdit(text, e));
      }),
      { numRuns: 5000 },
    );
  });

  it('rewrites a written cell as the writer needs it', () => {
    const edited = editStartTag('<c r="A1" s="2" t="s" vm="1">', { remove: ['t', 'vm', 'cm'], set: [['s', '7'], ['r', 'A1'], ['t', 'inlineStr']], selfClosing: false });
    expect(edited).toBe('<c r="A1" s="7" t="inlineStr">');
    expect(editStartTag('<x:c r="B2" s="1"/>', { remove: ['t', 'vm', 'cm', 's'], set: [['r', 'B2']], selfClosing: false })).toBe('<x:c r="B2">');
  });
});
