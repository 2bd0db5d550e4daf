package standards

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/caili/caili/internal/msg"
)

// A TOML file that does not parse is said in the person's language, not
// in the decoder's English: each message BurntSushi/toml writes (its
// error types are not exported, so their texts are matched) maps to one
// of the table's (internal/msg, syntax.go), with the token it quotes.

// syntaxRule maps one decoder message to a message of the table; the
// pattern's first group, if any, is the token the message quotes.
type syntaxRule struct {
	re *regexp.Regexp
	m  msg.Message
}

// syntaxRules are the decoder's messages, most specific first.
var syntaxRules = []syntaxRule{
	{regexp.MustCompile(`^expected a top-level item to end with a newline, comment, or EOF, but got (.+) instead$`), msg.SynOneItem},
	{regexp.MustCompile(`^expected '\.' or '=', but got (.+) instead$`), msg.SynKeyName},
	{regexp.MustCompile(`^expected value but found (.+) instead$`), msg.SynNoValue},
	{regexp.MustCompile(`^unexpected EOF; expected value$`), msg.SynEOFValue},
	{regexp.MustCompile(`^unexpected EOF; expected key separator '='$`), msg.SynEOFKeySep},
	{regexp.MustCompile(`^unexpected EOF; expected (['"].*)$`), msg.SynEOFString},
	{regexp.MustCompile(`^unexpected EOF$`), msg.SynEOF},
	{regexp.MustCompile(`^Key '(.*)' has already been defined\.$`), msg.SynDuplicate},
	{regexp.MustCompile(`^Key '(.*)' was already created as a hash\.$`), msg.SynWasTable},
	{regexp.MustCompile(`^Key '(.*)' was already created and cannot be used as an array\.$`), msg.SynWasArray},
	{regexp.MustCompile(`^(.+) is not a table$`), msg.SynNotTable},
	{regexp.MustCompile(`^unexpected comma$`), msg.SynComma},
	{regexp.MustCompile(`^unexpected '=': key name appears blank$`), msg.SynBlankKey},
	{regexp.MustCompile(`^unexpected '='$`), msg.SynEquals},
	{regexp.MustCompile(`^unexpected '\.'`), msg.SynDot},
	{regexp.MustCompile(`^unexpected (?:table separator|end of table name) \(table names cannot be empty\)$`), msg.SynEmptyTable},
	{regexp.MustCompile(`^expected '\.' or '\]' to end table name, but got (.+) instead$`), msg.SynTableEnd},
	{regexp.MustCompile(`^expected end of table array name delimiter '\]', but got (.+) instead$`), msg.SynArrayEnd},
	{regexp.MustCompile(`^expected a comma \(','\) or array terminator \('\]'\), but got (.+)$`), msg.SynArraySep},
	{regexp.MustCompile(`^expected a comma or an inline table terminator '\}', but got (.+) instead$`), msg.SynInlineSep},
	{regexp.MustCompile(`newlines not allowed within inline tables`), msg.SynInlineNL},
	{regexp.MustCompile(`strings cannot contain newlines`), msg.SynStringNL},
	{regexp.MustCompile(`^floats must start with a digit`), msg.SynFloatDot},
	{regexp.MustCompile(`^(?:invalid float|not an? (?:octal|hexadecimal|binary) number|cannot use sign with non-decimal numbers): (.+)$`), msg.SynNumber},
	{regexp.MustCompile(`^expected a digit but got (.+)$`), msg.SynNumber},
	{regexp.MustCompile(`^(.+) is out of range for `), msg.SynRange},
	{regexp.MustCompile(`^invalid escape in string (.+)$`), msg.SynEscape},
	{regexp.MustCompile(`^expected (?:two|four|eight) hexadecimal digits after (.+), but got`), msg.SynEscape},
	{regexp.MustCompile(`control characters: (.+)$`), msg.SynControl},
	{regexp.MustCompile(`^invalid datetime: (.+)$`), msg.SynDatetime},
}

// syntaxWords says what a decoder's error in src means, in words of the
// table: the line, and the message (SynAt with the column) and its
// arguments. Line and column are counted from the offset the decoder
// gives, in characters (its own column counts bytes, and its line is the
// next one when it stopped at a line's end).
func syntaxWords(pe toml.ParseError, src string) (line int, m msg.Message, args []any) {
	what := msg.SynOther.Words()
	for _, r := range syntaxRules {
		g := r.re.FindStringSubmatch(pe.Message)
		if g == nil {
			continue
		}
		if len(g) > 1 {
			what = r.m.Words(token(g[1]))
		} else {
			what = r.m.Words()
		}
		break
	}
	line, col := position(src, pe.Position.Start)
	if line == 0 {
		line, col = pe.Position.Line, 1
	}
	return line, msg.SynAt, []any{col, what}
}

// position is the 1-based line and column, in characters, of the byte
// offset start of src, past any blanks there (the decoder points at the
// blank before what it refuses); 0, 0 for an offset outside src.
func position(src string, start int) (line, col int) {
	if start < 0 || start > len(src) {
		return 0, 0
	}
	for start < len(src) && (src[start] == ' ' || src[start] == '\t') {
		start++
	}
	before := src[:start]
	text := before[strings.LastIndexByte(before, '\n')+1:]
	return strings.Count(before, "\n") + 1, utf8.RuneCountInString(text) + 1
}

// token shows a token the decoder quoted (Go syntax: 'x', "x", '\n') as a
// person reads it: quoted in the message's language, or the word for a
// line break.
func token(q string) any {
	s := q
	if u, err := strconv.Unquote(q); err == nil {
		s = u
	} else if len(q) >= 2 && q[0] == '\'' && q[len(q)-1] == '\'' {
		s = q[1 : len(q)-1]
	}
	switch s {
	case "\n", "\r\n", "\r":
		return msg.SynLineBreak
	case "":
		return q
	}
	return quotedToken(clip(strings.TrimSpace(s)))
}

// quotedToken is a token quoted in the message's language.
type quotedToken string

// In quotes the token: “x” in Chinese, "x" in English.
func (t quotedToken) In(l msg.Lang) string {
	if l == msg.En {
		return `"` + string(t) + `"`
	}
	return "“" + string(t) + "”"
}
