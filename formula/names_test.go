package formula

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// TestRefNames pins how line text names a quantity or a headcount inside
// its brackets: by its label or its staff category's name when that names
// it alone and cannot end the brackets, else by its id.
func TestRefNames(t *testing.T) {
	staff := []Staff{{ID: "cs", Name: "公务员"}, {ID: "pi", Name: "事业编"}, {ID: "a", Name: "人员"}, {ID: "b", Name: "人员"}}
	labels := map[string]QuantityLabel{
		"vector_area_m2": {Name: "病媒防制面积", Unit: "平方米"},
		"old60":          {Name: "60岁以上老年人"},
		"spaced":         {Name: "  户数 "},
		"bracket":        {Name: "面积[旧]"},
		"paren":          {Name: "面积(旧)"},
		"fullwidth":      {Name: "面积（旧）"},
		"ops":            {Name: "a × b = 3;c"},
		"clash":          {Name: "公务员"},
		"blank":          {Name: "   "},
	}
	for _, tc := range []struct{ col, want string }{
		{"vector_area_m2", "病媒防制面积"},
		{"old60", "60岁以上老年人"},
		{"spaced", "户数"},
		{"bracket", "bracket"},       // [ ] would end the brackets early
		{"paren", "paren"},           // ( ) would be read as arithmetic
		{"fullwidth", "面积（旧）"},       // full-width brackets are words
		{"ops", "a × b = 3;c"},       // inside [ ] nothing is arithmetic
		{"blank", "blank"},           // no name: the id
		{"plain", "plain"},           // no label: the id
		{"staff.pi", "事业编"},          // a headcount: its staff category's name
		{"staff.a", "staff.a"},       // two categories named 人员: ids
		{"staff.b", "staff.b"},       //
		{"staff.cs", "staff.cs"},     // 公务员 is also a label: ids for both
		{"clash", "clash"},           //
		{"staff.gone", "staff.gone"}, // no such category: the id
	} {
		t.Run(tc.col, func(t *testing.T) {
			p := &Plan{Staff: staff, QuantityLabels: labels}
			cols := []string{"vector_area_m2", "old60", "spaced", "bracket", "paren", "fullwidth", "ops", "clash", "blank", "plain",
				"staff.cs", "staff.pi", "staff.a", "staff.b", "staff.gone"}
			got := refNames(p, cols)[slices.Index(cols, tc.col)]
			if got != tc.want {
				t.Errorf("refNames(%s) = %q, want %q", tc.col, got, tc.want)
			}
		})
	}
}

// TestItemNames pins the names of line items and the "name id" form of
// the explain item column.
func TestItemNames(t *testing.T) {
	p := &Plan{
		Staff:          []Staff{{ID: "civil_servant", Name: "公务员"}},
		Quotas:         []Quota{{ID: "office", Name: "办公经费"}},
		Projects:       []Project{{ID: "vector_control", Name: "病媒生物防制"}, {ID: "same", Name: "same"}},
		Factors:        []Factor{{Name: "工作任务量", Indicators: []Indicator{{Quantity: "communities"}, {Quantity: "tickets"}}}},
		QuantityLabels: map[string]QuantityLabel{"communities": {Name: "社区数", Unit: "个"}},
	}
	n := p.ItemNames()
	for _, tc := range []struct {
		st              Stage
		item, of, label string
	}{
		{StagePersonnel, "civil_servant", "公务员", "公务员 civil_servant"},
		{StagePublic, "office", "办公经费", "办公经费 office"},
		{StageProjects, "vector_control", "病媒生物防制", "病媒生物防制 vector_control"},
		{StageProjects, "same", "", "same"},
		{StageProjects, "unknown", "", "unknown"},
		{StageBlock, "communities", "社区数", "社区数 communities"},
		{StageBlock, "tickets", "", "tickets"},
		{StageIncentive, "tax_growth", "税源增长激励", "税源增长激励 tax_growth"},
		{StageDamping, "ceiling", "封顶调减", "封顶调减 ceiling"},
		{StageDamping, "floor", "保底补足", "保底补足 floor"},
		{StageDamping, "floor_funding", "分摊保底资金", "分摊保底资金 floor_funding"},
		{StageDamping, "none", "不调整", "不调整 none"},
	} {
		if got := n.Of(tc.st, tc.item); got != tc.of {
			t.Errorf("Of(%s, %s) = %q, want %q", tc.st, tc.item, got, tc.of)
		}
		if got := n.Label(tc.st, tc.item); got != tc.label {
			t.Errorf("Label(%s, %s) = %q, want %q", tc.st, tc.item, got, tc.label)
		}
	}
	if got := (*Plan)(nil).ItemNames().Of(StageDamping, "floor"); got != "保底补足" {
		t.Errorf("nil plan: %q", got)
	}
}

