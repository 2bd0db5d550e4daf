package workbook

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
)

// This file edits [[subdistrict]] tables line by line, so that an import
// that changes nothing leaves the plan file as it was, byte for byte, and
// one that changes a value changes only that value's line: the comments,
// the alignment and the way each value was written (a string or a bare
// number) stay. A sub-district whose tables use a form this does not
// follow (inline tables, dotted keys, values over several lines) is
// written afresh.

// oldSub is a sub-district's tables as the plan file has them.
type oldSub struct {
	id    string
	ok    bool // every line is one this file can edit
	first bool // the first of its run of tables
	parts []*oldPart
}

// oldPart is [[subdistrict]] itself (table "") or one of its sub-tables.
type oldPart struct {
	table   string   // "", staff, payroll, quantities, project_ratings, execution
	head    []string // blank and comment lines above the header, and the header
	entries []oldEntry
	tail    []string // blank and comment lines after the last entry, at the end of the run
}

// oldEntry is one key line, with the blank and comment lines above it.
type oldEntry struct {
	key    string
	above  []string
	line   string
	vs, ve int  // the value's bytes in line
	quoted bool // the value is a string
	value  string
}

// parseRuns reads the sub-districts of the runs of [[subdistrict]] tables.
func parseRuns(lines []string, runs [][2]int) []*oldSub {
	var subs []*oldSub
	var cur *oldSub // a run may continue the last sub-district of the one before
	for _, run := range runs {
		start := len(subs)
		var part *oldPart
		var pending []string
		var sc tomlScanner
		for _, l := range lines[run[0]:run[1]] {
			t := strings.TrimSpace(l)
			switch {
			case sc.multi != "" || sc.depth != 0:
				cur.ok = false
				sc.scan(l)
			case strings.HasPrefix(t, "["):
				table, isSub, ok := subHeader(t)
				if isSub || cur == nil {
					cur = &oldSub{ok: isSub}
					subs = append(subs, cur)
				}
				part = &oldPart{table: table, head: append(pending, l)}
				pending = nil
				cur.parts = append(cur.parts, part)
				cur.ok = cur.ok && ok
			case t == "" || strings.HasPrefix(t, "#"):
				pending = append(pending, l)
			default:
				e, ok := parseKeyLine(l)
				e.above, pending = pending, nil
				part.entries = append(part.entries, e)
				cur.ok = cur.ok && ok
				sc.scan(l)
				if ok && part.table == "" && e.key == keyID {
					cur.id = e.value
				}
			}
		}
		if part != nil {
			part.tail = pending
		}
		if start < len(subs) {
			subs[start].first = true
		}
	}
	return subs
}

// subHeader reads a header inside a run: [[subdistrict]] (isSub) or
// [subdistrict.TABLE]; ok is false for any other form.
func subHeader(t string) (table string, isSub, ok bool) {
	if i := strings.Index(t, "#"); i >= 0 {
		t = strings.TrimSpace(t[:i])
	}
	compact := strings.NewReplacer(" ", "", "\t", "").Replace(t)
	if compact == "[[subdistrict]]" {
		return "", true, true
	}
	inner, found := strings.CutPrefix(compact, "[subdistrict.")
	inner, closed := strings.CutSuffix(inner, "]")
	if !found || !closed {
		return "?", strings.HasPrefix(compact, "[["), false
	}
	switch inner {
	case "staff", "payroll", "quantities", "project_ratings", "execution":
		return inner, false, true
	}
	return inner, false, false
}

// parseKeyLine reads `key = value  # comment` with a one-line value: a
// string or a bare number (or other bare word); ok is false for any
// other form.
func parseKeyLine(l string) (oldEntry, bool) {
	e := oldEntry{line: l}
	i := len(l) - len(strings.TrimLeft(l, " \t"))
	key, n := readKey(l[i:])
	if n == 0 {
		return e, false
	}
	e.key = key
	i += n
	i += len(l[i:]) - len(strings.TrimLeft(l[i:], " \t"))
	if i >= len(l) || l[i] != '=' {
		return e, false
	}
	i++
	i += len(l[i:]) - len(strings.TrimLeft(l[i:], " \t"))
	e.vs = i
	switch {
	case strings.HasPrefix(l[i:], `"""`), strings.HasPrefix(l[i:], `'''`), i >= len(l):
		return e, false
	case l[i] == '"' || l[i] == '\'':
		j := closing(l[i+1:], l[i:i+1])
		if j < 0 {
			return e, false
		}
		e.ve, e.quoted = i+j+2, true
		v, ok := unquote(l[i:e.ve])
		e.value = v
		if !ok {
			return e, false
		}
	default:
		j := strings.IndexAny(l[i:], " \t#\r\n")
		if j < 0 {
			j = len(l) - i
		}
		e.ve, e.value = i+j, l[i:i+j]
		if strings.ContainsAny(e.value, "[]{}") {
			return e, false
		}
	}
	rest := strings.TrimSpace(l[e.ve:])
	return e, rest == "" || strings.HasPrefix(rest, "#")
}

