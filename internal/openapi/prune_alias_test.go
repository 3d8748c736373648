package openapi

import (
	"math/rand/v2"
	"regexp"
	"testing"
)

// yamlAliasing is the definition hasYAMLAliasing follows, as a regular expression.
var yamlAliasing = regexp.MustCompile(`(?m)(?::|^\s*-)\s+(?:&\S+(?:\s|$)|\*[^\s*]+\s*$)|^\s*<<\s*:`)

func TestHasYAMLAliasing(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"a: &r\n  b: 1\n", true},
		{"a: *r\n", true},
		{"a: *r   \n", true},
		{"- *r", true},
		{"  - &x y", true},
		{"a:\n  &x\n", true},
		{"<<: *base\n", true},
		{"  << :\n", true},
		{"a: &\n", false},
		{"a: *r b\n", false},
		{"a: *r*\n", false},
		{"a:&r\n", false},
		{"x - &r\n", false},
		{"a: b << c:\n", false},
		{"description: Use *bold* text\n", false},
		{"description: a &amp; b\n", false},
		{"description: &amp; b\n", true},
		{"", false},
	} {
		if got := hasYAMLAliasing([]byte(tt.in)); got != tt.want {
			t.Errorf("hasYAMLAliasing(%q) = %v, want %v", tt.in, got, tt.want)
		}
		if re := yamlAliasing.MatchString(tt.in); re != tt.want {
			t.Errorf("the expression matches %q: %v, want %v", tt.in, re, tt.want)
		}
	}
}

// TestHasYAMLAliasingAsTheExpression compares the scanner with the expression on many short
// texts made of the characters that matter.
func TestHasYAMLAliasingAsTheExpression(t *testing.T) {
	const alphabet = " \t\n\r\f:-&*<ab"
	r := rand.New(rand.NewPCG(1, 2))
	buf := make([]byte, 0, 16)
	for range 200000 {
		buf = buf[:0]
		for range r.IntN(14) {
			buf = append(buf, alphabet[r.IntN(len(alphabet))])
		}
		if got, want := hasYAMLAliasing(buf), yamlAliasing.Match(buf); got != want {
			t.Fatalf("hasYAMLAliasing(%q) = %v, the expression says %v", buf, got, want)
		}
	}
}

// FuzzHasYAMLAliasing holds the scanner to the expression on any text.
func FuzzHasYAMLAliasing(f *testing.F) {
	f.Add([]byte("a: &r\n  b: *r\n<<: x\n"))
	f.Add([]byte("- *x  \n  - &y z"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if got, want := hasYAMLAliasing(data), yamlAliasing.Match(data); got != want {
			t.Fatalf("hasYAMLAliasing(%q) = %v, the expression says %v", data, got, want)
		}
	})
}
