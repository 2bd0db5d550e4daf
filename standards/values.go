package standards

import (
	"math"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/textutil"
)

// isPlainNumber reports whether s is the text form of a number in a plan
// (rules §2), `-?[0-9]+(\.[0-9]+)?`: no exponents, no `+`, `_` or spaces.
// It is read by hand, not by a regular expression: it is on the path of
// every number of a plan (issue 25 §2).
func isPlainNumber(s string) bool {
	s = strings.TrimPrefix(s, "-")
	ip, fp, point := strings.Cut(s, ".")
	return allDigits(ip) && (!point || allDigits(fp))
}

// allDigits reports whether s is one or more ASCII digits.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// Number is a plan value that may be written as a TOML integer, float or
// string. Decoding never fails: a bad value is kept as a problem so that
// every problem in a file can be reported together.
type Number struct {
	Set     bool            // the key was present
	Dec     decimal.Decimal // the exact value, when Problem is nil
	Problem *Reason         // why the value is not a number
	dated   *datedValue     // the entries of a dated value (dated.go); nil: a plain value
}

// UnmarshalTOML implements [toml.Unmarshaler]. A float's digits were
// checked as written by checkText, before the text was decoded (a float64
// cannot show them: 1e-400 reads as 0).
func (n *Number) UnmarshalTOML(v any) error {
	*n = readNumber(v, false)
	return nil
}

// parseNumber reads an override's value, a float's digits included.
func parseNumber(v any) Number { return readNumber(v, true) }

// readNumber reads a number; checkFloat checks the digits of a float64.
// Digits are counted before anything parses them, so that a number of a
// million digits costs no more than reading it.
func readNumber(v any, checkFloat bool) Number {
	n := Number{Set: true}
	switch x := v.(type) {
	case int64:
		n.Dec = decimal.NewFromInt(x)
	case float64:
		n.Dec, n.Problem = floatNumber(x, checkFloat)
	case []any: // a dated value (dated.go); where one may be written is the converter's to say
		n.dated = readDated(x, checkFloat)
	case string:
		if len(x) > maxIntDigits+maxFracDigits+2 && isPlainNumber(x[:maxIntDigits+maxFracDigits+2]) {
			n.Problem = msgDigits // checked before the whole text is matched: it may be very long
			return n
		}
		if !isPlainNumber(x) {
			n.Problem = because(msg.StdNumberForm, clip(x))
			return n
		}
		ip, fp, _ := strings.Cut(strings.TrimPrefix(x, "-"), ".")
		if len(ip) > maxIntDigits || len(fp) > maxFracDigits {
			n.Problem = msgDigits
			return n
		}
		d, err := decimal.NewFromString(x)
		if err != nil {
			n.Problem = because(msg.StdNotNumber, clip(x))
			return n
		}
		n.Dec = d
	default:
		n.Problem = becauseKind(msg.StdMustBeNumber, v)
	}
	return n
}

// floatNumber reads a float as the shortest decimal that reads back as
// the same float: the number the person typed. With check, a float beyond
// the digit limits, or with more significant digits than a float64 keeps,
// is refused.
func floatNumber(x float64, check bool) (decimal.Decimal, *Reason) {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return decimal.Decimal{}, because(msg.StdNotFinite, x)
	}
	if check {
		// d.ddde±x: the digits and where the decimal point goes.
		mant, exp, _ := strings.Cut(strconv.FormatFloat(math.Abs(x), 'e', -1, 64), "e")
		e, _ := strconv.Atoi(exp)
		if why := decimalProblem(x < 0, strings.Replace(mant, ".", "", 1), 1+e); why != nil {
			return decimal.Decimal{}, why
		}
	}
	d, err := decimal.NewFromString(strconv.FormatFloat(x, 'f', -1, 64))
	if err != nil {
		return decimal.Decimal{}, because(msg.StdFloatUnreadable, x)
	}
	return d, nil
}

// Text is a plan value that must be a TOML string.
type Text struct {
	Set     bool    // the key was present
	S       string  // the text, when Problem is nil
	Problem *Reason // why the value is not a string
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
	return Text{Set: true, Problem: becauseKind(msg.StdMustBeText, v)}
}

// Names is a list of quantity names (a basis).
type Names struct {
	Set     bool     // the key was present
	List    []string // the names, when Problem is nil
	Problem *Reason  // why the value is not a list of names
}

// UnmarshalTOML implements [toml.Unmarshaler].
func (l *Names) UnmarshalTOML(v any) error {
	*l = parseNames(v)
	return nil
}

func parseNames(v any) Names {
	list, problem := stringList(v, msg.StdNamesList, msg.StdNamesItem)
	return Names{Set: true, List: list, Problem: problem}
}

// stringList reads a TOML array of non-empty strings. A value that is
// not an array is the problem notList says (of its type); an element
// that is not a non-empty string is itemProblem, with the elements read
// so far.
func stringList(v any, notList, itemProblem msg.Message) ([]string, *Reason) {
	arr, ok := v.([]any)
	if !ok {
		return nil, becauseKind(notList, v)
	}
	var list []string
	for _, e := range arr {
		s, ok := e.(string)
		if !ok || s == "" {
			return list, because(itemProblem)
		}
		list = append(list, s)
	}
	return list, nil
}

// tomlKind names the TOML type of a decoded value for messages.
func tomlKind(v any) msg.Message {
	switch v.(type) {
	case int64:
		return msg.StdKindInteger
	case float64:
		return msg.StdKindFloat
	case string:
		return msg.StdKindString
	case bool:
		return msg.StdKindBool
	case []any:
		return msg.StdKindArray
	case map[string]any:
		return msg.StdKindTable
	case []map[string]any:
		return msg.StdKindTables
	}
	return msg.StdKindDate
}

// clip shortens long input for messages (40 runes).
func clip(s string) string { return textutil.Clip(s, 40) }
