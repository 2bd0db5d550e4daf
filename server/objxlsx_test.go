package server

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
)

// withWorkbookPlan copies configs/plan-xlsx.toml, its standards and its
// workbook into the plans folder and saves, approves and publishes its
// version 1; it returns a token of 街道 xichangan.
func (e *recordEnv) withWorkbookPlan() string {
	e.t.Helper()
	for _, f := range []string{"plan-xlsx.toml", "standards.toml", "subdistricts.xlsx"} {
		b, err := os.ReadFile(filepath.Join("..", "configs", f))
		if err != nil {
			e.t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(e.plans, f), b, 0o644); err != nil {
			e.t.Fatal(err)
		}
	}
	if err := e.srv.Reload(); err != nil {
		e.t.Fatal(err)
	}
	e.call("POST", "/api/v1/plans/plan-xlsx/versions", e.planner, http.StatusCreated)
	e.call("POST", "/api/v1/plans/plan-xlsx/versions/1/approve", e.approver, http.StatusOK)
	e.call("POST", "/api/v1/plans/plan-xlsx/versions/1/publish", e.approver, http.StatusOK)
	sec, _, err := app.CreateToken(context.Background(), e.srv.app.Records, caili.Actor{ID: "test", Role: caili.RoleAdmin}, caili.RoleSubdistrict, "xichangan", "")
	if err != nil {
		e.t.Fatal(err)
	}
	return sec
}

// workbookCells is every cell of every sheet of a workbook with its
// style, by sheet!A1, and the names of its sheets.
func workbookCells(t *testing.T, data []byte) (map[string][2]any, []string) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][2]any{}
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				st, err := f.GetCellStyle(sh, ref)
				if err != nil {
					t.Fatal(err)
				}
				out[sh+"!"+ref] = [2]any{v, st}
			}
		}
	}
	return out, f.GetSheetList()
}

// TestObjectionAcceptWorkbook: accepting an objection on a plan whose
// sub-districts come from a workbook writes the corrected cells into the
// workbook of the plans folder (nothing else of it changes, a copy of
// the old one is kept beside it) and saves a draft whose workbook and
// result have the correction.
func TestObjectionAcceptWorkbook(t *testing.T) {
	e := newRecordEnv(t)
	xc := e.withWorkbookPlan()
	const base = "/api/v1/plans/plan-xlsx/objections"
	e.send("POST", base, xc, `{"note":"人口","corrections":{"quantities.resident_population":"61000","staff.civil_servant":"97"}}`, http.StatusCreated)
	v := decodeInto[objectionView](t, e.call("GET", base+"/1", e.planner, http.StatusOK))
	if v.Effect == nil || v.Effect.Rejection != nil {
		t.Fatalf("effect %+v", v.Effect)
	}
	after := map[string]string{}
	for _, r := range v.Effect.Subdistricts {
		after[r.ID] = r.After
	}
	name := filepath.Join(e.plans, "subdistricts.xlsx")
	old, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}

	got := decodeInto[struct {
		Objection objectionJSON `json:"objection"`
		Version   versionJSON   `json:"version"`
	}](t, e.call("POST", base+"/1/accept", e.planner, http.StatusOK))
	if got.Version.N != 2 || got.Objection.Status != caili.ObjectionAccepted || got.Objection.StatusText != "已采纳（第 2 版）" {
		t.Errorf("accepted %+v", got)
	}
	if r := decodeInto[objectionJSON](t, e.call("GET", base+"/1", xc, http.StatusOK)); r.StatusText != "已采纳（第 2 版）" {
		t.Errorf("the 街道 reads %q", r.StatusText)
	}

	// The folder's workbook: two cells changed, nothing else.
	now, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	before, sheets := workbookCells(t, old)
	afterCells, sheetsNow := workbookCells(t, now)
	if !slices.Equal(sheets, sheetsNow) {
		t.Errorf("sheets %v, were %v", sheetsNow, sheets)
	}
	var changed []string
	for k, c := range before {
		if afterCells[k] != c {
			changed = append(changed, k+"="+afterCells[k][0].(string))
			if afterCells[k][1] != c[1] {
				t.Errorf("%s: style %v, was %v", k, afterCells[k][1], c[1])
			}
		}
	}
	if len(afterCells) != len(before) || len(changed) != 2 {
		t.Errorf("changed %v (%d cells, were %d)", changed, len(afterCells), len(before))
	}
	for _, want := range []string{"61000", "97"} {
		if !strings.Contains(strings.Join(changed, " "), "="+want) {
			t.Errorf("no cell became %s: %v", want, changed)
		}
	}
	baks, _ := filepath.Glob(name + ".bak-*")
	if len(baks) != 1 {
		t.Fatalf("backups %v", baks)
	}
	if b, _ := os.ReadFile(baks[0]); !bytes.Equal(b, old) {
		t.Error("the backup is not the old workbook")
	}

	// The draft: its workbook is the folder's new one, its result the effect.
	vv, err := e.srv.app.PlanVersionOf(context.Background(), caili.Actor{ID: "t", Role: caili.RolePlanner}, "plan-xlsx", 2)
	if err != nil {
		t.Fatal(err)
	}
	var wb []byte
	for _, f := range vv.Record.Files {
		if f.Name == "subdistricts.xlsx" {
			wb = f.Data
		}
	}
	if !bytes.Equal(wb, now) {
		t.Error("version 2's workbook is not the corrected one of the folder")
	}
	for _, a := range vv.Plan.Base.Res.Subdistricts {
		if a.Total.String() != after[a.ID] {
			t.Errorf("%s: version 2 total %s, effect said %s", a.ID, a.Total, after[a.ID])
		}
	}
	e.call("POST", base+"/1/accept", e.planner, http.StatusConflict)
}

