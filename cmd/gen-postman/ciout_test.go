package main

import (
	"encoding/json"
	"encoding/xml"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/verify/verifytest"
)

// junitDoc is the shape of the common JUnit XML schema (testsuites, testsuite, testcase with
// failure, error or skipped), read back strictly enough to count what a CI system counts.
type junitDoc struct {
	XMLName  xml.Name `xml:"testsuites"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Errors   int      `xml:"errors,attr"`
	Skipped  int      `xml:"skipped,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Errors   int    `xml:"errors,attr"`
		Skipped  int    `xml:"skipped,attr"`
		Cases    []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			Failure   *struct {
				Message string `xml:"message,attr"`
			} `xml:"failure"`
			Error   *struct{} `xml:"error"`
			Skipped *struct {
				Message string `xml:"message,attr"`
			} `xml:"skipped"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

// TestVerifyJUnitAndStepSummary runs a failing verify (a forged signature: checks fail; a
// refused client: the token request fails and the rest is skipped) with --junit and
// GITHUB_STEP_SUMMARY set, reads the JUnit file back and checks its counts against the JSON
// report of the same run, and that neither file holds the secret.
func TestVerifyJUnitAndStepSummary(t *testing.T) {
	const secret = "m2m-secret-for-junit"
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv(envClientID, "m2m-app")
	t.Setenv(envClientSecret, secret)
	for _, tt := range []struct {
		defect   verifytest.Defect
		wantCode exitCode
	}{
		{verifytest.ForgedSignature, exitCheckFailed},
		{verifytest.InvalidClient, exitTokenRequest},
	} {
		t.Run(tt.defect.String(), func(t *testing.T) {
			idp, err := verifytest.NewIdP(verifytest.Options{Defect: tt.defect, ClientSecret: secret})
			if err != nil {
				t.Fatal(err)
			}
			srv := httptest.NewServer(idp)
			defer srv.Close()
			dir := t.TempDir()
			junitPath, summaryPath := filepath.Join(dir, "verify.xml"), filepath.Join(dir, "summary.md")
			t.Setenv(envStepSummary, summaryPath)
			if err := os.WriteFile(summaryPath, []byte("# earlier step\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			stdout, stderr, code := runCLI(t, "verify", "--endpoint", srv.URL, "--json", "--junit", junitPath)
			if exitCode(code) != tt.wantCode {
				t.Fatalf("exit %d, want %d\nstderr: %s", code, tt.wantCode, stderr)
			}
			var report struct {
				Checks []struct{ Name, Status string }
			}
			if err := json.Unmarshal([]byte(stdout), &report); err != nil {
				t.Fatalf("--json: %v", err)
			}
			want := map[string]int{}
			for _, c := range report.Checks {
				want[c.Status]++
			}
			if want["fail"] == 0 {
				t.Fatalf("the run failed no check: %s", stdout)
			}

			data, err := os.ReadFile(junitPath)
			if err != nil {
				t.Fatal(err)
			}
			var doc junitDoc
			if err := xml.Unmarshal(data, &doc); err != nil {
				t.Fatalf("the JUnit file does not parse: %v\n%s", err, data)
			}
			if len(doc.Suites) != 1 {
				t.Fatalf("%d test suites, want 1", len(doc.Suites))
			}
			suite := doc.Suites[0]
			var failures, skipped, errs int
			for _, c := range suite.Cases {
				if c.Failure != nil {
					failures++
				}
				if c.Skipped != nil {
					skipped++
				}
				if c.Error != nil {
					errs++
				}
				if c.Name == "" || c.Classname == "" {
					t.Errorf("a test case without name or classname: %+v", c)
				}
			}
			for _, got := range []struct {
				what      string
				got, want int
			}{
				{"testsuites tests", doc.Tests, len(report.Checks)},
				{"testsuites failures", doc.Failures, want["fail"]},
				{"testsuites skipped", doc.Skipped, want["skip"]},
				{"testsuites errors", doc.Errors, 0},
				{"testsuite tests", suite.Tests, len(suite.Cases)},
				{"testcases", len(suite.Cases), len(report.Checks)},
				{"testsuite failures", suite.Failures, failures},
				{"failure elements", failures, want["fail"]},
				{"testsuite skipped", suite.Skipped, skipped},
				{"skipped elements", skipped, want["skip"]},
				{"error elements", errs, suite.Errors},
			} {
				if got.got != got.want {
					t.Errorf("%s = %d, want %d", got.what, got.got, got.want)
				}
			}

			summary, err := os.ReadFile(summaryPath)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(summary), "# earlier step\n") {
				t.Errorf("the step summary was not appended to:\n%s", summary)
			}
			if !strings.Contains(string(summary), "| `token_request` |") || !strings.Contains(string(summary), "FAIL") {
				t.Errorf("the step summary has no table of checks or no verdict:\n%s", summary)
			}
			for name, text := range map[string]string{"JUnit file": string(data), "step summary": string(summary), "stderr": stderr} {
				if strings.Contains(text, secret) {
					t.Errorf("the %s holds the client secret", name)
				}
			}
		})
	}
}

// TestVerifyJUnitPathRefusedFirst refuses a --junit that names a directory before any request.
func TestVerifyJUnitPathRefusedFirst(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	_, stderr, code := runCLI(t, "verify", "--endpoint", "http://127.0.0.1:1", "--client-id", "x", "--junit", t.TempDir())
	if exitCode(code) != exitUsage || !strings.Contains(stderr, "invalid --junit") {
		t.Errorf("exit %d, stderr %q; want exit 2 naming --junit", code, stderr)
	}
}
