package server

import "io"

// jsonIndenter writes the JSON written to it as json.Indent writes it
// (after json.Compact): the same bytes, a piece at a time, without
// holding the document. A published result of 10,000 街道 (469 MB) is
// put inside GET …/published's answer this way, read from the record as
// it is written (publishedAnswer). Its input must be valid JSON, as a
// published result is; it does not check it.
type jsonIndenter struct {
	w              io.Writer
	prefix, indent string
	buf            []byte
	depth          int
	inString, esc  bool
	needIndent     bool // a { or [ written: its newline waits for what follows (none when it is empty)
	err            error
}

// indentFlushAt is the most output an indenter holds before writing it.
const indentFlushAt = 32 << 10

// newJSONIndenter indents into w as json.Indent(dst, src, prefix, indent).
func newJSONIndenter(w io.Writer, prefix, indent string) *jsonIndenter {
	return &jsonIndenter{w: w, prefix: prefix, indent: indent, buf: make([]byte, 0, indentFlushAt+256)}
}

// Write indents p; an error of the writer underneath is kept and returned.
func (d *jsonIndenter) Write(p []byte) (int, error) {
	if d.err != nil {
		return 0, d.err
	}
	for _, c := range p {
		d.step(c)
		if len(d.buf) >= indentFlushAt {
			if err := d.Flush(); err != nil {
				return 0, err
			}
		}
	}
	return len(p), nil
}

// step writes one byte of the input.
func (d *jsonIndenter) step(c byte) {
	if d.inString {
		d.buf = append(d.buf, c)
		switch {
		case d.esc:
			d.esc = false
		case c == '\\':
			d.esc = true
		case c == '"':
			d.inString = false
		}
		return
	}
	switch c {
	case ' ', '\t', '\n', '\r':
		return
	}
	if d.needIndent && c != '}' && c != ']' {
		d.needIndent = false
		d.depth++
		d.newline()
	}
	switch c {
	case '"':
		d.inString = true
		d.buf = append(d.buf, c)
	case '{', '[':
		d.needIndent = true
		d.buf = append(d.buf, c)
	case ',':
		d.buf = append(d.buf, c)
		d.newline()
	case ':':
		d.buf = append(d.buf, c, ' ')
	case '}', ']':
		if d.needIndent {
			d.needIndent = false // {} and [] stay on one line
		} else {
			d.depth--
			d.newline()
		}
		d.buf = append(d.buf, c)
	default:
		d.buf = append(d.buf, c)
	}
}

// newline starts a line at the current depth.
func (d *jsonIndenter) newline() {
	d.buf = append(d.buf, '\n')
	d.buf = append(d.buf, d.prefix...)
	for range d.depth {
		d.buf = append(d.buf, d.indent...)
	}
}

// Flush writes what is held.
func (d *jsonIndenter) Flush() error {
	if d.err == nil && len(d.buf) > 0 {
		_, d.err = d.w.Write(d.buf)
		d.buf = d.buf[:0]
	}
	return d.err
}
