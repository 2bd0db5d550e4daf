package app

import (
	"regexp"
	"strings"

	"github.com/caili/caili/internal/textutil"
	"github.com/caili/caili/standards"
)

// NameRE is what a plan id or a scenario name must look like: no dots,
// slashes or other path tricks. Plans, saved scenarios, the API and the
// dashboard's form all check names against it.
var NameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)

// ValidName reports whether s may name a plan or a scenario.
func ValidName(s string) bool { return NameRE.MatchString(s) }

// Clip shortens client text quoted in a message (textutil.Clip, 80 runes).
func Clip(s string) string { return textutil.Clip(s, 80) }

// SetPrefix starts a request parameter that overrides a value of the
// plan: `set.<path>=<value>`, with a path of rules §4.
const SetPrefix = "set."

// MaxOverrides is the most overrides one request may carry.
const MaxOverrides = 100

// SetPath reads the override path of a request parameter `set.<path>`;
// isSet is false when k is not one. The path may be empty (a mistake the
// caller reports).
func SetPath(k string) (path string, isSet bool) {
	p, ok := strings.CutPrefix(k, SetPrefix)
	return strings.TrimSpace(p), ok
}

// NewOverride is an override a request asks for: its path and value
// trimmed, located in the file "query".
func NewOverride(path, value string) standards.Override {
	return standards.Override{Path: strings.TrimSpace(path), Value: strings.TrimSpace(value), File: "query"}
}