// TestObjectionCorrected: a planner marks an objection corrected in the
// data by hand (已在数据中更正): no version is made, the 街道 reads the
// correction, not 已驳回, and the audit log has it.
func TestObjectionCorrected(t *testing.T) {
	e := newRecordEnv(t)
	xc := e.withWorkbookPlan()
	const base = "/api/v1/plans/plan-xlsx/objections"
	e.send("POST", base, xc, `{"note":"面积","corrections":{"quantities.area_km2":"4.3"}}`, http.StatusCreated)
	for _, tok := range []string{xc, e.approver} {
		e.send("POST", base+"/1/corrected", tok, `{}`, http.StatusForbidden)
	}
	o := decodeInto[objectionJSON](t, e.send("POST", base+"/1/corrected", e.planner, `{"note":"已在工作簿中更正,见第 2 版"}`, http.StatusOK))
	if o.Status != caili.ObjectionCorrected || o.StatusText != "已在数据中更正：已在工作簿中更正,见第 2 版" || o.NewVersion != 0 {
		t.Errorf("corrected %+v", o)
	}
	if r := decodeInto[objectionJSON](t, e.call("GET", base+"/1", xc, http.StatusOK)); r.Status != caili.ObjectionCorrected || strings.Contains(r.StatusText, "驳回") {
		t.Errorf("the 街道 reads %+v", r)
	}
	e.send("POST", base+"/1/corrected", e.planner, ``, http.StatusConflict)
	e.call("POST", base+"/1/accept", e.planner, http.StatusConflict)
	e.send("POST", base, xc, `{"note":"无更正"}`, http.StatusCreated)
	if o := decodeInto[objectionJSON](t, e.send("POST", base+"/2/corrected", e.planner, ``, http.StatusOK)); o.StatusText != "已在数据中更正" {
		t.Errorf("without a note: %+v", o)
	}
	if vs := e.call("GET", "/api/v1/plans/plan-xlsx/versions", e.planner, http.StatusOK); strings.Contains(string(vs), `"n":2`) {
		t.Errorf("a version was made: %s", vs)
	}
	entries := decodeInto[struct {
		Entries []auditJSON `json:"entries"`
	}](t, e.call("GET", "/api/v1/audit", e.approver, http.StatusOK))
	n := 0
	for _, a := range entries.Entries {
		if a.Action == "objection.corrected" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("audit: %d objection.corrected entries", n)
	}
}
