package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"
)

// mainHelperEnv makes the test binary run main itself, signals and all, on its arguments.
const mainHelperEnv = "GEN_POSTMAN_MAIN_HELPER"

// interruptHelperEnv makes the test binary act as a program that sees the first interrupt and
// then ignores its context, as a stuck read would.
const interruptHelperEnv = "GEN_POSTMAN_INTERRUPT_HELPER"

func interruptHelper() {
	ctx, _ := interruptContext(context.Background())
	fmt.Println("ready")
	<-ctx.Done()
	fmt.Println("canceled")
	select {} // stuck: only the second signal ends this
}

// TestSecondInterruptKills: the first SIGINT cancels the run; the second ends the process
// even when nothing heeds the cancellation.
func TestSecondInterruptKills(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), interruptHelperEnv+"=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := bufio.NewScanner(out)
	expect := func(want string) {
		t.Helper()
		if !lines.Scan() || lines.Text() != want {
			t.Fatalf("helper said %q (%v), want %q", lines.Text(), lines.Err(), want)
		}
	}
	expect("ready")
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	expect("canceled")
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	// The default action may be restored a moment after the context is canceled: signal
	// until the process ends, or give up.
	deadline := time.After(5 * time.Second)
	for {
		if err := cmd.Process.Signal(os.Interrupt); err != nil && !errors.Is(err, os.ErrProcessDone) {
			t.Fatal(err)
		}
		select {
		case err := <-exited:
			var exitErr *exec.ExitError
			if !errors.As(err, &exitErr) {
				t.Fatalf("helper ended with %v, want killed by SIGINT", err)
			}
			if ws, ok := exitErr.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGINT {
				t.Fatalf("helper ended with %v, want killed by SIGINT", err)
			}
			return
		case <-deadline:
			t.Fatal("a second SIGINT did not end the process")
		case <-time.After(100 * time.Millisecond):
		}
	}
}
