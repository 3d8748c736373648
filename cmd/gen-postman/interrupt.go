package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// interruptGrace is how long a run may take to end after the first SIGINT or SIGTERM cancels
// it: enough to remove temporary files and say why it stopped, short enough that a run stuck
// where the context does not reach (a read from a terminal or a pipe) still ends promptly.
const interruptGrace = time.Second

// interruptContext returns a context canceled by the first SIGINT or SIGTERM. The signals
// then get their default action back, so a second one ends the process at once; and a run that
// has not ended interruptGrace after the first is ended by that signal, as if it had not been
// caught, so that the first signal (what timeout, systemd and CI runners send) is never lost.
func interruptContext(parent context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(parent)
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	go func() {
		defer signal.Stop(signals)
		var sig os.Signal
		select {
		case sig = <-signals:
		case <-ctx.Done():
			return
		}
		cancel()
		signal.Reset(os.Interrupt, syscall.SIGTERM)
		time.Sleep(interruptGrace)
		endBy(sig)
	}()
	return ctx, cancel
}

// endBy ends the process by sig with its default action; where a process cannot signal itself
// so, it exits with the status a shell gives a process that sig ended.
func endBy(sig os.Signal) {
	if p, err := os.FindProcess(os.Getpid()); err == nil && p.Signal(sig) == nil {
		time.Sleep(time.Second) // the signal is delivered meanwhile
	}
	code := 128 + 2
	if s, ok := sig.(syscall.Signal); ok {
		code = 128 + int(s)
	}
	os.Exit(code)
}
