package standards

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// keySays is what an unknown key's problem says, in language l: m (the
// unknown key), then the nearest valid key, or the valid keys listed.
type keySays struct {
	m      msg.Message
	near   string   // the suggestion, "a / b"
	listed []string // the keys listed when none is near
}

func (k keySays) in(l msg.Lang) string {
	s := k.m.In(l)
	switch {
	case k.near != "":
		s += msg.StdDidYouMean.In(l, k.near)
	case k.listed != nil && l == msg.Zh:
		s += msg.StdKeysHere.In(l, strings.Join(k.listed, "、"))
	case k.listed != nil:
		s += msg.StdKeysHere.In(l, strings.Join(k.listed, ", "))
	}
	return s
}

// TestUnknownKeySuggests mistypes one key at a time, in each kind of
// table of a plan file, a standards file and a scenario file, and checks
// the problem: unknown_key, at the key's line, with the nearest valid key
// in Chinese and in English (or the valid keys, when none is near and
// they are few; nothing more when they are many).
func TestUnknownKeySuggests(t *testing.T) {
	unknown := func(near string) keySays { return keySays{m: msg.StdUnknownKey, near: near} }
	tests := []struct {
		name     string
		file     string // "plan" (the tiny plan), "standards" (its standards in a file of their own) or "scenario"
		old, new string // the edit of the file
		path     string
		at       string // the text of the key's line
		says     keySays
	}{
		{"[plan]", "plan", `capacity = "60000000"`, `capacty = "60000000"`, "plan.capacty", "capacty", unknown("capacity")},
		{"a top-level table", "plan", "[damping]", "[dampng]", "dampng", "[dampng]", unknown("damping")},
		{"[[staff]]", "plan", `oncost_rate = "0.3"`, `oncost_rat = "0.3"`, "staff[community_worker].oncost_rat", "oncost_rat =", unknown("oncost_rate")},
		{"[[staff]] of a standards file", "standards", `oncost_rate = "0.3"`, `oncost_rat = "0.3"`, "staff[community_worker].oncost_rat", "oncost_rat =", unknown("oncost_rate")},
		{"a top-level table of a standards file", "standards", "[damping]", "[dampng]", "dampng", "[dampng]", unknown("damping")},
		{"[[quota]]", "plan", `rate = "150000"`, `rat = "150000"`, "quota[community_office].rat", "rat =", unknown("rate")},
		{"[[quota]] classification", "plan", `rate = "150000"`, "rate = \"150000\"\nfunction_cod = \"2010101\"", "quota[community_office].function_cod", "function_cod", unknown("function_code")},
		{"[[project]]", "plan", `unit_cost = "1.5"`, `unitcost = "1.5"`, "project[vector_control].unitcost", "unitcost", unknown("unit_cost")},
		{"[[factor]]", "plan", `weight = "0.2"`, "weight = \"0.2\"\nnmae = \"x\"", "factor[area].nmae", "nmae", unknown("name")},
		{"[[factor.indicator]]", "plan", "quantity = \"communities\"\n  weight = \"0.5\"", "quantity = \"communities\"\n  wieght = \"0.5\"",
			"factor[workload].indicator[communities].wieght", "wieght", unknown("weight")},
		{"[damping]", "plan", `ceiling = "1.10"`, `ceilng = "1.10"`, "damping.ceilng", "ceilng", unknown("ceiling")},
		{"[incentive]", "plan", `budget = "500000"`, `budgt = "500000"`, "incentive.budgt", "budgt", unknown("budget")},
		{"[tiers]", "plan", "[tiers.A]", "[tiers]\noverflw = \"cut\"\n[tiers.A]", "tiers.overflw", "overflw", unknown("overflow")},
		{"[tiers.A]", "plan", `max_share = "0.25"`, `max_shar = "0.25"`, "tiers.A.max_shar", "max_shar", unknown("max_share")},
		{"[[subdistrict]]", "plan", `performance = "优"`, "performance = \"优\"\nadjustmnt = \"1\"", "subdistrict[east].adjustmnt", "adjustmnt", unknown("adjustment")},
		{"a label", "plan", "[damping]", "[quantity_labels]\narea_km2 = { name = \"辖区面积\", units = \"平方公里\" }\n\n[damping]",
			"quantity_labels.area_km2.units", "area_km2 = {", keySays{m: msg.StdLabelKey, near: "unit"}},
		{"[scenario]", "scenario", `name = "增收"`, `nmae = "增收"`, "scenario.nmae", "nmae", unknown("name")},
		{"a scenario's top level", "scenario", "[set]", "[sett]", "sett", "[sett]", unknown("set")},
		{"nothing near, few keys", "plan", `ceiling = "1.10"`, "ceiling = \"1.10\"\ncolour = 1", "damping.colour", "colour",
			keySays{m: msg.StdUnknownKey, listed: []string{"baseline", "floor", "ceiling", "exclude", "floor_keeps_rating"}}},
		{"nothing near, few keys of [tiers]", "plan", "[tiers.A]", "[tiers]\ncolour = 1\n[tiers.A]", "tiers.colour", "colour",
			keySays{m: msg.StdUnknownKey, listed: []string{"overflow", "cap_base", "A", "B", "C", "D"}}},
		{"nothing near, many keys", "plan", `capacity = "60000000"`, "capacity = \"60000000\"\ncolour = 1", "plan.colour", "colour", keySays{m: msg.StdUnknownKey}},
		{"nothing near at the top level", "plan", "[plan]", "colour = 1\n[plan]", "colour", "colour", keySays{m: msg.StdUnknownKey}},
		{"a valid key of the wrong kind", "plan", "[tiers.A]", "[tiers]\nB = 1\n[tiers.A]", "tiers.B", "B = 1", keySays{m: msg.StdUnknownKey}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, ps := keyProblems(t, tt.file, tt.old, tt.new)
			i := slices.IndexFunc(ps, func(p formula.Problem) bool { return p.Path == tt.path })
			if i < 0 {
				t.Fatalf("no problem at %s; got:\n%s", tt.path, listProblems(ps))
			}
			p := ps[i]
			if p.Code != formula.CodeUnknownKey {
				t.Errorf("code %s, want %s", p.Code, formula.CodeUnknownKey)
			}
			if want := lineOf(t, text, tt.at); p.Line != want {
				t.Errorf("line %d, want %d", p.Line, want)
			}
			if want := tt.says.in(msg.Zh); msg.Problem(msg.Zh, p) != want {
				t.Errorf("zh %q, want %q", msg.Problem(msg.Zh, p), want)
			}
			if want := tt.says.in(msg.En); msg.Problem(msg.En, p) != want {
				t.Errorf("en %q, want %q", msg.Problem(msg.En, p), want)
			}
		})
	}
}