// readKey reads a bare or quoted key; n is 0 when there is none, or when
// it is dotted.
func readKey(s string) (string, int) {
	var key string
	n := 0
	if s != "" && (s[0] == '"' || s[0] == '\'') {
		j := closing(s[1:], s[:1])
		if j < 0 {
			return "", 0
		}
		k, ok := unquote(s[:j+2])
		if !ok {
			return "", 0
		}
		key, n = k, j+2
	} else {
		n = strings.IndexFunc(s, func(r rune) bool { return !isBareKeyRune(r) })
		if n < 0 {
			n = len(s)
		}
		key = s[:n]
	}
	if strings.HasPrefix(strings.TrimLeft(s[n:], " \t"), ".") {
		return "", 0
	}
	return key, n
}

// unquote reads a one-line TOML string.
func unquote(q string) (string, bool) {
	if q[0] == '\'' {
		return q[1 : len(q)-1], true
	}
	s, err := strconv.Unquote(q)
	return s, err == nil
}

// editSub writes sub-district s over its old tables o: unchanged values
// keep their lines; changed ones get their new value in place; values
// that are gone lose their lines; new ones are added at the end of their
// table (a new table at the end of the sub-district).
func editSub(b *bytes.Buffer, s *formula.Subdistrict, o *oldSub, order subOrder, nl string) {
	values := subValues(s)
	done := map[string]bool{}
	for _, part := range o.parts {
		for _, l := range part.head {
			b.WriteString(l)
		}
		for _, e := range part.entries {
			v, ok := values[part.table][e.key]
			// Execution rates the workbook does not read (nil) are kept.
			known := part.table != "" && (part.table != "execution" || s.Execution != nil) || isMainKey(e.key)
			switch {
			case !known:
				writeLines(b, e.above, e.line) // not the workbook's: kept as it is
			case ok:
				writeLines(b, e.above, editLine(e, v))
			}
			done[part.table+"\x00"+e.key] = true
		}
		for _, kv := range order.of(part.table, values[part.table]) {
			if !done[part.table+"\x00"+kv.key] {
				b.WriteString(tomlKey(kv.key) + " = " + kv.text + nl)
				done[part.table+"\x00"+kv.key] = true
			}
		}
		for _, l := range part.tail {
			b.WriteString(l)
		}
	}
	for _, table := range []string{"staff", "payroll", "quantities", "project_ratings", "execution"} {
		kvs := order.of(table, values[table])
		if len(kvs) == 0 || done[table+"\x00"+kvs[0].key] {
			continue
		}
		b.WriteString("[subdistrict." + table + "]" + nl)
		for _, kv := range kvs {
			b.WriteString(tomlKey(kv.key) + " = " + kv.text + nl)
		}
	}
}

func isMainKey(k string) bool {
	return k == keyID || k == keyName || k == keyRating || k == keyAdjustment
}

func writeLines(b *bytes.Buffer, above []string, line string) {
	for _, l := range above {
		b.WriteString(l)
	}
	b.WriteString(line)
}

// newValue is a value as the plan file would hold it: a string's text or
// a number's decimal.
type newValue struct {
	str string
	num *decimal.Decimal
}

// editLine returns e's line with value v: the line itself when the value
// is the same; else the new value in the old one's place, written as a
// string if the old one was, keeping the comment where it was.
func editLine(e oldEntry, v newValue) string {
	var text string
	if v.num != nil {
		if old, err := decimal.NewFromString(strings.ReplaceAll(e.value, "_", "")); err == nil && old.Equal(*v.num) {
			return e.line
		}
		text = tomlNumber(*v.num)
		if e.quoted && !strings.HasPrefix(text, `"`) {
			text = `"` + text + `"`
		}
	} else {
		if e.value == v.str {
			return e.line
		}
		text = tomlString(v.str)
	}
	rest := e.line[e.ve:]
	if gap := len(rest) - len(strings.TrimLeft(rest, " \t")); strings.HasPrefix(strings.TrimLeft(rest, " \t"), "#") {
		pad := max(1, gap+(e.ve-e.vs)-len(text))
		rest = strings.Repeat(" ", pad) + strings.TrimLeft(rest, " \t")
	}
	return e.line[:e.vs] + text + rest
}
