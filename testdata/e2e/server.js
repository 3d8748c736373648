// A local OAuth 2.0 authorization server for gen-postman's end-to-end tests: oidc-provider
// configured the way Logto configures it (client credentials, RFC 8707 resource indicators,
// JWT access tokens), mounted under /oidc, plus a small API under /api that checks those tokens;
// and, from identity-servers.js, oidc-provider configured as Keycloak, Entra ID, Zitadel and Okta.
//
// For tests of what must never leave the machine, it keeps every request that reaches neither
// its token endpoints nor its /__ paths (GET /__requests lists them), and its token endpoint
// POST /__hostile/token/NAME answers the access token "{{NAME}}"; the API's GET /api/hostile/NAME
// lists one item whose id is "{{NAME}}".
//
// Usage: node server.js [--alg ES384|RS256|PS256|ES256|EdDSA] [--ttl SECONDS] [--key-clients FILE]
//                       [--resource URI=SCOPES]...
//                       [--dpop-nonce required|optional] [--dpop-off]
//
// --key-clients names a JSON file of clients that authenticate with a signed assertion
// (private_key_jwt, RFC 7523) instead of a secret: [{"id", "scope", "jwk" (public), "dpop"}]. A
// client with "dpop" gets DPoP-bound tokens only (RFC 9449), and must put the server's nonce in
// its proofs. The API then takes such a token only as "Authorization: DPoP" with a proof of the
// bound key for that very request. --dpop-nonce optional lets DPoP token requests go without
// a nonce (by default every one must carry the server's, as Okta wants). --dpop-off turns
// DPoP off: the server ignores proofs and issues Bearer tokens, as Ory Hydra does.
//
// The resource https://opaque.example.test (scopes read:items and write:items) gets opaque
// access tokens, which only introspection at B/oidc/token/introspection proves (RFC 7662; any
// client may introspect its own tokens there); the API under /api/ takes them too, by asking
// the provider. oidc-provider refuses to introspect its JWT access tokens.
//
// It listens on 127.0.0.1 only, on a free port, and prints one JSON line on stdout when ready:
//   {"base":…,"issuer":…,"tokenUrl":…,"jwksUrl":…,"servers":{"keycloak":…,"entra":…,"zitadel":…,"okta":…}}
// Everything else goes to stderr. It exits when its stdin closes, and on SIGTERM or SIGINT.

import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { parseArgs } from 'node:util';

import * as jose from 'jose';

import { proofChecker } from './dpop-proof.js';

import { makeServers } from './identity-servers.js';

// stdout carries only the ready line, but oidc-provider prints its notices with console.info:
// send every console method to stderr before oidc-provider is loaded (hence the dynamic import).
console.log = console.info = console.debug = console.error;
const { default: Provider, errors } = await import('oidc-provider');

const ALGORITHMS = {
  ES384: {},
  ES256: {},
  RS256: { modulusLength: 2048 },
  PS256: { modulusLength: 2048 },
  EdDSA: { crv: 'Ed25519' },
};
const MOUNT = '/oidc';
const LOGTO_MANAGEMENT_API = 'https://default.logto.app/api';

function fail(message) {
  console.error(`server.js: ${message}`);
  process.exit(2);
}

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      alg: { type: 'string', default: 'ES384' },
      ttl: { type: 'string', default: '3600' },
      'key-clients': { type: 'string' },
      resource: { type: 'string', multiple: true, default: [] },
      'dpop-nonce': { type: 'string', default: 'required' },
      'dpop-off': { type: 'boolean', default: false },
    },
  }));
} catch (err) {
  fail(err.message);
}
const { alg } = options;
if (!Object.hasOwn(ALGORITHMS, alg)) {
  fail(`--alg must be one of ${Object.keys(ALGORITHMS).join(', ')}`);
}
if (!/^[1-9][0-9]*$/.test(options.ttl)) {
  fail('--ttl must be a positive number of seconds');
}
const ttl = Number(options.ttl);
if (!['required', 'optional'].includes(options['dpop-nonce'])) {
  fail('--dpop-nonce must be required or optional');
}
const requireDPoPNonce = options['dpop-nonce'] === 'required';

