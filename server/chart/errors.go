package chart

import (
	"errors"
	"fmt"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
)

// kindOf is the kind of error of bad input to a chart, by its sentinel:
// an unknown kind or format is not found, a bad per-capita quantity or a
// missing baseline is a bad request. A nil result (ErrNoResult) is the
// caller's bug: a plain error, internal to whoever classifies it.
var kindOf = map[error]caili.Kind{
	ErrUnknownKind: caili.KindNotFound, ErrUnknownFormat: caili.KindNotFound,
	ErrBadQuantity: caili.KindBadRequest, ErrNoBaseline: caili.KindBadRequest,
}

// fail is caili's error of bad input to a chart: its kind by the sentinel
// (kindOf), m saying what went wrong with args, and the sentinel in its
// chain (errors.Is). A bad per-capita quantity is a problem of the
// request parameter `per`.
func fail(sentinel error, m msg.Message, args ...any) error {
	kind, ok := kindOf[sentinel]
	if !ok {
		return fmt.Errorf("chart: %w", sentinel)
	}
	e := m.Err(kind, args...)
	e.Op = "chart"
	if errors.Is(sentinel, ErrBadQuantity) {
		return e.Because(&formula.InvalidPlanError{Err: sentinel, Problems: []formula.Problem{
			{File: "query", Path: "per", Code: formula.CodeBadQuery, Says: msg.ProblemWords(e.Says)}}})
	}
	return e.Because(sentinel)
}
