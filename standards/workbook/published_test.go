package workbook

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/standards"
)

// publishedTiny is the tiny plan with its damping baseline taken from a
// published result (docs/dated.md): each 街道's last_year_total plus 1.
func publishedTiny(t *testing.T) ([]byte, *formula.Plan) {
	t.Helper()
	b, err := os.ReadFile("../../testdata/tiny/plan.toml")
	if err != nil {
		t.Fatal(err)
	}
	src := bytes.Replace(b, []byte(`baseline = "last_year_total"`), []byte(`baseline = "@published:2024"`), 1)
	doc, err := standards.Parse("plan.toml", src, nil, standards.WithPublished(func(string, int64) (*standards.Published, error) {
		pub := &standards.Published{Version: "第 1 版 abcdef12", Amounts: map[string]standards.PublishedAmounts{}}
		for id, v := range map[string]string{"east": "22500001", "west": "17000001", "north": "15000001"} {
			pub.Amounts[id] = standards.PublishedAmounts{Total: decimal.RequireFromString(v)}
		}
		return pub, nil
	}))
	if err != nil {
		t.Fatal(err)
	}
	p, err := doc.Plan()
	if err != nil {
		t.Fatal(err)
	}
	return src, p
}

// TestPublishedBaselineNotData: a baseline read from the record is no
// data to collect or write: the template has no column for it, a filled
// template keeps the plan's baselines (no change), and a plan file
// written with the sub-districts does not type it.
func TestPublishedBaselineNotData(t *testing.T) {
	src, p := publishedTiny(t)
	var csv bytes.Buffer
	if err := Template(&csv, p, TemplateOptions{Format: CSV}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(csv.String(), "@published") {
		t.Errorf("the template collects the published baseline:\n%s", csv.String())
	}
	subs, changes, ps := Import("data.csv", csv.Bytes(), p, false)
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	if len(changes) > 0 {
		t.Errorf("the unchanged template changes %v", changes)
	}
	for i, s := range subs {
		if v := s.Quantities.Value("@published:2024"); !v.Equal(p.Subdistricts[i].Quantities.Value("@published:2024")) {
			t.Errorf("%s: baseline %s after import", s.ID, v)
		}
	}
	out := ReplaceSubdistricts(src, p, p.Subdistricts)
	if n := bytes.Count(out, []byte("@published:2024")); n != 1 {
		t.Errorf("the plan file names the published baseline %d times:\n%s", n, out)
	}
}
