package text

import "testing"

func TestOneLine(t *testing.T) {
	tests := []struct {
		in    string
		limit int
		want  string
	}{
		{"a\n\tb  c", 10, "a b c"},
		{"\x1b[31mred", 10, "[31mred"},
		{"bad \xff utf-8", 20, "bad \uFFFD utf-8"},
		{"  edges  ", 10, "edges"},
		{"0123456789abcde", 10, "0123456789…"},
		{"0123456789", 10, "0123456789"},
	}
	for _, tt := range tests {
		if got := OneLine(tt.in, tt.limit); got != tt.want {
			t.Errorf("OneLine(%q, %d) = %q, want %q", tt.in, tt.limit, got, tt.want)
		}
	}
}
