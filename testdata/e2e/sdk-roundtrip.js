// Loads a Postman collection with Postman's own SDK (postman-collection), as the app and Newman
// do, and prints what the SDK writes back (toJSON): ids added to items, url.raw dropped,
// descriptions as objects. A Go test then reads that with gen-postman's model and writes it
// back, which must lose nothing.
//
// Usage: node sdk-roundtrip.js FILE
// Exit status 1, with the reason on stderr, when FILE cannot be read or parsed.

import { readFileSync } from 'node:fs';

import sdk from 'postman-collection';

const [file] = process.argv.slice(2);
if (file === undefined) {
  process.stderr.write('usage: node sdk-roundtrip.js FILE\n');
  process.exit(1);
}
try {
  const collection = new sdk.Collection(JSON.parse(readFileSync(file, 'utf8')));
  process.stdout.write(JSON.stringify(collection.toJSON()));
} catch (err) {
  process.stderr.write(`sdk-roundtrip.js: ${file}: ${err.message}\n`);
  process.exit(1);
}
