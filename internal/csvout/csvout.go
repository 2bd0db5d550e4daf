// Package csvout is the one CSV writer of caili: every CSV file it writes
// (allocations, compare, totals by code, sensitivity, the charts' numbers,
// the data template), on the command line and over HTTP, is written by a
// [Writer], so that what a spreadsheet would run as a formula is text in
// every one of them (issue 20 §7). The files are as Chinese Excel opens
// them: UTF-8 with a byte-order mark (or GB18030), CRLF line ends.
//
// It is a leaf: it imports nothing of the module.
package csvout

import (
	"cmp"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Options control the bytes of a file.
type Options struct {
	// NoBOM leaves out the UTF-8 byte-order mark Excel needs to see UTF-8.
	NoBOM bool
	// GB18030 writes the file in GB18030 (which GBK is part of), without
	// a byte-order mark, for older Excel and WPS that do not read UTF-8.
	GB18030 bool
	// Size is the room made for the file at first, in bytes; 0: 1 KiB.
	// A file that outgrows it is moved to larger buffers as it grows.
	Size int
}

// Writer writes rows of a CSV file into memory, every cell through Cell;
// WriteTo or Bytes ends it. The bytes are encoding/csv's with CRLF line
// ends (TestWriterAsEncodingCSV), appended into one buffer: a file is
// written per request on the server, and encoding/csv's writer set up a
// buffer of its own each time.
type Writer struct {
	opts Options
	buf  []byte
	open bool // a row has a cell (Text, Number)
}

// New starts a file.
func New(opts Options) *Writer {
	w := &Writer{opts: opts, buf: make([]byte, 0, cmp.Or(max(opts.Size, 0), 1024))}
	if !opts.NoBOM && !opts.GB18030 {
		w.buf = append(w.buf, "\ufeff"...)
	}
	return w
}

// Write writes one row, each cell made safe by Cell.
func (w *Writer) Write(row []string) error {
	for i, v := range row {
		if i > 0 {
			w.buf = append(w.buf, ',')
		}
		w.buf = appendField(w.buf, Cell(v))
	}
	w.buf = append(w.buf, '\r', '\n')
	return nil
}

// Text writes one text cell of the row being written, made safe by Cell
// and quoted as Write would: Text, Number and EndRow write a row cell by
// cell, with the bytes of Write, for a table whose numbers are already
// text in a buffer.
func (w *Writer) Text(s string) {
	w.sep()
	w.buf = appendField(w.buf, Cell(s))
}

// Number writes one cell that is a plain decimal number (digits, at most
// one point, perhaps a leading minus), which neither Cell nor quoting
// changes, as it is; any other text is written as Text writes it.
func (w *Writer) Number(b []byte) {
	if !plainNumber(b) {
		w.Text(string(b))
		return
	}
	w.sep()
	w.buf = append(w.buf, b...)
}

// EndRow ends the row that Text and Number wrote.
func (w *Writer) EndRow() {
	w.buf = append(w.buf, '\r', '\n')
	w.open = false
}

// sep puts the comma before a row's second and later cells.
func (w *Writer) sep() {
	if w.open {
		w.buf = append(w.buf, ',')
	}
	w.open = true
}

// plainNumber reports whether b is -?digits(.digits)?: text Cell keeps
// (IsNumber) and a CSV field needs no quotes for.
func plainNumber(b []byte) bool {
	if len(b) > 0 && b[0] == '-' {
		b = b[1:]
	}
	digits, point := 0, false
	for i, c := range b {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !point && i > 0 && i < len(b)-1:
			point = true
		default:
			return false
		}
	}
	return digits > 0
}

// appendField appends a field as encoding/csv writes it (comma, CRLF):
// quoted when it holds a quote, a comma, a line end or starts with a
// space (or is \.), its quotes doubled and its line ends CRLF.
func appendField(b []byte, f string) []byte {
	if !needsQuotes(f) {
		return append(b, f...)
	}
	b = append(b, '"')
	for len(f) > 0 {
		i := strings.IndexAny(f, "\"\r\n")
		if i < 0 {
			i = len(f)
		}
		b = append(b, f[:i]...)
		f = f[i:]
		if len(f) > 0 {
			switch f[0] {
			case '"':
				b = append(b, '"', '"')
			case '\n':
				b = append(b, '\r', '\n')
			} // a carriage return is dropped: the line feed writes CRLF
			f = f[1:]
		}
	}
	return append(b, '"')
}

// needsQuotes is encoding/csv's fieldNeedsQuotes for a comma.
func needsQuotes(f string) bool {
	if f == "" {
		return false
	}
	if f == `\.` {
		return true
	}
	for i := 0; i < len(f); i++ {
		switch f[i] {
		case ',', '"', '\r', '\n':
			return true
		}
	}
	r, _ := utf8.DecodeRuneInString(f)
	return unicode.IsSpace(r)
}

// WriteAll writes rows.
func (w *Writer) WriteAll(rows [][]string) error {
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			return err
		}
	}
	return nil
}

// Bytes ends the file and returns it, encoded as Options ask.
func (w *Writer) Bytes() ([]byte, error) {
	out := w.buf
	if w.opts.GB18030 {
		var err error
		if out, err = simplifiedchinese.GB18030.NewEncoder().Bytes(out); err != nil {
			return nil, fmt.Errorf("encode CSV as GB18030: %w", err)
		}
	}
	return out, nil
}

// Flush writes the rows written so far to out, encoded as Options ask,
// and empties the buffer, so that a long file is written a piece at a
// time: call it between rows; WriteTo ends the file.
func (w *Writer) Flush(out io.Writer) error {
	b, err := w.Bytes()
	if err != nil {
		return err
	}
	if _, err := out.Write(b); err != nil {
		return err
	}
	w.buf = w.buf[:0]
	return nil
}

// Len is the number of bytes written since the last Flush (before
// encoding).
func (w *Writer) Len() int { return len(w.buf) }

// WriteTo ends the file and writes it to out.
func (w *Writer) WriteTo(out io.Writer) (int64, error) {
	b, err := w.Bytes()
	if err != nil {
		return 0, err
	}
	n, err := out.Write(b)
	return int64(n), err
}

// formulaStarts are the characters a spreadsheet takes a cell beginning
// with for a formula (or, tab and carriage return, that hide one).
const formulaStarts = "=+-@\t\r"

// Cell is a cell as caili writes it: one that begins with = + - @, a tab
// or a carriage return is put after an apostrophe, which spreadsheets
// show as text and do not run; a decimal number (-12.5, +3, -5%) stays
// as it is, a number.
func Cell(s string) string {
	if s == "" || !strings.ContainsRune(formulaStarts, rune(s[0])) || IsNumber(s) {
		return s
	}
	return "'" + s
}

// Unsafe reports whether a cell would begin a formula: what Cell changes.
func Unsafe(s string) bool { return Cell(s) != s }

// IsNumber reports whether s is a decimal number as caili writes one: a
// sign, digits with at most one decimal point, an optional exponent and
// an optional per cent sign. Nothing else (no function, no reference) is.
func IsNumber(s string) bool {
	s = strings.TrimSuffix(s, "%")
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	mant, exp, hasExp := strings.Cut(strings.ToLower(s), "e")
	if hasExp {
		if exp != "" && (exp[0] == '-' || exp[0] == '+') {
			exp = exp[1:]
		}
		if !digits(exp) {
			return false
		}
	}
	whole, frac, _ := strings.Cut(mant, ".")
	return (whole != "" || frac != "") && (whole == "" || digits(whole)) && (frac == "" || digits(frac))
}

// digits reports whether s is one or more ASCII digits.
func digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
