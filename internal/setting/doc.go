// Package setting declares every setting gen-postman takes, once: its key, flag and aliases,
// environment variable, the collection variable that carries it, the preset field it overrides,
// whether it is a secret, its usage, the commands that take it, and how a value the user gives
// overrides one a collection gives. The command line builds every command's flags from this
// declaration, and the domain packages name a setting by its [Key], never by its flag.
package setting