// refLabels are the labels labelPlan draws from: Chinese, with digits,
// spaces, operators and separators, and some that must fall back to ids.
var refLabels = []string{"病媒防制面积", "60岁以上老年人", "面积 2025", "a × b = 3", "x;y,z", "（全角）", "数量[1]", "(括号)", "−1 + 2", "q0"}

// labelPlan gives a random plan's quantities labels and its staff
// categories names, so that its line text names them (refNames).
func labelPlan(p *Plan, seed uint64) *Plan {
	if p == nil {
		return nil
	}
	r := rand.New(rand.NewPCG(seed, 7))
	p.QuantityLabels = map[string]QuantityLabel{}
	qs := map[string]bool{}
	for _, s := range p.Subdistricts {
		for q := range s.Quantities.All() {
			qs[q] = true
		}
	}
	names := slices.Clone(refLabels)
	r.Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
	for k, q := range slices.Sorted(maps.Keys(qs)) {
		if k < len(names) && names[k] != q && !qs[names[k]] && r.IntN(4) > 0 {
			p.QuantityLabels[q] = QuantityLabel{Name: names[k], Unit: "个"}
		}
	}
	staff := slices.Clone(p.Staff)
	for k := range staff {
		staff[k].Name = fmt.Sprintf("人员 %d", r.IntN(3)) // sometimes two alike: ids
	}
	p.Staff = staff
	return p
}

// TestLabelledLinesRecompute: with labels and staff names, line text
// names quantities by them and every line still recomputes.
func TestLabelledLinesRecompute(t *testing.T) {
	named := 0
	for seed := uint64(1); seed <= 150; seed++ {
		for _, gen := range []func(uint64) *Plan{randomPlan, randomRulesPlan, floorPlan} {
			p := labelPlan(gen(seed), seed)
			if p == nil {
				continue
			}
			res, err := evaluate(p)
			if err != nil {
				continue
			}
			if err := CheckLines(res); err != nil {
				t.Fatalf("seed %d: %v", seed, err)
			}
			for _, a := range res.Subdistricts {
				for _, l := range a.Lines {
					if f := l.Formula(); strings.Contains(f, "[人员 ") || strings.Contains(f, "[病媒防制面积]") || strings.Contains(f, "[60岁以上老年人]") {
						named++
					}
				}
			}
		}
	}
	if named == 0 {
		t.Fatal("no line names a quantity by its label or a headcount by its name")
	}
}

// TestLineNamesSample: a labelled quantity and a headcount read by name.
func TestLineNamesSample(t *testing.T) {
	p := randomPlan(3)
	if p == nil {
		t.Fatal("seed 3 gives no plan")
	}
	p.Quotas = []Quota{{ID: "u", Name: "定额", Rate: decimal.NewFromInt(10), Basis: []string{"q0", "staff.s0"}}}
	p.QuantityLabels = map[string]QuantityLabel{"q0": {Name: "病媒防制面积", Unit: "平方米"}}
	p.Staff = slices.Clone(p.Staff)
	p.Staff[0].Name = "公务员"
	res, err := evaluate(p)
	if err != nil {
		t.Fatal(err)
	}
	f := ""
	for _, l := range res.Subdistricts[0].Lines {
		if l.Stage == StagePublic {
			f = l.Formula()
		}
	}
	if !strings.Contains(f, " [病媒防制面积] + ") || !strings.Contains(f, " [公务员])") {
		t.Errorf("public line %q: want [病媒防制面积] and [公务员]", f)
	}
}
