#!/usr/bin/env node
'use strict';
/*
 * Rewrites the CLI option table in README.md from the option table itself
 * (src/cli/options.ts and the descriptions in src/messages/cli.ts), the same
 * data that drives parsing and --help. Run through `npm run docs:cli`, which
 * builds the CLI first; test/cli/help.test.ts fails while README.md is stale.
 */
const fs = require('fs');
const path = require('path');
const { withOptionTable } = require('../dist/cli/option-table-markdown');

const file = path.join(__dirname, '..', 'README.md');
const before = fs.readFileSync(file, 'utf8');
const after = withOptionTable(before);
if (after !== before) fs.writeFileSync(file, after);
process.stdout.write(after === before ? 'README.md: option table up to date\n' : 'README.md: option table rewritten\n');
