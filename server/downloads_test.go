package server

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caili/caili/internal/report"
)

// sampleHandler serves the embedded sample plan with its built-in
// scenarios, as `caili serve` does.
func sampleHandler(t *testing.T) http.Handler {
	t.Helper()
	srv, err := New(withRecord(t, Config{Version: "test", Logger: slog.New(slog.DiscardHandler), PollInterval: -1}))
	if err != nil {
		t.Fatal(err)
	}
	return srv.Handler()
}

func get(t *testing.T, h http.Handler, target string, want int) *httptest.ResponseRecorder {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, target, nil))
	if w.Code != want {
		t.Fatalf("GET %s: %d, want %d\n%s", target, w.Code, want, w.Body.String())
	}
	return w
}

// Three scenarios side by side give, per 街道, exactly what three
// compare.json?scenario= give (issue 24 §6).
func TestCompareScenariosRoute(t *testing.T) {
	h := sampleHandler(t)
	names := []string{"vector_control_1_5", "capacity_minus_5pct", "workload_weight_0_5"}
	q := "scenario=" + strings.Join(names, "&scenario=")
	var side report.ScenariosJSON
	if err := json.Unmarshal(get(t, h, "/api/v1/plans/sample/compare-scenarios.json?"+q, http.StatusOK).Body.Bytes(), &side); err != nil {
		t.Fatal(err)
	}
	if len(side.Scenarios) != 3 || len(side.Subdistricts) != 15 {
		t.Fatalf("side by side: %v, %d 街道", side.Scenarios, len(side.Subdistricts))
	}
	for k, n := range names {
		var one report.CompareJSON
		if err := json.Unmarshal(get(t, h, "/api/v1/plans/sample/compare.json?scenario="+n, http.StatusOK).Body.Bytes(), &one); err != nil {
			t.Fatal(err)
		}
		rows := append(append([]report.CompareRow{}, one.Subdistricts...), one.Totals)
		got := append(append([]report.ScenariosRow{}, side.Subdistricts...), side.Totals)
		for i, r := range rows {
			want := report.ScenarioCell{Total: r.ScenarioTotal, Change: r.Change, ChangePct: r.ChangePct}
			if got[i].ID != r.ID || got[i].BaseTotal != r.BaseTotal || got[i].Scenarios[k] != want {
				t.Errorf("%s %s: %v, alone %v", n, r.ID, got[i].Scenarios[k], want)
			}
		}
	}
	w := get(t, h, "/api/v1/plans/sample/compare-scenarios.csv?"+q+"&unit=wan&header=zh", http.StatusOK)
	if b := w.Body.String(); !strings.Contains(b, "尾差") || !strings.Contains(b, "capacity_minus_5pct 变化") ||
		!strings.Contains(w.Header().Get("Content-Disposition"), "compare-scenarios.csv") {
		t.Fatalf("csv:\n%s", b)
	}
	if w := get(t, h, "/api/v1/plans/sample/compare-scenarios.xlsx?"+q, http.StatusOK); w.Header().Get("Content-Type") != typeXLSX || w.Body.Len() < 1000 {
		t.Fatalf("xlsx: %s %d", w.Header().Get("Content-Type"), w.Body.Len())
	}
	// Without a scenario: every built-in one.
	var all report.ScenariosJSON
	if err := json.Unmarshal(get(t, h, "/api/v1/plans/sample/compare-scenarios.json", http.StatusOK).Body.Bytes(), &all); err != nil || len(all.Scenarios) < 5 {
		t.Fatalf("all: %v %v", err, all.Scenarios)
	}
	get(t, h, "/api/v1/plans/sample/compare-scenarios.json?scenario=nope", http.StatusNotFound)
	get(t, h, "/api/v1/plans/sample/compare-scenarios.json?scenario=a%01b", http.StatusBadRequest)
	get(t, h, "/api/v1/plans/sample/compare-scenarios.json?unit=wan", http.StatusBadRequest)
	get(t, h, "/api/v1/plans/sample/compare-scenarios.json?"+strings.Repeat("scenario=vector_control_1_5&", 9), http.StatusBadRequest)
}

func TestNoticesAndRendaRoutes(t *testing.T) {
	h := sampleHandler(t)
	w := get(t, h, "/api/v1/plans/sample/notices.pdf?subdistrict="+url.QueryEscape("德胜街道")+"&kind="+url.QueryEscape("控制数")+"&doc_no=X&date=2025-03-01", http.StatusOK)
	if w.Header().Get("Content-Type") != typePDF || !strings.HasPrefix(w.Body.String(), "%PDF") ||
		!strings.Contains(w.Header().Get("Content-Disposition"), "desheng") {
		t.Fatalf("notices.pdf: %s %q", w.Header().Get("Content-Type"), w.Header().Get("Content-Disposition"))
	}
	all := get(t, h, "/api/v1/plans/sample/notices.pdf", http.StatusOK)
	if all.Body.Len() <= w.Body.Len() {
		t.Errorf("all notices %d bytes, one %d", all.Body.Len(), w.Body.Len())
	}
	for _, bad := range []string{"kind=x", "date=2025-3-1", "subdistrict=nope", "kind=%E6%B5%8B%E7%AE%97&kind=x", "doc_no=" + strings.Repeat("x", 101), "other=1"} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/api/v1/plans/sample/notices.pdf?"+bad, nil))
		if w.Code != http.StatusBadRequest && w.Code != http.StatusNotFound {
			t.Errorf("notices.pdf?%s: %d", bad, w.Code)
		}
	}
	r := get(t, h, "/api/v1/plans/sample/renda.xlsx?scenario=capacity_minus_5pct", http.StatusOK)
	if r.Header().Get("Content-Type") != typeXLSX || !strings.Contains(r.Header().Get("Content-Disposition"), "renda") {
		t.Fatalf("renda.xlsx: %s %q", r.Header().Get("Content-Type"), r.Header().Get("Content-Disposition"))
	}
}

