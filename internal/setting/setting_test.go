package setting

import (
	"strings"
	"testing"
)

// Every setting is declared once: its key, flag names and variable are its own, and each has a
// usage and a command that takes it.
func TestDeclaredOnce(t *testing.T) {
	names, variables := map[string]Key{}, map[string]Key{}
	for _, s := range All() {
		for _, n := range append([]string{string(s.Key)}, s.Aliases...) {
			if other, ok := names[n]; ok {
				t.Errorf("flag name %q of %s is %s's too", n, s.Key, other)
			}
			names[n] = s.Key
		}
		if s.Variable != "" {
			if other, ok := variables[s.Variable]; ok && !(s.Secret && other == ClientSecret) {
				t.Errorf("variable %q of %s is %s's too", s.Variable, s.Key, other)
			}
			variables[s.Variable] = s.Key
		}
		if s.Usage == "" || s.Commands == 0 {
			t.Errorf("%s: no usage or no command takes it", s.Key)
		}
		if s.Kind != Text && s.Kind != List && (s.Env != "" || s.URL) {
			t.Errorf("%s: only a text setting has an environment variable or a URL", s.Key)
		}
		if s.Override == FromCollection && s.Takes(Update) {
			t.Errorf("%s: update reads a collection, which says %s itself", s.Key, s.Key)
		}
		if got, ok := Lookup(s.Key); !ok || got.Key != s.Key {
			t.Errorf("Lookup(%s) = %v, %v", s.Key, got.Key, ok)
		}
	}
	if got := Flag(Output); got != "--output" {
		t.Errorf("Flag(Output) = %q", got)
	}
	if got := Flag("o"); got != "-o" {
		t.Errorf(`Flag("o") = %q`, got)
	}
}

// A usage written for one command is that command's; the others read the general one.
func TestUsageFor(t *testing.T) {
	s, _ := Lookup(Issuer)
	if u := s.UsageFor(Update); !strings.Contains(u, "written into the issuer variable") {
		t.Errorf("update's issuer usage %q", u)
	}
	if s.UsageFor(Generate) != s.Usage {
		t.Errorf("generate's issuer usage %q, want the general one", s.UsageFor(Generate))
	}
}

type bound struct {
	URL    string  `setting:"token-url"`
	Scope  *string `setting:"scope"`
	On     bool    `setting:"dpop"`
	Other  int     `setting:"key-id"`
	Hidden string
}

// Copy moves what the source gives, by setting, and leaves what it does not give or what has
// another type.
func TestCopy(t *testing.T) {
	empty := ""
	dst := bound{URL: "https://a", Scope: new(string), Other: 1}
	src := bound{Scope: &empty, On: true, Other: 2, Hidden: "x"}
	set := Copy(&dst, &src)
	if dst.URL != "https://a" || dst.Scope != &empty || !dst.On || dst.Other != 2 || dst.Hidden != "" {
		t.Errorf("Copy gave %+v", dst)
	}
	if len(set) != 3 {
		t.Errorf("Copy set %v, want scope, dpop and key-id", set)
	}
}

// A tag that names no setting is a mistake found at once.
func TestFieldsUndeclared(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Fields accepted a tag naming no setting")
		}
	}()
	var v struct {
		X string `setting:"no-such-setting"`
	}
	Fields(&v)
}

type inner struct {
	URL string `setting:"token-url"`
}

type outer struct {
	inner
	ID string `setting:"key-id"`
}

// The bound fields of an embedded struct are the outer struct's, as Go promotes them.
func TestFieldsEmbedded(t *testing.T) {
	var dst outer
	set := Copy(&dst, &outer{inner: inner{URL: "https://id.example.com/token"}, ID: "kid"})
	if dst.URL != "https://id.example.com/token" || dst.ID != "kid" || len(set) != 2 {
		t.Errorf("Copy gave %+v, set %v", dst, set)
	}
}
