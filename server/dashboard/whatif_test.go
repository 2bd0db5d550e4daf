package dashboard

import (
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/msg"
)

func TestParseWhatIf(t *testing.T) {
	for _, c := range []struct {
		query    string
		want     WhatIf
		encoded  string
		problems []string // paths of the problems
	}{
		{query: "", encoded: ""},
		{query: "set.plan.capacity=&set.factor.area.weight=&path=&value=&path=&value=&scenario=", encoded: ""},
		{
			query:   "set.plan.capacity=+59000000+&set.factor.area.weight=0.3&set.factor.workload.weight=0.3",
			want:    WhatIf{Sets: []Override{{"factor.area.weight", "0.3"}, {"factor.workload.weight", "0.3"}, {"plan.capacity", "59000000"}}},
			encoded: "set.factor.area.weight=0.3&set.factor.workload.weight=0.3&set.plan.capacity=59000000",
		},
		{
			// Free rows pair by position; a row wins over a field of the
			// same path; "set." in a row's path is tolerated.
			query:   "path=performance.coefficients.中&value=0.8&path=&value=&path=set.plan.capacity&value=1&set.plan.capacity=2&scenario=cut5",
			want:    WhatIf{Scenario: "cut5", Sets: []Override{{"plan.capacity", "1"}, {"performance.coefficients.中", "0.8"}}},
			encoded: "scenario=cut5&set.plan.capacity=1&set.performance.coefficients.%E4%B8%AD=0.8",
		},
		{
			query:   "path=plan.capacity&value=&path=&value=7&scenario=Bad%01Name&set.=3&other=1",
			encoded: "", problems: []string{"set.", "path[1]", "path[2]", "scenario"},
		},
	} {
		q, err := url.ParseQuery(c.query)
		if err != nil {
			t.Fatal(err)
		}
		got, problems := ParseWhatIf(q)
		if !reflect.DeepEqual(got.Sets, c.want.Sets) && len(got.Sets)+len(c.want.Sets) > 0 || got.Scenario != c.want.Scenario {
			t.Errorf("%q: got %+v, want %+v", c.query, got, c.want)
		}
		if e := got.Encode(); e != c.encoded {
			t.Errorf("%q: encoded %q, want %q", c.query, e, c.encoded)
		}
		var paths []string
		for _, p := range problems {
			paths = append(paths, p.Path)
			if p.File != "query" || msg.Problem(msg.Zh, p) == "" {
				t.Errorf("problem %+v", p)
			}
		}
		if !reflect.DeepEqual(paths, c.problems) {
			t.Errorf("%q: problems %v, want %v", c.query, paths, c.problems)
		}
		if got.Active() != (c.encoded != "") {
			t.Errorf("%q: active %v", c.query, got.Active())
		}
		// What Encode gives reads back the same overrides (set.
		// parameters come back in the order of their names).
		back, ps := ParseWhatIf(mustQuery(t, got.Encode()))
		if len(ps) > 0 || back.Scenario != got.Scenario || !sameSets(back.Sets, got.Sets) {
			t.Errorf("%q: round trip %q", c.query, back.Encode())
		}
	}
}

// sameSets compares overrides regardless of order.
func sameSets(a, b []Override) bool {
	m := map[Override]int{}
	for _, o := range a {
		m[o]++
	}
	for _, o := range b {
		m[o]--
	}
	for _, n := range m {
		if n != 0 {
			return false
		}
	}
	return len(a) == len(b)
}

func mustQuery(t *testing.T, s string) url.Values {
	t.Helper()
	q, err := url.ParseQuery(s)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func TestParseWhatIfLimit(t *testing.T) {
	q := url.Values{}
	for i := range app.MaxOverrides + 5 {
		q.Add(ParamPath, "subdistrict.east.quantities.q"+strings.Repeat("x", i))
		q.Add(ParamValue, "1")
	}
	w, problems := ParseWhatIf(q)
	if len(w.Sets) != app.MaxOverrides || len(problems) != 1 {
		t.Errorf("%d overrides, %d problems", len(w.Sets), len(problems))
	}
}

func TestOverridesApply(t *testing.T) {
	w, _ := ParseWhatIf(mustQuery(t, "set.plan.capacity=59000000"))
	doc := loadTiny(t)
	d, err := doc.Apply(w.Overrides()...)
	if err != nil {
		t.Fatal(err)
	}
	p, err := d.Plan()
	if err != nil || p.Capacity.String() != "59000000" {
		t.Errorf("capacity %v, %v", p, err)
	}
}
