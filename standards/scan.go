package standards

import (
	"slices"
	"strings"

	"github.com/caili/caili/internal/textutil"
)

// This file is the scanner behind checkText (limits.go): one pass over
// TOML text, before it is decoded, that finds what breaks the limits.

// scanIssue is a limit that TOML text breaks.
type scanIssue struct {
	line    int    // where it is broken
	keyLine int    // line of the key whose value breaks it (numbers)
	path    string // key path as the scanner saw it: table header and key, no indices
	inline  string // for numbers, keys inside inline tables below keyLine's key
	fatal   bool   // the text must not be decoded
	msg     *Reason
}

// scanner reads TOML text just enough to find nesting, keys and numbers
// outside strings and comments. It never goes back, so it is linear, and
// it does not judge the syntax: text it cannot follow is the decoder's.
type scanner struct {
	src       string
	i, line   int
	stack     []byte   // '[' or '{' for each open array or inline table
	inKeys    []string // latest key in each open inline table ("" for arrays)
	expectKey bool     // a key may start here
	table     []string // keys of the latest table header
	key       []string // the latest key outside inline tables
	keyLine   int
	keys      int // keys and table headers so far
	issues    []scanIssue
	numbers   int  // number issues so far
	stop      bool // a fatal issue was found
}

// scanTOML checks TOML text against the limits above. A fatal issue
// (nesting, a key, a number too long to be read) ends the scan.
func scanTOML(src string) []scanIssue {
	s := &scanner{src: src, line: 1, expectKey: true}
	for s.i < len(s.src) && !s.stop {
		s.step()
	}
	return s.issues
}

// step reads one character, or one key, string, comment or bare value.
func (s *scanner) step() {
	c := s.src[s.i]
	switch {
	case c == '\n':
		s.i++
		s.line++
		if len(s.stack) == 0 {
			s.expectKey = true
		}
	case c == ' ' || c == '\t' || c == '\r':
		s.i++
	case c == '#':
		if j := strings.IndexByte(s.src[s.i:], '\n'); j >= 0 {
			s.i += j
		} else {
			s.i = len(s.src)
		}
	case s.expectKey && c == '[' && len(s.stack) == 0:
		s.header()
	case s.expectKey && !strings.ContainsRune("[]{},=", rune(c)):
		s.readKey()
	case c == '"' || c == '\'':
		start := s.i
		s.skipString()
		if s.i-start > maxStringBytes+6 { // six: the quotes of a multi-line string
			msg := msgString
			if isPlainNumber(strings.Trim(s.src[start:start+maxNumberBytes], `"'`)) {
				msg = msgDigits // a number written as a string
			}
			s.fatal(msg, s.where(nil))
		}
	case c == '[' || c == '{':
		s.open(c)
	case c == ']' || c == '}':
		s.i++
		if n := len(s.stack); n > 0 {
			s.stack, s.inKeys = s.stack[:n-1], s.inKeys[:n-1]
		}
		s.expectKey = false
	case c == ',':
		s.i++
		s.expectKey = len(s.stack) > 0 && s.stack[len(s.stack)-1] == '{'
	case c == '=':
		s.i++
		s.expectKey = false
	default:
		s.bare()
	}
}

// header reads the key of a [table] or [[array of tables]] header.
func (s *scanner) header() {
	s.i++
	if s.i < len(s.src) && s.src[s.i] == '[' {
		s.i++
	}
	parts := s.keyParts(nil)
	s.table, s.key, s.keyLine = parts, nil, s.line
	s.expectKey = false
}

// readKey reads a key before `=`, at the top of a table or in an inline table.
func (s *scanner) readKey() {
	start := s.i
	var parts []string
	if len(s.stack) == 0 {
		parts = s.keyParts(s.table)
		s.key, s.keyLine = parts, s.line
	} else {
		s.inKeys[len(s.inKeys)-1] = ""
		parts = s.keyParts(s.where(nil))
		s.inKeys[len(s.inKeys)-1] = strings.Join(parts, ".")
	}
	if s.i == start {
		s.i++ // not a key after all: let the decoder say what it is
	}
	s.expectKey = false
}

// keyParts reads a dotted key, checking each part and their number;
// prefix is the path it lives under, for a problem.
func (s *scanner) keyParts(prefix []string) []string {
	if s.keys++; s.keys > maxKeys {
		s.fatal(msgKeys, prefix)
		return nil
	}
	var parts []string
	size := len(prefix) - 1 // the dots
	for _, p := range prefix {
		size += len(p)
	}
	for !s.stop {
		s.skipBlank()
		part, ok := s.keyPart()
		if !ok {
			break
		}
		parts = append(parts, part)
		size += 1 + len(part)
		switch {
		case len(part) > maxKeyBytes:
			s.fatal(msgKeyBytes, slices.Concat(prefix, parts))
		case len(parts) > maxKeyParts:
			s.fatal(msgKeyParts, slices.Concat(prefix, parts))
		case size > maxPathBytes:
			s.fatal(msgPath, slices.Concat(prefix, parts))
		}
		s.skipBlank()
		if s.i >= len(s.src) || s.src[s.i] != '.' {
			break
		}
		s.i++
	}
	return parts
}

// keyPart reads one bare or quoted part of a key, as written.
func (s *scanner) keyPart() (string, bool) {
	if s.i >= len(s.src) {
		return "", false
	}
	if q := s.src[s.i]; q == '"' || q == '\'' {
		start := s.i + 1
		j := start
		for j < len(s.src) && s.src[j] != q && s.src[j] != '\n' {
			if s.src[j] == '\\' && q == '"' && j+1 < len(s.src) && s.src[j+1] != '\n' {
				j++
			}
			j++
		}
		s.i = j
		if j < len(s.src) && s.src[j] == q {
			s.i++
		}
		return s.src[start:j], true
	}
	j := s.i
	for j < len(s.src) && !endsKey[s.src[j]] {
		j++
	}
	part := s.src[s.i:j]
	s.i = j
	return part, part != ""
}

