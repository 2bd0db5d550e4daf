package formula

import (
	"strings"
	"testing"
)

// uncited drops the citation a line ends with (source.go): the words of
// a source document are no arithmetic to recompute.
func uncited(text string) string {
	for _, mark := range []string{CitationMark, BaselineMark} {
		if i := strings.Index(text, mark); i >= 0 {
			text = text[:i]
		}
	}
	return text
}

// citedPlan is codePlan with sources on its standards and its damping
// baseline taken from a published result.
func citedPlan() *Plan {
	p := codePlan()
	p.Staff[0].Source = "罗财〔2024〕5号"
	p.Quotas[0].Source = "罗财〔2023〕12号"
	p.Projects[0].Source = "罗财〔2024〕5号、罗财〔2024〕9号"
	p.Damping.Baseline = "@published:2025"
	p.Damping.Published = &PublishedBaseline{Year: 2025, Version: "第 3 版 1a2b3c4d"}
	for i := range p.Subdistricts {
		q := p.Subdistricts[i].Quantities.Clone()
		q.Set("@published:2025", q.Value("last"))
		q.Delete("last")
		p.Subdistricts[i].Quantities = q
	}
	return p
}

// TestLinesCiteSources: every line of a standard with a source ends with
// its citation, every damping line with its publication, the lines
// recompute, and the amounts are those of the plan without citations.
func TestLinesCiteSources(t *testing.T) {
	cited, err := Compile(citedPlan())
	if err != nil {
		t.Fatal(err)
	}
	res, err := cited.Evaluate()
	if err != nil {
		t.Fatal(err)
	}
	plain, err := Compile(codePlan())
	if err != nil {
		t.Fatal(err)
	}
	want, err := plain.Evaluate()
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckLines(res); err != nil {
		t.Fatal(err)
	}
	wantEnd := map[Stage]string{
		StagePersonnel: CitationMark + "罗财〔2024〕5号",
		StagePublic:    CitationMark + "罗财〔2023〕12号",
		StageProjects:  CitationMark + "罗财〔2024〕5号、罗财〔2024〕9号",
		StageDamping:   BaselineMark + "2025年已发布版本 第 3 版 1a2b3c4d",
	}
	for i, a := range res.Subdistricts {
		if !a.Total.Equal(want.Subdistricts[i].Total) {
			t.Errorf("%s: total %s, want %s as with the baseline typed", a.ID, a.Total, want.Subdistricts[i].Total)
		}
		for k, l := range a.Lines {
			f, end := l.Formula(), wantEnd[l.Stage]
			switch {
			case end == "" && l.Source() != "":
				t.Errorf("%s %s/%s cites %q", a.ID, l.Stage, l.Item, l.Source())
			case end != "" && !strings.HasSuffix(f, end):
				t.Errorf("%s %s/%s: %q does not end with %q", a.ID, l.Stage, l.Item, f, end)
			case end == "" && f != want.Subdistricts[i].Lines[k].Formula():
				t.Errorf("%s %s/%s: %q changed", a.ID, l.Stage, l.Item, f)
			}
		}
	}
}

// TestPublishedBaselineIncomplete: a published baseline that lacks a
// sub-district is one problem at damping.baseline, and no missing quantity.
func TestPublishedBaselineIncomplete(t *testing.T) {
	p := citedPlan()
	p.Subdistricts[1].Quantities.Delete("@published:2025")
	ps := p.Validate()
	if len(ps) != 1 || ps[0].Code != CodePublishedIncomplete || ps[0].Path != "damping.baseline" {
		t.Fatalf("problems %v, want one %s at damping.baseline", ps, CodePublishedIncomplete)
	}
	if en := english(t, ps[0]); !strings.Contains(en, "西") {
		t.Errorf("%q does not name the sub-district", en)
	}
	if _, ok := p.QuantitiesRead()["@published:2025"]; ok {
		t.Error("a published baseline is listed as a quantity to collect")
	}
}

// TestCitationWords pins the words of a publication's citation.
func TestCitationWords(t *testing.T) {
	for _, tc := range []struct {
		b    PublishedBaseline
		want string
	}{
		{PublishedBaseline{Year: 2025}, "2025年已发布版本"},
		{PublishedBaseline{Year: 2025, Version: "第 2 版 abcd"}, "2025年已发布版本 第 2 版 abcd"},
		{PublishedBaseline{Year: 2024, Plan: "xicheng", Version: "第 1 版 ff"}, "方案 xicheng 2024年已发布版本 第 1 版 ff"},
	} {
		if got := tc.b.Citation(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.b, got, tc.want)
		}
	}
}
