package workbook

import (
	"bytes"
	"fmt"
	"iter"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
)

// ReplaceSubdistricts returns the text of a plan file with its
// [[subdistrict]] tables (and their sub-tables) replaced by subs. All
// other text — other tables, comments, blank lines — is kept byte for
// byte, including comment lines just above the table that follows the
// sub-districts. The tables are edited line by line (planedit.go): a
// sub-district the file had keeps its lines, comments and alignment, and
// only the lines of values that change are rewritten, so an import that
// changes nothing changes no byte; new sub-districts are written as
// [SubdistrictsTOML] writes them, where the first [[subdistrict]] table
// was (or at the end of a plan that had none), in the order of subs.
func ReplaceSubdistricts(src []byte, p *formula.Plan, subs []formula.Subdistrict) []byte {
	subs = withoutPublished(p, subs) // published.go
	nl := "\n"
	if bytes.Contains(src, []byte("\r\n")) {
		nl = "\r\n"
	}
	lines := splitLines(src)
	runs := subdistrictRuns(lines)
	block := subdistrictBlock(p, subs, parseRuns(lines, runs), nl)
	var out bytes.Buffer
	if len(runs) == 0 {
		out.Write(src)
		if len(src) > 0 && !bytes.HasSuffix(src, []byte("\n")) {
			out.WriteString(nl)
		}
		if len(src) > 0 {
			out.WriteString(nl)
		}
		out.Write(block)
		return out.Bytes()
	}
	at := 0
	for k, run := range runs {
		for _, l := range lines[at:run[0]] {
			out.WriteString(l)
		}
		if k == 0 {
			out.Write(block)
		}
		at = run[1]
	}
	for _, l := range lines[at:] {
		out.WriteString(l)
	}
	return out.Bytes()
}

// subdistrictBlock writes the sub-districts: each the file had (and can
// be edited) over its old tables, the others afresh; one blank line
// between sub-districts, except that one in its old place, after the one
// it followed, keeps the lines it had above it.
func subdistrictBlock(p *formula.Plan, subs []formula.Subdistrict, olds []*oldSub, nl string) []byte {
	byID := map[string]int{}
	for i, o := range olds {
		if _, dup := byID[o.id]; !dup && o.ok {
			byID[o.id] = i
		}
	}
	order := newOrder(p, subs)
	var b bytes.Buffer
	for i := range subs {
		var chunk bytes.Buffer
		j, old := byID[subs[i].ID]
		if old {
			editSub(&chunk, &subs[i], olds[j], order, nl)
			delete(byID, subs[i].ID)
		} else {
			writeFresh(&chunk, &subs[i], order, nl)
		}
		text := chunk.Bytes()
		if !old || j != i || i > 0 && olds[j].first { // not where it was: one blank line above
			text = bytes.TrimLeft(text, " \t\r\n")
			if i > 0 {
				b.WriteString(nl)
			}
		}
		b.Write(text)
	}
	return b.Bytes()
}

// splitLines splits text into lines, each with its line end.
func splitLines(src []byte) []string {
	var lines []string
	for s := string(src); s != ""; {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			lines = append(lines, s)
			break
		}
		lines = append(lines, s[:i+1])
		s = s[i+1:]
	}
	return lines
}

// subdistrictRuns finds the runs of [[subdistrict]] tables and their
// sub-tables, as [first line, end line) ranges; a run ends at the next
// other table header (or the end), less what trimRun leaves to it.
func subdistrictRuns(lines []string) [][2]int {
	heads := headers(lines)
	var runs [][2]int
	for i := 0; i < len(heads); i++ {
		if !heads[i].sub {
			continue
		}
		start, j := heads[i].line, i
		for j < len(heads) && heads[j].sub {
			j++
		}
		end := len(lines)
		if j < len(heads) {
			end = heads[j].line
		}
		runs = append(runs, [2]int{start, trimRun(lines, start, end)})
		i = j
	}
	return runs
}

// trimRun moves the end of a run back to the first blank line of the
// blank and comment lines it ends with: those, and the comments after
// them, belong to what follows. Comments right below the last value stay.
func trimRun(lines []string, start, end int) int {
	cut := end
	for k := end - 1; k > start && isBlankOrComment(lines[k]); k-- {
		if strings.TrimSpace(lines[k]) == "" {
			cut = k
		}
	}
	return cut
}

