package update

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"

	"github.com/gen-postman/gen-postman/internal/baseline"
	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/text"
)

// ErrOtherAPI reports a document of another API than the one a collection was generated from.
var ErrOtherAPI = errors.New("the document is of another API than the collection")

// OtherAPIError names the API the collection was generated from and the document's. It
// matches [ErrOtherAPI].
type OtherAPIError struct {
	Collection, Document baseline.API
}

func (e *OtherAPIError) Error() string {
	return fmt.Sprintf("%v: the collection was generated from %s, the document is %s", ErrOtherAPI, describeAPI(e.Collection), describeAPI(e.Document))
}

// Is reports whether target is ErrOtherAPI.
func (e *OtherAPIError) Is(target error) bool { return target == ErrOtherAPI }

func describeAPI(a baseline.API) string {
	title, host := "(no title)", "(none)"
	if a.Title != "" {
		title = fmt.Sprintf("%q", text.OneLine(a.Title, 120))
	}
	if a.Host != "" {
		host = text.OneLine(a.Host, 120)
	}
	return title + " (server " + host + ")"
}

// sameAPI refuses a document of another API than the collection's, unless Options.OtherAPI:
// one whose title and server host both differ from those the record names. A collection whose
// record is gone, or was written before records named the API, says nothing of its API but
// the host of its baseUrl variable, which a flag may have set to any server: a document whose
// server is another host is merged, with a warning that names both.
func (m *merger) sameAPI() error {
	doc := m.freshAPI
	if m.opts.OtherAPI || doc == (baseline.API{}) {
		return nil // asked for, or generated from a preset's ready requests
	}
	rec := m.cur.record
	if m.cur.recordErr == nil && rec != nil && rec.API != (baseline.API{}) {
		if rec.API.Title != doc.Title && (rec.API.Host != doc.Host || doc.Host == "") {
			return &OtherAPIError{Collection: rec.API, Document: doc}
		}
		if rec.API.Title == doc.Title && rec.API.Host != "" {
			// The same API: the host recorded at generation stays, since the document's
			// server may name another tenant's host than the one the collection was made for.
			m.freshAPI.Host = rec.API.Host
		}
		return nil
	}
	if host := m.cur.baseURLHost(); host != "" && doc.Host != "" && host != doc.Host {
		m.report.Warnings = append(m.report.Warnings, fmt.Sprintf(
			"the collection does not record the API it was generated from, and its baseUrl is on %s while the document's server is %s: "+
				"if the document is of another API, leave the file as it was", text.OneLine(host, 120), describeAPI(doc)))
	}
	return nil
}

// baseURLHost is the host of the collection's baseUrl variable; "" when it has none.
func (c *Collection) baseURLHost() string {
	at := slices.Index(c.keys, postman.VarBaseURL)
	if at < 0 {
		return ""
	}
	var v variable
	if json.Unmarshal(c.vars[at], &v) != nil {
		return ""
	}
	s, _ := v.Value.(string)
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	return u.Host
}
