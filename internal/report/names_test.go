package report_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/internal/testplan"
)

// lineOf finds the line of stage and item in sub-district sub.
func lineOf(t *testing.T, doc *report.Allocations, sub, stage, item string) report.LineJSON {
	t.Helper()
	for _, s := range doc.Subdistricts {
		if s.ID != sub {
			continue
		}
		for _, l := range s.Lines {
			if l.Stage == stage && l.Item == item {
				return l
			}
		}
	}
	t.Fatalf("no %s line %s in %s", stage, item, sub)
	return report.LineJSON{}
}

// TestLineNames: a line of each stage carries the name the plan (or the
// rules, for the incentive and damping) gives its item, the same name
// formula.Plan.ItemNames gives explain, the statement and the workbook;
// an indicator's line without a label has none.
func TestLineNames(t *testing.T) {
	sample := report.NewAllocations(testplan.File(t, "../../configs/plan.toml"), true)
	tiny := report.NewAllocations(tinyResult(t), true)
	for _, tt := range []struct {
		doc                    *report.Allocations
		sub, stage, item, want string
	}{
		{sample, "desheng", "personnel", "civil_servant", "公务员"},
		{sample, "desheng", "public", "union_welfare", "工会经费及福利费"},
		{sample, "desheng", "projects", "vector_control", "病媒生物防制"},
		{sample, "desheng", "incentive", "tax_growth", "税源增长激励"},
		{sample, "desheng", "block", "resident_population", "常住人口"},
		{sample, "desheng", "damping", "ceiling", "封顶调减"},
		{sample, "baizhifang", "damping", "floor", "保底补足"},
		{sample, "xichangan", "damping", "none", "不调整"},
		{tiny, "north", "personnel", "community_worker", "社区工作者"},
		{tiny, "north", "damping", "ceiling", "封顶调减"},
		{tiny, "east", "block", "population", ""}, // no [quantity_labels] in the tiny plan
	} {
		t.Run(tt.sub+"/"+tt.stage+"/"+tt.item, func(t *testing.T) {
			if got := lineOf(t, tt.doc, tt.sub, tt.stage, tt.item).Name; got != tt.want {
				t.Errorf("name %q, want %q", got, tt.want)
			}
		})
	}
	// Every line of the sample is named, by the one naming.
	res := testplan.File(t, "../../configs/plan.toml")
	names := res.Plan.ItemNames()
	for i, s := range sample.Subdistricts {
		for k, l := range s.Lines {
			src := res.Subdistricts[i].Lines[k]
			if l.Name == "" || l.Name != names.Of(src.Stage, src.Item) {
				t.Errorf("%s line %d (%s %s): name %q, want %q", s.ID, k, l.Stage, l.Item, l.Name, names.Of(src.Stage, src.Item))
			}
		}
	}
}

// TestIndicatorNames: a score part's quantity carries its label's name
// and unit, the unit left out when the label gives none, both left out
// without a label; one sub-district's JSON names them as the whole
// result does.
func TestIndicatorNames(t *testing.T) {
	res := tinyResult(t)
	res.Plan.QuantityLabels = map[string]formula.QuantityLabel{
		"population":  {Name: "常住人口", Unit: "人"},
		"communities": {Name: "社区数"},
	}
	doc := report.NewAllocations(res, true)
	want := map[string][2]string{"population": {"常住人口", "人"}, "communities": {"社区数", ""}, "area_km2": {}, "hotline_tickets": {}}
	for _, s := range doc.Subdistricts {
		if s.Score == nil || len(s.Score.Indicators) != len(want) {
			t.Fatalf("%s: score %+v", s.ID, s.Score)
		}
		for _, ind := range s.Score.Indicators {
			if got := [2]string{ind.QuantityName, ind.Unit}; got != want[ind.Quantity] {
				t.Errorf("%s %s: name, unit %q, want %q", s.ID, ind.Quantity, got, want[ind.Quantity])
			}
		}
	}
	if got := lineOf(t, doc, "east", "block", "population").Name; got != "常住人口" {
		t.Errorf("block line named %q, want the label", got)
	}
	a := &res.Subdistricts[0]
	one, err := json.Marshal(report.NewSubdistrict(res, a, true))
	if err != nil {
		t.Fatal(err)
	}
	all, err := json.Marshal(doc.Subdistricts[0])
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(one, all) {
		t.Errorf("NewSubdistrict differs from the result's sub-district:\n%s\n%s", one, all)
	}
	// The fields sit beside their ids, in a fixed order.
	if !strings.Contains(string(all), `"quantity":"population","quantity_name":"常住人口","unit":"人","weight"`) ||
		!strings.Contains(string(all), `"item":"civil_servant","name":"公务员","amount"`) {
		t.Errorf("names not beside their ids:\n%s", all)
	}
}

// TestJSONUnnamed: the older form leaves out exactly the names beside the
// ids, nothing else.
func TestJSONUnnamed(t *testing.T) {
	res := testplan.File(t, "../../configs/plan.toml")
	var named, unnamed bytes.Buffer
	if err := report.WriteJSON(&named, res); err != nil {
		t.Fatal(err)
	}
	if err := report.WriteJSONUnnamed(&unnamed, res, nil); err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, line := range strings.Split(named.String(), "\n") {
		f := strings.TrimSpace(line)
		if strings.HasPrefix(f, `"quantity_name": `) || strings.HasPrefix(f, `"unit": `) {
			continue
		}
		if strings.HasPrefix(f, `"name": `) && len(kept) > 0 && strings.Contains(kept[len(kept)-1], `"item": `) {
			continue
		}
		kept = append(kept, line)
	}
	if got := strings.Join(kept, "\n"); got != unnamed.String() {
		t.Errorf("WriteJSONUnnamed is not WriteJSON without the names (%d vs %d bytes)", len(unnamed.String()), len(got))
	}
}
