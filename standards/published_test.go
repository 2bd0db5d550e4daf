package standards

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// typedBaselines is the tiny plan with damping excluding the incentive, and
// each sub-district's last_year_total.
func typedBaselines(t *testing.T) (string, map[string]decimal.Decimal) {
	t.Helper()
	text := edit(t, tinyPlan(t), `baseline = "last_year_total"`, `baseline = "last_year_total"
exclude = ["incentive"]`)
	p := planOfText(t, text)
	out := map[string]decimal.Decimal{}
	for _, s := range p.Subdistricts {
		out[s.ID] = s.Quantities.Value("last_year_total")
	}
	return text, out
}

// publishedOf is a published result whose measure less personnel is
// base: each total holds an incentive the baseline leaves out.
func publishedOf(base map[string]decimal.Decimal) *Published {
	p := &Published{Version: "第 2 版 0123abcd", Amounts: map[string]PublishedAmounts{}}
	for id, b := range base {
		var a PublishedAmounts
		a.Components[3] = decimal.NewFromInt(777000) // incentive: excluded
		a.Components[4] = b
		a.Total = b.Add(a.Components[3])
		p.Amounts[id] = a
	}
	return p
}

// TestPublishedBaseline: a baseline taken from a published result gives
// the result of the same plan with the baselines typed, its damping lines
// cite the publication, and the hook is asked for the year (and plan) the
// baseline names.
func TestPublishedBaseline(t *testing.T) {
	typed, base := typedBaselines(t)
	want, err := Parse("plan.toml", []byte(typed), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ baseline, plan, cite string }{
		{"@published:2024", "", "2024年已发布版本 第 2 版 0123abcd"},
		{"@published:xicheng-2024:2024", "xicheng-2024", "方案 xicheng-2024 2024年已发布版本 第 2 版 0123abcd"},
	} {
		text := edit(t, typed, `baseline = "last_year_total"`, `baseline = "`+tc.baseline+`"`)
		asked := 0
		doc, err := Parse("plan.toml", []byte(text), nil, WithPublished(func(plan string, year int64) (*Published, error) {
			asked++
			if plan != tc.plan || year != 2024 {
				t.Errorf("asked for plan %q year %d", plan, year)
			}
			return publishedOf(base), nil
		}))
		if err != nil {
			t.Fatal(err)
		}
		if a, b := totalsOf(t, doc), totalsOf(t, want); a != b {
			t.Errorf("%s: totals %s, want %s", tc.baseline, a, b)
		}
		res, err := evaluate(doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range res.Subdistricts {
			for _, l := range a.Lines {
				if l.Stage == formula.StageDamping && !strings.HasSuffix(l.Formula(), formula.BaselineMark+tc.cite) {
					t.Errorf("%s: %q does not cite %q", a.ID, l.Formula(), tc.cite)
				}
			}
		}
		// Overrides share the answer: the store is read once.
		ovs, _ := ParseSets("damping.floor=0.9", "plan.capacity=60000000")
		if _, err := doc.Model(ovs...); err != nil {
			t.Fatal(err)
		}
		if asked != 1 {
			t.Errorf("the hook was asked %d times", asked)
		}
	}
}

// TestPublishedProblems: each way a published baseline cannot be had is
// one problem at damping.baseline, on its line, with its code.
func TestPublishedProblems(t *testing.T) {
	typed, base := typedBaselines(t)
	partial := publishedOf(base)
	delete(partial.Amounts, "east")
	tests := []struct {
		name     string
		baseline string
		f        PublishedFunc // nil: no WithPublished
		code     formula.Code
	}{
		{"no store", "@published:2024", nil, formula.CodePublishedMissing},
		{"not published", "@published:2024", func(plan string, year int64) (*Published, error) {
			return nil, &NotPublishedError{Plan: "tiny", Year: year}
		}, formula.CodePublishedMissing},
		{"store fails", "@published:2024", func(string, int64) (*Published, error) {
			return nil, errors.New("disk I/O error")
		}, formula.CodeUnreadable},
		{"bad form", "@published:24", nil, formula.CodeBadValue},
		{"lacks a sub-district", "@published:2024", func(string, int64) (*Published, error) { return partial, nil },
			formula.CodePublishedIncomplete},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := edit(t, typed, `baseline = "last_year_total"`, `baseline = "`+tt.baseline+`"`)
			var opts []Option
			if tt.f != nil {
				opts = append(opts, WithPublished(tt.f))
			}
			doc, err := Parse("plan.toml", []byte(text), nil, opts...)
			if err == nil {
				_, err = doc.Plan()
			}
			var se *formula.InvalidPlanError
			if !errors.As(err, &se) {
				t.Fatalf("error %v", err)
			}
			ps := se.Problems
			if len(ps) != 1 || ps[0].Code != tt.code || ps[0].Path != "damping.baseline" || ps[0].File != "plan.toml" ||
				ps[0].Line != lineOf(t, text, `baseline = "@`) {
				t.Fatalf("problems %v, want one %s at damping.baseline", ps, tt.code)
			}
			if tt.code == formula.CodePublishedIncomplete && !strings.Contains(msg.Problem(msg.En, ps[0]), "东") && !strings.Contains(msg.Problem(msg.En, ps[0]), "east") {
				t.Errorf("%q does not name east", msg.Problem(msg.En, ps[0]))
			}
		})
	}
}

// TestStampCoversPublishedBaseline: two results of the same files whose
// baselines come from different publications are stamped differently; a
// plan with a typed baseline is stamped by its files alone.
func TestStampCoversPublishedBaseline(t *testing.T) {
	typed, base := typedBaselines(t)
	text := edit(t, typed, `baseline = "last_year_total"`, `baseline = "@published:2024"`)
	stampWith := func(hash string) string {
		doc, err := Parse("plan.toml", []byte(text), nil, WithPublished(func(string, int64) (*Published, error) {
			p := publishedOf(base)
			p.ResultHash = hash
			return p, nil
		}))
		if err != nil {
			t.Fatal(err)
		}
		return doc.Stamp(nil)
	}
	a, b := stampWith("aa"), stampWith("bb")
	if a == b {
		t.Errorf("publications aa and bb give one stamp %s", a)
	}
	if a != stampWith("aa") {
		t.Error("the same publication stamps differently")
	}
	plain, err := Parse("plan.toml", []byte(text), nil)
	if err != nil {
		t.Fatal(err)
	}
	if s := plain.Stamp(nil); s == a {
		t.Error("a plan that does not load stamps like one that read a publication")
	}
	doc, err := Parse("plan.toml", []byte(typed), nil)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	WriteField(h, doc.FilesHash())
	if got, want := doc.Stamp(nil), hex.EncodeToString(h.Sum(nil)); got != want {
		t.Errorf("typed baseline: stamp %s, want the files' alone %s", got, want)
	}
}
