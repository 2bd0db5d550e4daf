package formula

import (
	"testing"
)

// TestValidCode holds the code rule: digits only; a function code 3, 5 or
// 7 of them (类, 款, 项), an economic code 3 or 5 (类, 款); "" is uncoded.
func TestValidCode(t *testing.T) {
	for _, tc := range []struct {
		code     string
		function bool
		economic bool
	}{
		{"", true, true},
		{"201", true, true},
		{"20103", true, true},
		{"2010301", true, false},
		{"30101", true, true},
		{"301", true, true},
		{"2", false, false},
		{"20", false, false},
		{"2010", false, false},
		{"201030", false, false},
		{"20103010", false, false},
		{"3010a", false, false},
		{"30 01", false, false},
		{" 30101", false, false},
		{"３０１", false, false}, // full-width digits
		{"-3010", false, false},
		{"301.1", false, false},
	} {
		if got := ValidCode(FunctionCode, tc.code); got != tc.function {
			t.Errorf("ValidCode(function, %q) = %v, want %v", tc.code, got, tc.function)
		}
		if got := ValidCode(EconomicCode, tc.code); got != tc.economic {
			t.Errorf("ValidCode(economic, %q) = %v, want %v", tc.code, got, tc.economic)
		}
	}
}

// TestCodeProblems: a malformed code of a staff category, quota or
// project is a bad_value at its path; well-formed codes are no problem.
func TestCodeProblems(t *testing.T) {
	good := codePlan()
	good.Staff[0].Codes = Codes{Function: "2010301", Economic: "30101"}
	good.Quotas[0].Codes = Codes{Function: "20103", Economic: "302"}
	good.Projects[0].Codes = Codes{Function: "212"}
	if ps := good.Validate(); len(ps) > 0 {
		t.Fatalf("valid codes give problems: %v", ps)
	}
	for _, tc := range []struct {
		name  string
		set   func(p *Plan)
		path  string
		wants int
	}{
		{"staff function", func(p *Plan) { p.Staff[0].Codes.Function = "201030" }, "staff[civil].function_code", 1},
		{"staff economic 7 digits", func(p *Plan) { p.Staff[0].Codes.Economic = "3010101" }, "staff[civil].economic_code", 1},
		{"quota letters", func(p *Plan) { p.Quotas[0].Codes.Function = "20a03" }, "quota[office].function_code", 1},
		{"quota economic", func(p *Plan) { p.Quotas[0].Codes.Economic = "30" }, "quota[office].economic_code", 1},
		{"project function", func(p *Plan) { p.Projects[0].Codes.Function = "2120501 " }, "project[clean].function_code", 1},
		{"project economic", func(p *Plan) { p.Projects[0].Codes.Economic = "３０２" }, "project[clean].economic_code", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := codePlan()
			tc.set(p)
			ps := p.Validate()
			if len(ps) != tc.wants {
				t.Fatalf("got %d problems, want %d: %v", len(ps), tc.wants, ps)
			}
			if ps[0].Path != tc.path || ps[0].Code != CodeBadValue {
				t.Errorf("got %s %s, want %s %s", ps[0].Path, ps[0].Code, tc.path, CodeBadValue)
			}
		})
	}
}

// TestByCodeWithoutLines: a result made without lines cannot be totalled
// by code.
func TestByCodeWithoutLines(t *testing.T) {
	m, err := Compile(codePlan())
	if err != nil {
		t.Fatal(err)
	}
	res, err := m.EvaluateTotals()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := res.ByCode(FunctionCode); err != ErrNoLines {
		t.Errorf("ByCode on totals = %v, want ErrNoLines", err)
	}
}

func TestParseCodeKind(t *testing.T) {
	for _, s := range []string{"function_code", "economic_code"} {
		if k, ok := ParseCodeKind(s); !ok || string(k) != s {
			t.Errorf("ParseCodeKind(%q) = %q, %v", s, k, ok)
		}
	}
	for _, s := range []string{"", "function", "Function_code", "tier"} {
		if _, ok := ParseCodeKind(s); ok {
			t.Errorf("ParseCodeKind(%q) accepted", s)
		}
	}
}

// TestByCodeChecksIdentity: ByCode refuses a result whose lines do not
// add up to its totals, rather than print rows that do not reconcile.
func TestByCodeChecksIdentity(t *testing.T) {
	p := codePlan()
	p.Staff[0].Codes = Codes{Function: "2010301", Economic: "30101"}
	m, err := Compile(p)
	if err != nil {
		t.Fatal(err)
	}
	res, err := m.Evaluate()
	if err != nil {
		t.Fatal(err)
	}
	ct, err := res.ByCode(FunctionCode)
	if err != nil {
		t.Fatal(err)
	}
	if len(ct.Rows) != 2 || ct.Rows[0].Code != "2010301" || ct.Rows[1].Code != "" {
		t.Fatalf("rows %+v: want 2010301 then uncoded", ct.Rows)
	}
	if got, want := ct.Rows[0].Components[0], res.Totals()[0]; !got.Equal(want) {
		t.Errorf("2010301 personnel %s, want all the personnel %s", got, want)
	}
	res.Subdistricts[0].Lines[0].Amount = res.Subdistricts[0].Lines[0].Amount.Add(res.Unit)
	if _, err := res.ByCode(FunctionCode); err != ErrIdentity {
		t.Errorf("ByCode on a tampered result = %v, want ErrIdentity", err)
	}
}
