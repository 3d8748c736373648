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

// slowServer is a fake server that sleeps before it answers each request, as a distant one
// would take a round trip, and the Logto profile that points at it.
func slowServer(b *testing.B) *fixture {
	b.Helper()
	f := newFixture(b, verifytest.Options{})
	f.srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(*latency):
		case <-r.Context().Done():
			return
		}
		f.idp.ServeHTTP(w, r)
	})
	return f
}

// reportRoundTrips reports the mean wall time of one operation in milliseconds and in round
// trips, a round trip being the server's latency.
func reportRoundTrips(b *testing.B, start time.Time) {
	per := time.Since(start) / time.Duration(b.N)
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
	reportRoundTrips(b, start)
}

// BenchmarkLatencyVerify is a whole run of verify against the slow server: with the key set
// URL known (preset), and with it found by discovery (generic).
func BenchmarkLatencyVerify(b *testing.B) {
	cases := []struct {
		name     string
		discover bool
	}{
		{name: "preset"},
		{name: "generic", discover: true},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			f := slowServer(b)
			if c.discover {
				f.profile.Issuer, f.profile.JWKSURL = "", ""
			}
			opts := f.options()
			start := time.Now()
			for range b.N {
				r, err := verify.Run(context.Background(), opts)
				if err != nil || !r.OK {
					b.Fatalf("Run = %+v, %v", r, err)
				}
			}
			reportRoundTrips(b, start)
		})
	}
}
