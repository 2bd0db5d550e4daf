package main

import (
	"fmt"
	"strings"
	"testing"
)

// messageRuns are the commands whose words issue 21 changed or added,
// each run in Chinese and in English: warnings beside a result (an
// override damping absorbs, money kept back) and the words of a plan the
// rules cannot fund.
var messageRuns = [][]string{
	{"validate", "--set", "project.vector_control.unit_cost=3"},
	{"validate", "--scenario", "capacity_minus_5pct"},
	{"validate", "--plan", "../../testdata/rules/plan.toml"},
	{"calc", "--set", "plan.capacity=1000000000"},
}

// TestMessagesInBothLanguages pins what those commands say, stdout and
// stderr, in Chinese (messages-zh.txt) and in English (messages-en.txt):
// the words change with the language, the exit status does not. Run
// `go test ./cmd/caili -run TestMessagesInBothLanguages -update` after an
// intended change, and review the diff.
func TestMessagesInBothLanguages(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		var b strings.Builder
		for _, args := range messageRuns {
			out, errs, code := caili(t, append([]string{"--lang", lang}, args...)...)
			if args[0] == "validate" && code != 0 {
				t.Errorf("%s: exit %d: %s", strings.Join(args, " "), code, errs)
			}
			fmt.Fprintf(&b, "$ caili %s\nexit %d\n", strings.Join(args, " "), code)
			if args[0] == "validate" {
				b.WriteString(out)
			}
			b.WriteString(errs)
			b.WriteString("\n")
		}
		wbGolden(t, "messages-"+lang+".txt", b.String())
	}
}

// TestScenarioByName: --scenario takes a built-in scenario's [scenario]
// name as well as its file name, with the same result.
func TestScenarioByName(t *testing.T) {
	byFile, _, code := caili(t, "compare", "--scenario", "capacity_minus_5pct")
	if code != 0 {
		t.Fatalf("by file: exit %d", code)
	}
	byName, stderr, code := caili(t, "compare", "--scenario", "财力总额减少 5%")
	if code != 0 || byName != byFile {
		t.Errorf("by name: exit %d, same output %v: %s", code, byName == byFile, stderr)
	}
}
