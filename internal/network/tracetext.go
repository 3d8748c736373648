package network

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/gen-postman/gen-postman/internal/redact"
)

// traceShown caps what is shown of one body, after its secrets are hidden.
const traceShown = 4 << 10

// traceLine caps one line of a trace: a URL, a header, a form field.
const traceLine = 2048

// Fields of a form or a JSON object whose values are credentials. A token's value is shown in
// its redacted form (tokenForm), which tells one token from another; a secret's never is.
var (
	tokenFields = map[string]bool{
		"access_token": true, "refresh_token": true, "id_token": true, "token": true,
		"client_assertion": true, "assertion": true, "subject_token": true, "actor_token": true,
		"device_code": true, "issued_token": true,
	}
	secretFields = map[string]bool{
		"client_secret": true, "password": true, "code_verifier": true, "private_key": true,
	}
	// jwkPrivateFields are the private members of a JSON Web Key (RFC 7518 §6), hidden in any
	// object that has a "kty".
	jwkPrivateFields = map[string]bool{"d": true, "p": true, "q": true, "dp": true, "dq": true, "qi": true, "oth": true, "k": true}
)

// dottedRun finds what could be a JWS or a JWE in compact form: base64url runs joined by dots.
var dottedRun = regexp.MustCompile(`[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*)+`)

// secretText finds the value of a credential field in text that could not be read as JSON or
// as a form, such as a body cut short: "field": "value" or field=value.
var secretText = regexp.MustCompile(`(?i)("(?:access_token|refresh_token|id_token|token|client_secret|client_assertion|assertion|password|device_code)"\s*:\s*")([^"]*)|((?:^|[&?\s])(?:access_token|refresh_token|id_token|token|client_secret|client_assertion|assertion|password|device_code)=)([^&\s]*)`)

// traceText is how a Tracer shows one request or answer: the redactor of the moment, and the
// access token to show in full, if the user asked for it.
type traceText struct {
	red       redact.Redactor
	showToken bool
	token     string
	keepToken func(string)
}

// request shows the request line, the headers and the body of request n.
func (s *traceText) request(n int, req *http.Request, body []byte, cut bool) []string {
	p := fmt.Sprintf("[%d] > ", n)
	lines := []string{p + req.Method + " " + s.line(RedactURL(req.URL.String()))}
	lines = append(lines, s.headers(p, req.Header)...)
	if len(body) > 0 {
		lines = append(lines, strings.TrimSpace(p))
		lines = append(lines, prefixed(p, s.body(req.Header.Get("Content-Type"), body, cut))...)
	}
	return lines
}

// response shows the status, the headers and the body of the answer to request n.
func (s *traceText) response(n int, resp *http.Response, body []byte, cut bool, readErr error, took time.Duration) []string {
	p := fmt.Sprintf("[%d] < ", n)
	lines := []string{p + s.line(resp.Proto+" "+resp.Status) + fmt.Sprintf("   (%d ms)", took.Milliseconds())}
	lines = append(lines, s.headers(p, resp.Header)...)
	if len(body) > 0 {
		lines = append(lines, strings.TrimSpace(p))
		lines = append(lines, prefixed(p, s.body(resp.Header.Get("Content-Type"), body, cut))...)
	}
	if readErr != nil {
		lines = append(lines, fmt.Sprintf("[%d] ! reading the body: %s", n, s.line(readErr.Error())))
	}
	return lines
}

// failure shows why request n got no answer.
func (s *traceText) failure(n int, err error) []string {
	return []string{fmt.Sprintf("[%d] ! no answer: %s", n, s.line(err.Error()))}
}

// line is one line of server or user text (a URL, a header, an error): credentials hidden,
// folded, capped.
func (s *traceText) line(v string) string {
	return s.red.Line(s.cutTokens(secretText.ReplaceAllStringFunc(v, hideFieldValue)), traceLine)
}

// headers shows h sorted by name, credentials by what they are.
func (s *traceText) headers(p string, h http.Header) []string {
	names := make([]string, 0, len(h))
	for name := range h {
		names = append(names, name)
	}
	slices.Sort(names)
	var lines []string
	for _, name := range names {
		for _, v := range h[name] {
			switch http.CanonicalHeaderKey(name) {
			case "Authorization", "Proxy-Authorization":
				v = s.credentials(v)
			case "Dpop":
				v = tokenForm(v)
			case "Cookie", "Set-Cookie":
				v = redact.Placeholder
			}
			lines = append(lines, p+name+": "+s.line(v))
		}
	}
	return lines
}

