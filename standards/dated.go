package standards

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// This file reads dated standards values (docs/dated.md). A staff
// category's annual_pay and oncost_rate, a quota's rate and a project's
// unit_cost may be written as today's plain value or as entries, each in
// force from a year on and citing its source document:
//
//	unit_cost = [
//	  { from = 2023, value = "2.4", source = "罗财〔2023〕12号" },
//	  { from = 2024, value = "1.5", source = "罗财〔2024〕5号" },
//	]
//
// The value in force for a plan is the entry with the greatest from that
// is not after [plan] fiscal_year: a later from ends an earlier entry.
// Entries may be written in any order; two with the same from are a
// problem (duplicate_year), as is a plan year before every entry
// (no_value_for_year) and an empty array.

// datedPaths are the fields that may hold a dated value.
var datedPaths = []string{"staff.*.annual_pay", "staff.*.oncost_rate", "quota.*.rate", "project.*.unit_cost"}

// maxSourceRunes bounds a source: it ends every line of the standard.
const maxSourceRunes = 100

// datedValue is a dated value as written: its entries in the order
// written, and the problems found reading them.
type datedValue struct {
	entries  []datedEntry
	problems []datedProblem
}

// datedEntry is one entry: in force from From on.
type datedEntry struct {
	from   int64
	value  Number
	source string
	ok     bool // from and value are good: the entry may be in force
}

// datedProblem is a problem of one entry (sub: "[2].from", relative to
// the value's key) or of the whole value (sub: "").
type datedProblem struct {
	sub  string
	code formula.Code
	msg  msg.Message
	args []any
	raw  *Reason // a value's own problem (readNumber's words), said as it is
}

// readDated reads the entries of a dated value; checkFloat is as for
// readNumber.
func readDated(arr []any, checkFloat bool) *datedValue {
	dv := &datedValue{}
	if len(arr) == 0 {
		dv.problems = append(dv.problems, datedProblem{code: formula.CodeMissing, msg: msg.DatedEmpty})
		return dv
	}
	first := map[int64]int{} // from → the entry that has it first
	for i, e := range arr {
		sub := "[" + strconv.Itoa(i+1) + "]"
		add := func(p datedProblem) {
			p.sub = sub + p.sub
			dv.problems = append(dv.problems, p)
		}
		t, ok := e.(map[string]any)
		if !ok {
			add(datedProblem{code: formula.CodeBadValue, msg: msg.DatedEntryNotTable, args: []any{tomlKind(e)}})
			dv.entries = append(dv.entries, datedEntry{})
			continue
		}
		de := readEntry(t, checkFloat, add)
		if de.ok {
			if j, dup := first[de.from]; dup {
				add(datedProblem{sub: ".from", code: formula.CodeDuplicateYear, msg: msg.DatedDuplicateYear, args: []any{de.from}})
				dv.entries[j].ok = false // neither is in force: which one was meant is not known
				de.ok = false
			} else {
				first[de.from] = i
			}
		}
		dv.entries = append(dv.entries, de)
	}
	return dv
}

// readEntry reads one entry's keys, reporting each problem through add
// (sub relative to the entry: ".from").
func readEntry(t map[string]any, checkFloat bool, add func(datedProblem)) datedEntry {
	bad := func(key string, code formula.Code, m msg.Message, args ...any) {
		add(datedProblem{sub: key, code: code, msg: m, args: args})
	}
	var de datedEntry
	fromOK, valueOK := false, false
	for _, k := range sortedNames(t) {
		v := t[k]
		switch k {
		case "from":
			y, ok := v.(int64)
			if !ok || y < 1 || y > 9999 {
				bad(".from", formula.CodeBadValue, msg.DatedBadFrom)
				continue
			}
			de.from, fromOK = y, true
		case "value":
			n := readNumber(v, checkFloat)
			switch {
			case n.dated != nil:
				bad(".value", formula.CodeBadValue, msg.DatedNotHere)
			case n.Problem != nil:
				add(datedProblem{sub: ".value", code: formula.CodeBadValue, raw: n.Problem})
			default:
				de.value, valueOK = n, true
			}
		case "source":
			s, ok := v.(string)
			if !ok || !goodSource(s) {
				bad(".source", formula.CodeBadValue, msg.DatedBadSource, maxSourceRunes)
				continue
			}
			de.source = strings.TrimSpace(s)
		default:
			bad("."+k, formula.CodeUnknownKey, msg.DatedUnknownKey, clip(k))
		}
	}
	if _, ok := t["from"]; !ok {
		bad(".from", formula.CodeMissing, msg.DatedBadFrom)
	}
	if _, ok := t["value"]; !ok {
		bad(".value", formula.CodeMissing, msg.DatedMissingValue)
	}
	de.ok = fromOK && valueOK
	return de
}

// goodSource reports whether s may be cited: at most maxSourceRunes
// characters, none of them a control character (it ends a line of text).
func goodSource(s string) bool {
	if utf8.RuneCountInString(s) > maxSourceRunes {
		return false
	}
	return !strings.ContainsFunc(s, unicode.IsControl)
}

