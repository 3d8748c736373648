// oidc-provider configured as Keycloak, Zitadel, Microsoft Entra ID and Okta behave, for the
// presets of the same names, each with a stand-in of the API its preset's ready requests call.
// server.js serves them from the same process:
//
//   Keycloak  B/realms/demo (issuer), .../protocol/openid-connect/{token,certs,token/introspect};
//             JWT access tokens (typ JWT, azp, no client_id) whose aud is the one an audience
//             mapper adds; the admin API at B/admin/realms/demo/...
//   Entra ID  B/TENANT/oauth2/v2.0/token and B/TENANT/discovery/v2.0/keys; the API named in the
//             scope (https://graph.microsoft.com/.default); v1.0 tokens as Microsoft Graph's
//             (iss https://sts.windows.net/TENANT/, appid, tid, roles, no scope); client secret
//             in the body; Graph at B/graph/v1.0/...
//   Zitadel   its own origin Z (issuer Z), Z/oauth/v2/{token,keys,introspect}; opaque access
//             tokens for the scope openid urn:zitadel:iam:org:project:id:zitadel:aud, proven by
//             introspection; the APIs at Z/auth/v1/... and Z/management/v1/...
//   Okta      its own origin O (issuer O), O/oauth2/v1/{token,keys,introspect}; JWTs for the
//             org (aud O) with okta.* scopes in scp and the client in cid and sub; the Management
//             API at O/api/v1/... needing okta.users.read, okta.apps.read, okta.groups.read.
//
// Each client authenticates as its preset sends (client_secret_basic or client_secret_post) and
// the other way is refused, as those servers refuse an unregistered method.

import http from 'node:http';

import * as jose from 'jose';

export const ENTRA_TENANT = '9188040d-6c67-4c5b-b112-36a304b66dad';
const KEYCLOAK_REALM = 'demo';
// The audience an Audience mapper adds: a client id. oidc-provider wants a resource to be an
// absolute URI, so the resource is KEYCLOAK_RESOURCE and the token's aud is rewritten.
const KEYCLOAK_AUDIENCE = 'demo-api';
const KEYCLOAK_RESOURCE = 'urn:keycloak:demo-api';
const GRAPH = 'https://graph.microsoft.com';
const ZITADEL_API = 'urn:zitadel:api';
const ZITADEL_SCOPE = 'openid urn:zitadel:iam:org:project:id:zitadel:aud';
const OKTA_SCOPES = 'okta.users.read okta.apps.read okta.groups.read';
// What each of Okta's ready requests needs.
const OKTA_NEEDS = { users: 'okta.users.read', apps: 'okta.apps.read', groups: 'okta.groups.read' };

function clientConfig(c) {
  return {
    client_id: c.id,
    client_secret: c.secret,
    token_endpoint_auth_method: c.auth === 'header' ? 'client_secret_basic' : 'client_secret_post',
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
  };
}

