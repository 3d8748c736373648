package verify

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Status is the result of one check.
type Status string

// The results a check can have. A warning does not fail the run.
const (
	StatusPass Status = "pass"
	StatusFail Status = "fail"
	StatusWarn Status = "warn"
	StatusSkip Status = "skip"
)

// Check is one named check and what it found.
type Check struct {
	Name   string `json:"name"`
	Status Status `json:"status"`
	Detail string `json:"detail"`
}

// Report is everything a run found. It is complete whatever happened: when the token request
// fails, token_request fails and every later check is skipped.
type Report struct {
	// OK is true when no check failed.
	OK       bool   `json:"ok"`
	TokenURL string `json:"tokenUrl"`
	// Issuer and JWKSURL are the expected issuer and where the keys came from, when known.
	Issuer  string `json:"issuer,omitempty"`
	JWKSURL string `json:"jwksUrl,omitempty"`
	// KeysFromCache says the key set came from the cache (Options.CacheDir), not the server.
	KeysFromCache bool        `json:"keysFromCache"`
	Checks        []Check     `json:"checks"`
	Hints         []string    `json:"hints,omitempty"`
	Error         *TokenError `json:"error,omitempty"`
	Call          *CallResult `json:"call,omitempty"`
	// Header and Claims are the token's decoded JOSE header and payload; they are not secret.
	Header map[string]any `json:"header,omitempty"`
	Claims map[string]any `json:"claims,omitempty"`
	// Token is the access token itself, only when Options.ShowToken is set.
	Token string `json:"token,omitempty"`
}

// Outcome sums up a report for an exit status.
type Outcome int

const (
	// Passed: no check failed; warnings and skipped checks are allowed.
	Passed Outcome = iota
	// CheckFailed: a token was obtained but at least one check failed.
	CheckFailed
	// RequestFailed: the token request failed (refused, unreachable, timed out, not JSON, 5xx).
	RequestFailed
)

// String names the outcome in words.
func (o Outcome) String() string {
	switch o {
	case Passed:
		return "passed"
	case CheckFailed:
		return "check failed"
	case RequestFailed:
		return "token request failed"
	}
	return fmt.Sprintf("Outcome(%d)", int(o))
}

// Outcome reports whether the run passed, failed a check, or failed to get a token.
func (r *Report) Outcome() Outcome {
	outcome := Passed
	for _, c := range r.Checks {
		if c.Status != StatusFail {
			continue
		}
		if c.Name == CheckTokenRequest {
			return RequestFailed
		}
		outcome = CheckFailed
	}
	return outcome
}

func (r *Report) add(c Check) { r.Checks = append(r.Checks, c) }

func (r *Report) addHints(hints ...string) {
	for _, h := range hints {
		if h == "" {
			continue
		}
		dup := false
		for _, have := range r.Hints {
			dup = dup || have == h
		}
		if !dup {
			r.Hints = append(r.Hints, h)
		}
	}
}

func (r *Report) finish() { r.OK = r.Outcome() == Passed }

// err is how the run ended, as Run returns it.
func (r *Report) err() error {
	switch r.Outcome() {
	case RequestFailed:
		if r.Error != nil {
			return r.Error
		}
		return fmt.Errorf("%w: %s", ErrTokenRequest, r.Checks[0].Detail)
	case CheckFailed:
		var failed []string
		for _, c := range r.Checks {
			if c.Status == StatusFail {
				failed = append(failed, c.Name)
			}
		}
		return fmt.Errorf("%w: %s", ErrCheckFailed, strings.Join(failed, ", "))
	}
	return nil
}

// WriteText writes the report for people: the token URL, one line per check with its status,
// name and detail, the hints, and a summary line.
func (r *Report) WriteText(w io.Writer) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "Token endpoint: %s\n", r.TokenURL)
	width := 0
	for _, c := range r.Checks {
		width = max(width, len(c.Name))
	}
	for _, c := range r.Checks {
		fmt.Fprintf(&b, "  %-4s  %-*s  %s\n", strings.ToUpper(string(c.Status)), width, c.Name, c.Detail)
	}
	if len(r.Hints) > 0 {
		b.WriteString("Hints:\n")
		for _, h := range r.Hints {
			fmt.Fprintf(&b, "  - %s\n", h)
		}
	}
	if r.Token != "" {
		fmt.Fprintf(&b, "Token: %s\n", r.Token)
	}
	b.WriteString(r.summary() + "\n")
	_, err := w.Write(b.Bytes())
	return err // the caller says what it was writing
}

func (r *Report) summary() string {
	counts := map[Status]int{}
	var failed []string
	for _, c := range r.Checks {
		counts[c.Status]++
		if c.Status == StatusFail {
			failed = append(failed, c.Name)
		}
	}
	tally := fmt.Sprintf("%d passed, %d warned, %d failed, %d skipped",
		counts[StatusPass], counts[StatusWarn], counts[StatusFail], counts[StatusSkip])
	switch r.Outcome() {
	case RequestFailed:
		return "FAIL: the token request failed, so nothing else was checked (" + tally + ")."
	case CheckFailed:
		return fmt.Sprintf("FAIL: %s (%s).", strings.Join(failed, ", "), tally)
	}
	signed := false
	for _, c := range r.Checks {
		signed = signed || c.Name == CheckSignature && c.Status == StatusPass
	}
	for _, c := range r.Checks {
		// An introspection that could not answer leaves a JWT whose signature passed proven.
		if c.Status == StatusWarn && unproven[c.Name] && !(signed && c.Name == CheckActive) {
			return fmt.Sprintf("OK: no check failed, but the token is not proven: see %s (%s).", c.Name, tally)
		}
	}
	return "OK: the token is good (" + tally + ")."
}

// unproven are the checks whose warning means that nothing vouched for the token: an opaque
// token that no introspection proved, or a signature that could not be checked.
var unproven = map[string]bool{CheckJWT: true, CheckActive: true, CheckSignature: true}

// WriteJSON writes the report as one JSON object followed by a newline.
func (r *Report) WriteJSON(w io.Writer) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("encoding report: %w", err)
	}
	_, err := w.Write(b.Bytes())
	return err // the caller says what it was writing
}
