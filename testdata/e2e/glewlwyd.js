// Glewlwyd (the C OAuth 2.0 / OpenID Connect server Debian packages) as a second, independent
// authorization server for gen-postman's end-to-end tests, with the same protected API and
// counters as server.js, so one test can run against either.
//
// Usage: node glewlwyd.js [--ttl SECONDS] [--key-clients FILE] [--glewlwyd PATH]
//
// It runs the installed glewlwyd binary (testdata/e2e/install-glewlwyd.sh installs it) on
// loopback with a fresh sqlite database in a temporary directory, and sets it up through its
// admin API: the scopes all, read:items and write:items, the clients of clients.json that have
// no provider (m2m-basic with client_secret_basic, m2m-post with client_secret_post, m2m-limited),
// the clients of --key-clients ([{"id","scope","jwk" (public),"dpop"}], private_key_jwt; "dpop"
// binds their tokens to a proof key), and two instances of its OIDC plugin:
//   B/api/oidc    client credentials, RFC 8707 resources, private_key_jwt, DPoP, introspection;
//   B/api/oidcn   the same, with DPoP nonces mandatory.
// Glewlwyd listens on a port of its own; B is a small proxy in front of it that counts token
// requests as server.js does and serves the protected API:
//   B/<any path but /api/ and /__>  needs a token of either instance (signature, iss, exp, aud
//      one of the two resources of clients.json, the scope it needs; a DPoP-bound token with a
//      proof for this very request, whose htu is B plus the path, compared as a string).
//   GET B/__stats, POST B/__stats/reset  as server.js.
//
// It prints one JSON line on stdout when ready:
//   {"base","issuer","tokenUrl","jwksUrl","introspectionUrl","nonce":{"issuer","tokenUrl","introspectionUrl"}}
// and exits when its stdin closes, or on SIGTERM or SIGINT, stopping glewlwyd.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';

import * as jose from 'jose';

import { proofChecker } from './dpop-proof.js';

const SCHEMA = '/usr/share/doc/glewlwyd/database/init.sqlite3.sql.gz';
const ADMIN = { username: 'admin', password: 'password' }; // the schema's default administrator
const PROOF_ALGS = ['ES256', 'ES384', 'RS256', 'PS256'];

function fail(message) {
  console.error(`glewlwyd.js: ${message}`);
  process.exit(2);
}

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      ttl: { type: 'string', default: '3600' },
      'key-clients': { type: 'string' },
      glewlwyd: { type: 'string', default: 'glewlwyd' },
    },
  }));
} catch (err) {
  fail(err.message);
}
if (!/^[1-9][0-9]*$/.test(options.ttl)) fail('--ttl must be a positive number of seconds');
const ttl = Number(options.ttl);

const fixtures = JSON.parse(readFileSync(new URL('./clients.json', import.meta.url), 'utf8'));
const resources = new Map(Object.entries(fixtures.resources));
const keyClients = options['key-clients'] ? JSON.parse(readFileSync(options['key-clients'], 'utf8')) : [];

const dir = mkdtempSync(join(tmpdir(), 'glewlwyd-e2e-'));
let child;
const shutdown = (code = 0) => {
  if (child && child.exitCode === null) child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
  process.exit(code);
};
process.on('SIGTERM', () => shutdown());
process.on('SIGINT', () => shutdown());
process.stdin.on('end', () => shutdown());
process.stdin.on('close', () => shutdown());
process.stdin.resume();

function listen(server, port = 0) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server.address().port));
  });
}

// A free loopback port for glewlwyd: bound, then released for it.
async function freePort() {
  const s = http.createServer();
  const port = await listen(s);
  await new Promise((resolve) => s.close(resolve));
  return port;
}

const proxy = http.createServer();
const base = `http://127.0.0.1:${await listen(proxy)}`;

