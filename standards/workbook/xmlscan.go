package workbook

import (
	"bytes"
	"strings"

	"github.com/xuri/excelize/v2"
)

// This file is the XML scanner the reading of a worksheet (sheetscan.go)
// and its shared strings (shared.go) walk the tags with: one pass over
// the bytes, with no document tree, expanding no entity but XML's own.

// xmlScanner walks XML tags by hand: what it needs is the tags and their
// attributes, and nothing inside a cell's value can be a tag.
type xmlScanner struct {
	x     []byte
	i     int
	dates map[int]bool // the cell formats that show dates
}

// tag is an element's start or end: its local name and attributes' text.
type tag struct {
	name  string
	attrs []byte
	end   bool // </name>
	empty bool // <name/>
}

// next returns the next tag, skipping text, comments, CDATA and
// declarations; false at the end.
func (s *xmlScanner) next() (tag, bool) {
	for {
		j := bytes.IndexByte(s.x[s.i:], '<')
		if j < 0 {
			return tag{}, false
		}
		s.i += j + 1
		rest := s.x[s.i:]
		switch {
		case bytes.HasPrefix(rest, []byte("!--")):
			s.skipPast("-->")
			continue
		case bytes.HasPrefix(rest, []byte("![CDATA[")):
			s.skipPast("]]>")
			continue
		case len(rest) > 0 && (rest[0] == '?' || rest[0] == '!'):
			s.skipPast(">")
			continue
		}
		return s.readTag(), true
	}
}

// skipPast moves past the next occurrence of end.
func (s *xmlScanner) skipPast(end string) {
	if j := bytes.Index(s.x[s.i:], []byte(end)); j >= 0 {
		s.i += j + len(end)
	} else {
		s.i = len(s.x)
	}
}

// readTag reads a tag after its '<', quoted attribute values and all.
func (s *xmlScanner) readTag() tag {
	var t tag
	if s.i < len(s.x) && s.x[s.i] == '/' {
		t.end = true
		s.i++
	}
	start := s.i
	for s.i < len(s.x) && !strings.ContainsRune(" \t\r\n/>", rune(s.x[s.i])) {
		s.i++
	}
	name := s.x[start:s.i]
	if k := bytes.LastIndexByte(name, ':'); k >= 0 {
		name = name[k+1:]
	}
	t.name = tagName(name)
	attrs := s.i
	var quote byte
	for ; s.i < len(s.x); s.i++ {
		c := s.x[s.i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			t.attrs = s.x[attrs:s.i]
			t.empty = s.i > attrs && s.x[s.i-1] == '/'
			s.i++
			return t
		}
	}
	t.attrs = s.x[attrs:]
	return t
}

// tagName is a tag's local name as a string: the names the reader looks
// for without allocating (a sheet has millions of tags), others copied.
func tagName(b []byte) string {
	switch string(b) {
	case "c":
		return "c"
	case "v":
		return "v"
	case "f":
		return "f"
	case "t":
		return "t"
	case "r":
		return "r"
	case "is":
		return "is"
	case "si":
		return "si"
	case "row":
		return "row"
	case "rPh":
		return "rPh"
	case "rPr":
		return "rPr"
	case "mergeCell":
		return "mergeCell"
	}
	return string(b)
}

// attr returns an attribute's value ("" when absent), by local name.
func (t tag) attr(name string) string {
	a := t.attrs
	for {
		j := bytes.IndexByte(a, '=')
		if j < 0 {
			return ""
		}
		key := strings.TrimSpace(string(a[:j]))
		if k := strings.LastIndexAny(key, " \t\r\n:"); k >= 0 {
			key = key[k+1:]
		}
		a = bytes.TrimLeft(a[j+1:], " \t\r\n")
		if len(a) == 0 || (a[0] != '"' && a[0] != '\'') {
			return ""
		}
		end := bytes.IndexByte(a[1:], a[0])
		if end < 0 {
			return ""
		}
		if key == name {
			return string(a[1 : end+1])
		}
		a = a[end+2:]
	}
}

// rowNumber reads a row's r attribute, or counts on from the last row.
func rowNumber(r string, last int) int {
	n := 0
	for _, c := range r {
		if c < '0' || c > '9' || n > excelize.TotalRows {
			return last + 1
		}
		n = n*10 + int(c-'0')
	}
	if n == 0 {
		return last + 1
	}
	return n
}

// mergeRange reads a merged range's ref (A1:B3).
func mergeRange(ref string) ([4]int, bool) {
	a, b, ok := strings.Cut(ref, ":")
	if !ok {
		return [4]int{}, false
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(a)
	c2, r2, err2 := excelize.CellNameToCoordinates(b)
	if err1 != nil || err2 != nil {
		return [4]int{}, false
	}
	return [4]int{min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2)}, true
}

// kindOfType maps a cell's t attribute to its kind.
func kindOfType(t string) cellKind {
	switch t {
	case "", "n":
		return cellNumber
	case "b":
		return cellBool
	case "e":
		return cellError
	case "d":
		return cellDate
	}
	return cellText // s, str, inlineStr
}
