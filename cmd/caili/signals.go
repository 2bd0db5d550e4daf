package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// signalError is a command stopped by a signal.
type signalError struct{ sig os.Signal }

func (e *signalError) Error() string { return "stopped by " + e.sig.String() }

// number is the signal's number, for the exit status.
func (e *signalError) number() int {
	if s, ok := e.sig.(syscall.Signal); ok {
		return int(s)
	}
	return 1
}

// withSignals returns a context cancelled, with a *signalError as its
// cause, on Ctrl-C or SIGTERM.
func withSignals(parent context.Context) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(parent)
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case s := <-sigs:
			cancel(&signalError{sig: s})
		case <-ctx.Done():
		}
	}()
	return ctx, func() {
		signal.Stop(sigs)
		cancel(nil)
	}
}

// command is one of the commands that compute and print.
type command func(args []string, stdout, stderr io.Writer) error

// interruptible runs a command so that a signal stops it at once, even
// while it loads or computes: its standard output is held until it is
// done and written only then, so that a stopped command writes nothing
// (its --out file is written atomically, never half). The command's
// goroutine is left to the process's exit.
func interruptible(ctx context.Context, cmd command, args []string, stdout, stderr io.Writer) error {
	var out bytes.Buffer
	done := make(chan error, 1)
	go func() { done <- cmd(args, inLang(&out, langOf(stdout)), stderr) }()
	select {
	case err := <-done:
		if _, werr := stdout.Write(out.Bytes()); err == nil {
			err = werr
		}
		return err
	case <-ctx.Done():
		if cause := context.Cause(ctx); cause != nil && cause != context.Canceled {
			return cause
		}
		return ctx.Err()
	}
}
