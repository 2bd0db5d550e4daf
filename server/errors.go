package server

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/server/chart"
	"github.com/caili/caili/server/dashboard"
)

// statusOf is the single place where error kinds become HTTP statuses.
var statusOf = map[app.Kind]int{
	app.KindBadRequest:       http.StatusBadRequest,
	app.KindUnauthorized:     http.StatusUnauthorized,
	app.KindForbidden:        http.StatusForbidden,
	app.KindNotFound:         http.StatusNotFound,
	app.KindMethodNotAllowed: http.StatusMethodNotAllowed,
	app.KindConflict:         http.StatusConflict,
	app.KindTooLarge:         http.StatusRequestEntityTooLarge,
	app.KindUnprocessable:    http.StatusUnprocessableEntity,
	app.KindInternal:         http.StatusInternalServerError,
}

// status returns the HTTP status of an error kind.
func status(k app.Kind) int {
	if s, ok := statusOf[k]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// classify is app.Classify, after giving the views' errors their kind:
// an unknown chart kind or format and an unknown sub-district of a
// statement are not found; a per-capita quantity a chart cannot divide by
// is a bad query parameter `per`; a compare chart without a baseline is a
// bad request. Everything else is the application's to classify.
func classify(err error) *app.Error {
	var ce *chart.Error
	if errors.As(err, &ce) {
		switch {
		case errors.Is(err, chart.ErrUnknownKind), errors.Is(err, chart.ErrUnknownFormat):
			return app.Say(app.KindNotFound, ce.Msg, ce.Args...)
		case errors.Is(err, chart.ErrBadQuantity):
			return app.QueryError("per", ce.Msg, ce.Args...)
		case errors.Is(err, chart.ErrNoBaseline):
			return app.Say(app.KindBadRequest, ce.Msg, ce.Args...)
		}
	}
	if errors.Is(err, dashboard.ErrUnknownSubdistrict) {
		if ae := app.Classify(app.RefError("", err)); ae.Kind == app.KindNotFound {
			return ae
		}
	}
	return app.Classify(err)
}

// langOf is the language a request's errors are said in: English when
// its Accept-Language prefers English to Chinese, Chinese otherwise (the
// dashboard's own requests ask for zh-CN).
func langOf(c *gin.Context) msg.Lang {
	return msg.FromAcceptLanguage(c.GetHeader("Accept-Language"))
}

// problemJSON is one problem in an error response.
type problemJSON struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Path    string `json:"path"`
	Code    string `json:"code"` // stable (formula.Code): programs compare it, not the message
	Message string `json:"message"`
}

// rejectionJSON says which stage rejected a valid plan and by how much.
type rejectionJSON struct {
	Kind   string `json:"kind"`
	Gap    string `json:"gap"`
	Detail string `json:"detail"`
}

// errorJSON is the body of every error response:
// {"error": …, "message": …, "code": …, "problems": [{"file", "line", "path", "code", "message"}]}.
// Error and Message hold the same words: "error" for the clients written
// against earlier versions, "message" beside "code" as in each problem.
type errorJSON struct {
	Error     string         `json:"error"`
	Message   string         `json:"message"`
	Code      string         `json:"code"` // the kind's stable code (app.Kind Code): bad_request, not_found, …
	Problems  []problemJSON  `json:"problems"`
	Rejection *rejectionJSON `json:"rejection,omitempty"`
}

// problemsJSON renders problems for the client, in language l.
func problemsJSON(l msg.Lang, ps []formula.Problem) []problemJSON {
	out := make([]problemJSON, 0, len(ps))
	for _, p := range ps {
		out = append(out, problemJSON{File: p.File, Line: p.Line, Path: p.Path, Code: string(p.Code), Message: msg.Problem(l, p)})
	}
	return out
}

// body renders an error for the client of request c, in the language it
// asks for (langOf: the one place the API's language is chosen; the
// codes are the same in every language). Internal errors say nothing of
// their cause.
func body(c *gin.Context, e *app.Error) errorJSON {
	l := langOf(c)
	c.Header("Content-Language", l.String())
	c.Header("Vary", "Accept-Language")
	words := e.In(l)
	out := errorJSON{Error: words, Message: words, Code: e.Kind.Code(), Problems: problemsJSON(l, e.Problems)}
	if r := e.Rejection; r != nil {
		out.Rejection = &rejectionJSON{Kind: r.Kind.String(), Gap: r.Gap.String(), Detail: msg.RejectionDetail(l, r)}
	}
	return out
}