// The database, from the schema Debian ships, through the sqlite3 command.
let schema;
try {
  schema = gunzipSync(readFileSync(SCHEMA));
} catch (err) {
  fail(`reading ${SCHEMA} (is glewlwyd installed? run testdata/e2e/install-glewlwyd.sh as root): ${err.message}`);
}
const db = join(dir, 'glewlwyd.db');
await new Promise((resolve, reject) => {
  const p = spawn('sqlite3', [db], { stdio: ['pipe', 'ignore', 'inherit'] });
  p.on('error', reject);
  p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`sqlite3 exited ${code}`))));
  p.stdin.end(schema);
}).catch((err) => fail(`making the database: ${err.message}`));

// external_url without a trailing slash, and no use_secure_connection line at all: with it, even
// false, glewlwyd wants certificate files.
const conf = join(dir, 'glewlwyd.conf');
const config = (gPort) => `port=${gPort}
bind_address="127.0.0.1"
external_url="${base}"
login_url="login.html"
api_prefix="api"
static_files_path="/usr/share/glewlwyd/webapp/"
log_mode="console"
log_level="WARNING"
cookie_domain="127.0.0.1"
cookie_secure=0
session_expiration=3600
session_key="GLEWLWYD2_SESSION_ID"
admin_session_authentication="cookie"
profile_session_authentication="cookie"
login_api_enabled=true
admin_scope="g_admin"
profile_scope="g_profile"
user_module_path="/usr/lib/glewlwyd/user"
client_module_path="/usr/lib/glewlwyd/client"
user_auth_scheme_module_path="/usr/lib/glewlwyd/scheme"
plugin_module_path="/usr/lib/glewlwyd/plugin"
hash_algorithm="SHA512"
database={
  type="sqlite3"
  path="${db}"
};
`;

