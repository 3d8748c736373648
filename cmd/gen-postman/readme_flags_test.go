package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/internal/setting"
)

// flagDocs are the files that may hold the flag tables, under a heading named Flags.
var flagDocs = []string{"../../README.md", "../../docs/flags.md"}

var (
	flagsHeading = regexp.MustCompile(`^(#+) +Flags\b`)
	anyHeading   = regexp.MustCompile(`^(#+) `)
	flagInCell   = regexp.MustCompile("(?:^|[ `,(])(--?[a-z][a-z0-9-]*)")
)

// documentedFlags are the flags the first column of each table under a Flags heading names,
// in the files that have one.
func documentedFlags(t *testing.T) (flags []string, files []string) {
	t.Helper()
	for _, path := range flagDocs {
		data, err := os.ReadFile(path)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		level := 0
		found := false
		for _, line := range strings.Split(string(data), "\n") {
			if m := flagsHeading.FindStringSubmatch(line); m != nil {
				level, found = len(m[1]), true
				continue
			}
			if m := anyHeading.FindStringSubmatch(line); m != nil && len(m[1]) <= level {
				level = 0
			}
			if level == 0 || !strings.HasPrefix(line, "| `") {
				continue
			}
			cell := strings.SplitN(strings.TrimPrefix(line, "|"), " | ", 2)[0]
			for _, m := range flagInCell.FindAllStringSubmatch(cell, -1) {
				if name := strings.TrimLeft(m[1], "-"); !slices.Contains(flags, name) {
					flags = append(flags, name)
				}
			}
		}
		if found {
			files = append(files, filepath.Base(path))
		}
	}
	return flags, files
}

// TestFlagTablesMatchTheDeclaration: the flag tables name every flag a command takes, as the
// settings declaration gives them (aliases too), and no flag that no command takes.
func TestFlagTablesMatchTheDeclaration(t *testing.T) {
	documented, files := documentedFlags(t)
	if len(files) == 0 || len(documented) < 10 {
		t.Fatalf("found %d flags in tables under a Flags heading of %v: the test no longer finds the tables", len(documented), flagDocs)
	}
	declared := map[string]bool{}
	for _, s := range setting.All() {
		for _, n := range append([]string{string(s.Key)}, s.Aliases...) {
			declared[n] = true
		}
	}
	for _, name := range documented {
		if !declared[name] {
			t.Errorf("%v: the flag table names %s, which no command takes", files, setting.Flag(setting.Key(name)))
		}
	}
	for _, s := range setting.All() {
		for _, n := range append([]string{string(s.Key)}, s.Aliases...) {
			if !slices.Contains(documented, n) {
				t.Errorf("%v: the flag tables lack %s", files, setting.Flag(setting.Key(n)))
			}
		}
	}
}
