package network

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/gen-postman/gen-postman/internal/redact"
)

// traceBuffer caps what a Tracer reads ahead of a body to show it: the rest of the body is
// passed on unread.
const traceBuffer = 64 << 10

// Tracer shows each HTTP exchange of a run on a writer, as --verbose asks: the request line,
// headers and body, then the status, headers and body of the answer (JSON indented, at most
// [traceShown] bytes of any body). Every line passes the redactor of the client it traces, and
// credentials are hidden by what they are, whatever the redactor knows: the client secret and
// HTTP Basic credentials, client assertions, DPoP proofs, access, refresh and ID tokens, private
// key members (see traceText). Each request and each answer is written in one piece, so
// exchanges that overlap never mix their lines.
type Tracer struct {
	w         io.Writer
	showToken bool

	mu    sync.Mutex
	seq   int
	token string // the access token shown in full, with showToken
}

// NewTracer returns a Tracer that writes to w. showToken shows the access token itself, as
// verify's --show-token prints it in the report; otherwise only its redacted form is shown.
func NewTracer(w io.Writer, showToken bool) *Tracer {
	return &Tracer{w: w, showToken: showToken}
}

// Client returns a copy of c (nil: NewClient's own settings) whose exchanges t shows, with the
// secrets of red hidden; red is called for each text shown, so the redactor may learn secrets
// during the run (nil: credentials are still hidden by what they are). Give the copy to
// NewClient, which keeps the tracing outside its rules: the client still holds them.
func (t *Tracer) Client(c *http.Client, red func() redact.Redactor) *http.Client {
	if c == nil {
		c = defaultClient()
	}
	if red == nil {
		red = func() redact.Redactor { return redact.Redactor{} }
	}
	traced := *c
	next := traced.Transport
	if next == nil {
		next = http.DefaultTransport
	}
	traced.Transport = &traceTransport{tracer: t, red: red, next: next}
	return &traced
}

// traceTransport is the http.RoundTripper of a traced client.
type traceTransport struct {
	tracer *Tracer
	red    func() redact.Redactor
	next   http.RoundTripper
}

// around is the same tracing in front of next.
func (tt *traceTransport) around(next http.RoundTripper) *traceTransport {
	return &traceTransport{tracer: tt.tracer, red: tt.red, next: next}
}

// RoundTrip shows the request, sends it, and shows the answer. The bodies it reads to show them
// are given back whole: the request's through GetBody or a reader that replays what was read,
// the answer's the same way.
func (tt *traceTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	t := tt.tracer
	t.mu.Lock()
	t.seq++
	n := t.seq
	t.mu.Unlock()

	original := req.Body
	req, body, cut, err := peekRequestBody(req)
	if err != nil {
		// A RoundTripper closes the body, whatever happens.
		if original != nil {
			original.Close()
		}
		return nil, err
	}
	show := t.view(tt.red())
	t.write(show.request(n, req, body, cut))
	start := time.Now()
	resp, err := tt.next.RoundTrip(req)
	if err != nil {
		t.write(show.failure(n, err))
		return nil, err
	}
	// The answer is shown as its body is read, not read ahead: a caller that refuses the body
	// by its Content-Length, or reads it within its own deadline, is never held up by the trace.
	resp.Body = &tracedBody{body: resp.Body, length: resp.ContentLength, show: func(data []byte, cut bool, readErr error) {
		show := t.view(tt.red())
		t.write(show.response(n, resp, data, cut, readErr, time.Since(start)))
	}}
	return resp, nil
}

// tracedBody is an answer's body that keeps the first traceBuffer bytes its reader reads and
// shows the answer once: when more than that was read, at the end of the body or a read error,
// or when it is closed, whichever comes first. A body closed before its end is shown as cut.
type tracedBody struct {
	body   io.ReadCloser
	length int64 // the announced Content-Length, -1 when unknown
	show   func(data []byte, cut bool, readErr error)

	mu    sync.Mutex
	kept  []byte
	shown bool
}

