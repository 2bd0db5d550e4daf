package standards

import (
	"strconv"
	"strings"
)

// locator knows the line of every table header and key in one TOML file,
// by indexed path: `subdistrict[2].quantities.population` (arrays of tables
// counted from 1). It reads the text line by line, which is enough for the
// plan files people write; what it cannot place gets line 0.
type locator struct {
	line map[string]int
	// plain maps a path without indices (as toml.MetaData spells keys) to
	// the indexed paths that spell it, in file order.
	plain map[string][]string
}

func locate(data []byte) *locator {
	l := &locator{line: map[string]int{}, plain: map[string][]string{}}
	counts := map[string]int{} // indexed parent path of an array of tables → entries so far
	prefix := ""               // indexed path of the current table
	lastIndexed := map[string]string{}
	inMulti := "" // delimiter of a multi-line string we are inside
	for n, raw := range strings.Split(string(data), "\n") {
		lineNo := n + 1
		s := strings.TrimSpace(raw)
		if inMulti != "" {
			if strings.Contains(s, inMulti) {
				inMulti = ""
			}
			continue
		}
		if s == "" || s[0] == '#' {
			continue
		}
		switch {
		case strings.HasPrefix(s, "[["):
			end := strings.Index(s, "]]")
			if end < 0 {
				continue
			}
			keys := splitKey(s[2:end])
			if len(keys) == 0 {
				continue
			}
			// The parent of an array of tables is the latest entry of each
			// enclosing array: [[factor.indicator]] lives in the last [[factor]].
			parent := resolve(keys[:len(keys)-1], lastIndexed)
			arr := join(parent, keys[len(keys)-1])
			counts[arr]++
			prefix = arr + "[" + strconv.Itoa(counts[arr]) + "]"
			lastIndexed[strings.Join(keys, ".")] = prefix
			l.add(prefix, strings.Join(keys, "."), lineNo)
			l.add(arr, strings.Join(keys, "."), lineNo)
		case s[0] == '[':
			end := strings.LastIndex(s, "]")
			if end < 0 {
				continue
			}
			keys := splitKey(s[1:end])
			prefix = resolve(keys, lastIndexed)
			l.add(prefix, strings.Join(keys, "."), lineNo)
		default:
			eq := strings.Index(s, "=")
			if eq <= 0 {
				continue
			}
			keys := splitKey(s[:eq])
			if len(keys) == 0 {
				continue
			}
			path := join(prefix, strings.Join(keys, "."))
			l.add(path, deindex(path), lineNo)
			rest := strings.TrimSpace(s[eq+1:])
			for _, q := range []string{`"""`, `'''`} {
				if strings.HasPrefix(rest, q) && !strings.Contains(rest[3:], q) {
					inMulti = q
				}
			}
		}
	}
	return l
}

func (l *locator) add(path, plain string, line int) {
	if _, ok := l.line[path]; ok {
		return
	}
	l.line[path] = line
	l.plain[plain] = append(l.plain[plain], path)
}

// find returns the line of an indexed path, or of its nearest enclosing
// table or entry that the file shows.
func (l *locator) find(path string) int {
	for path != "" {
		if n, ok := l.line[path]; ok {
			return n
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			return 0
		}
		path = path[:i]
	}
	return 0
}

// holder is the line of the nearest key or table that holds a plain path
// (a key of an inline table, which the locator does not see), when the
// file shows it once; 0 when it shows it in several entries.
func (l *locator) holder(plain string) int {
	for {
		i := strings.LastIndexByte(plain, '.')
		if i < 0 {
			return 0
		}
		plain = plain[:i]
		switch ix := l.plain[plain]; len(ix) {
		case 0:
		case 1:
			return l.line[ix[0]]
		default:
			return 0
		}
	}
}

// resolve turns header keys into an indexed path, using the latest entry
// of every array of tables on the way.
func resolve(keys []string, lastIndexed map[string]string) string {
	out := ""
	for i := range keys {
		plain := strings.Join(keys[:i+1], ".")
		if ix, ok := lastIndexed[plain]; ok {
			out = ix
			continue
		}
		out = join(out, keys[i])
	}
	return out
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

// deindex removes the [n] parts of an indexed path.
func deindex(path string) string {
	var b strings.Builder
	depth := 0
	for _, r := range path {
		switch {
		case r == '[':
			depth++
		case r == ']':
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// splitKey splits a dotted TOML key into its parts, unquoting quoted parts.
func splitKey(s string) []string {
	var keys []string
	s = strings.TrimSpace(s)
	for s != "" {
		var k string
		switch s[0] {
		case '"', '\'':
			end := strings.IndexByte(s[1:], s[0])
			if end < 0 {
				return keys
			}
			k = s[1 : end+1]
			if s[0] == '"' {
				if u, err := strconv.Unquote(s[:end+2]); err == nil {
					k = u
				}
			}
			s = s[end+2:]
		default:
			end := strings.IndexByte(s, '.')
			if end < 0 {
				end = len(s)
			}
			k = strings.TrimSpace(s[:end])
			s = s[end:]
		}
		keys = append(keys, k)
		s = strings.TrimSpace(s)
		s = strings.TrimPrefix(s, ".")
		s = strings.TrimSpace(s)
	}
	return keys
}
