package standards

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// deep is `key = {a={a=…1…}}` nested depth times (the input that takes the
// TOML decoder minutes and gigabytes at depth 6000).
func deep(key string, depth int) string {
	return key + " = " + strings.Repeat("{a=", depth) + "1" + strings.Repeat("}", depth) + "\n"
}

// fatalProblem parses text and returns its one problem, failing unless
// loading stopped there.
func fatalProblem(t *testing.T, text string) formula.Problem {
	t.Helper()
	_, err := Parse("plan.toml", []byte(text), nil)
	var se *formula.InvalidPlanError
	if !errors.As(err, &se) || len(se.Problems) != 1 {
		t.Fatalf("want one problem, got %v", err)
	}
	return se.Problems[0]
}

// TestNestingAndKeys: text beyond the limits is refused before it is
// decoded, as one problem of the file with its line and key path.
func TestNestingAndKeys(t *testing.T) {
	long := strings.Repeat("k", maxKeyBytes+1)
	parts := strings.TrimSuffix(strings.Repeat("p.", maxKeyParts+1), ".")
	tests := []struct {
		name, text string
		line       int
		path, msg  string
	}{
		{"inline tables", deep("junk", 6000), 1, "junk", "嵌套层数超过 32"},
		{"just too deep", deep("junk", maxNesting+1), 1, "junk", "nesting deeper than 32"},
		{"arrays", "[plan]\nname = \"x\"\nlist = " + strings.Repeat("[", 100) + strings.Repeat("]", 100), 3, "plan.list", "嵌套"},
		{"arrays of tables", "x = [" + strings.Repeat("[{a=", 20) + "1" + strings.Repeat("}]", 20) + "]", 1, "x", "嵌套"},
		{"on a later line", "[plan]\nname = \"\"\"\n{{{{\n\"\"\"\n\n[damping]\nfloor = " + strings.Repeat("[", 40), 7, "damping.floor", "嵌套"},
		{"long bare key", "[plan]\n" + long + " = 1\n", 2, "plan." + strings.Repeat("k", 40) + "…", "键名超过 256 字节"},
		{"long quoted key", "[set]\n\"" + long + "\" = 1\n", 2, "set." + strings.Repeat("k", 40) + "…", "key longer than 256 bytes"},
		{"long key in a header", "[plan." + long + "]\n", 1, "plan." + strings.Repeat("k", 40) + "…", "键名超过"},
		{"long inline key", "a = {b = 1, " + long + " = 2}\n", 1, "a." + strings.Repeat("k", 40) + "…", "键名超过"},
		{"dotted key", parts + " = 1\n", 1, parts, "点分键超过 16 段"},
		{"dotted header", "\n[" + parts + "]\n", 2, parts, "more than 16 parts"},
		{"many dotted parts", "a" + strings.Repeat(".a", 100000) + " = 1\n", 1, strings.Repeat("a.", 16) + "a", "点分键"},
		{"long path", "[" + strings.Repeat("k", 250) + "." + strings.Repeat("k", 250) + "]\nx = 1\n" + strings.Repeat("k", 20) + " = 1\n", 3,
			strings.Repeat("k", 40) + "…." + strings.Repeat("k", 40) + "…." + strings.Repeat("k", 20), "键路径超过 512 字节"},
		{"many keys", "[plan]\n" + strings.Repeat("a = 1\n", maxKeys), maxKeys + 1, "plan", "more than 5000000 keys"},
		{"integer digits", "[plan]\ncapacity = " + strings.Repeat("9", 31) + "\n", 2, "plan.capacity", "位数过多"},
		{"a million digits", "[plan]\ncapacity = 1." + strings.Repeat("0", 1000000) + "\n", 2, "plan.capacity", "too many digits"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := fatalProblem(t, tt.text)
			if p.File != "plan.toml" || p.Line != tt.line || p.Path != tt.path || p.Code != formula.CodeSyntax || !says(p, tt.msg) {
				t.Errorf("got %s:%d %s [%s] %s\nwant line %d, path %s, %q", p.File, p.Line, p.Path, p.Code, msg.Problem(msg.Zh, p), tt.line, tt.path, tt.msg)
			}
		})
	}
}

