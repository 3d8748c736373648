package verify

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

// jwtParts is an access token decoded but not verified: nothing in it is trusted until the
// signature check passes.
type jwtParts struct {
	raw    string
	header map[string]any
	claims jwt.MapClaims
	alg    string
	kid    string // empty when the header has none
	crit   bool   // the header names critical extensions (RFC 7515 §4.1.11)
	// shownHeader and shownClaims are the header and claims as the report shows them; once
	// checkJWT has read the token, claims holds its strings hidden (see shown.go), and header,
	// alg and kid are as sent, quoted through the redactor.
	shownHeader, shownClaims map[string]any
}

// decodeJWT splits a JWS compact serialization (RFC 7515 §7.1) and decodes its header and
// payload as JSON objects, keeping numbers exact. Its errors wrap ErrNotJWT and say what the
// token looks like instead.
func decodeJWT(raw string) (*jwtParts, error) {
	switch strings.Count(raw, ".") {
	case 2:
	case 4:
		return nil, fmt.Errorf("%w: it has five parts, an encrypted JWT (JWE), which only its audience can read", ErrNotJWT)
	default:
		return nil, fmt.Errorf("%w: an opaque token (%d characters, not three dot-separated parts)", ErrNotJWT, len(raw))
	}
	segments := strings.SplitN(raw, ".", 3)
	header, err := decodeSegment(segments[0])
	if err != nil {
		return nil, fmt.Errorf("%w: its header %v", ErrNotJWT, err)
	}
	claims, err := decodeSegment(segments[1])
	if err != nil {
		return nil, fmt.Errorf("%w: its payload %v", ErrNotJWT, err)
	}
	alg, ok := header["alg"].(string)
	if !ok || alg == "" {
		return nil, fmt.Errorf("%w: its header has no alg", ErrNotJWT)
	}
	kid, _ := header["kid"].(string)
	_, crit := header["crit"]
	return &jwtParts{raw: raw, header: header, claims: jwt.MapClaims(claims), alg: alg, kid: kid, crit: crit}, nil
}

// decodeSegment decodes one base64url part holding a JSON object.
func decodeSegment(seg string) (map[string]any, error) {
	data, err := base64.RawURLEncoding.DecodeString(seg)
	if err != nil {
		return nil, fmt.Errorf("is not base64url")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var obj map[string]any
	if err := dec.Decode(&obj); err != nil || obj == nil {
		return nil, fmt.Errorf("is not a JSON object")
	}
	if dec.More() {
		return nil, fmt.Errorf("has data after its JSON object")
	}
	return obj, nil
}

// stringClaim returns a claim that must be a string: present is false when it is absent, and
// err is set when it is some other type.
func stringClaim(m map[string]any, name string) (value string, present bool, err error) {
	v, ok := m[name]
	if !ok || v == nil {
		return "", false, nil
	}
	s, ok := v.(string)
	if !ok {
		return "", true, fmt.Errorf("%s is a %s, not a string", name, jsonType(v))
	}
	return s, true, nil
}

// scopesOf returns the scopes a token grants: its "scope" claim, a space-separated string
// (RFC 8693 §4.2, RFC 9068), or else an "scp" array, as Kinde and Microsoft also send. claim
// names where they came from and is empty when the token has neither.
func scopesOf(m jwt.MapClaims) (scopes []string, claim string, err error) {
	if s, present, err := stringClaim(m, "scope"); err != nil {
		return nil, "scope", err
	} else if present {
		return strings.Fields(s), "scope", nil
	}
	switch v := m["scp"].(type) {
	case nil:
		return nil, "", nil
	case string:
		return strings.Fields(v), "scp", nil
	case []any:
		out := make([]string, 0, len(v))
		for _, item := range v {
			s, ok := item.(string)
			if !ok {
				return nil, "scp", fmt.Errorf("scp holds a %s, not only strings", jsonType(item))
			}
			out = append(out, s)
		}
		return out, "scp", nil
	default:
		return nil, "scp", fmt.Errorf("scp is a %s, not an array of strings", jsonType(v))
	}
}

func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case json.Number, float64:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}

// missingFrom returns the items of want that are not in have, in want's order.
func missingFrom(want, have []string) []string {
	set := make(map[string]bool, len(have))
	for _, h := range have {
		set[h] = true
	}
	var missing []string
	for _, w := range want {
		if !set[w] {
			missing = append(missing, w)
			set[w] = true // list each once
		}
	}
	return missing
}
