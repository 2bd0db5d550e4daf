package main

import (
	"errors"
	"flag"
	"io"
	"strings"
	"time"

	"github.com/caili/caili/internal/app"
	domain "github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/textutil"
)

// A command's flags: Go's flag package does the parsing, but every
// description comes from the message table (internal/msg/flags.go) and
// every mistake is said from it too, in the chosen language. Go's own
// English text never reaches the user: the arguments are checked
// against the flags before the flag package parses them (an unknown
// flag, with the nearest name; a flag without its value; -h or --help),
// and each flag's value is wrapped so that a value it refuses is caught
// where it is set. The flag package writes nothing (io.Discard).

// flagSet is a command's flags with their descriptions. Its methods
// String, StringVar, Bool, BoolVar, Int, Duration and Var shadow the flag
// package's: they take a msg.Message instead of a usage text, so a flag
// without a description in the table does not compile.
type flagSet struct {
	*flag.FlagSet
	command string             // "calc", "plan save"
	docs    map[string]flagDoc // flag name → description
	refused error              // the value a flag refused, as a usage error
}

// newFlagSet is the flags of the command name ("calc", "plan save"). The
// flag package writes nothing; the writer argument (the command's
// standard error) is kept so that every command calls it the same way.
func newFlagSet(name string, _ io.Writer) *flagSet {
	fs := flag.NewFlagSet("caili "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return &flagSet{FlagSet: fs, command: name, docs: map[string]flagDoc{}}
}

// flagDoc is a flag's description: a message of the table and its
// arguments.
type flagDoc struct {
	m    msg.Message
	args []any
}

// describe records the flag's description and wraps its value.
func (f *flagSet) describe(name string, doc msg.Message, args []any) {
	f.docs[name] = flagDoc{doc, args}
	fl := f.Lookup(name)
	fl.Value = &checkedValue{Value: fl.Value, set: f, name: name}
}

// StringVar defines a string flag described by doc.
func (f *flagSet) StringVar(p *string, name, value string, doc msg.Message, args ...any) {
	f.FlagSet.StringVar(p, name, value, "")
	f.describe(name, doc, args)
}

// String defines a string flag described by doc (with its args).
func (f *flagSet) String(name, value string, doc msg.Message, args ...any) *string {
	p := new(string)
	f.StringVar(p, name, value, doc, args...)
	return p
}

// BoolVar defines a bool flag (it takes no value) described by doc.
func (f *flagSet) BoolVar(p *bool, name string, value bool, doc msg.Message, args ...any) {
	f.FlagSet.BoolVar(p, name, value, "")
	f.describe(name, doc, args)
}

// Bool defines a bool flag described by doc.
func (f *flagSet) Bool(name string, value bool, doc msg.Message, args ...any) *bool {
	p := new(bool)
	f.BoolVar(p, name, value, doc, args...)
	return p
}

// Int defines an int flag described by doc.
func (f *flagSet) Int(name string, value int, doc msg.Message, args ...any) *int {
	p := new(int)
	f.FlagSet.IntVar(p, name, value, "")
	f.describe(name, doc, args)
	return p
}

// Duration defines a duration flag described by doc.
func (f *flagSet) Duration(name string, value time.Duration, doc msg.Message, args ...any) *time.Duration {
	p := new(time.Duration)
	f.FlagSet.DurationVar(p, name, value, "")
	f.describe(name, doc, args)
	return p
}

// Var defines a flag of its own value type described by doc.
func (f *flagSet) Var(v flag.Value, name string, doc msg.Message, args ...any) {
	f.FlagSet.Var(v, name, "")
	f.describe(name, doc, args)
}

// helpRequest is -h or --help: run prints the command's usage, in the
// chosen language, to standard output (exit status 0).
type helpRequest struct{ set *flagSet }

func (h *helpRequest) Error() string { return "help requested" }

// parseFlags checks args against the flags, then parses them. Flags may
// come before or after the other arguments (caili token revoke ID
// --data DIR); after --, nothing is a flag. A mistake is a usage error
// said from the table, followed by the hint to run caili <command> -h.
func (f *flagSet) parseFlags(args []string) error {
	var rest []string
	for len(args) > 0 {
		if err := f.parseRun(args); err != nil {
			return err
		}
		left := f.Args()
		if used := len(args) - len(left); used > 0 && args[used-1] == "--" {
			rest = append(rest, left...)
			break
		}
		if len(left) == 0 {
			break
		}
		rest, args = append(rest, left[0]), left[1:]
	}
	return f.Parse(append([]string{"--"}, rest...))
}

// parseRun checks and parses one run of flags, up to the first argument
// that is not one.
func (f *flagSet) parseRun(args []string) error {
	if err := f.check(args); err != nil {
		return err
	}
	f.refused = nil
	if err := f.Parse(args); err != nil {
		if f.refused != nil {
			return f.withHint(f.refused)
		}
		return &usageError{msg: err.Error()} // not reached: check found the rest
	}
	return nil
}

// check goes through the flags of args as the flag package will (up to
// the first argument that is not a flag, or --), and finds what it would
// refuse before it sees it: bad syntax, an unknown flag, a flag that
// needs a value and has none (nothing follows, or another flag of the
// command does), or a request for help.
func (f *flagSet) check(args []string) error {
	for i := 0; i < len(args); i++ {
		s := args[i]
		if len(s) < 2 || s[0] != '-' || s == "--" {
			return nil
		}
		name := strings.TrimPrefix(s[1:], "-")
		if name == "" || name[0] == '-' || name[0] == '=' {
			return f.withHint(usagef(msg.FlagSyntax, s))
		}
		name, _, hasValue := strings.Cut(name, "=")
		fl := f.Lookup(name)
		switch {
		case fl == nil && (name == "h" || name == "help"):
			return &helpRequest{set: f}
		case fl == nil:
			return f.withHint(f.unknown(name))
		case hasValue || isBoolFlag(fl):
			continue
		case i+1 == len(args) || f.isFlag(args[i+1]):
			return f.withHint(usagef(msg.FlagNeedsValue, "--"+name))
		}
		i++
	}
	return nil
}

// isFlag reports whether s names a flag of the command (or asks for
// help), so that it is not taken as the value of the flag before it.
func (f *flagSet) isFlag(s string) bool {
	if len(s) < 2 || s[0] != '-' {
		return false
	}
	name, _, _ := strings.Cut(strings.TrimPrefix(s[1:], "-"), "=")
	return f.Lookup(name) != nil || name == "h" || name == "help"
}

// unknown is an unknown flag, with the nearest of the command's flags.
func (f *flagSet) unknown(name string) error {
	var names []string
	f.VisitAll(func(fl *flag.Flag) { names = append(names, fl.Name) })
	if near := textutil.Nearest(name, names, 1); len(near) > 0 {
		return usagef(msg.FlagUnknownNear, "--"+name, "--"+near[0])
	}
	return usagef(msg.FlagUnknown, "--"+name)
}

// withHint adds the line that says how to see the command's usage.
func (f *flagSet) withHint(err error) error {
	var u *usageError
	if !errors.As(err, &u) {
		return err
	}
	zh, en := msg.FlagSeeHelp.Both(f.command)
	return &usageError{msg: u.in(msg.Zh) + "\n" + zh, en: u.in(msg.En) + "\n" + en}
}

func isBoolFlag(fl *flag.Flag) bool {
	b, ok := fl.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// checkedValue is a flag's value that records, as a usage error said
// from the table, a value it refuses.
type checkedValue struct {
	flag.Value
	set  *flagSet
	name string
}

// Set sets the value, recording a refusal.
func (v *checkedValue) Set(s string) error {
	err := v.Value.Set(s)
	if err != nil {
		v.set.refused = badValue("--"+v.name, s, v.Value, err)
	}
	return err
}

// IsBoolFlag is the wrapped value's: a bool flag takes no value.
func (v *checkedValue) IsBoolFlag() bool {
	b, ok := v.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// Get is the wrapped value's, for a typed flag.
func (v *checkedValue) Get() any {
	if g, ok := v.Value.(flag.Getter); ok {
		return g.Get()
	}
	return nil
}

// badValue is a value the flag name refused: what a typed flag wants,
// or what the value type said of it (an *app.Error, a usage error or
// any error).
func badValue(name, value string, v flag.Value, err error) error {
	var want msg.Message
	if g, ok := v.(flag.Getter); ok {
		switch g.Get().(type) {
		case bool:
			want = msg.FlagWantBool
		case int, int64, uint, uint64:
			want = msg.FlagWantInt
		case float64:
			want = msg.FlagWantNumber
		case time.Duration:
			want = msg.FlagWantDuration
		}
	}
	if want != (msg.Message{}) {
		return usagef(msg.FlagBadValue, name, value, want)
	}
	zh, en := err.Error(), err.Error()
	var u *usageError
	if errors.As(err, &u) {
		zh, en = u.in(msg.Zh), u.in(msg.En)
	} else if ae := app.Classify(err); ae.Kind != domain.KindInternal {
		zh, en = msg.ErrorWords(msg.Zh, ae), msg.ErrorWords(msg.En, ae)
	}
	return &usageError{msg: msg.FlagBadValue.In(msg.Zh, name, value, zh), en: msg.FlagBadValue.In(msg.En, name, value, en)}
}