// TestCheckTOML: the limits, for a caller that decodes TOML itself.
func TestCheckTOML(t *testing.T) {
	var se *formula.InvalidPlanError
	if err := CheckTOML("x.toml", []byte(deep("x", 6000))); !errors.As(err, &se) || se.Problems[0].File != "x.toml" || se.Problems[0].Line != 1 {
		t.Errorf("deep: %v", err)
	}
	if err := CheckTOML("x.toml", []byte(tinyPlan(t))); err != nil {
		t.Error(err)
	}
}

// TestWithinLimits: what the scanner must not take for nesting or keys —
// brackets in strings and comments, keys at the limits — decodes as before.
func TestWithinLimits(t *testing.T) {
	braces := strings.Repeat("{[", 100)
	for _, text := range []string{
		deep("x", maxNesting),
		"x = \"" + braces + "\"\n",
		"x = '" + braces + "'\n",
		"x = \"\\\"" + braces + "\"\n",
		"x = \"\"\"\n" + braces + "\n\"\"\"\n",
		"x = \"\"\"a\"\"\"\" # a quote then the end\ny = 1\n",
		"x = '''\n" + braces + "\n'''\n",
		"x = 1 # " + braces + "\n",
		"# " + braces + "\n",
		"\"" + braces + "\" = 1\n",
		"x = [\"]\", '[', \"\"\"]]]\"\"\", {a = \"}\"}]\n",
		"[" + strings.Repeat("k", maxKeyBytes) + "]\n",
		strings.TrimSuffix(strings.Repeat("p.", maxKeyParts), ".") + " = 1\n",
		"d = 1979-05-27T07:32:00Z\nt = 07:32:00\nl = 1979-05-27 07:32:00\nh = 0xDEADBEEF\nb = -inf\n",
		"n = -" + strings.Repeat("9", 18) + "\nf = 1_000.5\ne = 1e-5\nz = 0.0e-999\n",
	} {
		if issues := scanTOML(text); len(issues) > 0 {
			t.Errorf("%.60q: %+v", text, issues)
		}
	}
}