function listen(server) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`));
  });
}

// Mount an oidc-provider callback at mount, as connect does: oidc-provider finds its mount path
// from originalUrl minus url.
function mounted(callback, mount) {
  return (req, res) => {
    req.originalUrl = req.url;
    req.url = req.url.slice(mount.length) || '/';
    if (!req.url.startsWith('/')) req.url = `/${req.url}`;
    callback(req, res);
  };
}

// makeServers builds the four servers. common holds what server.js shares with them: the
// signing key and alg, the clients, the token lifetime, Provider and errors of oidc-provider,
// stats, sendJSON, and the main origin base.
export async function makeServers(common) {
  const { Provider, errors, alg, signingJwk, publicKey, ttl, fixtures, stats, sendJSON, base } = common;
  const clientsOf = (name) => fixtures.clients.filter((c) => c.provider === name);

  function provider(issuer, name, { routes, resource, format, scope, customize, introspection }) {
    const p = new Provider(issuer, {
      clients: clientsOf(name).map(clientConfig),
      jwks: { keys: [signingJwk] },
      enabledJWA: { idTokenSigningAlgValues: [alg] },
      clientDefaults: { id_token_signed_response_alg: alg },
      routes,
      scopes: ['openid', ...scope.split(' ')],
      features: {
        devInteractions: { enabled: false },
        clientCredentials: { enabled: true },
        introspection: { enabled: introspection, allowedPolicy: async (ctx, client) => client.clientAuthMethod !== 'none' },
        resourceIndicators: {
          enabled: true,
          useGrantedResource: () => false,
          // None of these servers takes a resource parameter: the API is the server's own,
          // named by its scope or by an audience mapper.
          defaultResource: () => resource,
          getResourceServerInfo(ctx, indicator) {
            if (indicator !== resource) throw new errors.InvalidTarget();
            return { scope, accessTokenFormat: format, accessTokenTTL: ttl, jwt: { sign: { alg } } };
          },
        },
      },
      formats: { customizers: { jwt: customize } },
      ttl: { ClientCredentials: ttl },
    });
    p.on('server_error', (ctx, err) => console.error(`oidc-provider (${name}) server_error:`, err));
    return p;
  }

  // Keycloak, on the main origin.
  const kcIssuer = `${base}/realms/${KEYCLOAK_REALM}`;
  const keycloak = provider(kcIssuer, 'keycloak', {
    routes: {
      token: '/protocol/openid-connect/token',
      jwks: '/protocol/openid-connect/certs',
      introspection: '/protocol/openid-connect/token/introspect',
    },
    resource: KEYCLOAK_RESOURCE,
    format: 'jwt',
    scope: 'profile email',
    introspection: true,
    async customize(ctx, token, jwt) {
      jwt.header = { typ: 'JWT' };
      const client = jwt.payload.client_id;
      delete jwt.payload.client_id;
      Object.assign(jwt.payload, {
        aud: KEYCLOAK_AUDIENCE, azp: client, typ: 'Bearer', sub: '5f0e1c2a-6d1b-4c3e-9a7f-0b8e2d4c6a10',
        preferred_username: `service-account-${client}`, scope: 'profile email',
      });
    },
  });

  // Entra ID, on the main origin under the tenant.
  const entraMount = `/${ENTRA_TENANT}`;
  const entra = provider(`https://sts.windows.net/${ENTRA_TENANT}/`, 'entra', {
    routes: { token: '/oauth2/v2.0/token', jwks: '/discovery/v2.0/keys' },
    resource: GRAPH,
    format: 'jwt',
    scope: `${GRAPH}/.default`,
    introspection: false,
    async customize(ctx, token, jwt) {
      jwt.header = { typ: 'JWT' };
      const client = jwt.payload.client_id;
      const fixture = fixtures.clients.find((c) => c.id === client);
      delete jwt.payload.client_id;
      delete jwt.payload.scope;
      Object.assign(jwt.payload, {
        appid: client, appidacr: '1', tid: ENTRA_TENANT, ver: '1.0', idtyp: 'app',
        sub: 'c2a7f0d4-1b3e-4f5a-8c9d-0e1f2a3b4c5d', oid: 'c2a7f0d4-1b3e-4f5a-8c9d-0e1f2a3b4c5d',
        roles: (fixture?.roles ?? '').split(' ').filter(Boolean),
      });
    },
  });

  // Zitadel and Okta, each on its own origin: their issuers have no path.
  const zitadelServer = http.createServer();
  const oktaServer = http.createServer();
  const zBase = await listen(zitadelServer);
  const oBase = await listen(oktaServer);
  const zitadel = provider(zBase, 'zitadel', {
    routes: { token: '/oauth/v2/token', jwks: '/oauth/v2/keys', introspection: '/oauth/v2/introspect' },
    resource: ZITADEL_API,
    format: 'opaque',
    scope: ZITADEL_SCOPE,
    introspection: true,
  });
  const okta = provider(oBase, 'okta', {
    routes: { token: '/oauth2/v1/token', jwks: '/oauth2/v1/keys', introspection: '/oauth2/v1/introspect' },
    resource: oBase,
    format: 'jwt',
    scope: OKTA_SCOPES,
    introspection: true,
    async customize(ctx, token, jwt) {
      const client = jwt.payload.client_id;
      delete jwt.payload.client_id;
      const scp = (jwt.payload.scope ?? '').split(' ').filter(Boolean);
      delete jwt.payload.scope;
      Object.assign(jwt.payload, { ver: 1, cid: client, sub: client, scp });
    },
  });
  const countToken = (res) => {
    stats.tokenRequests += 1;
    res.once('finish', () => {
      if (res.statusCode >= 400) stats.tokenErrors += 1;
    });
  };

  // api answers a request to a stand-in API: 401 without a good token from the server, 403
  // without the scope it needs, 200 otherwise.
  async function api(req, res, path, check) {
    stats.apiRequests += 1;
    const unauthorized = (description) => {
      stats.apiUnauthorized += 1;
      sendJSON(res, 401, { error: 'invalid_token', error_description: description },
        { 'www-authenticate': 'Bearer realm="api", error="invalid_token"' });
    };
    const match = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(req.headers.authorization ?? '');
    if (!match) {
      unauthorized('a Bearer access token is required');
      return;
    }
    let problem;
    try {
      problem = await check(match[1]);
    } catch (err) {
      unauthorized(err.message);
      return;
    }
    if (problem) {
      sendJSON(res, 403, { error: 'insufficient_scope', error_description: problem });
      return;
    }
    sendJSON(res, 200, { ok: true, method: req.method, path });
  }

  const verifyJWT = (token, issuer, audience) => jose.jwtVerify(token, publicKey, { issuer, audience, algorithms: [alg] });

  const kcCallback = mounted(keycloak.callback(), `/realms/${KEYCLOAK_REALM}`);
  const entraCallback = mounted(entra.callback(), entraMount);

  // handleMain serves the Keycloak and Entra ID paths of the main origin; false for others.
  async function handleMain(req, res, path) {
    if (path.startsWith(`/realms/${KEYCLOAK_REALM}/`)) {
      if (path.endsWith('/protocol/openid-connect/token') && req.method === 'POST') countToken(res);
      kcCallback(req, res);
    } else if (path.startsWith(`/admin/realms/${KEYCLOAK_REALM}/`)) {
      await api(req, res, path, async (t) => {
        await verifyJWT(t, kcIssuer, KEYCLOAK_AUDIENCE);
      });
    } else if (path.startsWith(`${entraMount}/`)) {
      if (path === `${entraMount}/oauth2/v2.0/token` && req.method === 'POST') countToken(res);
      entraCallback(req, res);
    } else if (path.startsWith('/graph/v1.0/')) {
      await api(req, res, path, async (t) => {
        const { payload } = await verifyJWT(t, `https://sts.windows.net/${ENTRA_TENANT}/`, GRAPH);
        return (payload.roles ?? []).length > 0 ? undefined : 'the app holds no application permission';
      });
    } else {
      return false;
    }
    return true;
  }

  const zCallback = zitadel.callback();
  zitadelServer.on('request', (req, res) => {
    const path = new URL(req.url, zBase).pathname;
    res.once('finish', () => console.error(`zitadel ${req.method} ${path} -> ${res.statusCode}`));
    if (path.startsWith('/oauth/v2/') || path.startsWith('/.well-known/')) {
      if (path === '/oauth/v2/token' && req.method === 'POST') countToken(res);
      zCallback(req, res);
      return;
    }
    if (path.startsWith('/auth/v1/') || path.startsWith('/management/v1/')) {
      api(req, res, path, async (t) => {
        const token = await zitadel.ClientCredentials.find(t);
        if (!token?.isValid) throw new Error('not an active token of this server');
        return token.scopes.has('urn:zitadel:iam:org:project:id:zitadel:aud') ? undefined : 'the zitadel audience scope is required';
      }).catch((err) => sendJSON(res, 500, { error: err.message }));
      return;
    }
    sendJSON(res, 404, { error: 'not_found' });
  });

  const oCallback = okta.callback();
  oktaServer.on('request', (req, res) => {
    const path = new URL(req.url, oBase).pathname;
    res.once('finish', () => console.error(`okta ${req.method} ${path} -> ${res.statusCode}`));
    if (path.startsWith('/oauth2/v1/') || path.startsWith('/.well-known/')) {
      if (path === '/oauth2/v1/token' && req.method === 'POST') countToken(res);
      oCallback(req, res);
      return;
    }
    if (path.startsWith('/api/v1/')) {
      api(req, res, path, async (t) => {
        const { payload } = await verifyJWT(t, oBase, oBase);
        const needed = OKTA_NEEDS[path.split('/')[3]];
        return needed && !(payload.scp ?? []).includes(needed) ? `scope ${needed} is required` : undefined;
      }).catch((err) => sendJSON(res, 500, { error: err.message }));
      return;
    }
    sendJSON(res, 404, { error: 'not_found' });
  });

  return {
    handleMain,
    // isTokenPath says where a client secret may go on the main origin.
    isTokenPath: (path) => path.startsWith(`/realms/${KEYCLOAK_REALM}/`) || path.startsWith(`${entraMount}/`),
    ready: {
      keycloak: { endpoint: base, realm: KEYCLOAK_REALM, issuer: kcIssuer, audience: KEYCLOAK_AUDIENCE },
      entra: {
        tenant: ENTRA_TENANT,
        tokenUrl: `${base}${entraMount}/oauth2/v2.0/token`,
        jwksUrl: `${base}${entraMount}/discovery/v2.0/keys`,
        graph: `${base}/graph`,
      },
      zitadel: { endpoint: zBase },
      okta: { endpoint: oBase, scope: OKTA_SCOPES },
    },
  };
}
