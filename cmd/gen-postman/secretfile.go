package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/gen-postman/gen-postman/internal/input"
)

// maxSecretFile caps what --client-secret-file reads: a client secret, or a line of one, is
// far shorter.
const maxSecretFile = 4 << 10

// readSecretFile reads the client secret from a regular file: its one line, without the
// trailing newline (LF or CRLF) an editor or echo leaves. An empty file, a file over
// maxSecretFile bytes, or one of several lines is bad input; the message never shows the file's
// content. A file other users may read or write is read, with a warning on stderr: a CI runner's
// files are often so, and the secret fails at the server if someone else wrote it.
func readSecretFile(path string, stderr io.Writer) (string, error) {
	bad := func(reason string) error {
		return &input.Error{Field: "client-secret-file", Value: path, Reason: reason}
	}
	f, err := input.Open("client-secret-file", path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil {
		if reason := input.OpenToOthers(info, "the client secret"); reason != "" {
			fmt.Fprintf(stderr, "gen-postman: warning: %s %q %s: run chmod 600 on it\n", input.Flag("client-secret-file"), path, reason)
		}
	}
	data, err := io.ReadAll(io.LimitReader(f, maxSecretFile+1))
	switch {
	case err != nil:
		return "", bad("cannot be read: " + err.Error())
	case len(data) > maxSecretFile:
		return "", bad(fmt.Sprintf("over %d bytes: not a client secret", maxSecretFile))
	}
	secret := strings.TrimSuffix(strings.TrimSuffix(string(data), "\n"), "\r")
	switch {
	case secret == "":
		return "", bad("empty")
	case strings.ContainsAny(secret, "\r\n"):
		return "", bad("holds several lines; the secret is one line")
	case strings.IndexFunc(secret, func(r rune) bool { return r < 0x20 || r > 0x7e }) >= 0:
		return "", bad("holds a character that is not printable ASCII, which a client secret is (RFC 6749 Appendix A)")
	}
	return secret, nil
}
