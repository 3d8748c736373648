package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// interruptContext returns a context canceled by the first SIGINT or SIGTERM. The signals
// then get their default action back, so a second one ends the process even if something
// does not heed the context.
func interruptContext(parent context.Context) (context.Context, context.CancelFunc) {
	ctx, stop := signal.NotifyContext(parent, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop()
	}()
	return ctx, stop
}
