package standards

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// This file recognises files that are not UTF-8 TOML before the decoder
// sees them, so that a person who saved the plan from Excel, Notepad or
// WPS in another encoding, or passed a workbook as the plan, is told what
// to do instead of "invalid UTF-8 byte 0xce".

// checkEncoding returns the problem of a file that is not UTF-8 text, or
// nil: a workbook or other zip (use `caili import` or [plan] data),
// UTF-16 (say to save as UTF-8), or bytes that are not UTF-8 (say so, with
// the first such line as GB18030 reads it when it can).
func checkEncoding(name string, data []byte) []formula.Problem {
	at := func(line int, m msg.Message, args ...any) []formula.Problem {
		return []formula.Problem{sayAt(name, line, "", formula.CodeSyntax, m, args...)}
	}
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return at(0, msg.StdWorkbookNotPlan)
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return at(0, msg.StdUTF16)
	case utf8.Valid(data):
		return nil
	}
	line, text := firstInvalidLine(data)
	if s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(text); err == nil && utf8.Valid(s) {
		return at(line, msg.StdNotUTF8GB, line, clip(string(bytes.TrimSpace(s))))
	}
	return at(line, msg.StdNotUTF8, line)
}

// firstInvalidLine returns the 1-based number and text of the first line
// that is not valid UTF-8.
func firstInvalidLine(data []byte) (int, []byte) {
	line := 1
	for len(data) > 0 {
		text, rest, _ := bytes.Cut(data, []byte("\n"))
		if !utf8.Valid(text) {
			return line, text
		}
		data, line = rest, line+1
	}
	return line, nil
}
