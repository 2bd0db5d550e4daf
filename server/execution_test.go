package server

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// execBody is September's execution of the tiny plan: one line of each 街道.
const execBody = "街道,项目,预算数,支出数,月份\n东街道,greening,100000,40000,9\n西街道,vector_control,50000,45000,9\n"

// TestExecutionRoutes: a planner imports (the others may not); a file
// with problems is refused with each cell and nothing recorded; readers
// and approvers read every line, a 街道 its own only; the imports are
// listed; the page shows the rates; a planner writes next year's plan
// into the plans folder, once (not over it without force).
func TestExecutionRoutes(t *testing.T) {
	e := newRecordEnv(t)
	const base = "/api/v1/plans/tiny"
	send := func(token, body string, want int) []byte {
		t.Helper()
		w := e.do("POST", base+"/execution?name=9.csv", []byte(body), "Authorization", "Bearer "+token)
		if w.Code != want {
			t.Fatalf("import: %d, want %d: %s", w.Code, want, w.Body.String())
		}
		return w.Body.Bytes()
	}
	send(e.approver, execBody, http.StatusForbidden)
	send(e.east, execBody, http.StatusForbidden)
	bad := send(e.planner, "街道,项目,预算数,支出数,月份\n南街道,greening,1,1,13\n", http.StatusUnprocessableEntity)
	if b := string(bad); !strings.Contains(b, `"path": "A2"`) || !strings.Contains(b, `"path": "E2"`) || !strings.Contains(b, "unknown_ref") {
		t.Errorf("problems: %s", b)
	}
	im := decodeInto[importJSON](t, send(e.planner, execBody, http.StatusCreated))
	if im.N != 1 || im.Rows != 2 || im.File != "9.csv" || im.Year != 2025 {
		t.Errorf("import %+v", im)
	}
	all := string(e.call("GET", base+"/execution", e.approver, http.StatusOK))
	if !strings.Contains(all, `"subdistrict": "east"`) || !strings.Contains(all, `"subdistrict": "west"`) || !strings.Contains(all, `"rate": "0.4"`) {
		t.Errorf("approver's report: %s", all)
	}
	own := string(e.call("GET", base+"/execution", e.east, http.StatusOK))
	if !strings.Contains(own, `"subdistrict": "east"`) || strings.Contains(own, `"subdistrict": "west"`) {
		t.Errorf("east's report: %s", own)
	}
	if csv := string(e.call("GET", base+"/execution.csv", e.west, http.StatusOK)); strings.Contains(csv, "east") || !strings.Contains(csv, "west,西街道,vector_control") {
		t.Errorf("west's CSV: %s", csv)
	}
	if w := e.Get(base+"/execution.png", http.StatusOK, "Authorization", "Bearer "+e.approver); w.Header().Get("Content-Type") != "image/png" || w.Body.Len() < 1000 {
		t.Errorf("chart: %s, %d bytes", w.Header().Get("Content-Type"), w.Body.Len())
	}
	if svg := e.Get(base+"/execution.svg", http.StatusOK, "Authorization", "Bearer "+e.east).Body.String(); !strings.Contains(svg, "东街道") || strings.Contains(svg, "西街道") {
		t.Errorf("east's chart shows another 街道 or not its own")
	}
	e.call("GET", base+"/execution/imports", e.east, http.StatusForbidden)
	if list := string(e.call("GET", base+"/execution/imports", e.planner, http.StatusOK)); !strings.Contains(list, `"file": "9.csv"`) {
		t.Errorf("imports: %s", list)
	}
	if page := e.Get("/plans/tiny/execution", http.StatusOK, "Authorization", "Bearer "+e.planner).Body.String(); !strings.Contains(page, "40.0%") || !strings.Contains(page, "写出下年方案") {
		t.Errorf("planner's page lacks the rates or the button")
	}
	if page := e.Get("/plans/tiny/execution", http.StatusOK, "Authorization", "Bearer "+e.east).Body.String(); strings.Contains(page, "西街道") || strings.Contains(page, "写出下年方案") {
		t.Errorf("east's page shows another 街道 or the planner's button")
	}
	e.call("POST", base+"/next", e.approver, http.StatusForbidden)
	next := string(e.call("POST", base+"/next", e.planner, http.StatusCreated))
	if !strings.Contains(next, "tiny-2026.toml") || !strings.Contains(next, `"fiscal_year": 2026`) {
		t.Errorf("next: %s", next)
	}
	if b, err := os.ReadFile(filepath.Join(e.plans, "tiny-2026.toml")); err != nil || !strings.Contains(string(b), "fiscal_year = 2026") {
		t.Errorf("next year's plan: %v", err)
	}
	e.call("POST", base+"/next", e.planner, http.StatusConflict)
	e.call("POST", base+"/next?name=tiny", e.planner, http.StatusBadRequest)
	if audit := string(e.call("GET", "/api/v1/audit", e.approver, http.StatusOK)); !strings.Contains(audit, "execution.import") {
		t.Errorf("audit: %s", audit)
	}
}
