package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caili/caili/internal/msg"
)

// commandNames are the commands (and subcommands) whose flags are
// described by the table.
var commandNames = [][]string{
	{"calc"}, {"validate"}, {"explain"}, {"compare"}, {"serve"}, {"template"}, {"import"},
	{"solve"}, {"sensitivity"}, {"verify"}, {"audit"}, {"backup"}, {"restore"},
	{"plan", "save"}, {"plan", "list"}, {"plan", "show"}, {"plan", "diff"}, {"plan", "approve"}, {"plan", "publish"},
	{"token", "create"}, {"token", "list"}, {"token", "revoke"},
	{"objection", "list"}, {"objection", "show"}, {"objection", "accept"}, {"objection", "reject"},
}

// TestCommandHelp: caili <command> -h (or --help, -help) prints the
// command's usage to standard output, exit status 0, in Chinese by
// default and in English with --lang en: its usage line from the usage
// text, and every flag with a description (from the table).
func TestCommandHelp(t *testing.T) {
	for _, name := range commandNames {
		for _, h := range []string{"-h", "--help", "-help"} {
			for _, lang := range []string{"zh", "en"} {
				args := append(append([]string{"--lang", lang}, name...), h)
				out, stderr, code := caili(t, args...)
				if code != 0 || stderr != "" {
					t.Fatalf("%q: exit %d, stderr %q", args, code, stderr)
				}
				checkHelp(t, args, out, "caili "+strings.Join(name, " "), lang)
			}
		}
	}
}

// checkHelp checks a command's usage: its heading in the language, the
// command's usage line, and a description under every flag.
func checkHelp(t *testing.T, args []string, out, command, lang string) {
	t.Helper()
	heading, flags := "用法:\n", "\n参数:\n"
	if lang == "en" {
		heading, flags = "usage:\n", "\nflags:\n"
	}
	if !strings.HasPrefix(out, heading+"  "+command+" ") || !strings.Contains(out, flags) {
		t.Errorf("%q: no usage line or flags:\n%s", args, out)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, "  --") {
			continue
		}
		if i+1 == len(lines) || !strings.HasPrefix(lines[i+1], "      ") || strings.TrimSpace(lines[i+1]) == "" {
			t.Errorf("%q: flag %s has no description", args, l)
		}
	}
}

// TestCommandHelpGolden pins caili calc -h in both languages; -update
// rewrites the golden files.
func TestCommandHelpGolden(t *testing.T) {
	for _, tt := range []struct {
		args   []string
		golden string
	}{
		{[]string{"calc", "-h"}, "help-calc-zh.txt"},
		{[]string{"calc", "--help", "--lang", "en"}, "help-calc-en.txt"},
		{withEnvLang([]string{"calc", "-h"}, "en"), "help-calc-en.txt"},
	} {
		out, _, code := caili(t, tt.args...)
		if code != 0 {
			t.Fatalf("%q: exit %d", tt.args, code)
		}
		wbGolden(t, tt.golden, out)
	}
}

// flagErrorCases are the flag mistakes pinned in both languages, with
// the exit status: an unknown flag with the nearest name, one with no
// name near, a flag without its value (at the end, or followed by
// another flag), values a typed flag refuses (whole number, duration,
// true or false), a --set that is not path=value, and bad syntax.
var flagErrorCases = []struct {
	args []string
	code int
}{
	{[]string{"calc", "--formt", "csv"}, 2},
	{[]string{"calc", "-formt=csv"}, 2},
	{[]string{"compare", "--xyzzy"}, 2},
	{[]string{"explain", "--subdistrict"}, 2},
	{[]string{"explain", "--subdistrict", "--format", "json"}, 2},
	{[]string{"audit", "--limit", "abc"}, 2},
	{[]string{"serve", "--error-pause", "5"}, 2},
	{[]string{"calc", "--stamp=maybe"}, 2},
	{[]string{"calc", "--set", "plan.capacity"}, 2},
	{[]string{"calc", "---format", "csv"}, 2},
	{[]string{"plan", "save", "--nte", "x"}, 2},
	{[]string{"import", "west.csv", "--plan"}, 2},
}

