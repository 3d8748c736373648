//go:build e2e

package e2e

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestSignedCollectionUpdatesAndVerifies: a collection made with --private-key, with and
// without DPoP, is updated with a newer document without the key being given again (the
// operations it adds are the only change), runs in Newman against the real server, and verify
// --collection --environment proves its token with the key read from the environment.
func TestSignedCollectionUpdatesAndVerifies(t *testing.T) {
	old, err := filepath.Abs(filepath.Join("testdata", "api-v0.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	current, err := filepath.Abs(filepath.Join("testdata", "api.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, kind string
		dpop       bool
	}{{"RSA, private_key_jwt", "rsa2048", false}, {"EC, DPoP", "p256", true}} {
		t.Run(tt.name, func(t *testing.T) {
			c := newKeyClient(t, "svc", tt.kind, tt.dpop)
			srv := startKeyServer(t, 3600, c)
			args := []string{"--client-id", c.ID, "--private-key", c.Key, "--openapi", old}
			if tt.dpop {
				args = append(args, "--dpop")
			}
			collection, environment := generateFiles(t, srv, args...)

			r := runUpdate(t, "--openapi", current, collection)
			if want := []string{"Applications/Delete an application", "Status/Sign-in experience"}; !reflect.DeepEqual(r.Added, want) {
				t.Errorf("added %v, want %v", r.Added, want)
			}
			if want := []string{"Applications/Legacy"}; !reflect.DeepEqual(r.Removed, want) || len(r.Conflicts) != 0 || len(r.Kept) != 0 {
				t.Errorf("update report %+v: want Legacy removed and no conflict", r)
			}

			run, console, err := runNewman(t, collection, "-e", environment, "--env-var", "applicationId=app-1", "--env-var", "changeExisting=true")
			if err != nil {
				t.Errorf("newman: %v\n%s", err, console)
			}
			st := srv.stats(t)
			const protected = 4
			wantProofs := 0
			if tt.dpop {
				wantProofs = protected
			}
			if st.APIRequests != protected || st.APIUnauthorized != 0 || st.TokensIssued != 1 || st.DPoPProofs != wantProofs {
				t.Errorf("server stats %+v: want %d API requests accepted on one token, %d good proofs", st, protected, wantProofs)
			}
			if run.Run.Stats.Assertions.Failed != 0 {
				t.Errorf("%d assertions failed\n%s", run.Run.Stats.Assertions.Failed, console)
			}

			// No --private-key: the environment holds the key, the collection its id and DPoP.
			stdout, stderr, code := runCLI(t, "verify", "--collection", collection, "--environment", environment, "--call")
			if code != 0 || !strings.Contains(stdout, "PASS  token_request") || !strings.Contains(stdout, "PASS  call") {
				t.Errorf("verify --collection --environment: exit %d\n%s%s", code, stdout, stderr)
			}
			if tt.dpop && !strings.Contains(stdout, "PASS  dpop") {
				t.Errorf("verify did not prove the DPoP binding:\n%s", stdout)
			}
			if strings.Contains(stdout+stderr, `"d":`) || strings.Contains(stdout+stderr, "eyJ") {
				t.Error("verify printed a key or a JWT")
			}
		})
	}
}
