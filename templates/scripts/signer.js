// gen-postman: signs JWTs with the client's private key (JWS, RFC 7515) in the script itself: the
// sandbox has CryptoJS for hashes and HMAC but nothing that signs with RSA or ECDSA, and Newman
// cannot load packages, so the arithmetic is here, with BigInt. The key is a private JWK (RFC
// 7517) read from a variable. RSA keys sign RS256 (RSASSA-PKCS1-v1_5, RFC 8017 §8.2, with the
// Chinese remainder theorem); EC keys sign ES256 or ES384 with the nonce k derived from the key
// and the message (RFC 6979), because Math.random is no source of secret numbers.
const jws = (() => {
  const CryptoJS = require('crypto-js');
  const hashes = {
    'SHA-256': { digest: CryptoJS.SHA256, hmac: CryptoJS.HmacSHA256, bytes: 32 },
    'SHA-384': { digest: CryptoJS.SHA384, hmac: CryptoJS.HmacSHA384, bytes: 48 }
  };

  const base64url = (words) => words.toString(CryptoJS.enc.Base64).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const textToBase64url = (text) => base64url(CryptoJS.enc.Utf8.parse(text));
  const hexToBase64url = (hex) => base64url(CryptoJS.enc.Hex.parse(hex));
  function base64urlToHex(text) {
    if (typeof text !== 'string' || !/^[A-Za-z0-9_-]+$/.test(text)) {
      throw new Error('the private key is not a JWK of this script (a member is not base64url)');
    }
    const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
    return CryptoJS.enc.Base64.parse(b64 + '='.repeat((4 - (b64.length % 4)) % 4)).toString(CryptoJS.enc.Hex);
  }
  const toBig = (hex) => BigInt('0x' + (hex || '0'));
  const member = (jwk, name) => toBig(base64urlToHex(jwk[name]));
  function toHex(n, bytes) {
    const hex = n.toString(16);
    return hex.padStart(bytes * 2, '0');
  }
  const mod = (a, m) => {
    const r = a % m;
    return r < 0n ? r + m : r;
  };
  function modPow(base, exp, m) {
    let result = 1n;
    let b = mod(base, m);
    let e = exp;
    while (e > 0n) {
      if (e & 1n) {
        result = (result * b) % m;
      }
      e >>= 1n;
      b = (b * b) % m;
    }
    return result;
  }
  const bitLength = (n) => n.toString(2).length;

  // RS256: EMSA-PKCS1-v1_5 with SHA-256's DigestInfo prefix, then m^d mod n by the CRT.
  const sha256DigestInfo = '3031300d060960864801650304020105000420';
  function signRSA(jwk, input) {
    const n = member(jwk, 'n');
    const e = member(jwk, 'e');
    const p = member(jwk, 'p');
    const q = member(jwk, 'q');
    const dp = member(jwk, 'dp');
    const dq = member(jwk, 'dq');
    const qi = member(jwk, 'qi');
    const k = Math.ceil(bitLength(n) / 8);
    const digest = CryptoJS.SHA256(input).toString(CryptoJS.enc.Hex);
    const padding = k - 3 - sha256DigestInfo.length / 2 - 32;
    const m = toBig('0001' + 'ff'.repeat(padding) + '00' + sha256DigestInfo + digest);
    const m1 = modPow(m, dp, p);
    const m2 = modPow(m, dq, q);
    const s = m2 + mod(qi * (m1 - m2), p) * q;
    if (modPow(s, e, n) !== m) { // a damaged key signs wrong, and would leak its factors
      throw new Error('the private key is damaged: its RSA numbers do not fit together');
    }
    return toHex(s, k);
  }

  // Short Weierstrass curves y^2 = x^3 - 3x + b over GF(p), in Jacobian coordinates.
  const curves = {
    'P-256': {
      alg: 'ES256', hash: 'SHA-256', bytes: 32,
      p: toBig('ffffffff00000001000000000000000000000000ffffffffffffffffffffffff'),
      n: toBig('ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551'),
      gx: toBig('6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296'),
      gy: toBig('4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5')
    },
    'P-384': {
      alg: 'ES384', hash: 'SHA-384', bytes: 48,
      p: toBig('fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff'),
      n: toBig('ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973'),
      gx: toBig('aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7'),
      gy: toBig('3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5f')
    }
  };

  function double(c, P) {
    const [x, y, z] = P;
    if (y === 0n || z === 0n) {
      return [0n, 1n, 0n];
    }
    const p = c.p;
    const delta = (z * z) % p;
    const gamma = (y * y) % p;
    const beta = (x * gamma) % p;
    const alpha = mod(3n * (x - delta) * (x + delta), p);
    const x3 = mod(alpha * alpha - 8n * beta, p);
    const z3 = mod((y + z) * (y + z) - gamma - delta, p);
    const y3 = mod(alpha * (4n * beta - x3) - 8n * gamma * gamma, p);
    return [x3, y3, z3];
  }

  function add(c, P, Q) {
    if (P[2] === 0n) {
      return Q;
    }
    if (Q[2] === 0n) {
      return P;
    }
    const p = c.p;
    const [x1, y1, z1] = P;
    const [x2, y2, z2] = Q;
    const z1z1 = (z1 * z1) % p;
    const z2z2 = (z2 * z2) % p;
    const u1 = (x1 * z2z2) % p;
    const u2 = (x2 * z1z1) % p;
    const s1 = (y1 * z2 * z2z2) % p;
    const s2 = (y2 * z1 * z1z1) % p;
    if (u1 === u2) {
      return s1 === s2 ? double(c, P) : [0n, 1n, 0n];
    }
    const h = mod(u2 - u1, p);
    const r = mod(s2 - s1, p);
    const h2 = (h * h) % p;
    const h3 = (h * h2) % p;
    const u1h2 = (u1 * h2) % p;
    const x3 = mod(r * r - h3 - 2n * u1h2, p);
    const y3 = mod(r * (u1h2 - x3) - s1 * h3, p);
    const z3 = (h * z1 * z2) % p;
    return [x3, y3, z3];
  }

  // x of k·G, in affine coordinates.
  function multiplyBaseX(c, k) {
    let R = [0n, 1n, 0n];
    const G = [c.gx, c.gy, 1n];
    for (const bit of k.toString(2)) {
      R = double(c, R);
      if (bit === '1') {
        R = add(c, R, G);
      }
    }
    const zInv = modPow(R[2], c.p - 2n, c.p);
    return (R[0] * zInv * zInv) % c.p;
  }

  // RFC 6979 §3.2: the nonces for key d and message hash h1 (hex), from HMAC-DRBG. Here the
  // hash is as long as the group order, so bits2int needs no shift.
  function* nonces(c, d, h1) {
    const H = hashes[c.hash];
    const hmac = (key, hex) => H.hmac(CryptoJS.enc.Hex.parse(hex), CryptoJS.enc.Hex.parse(key)).toString(CryptoJS.enc.Hex);
    const x = toHex(d, c.bytes);
    const h = toHex(mod(toBig(h1), c.n), c.bytes);
    let V = '01'.repeat(H.bytes);
    let K = '00'.repeat(H.bytes);
    K = hmac(K, V + '00' + x + h);
    V = hmac(K, V);
    K = hmac(K, V + '01' + x + h);
    V = hmac(K, V);
    for (;;) {
      V = hmac(K, V);
      const k = toBig(V);
      if (k >= 1n && k < c.n) {
        yield k;
      }
      K = hmac(K, V + '00');
      V = hmac(K, V);
    }
  }

  function signEC(c, jwk, input) {
    const d = member(jwk, 'd');
    if (d < 1n || d >= c.n) {
      throw new Error('the private key is damaged: d is out of range');
    }
    const digest = hashes[c.hash].digest(input).toString(CryptoJS.enc.Hex);
    const e = toBig(digest);
    for (const k of nonces(c, d, digest)) {
      const r = multiplyBaseX(c, k) % c.n;
      const s = mod(modPow(k, c.n - 2n, c.n) * (e + r * d), c.n);
      if (r !== 0n && s !== 0n) {
        return toHex(r, c.bytes) + toHex(s, c.bytes);
      }
    }
    return '';
  }

  // algorithm is the JWS alg this key signs with.
  function algorithm(jwk) {
    if (jwk && jwk.kty === 'RSA') {
      return 'RS256';
    }
    if (jwk && jwk.kty === 'EC' && curves[jwk.crv]) {
      return curves[jwk.crv].alg;
    }
    throw new Error('the private key is not an RSA or EC (P-256, P-384) JWK');
  }

  // sign returns the compact JWS of claims with header (alg is set from the key).
  function sign(jwk, header, claims) {
    const alg = algorithm(jwk);
    const input = textToBase64url(JSON.stringify(Object.assign({ alg }, header))) + '.' + textToBase64url(JSON.stringify(claims));
    const signature = alg === 'RS256' ? signRSA(jwk, input) : signEC(curves[jwk.crv], jwk, input);
    return input + '.' + hexToBase64url(signature);
  }

  // publicJWK is the public half of an EC JWK, with the members RFC 7638 thumbprints read.
  const publicJWK = (jwk) => ({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y });

  // sha256 is the base64url SHA-256 of text, as DPoP's ath (RFC 9449 §4.2).
  const sha256 = (text) => base64url(CryptoJS.SHA256(text));

  return { sign, algorithm, publicJWK, sha256, signEC, curves };
})();

