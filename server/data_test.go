package server

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestTemplateRoutes: the plan's data-collection workbook and its CSV,
// pre-filled, as attachments with a strong ETag (304 when unchanged).
func TestTemplateRoutes(t *testing.T) {
	e := newEnv(t, "")
	w := e.Get("/api/v1/plans/tiny/template.xlsx", http.StatusOK)
	if ct := w.Header().Get("Content-Type"); ct != typeXLSX {
		t.Errorf("Content-Type %q", ct)
	}
	if cd := w.Header().Get("Content-Disposition"); !strings.Contains(cd, "tiny-subdistricts.xlsx") {
		t.Errorf("Content-Disposition %q", cd)
	}
	f, err := excelize.OpenReader(bytes.NewReader(w.Body.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if sheets := strings.Join(f.GetSheetList(), ","); !strings.Contains(sheets, "街道数据") {
		t.Errorf("sheets %s", sheets)
	}
	e.Get("/api/v1/plans/tiny/template.xlsx", http.StatusNotModified, "If-None-Match", w.Header().Get("ETag"))
	csv := e.Get("/api/v1/plans/tiny/template.csv", http.StatusOK).Body.String()
	if !strings.Contains(csv, "east") || !strings.Contains(csv, "\r\n") {
		t.Errorf("CSV template: %.200s", csv)
	}
	e.Get("/api/v1/plans/nope/template.xlsx", http.StatusNotFound)
	e.Get("/api/v1/plans/tiny/template.xlsx?x=1", http.StatusBadRequest)
}

// TestPreviewData: a filled data file is checked and evaluated without
// being saved; its problems come back by cell; writes need the token.
func TestPreviewData(t *testing.T) {
	e := newEnv(t, "secret")
	auth := []string{"Authorization", "Bearer secret"}
	tmpl := e.Get("/api/v1/plans/tiny/template.csv", http.StatusOK).Body.String()
	before := e.Get("/api/v1/plans/tiny/allocations.csv", http.StatusOK).Body.String()

	// Unchanged: no changes, the same result.
	w := e.do(http.MethodPost, "/api/v1/plans/tiny/data", []byte(tmpl), auth...)
	var pv previewJSON
	if w.Code != http.StatusOK || json.Unmarshal(w.Body.Bytes(), &pv) != nil || pv.Result == nil || len(pv.Changes) != 0 {
		t.Fatalf("unchanged data: %d %.300s", w.Code, w.Body.String())
	}

	// One 街道's population changed: one change, a result that differs.
	lines := strings.Split(tmpl, "\r\n")
	header := strings.Split(strings.TrimPrefix(lines[0], "\ufeff"), ",")
	col := -1
	for i, h := range header {
		if h == "population" {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("no population column in %q", lines[0])
	}
	cells := strings.Split(lines[1], ",")
	cells[col] = "99000"
	lines[1] = strings.Join(cells, ",")
	w = e.do(http.MethodPost, "/api/v1/plans/tiny/data", []byte(strings.Join(lines, "\r\n")), auth...)
	pv = previewJSON{}
	if w.Code != http.StatusOK || json.Unmarshal(w.Body.Bytes(), &pv) != nil || len(pv.Changes) != 1 || pv.Result == nil {
		t.Fatalf("changed data: %d %.400s", w.Code, w.Body.String())
	}
	if c := pv.Changes[0]; c.Key != "quantities.population" || c.New != "99000" || c.Text == "" {
		t.Errorf("change %+v", c)
	}
	if after := e.Get("/api/v1/plans/tiny/allocations.csv", http.StatusOK).Body.String(); after != before {
		t.Error("a dry run changed the plan being served")
	}

	// A negative value: 422 with the problem at its cell.
	cells[col] = "-5"
	lines[1] = strings.Join(cells, ",")
	w = e.do(http.MethodPost, "/api/v1/plans/tiny/data", []byte(strings.Join(lines, "\r\n")), auth...)
	if w.Code != http.StatusUnprocessableEntity {
		t.Fatalf("negative population: %d %.300s", w.Code, w.Body.String())
	}
	if ps := decodeError(t, w).Problems; len(ps) == 0 || ps[0].Path == "" || ps[0].File != "body.csv" {
		t.Errorf("problems %+v", ps)
	}

	// No token: refused; a bad merge value: 400.
	if w := e.do(http.MethodPost, "/api/v1/plans/tiny/data", []byte(tmpl)); w.Code != http.StatusUnauthorized {
		t.Errorf("without the token: %d", w.Code)
	}
	if w := e.do(http.MethodPost, "/api/v1/plans/tiny/data?merge=2", []byte(tmpl), auth...); w.Code != http.StatusBadRequest {
		t.Errorf("merge=2: %d", w.Code)
	}
}
