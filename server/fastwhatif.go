package server

import (
	"runtime/debug"
	"strconv"

	"github.com/caili/caili/internal/app"
)

// The fast path's what-ifs (issue 25 §4): a what-if of a plan's result
// (allocations.<format>?set.…, perhaps with a scenario and the CSV's
// options) is the request a planner's spreadsheet sends over and over,
// one number changed each time, so that no two share a cached answer. It
// is computed as resultRoute computes it, with the same job, key, ETag,
// stamp and cached result, and answered before Gin with the same headers
// and access line (TestFastPathSameAnswers). Whatever could be answered
// otherwise goes to Gin: a query that does not parse or may carry a
// token, a job that is not a what-if or fails, a view that streams (a
// JSON what-if).

// noCache is the Cache-Control of every result (never modified).
var noCache = []string{"no-cache"}

// whatIf is the answer of a what-if of plan's result in format for the
// query raw, or nil when Gin is to answer. revalidated reports whether
// the request's If-None-Match holds the answer's ETag: the answer is then
// a 304, computed no further. A panic is logged and the request left to
// Gin, whose recovery answers it.
func (f *fastPath) whatIf(plan, format, raw string, revalidated func(etag string) bool) (a *fastAnswer) {
	defer func() {
		if rec := recover(); rec != nil { // Gin answers it, with its recovery (a 500)
			f.s.log.Error("panic answering a what-if before Gin", "plan", plan, "panic", rec, "stack", string(debug.Stack()))
			a = nil
		}
	}()
	query := redactQuery(raw)
	if query != raw {
		return nil // ?token= is the gate's (takeQueryToken), and a query too long to log whole Gin's
	}
	q, err := app.ParseQuery(raw, f.allow[format])
	if err != nil {
		return nil
	}
	vw, err := f.views[format](plan, q)
	if err != nil || vw.stream != nil {
		return nil
	}
	j, err := f.s.app.Resolve(plan, q)
	if err != nil || !j.WhatIf() {
		return nil
	}
	key, tag := f.s.app.Key(j), f.s.app.JobETag(j, vw.name)
	a = &fastAnswer{etag: tag, stamp: []string{f.s.app.StampHeader(j)}, etagH: []string{tag}, cacheControl: noCache,
		query: query}
	if revalidated(tag) {
		return a
	}
	comp, ckey := f.s.compute(j, key, vw.totals)
	if comp.Err != nil {
		return nil
	}
	data, fresh, err := comp.Render(vw.name, func() ([]byte, error) { return vw.render(j, comp.Res) })
	if err != nil {
		return nil
	}
	if fresh {
		f.s.app.Cache.Grow(ckey, int64(len(data)))
	}
	a.body, a.contentType, a.length = data, []string{vw.contentType}, []string{strconv.Itoa(len(data))}
	if vw.filename != "" {
		a.disposition = []string{dispositionOf(vw, f.s.app.Stamp(j))}
	}
	return a
}
