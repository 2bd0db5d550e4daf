package app

import (
	"strings"
)

// Line edits of a TOML file for next year's plan (next.go): a key of a
// table set to a new value, keeping its comment and alignment; tables of
// an array removed. Everything else stays byte for byte. A line is a
// table header when, trimmed, it starts with "[" outside a multi-line
// string.

// tomlLines splits text into lines with their line ends.
func tomlLines(text string) []string {
	return strings.SplitAfter(text, "\n")
}

// headerOf is the table a header line opens ("plan", "[succession]" for
// an array of tables), or "" when the line is not a header.
func headerOf(line string) string {
	t := strings.TrimSpace(line)
	if !strings.HasPrefix(t, "[") {
		return ""
	}
	if i := strings.Index(t, "#"); i > 0 {
		t = strings.TrimSpace(t[:i])
	}
	if strings.HasPrefix(t, "[[") && strings.HasSuffix(t, "]]") {
		return "[" + strings.TrimSpace(t[2:len(t)-2]) + "]"
	}
	if strings.HasSuffix(t, "]") {
		return strings.TrimSpace(t[1 : len(t)-1])
	}
	return ""
}

// tables returns, for each line, the table it is in ("" before the
// first header), skipping the insides of multi-line strings.
func tables(lines []string) []string {
	out := make([]string, len(lines))
	cur, inString := "", ""
	for i, l := range lines {
		if inString != "" {
			if strings.Count(l, inString)%2 == 1 {
				inString = ""
			}
			out[i] = cur
			continue
		}
		if h := headerOf(l); h != "" {
			cur = h
		}
		for _, q := range []string{`"""`, `'''`} {
			if strings.Count(l, q)%2 == 1 {
				inString = q
			}
		}
		out[i] = cur
	}
	return out
}

// keyOf is the bare key a line sets, or "".
func keyOf(line string) string {
	k, _, ok := strings.Cut(line, "=")
	if !ok {
		return ""
	}
	k = strings.TrimSpace(k)
	if strings.ContainsAny(k, "[#\"' ") {
		return ""
	}
	return k
}

// setKey sets key of table to value (TOML text) and reports whether the
// table has the key. The value is replaced in place: what follows it on
// the line (a comment) is kept when the old value is a plain string,
// number or boolean.
func setKey(text, table, key, value string) (string, bool) {
	lines := tomlLines(text)
	in := tables(lines)
	for i, l := range lines {
		if in[i] != table || headerOf(l) != "" || keyOf(l) != key {
			continue
		}
		eq := strings.Index(l, "=")
		rest := l[eq+1:]
		lead := rest[:len(rest)-len(strings.TrimLeft(rest, " \t"))]
		tail := valueTail(strings.TrimLeft(rest, " \t"))
		lines[i] = l[:eq+1] + lead + value + tail
		return strings.Join(lines, ""), true
	}
	return text, false
}

// valueTail is what follows a one-line value: spaces, a comment, the
// line end.
func valueTail(s string) string {
	end := 0
	switch {
	case strings.HasPrefix(s, `"`):
		end = 1
		for end < len(s) && s[end] != '"' {
			if s[end] == '\\' {
				end++
			}
			end++
		}
		end++
	case strings.HasPrefix(s, `'`):
		end = 1 + strings.IndexByte(s[1:], '\'') + 1
	default:
		end = strings.IndexAny(s, " \t#\r\n")
		if end < 0 {
			end = len(s)
		}
	}
	if end > len(s) || end <= 0 {
		end = len(strings.TrimRight(s, "\r\n"))
	}
	return s[end:]
}

// removeArray removes every [[name]] table (its header, its keys and the
// blank and comment lines that follow it up to the next header).
func removeArray(text, name string) string {
	lines := tomlLines(text)
	in := tables(lines)
	var b strings.Builder
	for i, l := range lines {
		if in[i] == "["+name+"]" {
			continue
		}
		b.WriteString(l)
	}
	return b.String()
}
