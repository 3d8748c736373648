package verify_test

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gen-postman/gen-postman/verify"
	"github.com/gen-postman/gen-postman/verify/verifytest"
)

// cachedFixture is a fixture whose profile leaves the key set to discovery, and options with
// a cache in a temporary directory.
func cachedFixture(t *testing.T, o verifytest.Options) (*fixture, verify.Options) {
	t.Helper()
	f := newFixture(t, o)
	f.profile.Issuer, f.profile.JWKSURL = "", ""
	opts := f.options()
	opts.CacheDir = filepath.Join(t.TempDir(), "gen-postman")
	return f, opts
}

// fetches counts the discovery and key set requests the server got.
func fetches(f *fixture) (discovery, keys int) {
	return len(f.idp.RequestsTo("/oidc/.well-known/openid-configuration")), len(f.idp.RequestsTo("/oidc/jwks"))
}

func cacheFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, filepath.Join(dir, e.Name()))
	}
	return names
}

func wantFetches(t *testing.T, f *fixture, discovery, keys int) {
	t.Helper()
	if d, k := fetches(f); d != discovery || k != keys {
		t.Errorf("%d discovery and %d key set requests, want %d and %d", d, k, discovery, keys)
	}
}

func wantCached(t *testing.T, r *verify.Report, cached bool) {
	t.Helper()
	if !r.OK {
		t.Fatalf("checks %+v", r.Checks)
	}
	sig := check(r, "signature").Detail
	if r.KeysFromCache != cached || strings.Contains(sig, "(cached)") != cached {
		t.Errorf("KeysFromCache %v, signature %q; want cached %v", r.KeysFromCache, sig, cached)
	}
	_, js := outputs(t, r)
	if want := `"keysFromCache": ` + map[bool]string{true: "true", false: "false"}[cached]; !strings.Contains(js, want) {
		t.Errorf("JSON report without %s:\n%s", want, js)
	}
}

func TestCacheHit(t *testing.T) {
	f, opts := cachedFixture(t, verifytest.Options{})
	wantCached(t, f.run(t, opts), false)
	wantFetches(t, f, 1, 1)
	wantCached(t, f.run(t, opts), true)
	wantFetches(t, f, 1, 1)

	info, err := os.Stat(opts.CacheDir)
	if err != nil || info.Mode().Perm() != 0o700 {
		t.Errorf("cache directory: %v, mode %v; want 0700", err, info.Mode().Perm())
	}
	files := cacheFiles(t, opts.CacheDir)
	if len(files) != 2 {
		t.Fatalf("cache files %q, want the discovery document and the key set", files)
	}
	for _, name := range files {
		if info, err := os.Stat(name); err != nil || info.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v, mode %v; want 0600", name, err, info.Mode().Perm())
		}
	}

	// Without a cache directory the run fetches everything and says so.
	opts.CacheDir = ""
	wantCached(t, f.run(t, opts), false)
	wantFetches(t, f, 2, 2)
}

func TestCacheExpiry(t *testing.T) {
	tests := []struct {
		name         string
		cacheControl string
		fresh, stale time.Duration // after the first run
	}{
		{name: "no freshness information: ten minutes", fresh: 9 * time.Minute, stale: 11 * time.Minute},
		{name: "max-age", cacheControl: "public, max-age=120", fresh: time.Minute, stale: 3 * time.Minute},
		{name: "a day at most", cacheControl: "max-age=31536000", fresh: 23 * time.Hour, stale: 25 * time.Hour},
		{name: "no-store", cacheControl: "no-store", fresh: -1, stale: time.Second},
		{name: "no-cache", cacheControl: "no-cache", fresh: -1, stale: time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The server's clock and verify's move together.
			var later atomic.Int64
			now := func() time.Time { return fixedNow.Add(time.Duration(later.Load())) }
			f, opts := cachedFixture(t, verifytest.Options{CacheControl: tt.cacheControl, Now: now})
			opts.Now = now
			f.run(t, opts)
			wantFetches(t, f, 1, 1)
			fetched := 1
			if tt.fresh >= 0 {
				later.Store(int64(tt.fresh))
				wantCached(t, f.run(t, opts), true)
				wantFetches(t, f, 1, 1)
			} else if files := cacheFiles(t, opts.CacheDir); len(files) != 0 {
				t.Errorf("cache files %q for a server that forbids keeping them", files)
			}
			later.Store(int64(tt.stale))
			wantCached(t, f.run(t, opts), false)
			fetched++
			wantFetches(t, f, fetched, fetched)
		})
	}
}