// TestNumberDigits: numbers beyond the digit limits, and TOML floats that
// a float64 cannot hold exactly, are refused at their key paths; checked
// before they are parsed.
func TestNumberDigits(t *testing.T) {
	tests := []struct {
		name, old, new string
		path, msg      string
	}{
		{"underflow", `reserve_rate = "0.02"`, `reserve_rate = 1e-400`, "plan.reserve_rate", "位数过多:整数部分最多 30 位、小数部分最多 12 位"},
		{"tiny float", `reserve_rate = "0.02"`, `reserve_rate = 1e-13`, "plan.reserve_rate", "too many digits"},
		{"huge float", `capacity = "60000000"`, `capacity = 1e31`, "plan.capacity", "too many digits"},
		{"float digits", `capacity = "60000000"`, `capacity = 1234567890123456.78`, "plan.capacity", `write it as a string: "1234567890123456.78"`},
		{"float digits rounding to a short float", `reserve_rate = "0.02"`, `reserve_rate = 100000000000000000.5`, "plan.reserve_rate", `"100000000000000000.5"`},
		{"negative float digits", `adjustment = "1.1"`, `adjustment = -12_345.678_901_234_56`, "subdistrict[west].adjustment", `"-12345.67890123456"`},
		{"in an entry", `annual_pay = "160000"`, `annual_pay = 1.6e-20`, "staff[civil_servant].annual_pay", "位数过多"},
		{"in an inline table", `[tiers.A]`, "[tiers.A]\nx = {y = {z = 1e-99}}", "tiers.A.x.y.z", "位数过多"},
		{"string integer digits", `capacity = "60000000"`, `capacity = "` + strings.Repeat("1", 31) + `"`, "plan.capacity", "位数过多"},
		{"string fraction digits", `reserve_rate = "0.02"`, `reserve_rate = "0.0000000000001"`, "plan.reserve_rate", "位数过多"},
		// A text this long is refused before it is decoded (a syntax
		// problem, the one of the file), saying why.
		{"string of 900,000 digits", `capacity = "60000000"`, `capacity = "` + strings.Repeat("9", 900000) + `"`, "plan.capacity", "位数过多"},
		{"string of 5,000 digits", `capacity = "60000000"`, `capacity = "` + strings.Repeat("9", 5000) + `"`, "plan.capacity", "位数过多"},
		{"a name of 5,000 bytes", `name = "示例区 2025年街道财力测算(小例)"`, `name = "` + strings.Repeat("x", 5000) + `"`, "plan.name", "文本超过 4096 字节"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := problemsOf(t, edit(t, tinyPlan(t), tt.old, tt.new))
			code := formula.CodeBadValue
			if len(tt.new) > maxStringBytes {
				code = formula.CodeSyntax
			}
			for _, p := range ps {
				if p.Path == tt.path && p.Code == code && p.Line > 0 && says(p, tt.msg) {
					return
				}
			}
			t.Errorf("no problem at %s with %q:\n%s", tt.path, tt.msg, listProblems(ps))
		})
	}
	// At the limits, and the floats a plan writes, still read exactly.
	for _, v := range []string{`"` + strings.Repeat("9", 30) + `.` + strings.Repeat("9", 12) + `"`, "0.35", "123456789012345", "0.000000000001", "1e29", "2.5e-3"} {
		ps := problemsOf(t, edit(t, tinyPlan(t), `reserve_rate = "0.02"`, "reserve_rate = "+v))
		for _, p := range ps {
			if says(p, "digits") {
				t.Errorf("reserve_rate = %s: %s", v, p)
			}
		}
	}
}

// TestOverrideDigits: an override is held to the same limits.
func TestOverrideDigits(t *testing.T) {
	doc, err := Parse("plan.toml", []byte(tinyPlan(t)), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []any{strings.Repeat("7", 900000), "1." + strings.Repeat("5", 13), 0.30000000000000004, 1e-300, 1e40} {
		_, err := doc.Apply(Override{Path: "plan.capacity", Value: v, File: "--set"})
		var se *formula.InvalidPlanError
		if !errors.As(err, &se) || se.Problems[0].Path != "plan.capacity" || !says(se.Problems[0], "digits") {
			t.Errorf("plan.capacity = %.40v: %v", v, err)
		}
	}
	// A scenario file: the float as written, at its line.
	_, err = ParseScenario("s.toml", []byte("[scenario]\nname = \"x\"\n[set]\n\"plan.reserve_rate\" = 1e-400\n"))
	var se *formula.InvalidPlanError
	if !errors.As(err, &se) || len(se.Problems) != 1 || se.Problems[0].Path != "set.plan.reserve_rate" || se.Problems[0].Line != 4 {
		t.Errorf("scenario: %v", err)
	}
	// Scenario files are checked too, before anything else reads them.
	for _, text := range []string{deep("[set]\nx", 1000), "[a" + strings.Repeat(".a", 1000000) + "]\n"} {
		_, err = ParseScenario("s.toml", []byte(text))
		if !errors.As(err, &se) || len(se.Problems) != 1 || se.Problems[0].Code != formula.CodeSyntax {
			t.Errorf("scenario %.20q: %v", text, err)
		}
	}
}

// BenchmarkDeepNesting parses the 6000-deep input (minutes and gigabytes
// for the decoder) and ten and a hundred times as deep: the refusal takes
// time in proportion to the input.
func BenchmarkDeepNesting(b *testing.B) {
	for _, depth := range []int{6000, 60000, 600000} {
		text := []byte(deep("junk", depth))
		b.Run(fmt.Sprint(depth), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if _, err := Parse("plan.toml", text, nil); err == nil {
					b.Fatal("accepted")
				}
			}
		})
	}
}