func isBlankOrComment(line string) bool {
	t := strings.TrimSpace(line)
	return t == "" || strings.HasPrefix(t, "#")
}

// head is a table header line: its index and whether it is a
// [[subdistrict]] table or one of its sub-tables.
type head struct {
	line int
	sub  bool
}

// headers finds the table header lines of TOML text: lines starting with
// [ outside strings and arrays that span lines.
func headers(lines []string) []head {
	var out []head
	var sc tomlScanner
	for i, l := range lines {
		if sc.multi == "" && sc.depth == 0 {
			if t := strings.TrimLeft(l, " \t"); strings.HasPrefix(t, "[") {
				out = append(out, head{line: i, sub: firstKey(t) == "subdistrict"})
				continue
			}
		}
		sc.scan(l)
	}
	return out
}

// firstKey returns the first part of a table header's key:
// [[ subdistrict . staff ]] → subdistrict; ["a.b".c] → a.b.
func firstKey(h string) string {
	h = strings.TrimLeft(strings.TrimLeft(h, "["), " \t")
	if h == "" {
		return ""
	}
	if q := h[0]; q == '"' || q == '\'' {
		end := strings.IndexByte(h[1:], q)
		if end < 0 {
			return ""
		}
		if q == '"' {
			if s, err := strconv.Unquote(h[:end+2]); err == nil {
				return s
			}
		}
		return h[1 : end+1]
	}
	end := strings.IndexFunc(h, func(r rune) bool { return !isBareKeyRune(r) })
	if end < 0 {
		return h
	}
	return h[:end]
}

func isBareKeyRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-'
}

// tomlScanner follows TOML text line by line just enough to know whether
// a line starts inside a multi-line string or an array or inline table.
type tomlScanner struct {
	multi string // `"""` or `'''` while inside a multi-line string
	depth int    // open arrays and inline tables
}

// scan reads one line.
func (s *tomlScanner) scan(l string) {
	for i := 0; i < len(l); {
		if s.multi != "" {
			j := closing(l[i:], s.multi)
			if j < 0 {
				return
			}
			i += j + len(s.multi)
			s.multi = ""
			continue
		}
		switch c := l[i]; {
		case c == '#':
			return
		case strings.HasPrefix(l[i:], `"""`) || strings.HasPrefix(l[i:], `'''`):
			s.multi = l[i : i+3]
			i += 3
		case c == '"' || c == '\'':
			j := closing(l[i+1:], string(c))
			if j < 0 {
				return
			}
			i += j + 2
		case c == '[' || c == '{':
			s.depth++
			i++
		case c == ']' || c == '}':
			s.depth = max(0, s.depth-1)
			i++
		default:
			i++
		}
	}
}

// closing finds the delimiter that ends a string in s; a backslash
// escapes in basic strings.
func closing(s, delim string) int {
	for i := 0; i < len(s); i++ {
		if delim[0] == '"' && s[i] == '\\' {
			i++
			continue
		}
		if strings.HasPrefix(s[i:], delim) {
			for len(delim) == 3 && i+3 < len(s) && s[i+3] == delim[0] {
				i++ // """a"""" ends with a quote inside
			}
			return i
		}
	}
	return -1
}

// SubdistrictsTOML writes sub-districts as the plan file's
// [[subdistrict]] tables (rules §2): id, name, performance, adjustment,
// then [subdistrict.staff], [subdistrict.payroll],
// [subdistrict.quantities] and [subdistrict.project_ratings] in the
// workbook's column order, one blank line between sub-districts. Whole
// numbers are TOML integers; other numbers are strings of their exact
// decimal text (never floats).
func SubdistrictsTOML(p *formula.Plan, subs []formula.Subdistrict) []byte {
	order := newOrder(p, subs)
	var b bytes.Buffer
	for i := range subs {
		if i > 0 {
			b.WriteString("\n")
		}
		writeFresh(&b, &subs[i], order, "\n")
	}
	return b.Bytes()
}

// subOrder is the order keys are written in: staff categories, quantities
// and projects as the workbook has them; other keys follow by name.
type subOrder struct {
	staff, quantities, projects []string
}

