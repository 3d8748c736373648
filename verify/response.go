package verify

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/gen-postman/gen-postman/internal/text"
)

// tokenResponse is the successful answer of RFC 6749 §5.1.
type tokenResponse struct {
	AccessToken string     `json:"access_token"`
	TokenType   string     `json:"token_type"`
	ExpiresIn   flexSecond `json:"expires_in"`
	Scope       string     `json:"scope"`
}

// flexSecond is expires_in, a number of seconds. RFC 6749 §5.1 makes it a JSON number, but
// Microsoft Entra ID's v1 endpoint and some older servers send a string such as "3599": both
// are accepted. Set is false when the field is absent or null.
type flexSecond struct {
	Seconds int64
	Set     bool
}

// maxExpiresIn bounds expires_in (about 292 years) so that it converts to a time.Duration.
const maxExpiresIn = math.MaxInt64 / int64(1e9)

// UnmarshalJSON accepts a number, a string holding one, or null.
func (f *flexSecond) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	if string(data) == "null" {
		*f = flexSecond{}
		return nil
	}
	number := string(data)
	if len(data) > 0 && data[0] == '"' {
		if err := json.Unmarshal(data, &number); err != nil {
			return fmt.Errorf("expires_in: %w", err)
		}
		number = strings.TrimSpace(number)
	}
	n, err := strconv.ParseInt(number, 10, 64)
	if err != nil {
		// Some servers write a whole number as 3600.0.
		x, ferr := strconv.ParseFloat(number, 64)
		if ferr != nil || x != math.Trunc(x) || math.Abs(x) > float64(maxExpiresIn) {
			return fmt.Errorf("expires_in %s is not a whole number of seconds", text.OneLine(string(data), 40))
		}
		n = int64(x)
	}
	if n < 0 || n > maxExpiresIn {
		return fmt.Errorf("expires_in %d is out of range", n)
	}
	*f = flexSecond{Seconds: n, Set: true}
	return nil
}

// errNoAccessToken reports a 200 answer without access_token.
var errNoAccessToken = errors.New("no access_token in the answer")

// parseTokenResponse reads a 200 answer's body. Its errors describe what is wrong in words that
// fit a report line; they never hold the body itself.
func parseTokenResponse(body []byte) (*tokenResponse, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil {
		return nil, errors.New("the body is not a JSON object")
	}
	var r tokenResponse
	if err := json.Unmarshal(body, &r); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			return nil, fmt.Errorf("field %s is a JSON %s, not a %s", typeErr.Field, typeErr.Value, typeErr.Type)
		}
		return nil, errors.New(text.OneLine(err.Error(), 200))
	}
	if r.AccessToken == "" {
		return nil, errNoAccessToken
	}
	return &r, nil
}
