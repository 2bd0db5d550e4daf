package attribution

import (
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/caili/caili/formula"
	"github.com/shopspring/decimal"
)

func TestGroupOf(t *testing.T) {
	for path, want := range map[string]Group{
		"plan.capacity":                                    GroupCapacity,
		"plan.reserve_rate":                                GroupCapacity,
		"plan.rounding_unit":                               GroupStandards,
		"staff.civil_servant.annual_pay":                   GroupStandards,
		"quota.office.rate":                                GroupStandards,
		"project.vector_control.unit_cost":                 GroupStandards,
		"tiers.A.max_share":                                GroupStandards,
		"factor.workload.weight":                           GroupStandards,
		"factor.*.weight":                                  GroupStandards,
		"performance.coefficients.差":                       GroupStandards,
		"project_performance.coefficients.中":               GroupStandards,
		"incentive.rate":                                   GroupStandards,
		"damping.floor":                                    GroupStandards,
		"subdistrict.desheng.adjustment":                   GroupStandards,
		"subdistrict.desheng..adjustment":                  GroupStandards,
		"subdistrict.desheng.performance":                  GroupRatings,
		"subdistrict.desheng..performance":                 GroupRatings,
		"subdistrict.desheng.project_ratings.greening":     GroupRatings,
		"subdistrict.desheng.quantities.area_km2":          GroupData,
		"subdistrict.desheng.staff.civil_servant":          GroupData,
		"subdistrict.desheng.payroll.civil_servant":        GroupData,
		"subdistrict.desheng.quantities.last_year.formula": GroupData,
	} {
		if got := GroupOf(path); got != want {
			t.Errorf("%s: %v, want %v", path, got, want)
		}
	}
}

func rat(s string) *big.Rat {
	r, _ := new(big.Rat).SetString(s)
	return r
}

// row makes a row of one column (the total) with the given parts.
func row(change string, parts ...string) *Row {
	r := &Row{ID: "x", New: [Columns]decimal.Decimal{ColTotal: decimal.RequireFromString(change)}}
	for _, p := range parts {
		var ps [Columns]*big.Rat
		for c := range ps {
			ps[c] = new(big.Rat)
		}
		ps[ColTotal] = rat(p)
		r.Parts = append(r.Parts, ps)
	}
	return r
}

func TestRoundedSumsToChange(t *testing.T) {
	for _, tc := range []struct {
		change string
		parts  []string
		want   string
	}{
		{"1", []string{"1/3", "1/3", "1/3"}, "0.34 0.33 0.33"},
		{"-1", []string{"-1/3", "-1/3", "-1/3"}, "-0.33 -0.33 -0.34"},
		{"0", []string{"1/300", "-1/300"}, "0.00 0.00"},
		{"100", []string{"200/3", "100/3"}, "66.67 33.33"},
		{"7", []string{"7"}, "7.00"},
	} {
		r := row(tc.change, tc.parts...)
		var got []string
		sum := decimal.Zero
		for _, p := range r.Rounded(ColTotal) {
			got = append(got, p.StringFixed(2))
			sum = sum.Add(p)
		}
		if strings.Join(got, " ") != tc.want || !sum.Equal(decimal.RequireFromString(tc.change)) {
			t.Errorf("%v: %v (sum %s), want %s", tc.parts, got, sum, tc.want)
		}
	}
}

func TestSentence(t *testing.T) {
	a := &Attribution{Players: []Player{{Label: GroupData.Label()}, {Label: GroupStandards.Label()}, {Label: GroupCapacity.Label()}}}
	for _, tc := range []struct {
		r    *Row
		want string
	}{
		{row("1234567", "1000000", "-65433", "300000"), "比上年增加 1,234,567 元:数据变化 +1,000,000 元,标准调整 −65,433 元,财力总额 +300,000 元"},
		{row("-10", "0", "-10", "0"), "比上年减少 10 元:标准调整 −10 元"},
		{row("0", "5/2", "-5/2", "0"), "比上年无变化"},
		{row("1", "1/3", "1/3", "1/3"), "比上年增加 1 元:数据变化 +0.34 元,标准调整 +0.33 元,财力总额 +0.33 元"},
	} {
		if got := a.Sentence(tc.r, "上年"); got != tc.want {
			t.Errorf("got  %s\nwant %s", got, tc.want)
		}
	}
}

func TestChoose(t *testing.T) {
	for _, tc := range []struct {
		by      By
		k, n    int
		grouped bool
		refused bool
	}{
		{ByAuto, 12, 15, false, false},
		{ByAuto, 13, 15, true, false},
		{ByAuto, 9, 1000, true, false},
		{ByAuto, 8, 1000, false, false},
		{ByPlayer, 13, 15, false, true},
		{ByPlayer, 9, 1000, false, true},
		{ByGroup, 1, 15, true, false},
		{ByGroup, 40, 100000, true, false},
	} {
		g, err := Choose(tc.by, tc.k, tc.n, "overrides")
		if g != tc.grouped || (err != nil) != tc.refused || (err != nil && !errors.Is(err, ErrTooManyPlayers)) {
			t.Errorf("%+v: grouped %v, error %v", tc, g, err)
		}
	}
}

// TestBundle: weights move together under one name; any other path is a
// player of its own, named by the Labeller (by itself without one).
func TestBundle(t *testing.T) {
	words := func(path string, _ *formula.Plan) string { return "words of " + path }
	for _, c := range []struct {
		path      string
		label     Labeller
		key, name string
	}{
		{"factor.workload.weight", words, "factor.*.weight", "因素权重"},
		{"factor.workload.indicator..weight", words, "factor.*.weight", "因素权重"},
		{"factor.workload.indicator.households.weight", words, "factor.workload.indicator.*.weight", "因素 workload 指标权重"},
		{"plan.capacity", words, "plan.capacity", "words of plan.capacity"},
		{"plan.capacity", nil, "plan.capacity", "plan.capacity"},
	} {
		if key, name := Bundle(c.path, &formula.Plan{}, c.label); key != c.key || name != c.name {
			t.Errorf("Bundle(%s) = %q, %q, want %q, %q", c.path, key, name, c.key, c.name)
		}
	}
}
