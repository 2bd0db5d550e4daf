package standards

import (
	"fmt"
	"math"
	"regexp"
	"strconv"

	"github.com/caili/caili/internal/textutil"
	"github.com/shopspring/decimal"
)

// numberPattern is the text form of a number in a plan (rules §2): no
// exponents, no `+`, `_` or spaces.
var numberPattern = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// Number is a plan value that may be written as a TOML integer, float or
// string. Decoding never fails: a bad value is kept as a problem so that
// every problem in a file can be reported together.
type Number struct {
	Set     bool            // the key was present
	Dec     decimal.Decimal // the exact value, when Problem is empty
	Problem string          // why the value is not a number
}

// UnmarshalTOML implements [toml.Unmarshaler].
func (n *Number) UnmarshalTOML(v any) error {
	*n = parseNumber(v)
	return nil
}

func parseNumber(v any) Number {
	n := Number{Set: true}
	switch x := v.(type) {
	case int64:
		n.Dec = decimal.NewFromInt(x)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			n.Problem = fmt.Sprintf("must be a finite number (got %v)", x)
			return n
		}
		// The shortest decimal that reads back as the same float: the
		// number the person typed.
		d, err := decimal.NewFromString(strconv.FormatFloat(x, 'f', -1, 64))
		if err != nil {
			n.Problem = fmt.Sprintf("cannot read %v as a number", x)
			return n
		}
		n.Dec = d
	case string:
		if !numberPattern.MatchString(x) {
			n.Problem = fmt.Sprintf("%q is not a number (digits with an optional decimal point; no exponents, '+', '_' or spaces)", clip(x))
			return n
		}
		d, err := decimal.NewFromString(x)
		if err != nil {
			n.Problem = fmt.Sprintf("%q is not a number", clip(x))
			return n
		}
		n.Dec = d
	default:
		n.Problem = fmt.Sprintf("must be a number, not %s", tomlKind(v))
	}
	return n
}

// Text is a plan value that must be a TOML string.
type Text struct {
	Set     bool   // the key was present
	S       string // the text, when Problem is empty
	Problem string // why the value is not a string
}

// UnmarshalTOML implements [toml.Unmarshaler].
func (t *Text) UnmarshalTOML(v any) error {
	*t = parseText(v)
	return nil
}

func parseText(v any) Text {
	if s, ok := v.(string); ok {
		return Text{Set: true, S: s}
	}
	return Text{Set: true, Problem: fmt.Sprintf("must be a string, not %s", tomlKind(v))}
}

// Names is a list of quantity names (a basis).
type Names struct {
	Set     bool     // the key was present
	List    []string // the names, when Problem is empty
	Problem string   // why the value is not a list of names
}

// UnmarshalTOML implements [toml.Unmarshaler].
func (l *Names) UnmarshalTOML(v any) error {
	*l = parseNames(v)
	return nil
}

func parseNames(v any) Names {
	l := Names{Set: true}
	arr, ok := v.([]any)
	if !ok {
		l.Problem = fmt.Sprintf("must be a list of quantity names, not %s", tomlKind(v))
		return l
	}
	for _, e := range arr {
		s, ok := e.(string)
		if !ok || s == "" {
			l.Problem = "must be a list of non-empty quantity names"
			return l
		}
		l.List = append(l.List, s)
	}
	return l
}

// tomlKind names the TOML type of a decoded value for messages.
func tomlKind(v any) string {
	switch v.(type) {
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	case map[string]any:
		return "a table"
	case []map[string]any:
		return "an array of tables"
	}
	return "a date or time"
}

// clip shortens long input for messages (40 runes).
func clip(s string) string { return textutil.Clip(s, 40) }
