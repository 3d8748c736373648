package setting

import "slices"

// Key names a setting wherever gen-postman speaks of it: a domain error about a value carries
// the key of the setting that gave it, and the command line shows the key as its flag.
type Key string

// Kind is the kind of value a setting takes.
type Kind int

const (
	// Text is one string.
	Text Kind = iota
	// List is a string that may be given several times, each a value of its own.
	List
	// Switch is on or off, given by the flag alone.
	Switch
	// Duration is a time span such as 30s.
	Duration
)

// Command is a command that takes settings; a Setting's Commands is a set of them.
type Command uint8

// The commands that take settings.
const (
	Generate Command = 1 << iota
	Verify
	Update
)

// Override is how a value the user gives (a flag or an environment variable) combines with
// the one a collection or its environment file gives, for verify --collection and update.
type Override int

const (
	// NotCarried settings are not part of a collection: the user alone gives them, each run.
	NotCarried Override = iota
	// Replace: a value the user gives replaces the collection's; an empty one, such as an
	// environment variable set to nothing, never wipes it.
	Replace
	// ReplaceGiven: a value given replaces the collection's even when empty (an empty scope
	// clears the collection's).
	ReplaceGiven
	// Either: on when the collection or the user says so.
	Either
	// FromCollection settings are the collection's alone: a command that reads a collection
	// refuses them, since the collection says them itself.
	FromCollection
)

// Setting is the one declaration of a setting.
type Setting struct {
	Key Key
	// Aliases are other names of its flag, such as o for output.
	Aliases []string
	Kind    Kind
	// Usage says what it is, with its value's placeholder in backquotes, as urfave/cli reads
	// it; UsageIn replaces it for a command that takes it otherwise.
	Usage   string
	UsageIn map[Command]string
	// Default is the value when none is given, as the flag would be written ("10s").
	Default string
	// DefaultText is how help shows a default that is not a value ("no limit").
	DefaultText string
	// Env is the environment variable that gives it when the flag is not given.
	Env string
	// Variable is the collection (or environment) variable that carries it; Carried says in
	// words where a collection carries it, when that is more than its variable or no variable
	// of its own carries it.
	Variable string
	Carried  string
	// Preset is the provider preset's field (by its JSON name) that it overrides.
	Preset string
	// Secret values are never shown and never written into a collection.
	Secret bool
	// URL settings name a place gen-postman sends requests to: with --allow-http, the plain
	// http hosts among them are the ones plain http may reach.
	URL bool
	// Values are the only values it takes, which shells complete it to.
	Values []string
	// Alone, when set, is the value of the flag given with no value after it (followed by
	// nothing or by another flag), as a bare --call means the first ready request.
	Alone string
	// With is the setting it goes with only: --environment with --collection.
	With Key
	// Commands are the commands that take it.
	Commands Command
	// Override is how the user's value combines with a collection's.
	Override Override
}

// Takes reports whether cmd takes the setting.
func (s Setting) Takes(cmd Command) bool { return s.Commands&cmd != 0 }

// UsageFor is the usage for cmd.
func (s Setting) UsageFor(cmd Command) string {
	if u, ok := s.UsageIn[cmd]; ok {
		return u
	}
	return s.Usage
}

// Flag is the setting's flag as the user types it: --token-url, or -o for a one-letter name.
func Flag(k Key) string {
	if len(k) == 1 {
		return "-" + string(k)
	}
	return "--" + string(k)
}

// All returns every setting, in the order help lists them.
func All() []Setting { return slices.Clone(all) }

// For returns the settings cmd takes, in the order help lists them.
func For(cmd Command) []Setting {
	var out []Setting
	for _, s := range all {
		if s.Takes(cmd) {
			out = append(out, s)
		}
	}
	return out
}

// Lookup returns the setting of key k.
func Lookup(k Key) (Setting, bool) {
	i := slices.IndexFunc(all, func(s Setting) bool { return s.Key == k })
	if i < 0 {
		return Setting{}, false
	}
	return all[i], true
}
