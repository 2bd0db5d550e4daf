package msg

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/caili"
)

// Lang is a language messages can be rendered in.
type Lang uint8

// The languages. The zero value is Chinese, the default.
const (
	Zh Lang = iota // 中文, the default
	En             // English
)

// String is the language's tag: "zh" or "en".
func (l Lang) String() string {
	if l == En {
		return "en"
	}
	return "zh"
}

// Message is one entry of the table: its key, and a Chinese and an
// English format, each taking the same arguments in the same order (as
// fmt.Sprintf). Messages are declared once, as package variables of this
// package, each keyed by its variable's name; their zero value renders as
// the empty string.
//
// The key lets a layer that may not import this package say a message by
// name: formula's problems carry a formula.Text, which is a key, and are
// rendered here (Problem, Words).
type Message struct {
	key, zh, en string
}

// all is every message declared, for the test that both languages take
// the same arguments; byKey finds a message by its key. Both are written
// only while the package initialises.
var (
	all   []Message
	byKey = map[string]Message{}
)

// def declares a message under key (its variable's name).
func def(key, zh, en string) Message {
	m := Message{key: key, zh: zh, en: en}
	all = append(all, m)
	byKey[key] = m
	return m
}

// All returns every message of the table, in the order declared.
func All() []Message { return append([]Message(nil), all...) }

// Lookup finds the message of a key; false when the table has none.
func Lookup(key string) (Message, bool) {
	m, ok := byKey[key]
	return m, ok
}

// Key is the message's key: the name of its variable in this package.
func (m Message) Key() string { return m.key }

// Formats returns the message's Chinese and English formats.
func (m Message) Formats() (zh, en string) { return m.zh, m.en }

// In renders the message in l. An argument that is itself a Message
// (without arguments of its own), a Sayer, a formula.Text or
// formula.Words is rendered in l too, so that a message may name a word
// of the table, such as a table of the plan.
func (m Message) In(l Lang, args ...any) string {
	if l == En {
		return sprintf(m.en, l, args)
	}
	return sprintf(m.zh, l, args)
}

// Both renders the message in Chinese and in English, for values that
// carry both so that the language can be chosen where they are shown.
func (m Message) Both(args ...any) (zh, en string) {
	return sprintf(m.zh, Zh, args), sprintf(m.en, En, args)
}

// sprintf formats in l without treating a format with no verbs and no
// arguments specially.
func sprintf(format string, l Lang, args []any) string {
	if len(args) == 0 {
		return format
	}
	var in []any
	for i, a := range args {
		var s string
		switch w := a.(type) {
		case Message:
			s = w.In(l)
		case Sayer:
			s = w.In(l)
		case formula.Text:
			s = Text(l, w)
		case formula.Words:
			s = Say(l, w)
		case []formula.Words:
			s = Problem(l, formula.Problem{Says: w})
		case caili.Text:
			s = Text(l, w)
		case caili.Words:
			s = Text(l, w.Text, w.Args...)
		case []caili.Words:
			s = ErrorWords(l, &caili.Error{Says: w})
		case formula.Problem:
			s = ProblemLine(l, w)
		default:
			continue
		}
		if in == nil {
			in = append([]any(nil), args...)
		}
		in[i] = s
	}
	if in != nil {
		args = in
	}
	return fmt.Sprintf(format, args...)
}

// Parse reads a language setting such as "en", "en-US", "zh" or
// "zh-Hans-CN". It reports false for anything it does not know, so a
// caller can refuse it; the empty string is Chinese.
func Parse(s string) (Lang, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Zh, true
	}
	t, err := language.Parse(s)
	if err != nil {
		return Zh, false
	}
	switch base, _ := t.Base(); base.String() {
	case "zh":
		return Zh, true
	case "en":
		return En, true
	}
	return Zh, false
}

// matcher picks Chinese or English from an Accept-Language list.
var matcher = language.NewMatcher([]language.Tag{language.Chinese, language.English})

// FromAcceptLanguage chooses the language of an HTTP Accept-Language
// header: English when the client prefers it to Chinese, Chinese
// otherwise (and for an empty or malformed header).
func FromAcceptLanguage(h string) Lang {
	if strings.TrimSpace(h) == "" {
		return Zh
	}
	tags, _, err := language.ParseAcceptLanguage(h)
	if err != nil || len(tags) == 0 {
		return Zh
	}
	_, i, c := matcher.Match(tags...)
	if i == 1 && c != language.No {
		return En
	}
	return Zh
}

// Sayer is a value that can say itself in either language, such as an
// error whose words come from the table. Passed as an argument of a
// message, it is said in the message's language.
type Sayer interface {
	In(Lang) string
}