// launch starts glewlwyd on a free port and logs in as the administrator. The port is free when
// chosen, but another process may take it before glewlwyd binds it: then glewlwyd exits, or
// another server answers, and launch says so with false.
let cookie = '';
let gBase = '';
let started = false;
async function launch() {
  const gPort = await freePort();
  gBase = `http://127.0.0.1:${gPort}`;
  writeFileSync(conf, config(gPort));
  let exited = false;
  child = spawn(options.glewlwyd, ['-c', conf], { stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('error', (err) => fail(`starting ${options.glewlwyd}: ${err.message} (run testdata/e2e/install-glewlwyd.sh as root)`));
  child.on('exit', (code, signal) => {
    exited = true;
    console.error(`glewlwyd.js: glewlwyd exited (${code ?? signal})`);
    if (started) shutdown(1);
  });
  for (let i = 0; i <= 100 && !exited; i += 1) {
    try {
      const res = await fetch(`${gBase}/api/auth/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      });
      if (res.ok) {
        cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
        return true;
      }
      console.error(`glewlwyd.js: logging in as ${ADMIN.username} at ${gBase}: HTTP ${res.status}`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  if (!exited) {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  return false;
}

let launched = false;
for (let attempt = 0; attempt < 3 && !launched; attempt += 1) {
  launched = await launch();
}
if (!launched) fail(`glewlwyd did not start and take the administrator's login in three tries (see above)`);
started = true;

// admin sends a request to glewlwyd's admin API with the session cookie, and fails on an error.
async function admin(method, path, body) {
  const res = await fetch(`${gBase}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) fail(`${method} /api${path}: HTTP ${res.status} ${text}`);
  return res;
}

// The server's signing key, made here so the API knows it without asking.
const { publicKey, privateKey } = await jose.generateKeyPair('ES256', { extractable: true });
const signingJwk = { ...(await jose.exportJWK(privateKey)), alg: 'ES256', use: 'sig' };
signingJwk.kid = await jose.calculateJwkThumbprint(signingJwk);

const scopes = new Set([...resources.values()].flatMap((s) => s.split(' ')));
for (const name of scopes) {
  await admin('POST', '/scope/', { name, display_name: name, description: name, password_required: false, scheme: {} });
}
// Each scope names the resources a token for it may be for (RFC 8707).
const resourceScope = {};
for (const [resource, held] of resources) {
  for (const s of held.split(' ')) (resourceScope[s] ??= []).push(resource);
}

const PLUGINS = { oidc: false, oidcn: true }; // name: DPoP nonces mandatory
for (const [name, nonce] of Object.entries(PLUGINS)) {
  await admin('POST', '/mod/plugin/', {
    module: 'oidc',
    name,
    display_name: name,
    parameters: {
      iss: `${base}/api/${name}`,
      'jwt-type': 'ec',
      'jwt-key-size': '256',
      'jwks-private': JSON.stringify({ keys: [signingJwk] }),
      'default-kid': signingJwk.kid,
      'jwks-show': true,
      'access-token-duration': ttl,
      'refresh-token-duration': 1209600,
      'code-duration': 600,
      'refresh-token-rolling': false,
      'allow-non-oidc': true,
      'auth-type-code-enabled': false,
      'auth-type-token-enabled': false,
      'auth-type-id-token-enabled': false,
      'auth-type-none-enabled': false,
      'auth-type-password-enabled': false,
      'auth-type-client-enabled': true,
      'auth-type-device-enabled': false,
      'auth-type-refresh-enabled': false,
      'request-parameter-allow': true,
      'client-jwks-parameter': 'jwks',
      'client-pubkey-parameter': '',
      'resource-allowed': true,
      'resource-scope': resourceScope,
      'resource-client-property': '',
      'resource-scope-and-client-property': false,
      'oauth-dpop-allowed': true,
      'oauth-dpop-iat-duration': 60,
      'oauth-dpop-dpop_bound_access_tokens-property': 'dpop_bound_access_tokens',
      'oauth-dpop-nonce-mandatory': nonce,
      'oauth-dpop-nonce-counter': 100,
      'introspection-revocation-allowed': true,
      'introspection-revocation-allow-target-client': true,
    },
  });
}

const clients = [
  ...fixtures.clients.filter((c) => c.provider === undefined).map((c) => ({
    client_id: c.id,
    client_secret: c.secret,
    token_endpoint_auth_method: [c.auth === 'header' ? 'client_secret_basic' : 'client_secret_post'],
    scope: c.scope.split(' '),
  })),
  ...keyClients.map((c) => ({
    client_id: c.id,
    token_endpoint_auth_method: ['private_key_jwt'],
    jwks: { keys: [c.jwk] },
    scope: c.scope.split(' '),
    ...(c.dpop ? { dpop_bound_access_tokens: '1' } : {}),
  })),
];
for (const c of clients) {
  await admin('POST', '/client/', {
    ...c,
    name: c.client_id,
    confidential: true,
    enabled: true,
    authorization_type: ['client_credentials'],
    redirect_uri: [],
  });
}

const stats = {
  tokenRequests: 0, tokenErrors: 0, tokensIssued: 0, nonceChallenges: 0, apiRequests: 0, apiUnauthorized: 0,
  dpopProofs: 0, openRequests: 0, openWithAuthorization: 0, secretLeaks: 0, introspections: 0,
};
const checkProof = proofChecker({ algorithms: PROOF_ALGS, stats });

function sendJSON(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

// forward passes a request to glewlwyd as it came and its answer back as it went.
async function forward(req, res, body) {
  const upstream = http.request(`${gBase}${req.url}`, { method: req.method, headers: req.headers }, (up) => {
    res.writeHead(up.statusCode, up.headers);
    up.pipe(res);
  });
  upstream.on('error', (err) => sendJSON(res, 502, { error: 'bad_gateway', error_description: err.message }));
  upstream.end(body);
}

const issuers = Object.keys(PLUGINS).map((name) => `${base}/api/${name}`);

// The scope a request needs: the Logto-like resource wants all; the example API wants
// read:items to read and write:items for anything else (as server.js).
function requiredScope(audience, method) {
  if (resources.get(audience) === 'all') return 'all';
  return method === 'GET' || method === 'HEAD' ? 'read:items' : 'write:items';
}

async function handleApi(req, res, path) {
  stats.apiRequests += 1;
  const unauthorized = (error, description) => {
    stats.apiUnauthorized += 1;
    const challenge = error ? `Bearer realm="api", error="${error}"` : 'Bearer realm="api"';
    sendJSON(res, 401, { error: error ?? 'unauthorized', error_description: description }, { 'www-authenticate': challenge });
  };
  const match = /^(Bearer|DPoP) +([A-Za-z0-9._~+/-]+=*) *$/i.exec(req.headers.authorization ?? '');
  if (!match) {
    unauthorized(undefined, 'a Bearer access token is required');
    return;
  }
  let payload;
  try {
    ({ payload } = await jose.jwtVerify(match[2], publicKey, {
      issuer: issuers, audience: [...resources.keys()], algorithms: ['ES256'],
    }));
  } catch (err) {
    unauthorized('invalid_token', err.message);
    return;
  }
  if (payload.cnf?.jkt || match[1].toLowerCase() === 'dpop') {
    const problem = await checkProof(req, `${base}${path}`, match[1], match[2], payload.cnf?.jkt);
    if (problem) {
      unauthorized('invalid_token', problem);
      return;
    }
  }
  const audience = [payload.aud].flat().find((a) => resources.has(a));
  const needed = requiredScope(audience, req.method);
  const granted = new Set(typeof payload.scope === 'string' ? payload.scope.split(' ') : []);
  if (!granted.has(needed)) {
    sendJSON(res, 403, { error: 'insufficient_scope', error_description: `scope ${needed} is required` },
      { 'www-authenticate': `Bearer realm="api", error="insufficient_scope", scope="${needed}"` });
    return;
  }
  sendJSON(res, 200, { ok: true, method: req.method, path, sub: payload.sub });
}

// A secret of a few letters (m2m-short's) stands in ordinary text, so it is left out.
const secretForms = fixtures.clients.map((c) => c.secret).filter((s) => s.length >= 8)
  .flatMap((s) => [s, encodeURIComponent(s), Buffer.from(s).toString('base64')]);

async function handle(req, res) {
  const path = req.url.startsWith('/') ? new URL(req.url, base).pathname : '';
  const body = await readBody(req);
  if (path.startsWith('/api/')) {
    if (/^\/api\/oidcn?\/token$/.test(path) && req.method === 'POST') {
      stats.tokenRequests += 1;
      const writeHead = res.writeHead.bind(res);
      res.writeHead = (status, headers) => {
        const nonce = Object.keys(headers ?? {}).some((h) => h.toLowerCase() === 'dpop-nonce');
        if (status >= 400) stats.tokenErrors += 1;
        if (status === 200) stats.tokensIssued += 1;
        if (status === 400 && nonce) stats.nonceChallenges += 1;
        return writeHead(status, headers);
      };
    }
    if (/^\/api\/oidcn?\/introspect$/.test(path)) stats.introspections += 1;
    await forward(req, res, body);
    return;
  }
  if (path === '/__stats' && req.method === 'GET') {
    sendJSON(res, 200, stats);
    return;
  }
  if (path === '/__stats/reset' && req.method === 'POST') {
    for (const key of Object.keys(stats)) stats[key] = 0;
    sendJSON(res, 200, stats);
    return;
  }
  const seen = [req.url, JSON.stringify(req.headers), body.toString('utf8')].join('\n');
  if (secretForms.some((f) => seen.includes(f))) stats.secretLeaks += 1;
  await handleApi(req, res, path);
}

proxy.on('request', (req, res) => {
  res.once('finish', () => console.error(`glewlwyd.js ${req.method} ${req.url} -> ${res.statusCode}`));
  handle(req, res).catch((err) => {
    console.error('glewlwyd.js:', err);
    if (!res.headersSent) sendJSON(res, 500, { error: 'server_error' });
  });
});

const endpoints = (name) => ({
  issuer: `${base}/api/${name}`,
  tokenUrl: `${base}/api/${name}/token`,
  jwksUrl: `${base}/api/${name}/jwks`,
  introspectionUrl: `${base}/api/${name}/introspect`,
});
process.stdout.write(`${JSON.stringify({ base, ...endpoints('oidc'), nonce: endpoints('oidcn') })}\n`);