// The plan page in 万元: the note, the switch back to 元, its own validator.
func TestPlanPageWanRoute(t *testing.T) {
	h := sampleHandler(t)
	w := get(t, h, "/plans/sample?unit="+url.QueryEscape("万元"), http.StatusOK)
	y := get(t, h, "/plans/sample", http.StatusOK)
	if b := w.Body.String(); !strings.Contains(b, `id="wan-note"`) || !strings.Contains(b, "259,097.44") {
		t.Fatalf("万元 page lacks the note or the total in 万元")
	}
	if strings.Contains(y.Body.String(), `id="wan-note"`) || !strings.Contains(y.Body.String(), `class="unit-switch"`) {
		t.Fatalf("元 page")
	}
	if w.Header().Get("ETag") == "" || w.Header().Get("ETag") == y.Header().Get("ETag") {
		t.Errorf("ETags %q %q", w.Header().Get("ETag"), y.Header().Get("ETag"))
	}
}

// The page of scenarios side by side shows the groups the API gives.
func TestScenariosPage(t *testing.T) {
	h := sampleHandler(t)
	w := get(t, h, "/plans/sample/compare?scenario=vector_control_1_5&scenario=capacity_minus_5pct", http.StatusOK)
	b := w.Body.String()
	for _, want := range []string{`id="scenarios-table"`, `colspan="3" class="group">vector_control_1_5<`, `data-col="change.2">-121,430,430`,
		`value="workload_weight_0_5">`, `compare-scenarios.xlsx?scenario=vector_control_1_5&amp;scenario=capacity_minus_5pct`} {
		if !strings.Contains(b, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	wan := get(t, h, "/plans/sample/compare?scenario=capacity_minus_5pct&unit=wan", http.StatusOK).Body.String()
	if !strings.Contains(wan, `id="wan-note"`) || !strings.Contains(wan, "-12,143.04") || !strings.Contains(wan, `name="unit" value="万元"`) {
		t.Errorf("万元 page")
	}
	all := get(t, h, "/plans/sample/compare", http.StatusOK).Body.String()
	if strings.Count(all, `class="group"`) < 5 {
		t.Errorf("every scenario: %d groups", strings.Count(all, `class="group"`))
	}
	get(t, h, "/plans/sample/compare?scenario=nope", http.StatusNotFound)
	get(t, h, "/plans/sample/compare?bogus=1", http.StatusBadRequest)
}

// pdfText is a PDF's text (pdftotext); the test is skipped without it.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) not found")
	}
	f := filepath.Join(t.TempDir(), "n.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-layout", f, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// A notice of the working plan is a draft; once its files are published,
// it is dated from the publication and is not; a what-if stays a draft.
func TestNoticeDatedFromPublication(t *testing.T) {
	e := newRecordEnv(t)
	text := func(target string) string {
		t.Helper()
		return pdfText(t, e.Get(target, http.StatusOK).Body.Bytes())
	}
	if s := text("/api/v1/plans/tiny/notices.pdf?subdistrict=east"); !strings.Contains(s, "草案") || !strings.Contains(s, "东街道") {
		t.Fatalf("before publishing:\n%s", s)
	}
	e.call("POST", "/api/v1/plans/tiny/versions", e.planner, http.StatusCreated)
	e.call("POST", "/api/v1/plans/tiny/versions/1/approve", e.approver, http.StatusOK)
	e.call("POST", "/api/v1/plans/tiny/versions/1/publish", e.approver, http.StatusOK)
	p, err := e.srv.app.Records.Published(context.Background(), "tiny")
	if err != nil {
		t.Fatal(err)
	}
	at := p.PublishedAt.Local()
	day := fmt.Sprintf("%d年%d月%d日", at.Year(), int(at.Month()), at.Day())
	if s := text("/api/v1/plans/tiny/notices.pdf?subdistrict=east&doc_no=" + url.QueryEscape("区财〔2025〕1号")); strings.Contains(s, "草案") ||
		!strings.Contains(s, day) || !strings.Contains(s, "区财〔2025〕1号") {
		t.Fatalf("after publishing (want %s):\n%s", day, s)
	}
	if s := text("/api/v1/plans/tiny/notices.pdf?subdistrict=east&date=2025-03-01"); !strings.Contains(s, "2025年3月1日") {
		t.Fatalf("date= after publishing:\n%s", s)
	}
	if s := text("/api/v1/plans/tiny/notices.pdf?subdistrict=east&set.plan.capacity=61000000"); !strings.Contains(s, "草案") {
		t.Fatalf("a what-if:\n%s", s)
	}
}
