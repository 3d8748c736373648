package openapi

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestParseGolden converts the documents in testdata and compares the model,
// as indented JSON, with testdata/NAME.golden.
func TestParseGolden(t *testing.T) {
	tests := []struct {
		name   string
		file   string
		tenant string
	}{
		{"store", "store-3.0.json", ""},
		{"store-tenant", "store-3.0.json", "acme"},
		{"catalog", "catalog-3.1.yaml", ""},
		{"catalog-tenant", "catalog-3.1.yaml", "acme-eu"},
		{"bodies", "bodies-3.0.yaml", ""},
		{"petstore-2.0", "petstore-2.0.yaml", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Parse(data, Options{Tenant: tt.tenant})
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			got, err := json.MarshalIndent(doc, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", tt.name+".golden")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to write it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("model differs from %s (run go test -update to accept):\n%s", golden, lineDiff(string(want), string(got)))
			}
			for i := 0; i < 3; i++ {
				again, err := Parse(data, Options{Tenant: tt.tenant})
				if err != nil {
					t.Fatal(err)
				}
				b, _ := json.MarshalIndent(again, "", "  ")
				if !bytes.Equal(append(b, '\n'), got) {
					t.Fatalf("parse %d differs from the first", i+2)
				}
			}
		})
	}
}

// lineDiff shows the first lines where two texts differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var sb strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 20; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			shown++
			sb.WriteString("line " + strconv.Itoa(i+1) + ":\n-" + wl + "\n+" + gl + "\n")
		}
	}
	return sb.String()
}
