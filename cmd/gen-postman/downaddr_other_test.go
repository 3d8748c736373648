//go:build !unix

package main

import (
	"net"
)

// refusingAddress is a loopback address where nothing answers: here only a port just closed,
// which another server may take again.
func refusingAddress() (addr string, release func(), err error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	addr = l.Addr().String()
	l.Close()
	return addr, func() {}, nil
}
