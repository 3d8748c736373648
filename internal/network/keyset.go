package network

import (
	"context"
	"encoding/json"
	"fmt"
)

// KeySet fetches the JWK Set (RFC 7517 §5) at u and returns its keys, each still raw JSON for
// the caller to parse and judge, with the document they were read from, for Used.
func (f Fetcher) KeySet(ctx context.Context, u string) ([]json.RawMessage, *Document, error) {
	doc, err := f.GetJSON(ctx, u)
	if err != nil {
		return nil, nil, err
	}
	var set struct {
		Keys []json.RawMessage `json:"keys"`
	}
	if err := json.Unmarshal(doc.body, &set); err != nil {
		return nil, nil, fmt.Errorf("%s: not a JWK Set: %s", f.Red.Line(u, 300), f.Red.Line(err.Error(), 100))
	}
	return set.Keys, doc, nil
}
