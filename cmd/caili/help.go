package main

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/caili/caili/internal/msg"
)

// A command's usage (caili <command> -h) and what the commands say to a
// person, in the chosen language.

// text is the command's usage in language l: its lines of the usage
// (usage.go, or the subcommands' usage), then each flag with its
// description from the table and its default, then --lang.
func (h *helpRequest) text(l msg.Lang) string {
	var b strings.Builder
	b.WriteString(msg.FlagHelpUsage.In(l) + "\n")
	syn := synopsis(h.set.command)
	if syn == "" {
		syn = "  caili " + h.set.command + " …\n"
	}
	b.WriteString(syn)
	b.WriteString("\n" + msg.FlagHelpFlags.In(l) + "\n")
	h.set.VisitAll(func(fl *flag.Flag) {
		d := h.set.docs[fl.Name]
		doc := d.m.In(l, d.args...)
		fmt.Fprintf(&b, "  --%s%s\n      %s", fl.Name, placeholder(fl, l), doc)
		if !isZeroDefault(fl) {
			b.WriteString(msg.FlagHelpDefault.In(l, fl.DefValue))
		}
		b.WriteString("\n")
	})
	fmt.Fprintf(&b, "  --lang en\n      %s\n", msg.FlagHelpLang.In(l))
	return b.String()
}

// placeholder is what a flag's value is called in its usage: nothing
// for a bool flag.
func placeholder(fl *flag.Flag, l msg.Lang) string {
	if isBoolFlag(fl) {
		return ""
	}
	what := msg.FlagValue
	if g, ok := fl.Value.(flag.Getter); ok {
		switch g.Get().(type) {
		case int, int64, uint, uint64:
			what = msg.FlagValueN
		case time.Duration:
			what = msg.FlagValueDuration
		}
	}
	return " " + what.In(l)
}

// isZeroDefault reports whether a flag's default is its type's zero
// value, which the usage does not show.
func isZeroDefault(fl *flag.Flag) bool {
	switch fl.DefValue {
	case "", "0", "false", "0s", "[]":
		return true
	}
	return false
}

// synopsis is the lines of a usage text that show the command name
// ("calc", "plan save"), each with the lines that carry it on: those of
// the subcommands' usage first, else those of caili's.
func synopsis(name string) string {
	want := append([]string{"caili"}, strings.Fields(name)...)
	for _, text := range []string{planUsage, tokenUsage, objectionUsage, yearUsage, executionUsage, commands} {
		if s := synopsisIn(text, want); s != "" {
			return s
		}
	}
	return ""
}

// synopsisIn is the lines of text that start with the words want, with
// the lines that carry them on.
func synopsisIn(text string, want []string) string {
	var b strings.Builder
	in := false
	for _, line := range strings.Split(text, "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) >= len(want) && slices.Equal(f[:len(want)], want):
			in = true
		case in && len(f) > 0 && f[0] != "caili" && strings.HasPrefix(line, " "):
		default:
			in = false
		}
		if in {
			b.WriteString(line + "\n")
		}
	}
	return b.String()
}

// langWriter is an output that knows the language it is read in: run
// gives the commands their standard output and error as langWriters, so
// that what they say to a person (say) is in the chosen language.
type langWriter struct {
	io.Writer
	lang msg.Lang
}

// inLang is w, read in language l.
func inLang(w io.Writer, l msg.Lang) io.Writer {
	return &langWriter{Writer: w, lang: l}
}

// langOf is the language w is read in: Chinese unless run said
// otherwise.
func langOf(w io.Writer) msg.Lang {
	if lw, ok := w.(*langWriter); ok {
		return lw.lang
	}
	return msg.Zh
}

// say writes a message of the table, in w's language, as a line.
func say(w io.Writer, m msg.Message, args ...any) error {
	_, err := fmt.Fprintln(w, m.In(langOf(w), args...))
	return err
}

// inWords is v in language l: a word of the table (a msg.Message, a
// text a layer names) said in l, anything else as it is.
func inWords(l msg.Lang, v any) string { return msg.Verbatim.In(l, v) }

// subUsage writes the usage lines of a command of subcommands (caili
// plan, token, objection) under the heading in w's language.
func subUsage(w io.Writer, lines string) {
	fmt.Fprintln(w, msg.FlagHelpUsage.In(langOf(w))+"\n"+lines)
}

// isHelp reports whether an argument asks for help.
func isHelp(arg string) bool {
	switch arg {
	case "-h", "--help", "-help":
		return true
	}
	return false
}
