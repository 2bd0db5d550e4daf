package msg

import (
	"regexp"
	"slices"
	"testing"
)

// verbs finds the fmt verbs of a format, ignoring %%.
var verbs = regexp.MustCompile(`%(?:\[\d+\])?[-+# 0]*\d*(?:\.\d+)?[a-zA-Z%]`)

func verbsOf(format string) []string {
	var out []string
	for _, v := range verbs.FindAllString(format, -1) {
		if v != "%%" {
			out = append(out, v)
		}
	}
	return out
}

// TestEveryMessageHasBothLanguages checks the whole table: each message
// is said in Chinese and in English, and both take the same arguments in
// the same order.
func TestEveryMessageHasBothLanguages(t *testing.T) {
	if len(All()) == 0 {
		t.Fatal("the table is empty")
	}
	for _, m := range All() {
		zh, en := m.Formats()
		if zh == "" || en == "" {
			t.Errorf("message %q / %q lacks a language", zh, en)
			continue
		}
		if a, b := verbsOf(zh), verbsOf(en); !slices.Equal(a, b) {
			t.Errorf("message %q takes %v in Chinese but %v in English (%q)", zh, a, b, en)
		}
	}
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Lang
		ok   bool
	}{
		{"", Zh, true}, {"zh", Zh, true}, {"zh-CN", Zh, true}, {"zh-Hans-CN", Zh, true},
		{"en", En, true}, {"EN", En, true}, {"en-US", En, true}, {"fr", Zh, false}, {"!!", Zh, false},
	} {
		got, ok := Parse(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Parse(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestFromAcceptLanguage(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Lang
	}{
		{"", Zh}, {"en", En}, {"en-US,en;q=0.9", En}, {"zh-CN,zh;q=0.9,en;q=0.8", Zh},
		{"fr-FR,en;q=0.5", En}, {"fr", Zh}, {";;;", Zh}, {"en;q=0.2,zh;q=0.9", Zh},
	} {
		if got := FromAcceptLanguage(tc.in); got != tc.want {
			t.Errorf("FromAcceptLanguage(%q) = %v; want %v", tc.in, got, tc.want)
		}
	}
}

func TestIn(t *testing.T) {
	m := Message{zh: "不能为负数（实为 %s）", en: "must not be negative (got %s)"}
	if got := m.In(Zh, "-1"); got != "不能为负数（实为 -1）" {
		t.Errorf("Zh: %q", got)
	}
	if got := m.In(En, "-1"); got != "must not be negative (got -1)" {
		t.Errorf("En: %q", got)
	}
	zh, en := Message{zh: "100%", en: "100%"}.Both()
	if zh != "100%" || en != "100%" {
		t.Errorf("a format without arguments is printed as it is: %q %q", zh, en)
	}
}

func TestMessageArgumentsAreRenderedInTheLanguage(t *testing.T) {
	word := Message{zh: "街道", en: "sub-districts"}
	m := Message{zh: "没有 %q 的%s", en: "no %q among the %s"}
	zh, en := m.Both("x", word)
	if zh != `没有 "x" 的街道` || en != `no "x" among the sub-districts` {
		t.Errorf("got %q / %q", zh, en)
	}
	if got := m.In(En, "y", word); got != `no "y" among the sub-districts` {
		t.Errorf("In: %q", got)
	}
}

// sayer says itself in either language.
type sayer struct{}

func (sayer) In(l Lang) string { return Message{zh: "文件夹", en: "a directory"}.In(l) }

func TestArgumentsSaidInTheMessagesLanguage(t *testing.T) {
	m := Message{zh: "不是普通文件（是%s）", en: "not a regular file (%s)"}
	if got := m.In(En, sayer{}); got != "not a regular file (a directory)" {
		t.Errorf("En: %q", got)
	}
	if zh, _ := m.Both(sayer{}); zh != "不是普通文件（是文件夹）" {
		t.Errorf("Zh: %q", zh)
	}
}
