package server

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// TestOverrideAbsorbedWarning: a what-if that raises every 街道's
// personnel costs moves north's figure before damping, but its ceiling
// absorbs all of it; the JSON result's warnings and the plan page's
// banner say so, and the plan without the what-if does not.
func TestOverrideAbsorbedWarning(t *testing.T) {
	e := newEnv(t, "")
	const set = "?set.staff.civil_servant.annual_pay=161000"
	codes := func(target string) string {
		var body struct {
			Warnings []struct{ Code, Message string } `json:"warnings"`
		}
		if err := json.Unmarshal(e.Get(target, http.StatusOK).Body.Bytes(), &body); err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, w := range body.Warnings {
			out = append(out, w.Code)
		}
		return strings.Join(out, " ")
	}
	if got := codes("/api/v1/plans/tiny/allocations.json" + set); !strings.Contains(got, "override_absorbed") {
		t.Errorf("what-if warnings %q lack override_absorbed", got)
	}
	if got := codes("/api/v1/plans/tiny/allocations.json"); strings.Contains(got, "override_absorbed") {
		t.Errorf("the plan's own warnings %q say an override was absorbed", got)
	}
	p, _ := e.getPage("/plans/tiny"+set, http.StatusOK)
	if b := p.byID("warnings"); b == nil || !strings.Contains(textOf(b), "被保底封顶全部吸收") || !strings.Contains(textOf(b), "北街道") {
		t.Errorf("the plan page's banner does not say the what-if was absorbed")
	}
}