const fixtures = JSON.parse(readFileSync(new URL('./clients.json', import.meta.url), 'utf8'));
const resources = new Map(Object.entries(fixtures.resources));
// --resource URI=SCOPES adds a resource indicator, as a test's own API.
for (const arg of options.resource) {
  const at = arg.indexOf('=');
  if (at <= 0) fail(`--resource ${arg}: want URI=SCOPES`);
  resources.set(arg.slice(0, at), arg.slice(at + 1));
}
// An API whose tokens are opaque: proven only by introspection.
const OPAQUE_API = 'https://opaque.example.test';
resources.set(OPAQUE_API, 'read:items write:items');
// The scopes each client has been given, as Logto gives them to an app through its roles.
const keyClients = options['key-clients'] ? JSON.parse(readFileSync(options['key-clients'], 'utf8')) : [];
const logtoClients = fixtures.clients.filter((c) => c.provider === undefined);
const clientScopes = new Map([...fixtures.clients, ...keyClients].map((c) => [c.id, new Set(c.scope.split(' '))]));
// The algorithms of client assertions and of DPoP proofs this server takes.
const ASSERTION_ALGS = ['RS256', 'PS256', 'ES256', 'ES384'];
const PROOF_ALGS = ['ES256', 'ES384', 'RS256'];

const { publicKey, privateKey } = await jose.generateKeyPair(alg, {
  ...ALGORITHMS[alg],
  extractable: true,
});
const signingJwk = await jose.exportJWK(privateKey);
signingJwk.kid = await jose.calculateJwkThumbprint(signingJwk);
signingJwk.alg = alg;
signingJwk.use = 'sig';

const stats = {
  tokenRequests: 0, tokenErrors: 0, tokensIssued: 0, nonceChallenges: 0, apiRequests: 0, apiUnauthorized: 0,
  dpopProofs: 0, openRequests: 0, openWithAuthorization: 0, secretLeaks: 0,
};
const checkProof = proofChecker({ algorithms: PROOF_ALGS, stats });
// dropNonce makes the token endpoint leave out its DPoP-Nonce header, as a proxy that strips
// unknown headers does (POST /__dpop/drop-nonce turns it on).
let dropNonce = false;
// revokeNext makes the API revoke the next good token it gets (POST /__revoke-next), as a
// server where an administrator revoked it does: that request and every later one with it get 401.
let revokeNext = false;
// refuseAll makes the API refuse every token with 401 (POST /__refuse-all), as an API that
// wants another audience does.
let refuseAll = false;
const revoked = new Set();

const server = http.createServer();
await new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(0, '127.0.0.1', resolve);
});
const base = `http://127.0.0.1:${server.address().port}`;
const issuer = `${base}${MOUNT}`;

const provider = new Provider(issuer, {
  clients: [
    ...logtoClients.map((c) => ({
      client_id: c.id,
      client_secret: c.secret,
      token_endpoint_auth_method: c.auth === 'header' ? 'client_secret_basic' : 'client_secret_post',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    })),
    ...keyClients.map((c) => ({
      client_id: c.id,
      token_endpoint_auth_method: 'private_key_jwt',
      token_endpoint_auth_signing_alg: c.jwk.alg,
      jwks: { keys: [c.jwk] },
      dpop_bound_access_tokens: Boolean(c.dpop),
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    })),
  ],
  jwks: { keys: [signingJwk] },
  // Without these two, token requests fail with invalid_client_metadata for any alg but RS256:
  // ES384 is not among oidc-provider's default algorithms, and clients default to RS256, which
  // needs an RSA key. Allow exactly the generated key's alg, as Logto does with its key.
  enabledJWA: { idTokenSigningAlgValues: [alg], clientAuthSigningAlgValues: ASSERTION_ALGS, dPoPSigningAlgValues: PROOF_ALGS },
  clientDefaults: { id_token_signed_response_alg: alg },
  // oidc-provider's default routes (/token, /jwks, /.well-known/openid-configuration) are
  // relative to the issuer's path, so they are served as /oidc/token, /oidc/jwks and so on.
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    // Okta's way: every DPoP token request must carry a nonce the server gave (use_dpop_nonce).
    dPoP: { enabled: !options['dpop-off'], nonceSecret: randomBytes(32), requireNonce: () => requireDPoPNonce },
    introspection: { enabled: true, allowedPolicy: async (ctx, client, token) => client.clientId === token.clientId },
    resourceIndicators: {
      enabled: true,
      useGrantedResource: () => false,
      // Called without `oneOf` when the token request names no resource. Logto then answers
      // invalid_target unless the tenant has a default API; this server has none.
      defaultResource(ctx, client, oneOf) {
        if (oneOf === undefined) {
          throw new errors.InvalidTarget();
        }
        return oneOf;
      },
      getResourceServerInfo(ctx, indicator, client) {
        const resourceScopes = resources.get(indicator);
        if (resourceScopes === undefined) {
          throw new errors.InvalidTarget();
        }
        // Only the scopes the client holds: oidc-provider then drops any other requested scope
        // without an error, as Logto does.
        const held = clientScopes.get(client.clientId) ?? new Set();
        return {
          scope: resourceScopes.split(' ').filter((s) => held.has(s)).join(' '),
          accessTokenFormat: indicator === OPAQUE_API ? 'opaque' : 'jwt',
          accessTokenTTL: ttl,
          jwt: { sign: { alg } },
        };
      },
    },
  },
  ttl: {
    ClientCredentials: (ctx, token) => token.resourceServer?.accessTokenTTL ?? ttl,
  },
});
provider.on('server_error', (ctx, err) => console.error('oidc-provider server_error:', err));
const oidc = provider.callback();

