package verifytest

import (
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"net/url"
	"strings"
)

// hostileToken answers the token request for the defects that misbehave before any token is
// made. It reports whether it answered.
func (idp *IdP) hostileToken(w http.ResponseWriter, r *http.Request) bool {
	secret := idp.opts.ClientSecret
	switch idp.opts.Defect {
	case EchoStatusLine:
		hijackWrite(w, "HTTP/1.1 "+url.QueryEscape(secret)+" OK\r\nContent-Length: 0\r\n\r\n")
	case EchoHeaderLine:
		hijackWrite(w, "HTTP/1.1 200 OK\r\n"+secret+"\r\nContent-Length: 0\r\n\r\n")
	case EchoContentType:
		w.Header().Set("Content-Type", secret)
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = w.Write([]byte("denied\n"))
	case EchoLocation:
		w.Header().Set("Location", base(r)+"/elsewhere?raw="+secret+"&enc="+lowerPercent(secret))
		w.WriteHeader(http.StatusFound)
	case EchoAtCut:
		// The secret starts 6 bytes before the 2 KiB mark of the body.
		head := `{"error":"invalid_request","error_description":"`
		pad := strings.Repeat("p", 2<<10-6-len(head))
		writeRaw(w, http.StatusBadRequest, head+pad+jsonString(secret)+`"}`)
	case EchoNewlines:
		oauthError(w, http.StatusUnauthorized, "invalid_client", "bad secret "+strings.ReplaceAll(secret, " ", "\n"), "", "")
	case EchoEscaped:
		escaped := strings.ReplaceAll(jsonString(secret), "/", `\/`)
		writeRaw(w, http.StatusUnauthorized, `{"error":"invalid_client","error_description":"json `+escaped+
			` form `+lowerPercent(secret)+`"}`)
	default:
		return false
	}
	return true
}

// hijackWrite writes a raw HTTP answer, however malformed, and closes the connection.
func hijackWrite(w http.ResponseWriter, answer string) {
	conn, buf, err := http.NewResponseController(w).Hijack()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer conn.Close()
	_, _ = buf.WriteString(answer)
	_ = buf.Flush()
}

func writeRaw(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}

// jsonString is s inside a JSON string, without the quotes.
func jsonString(s string) string {
	data, _ := json.Marshal(s)
	return string(data[1 : len(data)-1])
}

// lowerPercent form-encodes s with lower-case hex digits.
func lowerPercent(s string) string {
	enc := url.QueryEscape(s)
	var b strings.Builder
	for i := 0; i < len(enc); i++ {
		if enc[i] == '%' && i+2 < len(enc) {
			b.WriteString("%" + strings.ToLower(enc[i+1:i+3]))
			i += 2
			continue
		}
		b.WriteByte(enc[i])
	}
	return b.String()
}

// controlText is text full of what steers a terminal: an escape sequence that clears the
// screen, a C1 control sequence introducer, and a right-to-left override.
const controlText = "\x1b[2J\x1b]0;owned\x07\u009b31m\u202eesrever"

// hostileJWKS is the key set the defect publishes, or nil for the usual one.
func (idp *IdP) hostileJWKS() ([]byte, error) {
	pub, err := jwkJSON(idp.key.Public(), idp.alg, idp.kid)
	if err != nil {
		return nil, err
	}
	var keys []map[string]any
	switch idp.opts.Defect {
	case RSAKeyHuge:
		n := make([]byte, hugeModulusBytes)
		if _, err := rand.Read(n); err != nil {
			return nil, err
		}
		n[0] |= 0x80
		n[len(n)-1] |= 1
		keys = append(keys, map[string]any{"kty": "RSA", "kid": idp.kid, "alg": idp.alg, "use": "sig",
			"n": base64.RawURLEncoding.EncodeToString(n), "e": "AQAB"})
	case ECOffCurve:
		y, _ := new(big.Int).SetString(decodeB64Int(pub["y"].(string)), 16)
		y.Add(y, big.NewInt(1))
		pub["y"] = base64.RawURLEncoding.EncodeToString(y.FillBytes(make([]byte, (idp.key.Public().(*ecdsa.PublicKey).Curve.Params().BitSize+7)/8)))
		keys = append(keys, pub)
	case DuplicateKid:
		decoy, err := jwkJSON(idp.forged.Public(), idp.alg, idp.kid)
		if err != nil {
			return nil, err
		}
		keys = append(keys, decoy, pub)
	case KeyAlgNotPinned:
		pub["alg"] = "RS256"
		keys = append(keys, pub)
	default:
		return nil, nil
	}
	return json.Marshal(map[string]any{"keys": keys})
}

// hugeModulusBytes is the size of RSAKeyHuge's modulus: 2 Mbit.
const hugeModulusBytes = 256 << 10

// hugeSignature is a signature as long as RSAKeyHuge's modulus, so that a client that tries
// the key computes with it.
func hugeSignature() string {
	sig := make([]byte, hugeModulusBytes)
	_, _ = rand.Read(sig)
	sig[0] = 0x01
	return base64.RawURLEncoding.EncodeToString(sig)
}

func decodeB64Int(s string) string {
	data, _ := base64.RawURLEncoding.DecodeString(s)
	return fmt.Sprintf("%x", data)
}

// jwkJSON is pub as a JWK, as a map to change.
func jwkJSON(pub any, alg, kid string) (map[string]any, error) {
	set, err := publicJWKS(pub, alg, kid)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Keys []map[string]any `json:"keys"`
	}
	if err := json.Unmarshal(set, &doc); err != nil || len(doc.Keys) != 1 {
		return nil, fmt.Errorf("verifytest: reading own JWK: %v", err)
	}
	return doc.Keys[0], nil
}

// smallRSAKey is RSAKeySmall's signing key.
func smallRSAKey() (*rsa.PrivateKey, error) { return rsa.GenerateKey(rand.Reader, 1024) }
