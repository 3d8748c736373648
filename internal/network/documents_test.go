package network

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gen-postman/gen-postman/internal/redact"
)

// TestDocumentsFetchOnceAndKeepNoSecret: however many ask for a URL, and however early, it is
// fetched once per run; a body that holds a secret is never kept in the cache.
func TestDocumentsFetchOnceAndKeepNoSecret(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Cache-Control", "max-age=600")
		if r.URL.Path == "/echo" {
			w.Write([]byte(`{"issuer":"s3cret"}`))
			return
		}
		w.Write([]byte(`{"keys":[]}`))
	}))
	defer srv.Close()
	dir := t.TempDir()
	now := func() time.Time { return cacheNow }
	docs := NewDocuments(context.Background(), NewClient(srv.Client(), URLPolicy{}), URLPolicy{}, dir, now)
	f := Fetcher{Docs: docs, Red: redact.New([]string{"s3cret"}, nil), Keep: true}

	docs.Prefetch(srv.URL+"/jwks", false)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			keys, doc, err := f.KeySet(t.Context(), srv.URL+"/jwks")
			if err != nil || len(keys) != 0 || doc.Cached() {
				t.Errorf("KeySet = %d keys, %v", len(keys), err)
				return
			}
			f.Used(doc)
		})
	}
	wg.Wait()
	doc, err := f.GetJSON(t.Context(), srv.URL+"/echo")
	if err != nil {
		t.Fatal(err)
	}
	f.Used(doc)
	docs.Wait()
	if n := hits.Load(); n != 2 {
		t.Errorf("%d requests, want one per URL", n)
	}

	// The next run reads the key set from the cache, and fetches the echo again.
	docs = NewDocuments(context.Background(), NewClient(srv.Client(), URLPolicy{}), URLPolicy{}, dir, now)
	defer docs.Wait()
	f.Docs = docs
	if _, doc, err := f.KeySet(t.Context(), srv.URL+"/jwks"); err != nil || !doc.Cached() {
		t.Errorf("second run: %v, cached %v; want the cached key set", err, err == nil && doc.Cached())
	}
	if _, err := f.GetJSON(t.Context(), srv.URL+"/echo"); err != nil {
		t.Fatal(err)
	}
	if n := hits.Load(); n != 3 {
		t.Errorf("%d requests after the second run, want 3", n)
	}
}
