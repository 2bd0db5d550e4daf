package workbook

import (
	"encoding/xml"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// This file finds which cell styles show a number as a date or a time.
// Excel stores a date typed into a cell as a number (days since 1900)
// with a date format: in a number column it would read as that serial
// number (2024-03-15 → 45366), so such cells are refused as dates.

// dateStyles returns the indices of the workbook's cell formats (the s
// attribute of a cell) whose number format is a date or a time.
func (b *book) dateStyles() map[int]bool {
	if b.dates == nil {
		b.dates = b.readDateStyles()
	}
	return b.dates
}

// readDateStyles reads the date styles from styles.xml.
func (b *book) readDateStyles() map[int]bool {
	var st struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			NumFmtID int `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	data := b.part("xl/styles.xml")
	if data == nil || xml.Unmarshal(data, &st) != nil {
		return nil
	}
	custom := map[int]string{}
	for _, f := range st.NumFmts {
		custom[f.ID] = f.Code
	}
	out := map[int]bool{}
	for i, xf := range st.Xfs {
		code, ok := custom[xf.NumFmtID]
		if ok && isDateFormat(code) || !ok && builtinDate(xf.NumFmtID) {
			out[i] = true
		}
	}
	return out
}

// builtinDate reports whether a built-in number format (ECMA-376 18.8.30,
// with the ids Excel uses for Chinese dates) is a date or a time.
func builtinDate(id int) bool {
	switch {
	case id >= 14 && id <= 22, id >= 27 && id <= 36, id >= 45 && id <= 47, id >= 50 && id <= 58:
		return true
	}
	return false
}

// isDateFormat reports whether a format code shows a date or a time: it
// has y, m, d, h or s (or 年, 月, 日) outside quoted text, escapes and
// [brackets] (a colour or a condition, but [h] is elapsed hours).
func isDateFormat(code string) bool {
	code = strings.ToLower(code)
	if strings.Contains(code, "[h") || strings.Contains(code, "[m") || strings.Contains(code, "[s") {
		return true
	}
	quoted, bracket := false, false
	rs := []rune(code)
	for i := 0; i < len(rs); i++ {
		switch c := rs[i]; {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\\' || c == '_' || c == '*':
			i++ // the next character is literal, a space's width or a fill
		case c == '[':
			bracket = true
		case c == ']':
			bracket = false
		case bracket:
		case strings.ContainsRune(dateFormatLetters, c):
			return true
		}
	}
	return false
}

// styleIndex reads a cell's s attribute: its format's index, or -1.
func styleIndex(s string) int {
	if s == "" {
		return -1
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

// dateText shows a date cell's value as a date: a serial number as
// yyyy-mm-dd (with the time when it has one), ISO text as it is.
func dateText(v string) string {
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil {
		return v
	}
	t, err := excelize.ExcelDateToTime(f, false)
	if err != nil {
		return v
	}
	if f == float64(int64(f)) {
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02 15:04:05")
}
