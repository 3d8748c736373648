//go:build !unix

package main

import "errors"

// mkfifo fails: named pipes in the file system are a Unix thing, and the scripts that make
// one test Unix behaviour.
func mkfifo(string) error { return errors.New("mkfifo: no named pipes in this system's file system") }
