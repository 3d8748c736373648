//go:build unix

package main

import (
	"fmt"
	"syscall"
)

// refusingAddress is a loopback address where nothing answers and nothing else can start to:
// a socket bound to a free port that never listens, so connections to it are refused until
// release is called. A closed server's port can be taken by a server another script starts.
func refusingAddress() (addr string, release func(), err error) {
	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM, 0)
	if err != nil {
		return "", nil, fmt.Errorf("socket: %w", err)
	}
	release = func() { syscall.Close(fd) }
	if err := syscall.Bind(fd, &syscall.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		release()
		return "", nil, fmt.Errorf("bind: %w", err)
	}
	sa, err := syscall.Getsockname(fd)
	if err != nil {
		release()
		return "", nil, fmt.Errorf("getsockname: %w", err)
	}
	in4, ok := sa.(*syscall.SockaddrInet4)
	if !ok {
		release()
		return "", nil, fmt.Errorf("getsockname: unexpected address %T", sa)
	}
	return fmt.Sprintf("127.0.0.1:%d", in4.Port), release, nil
}
