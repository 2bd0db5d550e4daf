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
	"os"
	"strings"

	"github.com/caili/caili/internal/app"
	domain "github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
)

func main() {
	ctx, stop := withSignals(context.Background())
	err := run(ctx, withEnvLang(os.Args[1:], os.Getenv("CAILI_LANG")), os.Stdout, os.Stderr)
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

// withEnvLang puts the language of the environment (CAILI_LANG) before
// the arguments, as --lang, so that a --lang among them wins.
func withEnvLang(args []string, env string) []string {
	if env == "" {
		return args
	}
	return append([]string{"--lang", env}, args...)
}

// usageError is a command-line mistake (exit status 2).
type usageError struct {
	msg string // in Chinese
	en  string // in English; empty: as msg
}

func (e *usageError) Error() string { return e.msg }

// in is the mistake in language l.
func (e *usageError) in(l msg.Lang) string {
	if l == msg.En && e.en != "" {
		return e.en
	}
	return e.msg
}

// usagef is a usage error with a message of the table.
func usagef(m msg.Message, args ...any) error {
	zh, en := m.Both(args...)
	return &usageError{msg: zh, en: en}
}

// usageChoice is a flag outside its values.
func usageChoice(flag string, values []string, got string) error {
	return usagef(msg.CmdChoice, flag, strings.Join(values, ", "), got)
}

// usageOf is a flag whose value the application refuses (err, an
// *app.Error or any error), as a usage error naming the flag.
func usageOf(flag string, err error) error {
	ae := app.Classify(err)
	zh, en := msg.ErrorWords(msg.Zh, ae), msg.ErrorWords(msg.En, ae)
	if ae.Kind == domain.KindInternal {
		zh, en = err.Error(), err.Error()
	}
	return &usageError{msg: msg.CmdFlagError.In(msg.Zh, flag, zh), en: msg.CmdFlagError.In(msg.En, flag, en)}
}
