
// gen-postman: DPoP (RFC 9449). Each token request and each API request carries a fresh proof,
// signed with the proof key in the variable dpopKey (an EC P-256 JWK), and the API requests
// carry Authorization: DPoP <token> (the collection's auth has the header prefix DPoP). A
// server's DPoP-Nonce is kept in dpopNonce for the token endpoint's proofs.
const dpop = {
  // htu is a proof's htu for url: its query and fragment cut (RFC 9449 section 4.2), normalized
  // as section 4.3 compares it (RFC 3986 sections 6.2.2 and 6.2.3): scheme and host in lower case,
  // the default port left out, an empty path written "/". verify makes the same (dpopHTU), so a
  // server comparing htu as a string takes both.
  htu(url) {
    const cut = String(url).split(/[?#]/)[0];
    const parts = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/]*)(.*)$/.exec(cut);
    if (!parts) {
      return cut;
    }
    const scheme = parts[1].toLowerCase();
    let authority = parts[2].toLowerCase();
    const defaultPort = { http: ':80', https: ':443' }[scheme];
    if (defaultPort && authority.endsWith(defaultPort)) {
      authority = authority.slice(0, -defaultPort.length);
    }
    return scheme + '://' + authority + (parts[3] || '/');
  },
  // proof is a DPoP proof for method and url (as htu gives it), with the server's nonce and the
  // access token's hash when given.
  proof(method, url, nonce, accessToken) {
    const jwk = readJWK('dpopKey');
    if (!jwk) {
      throw new Error('set the variable dpopKey (in your environment, type secret)');
    }
    const claims = { jti: uniqueId(), htm: method, htu: dpop.htu(url), iat: Math.floor(Date.now() / 1000) };
    if (nonce) {
      claims.nonce = nonce;
    }
    if (accessToken) {
      claims.ath = jws.sha256(accessToken);
    }
    return jws.sign(jwk, { typ: 'dpop+jwt', jwk: jws.publicJWK(jwk) }, claims);
  },
  // tokenNonce is the nonce the token endpoint gave last.
  tokenNonce() {
    return pm.collectionVariables.get('dpopNonce') || '';
  },
  // keepNonce keeps the DPoP-Nonce of a token endpoint's answer, and says whether there was one.
  keepNonce(res) {
    const nonce = res.headers.get('DPoP-Nonce');
    if (nonce) {
      pm.collectionVariables.set('dpopNonce', nonce);
    }
    return Boolean(nonce);
  },
  // attach puts a proof for this request and the token in its DPoP header.
  attach(accessToken) {
    // getPath() fills the path variables, and says "/" for a URL without a path of its own,
    // such as {{baseUrl}}: there the path is the one {{baseUrl}} holds.
    const url = pm.request.url;
    const origin = (url.protocol ? url.protocol + '://' : '') + url.getHost() + (url.port ? ':' + url.port : '');
    const path = url.path && url.path.length > 0 ? url.getPath() : '';
    pm.request.headers.upsert({ key: 'DPoP', value: dpop.proof(pm.request.method, pm.variables.replaceIn(origin + path), '', accessToken) });
  }
};
