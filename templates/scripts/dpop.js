
// gen-postman: DPoP (RFC 9449). Each token request and each API request carries a fresh proof,
// signed with the proof key in the variable dpopKey (an EC P-256 JWK), and the API requests
// carry Authorization: DPoP <token> (the collection's auth has the header prefix DPoP). A
// server's DPoP-Nonce is kept in dpopNonce for the token endpoint's proofs.
const dpop = {
  // proof is a DPoP proof for method and url (its query and fragment cut), with the server's
  // nonce and the access token's hash when given.
  proof(method, url, nonce, accessToken) {
    const jwk = readJWK('dpopKey');
    if (!jwk) {
      throw new Error('set the variable dpopKey (in your environment, type secret)');
    }
    const claims = { jti: uniqueId(), htm: method, htu: String(url).split(/[?#]/)[0], iat: Math.floor(Date.now() / 1000) };
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
    const url = pm.request.url;
    const origin = (url.protocol ? url.protocol + '://' : '') + url.getHost() + (url.port ? ':' + url.port : '');
    const htu = pm.variables.replaceIn(origin + url.getPath());
    pm.request.headers.upsert({ key: 'DPoP', value: dpop.proof(pm.request.method, htu, '', accessToken) });
  }
};