// TestFlagErrorsInBothLanguages pins what the command line says of a
// flag given wrongly: one line from the table, never Go's flag text,
// then how to see the usage; Chinese by default (flag-errors-zh.txt),
// English with --lang en or CAILI_LANG=en (flag-errors-en.txt). Run with
// -update to rewrite the golden files.
func TestFlagErrorsInBothLanguages(t *testing.T) {
	var zh, en strings.Builder
	for _, tt := range flagErrorCases {
		for _, args := range [][]string{tt.args, append(append([]string(nil), tt.args...), "--lang", "en")} {
			if _, stderr, code := caili(t, args...); code != tt.code || strings.Contains(stderr, "flag provided") || strings.Contains(stderr, "Usage of") {
				t.Errorf("%q: exit %d, want %d:\n%s", args, code, tt.code, stderr)
			}
		}
		transcript(t, &zh, "", tt.args)
		transcript(t, &en, "", append(append([]string(nil), tt.args...), "--lang", "en"))
	}
	transcript(t, &en, "en", flagErrorCases[0].args)
	wbGolden(t, "flag-errors-zh.txt", zh.String())
	wbGolden(t, "flag-errors-en.txt", en.String())
}

// TestInformationalOutputInBothLanguages pins what commands say when
// they succeed (validate, plan save, approve, backup, restore), in
// Chinese by default (info-zh.txt) and in English with --lang en
// (info-en.txt); the temporary folder is written $DATA. -update
// rewrites the golden files.
func TestInformationalOutputInBothLanguages(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		dir := t.TempDir()
		data := filepath.Join(dir, "data")
		steps := [][]string{
			{"validate"},
			{"validate", "--plan", "../../testdata/tiny/plan.toml"},
			{"plan", "save", "--id", "tiny", "--plan", "../../testdata/tiny/plan.toml", "--data", data},
			{"plan", "save", "--id", "tiny", "--plan", "../../testdata/tiny/plan.toml", "--data", data},
			{"plan", "approve", "--single-user", "--id", "tiny", "--data", data, "1"},
			{"backup", "--data", data, "--out", filepath.Join(dir, "backup.db")},
			{"restore", "--data", filepath.Join(dir, "restored"), filepath.Join(dir, "backup.db")},
		}
		var b strings.Builder
		for _, args := range steps {
			args = append(args, "--lang", lang)
			out := rec(t, 0, args...)
			fmt.Fprintf(&b, "$ caili %s\n%s\n", strings.Join(args, " "), out)
		}
		wbGolden(t, "info-"+lang+".txt", strings.ReplaceAll(b.String(), dir, "$DATA"))
	}
}

// TestFlagCheck: what the check before parsing lets through and what it
// stops, on a set of flags like a command's: a switch takes no value, a
// value may start with '-' when it names no flag, -- and the first
// argument that is not a flag end the flags.
func TestFlagCheck(t *testing.T) {
	newSet := func() *flagSet {
		fs := newFlagSet("test", nil)
		fs.String("format", "table", msg.FlagFormat, "table|csv")
		fs.Bool("stamp", false, msg.FlagStamp)
		fs.Int("limit", 1, msg.FlagLimit)
		return fs
	}
	for _, tt := range []struct {
		args []string
		want string // "", "usage" or "help"
	}{
		{[]string{"--stamp", "--format", "csv"}, ""},
		{[]string{"--format=csv", "-stamp=true", "-limit", "3"}, ""},
		{[]string{"--format", "-x"}, ""},
		{[]string{"--", "--nope"}, ""},
		{[]string{"file", "--nope"}, "usage"}, // flags after an argument are flags too
		{[]string{"file", "--stamp", "--", "--nope"}, ""},
		{[]string{"--format", "--stamp"}, "usage"},
		{[]string{"--format", "-h"}, "usage"},
		{[]string{"--nope"}, "usage"},
		{[]string{"--limit", "x"}, "usage"},
		{[]string{"--limit=1.5"}, "usage"},
		{[]string{"-=x"}, "usage"},
		{[]string{"--stamp", "-h"}, "help"},
		{[]string{"--help=1"}, "help"},
	} {
		err := newSet().parseFlags(tt.args)
		var u *usageError
		var h *helpRequest
		got := ""
		switch {
		case errors.As(err, &h):
			got = "help"
		case errors.As(err, &u):
			got = "usage"
		case err != nil:
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("%q: %q (%v), want %q", tt.args, got, err, tt.want)
		}
	}
}