// inForce picks the entry in force in year: the greatest from ≤ year. ok
// is false when no entry is in force; a year of 0 (the plan's own
// fiscal_year is wrong, reported there) picks nothing.
func (dv *datedValue) inForce(year int64) (e datedEntry, ok bool) {
	for _, x := range dv.entries {
		if x.ok && x.from <= year && (!ok || x.from > e.from) {
			e, ok = x, true
		}
	}
	return e, ok
}

// starts lists the years the good entries start, in order: "2026、2027".
func (dv *datedValue) starts() string {
	var ys []int64
	for _, x := range dv.entries {
		if x.ok {
			ys = append(ys, x.from)
		}
	}
	slices.Sort(ys)
	out := make([]string, len(ys))
	for i, y := range ys {
		out[i] = strconv.FormatInt(y, 10)
	}
	return strings.Join(out, "、")
}

// dated converts a value that may be dated: a plain value as num does,
// or the value of the entry in force in the plan's fiscal year, whose
// source is added to src. The entries' own problems are reported at
// their paths (path[2].from); none in force is a problem at path.
func (c *converter) dated(path string, n Number, required bool, src *sources) decimal.Decimal {
	dv := n.dated
	if dv == nil {
		return c.num(path, n, required)
	}
	for _, p := range dv.problems {
		if p.raw != nil {
			c.addCode(p.code, path+p.sub, p.raw)
			continue
		}
		c.ps = append(c.ps, p.msg.At(p.code, path+p.sub, p.args...))
	}
	if len(dv.problems) > 0 || c.year == 0 {
		return decimal.Zero
	}
	e, ok := dv.inForce(c.year)
	if !ok {
		c.ps = append(c.ps, msg.DatedNoValueForYear.At(formula.CodeNoValueForYear, path, dv.starts(), c.year))
		return decimal.Zero
	}
	src.add(e.source)
	return e.value.Dec
}

// notDated reports a dated value where only a plain one may be written.
func (c *converter) notDated(path string, n Number) bool {
	if n.dated == nil {
		return true
	}
	c.ps = append(c.ps, msg.DatedNotHere.At(formula.CodeBadValue, path))
	return false
}

// sources gathers the distinct sources of a standard's values in force,
// in the order met.
type sources []string

func (s *sources) add(src string) {
	if src != "" && !slices.Contains(*s, src) {
		*s = append(*s, src)
	}
}

// String joins them: "罗财〔2024〕5号、罗财〔2024〕9号".
func (s sources) String() string { return strings.Join(s, "、") }

// isDated reports whether the field an override path names holds a dated
// value in the document, which the what-if fast path leaves to the
// general way: setting it replaces the entries, and their citation.
func (d *document) isDated(f *field, at match) bool {
	if !slices.Contains(datedPaths, f.path) {
		return false // and no getter is called: some add what they reach (a tier)
	}
	n, ok := f.doc(d, at).(*Number)
	return ok && n != nil && n.dated != nil
}

// datedEntryPath finds the entry a problem's path names inside a dated
// value: "project[x].unit_cost[2].from" gives 2.
var datedEntryPath = regexp.MustCompile(`\.(?:annual_pay|oncost_rate|rate|unit_cost)\[([0-9]+)\]`)

// datedLine refines the line of a problem in an entry of a dated value
// written over several lines: line is the line of its key, and the
// entry's line is that of its opening brace, the n-th at the array's
// first level. Anything it cannot follow keeps line.
func datedLine(src []byte, path string, line int) int {
	m := datedEntryPath.FindStringSubmatch(path)
	if m == nil || line <= 0 {
		return line
	}
	n, _ := strconv.Atoi(m[1])
	at, cur := 0, 1
	for at < len(src) && cur < line { // the start of the key's line
		if src[at] == '\n' {
			cur++
		}
		at++
	}
	depth, seen := 0, 0
	var quote byte
	for i := at; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\n':
			cur++
			if quote != 0 {
				return line // not a one-line string: not followed
			}
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			i--
		case c == '[' || c == '{':
			depth++
			if c == '{' && depth == 2 {
				if seen++; seen == n {
					return cur
				}
			}
		case c == ']' || c == '}':
			if depth--; depth <= 0 {
				return line
			}
		}
	}
	return line
}

// inDated reports whether a key the TOML decoder did not decode is a key
// of an inline table inside a value, as the entries of a dated value are:
// readDated reads those keys and reports the ones it does not know. Its
// parent was decoded (undecoded holds the keys that were not) and is no
// table: TOML metadata types a key once for every entry of an array of
// tables, so a parent such as project.unit_cost may be typed by another
// entry's plain value.
func inDated(md toml.MetaData, k toml.Key, undecoded map[string]bool) bool {
	if len(k) < 2 {
		return false
	}
	parent := k[:len(k)-1]
	if undecoded[keyString(parent)] {
		return false
	}
	t := md.Type(parent...)
	return t != "Hash" && t != "ArrayHash" && t != ""
}
