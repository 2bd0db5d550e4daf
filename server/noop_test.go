package server

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestNoSilentNoOps: what-ifs that would change nothing are refused with
// the nearest valid names, over the API (400, code no_effect or
// unknown_path) and on the dashboard's form (the page says the
// adjustment could not be applied, never "已应用调整").
func TestNoSilentNoOps(t *testing.T) {
	e := newEnv(t, "")
	for _, tt := range []struct {
		set, code, says string
	}{
		{"set.subdistrict.east.quantities.populaton=999999", "no_effect", "您是不是要找 population?"},
		{"set.performance.coefficients.忧=2", "no_effect", "没有绩效等级"},
		{"set.subdistrict.eastt.adjustment=1.1", "unknown_path", "您是不是要找 east / 东街道?"},
	} {
		k, v, _ := strings.Cut(tt.set, "=")
		q := url.Values{k: {v}}.Encode()
		w := e.Get("/api/v1/plans/tiny/allocations.json?"+q, http.StatusBadRequest)
		var body struct {
			Problems []struct{ Code, Message string } `json:"problems"`
		}
		if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil || len(body.Problems) == 0 {
			t.Fatalf("%s: %v\n%s", tt.set, err, w.Body)
		}
		if p := body.Problems[0]; p.Code != tt.code || !strings.Contains(p.Message, tt.says) {
			t.Errorf("%s: got %s %q, want %s saying %q", tt.set, p.Code, p.Message, tt.code, tt.says)
		}

		path := strings.TrimPrefix(k, "set.")
		form := url.Values{"path": {path}, "value": {v}}.Encode()
		_, pw := e.getPage("/plans/tiny?"+form, http.StatusBadRequest)
		page := pw.Body.String()
		if strings.Contains(page, "已应用调整") || !strings.Contains(page, "调整未能应用") || !strings.Contains(page, tt.says) {
			t.Errorf("form %s: the page does not refuse it with %q", form, tt.says)
		}
	}
}

// TestPagesShowTheStamp: the plan page of a what-if and the statement
// say what they show: the scenario by its name, the overrides, the hash.
func TestPagesShowTheStamp(t *testing.T) {
	e := newEnv(t, "")
	_, w := e.getPage("/plans/tiny?"+url.Values{"path": {"plan.capacity"}, "value": {"58000000"}}.Encode(), http.StatusOK)
	if page := w.Body.String(); !strings.Contains(page, `id="stamp"`) || !strings.Contains(page, "plan.capacity=58000000") || !strings.Contains(page, "sha256 ") {
		t.Errorf("the what-if page does not show its stamp")
	}
	_, w = e.getPage("/plans/tiny/subdistricts/east", http.StatusOK)
	if page := w.Body.String(); !strings.Contains(page, "校验码 方案原值（无调整）") {
		t.Errorf("the statement does not show its stamp")
	}
}
