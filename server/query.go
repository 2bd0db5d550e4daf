package server

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/caili/caili/standards"
)

// params says which query parameters a route takes.
type params uint8

const (
	// paramSet: repeatable `set.<path>=<value>` overrides (SPEC §4 paths).
	paramSet params = 1 << iota
	// paramScenario: `scenario=<name>`, a saved (or built-in) scenario.
	paramScenario
	// paramBOM: `bom=0` leaves the UTF-8 byte-order mark out of CSV.
	paramBOM
	// paramFormat: `format=json|csv` for POST /calculate.
	paramFormat
	// paramPer: `per=<quantity>`, what a per-capita chart divides by.
	paramPer
)

// Limits on what a query may ask for.
const (
	maxOverrides = 100
	maxQuery     = 16 << 10
)

// query is a parsed query string.
type query struct {
	sets     []standards.Override // in the order written
	scenario string
	noBOM    bool
	format   string // "json" (default) or "csv"
	per      string // the per-capita chart's quantity; "" for its default
}

// whatIf reports whether the query changes the plan.
func (q query) whatIf() bool { return len(q.sets) > 0 || q.scenario != "" }

// parseQuery reads a raw query string, keeping the order of the
// overrides (url.Values would lose it). Anything malformed, unknown or
// not allowed on the route is a bad request; nothing is ignored, so a
// mistyped parameter never silently gives the base plan's figures.
func parseQuery(raw string, allow params) (query, error) {
	q := query{format: "json"}
	if len(raw) > maxQuery {
		return q, queryError("", "query string longer than %d bytes", maxQuery)
	}
	seen := map[string]bool{}
	for part := range strings.SplitSeq(raw, "&") {
		if part == "" {
			continue
		}
		if strings.Contains(part, ";") {
			return q, queryError(clip(part), "malformed query: %q contains ';' (separate parameters with '&')", clip(part))
		}
		rk, rv, _ := strings.Cut(part, "=")
		k, err := url.QueryUnescape(rk)
		if err != nil {
			return q, queryError(clip(rk), "malformed query parameter %q: %v", clip(rk), err)
		}
		v, err := url.QueryUnescape(rv)
		if err != nil {
			return q, queryError(clip(k), "malformed value of query parameter %q: %v", clip(k), err)
		}
		if !utf8.ValidString(k) || !utf8.ValidString(v) {
			return q, queryError("", "query parameter %q is not valid UTF-8", clip(k))
		}
		if err := q.add(k, v, allow, seen); err != nil {
			return q, err
		}
	}
	return q, nil
}

// add takes one decoded parameter.
func (q *query) add(k, v string, allow params, seen map[string]bool) error {
	if p, ok := strings.CutPrefix(k, "set."); ok && allow&paramSet != 0 {
		p = strings.TrimSpace(p)
		if p == "" {
			return queryError(clip(k), "query parameter %q: want set.<path>=<value>, e.g. set.plan.capacity=2600000000", clip(k))
		}
		if len(q.sets) >= maxOverrides {
			return queryError(clip(k), "more than %d set. overrides", maxOverrides)
		}
		q.sets = append(q.sets, standards.Override{Path: p, Value: strings.TrimSpace(v), File: "query"})
		return nil
	}
	if seen[k] {
		return queryError(clip(k), "query parameter %q given twice", clip(k))
	}
	seen[k] = true
	switch {
	case k == "scenario" && allow&paramScenario != 0:
		if !validName(v) {
			return queryError(clip(k), "scenario name %q must match %s", clip(v), nameRE)
		}
		q.scenario = v
	case k == "bom" && allow&paramBOM != 0:
		switch v {
		case "0", "false":
			q.noBOM = true
		case "1", "true":
			q.noBOM = false
		default:
			return queryError(clip(k), "bom must be 0 or 1 (got %q)", clip(v))
		}
	case k == "format" && allow&paramFormat != 0:
		if v != "json" && v != "csv" {
			return queryError(clip(k), "format must be json or csv (got %q)", clip(v))
		}
		q.format = v
	case k == "per" && allow&paramPer != 0:
		if v == "" {
			return queryError(k, "per must name a quantity, such as per=resident_population")
		}
		q.per = v
	default:
		return queryError(clip(k), "unknown query parameter %q here (this route takes: %s)", clip(k), allow)
	}
	return nil
}

// String lists the parameters for an error message.
func (p params) String() string {
	var out []string
	if p&paramSet != 0 {
		out = append(out, "set.<path>")
	}
	if p&paramScenario != 0 {
		out = append(out, "scenario")
	}
	if p&paramBOM != 0 {
		out = append(out, "bom")
	}
	if p&paramFormat != 0 {
		out = append(out, "format")
	}
	if p&paramPer != 0 {
		out = append(out, "per")
	}
	if len(out) == 0 {
		return "no parameters"
	}
	return strings.Join(out, ", ")
}