// keyProblems edits a file of the kind named and reads it: the edited
// text and its problems.
func keyProblems(t *testing.T, file, old, new string) (string, []formula.Problem) {
	t.Helper()
	var (
		err  error
		text string
		doc  *Document
	)
	switch file {
	case "plan":
		text = edit(t, tinyPlan(t), old, new)
		doc, err = Parse("plan.toml", []byte(text), nil)
	case "standards":
		plan, std := splitTiny(t)
		text = edit(t, std, old, new)
		doc, err = LoadFile(writePlan(t, plan, text))
	case "scenario":
		text = edit(t, "[scenario]\nname = \"增收\"\ndescription = \"财力增加一成\"\n\n[set]\n\"plan.capacity\" = \"66000000\"\n", old, new)
		_, err = ParseScenario("s.toml", []byte(text))
	}
	if err == nil && doc != nil {
		_, err = doc.Plan()
	}
	var se *formula.InvalidPlanError
	if !errors.As(err, &se) {
		t.Fatalf("want problems, got %v", err)
	}
	return text, se.Problems
}

// TestKeysAt reads the valid keys from the document types: through
// pointers, arrays of tables and embedded structs; none through a map,
// a value that decodes itself or a key that is not there.
func TestKeysAt(t *testing.T) {
	doc := reflect.TypeFor[document]()
	tests := []struct {
		path []string
		want []string
	}{
		{[]string{"plan"}, []string{"name", "district", "fiscal_year", "capacity", "rounding_unit", "reserve_rate", "population", "standards", "data", "catalogue"}},
		{[]string{"staff"}, []string{"id", "name", "annual_pay", "oncost_rate", "function_code", "economic_code", "gov_economic_code", "class", "fund", "doc_no"}},
		{[]string{"factor", "indicator"}, []string{"quantity", "weight"}},
		{[]string{"performance"}, []string{"mode", "coefficients"}},
		{[]string{"performance", "coefficients"}, nil},
		{[]string{"subdistrict", "quantities"}, nil},
		{[]string{"tiers"}, nil},
		{[]string{"plan", "capacity"}, nil},
		{[]string{"nowhere"}, nil},
	}
	for _, tt := range tests {
		if got := keysAt(doc, tt.path); !slices.Equal(got, tt.want) {
			t.Errorf("keysAt(%v) = %v, want %v", tt.path, got, tt.want)
		}
	}
	top := keysAt(doc, nil)
	for _, k := range []string{"plan", "staff", "damping", "project_performance", "quantity_labels"} {
		if !slices.Contains(top, k) {
			t.Errorf("top-level keys %v lack %s", top, k)
		}
	}
	if slices.Contains(top, "origin") || slices.Contains(top, "codesDoc") {
		t.Errorf("top-level keys %v hold an unexported field", top)
	}
}
