package standards

import (
	"bytes"
	"strconv"
	"unicode/utf8"

	"github.com/caili/caili/formula"
	"golang.org/x/text/encoding/simplifiedchinese"
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
	at := func(line int, msg string) []formula.Problem {
		return []formula.Problem{{File: name, Line: line, Code: formula.CodeSyntax, Message: msg}}
	}
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return at(0, "这是 Excel 工作簿或压缩文件,不是 TOML 计划:把街道数据导入计划用 caili import FILE --plan 计划.toml,"+
			"或在计划的 [plan] 中写 data = \"文件名.xlsx\" (a workbook or zip, not a TOML plan: use caili import, or [plan] data)")
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return at(0, "文件是 UTF-16 编码;请将文件另存为 UTF-8 (the file is UTF-16: save it as UTF-8)")
	case utf8.Valid(data):
		return nil
	}
	line, text := firstInvalidLine(data)
	msg := "第 " + strconv.Itoa(line) + " 行不是 UTF-8 编码;请将文件另存为 UTF-8"
	if s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(text); err == nil && utf8.Valid(s) {
		msg += "。按 GB18030(GBK)读,该行是:" + clip(string(bytes.TrimSpace(s)))
	}
	return at(line, msg+" (the file is not UTF-8: save it as UTF-8)")
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
