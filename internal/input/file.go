package input

import (
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"strings"
	"syscall"

	"github.com/gen-postman/gen-postman/internal/setting"
)

// Open opens a file the user named with the setting field, for reading. Only a regular file is
// read: a directory, a FIFO, a socket or a device is an [*Error] at once, and opening never
// waits for a writer, so that no file name can hold a command up.
func Open(field setting.Key, path string) (*os.File, error) {
	bad := func(reason string) error { return &Error{Field: field, Value: path, Reason: reason} }
	info, err := os.Stat(path)
	if err != nil {
		return nil, bad(strings.TrimPrefix(err.Error(), "stat "+path+": "))
	}
	if reason := notRegular(info); reason != "" {
		return nil, bad(reason)
	}
	// O_NONBLOCK: should the path become a FIFO after the check, opening it does not block.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, bad(strings.TrimPrefix(err.Error(), "open "+path+": "))
	}
	if info, err = f.Stat(); err != nil || notRegular(info) != "" {
		f.Close()
		return nil, bad("not a regular file")
	}
	return f, nil
}

// notRegular says why a file that is not a regular file cannot be read as one.
func notRegular(info os.FileInfo) string {
	switch m := info.Mode(); {
	case m.IsRegular():
		return ""
	case m.IsDir():
		return "is a directory, not a file"
	default:
		return "is not a regular file (" + FileKind(m) + ")"
	}
}

// FileKind names a kind of file that is not a regular file, for a message.
func FileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return "type " + m.Type().String()
}

// OpenToOthers says how a file that holds a secret is open to other users than its owner, as
// ssh says of a private key: writable (its group or anyone may put another secret in it) or
// readable (they may read it); "" when it is private. what names the secret ("the private key").
// Windows keeps no such bits.
func OpenToOthers(info fs.FileInfo, what string) string {
	perm := info.Mode().Perm()
	switch {
	case runtime.GOOS == "windows":
		return ""
	case perm&0o022 != 0:
		return fmt.Sprintf("is mode %04o: others may write it", perm)
	case perm&0o044 != 0:
		return fmt.Sprintf("is mode %04o: others may read %s", perm, what)
	}
	return ""
}