// credentials shows an Authorization value: its scheme, and a token in its redacted form or,
// for any other scheme (Basic), nothing of the credentials.
func (s *traceText) credentials(v string) string {
	scheme, cred, ok := strings.Cut(strings.TrimSpace(v), " ")
	if !ok {
		return redact.Placeholder
	}
	switch strings.ToLower(scheme) {
	case "bearer", "dpop":
		return scheme + " " + s.tokenValue(strings.TrimSpace(cred))
	}
	return scheme + " " + redact.Placeholder
}

// tokenValue is a token as shown: itself when it is the access token the user asked to see,
// else its redacted form.
func (s *traceText) tokenValue(v string) string {
	if s.showToken && v != "" && v == s.token {
		return v
	}
	return tokenForm(v)
}

// body shows a body: a form one field a line, JSON indented, other text as it is, each with
// its credentials hidden and cut to traceShown bytes.
func (s *traceText) body(contentType string, data []byte, cut bool) []string {
	if bytes.IndexByte(data, 0) >= 0 {
		return []string{fmt.Sprintf("(%d bytes not shown: not text)", len(data))}
	}
	media, _, _ := mime.ParseMediaType(contentType)
	var shown string
	switch {
	case !cut && media == "application/x-www-form-urlencoded":
		shown = s.form(string(data))
	case !cut && json.Valid(data) && (strings.Contains(media, "json") || startsJSON(data)):
		shown = s.json(data)
	default:
		shown = s.cutTokens(secretText.ReplaceAllStringFunc(string(data), hideFieldValue))
	}
	// The redactor reads twice what is shown, no more: it costs about 2 ms a KiB.
	long := len(shown) > 2*traceShown
	if long {
		shown = shown[:2*traceShown]
	}
	out := s.red.Block(shown, traceShown, cut || long)
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if cut || long || len(out) < len(shown) {
		lines = append(lines, fmt.Sprintf("(cut: the first %d KiB shown)", traceShown>>10))
	}
	return lines
}

// startsJSON reports whether data opens an object or an array.
func startsJSON(data []byte) bool {
	t := bytes.TrimSpace(data)
	return len(t) > 0 && (t[0] == '{' || t[0] == '[')
}

// form shows a form body one field a line, decoded, in the order sent.
func (s *traceText) form(body string) string {
	var b strings.Builder
	for pair := range strings.SplitSeq(body, "&") {
		k, v, _ := strings.Cut(pair, "=")
		if dk, err := url.QueryUnescape(k); err == nil {
			k = dk
		}
		if dv, err := url.QueryUnescape(v); err == nil {
			v = dv
		}
		switch {
		case secretFields[k]:
			v = redact.Placeholder
		case tokenFields[k]:
			v = s.tokenValue(v)
		}
		b.WriteString(s.red.Line(s.cutTokens(k+"="+v), traceLine) + "\n")
	}
	return b.String()
}

// json shows a JSON body indented, the values of credential fields hidden.
func (s *traceText) json(data []byte) string {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return s.cutTokens(string(data))
	}
	v = s.hideJSON(v)
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return redact.Placeholder
	}
	return s.cutTokens(b.String())
}

// hideJSON replaces the values of credential fields in v. With showToken, the access token is
// kept, and remembered, so that it is shown wherever it is sent next.
func (s *traceText) hideJSON(v any) any {
	switch x := v.(type) {
	case map[string]any:
		_, jwk := x["kty"]
		for k, e := range x {
			str, isString := e.(string)
			switch {
			case isString && k == "access_token" && s.showToken:
				s.token = str
				s.keepToken(str)
			case isString && tokenFields[k]:
				x[k] = tokenForm(str)
			case secretFields[k] || (jwk && jwkPrivateFields[k]):
				x[k] = redact.Placeholder
			default:
				x[k] = s.hideJSON(e)
			}
		}
	case []any:
		for i := range x {
			x[i] = s.hideJSON(x[i])
		}
	}
	return v
}

