package redact

import (
	"encoding/base64"
	"strings"
)

// minPart is the shortest part of a secret that is hidden on its own: shorter ones would hide
// common text, and a JWS's signature and claims are far longer.
const minPart = 16

// parts are the forms of secret that are hidden besides the secret itself: for a JWS in compact
// form (a client assertion, a DPoP proof, a JWT access token) its signature alone, for JWE
// every part after the header; for any other secret its base64 and base64url. A trace shows a JWS as its
// header and claims; with the signature they would make the credential usable again, so the
// signature never shows in any form: alone, split over lines or with its dots spaced (found by
// the reading that drops white space, see readings), or encoded.
func parts(secret string) []string {
	segments, ok := compactJOSE(secret)
	if !ok {
		return []string{secret,
			base64.RawStdEncoding.EncodeToString([]byte(secret)),
			base64.RawURLEncoding.EncodeToString([]byte(secret)),
		}
	}
	forms := []string{secret}
	for _, seg := range segments[1:] {
		if len(segments) == 5 || seg == segments[2] {
			if len(seg) >= minPart {
				forms = append(forms, seg)
			}
		}
	}
	return forms
}

// SignedParts are the parts of a JWS that gen-postman signed and sent (a client assertion, a
// DPoP proof) to hide besides those every secret's are: its claims, alone and with the
// signature, so that header.payload never shows whole either. Give them to New with the JWS.
// The header stays visible (its alg and kid tell why a server refused the assertion), and a
// server's access token keeps its claims visible in a trace.
func SignedParts(jws string) []string {
	segments, ok := compactJOSE(jws)
	if !ok || len(segments) != 3 || len(segments[1]) < minPart {
		return nil
	}
	return []string{segments[1], segments[1] + "." + segments[2]}
}

// compactJOSE splits a JWS (three parts) or JWE (five) in compact form, of base64url parts and
// a last part that is not empty.
func compactJOSE(s string) ([]string, bool) {
	segments := strings.Split(s, ".")
	if (len(segments) != 3 && len(segments) != 5) || segments[len(segments)-1] == "" {
		return nil, false
	}
	for _, seg := range segments {
		if !isBase64URL(seg) {
			return nil, false
		}
	}
	return segments, true
}

// isBase64URL reports whether s holds only the characters of unpadded base64url.
func isBase64URL(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}
