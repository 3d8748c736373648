package verify_test

import (
	"context"
	"flag"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/gen-postman/gen-postman/verify"
	"github.com/gen-postman/gen-postman/verify/verifytest"
)

// latency is what the slow server adds to every request: go test -bench Latency -latency 300ms.
var latency = flag.Duration("latency", 50*time.Millisecond, "delay the latency benchmarks' server adds to each request")

// slowServer is a fake server that waits before it answers each request, as a distant one
// takes a round trip, and the Logto profile that points at it.
func slowServer(b *testing.B) *fixture {
	b.Helper()
	return newFixture(b, verifytest.Options{Latency: *latency})
}

// reportRoundTrips reports the mean wall time of one operation in milliseconds and in round
// trips, a round trip being the server's latency.
func reportRoundTrips(b *testing.B, elapsed time.Duration) {
	per := elapsed / time.Duration(b.N)
	b.ReportMetric(float64(per.Microseconds())/1000, "ms/op")
	b.ReportMetric(float64(per)/float64(*latency), "roundtrips/op")
}

// BenchmarkLatencyBareTokenRequest is the reference: one POST of the token request and nothing
// else, as curl would send it.
func BenchmarkLatencyBareTokenRequest(b *testing.B) {
	f := slowServer(b)
	form := url.Values{"grant_type": {"client_credentials"}, "resource": {logtoAPI}, "scope": {f.profile.Scope}}.Encode()
	client := f.srv.Client()
	start := time.Now()
	defer func() { reportRoundTrips(b, time.Since(start)) }()
	for range b.N {
		req, err := http.NewRequest(http.MethodPost, f.profile.TokenURL, strings.NewReader(form))
		if err != nil {
			b.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.SetBasicAuth(url.QueryEscape(testClientID), url.QueryEscape(testSecret))
		resp, err := client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			b.Fatalf("HTTP %d", resp.StatusCode)
		}
	}
}

// BenchmarkLatencyVerify is a whole run of verify against the slow server: with the key set
// URL known (preset), and with it found by discovery (generic); without a cache, with an
// empty cache (a first run), and with the cache a first run left (a second run).
func BenchmarkLatencyVerify(b *testing.B) {
	const (
		noCache = iota
		firstRun
		secondRun
	)
	cases := []struct {
		name     string
		discover bool
		cache    int
	}{
		{name: "preset/no-cache"},
		{name: "preset/first-run", cache: firstRun},
		{name: "preset/second-run", cache: secondRun},
		{name: "generic/no-cache", discover: true},
		{name: "generic/first-run", discover: true, cache: firstRun},
		{name: "generic/second-run", discover: true, cache: secondRun},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			f := slowServer(b)
			if c.discover {
				f.profile.Issuer, f.profile.JWKSURL = "", ""
			}
			opts := f.options()
			run := func(cached bool) {
				r, err := verify.Run(context.Background(), opts)
				if err != nil || !r.OK || r.KeysFromCache != cached {
					b.Fatalf("Run = %+v, %v", r, err)
				}
			}
			if c.cache == secondRun {
				opts.CacheDir = b.TempDir()
				run(false)
			}
			var elapsed time.Duration
			for range b.N {
				if c.cache == firstRun {
					opts.CacheDir = b.TempDir()
				}
				start := time.Now()
				run(c.cache == secondRun)
				elapsed += time.Since(start)
			}
			reportRoundTrips(b, elapsed)
		})
	}
}
