package app

import (
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/standards"
)

// sampleApp serves the embedded sample, with a data folder of its own.
func sampleApp(t *testing.T) *App {
	t.Helper()
	e, err := New(Config{DataDir: t.TempDir(), Version: "test", Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestFindSubdistrict: a sub-district by id or name; unknown is not found
// with the nearest, ambiguous a bad request with the ids.
func TestFindSubdistrict(t *testing.T) {
	e := sampleApp(t)
	v, err := e.Plan(SampleID)
	if err != nil {
		t.Fatal(err)
	}
	res := v.Base.Res
	for _, tt := range []struct {
		ref, id string
		kind    caili.Kind
		says    string
	}{
		{ref: "desheng", id: "desheng"},
		{ref: "德胜街道", id: "desheng"},
		{ref: " 西长安街街道 ", id: "xichangan"},
		{ref: "德胜", kind: caili.KindNotFound, says: "did you mean desheng / 德胜街道?"},
		{ref: "nowhere", kind: caili.KindNotFound, says: `nothing has the id or name "nowhere" among the sub-districts`},
	} {
		a, err := FindSubdistrict(SampleID, res, tt.ref)
		if tt.kind == 0 {
			if err != nil || a.ID != tt.id {
				t.Errorf("%q: %v, %v; want %s", tt.ref, a, err, tt.id)
			}
			continue
		}
		var ae *caili.Error
		if !errors.As(err, &ae) || ae.Kind != tt.kind || !strings.Contains(msg.ErrorWords(msg.En, ae), tt.says) || len(msg.Problems(ae)) != 1 {
			t.Errorf("%q: %v; want kind %d saying %q", tt.ref, err, tt.kind, tt.says)
		}
	}
	// Two sub-districts with one name: a bad request listing both ids.
	twin := *res
	twin.Subdistricts = append(twin.Subdistricts[:0:0], res.Subdistricts...)
	twin.Subdistricts[1].Name = twin.Subdistricts[0].Name
	_, err = FindSubdistrict(SampleID, &twin, twin.Subdistricts[0].Name)
	var ae *caili.Error
	if !errors.As(err, &ae) || ae.Kind != caili.KindBadRequest || !strings.Contains(msg.ErrorWords(msg.Zh, ae), twin.Subdistricts[0].ID+"、"+twin.Subdistricts[1].ID) {
		t.Errorf("ambiguous: %v", err)
	}
	if id, err := ResolveRef(v.Doc, v.ID, standards.TableProject, "病媒生物防制"); err != nil || id != "vector_control" {
		t.Errorf("ResolveRef project = %q, %v", id, err)
	}
	if _, err := ResolveRef(v.Doc, v.ID, standards.TableProject, "病媒"); !errors.As(err, &ae) || ae.Kind != caili.KindNotFound {
		t.Errorf("ResolveRef unknown project: %v", err)
	}
}

// TestScenarioByName: scenario= takes a file name or a [scenario] name;
// two scenarios with one name are a bad request naming both files; an
// unknown one is not found with the nearest names.
func TestScenarioByName(t *testing.T) {
	e := sampleApp(t)
	byFile, err := e.Scenarios.Find(SampleID, "capacity_minus_5pct")
	if err != nil {
		t.Fatal(err)
	}
	byName, err := e.Scenarios.Find(SampleID, "  财力总额减少 5% ")
	if err != nil || byName.Name != byFile.Name {
		t.Fatalf("by name: %v, %v", byName, err)
	}
	slash, err := e.Scenarios.Find(SampleID, "病媒生物防制标准降至 1.5 元/平方米")
	if err != nil || slash.Name != "vector_control_1_5" {
		t.Errorf("a name with a slash: %v, %v", slash, err)
	}
	var ae *caili.Error
	if _, err := e.Scenarios.Find(SampleID, "财力总额减少"); !errors.As(err, &ae) || ae.Kind != caili.KindNotFound || !strings.Contains(msg.ErrorWords(msg.Zh, ae), "您是不是要找") {
		t.Errorf("unknown: %v", err)
	}
	if _, err := e.Scenarios.Find(SampleID, "a\x01b"); !errors.As(err, &ae) || ae.Kind != caili.KindBadRequest {
		t.Errorf("control character: %v", err)
	}
	// Two scenarios with one name: see TestScenarioNameShared (it needs a
	// record store to save the second).
	// The job of a query by names is the job by ids: the same key.
	q1, err := ParseQuery("scenario=capacity_minus_5pct&set.subdistrict.desheng.quantities.vector_area_m2=1", ParamSet|ParamScenario)
	if err != nil {
		t.Fatal(err)
	}
	q2, err := ParseQuery("scenario=%E8%B4%A2%E5%8A%9B%E6%80%BB%E9%A2%9D%E5%87%8F%E5%B0%91%205%25&set.subdistrict.%E5%BE%B7%E8%83%9C%E8%A1%97%E9%81%93.quantities.%E7%97%85%E5%AA%92%E9%98%B2%E5%88%B6%E9%9D%A2%E7%A7%AF=1",
		ParamSet|ParamScenario)
	if err != nil {
		t.Fatal(err)
	}
	j1, err1 := e.Resolve(SampleID, q1)
	j2, err2 := e.Resolve(SampleID, q2)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if e.Key(j1) != e.Key(j2) {
		t.Error("a what-if by names is not the same request as by ids")
	}
}

func TestValidScenarioRef(t *testing.T) {
	for s, want := range map[string]bool{
		"capacity_minus_5pct": true, "财力总额减少 5%": true, "元/平方米": true, "../etc": true,
		"": false, "a\nb": false, "a\x00b": false, strings.Repeat("长", 100): false, "\xff": false,
	} {
		if ValidScenarioRef(s) != want {
			t.Errorf("ValidScenarioRef(%q) = %v", s, !want)
		}
	}
}

func TestQuantityRef(t *testing.T) {
	e := sampleApp(t)
	v, err := e.Plan(SampleID)
	if err != nil {
		t.Fatal(err)
	}
	p := v.Base.Res.Plan
	for ref, want := range map[string]string{"常住人口": "resident_population", "resident_population": "resident_population", "staff.civil_servant": "staff.civil_servant", "没有": "没有"} {
		if got := QuantityRef(p, ref); got != want {
			t.Errorf("QuantityRef(%q) = %q, want %q", ref, got, want)
		}
	}
}
