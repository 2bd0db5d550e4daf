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
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Options control the bytes of a file.
type Options struct {
	// NoBOM leaves out the UTF-8 byte-order mark Excel needs to see UTF-8.
	NoBOM bool
	// GB18030 writes the file in GB18030 (which GBK is part of), without
	// a byte-order mark, for older Excel and WPS that do not read UTF-8.
	GB18030 bool
}

// Writer writes rows of a CSV file into memory, every cell through Cell;
// WriteTo or Bytes ends it.
type Writer struct {
	opts Options
	buf  bytes.Buffer
	cw   *csv.Writer
	row  []string
}

// New starts a file.
func New(opts Options) *Writer {
	w := &Writer{opts: opts}
	if !opts.NoBOM && !opts.GB18030 {
		w.buf.WriteString("\ufeff")
	}
	w.cw = csv.NewWriter(&w.buf)
	w.cw.UseCRLF = true
	return w
}

// Write writes one row, each cell made safe by Cell.
func (w *Writer) Write(row []string) error {
	w.row = w.row[:0]
	for _, v := range row {
		w.row = append(w.row, Cell(v))
	}
	return w.cw.Write(w.row)
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
	w.cw.Flush()
	if err := w.cw.Error(); err != nil {
		return nil, err
	}
	out := w.buf.Bytes()
	if w.opts.GB18030 {
		var err error
		if out, err = simplifiedchinese.GB18030.NewEncoder().Bytes(out); err != nil {
			return nil, fmt.Errorf("encode CSV as GB18030: %w", err)
		}
	}
	return out, nil
}

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