// skipString skips a basic or literal string, on one line or several.
func (s *scanner) skipString() {
	q := s.src[s.i]
	three := strings.Repeat(string(q), 3)
	multi := strings.HasPrefix(s.src[s.i:], three)
	j := s.i + 1
	if multi {
		j = s.i + 3
	} else if k := strings.IndexByte(s.src[j:], q); k >= 0 {
		// The common case, found with the vectorised IndexByte (a string of
		// a megabyte costs microseconds): a one-line string without escapes.
		in := s.src[j : j+k]
		if strings.IndexByte(in, '\n') < 0 && (q == '\'' || strings.IndexByte(in, '\\') < 0) {
			s.i = j + k + 1
			return
		}
	}
	for j < len(s.src) {
		c := s.src[j]
		switch {
		case c == '\n' && !multi:
			s.i = j // unterminated: the decoder will say so
			return
		case c == '\n':
			s.line++
		case c == '\\' && q == '"' && j+1 < len(s.src):
			j++
			if s.src[j] == '\n' {
				if !multi {
					s.i = j
					return
				}
				s.line++
			}
		case c == q && !multi:
			s.i = j + 1
			return
		case c == q && strings.HasPrefix(s.src[j:], three):
			j += 3
			for k := 0; k < 2 && j < len(s.src) && s.src[j] == q; k++ {
				j++ // """a"""" ends with a quote inside
			}
			s.i = j
			return
		}
		j++
	}
	s.i = j
}

// open enters an array or an inline table.
func (s *scanner) open(c byte) {
	s.i++
	s.stack = append(s.stack, c)
	s.inKeys = append(s.inKeys, "")
	s.expectKey = c == '{'
	if len(s.stack) > maxNesting {
		s.fatal(msgNesting, slices.Concat(s.table, s.key))
	}
}

// bare reads a value that is not a string: a number, a boolean, a date.
func (s *scanner) bare() {
	j := s.i
	for j < len(s.src) && !endsValue[s.src[j]] {
		j++
	}
	if j == s.i {
		j++
	}
	tok := s.src[s.i:j]
	s.i = j
	s.number(tok)
}

// skipBlank skips spaces and tabs.
func (s *scanner) skipBlank() {
	for s.i < len(s.src) && (s.src[s.i] == ' ' || s.src[s.i] == '\t') {
		s.i++
	}
}

// endsValue and endsKey are the characters that end a bare value or key.
var endsValue, endsKey = byteSet(" \t\r\n#,[]{}\"'="), byteSet(" \t\r\n#,[]{}\"'=.")

func byteSet(chars string) (set [256]bool) {
	for i := range len(chars) {
		set[chars[i]] = true
	}
	return set
}

// where is the path of the value being read, with more keys after it.
func (s *scanner) where(more []string) []string {
	path := make([]string, 0, len(s.table)+len(s.key)+len(s.inKeys)+len(more))
	path = append(path, s.table...)
	path = append(path, s.key...)
	path = append(path, s.inlinePath()...)
	return append(path, more...)
}

// inlinePath lists the keys of the open inline tables.
func (s *scanner) inlinePath() []string {
	var out []string
	for i, k := range s.inKeys {
		if s.stack[i] == '{' && k != "" {
			out = append(out, k)
		}
	}
	return out
}

// fatal records an issue that stops the scan.
func (s *scanner) fatal(msg *Reason, path []string) {
	s.issues = append(s.issues, scanIssue{line: s.line, keyLine: s.keyLine, path: pathText(path), fatal: true, msg: msg})
	s.stop = true
}

// pathText joins key parts for a problem, clipped so that it never grows
// with the input.
func pathText(parts []string) string {
	clipped := make([]string, 0, min(len(parts), maxKeyParts+1))
	for i, p := range parts {
		if i > maxKeyParts {
			clipped = append(clipped, "…")
			break
		}
		clipped = append(clipped, textutil.Clip(p, 40))
	}
	return textutil.Clip(strings.Join(clipped, "."), 200)
}

// number checks a bare value that is a number: not too long to read, an
// integer of at most maxIntDigits digits, a float that a float64 holds
// exactly (within the digit limits, at most 15 significant digits). Dates,
// times, inf, nan and hexadecimal, octal or binary integers are left to
// the decoder.
func (s *scanner) number(tok string) {
	body := tok
	if body != "" && (body[0] == '+' || body[0] == '-') {
		body = body[1:]
	}
	if body == "" || body[0] < '0' || body[0] > '9' {
		return
	}
	if len(tok) > maxNumberBytes {
		s.fatal(msgDigits, s.where(nil))
		return
	}
	if strings.Contains(tok, ":") || len(body) >= 10 && body[4] == '-' && body[7] == '-' ||
		len(body) > 1 && body[0] == '0' && strings.IndexByte("xob", body[1]) >= 0 {
		return
	}
	if !strings.ContainsAny(body, ".eE") {
		if len(strings.ReplaceAll(body, "_", "")) > maxIntDigits {
			s.fatal(msgDigits, s.where(nil))
		}
		return
	}
	msg := floatTextProblem(tok)
	if msg == nil || s.numbers >= maxNumberNotes {
		return
	}
	s.numbers++
	s.issues = append(s.issues, scanIssue{line: s.line, keyLine: s.keyLine, path: pathText(s.where(nil)),
		inline: strings.Join(s.inlinePath(), "."), msg: msg})
}
