#!/usr/bin/env node
// Validates a SARIF file against the SARIF 2.1.0 JSON schema.
// Usage: node validate.js FILE.sarif   (exit 0 valid, 1 invalid, 2 usage)
'use strict';
const fs = require('fs');
const path = require('path');

if (process.argv.length !== 3) {
  console.error('usage: validate.js FILE.sarif');
  process.exit(2);
}
const pkg = path.dirname(require.resolve('@microsoft/jest-sarif/package.json'));
const schema = JSON.parse(fs.readFileSync(path.join(pkg, 'lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
const Ajv = require(require.resolve('ajv', { paths: [pkg] }));
const ajv = new Ajv({ schemaId: 'id', allErrors: true, unknownFormats: 'ignore', logger: false });
ajv.addMetaSchema(require(require.resolve('ajv/lib/refs/json-schema-draft-04.json', { paths: [pkg] })));
const doc = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
if (ajv.validate(schema, doc)) {
  console.log('valid SARIF 2.1.0');
  process.exit(0);
}
for (const e of ajv.errors)
  console.log(`invalid: ${e.dataPath || '/'} ${e.message}`);
process.exit(1);
