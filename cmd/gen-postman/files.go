package main

import (
	"io/fs"
	"os"
	"strings"
	"syscall"

	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/setting"
)

// openInput opens a file the user named. Only a regular file is read: a directory, a FIFO or
// a device is bad input, and opening never waits for a writer.
func openInput(flag, path string) (*os.File, error) {
	bad := func(reason string) error { return &input.Error{Field: setting.Key(flag), Value: path, Reason: reason} }
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
		return "is not a regular file (" + fileKind(m) + ")"
	}
}

// fileKind names a kind of file that is not a regular file, for a message.
func fileKind(m fs.FileMode) string {
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
