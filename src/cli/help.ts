import { CLI_TEXT } from '../messages/cli';
import { OPTIONS } from './options';
import { table } from './text-view';

/** --help, generated from the option data. */
export function helpText(): string {
  const rows = OPTIONS.map((o) => [[o.short ? `-${o.short},` : '   ', `--${o.name}`, o.arg ?? ''].join(' ').trim(), o.description]);
  return [
    CLI_TEXT.usageLine,
    '',
    CLI_TEXT.summary,
    '',
    CLI_TEXT.optionsHeading,
    ...table(rows),
    '',
    CLI_TEXT.exitHeading,
    ...CLI_TEXT.exitCodes.map((l) => '  ' + l),
    '',
    CLI_TEXT.examplesHeading,
    ...CLI_TEXT.examples.map((l) => '  ' + l),
    '',
  ].join('\n');
}
