package app

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/standards"
)

// Params says which query parameters a route takes.
type Params uint8

const (
	// paramSet: repeatable `set.<path>=<value>` overrides (rules §4 paths).
	ParamSet Params = 1 << iota
	// paramScenario: `scenario=<name>`, a saved (or built-in) scenario, by
	// its file name or its [scenario] name.
	ParamScenario
	// paramBOM: `bom=0` leaves the UTF-8 byte-order mark out of CSV.
	ParamBOM
	// paramFormat: `format=json|csv` for POST /calculate.
	ParamFormat
	// paramPer: `per=<quantity>`, what a per-capita chart divides by.
	ParamPer
	// ParamMerge: `merge=1` reads a data file as one 街道's returned copy
	// (only the cells present change).
	ParamMerge
	// ParamAttribute: `attribute=1` splits a comparison's change over its
	// causes, and `by=auto|override|group` says over what
	// (docs/attribution.md).
	ParamAttribute
	// ParamUnit: `unit=元|万元` shows a CSV's amounts in 万元 (two
	// decimals, rows rounded with 尾差; issue 24 §3).
	ParamUnit
)

// MaxQuery is the longest query string a request may have.
const MaxQuery = 16 << 10

// Query is a parsed query string.
type Query struct {
	Sets     []standards.Override // in the order written
	Scenario string
	NoBOM    bool
	GB18030  bool   // encoding=gb18030: CSV in GB18030 (with bom, a CSV option)
	HeaderZH bool   // header=zh: CSV columns headed by their Chinese names
	Merge    bool   // merge=1: only the cells present in a data file change
	Format   string // "json" (default) or "csv"
	Per      string // the per-capita chart's quantity; "" for its default
	// Attribute (attribute=1) asks for the change's attribution, By
	// (by=…) for its players: "auto" ("" when not given), "override" or
	// "group".
	Attribute bool
	By        string
	Wan       bool // unit=万元: amounts a person reads in 万元
}

// WhatIf reports whether the query changes the plan.
func (q Query) WhatIf() bool { return len(q.Sets) > 0 || q.Scenario != "" }

// ParseQuery reads a raw query string, keeping the order of the
// overrides (url.Values would lose it). Anything malformed, unknown or
// not allowed on the route is a bad request; nothing is ignored, so a
// mistyped parameter never silently gives the base plan's figures.
func ParseQuery(raw string, allow Params) (Query, error) {
	q := Query{Format: "json"}
	if len(raw) > MaxQuery {
		return q, msg.AppQueryTooLong.Query("", MaxQuery)
	}
	seen := map[string]bool{}
	for part := range strings.SplitSeq(raw, "&") {
		if part == "" {
			continue
		}
		if strings.Contains(part, ";") {
			return q, msg.AppQuerySemicolon.Query(msg.Clip(part), msg.Clip(part))
		}
		rk, rv, _ := strings.Cut(part, "=")
		k, err := url.QueryUnescape(rk)
		if err != nil {
			return q, msg.AppQueryBadName.Query(msg.Clip(rk), msg.Clip(rk))
		}
		v, err := url.QueryUnescape(rv)
		if err != nil {
			return q, msg.AppQueryBadValue.Query(msg.Clip(k), msg.Clip(k))
		}
		if !utf8.ValidString(k) || !utf8.ValidString(v) {
			return q, msg.AppQueryNotUTF8.Query("", msg.Clip(k))
		}
		if err := q.add(k, v, allow, seen); err != nil {
			return q, err
		}
	}
	return q, nil
}

// add takes one decoded parameter.
func (q *Query) add(k, v string, allow Params, seen map[string]bool) error {
	if p, ok := SetPath(k); ok && allow&ParamSet != 0 {
		if p == "" {
			return msg.AppQuerySetPath.Query(msg.Clip(k), msg.Clip(k))
		}
		if len(q.Sets) >= MaxOverrides {
			return msg.AppQueryTooManySets.Query(msg.Clip(k), MaxOverrides)
		}
		q.Sets = append(q.Sets, NewOverride(p, v))
		return nil
	}
	if seen[k] {
		return msg.AppQueryTwice.Query(msg.Clip(k), msg.Clip(k))
	}
	seen[k] = true
	switch {
	case k == "scenario" && allow&ParamScenario != 0:
		if v = strings.TrimSpace(v); !ValidScenarioRef(v) {
			return msg.AppScenarioRef.Query(msg.Clip(k), msg.Clip(v), NameRE)
		}
		q.Scenario = v
	case k == "bom" && allow&ParamBOM != 0:
		switch v {
		case "0", "false":
			q.NoBOM = true
		case "1", "true":
			q.NoBOM = false
		default:
			return msg.Choice(msg.Clip(k), []string{"0", "1"}, v)
		}
	case k == "header" && allow&ParamBOM != 0:
		switch v {
		case "id", "ids":
			q.HeaderZH = false
		case "zh":
			q.HeaderZH = true
		default:
			return msg.Choice(msg.Clip(k), []string{"id", "zh"}, v)
		}
	case k == "encoding" && allow&ParamBOM != 0:
		switch strings.ToLower(v) {
		case "utf-8", "utf8":
			q.GB18030 = false
		case "gb18030", "gbk":
			q.GB18030 = true
		default:
			return msg.Choice(msg.Clip(k), []string{"utf-8", "gb18030"}, v)
		}
	case k == "format" && allow&ParamFormat != 0:
		if v != "json" && v != "csv" {
			return msg.Choice(msg.Clip(k), []string{"json", "csv"}, v)
		}
		q.Format = v
	case k == "merge" && allow&ParamMerge != 0:
		switch v {
		case "0", "false":
			q.Merge = false
		case "1", "true":
			q.Merge = true
		default:
			return msg.Choice(msg.Clip(k), []string{"0", "1"}, v)
		}
	case k == "per" && allow&ParamPer != 0:
		if v = strings.TrimSpace(v); v == "" {
			return msg.AppQueryPer.Query(k)
		}
		q.Per = v
	case k == "attribute" && allow&ParamAttribute != 0:
		return q.attribute(v)
	case k == "unit" && allow&ParamUnit != 0:
		return q.unit(v)
	case k == "by" && allow&ParamAttribute != 0:
		return q.by(v)
	default:
		return msg.AppQueryUnknown.Query(msg.Clip(k), msg.Clip(k), allow.text())
	}
	return nil
}

// text lists the parameters for an error message: the list, or the
// words for none.
func (p Params) text() any {
	if s := p.String(); s != "" {
		return s
	}
	return msg.AppQueryNone
}

// String lists the parameters, separated by ", ", or "" for none.
func (p Params) String() string {
	var out []string
	if p&ParamSet != 0 {
		out = append(out, "set.<path>")
	}
	if p&ParamScenario != 0 {
		out = append(out, "scenario")
	}
	if p&ParamBOM != 0 {
		out = append(out, "bom", "encoding", "header")
	}
	if p&ParamFormat != 0 {
		out = append(out, "format")
	}
	if p&ParamMerge != 0 {
		out = append(out, "merge")
	}
	if p&ParamPer != 0 {
		out = append(out, "per")
	}
	if p&ParamAttribute != 0 {
		out = append(out, "attribute", "by")
	}
	if p&ParamUnit != 0 {
		out = append(out, "unit")
	}
	return strings.Join(out, ", ")
}

// attribute reads attribute=0|1.
func (q *Query) attribute(v string) error {
	switch v {
	case "0", "false":
		q.Attribute = false
	case "1", "true":
		q.Attribute = true
	default:
		return msg.Choice("attribute", []string{"0", "1"}, v)
	}
	return nil
}