function sendJSON(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

const servers = await makeServers({
  Provider, errors, alg, signingJwk, publicKey, ttl, fixtures, stats, sendJSON, base,
});

// The scope a request needs: Logto's Management API wants `all`; the example API wants
// read:items to read and write:items for anything else.
function requiredScope(audience, method) {
  if (audience === LOGTO_MANAGEMENT_API) {
    return 'all';
  }
  return method === 'GET' || method === 'HEAD' ? 'read:items' : 'write:items';
}

async function handleApi(req, res, path) {
  stats.apiRequests += 1;
  const unauthorized = (error, description) => {
    stats.apiUnauthorized += 1;
    // RFC 6750 §3.1: no error code when the request had no credentials at all.
    const challenge = error ? `Bearer realm="api", error="${error}"` : 'Bearer realm="api"';
    sendJSON(res, 401, { error: error ?? 'unauthorized', error_description: description },
      { 'www-authenticate': challenge });
  };

  const match = /^(Bearer|DPoP) +([A-Za-z0-9._~+/-]+=*) *$/i.exec(req.headers.authorization ?? '');
  if (!match) {
    unauthorized(undefined, 'a Bearer access token is required');
    return;
  }
  let payload;
  try {
    payload = match[2].includes('.') ? (await jose.jwtVerify(match[2], publicKey, {
      issuer,
      audience: [...resources.keys()],
      algorithms: [alg],
    })).payload : await opaqueClaims(match[2]);
  } catch (err) {
    unauthorized('invalid_token', err.message);
    return;
  }
  // A token revoked (POST /__revoke-next) is refused from then on, as after a revocation.
  const id = createHash('sha256').update(match[2]).digest('base64url');
  if (refuseAll) {
    unauthorized('invalid_token', 'this API takes no token of this server');
    return;
  }
  if (revokeNext) {
    revokeNext = false;
    revoked.add(id);
  }
  if (revoked.has(id)) {
    unauthorized('invalid_token', 'the token was revoked');
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
  // A list whose items' ids name a collection variable, as a hostile or broken API may answer.
  const hostile = /^\/api\/hostile\/([A-Za-z]+)$/.exec(path);
  if (hostile && req.method === 'GET') {
    sendJSON(res, 200, [{ id: `{{${hostile[1]}}}`, name: 'named like a variable' }]);
    return;
  }
  sendJSON(res, 200, { ok: true, method: req.method, path, sub: payload.sub });
}

// opaqueClaims are the claims of an opaque token this server issued and still holds, as a
// resource server learns them by introspection.
async function opaqueClaims(token) {
  const found = await provider.ClientCredentials.find(token);
  if (!found?.isValid) throw new Error('not an active token of this server');
  return { aud: found.aud, scope: found.scope, sub: found.clientId, cnf: found.jkt ? { jkt: found.jkt } : undefined };
}

// The clients' secrets, as they may travel: a request anywhere but the token endpoint that
// carries one, in its URL, headers or body, is a leak. A secret of a few letters (m2m-short's)
// stands in ordinary text, so it is left out of the count.
const secrets = fixtures.clients.map((c) => c.secret).filter((s) => s.length >= 8);
const secretForms = secrets.flatMap((s) => [s, encodeURIComponent(s), Buffer.from(s).toString('base64')]);

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

// Every request to the API and anywhere else but the token endpoints, as it arrived, for a test
// to search for what must never travel there (GET /__requests).
const received = [];
const maxReceived = 1000;

function record(req, body) {
  if (received.length < maxReceived) {
    received.push({ method: req.method, url: req.url, headers: req.headers, body });
  }
}

// hostileToken answers a token request with an access token that names a collection variable
// ({{name}} for POST /__hostile/token/NAME), as a hostile or broken token endpoint may.
function hostileToken(req, res, path) {
  const name = path.slice('/__hostile/token/'.length);
  sendJSON(res, 200, { access_token: `{{${name}}}`, token_type: 'Bearer', expires_in: 3600 });
}

// percentDecoded decodes each %XX of s and keeps every other character: a secret's own stray %
// (s3cr%t) makes decodeURIComponent throw on the whole URL it travels in.
function percentDecoded(s) {
  const bytes = [];
  for (let i = 0; i < s.length; i += 1) {
    if (s[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(s[i]));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function leaks(req, body) {
  const seen = [req.url, percentDecoded(req.url), JSON.stringify(req.headers), body].join('\n');
  return secretForms.some((f) => seen.includes(f));
}

async function handle(req, res) {
  // Only origin-form request targets ("/path?query") are expected from local clients.
  const path = req.url.startsWith('/') ? new URL(req.url, base).pathname : '';
  if (!(path === MOUNT || path.startsWith(`${MOUNT}/`) || servers.isTokenPath(path)) && !path.startsWith('/__')) {
    const body = await readBody(req);
    record(req, body);
    if (leaks(req, body)) stats.secretLeaks += 1;
  }

  if (path === MOUNT || path.startsWith(`${MOUNT}/`)) {
    if (path === `${MOUNT}/token` && req.method === 'POST') {
      stats.tokenRequests += 1;
      res.once('finish', () => {
        if (res.statusCode >= 400) stats.tokenErrors += 1;
        if (res.statusCode === 200) stats.tokensIssued += 1;
        if (res.statusCode === 400 && res.nonceChallenge) stats.nonceChallenges += 1;
      });
      const setHeader = res.setHeader.bind(res);
      res.setHeader = (name, value) => {
        if (String(name).toLowerCase() === 'dpop-nonce') {
          res.nonceChallenge = true;
          if (dropNonce) return res;
        }
        return setHeader(name, value);
      };
    }
    // Mount like connect/express: oidc-provider finds its mount path from originalUrl minus url.
    req.originalUrl = req.url;
    req.url = req.url.slice(MOUNT.length);
    if (!req.url.startsWith('/')) req.url = `/${req.url}`;
    oidc(req, res);
  } else if (await servers.handleMain(req, res, path)) {
    // Keycloak's and Entra ID's paths, and their APIs.
  } else if (path === '/api' || path.startsWith('/api/')) {
    await handleApi(req, res, path);
  } else if (path === '/open' || path.startsWith('/open/')) {
    // A stand-in for an API that answers 200 to anything, token or not, as a public endpoint
    // does: a run against it passes only on its own tests.
    stats.openRequests += 1;
    if (req.headers.authorization !== undefined) {
      stats.openWithAuthorization += 1;
    }
    sendJSON(res, 200, { ok: true, method: req.method, path });
  } else if (path.startsWith('/__hostile/token/') && req.method === 'POST') {
    hostileToken(req, res, path);
  } else if (path === '/__requests' && req.method === 'GET') {
    sendJSON(res, 200, received);
  } else if (path === '/__stats' && req.method === 'GET') {
    sendJSON(res, 200, stats);
  } else if (path === '/__refuse-all' && req.method === 'POST') {
    refuseAll = true;
    sendJSON(res, 200, { refuseAll });
  } else if (path === '/__revoke-next' && req.method === 'POST') {
    revokeNext = true;
    sendJSON(res, 200, { revokeNext });
  } else if (path === '/__dpop/drop-nonce' && req.method === 'POST') {
    dropNonce = true;
    sendJSON(res, 200, { dropNonce });
  } else if (path === '/__stats/reset' && req.method === 'POST') {
    for (const key of Object.keys(stats)) stats[key] = 0;
    sendJSON(res, 200, stats);
  } else {
    sendJSON(res, 404, { error: 'not_found', error_description: `no route for ${req.method} ${path}` });
  }
}

server.on('request', (req, res) => {
  res.once('finish', () => console.error(`${req.method} ${req.originalUrl ?? req.url} -> ${res.statusCode}`));
  handle(req, res).catch((err) => {
    console.error('server.js:', err);
    if (!res.headersSent) sendJSON(res, 500, { error: 'server_error' });
  });
});

const shutdown = () => process.exit(0);
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
// The Go test holds our stdin open; when it closes (the test ended or died), stop.
process.stdin.on('end', shutdown);
process.stdin.on('close', shutdown);
process.stdin.resume();

process.stdout.write(`${JSON.stringify({
  base,
  issuer,
  tokenUrl: `${issuer}/token`,
  jwksUrl: `${issuer}/jwks`,
  introspectionUrl: `${issuer}/token/introspection`,
  servers: servers.ready,
})}\n`);
