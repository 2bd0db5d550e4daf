package chart

import (
	"fmt"

	"github.com/caili/caili/internal/msg"
)

// Error is an error of bad input to a chart: which sentinel (ErrUnknownKind,
// ErrUnknownFormat, ErrBadQuantity, ErrNoBaseline, ErrNoResult) and the
// message for the person who asked, from the one message table, so that
// the server can say it in the language asked for.
type Error struct {
	Err  error       // the sentinel
	Msg  msg.Message // what went wrong, in words
	Args []any       // Msg's arguments
}

// Error renders the sentinel and the message in Chinese.
func (e *Error) Error() string { return fmt.Sprintf("%v: %s", e.Err, e.Msg.In(msg.Zh, e.Args...)) }

// Unwrap returns the sentinel.
func (e *Error) Unwrap() error { return e.Err }

// fail makes an Error.
func fail(sentinel error, m msg.Message, args ...any) error {
	return &Error{Err: sentinel, Msg: m, Args: args}
}
