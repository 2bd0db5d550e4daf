package report

import (
	"math/rand/v2"
	"net/url"
	"testing"
)

// TestStampHeaderAsValues: the stamp header is url.Values' encoding of
// its fields, for stamps with and without a scenario and overrides, and
// awkward text.
func TestStampHeaderAsValues(t *testing.T) {
	texts := []string{"", "sample", "西城区 2025", "a&b=c", "set.plan.capacity=1", "100% / 病媒+1.5", "?#"}
	r := rand.New(rand.NewPCG(25, 7))
	for range 500 {
		pick := func() string { return texts[r.IntN(len(texts))] }
		st := &Stamp{Plan: pick(), Scenario: pick(), SHA256: pick(), Version: pick()}
		for range r.IntN(4) {
			st.Overrides = append(st.Overrides, pick())
		}
		v := url.Values{}
		v.Set("plan", st.Plan)
		if st.Scenario != "" {
			v.Set("scenario", st.Scenario)
		}
		for _, o := range st.Overrides {
			v.Add("set", o)
		}
		v.Set("sha256", st.SHA256)
		v.Set("version", st.Version)
		if got, want := st.Header(), v.Encode(); got != want {
			t.Fatalf("%+v: %q, want %q", st, got, want)
		}
	}
}
