package network

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/gen-postman/gen-postman/internal/redact"
)

// Documents fetches the public documents of one run (discovery metadata, key sets): each URL
// once, however many ask for it and whenever they ask, so that a fetch started ahead of time
// serves the check that needs it later. With a cache it first looks there, and keeps what
// the run used.
//
// A document is kept raw: what it says is read, through the run's redactor, by whoever asks
// for it, so that a fetch made before the token arrived is shown with the token hidden too.
type Documents struct {
	// ctx bounds every fetch: the run cancels it when it no longer needs them, and waits
	// for them with Wait.
	ctx    context.Context
	wg     sync.WaitGroup
	client *http.Client
	policy URLPolicy
	cache  *diskCache // nil without a cache
	now    func() time.Time

	mu  sync.Mutex
	got map[string]*Document
}

// Document is one fetched URL. Its fields are set when ready is closed.
type Document struct {
	ready chan struct{}

	url      string
	status   int
	location string // the Location of a redirect
	body     []byte
	err      error // no answer: the transport's error, not yet redacted
	readErr  error // the answer's body could not be read whole
	cached   bool  // it came from the cache
	expires  time.Time
	kept     sync.Once
}

// NewDocuments returns the fetcher of one run's documents. ctx bounds every fetch, client sends
// them (NewClient with the same policy), policy is the run's URL rule, cacheDir is the cache's directory (empty for none) and now the clock
// that freshness is reckoned by.
func NewDocuments(ctx context.Context, client *http.Client, policy URLPolicy, cacheDir string, now func() time.Time) *Documents {
	d := &Documents{ctx: ctx, client: client, policy: policy, now: now, got: map[string]*Document{}}
	if cacheDir != "" {
		d.cache = &diskCache{dir: cacheDir}
	}
	return d
}

// Policy is the URL rule the documents are fetched under.
func (d *Documents) Policy() URLPolicy { return d.policy }

// get returns the document at url, fetching it unless this run already has it. fresh asks
// for a copy from the server, not from the cache. get waits for the fetch, or until ctx ends.
func (d *Documents) get(ctx context.Context, url string, fresh bool) *Document {
	doc := d.start(url, fresh)
	select {
	case <-doc.ready:
		return doc
	case <-ctx.Done():
		return &Document{url: url, err: ctx.Err()}
	}
}

// Prefetch starts fetching url for a later GetJSON; fresh asks for a copy from the server,
// not from the cache.
func (d *Documents) Prefetch(url string, fresh bool) {
	if d.policy.Check(url) == nil {
		d.start(url, fresh)
	}
}

// start returns this run's document at url: the one it has, unless fresh asks to replace a
// copy from the cache; else a fresh copy from the cache, ready at once; else a fetch that
// has begun.
func (d *Documents) start(url string, fresh bool) *Document {
	d.mu.Lock()
	defer d.mu.Unlock()
	if doc, ok := d.got[url]; ok && (!fresh || !doc.cached) {
		return doc
	}
	doc := &Document{ready: make(chan struct{}), url: url}
	d.got[url] = doc
	if d.cache != nil && !fresh {
		if body, ok := d.cache.load(url, d.now()); ok {
			doc.status, doc.body, doc.cached = http.StatusOK, body, true
			close(doc.ready)
			return doc
		}
	}
	d.wg.Add(1)
	go func() {
		defer d.wg.Done()
		d.fetch(doc)
	}()
	return doc
}

// fetch fills doc with a GET.
func (d *Documents) fetch(doc *Document) {
	defer close(doc.ready)
	req, err := http.NewRequestWithContext(d.ctx, http.MethodGet, doc.url, nil)
	if err != nil {
		doc.err = fmt.Errorf("building request: %w", err)
		return
	}
	req.Header.Set("Accept", "application/json")
	resp, err := d.client.Do(req)
	if err != nil {
		doc.err = err
		return
	}
	defer resp.Body.Close()
	doc.status, doc.location = resp.StatusCode, resp.Header.Get("Location")
	doc.body, doc.readErr = ReadCapped(resp.Body, maxDocument)
	if resp.StatusCode == http.StatusOK && doc.readErr == nil {
		if ttl := freshness(req, resp); ttl > 0 {
			doc.expires = d.now().Add(ttl)
		}
	}
}

// keep stores a document the run used in the cache, once, unless it came from there, may not
// be reused, or holds a secret or the token: red is the run's redactor, which knows both, and
// a server that echoes them into a public document gets nothing kept on disk.
func (d *Documents) keep(doc *Document, red redact.Redactor) {
	if d.cache == nil || doc.cached || doc.expires.IsZero() {
		return
	}
	doc.kept.Do(func() {
		if red.Contains(string(doc.body)) {
			return
		}
		// A cache that cannot be written costs the next run a fetch, nothing more.
		_ = d.cache.store(doc.url, doc.body, d.now(), doc.expires)
	})
}

// Go runs f in the background as part of the run's fetches: f gets the context that bounds
// them, and Wait waits for it too.
func (d *Documents) Go(f func(ctx context.Context)) {
	d.wg.Go(func() { f(d.ctx) })
}

// Wait waits for every fetch the run started, and for every function Go started.
func (d *Documents) Wait() {
	d.wg.Wait()
}

// Body is the document's body as the server sent it: what it says must pass the run's
// redactor before it is shown.
func (doc *Document) Body() []byte { return doc.body }

// Cached reports whether the document came from the cache.
func (doc *Document) Cached() bool { return doc.cached }
