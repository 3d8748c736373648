//go:build e2e

package e2e

import (
	"bufio"
	"bytes"
	"errors"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// realDocument returns the path of one of the real OpenAPI documents: in
// $GEN_POSTMAN_OPENAPI_DIR, else in ../shared/openapi beside the repository, where CI keeps them.
// A missing document fails the test and says where to put it: nothing is skipped.
func realDocument(t *testing.T, name string) string {
	t.Helper()
	dir := os.Getenv("GEN_POSTMAN_OPENAPI_DIR")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "openapi")
	}
	path, err := filepath.Abs(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("%s is not there: this test runs the real document; set GEN_POSTMAN_OPENAPI_DIR to the folder that holds it", path)
	} else if err != nil {
		t.Fatal(err)
	}
	return path
}

// prismMock is a running Prism mock of an OpenAPI document (prism mock -d): it answers from the
// document with data generated from the response schemas, and logs each request it finds the
// document forbids.
type prismMock struct {
	Base string
	mu   sync.Mutex
	log  bytes.Buffer
}

// prismSeed seeds Prism's generator of dynamic answers.
const prismSeed = "gen-postman"

// startPrism starts Prism's dynamic mock of doc on a free port of 127.0.0.1; it stops when the
// test ends.
func startPrism(t *testing.T, doc string) *prismMock {
	t.Helper()
	requireNode(t)
	bin, err := filepath.Abs(filepath.Join(e2eDir, "node_modules", "@stoplight", "prism-cli", "dist", "index.js"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(bin); err != nil {
		t.Fatalf("Prism is not installed: run make test, or npm ci in %s (%v)", e2eDir, err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	p := &prismMock{Base: "http://127.0.0.1:" + strconv.Itoa(port)}
	// A fixed seed: the answers Prism makes up, and so the ids a run takes from them and the
	// requests it can send, are the same on every run.
	cmd := exec.Command("node", bin, "mock", "-d", "--seed", prismSeed, "-h", "127.0.0.1", "-p", strconv.Itoa(port), doc)
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "FORCE_COLOR=0")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting Prism: %v", err)
	}
	ready := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		sc := bufio.NewScanner(out)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		signalled := false
		for sc.Scan() {
			line := sc.Text()
			p.mu.Lock()
			p.log.WriteString(line)
			p.log.WriteByte('\n')
			p.mu.Unlock()
			if !signalled && strings.Contains(line, "Prism is listening on") {
				signalled = true
				close(ready)
			}
		}
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		<-done
	})
	select {
	case <-ready:
	case <-done:
		t.Fatalf("Prism exited before it listened:\n%s", p.text())
	case <-time.After(90 * time.Second):
		t.Fatalf("Prism did not listen in 90s:\n%s", p.text())
	}
	p.reset()
	return p
}

func (p *prismMock) text() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.log.String()
}

// reset forgets what Prism logged so far: its start-up lines list the routes it mocks.
func (p *prismMock) reset() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.log.Reset()
}

// prismRequest is one request Prism received, with the violations of the document it found in
// the request (not in its own answer).
type prismRequest struct {
	Line       string
	Violations []string
}

// requests reads Prism's log: the requests it received in order, each with the request
// violations logged after it.
func (p *prismMock) requests() []prismRequest {
	var out []prismRequest
	for _, line := range strings.Split(p.text(), "\n") {
		switch {
		case strings.Contains(line, "[HTTP SERVER]") && strings.HasSuffix(strings.TrimSpace(line), "Request received"):
			start := strings.Index(line, "[HTTP SERVER]") + len("[HTTP SERVER]")
			what := strings.TrimSpace(line[start:])
			what = strings.TrimSpace(strings.TrimSuffix(what, "Request received"))
			what = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(what, "info")), "ℹ"))
			out = append(out, prismRequest{Line: what})
		case strings.Contains(line, "Violation: request"):
			v := line[strings.Index(line, "Violation: ")+len("Violation: "):]
			if len(out) == 0 {
				out = append(out, prismRequest{Line: "(before any request)"})
			}
			out[len(out)-1].Violations = append(out[len(out)-1].Violations, v)
		}
	}
	return out
}
