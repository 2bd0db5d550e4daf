package server

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/standards/workbook"
)

// send is call with a body.
func (e *recordEnv) send(method, target, token string, body string, want int) []byte {
	e.t.Helper()
	w := e.do(method, target, []byte(body), "Authorization", "Bearer "+token)
	if w.Code != want {
		e.t.Fatalf("%s %s: status %d, want %d; body:\n%s", method, target, w.Code, want, w.Body.String())
	}
	return w.Body.Bytes()
}

// publishTiny saves, approves and publishes version 1 of tiny.
func (e *recordEnv) publishTiny() {
	e.t.Helper()
	e.call("POST", "/api/v1/plans/tiny/versions", e.planner, http.StatusCreated)
	e.call("POST", "/api/v1/plans/tiny/versions/1/approve", e.approver, http.StatusOK)
	e.call("POST", "/api/v1/plans/tiny/versions/1/publish", e.approver, http.StatusOK)
}

type objectionView struct {
	objectionJSON
	Effect *effectJSON `json:"effect"`
}

// TestObjectionFiling: only a 街道 token files, for its own 街道 only,
// against a publication, with known keys and numbers.
func TestObjectionFiling(t *testing.T) {
	e := newRecordEnv(t)
	const base = "/api/v1/plans/tiny/objections"
	good := `{"note":"人口统计有误","corrections":{"quantities.population":"120000"}}`
	e.send("POST", base, e.east, good, http.StatusNotFound) // nothing published yet
	e.publishTiny()
	for _, tc := range []struct {
		token, body string
		want        int
	}{
		{e.planner, good, http.StatusForbidden},
		{e.approver, good, http.StatusForbidden},
		{e.east, `{"corrections":{"subdistrict.west.quantities.population":"1"}}`, http.StatusForbidden},
		{e.east, `{"corrections":{"name":"x"}}`, http.StatusBadRequest},
		{e.east, `{"corrections":{"quantities.nope":"1"}}`, http.StatusBadRequest},
		{e.east, `{"corrections":{"quantities.population":"many"}}`, http.StatusBadRequest},
		{e.east, `{}`, http.StatusBadRequest},
		{e.east, `{"note":`, http.StatusBadRequest},
	} {
		e.send("POST", base, tc.token, tc.body, tc.want)
	}
	south, _, err := app.CreateToken(context.Background(), e.srv.app.Records, caili.Actor{ID: "test", Role: caili.RoleAdmin}, caili.RoleSubdistrict, "south", "")
	if err != nil {
		t.Fatal(err)
	}
	e.send("POST", base, south, `{"note":"不在方案中的街道"}`, http.StatusForbidden)
	w := e.do("POST", base, []byte(good))
	if w.Code != http.StatusUnauthorized {
		t.Errorf("no token: %d", w.Code)
	}
	o := decodeInto[objectionJSON](t, e.send("POST", base, e.east, good, http.StatusCreated))
	if o.N != 1 || o.Version != 1 || o.Subdistrict != "east" || o.StatusText != "待处理" || o.Corrections["quantities.population"] != "120000" {
		t.Errorf("filed %+v", o)
	}

	// The filled data file (CSV here): the 街道's own changed cells.
	tmpl := e.Get("/api/v1/plans/tiny/template.csv", http.StatusOK).Body.String()
	edit := func(id, value string) string {
		lines := strings.Split(tmpl, "\r\n")
		header := strings.Split(strings.TrimPrefix(lines[0], "\ufeff"), ",")
		for r := range lines[1:] {
			cells := strings.Split(lines[r+1], ",")
			if cells[0] != id {
				continue
			}
			for i, h := range header {
				if h == "population" {
					cells[i] = value
				}
			}
			lines[r+1] = strings.Join(cells, ",")
		}
		return strings.Join(lines, "\r\n")
	}
	e.send("POST", base+"?note=x", e.west, edit("east", "1"), http.StatusForbidden)
	ow := decodeInto[objectionJSON](t, e.send("POST", base+"?note=%E4%BA%BA%E5%8F%A3", e.west, edit("west", "70000"), http.StatusCreated))
	if ow.N != 2 || ow.Subdistrict != "west" || ow.Note != "人口" || ow.Corrections["quantities.population"] != "70000" || len(ow.Corrections) != 1 {
		t.Errorf("filed from the data file %+v", ow)
	}

	// Each 街道 lists and reads its own only.
	list := func(token string) []objectionJSON {
		return decodeInto[struct {
			Objections []objectionJSON `json:"objections"`
		}](t, e.call("GET", base, token, http.StatusOK)).Objections
	}
	if n := len(list(e.planner)); n != 2 {
		t.Errorf("planner lists %d", n)
	}
	if l := list(e.east); len(l) != 1 || l[0].Subdistrict != "east" {
		t.Errorf("east lists %+v", l)
	}
	e.call("GET", base+"/2", e.east, http.StatusForbidden)
	if v := decodeInto[objectionView](t, e.call("GET", base+"/1", e.east, http.StatusOK)); v.Effect != nil {
		t.Errorf("a 街道 sees the effect on others")
	}
	e.call("GET", base+"/9", e.planner, http.StatusNotFound)
	e.call("GET", base+"/x", e.planner, http.StatusBadRequest)
	e.call("GET", base, "", http.StatusUnauthorized)
}

