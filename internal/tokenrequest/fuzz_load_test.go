package tokenrequest

import (
	"bytes"
	"errors"
	"testing"

	"github.com/gen-postman/gen-postman/internal/input"
)

// Collections and environments are untrusted files: loading one never panics, and every
// refusal is an input error.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(`{"info":{"name":"x"},"auth":{"type":"oauth2","oauth2":[{"key":"grant_type","value":"client_credentials"},{"key":"accessTokenUrl","value":"{{a}}{{b}}"},{"key":"tokenRequestParams","value":[{"key":"resource","value":"{{r}}","enabled":true}]}]},"variable":[{"key":"a","value":"https://h"},{"key":"b","value":"/token"},{"key":"r","value":"{{a}}"}],"item":[{"item":[{"request":{"url":"{{baseUrl}}/x"}}]}]}`),
		[]byte(`{"values":[{"key":"baseUrl","value":"https://h","enabled":true}]}`))
	f.Add([]byte(`{"info":{},"auth":{"type":"oauth2","oauth2":{"grant_type":"client_credentials","accessTokenUrl":"u","audience":{"i":"{{x}}"}}}}`), []byte(`{"values":[{"key":"x","value":"{{x}}"}]}`))
	f.Add([]byte(`{"info":{"name":"a/b:c"},"item":[{"request":"{{baseUrl}}"}]}`), []byte(``))
	f.Add([]byte(`{"info":{},"auth":{"type":"noauth"},"item":[{"name":"F","auth":{"type":"oauth2","oauth2":{"grant_type":"client_credentials","accessTokenUrl":"https://h/t"}},"item":[{"name":"P","request":{"method":"POST","url":"{{h}}/x","auth":{"type":"inherit"}}},{"name":"G","request":{"url":"https://h/y","auth":null}}]},{"name":"R","request":{"url":"https://h/z","auth":{"type":"oauth2","oauth2":[{"key":"grant_type","value":"client_credentials"},{"key":"accessTokenUrl","value":"https://h/u"},{"key":"accessToken","value":"saved"}]}}}]}`), []byte(``))
	f.Fuzz(func(t *testing.T, col, env []byte) {
		var envReader *bytes.Reader
		if len(env) > 0 {
			envReader = bytes.NewReader(env)
		}
		var err error
		if envReader != nil {
			_, err = Load(bytes.NewReader(col), envReader, "")
		} else {
			_, err = Load(bytes.NewReader(col), nil, "")
		}
		if err != nil && !errors.Is(err, input.ErrInvalid) {
			t.Errorf("error %v is not an input error", err)
		}
	})
}
