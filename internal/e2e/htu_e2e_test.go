//go:build e2e

package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestScriptNormalizesHTUAsVerify runs the collection's DPoP script in Node on the table
// verify's own test is held to (testdata/dpop-htu.json): both make the same htu of a URL, so a
// server that compares htu as a string takes the proofs of both.
func TestScriptNormalizesHTUAsVerify(t *testing.T) {
	requireNode(t)
	table, err := os.ReadFile(filepath.Join("..", "..", "testdata", "dpop-htu.json"))
	if err != nil {
		t.Fatal(err)
	}
	script, err := os.ReadFile(filepath.Join("..", "..", "templates", "scripts", "dpop.js"))
	if err != nil {
		t.Fatal(err)
	}
	program := string(script) + "\nconst cases = " + string(table) + ";\n" +
		"console.log(JSON.stringify(cases.map((c) => dpop.htu(c.url))));\n"
	file := filepath.Join(t.TempDir(), "htu.js")
	if err := os.WriteFile(file, []byte(program), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("node", file).Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var cases []struct{ URL, HTU string }
	var got []string
	if err := json.Unmarshal(table, &cases); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(out, &got); err != nil || len(got) != len(cases) || len(cases) == 0 {
		t.Fatalf("the script printed %q (%v), want %d values", out, err, len(cases))
	}
	for i, c := range cases {
		if got[i] != c.HTU {
			t.Errorf("dpop.htu(%q) = %q, want %q", c.URL, got[i], c.HTU)
		}
	}
}