// TestObjectionDecisions: the planner sees the effect, accepts (a new
// draft with the corrected data, whose result is the effect's) or
// rejects with a reason; each once; the 街道 sees the outcome; the audit
// log has every step.
func TestObjectionDecisions(t *testing.T) {
	e := newRecordEnv(t)
	const base = "/api/v1/plans/tiny/objections"
	e.publishTiny()
	e.send("POST", base, e.east, `{"note":"人口","corrections":{"quantities.population":"120000","staff.civil_servant":"41"}}`, http.StatusCreated)
	e.send("POST", base, e.west, `{"note":"only a note"}`, http.StatusCreated)

	v := decodeInto[objectionView](t, e.call("GET", base+"/1", e.planner, http.StatusOK))
	if v.Effect == nil || len(v.Effect.Subdistricts) != 3 || v.Effect.Rejection != nil {
		t.Fatalf("effect %+v", v.Effect)
	}
	after := map[string]string{}
	for _, r := range v.Effect.Subdistricts {
		after[r.ID] = r.After
		if r.ID == "east" && (r.Change == "0" || r.Before == r.After) {
			t.Errorf("east unchanged by its corrections: %+v", r)
		}
	}

	for _, tok := range []string{e.east, e.approver} {
		e.call("POST", base+"/1/accept", tok, http.StatusForbidden)
		e.send("POST", base+"/1/reject", tok, `{"reason":"x"}`, http.StatusForbidden)
	}
	got := decodeInto[struct {
		Objection objectionJSON `json:"objection"`
		Version   versionJSON   `json:"version"`
	}](t, e.call("POST", base+"/1/accept", e.planner, http.StatusOK))
	if got.Version.N != 2 || got.Version.Status != caili.StatusDraft || got.Objection.NewVersion != 2 || got.Objection.StatusText != "已采纳（第 2 版）" {
		t.Errorf("accepted %+v", got)
	}
	e.call("POST", base+"/1/accept", e.planner, http.StatusConflict)
	e.send("POST", base+"/1/reject", e.planner, `{"reason":"x"}`, http.StatusConflict)

	// The new draft holds the corrections, and its result is the effect.
	vv, err := e.srv.app.PlanVersionOf(context.Background(), caili.Actor{ID: "t", Role: caili.RolePlanner}, "tiny", 2)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(vv.Record.Files[0].Data), "population = 120000") {
		t.Errorf("version 2's plan file has not the correction")
	}
	for _, a := range vv.Plan.Base.Res.Subdistricts {
		if a.Total.String() != after[a.ID] {
			t.Errorf("%s: version 2 total %s, effect said %s", a.ID, a.Total, after[a.ID])
		}
	}

	e.send("POST", base+"/2/reject", e.planner, `{"reason":"  "}`, http.StatusBadRequest)
	e.send("POST", base+"/2/reject", e.planner, ``, http.StatusBadRequest)
	r := decodeInto[objectionJSON](t, e.send("POST", base+"/2/reject", e.planner, `{"reason":"数据已核实"}`, http.StatusOK))
	if r.Status != caili.ObjectionRejected || r.StatusText != "已驳回：数据已核实" {
		t.Errorf("rejected %+v", r)
	}
	if w := decodeInto[objectionJSON](t, e.call("GET", base+"/2", e.west, http.StatusOK)); w.Reason != "数据已核实" {
		t.Errorf("west reads %+v", w)
	}
	var entries struct {
		Entries []auditJSON `json:"entries"`
	}
	if err := json.Unmarshal(e.call("GET", "/api/v1/audit", e.approver, http.StatusOK), &entries); err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, a := range entries.Entries {
		seen[a.Action]++
	}
	if seen["objection.file"] != 2 || seen["objection.accept"] != 1 || seen["objection.reject"] != 1 {
		t.Errorf("audit %v", seen)
	}
}

// TestObjectionWorkbook: a 街道 files its filled copy of the data
// workbook (xlsx): the changed cells of its own row are the corrections.
func TestObjectionWorkbook(t *testing.T) {
	e := newRecordEnv(t)
	e.publishTiny()
	f, err := excelize.OpenReader(bytes.NewReader(e.Get("/api/v1/plans/tiny/template.xlsx", http.StatusOK).Body.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(workbook.SheetData)
	if err != nil {
		t.Fatal(err)
	}
	col, row := -1, -1
	for i, r := range rows {
		for j, v := range r {
			switch {
			case v == "population" && col < 0:
				col = j
			case v == "west":
				row = i
			}
		}
	}
	if col < 0 || row < 0 {
		t.Fatal("no west row or population column in the template")
	}
	cell, _ := excelize.CoordinatesToCellName(col+1, row+1)
	if err := f.SetCellValue(workbook.SheetData, cell, 70000); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	const base = "/api/v1/plans/tiny/objections"
	e.send("POST", base, e.east, buf.String(), http.StatusForbidden) // west's row changed
	o := decodeInto[objectionJSON](t, e.send("POST", base+"?note=x", e.west, buf.String(), http.StatusCreated))
	if o.Subdistrict != "west" || len(o.Corrections) != 1 || o.Corrections["quantities.population"] != "70000" {
		t.Errorf("filed %+v", o)
	}
	e.send("POST", base, e.west, "PK\x03\x04 not a workbook", http.StatusUnprocessableEntity)
}
