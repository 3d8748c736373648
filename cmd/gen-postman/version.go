package main

import "runtime/debug"

// version is set by make build with -ldflags "-X main.version=$(git describe ...)"; empty
// otherwise.
var version = ""

// buildVersion is the version --version prints and environment files record.
func buildVersion() string {
	info, _ := debug.ReadBuildInfo()
	return versionOf(version, info)
}

// versionOf picks the version: the one stamped with -ldflags; else the module version the Go
// command stamped (go install module@version, or go build in a checkout, which derives one from
// the commit); else the commit itself from the build's VCS information, as devel-REVISION with
// -dirty for uncommitted changes; else "devel".
func versionOf(stamped string, info *debug.BuildInfo) string {
	if stamped != "" {
		return stamped
	}
	if info == nil {
		return "devel"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var revision, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if revision == "" {
		return "devel"
	}
	if len(revision) > 12 {
		revision = revision[:12]
	}
	v := "devel-" + revision
	if modified == "true" {
		v += "-dirty"
	}
	return v
}
