package workbook

import (
	"errors"
	"strconv"
	"unicode/utf8"

	"github.com/caili/caili/internal/msg"
)

// sharedStrings is the workbook's shared string table: every string's
// text in one block, and where each one ends. It costs its text and four
// bytes a string, however many strings a file lists.
type sharedStrings struct {
	text string
	ends []uint32
	err  error // why the table could not be read
}

// errNoSharedString is a cell naming a shared string the table lacks.
var errNoSharedString = errors.New("no such shared string")

// sharedString is the text of shared string n (err from reading n).
func (b *book) sharedString(n int, err error) (string, error) {
	if b.shared == nil {
		b.shared = b.readShared()
	}
	ss := b.shared
	switch {
	case ss.err != nil:
		return "", ss.err
	case err != nil || n < 0 || n >= len(ss.ends):
		return "", errNoSharedString
	}
	start := uint32(0)
	if n > 0 {
		start = ss.ends[n-1]
	}
	return ss.text[start:ss.ends[n]], nil
}

// readShared reads sharedStrings.xml within maxSharedStrings strings,
// maxSharedBytes of text and maxCellRunes a string.
func (b *book) readShared() *sharedStrings {
	x, err := b.readPart("xl/sharedStrings.xml")
	if err != nil {
		return &sharedStrings{err: err}
	}
	s := &xmlScanner{x: x}
	if t, ok := s.next(); ok && t.name == "sst" {
		// The count the table declares, when it is more than the limit.
		if n, err := strconv.Atoi(t.attr("uniqueCount")); err == nil && n > maxSharedStrings {
			return &sharedStrings{err: beyond(msg.WbTooManyShared, maxSharedStrings)}
		}
	}
	var text, one []byte
	var ends []uint32
	for {
		t, ok := s.next()
		if !ok {
			return &sharedStrings{text: string(text), ends: ends}
		}
		if t.name != "si" || t.end {
			continue
		}
		if len(ends) == maxSharedStrings {
			return &sharedStrings{err: beyond(msg.WbTooManyShared, maxSharedStrings)}
		}
		one = one[:0]
		fits := true
		if !t.empty {
			one, fits = s.runs(one, "si")
		}
		u := unescape(one)
		if !fits || utf8.RuneCount(u) > maxCellRunes {
			return &sharedStrings{err: beyond(msg.WbSharedTooLong, len(ends)+1, maxCellRunes)}
		}
		if len(text)+len(u) > maxSharedBytes {
			return &sharedStrings{err: beyond(msg.WbSharedTooBig, maxSharedBytes>>20)}
		}
		text = append(text, u...)
		ends = append(ends, uint32(len(text)))
	}
}
