// Command caili computes a district's allocation of disposable funds to its
// sub-districts (街道财力测算) from a plan file, explains every amount, compares
// what-if scenarios and serves the results over HTTP.
//
// The command is thin: it reads flags and wires the packages together
// (run(ctx, args, stdout, stderr) error); the rules are in formula, the
// files in standards, the formats in internal/report and the server in
// server. Nothing imports it.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
)

func main() {
	ctx, stop := withSignals(context.Background())
	args := os.Args[1:]
	if l := os.Getenv("CAILI_LANG"); l != "" { // the language of the help; --lang wins
		args = append([]string{"--lang", l}, args...)
	}
	err := run(ctx, args, os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err))
}

// exitCode maps run's error to the process status: 0 success, 1 plan
// rejected, 2 usage, 128 + the signal's number when stopped by one (130
// for Ctrl-C, 143 for SIGTERM).
func exitCode(err error) int {
	var u *usageError
	var se *signalError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &u):
		return 2
	case errors.As(err, &se):
		return 128 + se.number()
	}
	return 1
}

// usageError is a command-line mistake (exit status 2).
type usageError struct {
	msg   string
	quiet bool // already shown to the user (by the flag package)
}

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}
