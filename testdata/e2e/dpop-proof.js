// A resource server's check of a DPoP-bound token's use (RFC 9449 §7), shared by the end-to-end
// suite's two protected APIs: the one beside oidc-provider (server.js) and the one beside
// Glewlwyd (glewlwyd.js).
import { createHash } from 'node:crypto';

import * as jose from 'jose';

// proofChecker returns check(req, htu, scheme, token, jkt): the token must be sent as "DPoP",
// with a proof of the bound key (cnf.jkt) made for this request (htu compared as a string, as
// strict servers do) and this token, used once. check returns what is wrong, or '' when all is
// well, and counts each good proof in stats.dpopProofs.
export function proofChecker({ algorithms, stats }) {
  const seen = new Set();
  return async function check(req, htu, scheme, token, jkt) {
    if (!jkt) return 'the token is not DPoP-bound (no cnf.jkt), but was sent as DPoP';
    if (scheme.toLowerCase() !== 'dpop') return 'a DPoP-bound token must be sent as Authorization: DPoP';
    const proof = req.headers.dpop;
    if (typeof proof !== 'string' || proof === '') return 'no DPoP proof with the DPoP-bound token';
    let verified;
    try {
      verified = await jose.jwtVerify(proof, jose.EmbeddedJWK, {
        typ: 'dpop+jwt', algorithms, maxTokenAge: '60s', clockTolerance: 5,
      });
    } catch (err) {
      return `DPoP proof: ${err.message}`;
    }
    const { payload, protectedHeader } = verified;
    if (payload.htm !== req.method) return `DPoP proof htm ${payload.htm}, not ${req.method}`;
    if (payload.htu !== htu) return `DPoP proof htu ${payload.htu}, not ${htu}`;
    if (typeof payload.jti !== 'string' || seen.has(payload.jti)) return 'DPoP proof jti missing or used before';
    seen.add(payload.jti);
    if (payload.ath !== createHash('sha256').update(token).digest('base64url')) return 'DPoP proof ath is not the hash of this token';
    if ((await jose.calculateJwkThumbprint(protectedHeader.jwk)) !== jkt) return 'the DPoP proof key is not the key the token is bound to (cnf.jkt)';
    stats.dpopProofs += 1;
    return '';
  };
}
