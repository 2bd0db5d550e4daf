package workbook

import (
	"bytes"
	"encoding/xml"
	"path"
	"strings"

	"github.com/caili/caili/internal/msg"
	"github.com/xuri/excelize/v2"
)

// This file reads what a worksheet's XML says about its cells beyond
// their values (which excelize reads): each cell's type, whether it holds
// a formula with no cached value, and the merged ranges. It is one pass
// over the bytes, with no document tree: excelize's tree of a 10,000-row
// sheet costs more than everything else the import does.

// cellMeta is one cell's type, as the worksheet stores it.
type cellMeta struct {
	row, col int // 1-based
	kind     cellKind
	formula  string // for cellNoValue
}

// sheetXML returns the XML of the named worksheet: the workbook's sheet
// list gives its relationship, the relationships its part.
func (b *book) sheetXML(name string) ([]byte, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(b.part("xl/workbook.xml"), &wb); err != nil {
		return nil, err
	}
	if err := xml.Unmarshal(b.part("xl/_rels/workbook.xml.rels"), &rels); err != nil {
		return nil, err
	}
	for _, s := range wb.Sheets {
		if s.Name != name {
			continue
		}
		for _, r := range rels.Rels {
			if r.ID != s.RID {
				continue
			}
			p := strings.TrimPrefix(r.Target, "/")
			if !strings.HasPrefix(r.Target, "/") {
				p = path.Join("xl", r.Target)
			}
			if data := b.part(p); data != nil {
				return data, nil
			}
		}
	}
	return nil, errNoSheetPart
}

// part returns a part of the package, or nil.
func (b *book) part(name string) []byte {
	v, ok := b.f.Pkg.Load(name)
	if !ok {
		return nil
	}
	data, _ := v.([]byte)
	return data
}

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
	t.name = string(s.x[start:s.i])
	if k := strings.LastIndexByte(t.name, ':'); k >= 0 {
		t.name = t.name[k+1:]
	}
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

// scanSheet reads a worksheet's cells' types and its merged ranges (at
// most maxMerges; more is an error).
// A number cell whose format (s) is one of dates is a date.
func scanSheet(x []byte, dates map[int]bool) ([]cellMeta, [][4]int, error) {
	s := &xmlScanner{x: x, dates: dates}
	var metas []cellMeta
	var merges [][4]int
	row, col := 0, 0
	for {
		t, ok := s.next()
		if !ok {
			return metas, merges, nil
		}
		switch {
		case t.end:
		case t.name == "row":
			row, col = rowNumber(t.attr("r"), row), 0
		case t.name == "c":
			if c, r, err := excelize.CellNameToCoordinates(t.attr("r")); err == nil {
				col, row = c, r
			} else {
				col++
			}
			if m, keep := s.cell(t, row, col); keep {
				metas = append(metas, m)
			}
		case t.name == "mergeCell":
			if len(merges) == maxMerges {
				return nil, nil, errTooManyMerges
			}
			if m, ok := mergeRange(t.attr("ref")); ok {
				merges = append(merges, m)
			}
		}
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

// cell reads a <c> element's children: a formula, a value. It returns
// the cell's kind when it is not plain (a number or text is known from
// the type alone: keep is false for cells with a value and no type, the
// common case, to keep the list short).
func (s *xmlScanner) cell(t tag, row, col int) (cellMeta, bool) {
	m := cellMeta{row: row, col: col, kind: kindOfType(t.attr("t"))}
	if m.kind == cellNumber && len(s.dates) > 0 && s.dates[styleIndex(t.attr("s"))] {
		m.kind = cellDate
	}
	if t.empty {
		return m, m.kind != cellNumber
	}
	hasF, hasV := false, false
	for {
		c, ok := s.next()
		if !ok || (c.end && c.name == "c") {
			break
		}
		switch {
		case c.name == "f" && !c.end:
			hasF = true
			if !c.empty {
				m.formula = s.text()
			}
		case c.name == "v" || c.name == "is":
			hasV = hasV || !c.end
		}
	}
	if hasF && !hasV {
		m.kind = cellNoValue
		if m.formula == "" {
			m.formula = msg.WbSharedFormula.In(msg.Zh)
		}
	}
	return m, m.kind != cellNumber
}

// text reads an element's text up to the next tag, XML entities decoded.
func (s *xmlScanner) text() string {
	j := bytes.IndexByte(s.x[s.i:], '<')
	if j < 0 {
		j = len(s.x) - s.i
	}
	raw := string(s.x[s.i : s.i+j])
	s.i += j
	return clip(strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'", "&amp;", "&").Replace(raw))
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
