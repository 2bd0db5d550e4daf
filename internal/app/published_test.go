package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/internal/store/sqlite"
	"github.com/caili/caili/standards"
)

// tinyText is the tiny example plan for a fiscal year; from 2026 on its
// damping measures the formula funds only (personnel and public costs
// excluded).
func tinyText(t *testing.T, year string) string {
	t.Helper()
	b, err := os.ReadFile("../../testdata/tiny/plan.toml")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), "fiscal_year = 2025", "fiscal_year = "+year, 1)
	if year == "2025" {
		return s
	}
	return strings.Replace(s, `baseline = "last_year_total"`, `baseline = "last_year_total"
exclude = ["personnel", "public"]`, 1)
}

// TestPublishedBaselineFromRecord: a 2025 plan saved, approved and
// published; the 2026 plan, same id, with `baseline = "@published:2025"`
// computes with each 街道's published formula funds (total less
// personnel and public costs) as its baseline, which is the result of the
// same plan with those baselines typed as quantities; its damping lines
// cite the publication.
func TestPublishedBaselineFromRecord(t *testing.T) {
	ctx := context.Background()
	data, plans := t.TempDir(), t.TempDir()
	st, err := sqlite.OpenDir(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	file := filepath.Join(plans, "tiny.toml")
	write := func(text string) {
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	text2026 := strings.Replace(tinyText(t, "2026"), `baseline = "last_year_total"`, `baseline = "@published:2025"`, 1)
	write(text2026)
	// Another plan file names the plan whose publication it reads.
	next := strings.Replace(text2026, `"@published:2025"`, `"@published:tiny:2025"`, 1)
	if err := os.WriteFile(filepath.Join(plans, "next.toml"), []byte(next), 0o644); err != nil {
		t.Fatal(err)
	}
	e, err := app.New(app.Config{PlansDir: plans, DataDir: data, Store: st, Version: "test", Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	// Nothing is published yet: the 2026 plan does not load, and says why.
	if _, err := e.Plan("tiny"); !hasCode(err, formula.CodePublishedMissing) {
		t.Fatalf("before publication: %v, want %s", err, formula.CodePublishedMissing)
	}

	write(tinyText(t, "2025"))
	if err := e.Plans.Scan(true); err != nil {
		t.Fatal(err)
	}
	admin := caili.Actor{ID: "test", Role: caili.RoleAdmin}
	rec, _, err := e.SaveVersion(ctx, admin, "tiny", "2025")
	if err != nil {
		t.Fatal(err)
	}
	approver := caili.Actor{ID: "approver", Role: caili.RoleApprover}
	if _, err := e.Approve(ctx, approver, "tiny", rec.N); err != nil {
		t.Fatal(err)
	}
	pub, err := e.Publish(ctx, approver, "tiny", rec.N, "")
	if err != nil {
		t.Fatal(err)
	}
	// Publishing wrote the result into the store as it made it: it is
	// read back from there.
	whole, err := e.Records.Published(ctx, "tiny")
	if err != nil || whole.ResultHash != pub.ResultHash {
		t.Fatalf("published %v", err)
	}
	var published report.Allocations
	if err := json.Unmarshal(whole.Result, &published); err != nil {
		t.Fatal(err)
	}
	// The publication loads again the plans that wait for it, unchanged.
	nv, err := e.Plan("next")
	if err != nil || nv.Base.Err != nil {
		t.Fatalf("next after the publication: %v", err)
	}

	write(text2026)
	if err := e.Plans.Scan(true); err != nil {
		t.Fatal(err)
	}
	v, err := e.Plan("tiny")
	if err != nil {
		t.Fatal(err)
	}
	if v.Base.Err != nil {
		t.Fatal(v.Base.Err)
	}
	// The same plan with the published formula funds typed as last_year_total.
	typed := tinyText(t, "2026")
	for _, s := range published.Subdistricts {
		b := dec(t, s.Total).Sub(dec(t, s.Personnel)).Sub(dec(t, s.Public))
		typed = replaceBaseline(t, typed, s.ID, b.String())
	}
	doc, err := standards.Parse("tiny.toml", []byte(typed), nil)
	if err != nil {
		t.Fatal(err)
	}
	m, err := doc.Compile()
	if err != nil {
		t.Fatal(err)
	}
	want, err := m.Evaluate()
	if err != nil {
		t.Fatal(err)
	}
	if got, exp := amounts(t, v.Base.Res), amounts(t, want); got != exp {
		t.Errorf("@published:2025 gives\n%s\nwant, as typed,\n%s", got, exp)
	}
	if got, exp := amounts(t, nv.Base.Res), amounts(t, want); got != exp {
		t.Errorf("@published:tiny:2025 gives\n%s\nwant, as typed,\n%s", got, exp)
	}
	checkCites(t, v.Base.Res, "2025年已发布版本 第 1 版 "+pub.ResultHash[:8])
	checkCites(t, nv.Base.Res, "方案 tiny 2025年已发布版本 第 1 版 "+pub.ResultHash[:8])
}

// checkCites checks that every damping line ends with the citation.
func checkCites(t *testing.T, res *formula.Result, cite string) {
	t.Helper()
	for _, a := range res.Subdistricts {
		for _, l := range a.Lines {
			if l.Stage == formula.StageDamping && !strings.HasSuffix(l.Formula(), formula.BaselineMark+cite) {
				t.Errorf("%s: %q does not end with %q", a.ID, l.Formula(), cite)
			}
		}
	}
}

// TestPublishedBaselineNoStore: without a record a plan asking for a
// published baseline has the problem at its line.
func TestPublishedBaselineNoStore(t *testing.T) {
	plans := t.TempDir()
	text := strings.Replace(tinyText(t, "2026"), `baseline = "last_year_total"`, `baseline = "@published:2025"`, 1)
	if err := os.WriteFile(filepath.Join(plans, "tiny.toml"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	e, err := app.New(app.Config{PlansDir: plans, DataDir: t.TempDir(), Version: "test", Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	_, err = e.Plan("tiny")
	if !hasCode(err, formula.CodePublishedMissing) {
		t.Fatalf("%v, want %s", err, formula.CodePublishedMissing)
	}
	var ae *caili.Error
	errors.As(err, &ae)
	if p := msg.Problems(ae)[0]; p.File != "tiny.toml" || p.Line == 0 || p.Path != "damping.baseline" {
		t.Errorf("problem at %s:%d %s", p.File, p.Line, p.Path)
	}
}

// hasCode reports whether err is an application error with a problem of
// code.
func hasCode(err error, code formula.Code) bool {
	var ae *caili.Error
	if !errors.As(err, &ae) {
		return false
	}
	for _, p := range msg.Problems(ae) {
		if p.Code == code {
			return true
		}
	}
	return false
}

func dec(t *testing.T, s string) decimal.Decimal {
	t.Helper()
	d, err := decimal.NewFromString(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// replaceBaseline types b as last_year_total of sub-district id.
func replaceBaseline(t *testing.T, text, id, b string) string {
	t.Helper()
	re := regexp.MustCompile(`(?s)(id = "` + id + `".*?last_year_total = )"[0-9.]+"`)
	if !re.MatchString(text) {
		t.Fatalf("no last_year_total for %s", id)
	}
	return re.ReplaceAllString(text, `${1}"`+b+`"`)
}

// amounts renders every amount of a result, lines without their text.
func amounts(t *testing.T, res *formula.Result) string {
	t.Helper()
	var b bytes.Buffer
	if err := report.WriteCSV(&b, res, report.CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, a := range res.Subdistricts {
		for _, l := range a.Lines {
			b.WriteString(a.ID + " " + string(l.Stage) + " " + l.Item + " " + l.Amount.String() + "\n")
		}
	}
	return b.String()
}
