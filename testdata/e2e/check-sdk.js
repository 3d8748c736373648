// Loads a Postman collection with Postman's own SDK (postman-collection) and prints, as one JSON
// line, what the SDK makes of it, so that a Go test can check that Postman reads a generated
// collection as intended (for example that oauth2's tokenRequestParams stays an array).
//
// Usage: node check-sdk.js FILE
// Exit status 1, with the reason on stderr, when FILE cannot be read or parsed.

import { readFileSync } from 'node:fs';

import sdk from 'postman-collection';

function fail(message) {
  process.stderr.write(`check-sdk.js: ${message}\n`);
  process.exit(1);
}

const [file] = process.argv.slice(2);
if (file === undefined) {
  fail('usage: node check-sdk.js FILE');
}

let json;
try {
  json = JSON.parse(readFileSync(file, 'utf8'));
} catch (err) {
  fail(`${file}: ${err.message}`);
}
if (json === null || typeof json !== 'object' || Array.isArray(json)) {
  fail(`${file}: a collection must be a JSON object`);
}

let collection;
try {
  collection = new sdk.Collection(json);
} catch (err) {
  fail(`${file}: ${err.message}`);
}

const { auth } = collection;
let items = 0;
collection.forEachItem(() => {
  items += 1;
});

process.stdout.write(`${JSON.stringify({
  auth: auth ? auth.toJSON() : null,
  authType: auth ? auth.type : null,
  // toObject() gives each parameter's value as the SDK holds it: an array stays an array
  // only when its parameter is typed "any".
  oauth2: auth?.type === 'oauth2' ? auth.parameters().toObject() : null,
  variables: collection.variables.toObject(),
  items,
  events: collection.events.map((event) => event.listen),
})}\n`);
