// Runs a collection-level test script in Postman's own sandbox (postman-sandbox, the one Newman
// runs scripts in) once for each answer of a table, and prints the tests each run made.
//
//   node test-script.js FILE
//
// FILE is JSON: {"script": "...", "answers": [{"id", "name", "method", "noauth", "code",
// "headers": {"Content-Type": "..."}, "body", "variables": {"name": "value"}}]}. The output is
// one JSON array on stdout, an element per answer: [{"name", "passed", "message"}], the tests
// in the order the script made them; a run whose script threw has {"error": "..."} instead.
import { readFileSync } from 'node:fs';

import Sandbox from 'postman-sandbox';
import sdk from 'postman-collection';

const { script, answers } = JSON.parse(readFileSync(process.argv[2], 'utf8'));

function run(ctx, answer) {
  return new Promise((resolve) => {
    const tests = [];
    const onAssertion = (cursor, assertions) => {
      assertions.forEach((a) => tests.push({ name: a.name, passed: a.passed, message: a.error ? a.error.message : '' }));
    };
    ctx.on('execution.assertion', onAssertion);
    const request = new sdk.Request({
      url: 'https://api.example.test/things',
      method: answer.method || 'GET',
      auth: answer.noauth ? { type: 'noauth' } : undefined,
    });
    const response = new sdk.Response({
      code: answer.code,
      header: Object.entries(answer.headers || {}).map(([key, value]) => ({ key, value })),
      body: answer.body || '',
    });
    const variables = Object.entries(answer.variables || {}).map(([key, value]) => ({ key, value, type: 'string' }));
    // The script's lines, as a collection holds them and Newman hands them over: one string of
    // a few hundred KB costs the sandbox some 30 ms to split, each run.
    ctx.execute({ listen: 'test', script: { exec: script.split('\n') } }, {
      context: { request: request.toJSON(), response: response.toJSON(), collectionVariables: variables },
      legacy: { _itemId: answer.id, _itemName: answer.name },
      timeout: 10000,
    }, (err) => {
      ctx.off('execution.assertion', onAssertion);
      resolve(err ? { error: err.message } : tests);
    });
  });
}

Sandbox.createContext({ timeout: 10000 }, async (err, ctx) => {
  if (err) {
    console.error(`test-script.js: ${err.message}`);
    process.exit(1);
  }
  const results = [];
  for (const answer of answers) {
    results.push(await run(ctx, answer));
  }
  ctx.dispose();
  process.stdout.write(JSON.stringify(results) + '\n');
});
