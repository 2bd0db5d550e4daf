package analysis

import (
	"bytes"
	"context"
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/internal/golden"
	"github.com/caili/caili/standards"
)

func leverOf(t *testing.T, r *Report, path string) Lever {
	t.Helper()
	for _, l := range r.Levers {
		if l.Path == path {
			return l
		}
	}
	t.Fatalf("no lever %s", path)
	return Lever{}
}

// TestSensitivitySample: every standard is a lever; moves the rules
// reject are reported; levers that move no total are masked; each change
// is what evaluating the moved plan gives.
func TestSensitivitySample(t *testing.T) {
	d := sample(t)
	r, err := Sensitivity(context.Background(), d, SensitivityRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Levers) < 50 || len(r.Subdistricts) != 15 {
		t.Fatalf("%d levers, %d sub-districts", len(r.Levers), len(r.Subdistricts))
	}
	if c := leverOf(t, r, "plan.capacity"); c.Down.Rejected == "" || c.Up.Changes == nil {
		t.Errorf("capacity −10%% should be rejected (floors), +10%% accepted: %+v", c)
	}
	for _, p := range []string{"tiers.A.max_share", "incentive.rate"} {
		if !leverOf(t, r, p).Masked {
			t.Errorf("%s should be masked", p)
		}
	}
	for i := 1; i < len(r.Levers); i++ {
		a, b := r.Levers[i-1], r.Levers[i]
		if !a.Masked && !b.Masked && a.MaxChange.LessThan(b.MaxChange) || a.Masked && !b.Masked {
			t.Errorf("levers not ranked at %d: %s %s", i, a.Path, b.Path)
		}
	}
	// a change is what the moved plan gives
	l := leverOf(t, r, "project.vector_control.unit_cost")
	res, err := evaluate(d, []standards.Override{{Path: l.Path, Value: "2.64"}})
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range res.Subdistricts {
		if want := a.Total.Sub(r.Subdistricts[i].Total); !l.Up.Changes[i].Equal(want) {
			t.Errorf("%s: change %s, want %s", a.ID, l.Up.Changes[i], want)
		}
	}
	// weights are moved with their siblings rescaled, and accepted
	if w := leverOf(t, r, "factor.workload.weight"); w.Up.Rejected != "" || w.Masked {
		t.Errorf("factor weight: %+v", w)
	}
}

// TestSensitivityFocus: with a sub-district, levers are ranked and masked
// by its total alone: desheng is held at its ceiling, so the factor
// weights cannot move it.
func TestSensitivityFocus(t *testing.T) {
	r, err := Sensitivity(context.Background(), sample(t), SensitivityRequest{Subdistrict: "德胜街道", Step: decimal.New(5, -2)})
	if err != nil {
		t.Fatal(err)
	}
	if r.Focus != "desheng" {
		t.Fatalf("focus %q", r.Focus)
	}
	if !leverOf(t, r, "factor.workload.weight").Masked {
		t.Error("factor.workload.weight should be masked for desheng")
	}
	if _, err := Sensitivity(context.Background(), sample(t), SensitivityRequest{Subdistrict: "nowhere"}); err == nil {
		t.Error("unknown sub-district accepted")
	}
	for _, s := range []string{"0", "100%", "-5%", "x"} {
		step, err := ParseStep(s)
		if err == nil {
			_, err = Sensitivity(context.Background(), sample(t), SensitivityRequest{Step: step})
		}
		if err == nil && s != "0" {
			t.Errorf("step %s accepted", s)
		}
	}
}

// TestFormatsGolden holds the table and CSV outputs on the sample plan
// to golden files (go test -update rewrites them).
func TestFormatsGolden(t *testing.T) {
	d := sample(t)
	r, err := Sensitivity(context.Background(), d, SensitivityRequest{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := Solve(context.Background(), d, SolveRequest{Target: "tier.A.demand<=cap", Vary: "project.vector_control.unit_cost"})
	if err != nil {
		t.Fatal(err)
	}
	outs := map[string]func(*bytes.Buffer) error{
		"sensitivity.txt": func(b *bytes.Buffer) error { return WriteSensitivityTable(b, r) },
		"sensitivity.csv": func(b *bytes.Buffer) error { return WriteSensitivityCSV(b, r, true) },
		"solve.txt":       func(b *bytes.Buffer) error { return WriteSolutionTable(b, s) },
		"solve.json":      func(b *bytes.Buffer) error { return WriteJSON(b, s) },
	}
	for name, write := range outs {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatal(err)
		}
		golden.Check(t, filepath.Join("testdata", name+".golden"), b.Bytes())
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(outsString(t, r), "\uFEFF"))).ReadAll()
	if err != nil || len(rows) < 15*len(r.Levers) {
		t.Errorf("csv: %d rows, %v", len(rows), err)
	}
}

func outsString(t *testing.T, r *Report) string {
	var b bytes.Buffer
	if err := WriteSensitivityCSV(&b, r, true); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// BenchmarkSensitivitySample is the whole sweep of the sample plan: about
// 60 levers, two moves each, by the fast path without lines.
func BenchmarkSensitivitySample(b *testing.B) {
	d := sample(b)
	for b.Loop() {
		if _, err := Sensitivity(context.Background(), d, SensitivityRequest{}); err != nil {
			b.Fatal(err)
		}
	}
}