// hideFieldValue hides the value in a match of secretText.
func hideFieldValue(m string) string {
	sub := secretText.FindStringSubmatch(m)
	if sub[1] != "" {
		return sub[1] + redact.Placeholder
	}
	return sub[3] + redact.Placeholder
}

// cutTokens replaces every JWS or JWE in text with its redacted form, but for the access token
// the user asked to see.
func (s *traceText) cutTokens(text string) string {
	return dottedRun.ReplaceAllStringFunc(text, s.cutRun)
}

// cutRun cuts the tokens in a run of base64url parts joined by dots: a token may be glued to
// other parts before it, or to characters before its header, as in "id.eyJ…" or "xeyJ…".
func (s *traceText) cutRun(run string) string {
	parts := strings.Split(run, ".")
	out := make([]string, 0, len(parts))
	for i := 0; i < len(parts); i++ {
		at, enc, ok := joseHeaderAt(parts[i])
		n := 0
		for _, size := range []int{5, 3} {
			if ok && (size == 3 || enc) && i+size <= len(parts) && parts[i+size-1] != "" {
				n = size
				break
			}
		}
		if n == 0 {
			out = append(out, parts[i])
			continue
		}
		token := parts[i][at:] + "." + strings.Join(parts[i+1:i+n], ".")
		if s.showToken && token == s.token {
			out = append(out, parts[i:i+n]...)
		} else {
			out = append(out, parts[i][:at]+tokenForm(token))
		}
		i += n - 1
	}
	return strings.Join(out, ".")
}

// joseHeaderAt finds where in part a JOSE header starts: the base64url of a JSON object,
// perhaps after other characters. enc says it is a JWE's (five parts).
func joseHeaderAt(part string) (at int, enc, ok bool) {
	tries := 0
	for at = 0; at+4 <= len(part) && tries < maxHeaderTries; at++ {
		// A JSON object opens with "{" then a quote or white space: "eyJ", "eyA", "ewo"...
		if part[at] != 'e' || (part[at+1] != 'y' && part[at+1] != 'w') {
			continue
		}
		start, err := base64.RawURLEncoding.DecodeString(part[at : at+4])
		if err != nil || !strings.ContainsRune("\" \t\r\n", rune(start[1])) {
			continue
		}
		tries++
		if h, ok := joseHeader(part[at:]); ok {
			_, enc = h["enc"]
			return at, enc, true
		}
	}
	return 0, false, false
}

// maxHeaderTries bounds the places in one part where joseHeaderAt decodes a header, so a
// body made to look like many never takes long.
const maxHeaderTries = 16

// joseHeader decodes p as a JOSE header: base64url of a JSON object.
func joseHeader(p string) (map[string]any, bool) {
	data, err := base64.RawURLEncoding.DecodeString(p)
	if err != nil {
		return nil, false
	}
	var h map[string]any
	if json.Unmarshal(data, &h) != nil {
		return nil, false
	}
	return h, true
}

// isJOSE reports whether v is a JWS (three parts) or a JWE (five) in compact form: a JOSE
// header, then parts of which the last is not empty (a signature, or an authentication tag).
// What tokenForm shows is not one.
func isJOSE(v string) bool {
	parts := strings.Split(v, ".")
	if (len(parts) != 3 && len(parts) != 5) || parts[len(parts)-1] == "" {
		return false
	}
	_, ok := joseHeader(parts[0])
	return ok
}

// tokenForm is a token as a trace shows it: a JWS as its header and claims, with the signature
// that would make it usable cut off; anything else as its length and the start of its SHA-256,
// which tell tokens apart and give nothing away.
func tokenForm(v string) string {
	if v == "" {
		return ""
	}
	if parts := strings.Split(v, "."); len(parts) == 3 && isJOSE(v) {
		return parts[0] + "." + parts[1] + ".[signature hidden]"
	}
	sum := sha256.Sum256([]byte(v))
	return fmt.Sprintf("[REDACTED %d bytes, sha256 %x…]", len(v), sum[:4])
}

// prefixed puts p before each line.
func prefixed(p string, lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.TrimRight(p+l, " ")
	}
	return out
}
