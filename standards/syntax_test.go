package standards

import (
	"regexp"
	"strings"
	"testing"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// englishWord finds a word of English in a Chinese message (TOML's own
// words, true and false, are allowed).
var englishWord = regexp.MustCompile(`[A-Za-z]{4,}`)

// quoted finds what a message quotes from the file (a key, a token).
var quoted = regexp.MustCompile(`“[^”]*”`)

// TestSyntaxErrorsInChinese breaks a plan's TOML in every way the decoder
// names and checks each is one syntax problem at its line, said in
// Chinese by a message of the table (none of the decoder's English) with
// the column, and in English on request.
func TestSyntaxErrorsInChinese(t *testing.T) {
	for _, tt := range []struct {
		text string
		line int
		col  string // in the message: "（第 N 列）"
		want string // in the Chinese message
	}{
		{"name = \"x\" y\n", 2, "第 12 列", "多出了 “y”"},
		{"东 = 1\n", 2, "第 1 列", "须加引号"},
		{"name = \n", 2, "第 8 列", "却是 换行"},
		{"name =", 2, "", "应写值的地方结束"},
		{"name", 2, "", "缺少 = 和值"},
		{"name = \"abc", 2, "", "缺少结尾的引号"},
		{"a = 1\na = 2\n", 3, "", "重复定义"},
		{"x = 1\n[[plan]]\n", 3, "", "表数组"},
		{"a = [1,,2]\n", 2, "", "不应有逗号"},
		{"= 1\n", 2, "", "缺少键名"},
		{".a = 1\n", 2, "", "不应有点"},
		{"[]\n", 2, "", "表名不能为空"},
		{"[a b]\n", 2, "", "表名应以 ] 结束"},
		{"[[a]\n", 2, "", "应以 ]] 结束"},
		{"a = [1 2]\n", 2, "", "以逗号分隔,以 ] 结束"},
		{"a = {b=1 c=2}\n", 2, "", "以 } 结束"},
		{"a = \"x\ny\"\n", 2, "", "不能换行"},
		{"a = .5\n", 2, "", "以数字开头"},
		{"a = 99999999999999999999\n", 2, "", "超出范围"},
		{"a = \"\\q\"\n", 2, "", "转义"},
		{"a = 2025-13-45\n", 2, "", "日期时间"},
	} {
		text := "[plan]\n" + tt.text
		ps := problemsOfText(t, text)
		if len(ps) != 1 || ps[0].Code != formula.CodeSyntax || ps[0].Line != tt.line {
			t.Errorf("%q: problems %v, want one syntax problem at line %d", tt.text, ps, tt.line)
			continue
		}
		zh, en := msg.Problem(msg.Zh, ps[0]), msg.Problem(msg.En, ps[0])
		if !strings.HasPrefix(zh, "TOML 格式错误（第 ") || !strings.Contains(zh, tt.col) || !strings.Contains(zh, tt.want) {
			t.Errorf("%q: %q, want %s and %q", tt.text, zh, tt.col, tt.want)
		}
		for _, w := range englishWord.FindAllString(quoted.ReplaceAllString(zh, ""), -1) {
			if w != "TOML" && w != "true" && w != "false" {
				t.Errorf("%q: English %q in the Chinese %q", tt.text, w, zh)
			}
		}
		if strings.Contains(zh, msg.SynOther.In(msg.Zh)) || !strings.HasPrefix(en, "not valid TOML (column ") {
			t.Errorf("%q: not named: %q / %q", tt.text, zh, en)
		}
	}
}

// problemsOfText parses a plan's text and returns its problems.
func problemsOfText(t *testing.T, text string) []formula.Problem {
	t.Helper()
	_, err := Parse("plan.toml", []byte(text), nil)
	return formula.ProblemsOf(err)
}