// BenchmarkLongNumber reads a number of 900,000 digits, as a string in a
// plan and as an override: refused in time in proportion to its length.
func BenchmarkLongNumber(b *testing.B) {
	digits := strings.Repeat("9", 900000)
	plan := []byte("[plan]\ncapacity = \"" + digits + "\"\n")
	b.Run("plan", func(b *testing.B) {
		b.SetBytes(int64(len(plan)))
		for b.Loop() {
			doc, err := Parse("plan.toml", plan, nil)
			if err == nil {
				_, err = doc.Plan()
			}
			if err == nil {
				b.Fatal("accepted")
			}
		}
	})
	b.Run("override", func(b *testing.B) {
		b.SetBytes(int64(len(digits)))
		for b.Loop() {
			if n := parseNumber(digits); n.Problem == nil {
				b.Fatal("accepted")
			}
		}
	})
}

// BenchmarkScanTOML is the cost of the limits on the sample plan, next to
// decoding it.
func BenchmarkScanTOML(b *testing.B) {
	data, err := configs.FS.ReadFile(configs.PlanPath)
	if err != nil {
		b.Fatal(err)
	}
	src := string(data)
	b.Run("scan", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			if issues := scanTOML(src); len(issues) > 0 {
				b.Fatal(issues)
			}
		}
	})
	b.Run("decode", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			var d document
			if _, err := toml.Decode(src, &d); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// FuzzScanTOML: the scanner never sees nesting or floats that are not
// there. When it finds arrays or inline tables deeper than the limit in
// text that decodes, the decoded values are that deep; when it finds a
// float it refuses, the decoded values hold a float.
func FuzzScanTOML(f *testing.F) {
	for _, s := range []string{deep("x", maxNesting), deep("x", maxNesting+1), "x = [\"[[[[\", '{{', \"\"\"\n[[\"\"\"]",
		"a = {b = [{c = 1}]}", "[t]\nx = [[[[1]]]]\n", "x = \"\"\"a\"\"\"\"\ny = [[1]]", "x = 1e-400", "x = '1e-400'", "x = 1234567890123456.78"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		issues := scanTOML(src)
		var v map[string]any
		if len(issues) == 0 {
			return
		}
		if _, err := toml.Decode(src, &v); err != nil {
			return
		}
		last := issues[len(issues)-1]
		if d := depthOf(v); last.msg == msgNesting && d <= maxNesting {
			t.Fatalf("nesting refused in text %d deep", d)
		}
		if !last.fatal && !hasFloat(v) {
			t.Fatalf("a float refused in text without one: %+v", issues)
		}
	})
}

// hasFloat reports whether a decoded value holds a float.
func hasFloat(v any) bool {
	switch x := v.(type) {
	case float64:
		return true
	case map[string]any:
		for _, e := range x {
			if hasFloat(e) {
				return true
			}
		}
	case []any:
		for _, e := range x {
			if hasFloat(e) {
				return true
			}
		}
	case []map[string]any:
		for _, e := range x {
			if hasFloat(e) {
				return true
			}
		}
	}
	return false
}

// depthOf counts the arrays and tables inside one another in a decoded value.
func depthOf(v any) int {
	most := 0
	switch x := v.(type) {
	case map[string]any:
		for _, e := range x {
			most = max(most, depthOf(e))
		}
	case []any:
		for _, e := range x {
			most = max(most, depthOf(e))
		}
	case []map[string]any:
		for _, e := range x {
			most = max(most, depthOf(e))
		}
	default:
		return 0
	}
	return most + 1
}
