package server

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
)

// statusOf is the single place where error kinds become HTTP statuses.
var statusOf = map[caili.Kind]int{
	caili.KindBadRequest:       http.StatusBadRequest,
	caili.KindUnauthorized:     http.StatusUnauthorized,
	caili.KindForbidden:        http.StatusForbidden,
	caili.KindNotFound:         http.StatusNotFound,
	caili.KindMethodNotAllowed: http.StatusMethodNotAllowed,
	caili.KindConflict:         http.StatusConflict,
	caili.KindTooLarge:         http.StatusRequestEntityTooLarge,
	caili.KindUnprocessable:    http.StatusUnprocessableEntity,
	caili.KindInternal:         http.StatusInternalServerError,
	caili.KindTimeout:          http.StatusServiceUnavailable,
}

// status returns the HTTP status of an error kind.
func status(k caili.Kind) int {
	if s, ok := statusOf[k]; ok {
		return s
	}
	return http.StatusInternalServerError
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
func body(c *gin.Context, e *caili.Error) errorJSON {
	l := langOf(c)
	c.Header("Content-Language", l.String())
	c.Header("Vary", "Accept-Language")
	words := msg.ErrorWords(l, e)
	out := errorJSON{Error: words, Message: words, Code: e.Kind.Code(), Problems: problemsJSON(l, msg.Problems(e))}
	if r := msg.Rejection(e); r != nil {
		out.Rejection = &rejectionJSON{Kind: r.Kind.String(), Gap: r.Gap.String(), Detail: msg.RejectionDetail(l, r)}
	}
	return out
}
