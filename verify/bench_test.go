package verify

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/gen-postman/gen-postman/internal/network"
	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/verify/verifytest"
)

// benchServer is a local fake server signing with ES384, Logto's default, and its profile.
func benchServer(b *testing.B) (*httptest.Server, *profile.Profile) {
	b.Helper()
	idp, err := verifytest.NewIdP(verifytest.Options{Alg: "ES384", ClientID: "m2m-app", ClientSecret: "m2m-secret"})
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(idp)
	b.Cleanup(srv.Close)
	p, err := profile.Resolve(profile.Options{Provider: "logto", Endpoint: srv.URL, ClientID: "m2m-app", ClientSecret: "m2m-secret"})
	if err != nil {
		b.Fatal(err)
	}
	return srv, p
}

// BenchmarkVerify is one whole run: token request, key set, and every check.
func BenchmarkVerify(b *testing.B) {
	srv, p := benchServer(b)
	opts := Options{Profile: p, HTTPClient: srv.Client()}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		r, err := Run(ctx, opts)
		if err != nil || !r.OK {
			b.Fatalf("Run = %+v, %v", r, err)
		}
	}
}

// BenchmarkTokenRequest is the token request alone, against the same server.
func BenchmarkTokenRequest(b *testing.B) {
	srv, p := benchServer(b)
	rs := &runState{opts: Options{Profile: p}, profile: p, now: time.Now, report: &Report{}}
	rs.setRedactor("")
	client := network.NewClient(srv.Client(), network.URLPolicy{})
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		res, err := requestToken(ctx, client, rs)
		if err != nil || res.resp == nil {
			b.Fatalf("requestToken = %+v, %v", res, err)
		}
	}
}
