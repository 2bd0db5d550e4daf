package standards

import (
	"strconv"
	"strings"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// Limits on TOML text. The decoder's cost grows with the square of the
// nesting depth and of a key's length (a few kilobytes of `{a={a=…` take it
// minutes and gigabytes), so scanTOML checks every file in one linear pass
// before it is decoded. No plan comes near these limits. The number of
// keys is set from a memory budget (docs/operations.md, "Memory budget"):
// a key of a sub-district costs about 800 bytes at the peak of
// `caili calc` (decoded, converted, compiled, evaluated: 1,013 MB for the
// 1.26 million keys of a 10,000-sub-district plan with 140 standards and
// 126 keys each), so 5,000,000 keys, the most a 64 MiB file
// (safefile.MaxInput) holds in that shape, stay within about 4 GB.
const (
	maxNesting     = 32      // arrays and inline tables inside one another
	maxKeyBytes    = 256     // one part of a key, as written
	maxKeyParts    = 16      // parts of one dotted key or table header
	maxPathBytes   = 512     // a key with the table it is in (the decoder keeps one per key)
	maxKeys        = 5000000 // see above: ~800 bytes a key, 4 GB at most
	maxIntDigits   = 30      // digits of a number before the decimal point
	maxFracDigits  = 12      // digits after it
	maxFloatDigits = 15      // significant digits of a TOML float (what a float64 keeps)
	maxNumberBytes = 100     // a number as written, underscores and all
	maxStringBytes = 4096    // a text value (a name, a description, a number written as a string), as written
	maxNumberNotes = 100     // number problems reported per file
)

var (
	msgNesting  = because(msg.StdNesting, maxNesting)
	msgKeyBytes = because(msg.StdKeyBytes, maxKeyBytes)
	msgKeyParts = because(msg.StdKeyParts, maxKeyParts)
	msgPath     = because(msg.StdPathLen, maxPathBytes)
	msgKeys     = because(msg.StdKeys, maxKeys)
	msgString   = because(msg.StdString, maxStringBytes)
	msgDigits   = because(msg.StdDigits, maxIntDigits, maxFracDigits)
)

// floatTextProblem says why a TOML float, as written, cannot be read
// exactly, or nil when it can.
func floatTextProblem(tok string) *Reason {
	t := strings.ReplaceAll(tok, "_", "")
	neg := strings.HasPrefix(t, "-")
	t = strings.TrimLeft(t, "+-")
	mant, expText, hasExp := strings.Cut(strings.ToLower(t), "e")
	exp := 0
	if hasExp {
		e, err := strconv.Atoi(expText)
		if err != nil {
			if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
				return msgDigits
			}
			return nil // not a float: the decoder will say so
		}
		exp = e
	}
	ip, fp, _ := strings.Cut(mant, ".")
	return decimalProblem(neg, ip+fp, len(ip)+exp)
}

// decimalProblem checks the number ±0.digits × 10^point (digits with the
// decimal point after the first point of them) against the digit limits
// and the significant digits of a float.
func decimalProblem(neg bool, digits string, point int) *Reason {
	for digits != "" && digits[0] == '0' {
		digits = digits[1:]
		point--
	}
	digits = strings.TrimRight(digits, "0")
	if digits == "" {
		return nil // zero
	}
	if point > maxIntDigits || len(digits)-point > maxFracDigits {
		return msgDigits
	}
	if len(digits) <= maxFloatDigits {
		return nil
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	switch {
	case point <= 0:
		b.WriteString("0." + strings.Repeat("0", -point) + digits)
	case point >= len(digits):
		b.WriteString(digits + strings.Repeat("0", point-len(digits)))
	default:
		b.WriteString(digits[:point] + "." + digits[point:])
	}
	return because(msg.StdFloatDigits, maxFloatDigits, b.String())
}

// checkText scans a file before it is decoded. stop are the problems that
// forbid decoding it (fatal: nesting, a key or a number too long); numbers
// are floats that cannot be read exactly, reported with the file's other
// problems at their key paths (indexed: `subdistrict[2].quantities.x`).
func checkText(name string, data []byte, src string) (stop, numbers []formula.Problem) {
	issues := scanTOML(src)
	if len(issues) == 0 {
		return nil, nil
	}
	if last := issues[len(issues)-1]; last.fatal {
		return []formula.Problem{last.msg.problem(name, last.line, last.path, formula.CodeSyntax)}, nil
	}
	// The text is within the limits, so the locator reads it quickly.
	keyAt := map[int]string{}
	for path, line := range locate(data).line {
		if len(path) > len(keyAt[line]) {
			keyAt[line] = path
		}
	}
	for _, is := range issues {
		path, ok := keyAt[is.keyLine]
		switch {
		case !ok:
			path = is.path
		case is.inline != "":
			path += "." + is.inline
		}
		numbers = append(numbers, is.msg.problem(name, is.line, path, formula.CodeBadValue))
	}
	return nil, numbers
}

// CheckTOML checks TOML text against the limits every file is held to
// before it is decoded (nesting, keys, the length of numbers), for a
// caller that decodes TOML itself. It returns a *caili.Error with the one
// problem of the file called name, or nil when the text may be decoded.
func CheckTOML(name string, data []byte) error {
	if stop, _ := checkText(name, data, string(data)); len(stop) > 0 {
		return invalid("standards.CheckTOML", stop, nil)
	}
	return nil
}