// newOrder is the order of plan p's keys, the quantities of subs included.
func newOrder(p *formula.Plan, subs []formula.Subdistrict) subOrder {
	lay := newLayout(&formula.Plan{Staff: p.Staff, Projects: p.Projects, Factors: p.Factors, Quotas: p.Quotas,
		Incentive: p.Incentive, Damping: p.Damping, Subdistricts: subs}, nil)
	var o subOrder
	for _, c := range lay.csvColumns() {
		if c.kind == kindQuantity {
			o.quantities = append(o.quantities, c.ref)
		}
	}
	for _, s := range p.Staff {
		o.staff = append(o.staff, s.ID)
	}
	for _, pr := range p.Projects {
		o.projects = append(o.projects, pr.ID)
	}
	return o
}

// kv is a key and its value as TOML text.
type kv struct{ key, text string }

// of lists a table's values in order, as TOML text.
func (o subOrder) of(table string, vals map[string]newValue) []kv {
	var keys []string
	switch table {
	case "":
		keys = ordered(vals, []string{keyID, keyName, keyRating, keyAdjustment})
	case "staff", "payroll":
		keys = ordered(vals, o.staff)
	case "quantities":
		keys = ordered(vals, o.quantities)
	default:
		keys = ordered(vals, o.projects)
	}
	out := make([]kv, len(keys))
	for i, k := range keys {
		v := vals[k]
		text := tomlString(v.str)
		if v.num != nil {
			text = tomlNumber(*v.num)
		}
		out[i] = kv{k, text}
	}
	return out
}

// subValues is a sub-district's values by table ("" for the keys of
// [[subdistrict]] itself) and key.
func subValues(s *formula.Subdistrict) map[string]map[string]newValue {
	nums := func(all iter.Seq2[string, decimal.Decimal]) map[string]newValue {
		out := map[string]newValue{}
		for k, v := range all {
			out[k] = newValue{num: &v}
		}
		return out
	}
	main := map[string]newValue{keyID: {str: s.ID}, keyName: {str: s.Name}}
	if s.Rating != "" {
		main[keyRating] = newValue{str: s.Rating}
	}
	if s.Adjustment != nil {
		main[keyAdjustment] = newValue{num: s.Adjustment}
	}
	ratings := make(map[string]newValue, len(s.ProjectRatings))
	for k, v := range s.ProjectRatings {
		ratings[k] = newValue{str: v}
	}
	return map[string]map[string]newValue{"": main, "staff": nums(s.Staff.All()), "payroll": nums(s.Payroll.All()),
		"quantities": nums(s.Quantities.All()), "project_ratings": ratings, "execution": nums(maps.All(s.Execution))}
}

// writeFresh writes one [[subdistrict]] table and its sub-tables.
func writeFresh(b *bytes.Buffer, s *formula.Subdistrict, order subOrder, nl string) {
	values := subValues(s)
	b.WriteString("[[subdistrict]]" + nl)
	for _, table := range []string{"", "staff", "payroll", "quantities", "project_ratings", "execution"} {
		kvs := order.of(table, values[table])
		if table != "" && len(kvs) > 0 {
			b.WriteString("[subdistrict." + table + "]" + nl)
		}
		for _, e := range kvs {
			b.WriteString(tomlKey(e.key) + " = " + e.text + nl)
		}
	}
}

// ordered lists a map's keys: those in order first, in that order, then
// the rest by name.
func ordered[V any](m map[string]V, order []string) []string {
	out := make([]string, 0, len(m))
	for _, k := range order {
		if _, ok := m[k]; ok && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	var rest []string
	for k := range m {
		if !slices.Contains(out, k) {
			rest = append(rest, k)
		}
	}
	slices.Sort(rest)
	return append(out, rest...)
}

// tomlNumber writes a whole number that fits an int64 as a TOML integer,
// anything else as a string of its decimal text.
func tomlNumber(d decimal.Decimal) string {
	if d.IsInteger() && d.Abs().LessThan(decimal.New(1, 18)) {
		return d.String()
	}
	return `"` + d.String() + `"`
}

// tomlKey writes a key bare when it can be, else quoted.
func tomlKey(k string) string {
	if k != "" && strings.IndexFunc(k, func(r rune) bool { return !isBareKeyRune(r) }) < 0 {
		return k
	}
	return tomlString(k)
}

// tomlString writes a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