func (b *tracedBody) Read(p []byte) (int, error) {
	n, err := b.body.Read(p)
	b.mu.Lock()
	defer b.mu.Unlock()
	if room := traceBuffer + 1 - len(b.kept); room > 0 && !b.shown {
		b.kept = append(b.kept, p[:min(n, room)]...)
	}
	switch {
	case len(b.kept) > traceBuffer:
		b.showOnce(true, nil)
	case err == io.EOF:
		b.showOnce(false, nil)
	case err != nil:
		b.showOnce(false, err)
	}
	return n, err
}

// Close shows the answer if no read did, then closes the body. A body announced to fit the
// buffer is read to its end first, so that an answer the caller never reads (an error status)
// is still shown whole; a longer one, or one of unknown length, is not waited for.
func (b *tracedBody) Close() error {
	b.mu.Lock()
	if !b.shown && b.length >= 0 && b.length <= traceBuffer && int64(len(b.kept)) < b.length {
		rest, err := io.ReadAll(io.LimitReader(b.body, b.length-int64(len(b.kept))))
		b.kept = append(b.kept, rest...)
		if err != nil {
			b.showOnce(true, err)
		}
	}
	b.showOnce(int64(len(b.kept)) != b.length, nil)
	b.mu.Unlock()
	return b.body.Close()
}

// showOnce shows the answer with what was kept, unless it was shown; b.mu is held.
func (b *tracedBody) showOnce(cut bool, readErr error) {
	if b.shown {
		return
	}
	b.shown = true
	data, over := trimBuffer(b.kept)
	b.show(data, cut || over, readErr)
	b.kept = nil
}

// view is how t shows text with red's secrets hidden.
func (t *Tracer) view(red redact.Redactor) traceText {
	t.mu.Lock()
	defer t.mu.Unlock()
	return traceText{red: red, showToken: t.showToken, token: t.token, keepToken: t.keepToken}
}

// keepToken records the access token to show in full, with showToken.
func (t *Tracer) keepToken(token string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.token = token
}

// write writes lines in one piece.
func (t *Tracer) write(lines []string) {
	if len(lines) == 0 {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	io.WriteString(t.w, strings.Join(lines, "\n")+"\n")
}

// peekRequestBody returns req with a body that still reads whole, and the first traceBuffer
// bytes of that body; cut says there is more.
func peekRequestBody(req *http.Request) (*http.Request, []byte, bool, error) {
	if req.Body == nil || req.Body == http.NoBody {
		return req, nil, false, nil
	}
	if req.GetBody != nil {
		copyBody, err := req.GetBody()
		if err != nil {
			return nil, nil, false, fmt.Errorf("reading the request body to show it: %w", err)
		}
		defer copyBody.Close()
		data, err := io.ReadAll(io.LimitReader(copyBody, traceBuffer+1))
		if err != nil {
			return nil, nil, false, fmt.Errorf("reading the request body to show it: %w", err)
		}
		data, cut := trimBuffer(data)
		return req, data, cut, nil
	}
	data, rest, err := peekBody(req.Body)
	if err != nil {
		return nil, nil, false, fmt.Errorf("reading the request body to show it: %w", err)
	}
	clone := req.Clone(req.Context())
	clone.Body = rest
	data, cut := trimBuffer(data)
	return clone, data, cut, nil
}

// trimBuffer cuts data to traceBuffer bytes, and says whether it was longer.
func trimBuffer(data []byte) ([]byte, bool) {
	if len(data) > traceBuffer {
		return data[:traceBuffer], true
	}
	return data, false
}

// peekBody reads up to traceBuffer+1 bytes of body, and returns them with a body that reads
// them again, then the rest, and closes body. The error is the one reading met, which the
// returned body gives again to whoever reads it.
func peekBody(body io.ReadCloser) ([]byte, io.ReadCloser, error) {
	data, err := io.ReadAll(io.LimitReader(body, traceBuffer+1))
	var rest io.Reader = body
	if err != nil {
		rest = errReader{err}
	}
	return data, replayBody{Reader: io.MultiReader(bytes.NewReader(data), rest), closer: body}, err
}

// replayBody reads what was read ahead, then the rest of the body it closes.
type replayBody struct {
	io.Reader
	closer io.Closer
}

func (b replayBody) Close() error { return b.closer.Close() }

// errReader fails every read with err.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }
