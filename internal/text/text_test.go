package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestOneLine(t *testing.T) {
	tests := []struct {
		in    string
		limit int
		want  string
	}{
		{"a\n\tb  c", 10, "a b c"},
		{"\x1b[31mred", 20, `\x1b[31mred`},
		{"C1 \u009b31m", 20, `C1 \x9b31m`},
		{"bidi \u202eevil\u202c", 30, `bidi \u202eevil\u202c`},
		{"zero\u200bwidth", 30, `zero\u200bwidth`},
		{"cr\rover", 20, "cr over"},
		{"bad \xff utf-8", 20, "bad \uFFFD utf-8"},
		{"  edges  ", 10, "edges"},
		{"0123456789abcde", 10, "0123456789…"},
		{"0123456789", 10, "0123456789"},
		{"012345678\x1b", 10, "012345678…"},
		{"012345678 9", 10, "012345678…"},
	}
	for _, tt := range tests {
		if got := OneLine(tt.in, tt.limit); got != tt.want {
			t.Errorf("OneLine(%q, %d) = %q, want %q", tt.in, tt.limit, got, tt.want)
		}
	}
}

func TestVisible(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain\ntext\twith tabs", "plain\ntext\twith tabs"},
		{"\x1b]0;title\x07", `\x1b]0;title\x07`},
		{"\u009b2J", `\x9b2J`},
		{"\u2067rtl\u2069", `\u2067rtl\u2069`},
		{"cr\r\n", `cr\x0d` + "\n"},
		{"bad \xff", "bad \uFFFD"},
	}
	for _, tt := range tests {
		if got := Visible(tt.in); got != tt.want {
			t.Errorf("Visible(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzOneLine: the result is one line of valid UTF-8, within the limit, with nothing that acts
// on a terminal.
func FuzzOneLine(f *testing.F) {
	f.Add("a\x1b[2J\u202e\u009bb", 5)
	f.Fuzz(func(t *testing.T, s string, limit int) {
		if limit < 0 || limit > 1000 {
			return
		}
		got := OneLine(s, limit)
		if !utf8.ValidString(got) || strings.ContainsAny(got, "\n\r") {
			t.Fatalf("OneLine(%q, %d) = %q: not one line of UTF-8", s, limit, got)
		}
		if n := utf8.RuneCountInString(strings.TrimSuffix(got, "…")); n > limit {
			t.Fatalf("OneLine(%q, %d) = %q: %d runes", s, limit, got, n)
		}
		for _, r := range got {
			if hidden(r) {
				t.Fatalf("OneLine(%q, %d) = %q holds %U", s, limit, got, r)
			}
		}
	})
}
