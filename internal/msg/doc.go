// Package msg is caili's one message table: every problem and error a
// person can see (on the command line, in the API's JSON, on the
// dashboard) is a Message declared here, in Chinese and in English, and
// rendered in the language the person asked for. Chinese is the default;
// English is chosen with --lang en, CAILI_LANG=en or, over HTTP,
// Accept-Language: en.
//
// The table is split into files by the part of caili that says the
// message (formula.go, standards.go, workbook.go, app.go, server.go,
// cmd.go), but it is one table: one type, one way to render, one test
// that every message has both languages with the same arguments.
//
// Messages are formatted with fmt, not golang.org/x/text/message, whose
// printer localises numbers: a fiscal year would print as "2,025" and an
// amount would lose the digits a 街道 recomputes. Language tags are
// matched with golang.org/x/text/language.
//
// The layers below the edge name messages rather than render them: a
// formula.Problem (and the engine's rejection) carries formula.Words, a
// message's key (formula.Text, the name of its variable here) and its
// arguments. This package renders them (render.go) where a person sees
// them: the command line, the API, the pages and the workbooks.
//
// The package is pure data and formatting: of the module it imports only
// formula, whose problems it renders; formula imports nothing of the
// module.
package msg
