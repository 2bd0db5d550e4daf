package main

import (
	"fmt"
	"strings"
	"testing"
)

// errorCases are the command lines whose errors are pinned in both
// languages: a plan with several problems (a mistyped key, a negative
// amount, factor weights that do not sum to 1, a quantity missing from a
// sub-district, a misspelt quantity), an unknown --set path with its
// suggestion, and an unknown sub-district name with its suggestion.
var errorCases = [][]string{
	{"calc", "--plan", "../../testdata/errors/broken.toml"},
	{"calc", "--set", "plan.capacit=2600000000"},
	{"explain", "--subdistrict", "德胜"},
	{"calc", "--format", "pdf"},
}

// TestErrorsInBothLanguages pins what the command line says of mistakes:
// in Chinese by default (errors-zh.txt), in English with --lang en
// wherever it stands, or with CAILI_LANG=en (errors-en.txt). Run with
// -update to rewrite the golden files.
func TestErrorsInBothLanguages(t *testing.T) {
	var zh, en strings.Builder
	for _, args := range errorCases {
		transcript(t, &zh, "", args)
		transcript(t, &en, "", append(append([]string(nil), args...), "--lang", "en"))
	}
	transcript(t, &en, "en", errorCases[0])
	wbGolden(t, "errors-zh.txt", zh.String())
	wbGolden(t, "errors-en.txt", en.String())
}

// transcript runs caili with args (and CAILI_LANG=env when env is not
// empty, as main would) and writes the command, its standard error and
// its exit status.
func transcript(t *testing.T, w *strings.Builder, env string, args []string) {
	t.Helper()
	prefix := "$ caili "
	if env != "" {
		prefix = "$ CAILI_LANG=" + env + " caili "
	}
	out, stderr, code := caili(t, withEnvLang(args, env)...)
	if out != "" {
		t.Errorf("%q wrote to stdout: %.200q", args, out)
	}
	if code == 0 {
		t.Errorf("%q succeeded", args)
	}
	fmt.Fprintf(w, "%s%s\n%sexit %d\n\n", prefix, strings.Join(args, " "), stderr, code)
}

// TestLanguageSetting: --lang is taken wherever it stands before `--`,
// the last one winning; CAILI_LANG comes before the arguments, so that
// --lang wins over it; an unknown language is a usage error naming zh
// and en.
func TestLanguageSetting(t *testing.T) {
	for _, tt := range []struct {
		args []string
		lang string
		rest []string
	}{
		{[]string{"calc"}, "", []string{"calc"}},
		{[]string{"calc", "--lang", "en"}, "en", []string{"calc"}},
		{[]string{"--lang=en", "calc", "--lang", "zh", "--format", "csv"}, "zh", []string{"calc", "--format", "csv"}},
		{withEnvLang([]string{"calc", "--lang=zh"}, "en"), "zh", []string{"calc"}},
		{withEnvLang([]string{"calc"}, "en"), "en", []string{"calc"}},
		{[]string{"calc", "--", "--lang", "en"}, "", []string{"calc", "--", "--lang", "en"}},
	} {
		lang, rest := langArgs(tt.args)
		if lang != tt.lang || strings.Join(rest, " ") != strings.Join(tt.rest, " ") {
			t.Errorf("langArgs(%q) = %q, %q; want %q, %q", tt.args, lang, rest, tt.lang, tt.rest)
		}
	}
	for _, args := range [][]string{{"--lang", "fr", "calc"}, withEnvLang([]string{"calc"}, "klingon")} {
		_, stderr, code := caili(t, args...)
		if code != 2 || !strings.Contains(stderr, "zh") || !strings.Contains(stderr, "en") {
			t.Errorf("%q: exit %d, stderr %q; want 2 naming zh and en", args, code, stderr)
		}
	}
}
