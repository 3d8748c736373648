package verify

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"

	"github.com/gen-postman/gen-postman/internal/clientkey"
	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/internal/redact"
	"github.com/gen-postman/gen-postman/internal/text"
)

// Client assertions and DPoP proofs.
const (
	// assertionType is the client_assertion_type of a JWT assertion (RFC 7523 §2.2).
	assertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
	// assertionLifetime is how long an assertion is good for; the same as the script's.
	assertionLifetime = 2 * time.Minute
	// dpopType is the typ of a DPoP proof (RFC 9449 §4.2).
	dpopType = "dpop+jwt"
	// codeUseDPoPNonce is the error of a server that wants a nonce in the proof (RFC 9449 §8, §9).
	codeUseDPoPNonce = "use_dpop_nonce"
)

// signingMethod is the JWS method of a client key.
func signingMethod(k *clientkey.Key) jwt.SigningMethod {
	switch k.Alg {
	case clientkey.AlgES256:
		return jwt.SigningMethodES256
	case clientkey.AlgES384:
		return jwt.SigningMethodES384
	}
	return jwt.SigningMethodRS256
}

// clientAssertion signs a fresh private_key_jwt assertion (RFC 7523 §3): the client is its
// issuer and subject, audience the endpoint it goes to (the token URL, or the introspection
// URL: Glewlwyd takes no other there), and its jti is new.
func clientAssertion(p *profile.Profile, audience string, now time.Time) (string, error) {
	claims := jwt.MapClaims{
		"iss": p.ClientID,
		"sub": p.ClientID,
		"aud": audience,
		"jti": uuid.NewString(),
		"iat": now.Unix(),
		"exp": now.Add(assertionLifetime).Unix(),
	}
	tok := jwt.NewWithClaims(signingMethod(p.ClientKey), claims)
	if p.KeyID != "" {
		tok.Header["kid"] = p.KeyID
	}
	s, err := tok.SignedString(p.ClientKey.Signer())
	if err != nil {
		return "", fmt.Errorf("signing the client assertion: %w", err)
	}
	return s, nil
}

// dpopProof signs a DPoP proof (RFC 9449 §4.2) for a request: its method, its URL as
// [dpopHTU] gives it, the server's nonce and the hash of the access token when given.
func dpopProof(key *clientkey.Key, method, target, nonce, accessToken string, now time.Time) (string, error) {
	claims := jwt.MapClaims{"jti": uuid.NewString(), "htm": method, "htu": dpopHTU(target), "iat": now.Unix()}
	if nonce != "" {
		claims["nonce"] = nonce
	}
	if accessToken != "" {
		claims["ath"] = tokenHash(accessToken)
	}
	tok := jwt.NewWithClaims(signingMethod(key), claims)
	tok.Header["typ"] = dpopType
	jwk := key.PublicJWK("")
	jwk.Alg = ""
	tok.Header["jwk"] = jwk
	s, err := tok.SignedString(key.Signer())
	if err != nil {
		return "", fmt.Errorf("signing the DPoP proof: %w", err)
	}
	return s, nil
}

// dpopHTU is a proof's htu for a request to target: its URL without query and fragment (RFC
// 9449 §4.2), normalized as §4.3 compares it, by RFC 3986 §6.2.2 and §6.2.3: scheme and host in
// lower case, the scheme's default port left out, and an empty path written "/". A server that
// compares htu as a string (Glewlwyd does) then gets from verify what the collection's script
// sends, which normalizes the same way (templates/scripts/dpop.js).
func dpopHTU(target string) string {
	htu, _, _ := strings.Cut(target, "#")
	htu, _, _ = strings.Cut(htu, "?")
	u, err := url.Parse(htu)
	if err != nil || u.Scheme == "" || u.Host == "" || u.Opaque != "" {
		return htu
	}
	u.Scheme = strings.ToLower(u.Scheme)
	host, port := strings.ToLower(u.Hostname()), u.Port()
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port != "" && !(u.Scheme == "http" && port == "80") && !(u.Scheme == "https" && port == "443") {
		host += ":" + port
	}
	u.Host = host
	if u.Path == "" {
		u.Path, u.RawPath = "/", ""
	}
	return u.String()
}

// tokenHash is DPoP's ath: the base64url SHA-256 of the access token (RFC 9449 §4.2).
func tokenHash(accessToken string) string {
	sum := sha256.Sum256([]byte(accessToken))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

// checkBinding is the dpop check: the token names the proof key by its RFC 7638 thumbprint in
// cnf.jkt (RFC 9449 §6.1), so only a holder of that key can use it.
func checkBinding(claims map[string]any, proofKey *clientkey.Key, red redact.Redactor) Check {
	want := proofKey.Thumbprint()
	if claims == nil {
		return skip(CheckDPoP, "the token is not a JWT: its binding (cnf.jkt) can be read only by introspection (RFC 7662)")
	}
	cnf, _ := claims["cnf"].(map[string]any)
	jkt, _ := cnf["jkt"].(string)
	switch {
	case jkt == red.Visible(want): // the claims' strings are hidden, and so is what they are compared with
		return pass(CheckDPoP, "cnf.jkt is the proof key's thumbprint %s", want)
	case jkt == "":
		return fail(CheckDPoP, "the token has no cnf.jkt: it is not bound to the proof key, and anyone holding it can use it")
	}
	return fail(CheckDPoP, "cnf.jkt %q is not the proof key's thumbprint %s: the token is bound to another key", text.OneLine(jkt, 60), want)
}

// maxClockSkew is how far the server's clock may be from this machine's before a refused
// assertion is put down to it.
const maxClockSkew = time.Minute

// signedClientHint explains invalid_client for private_key_jwt: the clocks when the server's
// Date says they differ (an assertion it takes for expired, or not yet valid), else the key.
func signedClientHint(rs *runState, header http.Header) []string {
	p := rs.profile
	var hints []string
	if date, err := http.ParseTime(header.Get("Date")); err == nil {
		skew := rs.now().Sub(date)
		if skew > maxClockSkew || skew < -maxClockSkew {
			word := "ahead of"
			if skew < 0 {
				word, skew = "behind", -skew
			}
			hints = append(hints, fmt.Sprintf("invalid_client: this machine's clock is %s %s the server's, so the server takes the "+
				"client assertion (valid %s from its iat) for expired or not yet valid: set the clock right.",
				skew.Round(time.Second), word, assertionLifetime))
			return hints
		}
	}
	return append(hints, fmt.Sprintf("invalid_client: the server did not accept the client assertion. The public key it has for "+
		"client %q must be this key (RFC 7638 thumbprint %s), under kid %q (%s), and the client must use private_key_jwt "+
		"with %s; the assertion's audience was %s.", p.ClientID, p.ClientKey.Thumbprint(), p.KeyID, rs.advice.names.KeyID,
		p.ClientKey.Alg, p.TokenURL))
}

// dpopHint explains a refused DPoP proof.
func dpopHint(code string, header http.Header, retried bool) string {
	switch {
	case code == codeUseDPoPNonce && header.Get("DPoP-Nonce") == "":
		return "use_dpop_nonce: the server wants a nonce in the DPoP proof, but its answer carries no DPoP-Nonce header to take it " +
			"from (a proxy between may drop the header)."
	case code == codeUseDPoPNonce && retried:
		return "use_dpop_nonce: the server refused the nonce it had just given; its nonces may change faster than a request takes."
	case code == codeUseDPoPNonce:
		return "use_dpop_nonce: the server wants a nonce in the DPoP proof."
	}
	return "invalid_dpop_proof: the server refused the DPoP proof; it may not take ES256 proofs, or this machine's clock is off."
}