// Keys rotate: a token signed with a key the cached set lacks makes one fresh fetch, and the
// cache then holds the new set.
func TestCacheKidMissFetchesAgain(t *testing.T) {
	for _, discover := range []bool{false, true} {
		name := map[bool]string{false: "key set URL known", true: "discovered"}[discover]
		t.Run(name, func(t *testing.T) {
			f, opts := cachedFixture(t, verifytest.Options{})
			discovery := 0
			if !discover {
				f.profile.JWKSURL, f.profile.Issuer = f.srv.URL+"/oidc/jwks", f.srv.URL+"/oidc"
			} else {
				discovery = 1
			}
			f.run(t, opts)
			wantFetches(t, f, discovery, 1)
			if err := f.idp.RotateKey(); err != nil {
				t.Fatal(err)
			}
			r := f.run(t, opts)
			wantCached(t, r, false)
			if sig := check(r, "signature").Detail; !strings.Contains(sig, f.idp.KeyID()[:8]) {
				t.Errorf("signature %q, want the new key %s", sig, f.idp.KeyID())
			}
			// The cached discovery document is checked again too, only when the fresh key
			// set alone does not settle it: here it does.
			wantFetches(t, f, discovery, 2)
			wantCached(t, f.run(t, opts), true)
			wantFetches(t, f, discovery, 2)
		})
	}
}

// A cached key set never turns a failure into a pass, nor hides a fresh failure: a signature
// that does not verify with cached keys is checked with fresh ones before the verdict.
func TestCacheNeverDecidesAFailure(t *testing.T) {
	f, opts := cachedFixture(t, verifytest.Options{Defect: verifytest.ForgedSignature})
	for run := 1; run <= 2; run++ {
		r := f.run(t, opts)
		if s := statuses(r)["signature"]; s != verify.StatusFail || r.KeysFromCache {
			t.Errorf("run %d: signature %s, KeysFromCache %v; want fail from fresh keys", run, s, r.KeysFromCache)
		}
	}
	wantFetches(t, f, 2, 2)
}

func TestCacheCorruptFileIsReplaced(t *testing.T) {
	contents := map[string]func(name string) []byte{
		"garbage":   func(string) []byte { return []byte("\x00\xffnot json") },
		"empty":     func(string) []byte { return nil },
		"truncated": func(name string) []byte { b, _ := os.ReadFile(name); return b[:len(b)/2] },
		"another URL": func(name string) []byte {
			var e map[string]any
			b, _ := os.ReadFile(name)
			_ = json.Unmarshal(b, &e)
			e["url"] = "https://elsewhere.example/jwks"
			b, _ = json.Marshal(e)
			return b
		},
		"from the future": func(name string) []byte {
			var e map[string]any
			b, _ := os.ReadFile(name)
			_ = json.Unmarshal(b, &e)
			e["stored"] = fixedNow.Add(time.Hour)
			b, _ = json.Marshal(e)
			return b
		},
		"huge": func(string) []byte { return []byte(`{"body":"` + strings.Repeat("A", 3<<20) + `"}`) },
	}
	for name, corrupt := range contents {
		t.Run(name, func(t *testing.T) {
			f, opts := cachedFixture(t, verifytest.Options{})
			f.run(t, opts)
			for _, file := range cacheFiles(t, opts.CacheDir) {
				if err := os.WriteFile(file, corrupt(file), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			wantCached(t, f.run(t, opts), false)
			wantFetches(t, f, 2, 2)
			wantCached(t, f.run(t, opts), true)
			wantFetches(t, f, 2, 2)
		})
	}
	t.Run("not a file", func(t *testing.T) {
		f, opts := cachedFixture(t, verifytest.Options{})
		f.run(t, opts)
		for _, file := range cacheFiles(t, opts.CacheDir) {
			if err := os.Remove(file); err != nil {
				t.Fatal(err)
			}
			if err := os.Mkdir(file, 0o700); err != nil {
				t.Fatal(err)
			}
		}
		wantCached(t, f.run(t, opts), false)
		wantFetches(t, f, 2, 2)
	})
}

// Runs that share a cache may write it at once: each passes, every file they leave is whole,
// and the next run reads it.
func TestCacheConcurrentRuns(t *testing.T) {
	f, opts := cachedFixture(t, verifytest.Options{})
	const runs = 8
	var wg sync.WaitGroup
	reports := make([]*verify.Report, runs)
	for i := range runs {
		wg.Go(func() { reports[i] = f.run(t, opts) })
	}
	wg.Wait()
	for i, r := range reports {
		if !r.OK {
			t.Errorf("run %d: checks %+v", i, r.Checks)
		}
	}
	files := cacheFiles(t, opts.CacheDir)
	if len(files) != 2 {
		t.Errorf("cache files %q, want 2 and no temporary file left", files)
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil || !json.Valid(b) {
			t.Errorf("%s: %v, not whole JSON: %.80q", name, err, b)
		}
	}
	_, keys := fetches(f)
	wantCached(t, f.run(t, opts), true)
	if _, after := fetches(f); after != keys {
		t.Errorf("the run after fetched the key set again")
	}
}

// A server that echoes the secret into a public document gets nothing kept on disk.
func TestCacheKeepsNoSecret(t *testing.T) {
	f, opts := cachedFixture(t, verifytest.Options{Defect: verifytest.EchoDiscovery})
	f.run(t, opts)
	f.run(t, opts)
	entries, _ := os.ReadDir(opts.CacheDir)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(opts.CacheDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), testSecret) {
			t.Errorf("%s holds the client secret", e.Name())
		}
	}
	if d, _ := fetches(f); d != 2 {
		t.Errorf("%d discovery requests, want 2: a document holding the secret is not kept", d)
	}
}