// uniqueId is a fresh jti: Postman's $guid, else time and a counter. A jti must be unique, not
// secret.
let uniqueIdCount = 0;
function uniqueId() {
  const guid = pm.variables.replaceIn('{{$guid}}');
  uniqueIdCount += 1;
  return /^[0-9a-f-]{36}$/i.test(guid) ? guid : Date.now().toString(36) + '-' + uniqueIdCount + '-' + Math.random().toString(36).slice(2);
}

// readJWK parses a private JWK from the variable name, with a message that never shows it.
function readJWK(name) {
  const text = pm.variables.get(name) || '';
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error('the variable ' + name + ' does not hold a JWK (JSON)');
  }
}

// clientAssertion is a fresh private_key_jwt assertion (RFC 7523 §3): the client is its issuer
// and subject, the token URL its audience, and it lives two minutes.
function clientAssertion(clientId, tokenUrl) {
  const jwk = readJWK('privateKey');
  if (!jwk) {
    throw new Error('set the variable privateKey (in your environment, type secret, or with newman --env-var)');
  }
  const now = Math.floor(Date.now() / 1000);
  const header = { typ: 'JWT' };
  const kid = pm.variables.get('keyId') || '';
  if (kid) {
    header.kid = kid;
  }
  return jws.sign(jwk, header, { iss: clientId, sub: clientId, aud: tokenUrl, jti: uniqueId(), iat: now, exp: now + 120 });
}
