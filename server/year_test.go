package server

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/standards/workbook"
)

// yearUses are the permitted uses added to tiny for the year's tests.
const yearUses = `
[[use]]
id = "community"
name = "社区服务"
function_codes = ["2080208"]
economic_codes = ["30299", "30227"]

[[use]]
id = "public_safety"
name = "公共安全"
function_codes = ["2040299"]
`

// yearEnv is a record environment with plan "budget": tiny with uses.
func newYearEnv(t *testing.T) *recordEnv {
	t.Helper()
	e := newRecordEnv(t)
	writeBudget(t, e, tinyText(t))
	return e
}

// writeBudget writes plan budget (text with the uses) and has the server
// load it: a file is loaded once it has stood still for a scan.
func writeBudget(t *testing.T, e *recordEnv, text string) {
	t.Helper()
	e.write("budget.toml", text+yearUses)
	for range 2 {
		if err := e.srv.app.Plans.Scan(false); err != nil {
			t.Fatal(err)
		}
	}
}

// editCSV sets a column of one 街道's row in a data CSV.
func editCSV(t *testing.T, csv, id, col, value string) string {
	t.Helper()
	lines := strings.Split(csv, "\r\n")
	header := strings.Split(strings.TrimPrefix(lines[0], "\ufeff"), ",")
	found := false
	for r := range lines[1:] {
		cells := strings.Split(lines[r+1], ",")
		if cells[0] != id {
			continue
		}
		for i, h := range header {
			if h == col {
				cells[i], found = value, true
			}
		}
		lines[r+1] = strings.Join(cells, ",")
	}
	if !found {
		t.Fatalf("no %s/%s in the CSV", id, col)
	}
	return strings.Join(lines, "\r\n")
}

// breakdownXLSX writes a breakdown workbook of lines (name, use,
// function, economic, amount, goal).
func breakdownXLSX(t *testing.T, lines [][]string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", workbook.SheetBreakdown); err != nil {
		t.Fatal(err)
	}
	rows := append([][]string{{"项目名称", "使用方向", "功能科目", "经济科目", "金额", "绩效目标"}}, lines...)
	for r, row := range rows {
		cells := make([]any, len(row))
		for i, v := range row {
			cells[i] = v
		}
		if err := f.SetSheetRow(workbook.SheetBreakdown, "A"+itoa(r+3), &cells); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func itoa(n int) string { return decimal.NewFromInt(int64(n)).String() }

type yearStatusJSON struct {
	Year         int64      `json:"year"`
	Stage        string     `json:"stage"`
	StageText    string     `json:"stage_text"`
	Publications []kindJSON `json:"publications"`
	Stages       []struct {
		Stage string `json:"stage"`
	} `json:"stages"`
	Subdistricts []struct {
		ID            string `json:"id"`
		DataText      string `json:"data_text"`
		BreakdownText string `json:"breakdown_text"`
	} `json:"subdistricts"`
}

func (e *recordEnv) yearStatus(t *testing.T, token string) yearStatusJSON {
	e.t.Helper()
	return decodeInto[yearStatusJSON](t, e.call("GET", "/api/v1/plans/budget/year", token, http.StatusOK))
}

func rowStatus(ys yearStatusJSON, id string) (data, breakdown string) {
	for _, s := range ys.Subdistricts {
		if s.ID == id {
			return s.DataText, s.BreakdownText
		}
	}
	return "", ""
}

// TestYearOneLoop walks the year through the API: 一上 (a submission
// with problems, fixed; another 街道's rows refused), acceptance into a
// draft, 控制数, breakdowns (one off by a unit with a use not permitted,
// then fixed), 批复, an adjustment with its diff, the budget in force,
// and the audit log of every step.
func TestYearOneLoop(t *testing.T) {
	e := newYearEnv(t)
	const y = "/api/v1/plans/budget/year"
	e.call("GET", y, e.planner, http.StatusConflict) // no version yet
	e.call("POST", "/api/v1/plans/budget/versions", e.planner, http.StatusCreated)

	// 一上.
	if x := e.call("GET", y+"/template.xlsx", e.east, http.StatusOK); !bytes.HasPrefix(x, []byte("PK")) {
		t.Fatal("the 街道's template is no workbook")
	}
	tmpl := e.Get("/api/v1/plans/budget/template.csv", http.StatusOK).Body.String()
	bad := decodeError(t, e.do("POST", y+"/submissions?name=east.csv", []byte(editCSV(t, tmpl, "east", "population", "many")),
		"Authorization", "Bearer "+e.east))
	if len(bad.Problems) == 0 || bad.Code != "unprocessable" {
		t.Fatalf("a bad value: %+v", bad)
	}
	if d, _ := rowStatus(e.yearStatus(t, e.planner), "east"); d != "有问题" {
		t.Errorf("east after its bad file: %q", d)
	}
	other := decodeError(t, e.do("POST", y+"/submissions", []byte(editCSV(t, tmpl, "east", "population", "90000")),
		"Authorization", "Bearer "+e.west))
	if len(other.Problems) != 1 || !strings.Contains(other.Problems[0].Message, "东街道") || !strings.Contains(other.Problems[0].Message, "西街道") {
		t.Errorf("another 街道's row: %+v", other)
	}
	e.send("POST", y+"/submissions", e.planner, tmpl, http.StatusForbidden)
	east := decodeInto[submissionJSON](t, e.send("POST", y+"/submissions", e.east, editCSV(t, tmpl, "east", "population", "90000"), http.StatusCreated))
	if east.Status != caili.SubSubmitted || east.Changes["quantities.population"] != "90000" {
		t.Errorf("east's submission: %+v", east)
	}
	e.send("POST", y+"/submissions", e.west, editCSV(t, tmpl, "west", "communities", "7"), http.StatusCreated)
	ys := e.yearStatus(t, e.planner)
	if d, _ := rowStatus(ys, "north"); d != "未提交" || ys.Stage != "collect" {
		t.Errorf("north %q, stage %q", d, ys.Stage)
	}
	if own := e.yearStatus(t, e.east); len(own.Subdistricts) != 1 {
		t.Errorf("a 街道 sees %d rows", len(own.Subdistricts))
	}
	acc := decodeInto[struct {
		Version versionJSON `json:"version"`
	}](t, e.call("POST", y+"/submissions/accept", e.planner, http.StatusOK))
	if acc.Version.N != 2 {
		t.Fatalf("accepted into %+v", acc.Version)
	}
	if d, _ := rowStatus(e.yearStatus(t, e.planner), "east"); d != "已采纳(第 2 版)" {
		t.Errorf("east after acceptance: %q", d)
	}
	e.call("POST", y+"/submissions/accept", e.planner, http.StatusConflict) // nothing waits
	disk, err := os.ReadFile(filepath.Join(e.plans, "budget.toml"))
	if err != nil || !strings.Contains(string(disk), "population = 90000") || !strings.Contains(string(disk), "[[use]]") {
		t.Fatalf("the plan file after acceptance (%v):\n%s", err, disk)
	}

	// 一下.
	e.call("POST", "/api/v1/plans/budget/versions/2/approve", e.approver, http.StatusOK)
	e.send("POST", y+"/publications", e.approver, `{"version":2,"kind":"批复","wenhao":"x"}`, http.StatusConflict) // before 控制数
	e.send("POST", y+"/publications", e.approver, `{"version":2,"kind":"控制数"}`, http.StatusBadRequest)           // no 文号
	ctl := decodeInto[kindJSON](t, e.send("POST", y+"/publications", e.approver,
		`{"version":2,"kind":"控制数","wenhao":"示财预〔2025〕1号","date":"2025-01-10"}`, http.StatusCreated))
	if ctl.Kind != caili.KindControl || ctl.KindText != "控制数" || ctl.Wenhao != "示财预〔2025〕1号" {
		t.Errorf("控制数: %+v", ctl)
	}
	e.send("POST", y+"/publications", e.approver, `{"version":2,"kind":"控制数","wenhao":"again"}`, http.StatusConflict)
	// The 控制数 closes 一上, saying so.
	closed := decodeError(t, e.do("POST", y+"/submissions", []byte(editCSV(t, tmpl, "east", "population", "91000")), "Authorization", "Bearer "+e.east))
	if closed.Code != "conflict" || !strings.Contains(closed.Message, "一上报送已结束") {
		t.Errorf("data after the 控制数: %+v", closed)
	}
	row := decodeInto[struct {
		Row struct {
			Incentive, Block, Damping string
		} `json:"subdistrict"`
	}](t, e.call("GET", y+"/publications/1/subdistricts/east", e.east, http.StatusOK))
	e.call("GET", y+"/publications/1/subdistricts/east", e.west, http.StatusForbidden)
	figure := decimal.RequireFromString(row.Row.Incentive).Add(decimal.RequireFromString(row.Row.Block)).Add(decimal.RequireFromString(row.Row.Damping))

	// 二上.
	if x := e.call("GET", y+"/breakdown-template.xlsx", e.east, http.StatusOK); !bytes.HasPrefix(x, []byte("PK")) {
		t.Fatal("the breakdown template is no workbook")
	}
	half := figure.Div(decimal.NewFromInt(2)).Floor()
	rest := figure.Sub(half)
	wrong := breakdownXLSX(t, [][]string{
		{"社区养老服务", "community", "2080208", "30299", half.String(), "服务老人 1900 人"},
		{"烟花燃放", "fireworks", "2080208", "", rest.Sub(decimal.NewFromInt(1)).String(), "节日气氛"},
	})
	be := decodeError(t, e.do("POST", y+"/breakdowns", wrong, "Authorization", "Bearer "+e.east))
	if len(be.Problems) != 2 || !strings.Contains(be.Problems[0].Message, "fireworks") || !strings.Contains(be.Problems[1].Message, "相差 -1 元") {
		t.Errorf("a breakdown one unit off with a use not permitted: %+v", be.Problems)
	}
	right := breakdownXLSX(t, [][]string{
		{"社区养老服务", "community", "2080208", "30299", half.String(), "服务老人 1900 人"},
		{"治安巡防", "公共安全", "2040299", "", rest.String(), "巡防全覆盖"},
	})
	bd := decodeInto[submissionJSON](t, e.send("POST", y+"/breakdowns", e.east, string(right), http.StatusCreated))
	if bd.Total != figure.String() || bd.Status != caili.SubSubmitted {
		t.Errorf("the breakdown: %+v", bd)
	}
	e.send("POST", y+"/breakdowns/"+itoa(bd.N)+"/return", e.planner, `{}`, http.StatusBadRequest) // no reason
	e.send("POST", y+"/breakdowns/"+itoa(bd.N)+"/accept", e.approver, `{}`, http.StatusForbidden)
	e.send("POST", y+"/breakdowns/"+itoa(bd.N)+"/accept", e.planner, `{}`, http.StatusOK)
	e.send("POST", y+"/breakdowns/"+itoa(bd.N)+"/return", e.planner, `{"reason":"x"}`, http.StatusConflict)
	if _, b := rowStatus(e.yearStatus(t, e.planner), "east"); b != "已采纳" {
		t.Errorf("east's breakdown: %q", b)
	}

	// 二下: the 批复 of the version the 控制数 published, with the breakdown.
	app := decodeInto[kindJSON](t, e.send("POST", y+"/publications", e.approver,
		`{"version":2,"kind":"批复","wenhao":"示财预〔2025〕9号","date":"2025-03-01"}`, http.StatusCreated))
	if len(app.Breakdowns) != 1 || app.Breakdowns[0] != bd.N {
		t.Errorf("批复 carries %v", app.Breakdowns)
	}
	st := decodeInto[struct {
		Breakdown *submissionJSON `json:"breakdown"`
	}](t, e.call("GET", y+"/publications/2/subdistricts/east", e.east, http.StatusOK))
	if st.Breakdown == nil || !strings.Contains(string(st.Breakdown.Lines), "治安巡防") {
		t.Errorf("east's 批复 without its breakdown: %+v", st.Breakdown)
	}

	// The 批复 closes 二上 until an adjustment.
	if late := decodeError(t, e.do("POST", y+"/breakdowns", right, "Authorization", "Bearer "+e.east)); late.Code != "conflict" ||
		!strings.Contains(late.Message, "不再接收") {
		t.Errorf("a breakdown after the 批复: %+v", late)
	}
	e.call("GET", y+"/breakdown-template.xlsx", e.east, http.StatusConflict)

	adjustYear(t, e, disk)
	rebreakdown(t, e, right)
	ys = e.yearStatus(t, e.approver)
	if ys.Stage != "adjust" || len(ys.Stages) != 5 || len(ys.Publications) != 3 {
		t.Errorf("the year at its end: %+v", ys)
	}

	// The audit log has every step.
	audit := string(e.call("GET", "/api/v1/audit?limit=200", e.approver, http.StatusOK))
	for _, a := range []string{"year.submit.data", "year.accept.data", "year.publish.control", "year.submit.breakdown",
		"year.accept.breakdown", "year.publish.approval", "year.publish.adjust", "year.stage"} {
		if !strings.Contains(audit, a) {
			t.Errorf("the audit log lacks %s", a)
		}
	}
}

// adjustYear publishes an adjustment of budget (a new version from the
// plans folder's file disk with more capacity) and checks its diff and
// the budget in force.
func adjustYear(t *testing.T, e *recordEnv, disk []byte) {
	t.Helper()
	const y = "/api/v1/plans/budget/year"
	e.write("budget.toml", strings.Replace(string(disk), `capacity = "60000000"`, `capacity = "61000000"`, 1))
	for range 2 {
		if err := e.srv.app.Plans.Scan(false); err != nil {
			t.Fatal(err)
		}
	}
	e.call("POST", "/api/v1/plans/budget/versions", e.planner, http.StatusCreated)
	e.call("POST", "/api/v1/plans/budget/versions/3/approve", e.approver, http.StatusOK)
	e.send("POST", y+"/publications", e.approver, `{"version":3,"kind":"调整","wenhao":"示财预〔2025〕30号"}`, http.StatusBadRequest)
	adj := decodeInto[kindJSON](t, e.send("POST", y+"/publications", e.approver,
		`{"version":3,"kind":"调整","wenhao":"示财预〔2025〕30号","reason":"年中追加 100 万元"}`, http.StatusCreated))
	diff := decodeInto[struct {
		Totals []json.RawMessage `json:"totals"`
	}](t, e.call("GET", y+"/publications/"+itoa(int(adj.Seq))+"/diff", e.planner, http.StatusOK))
	if len(diff.Totals) == 0 || strings.Contains(string(e.call("GET", y+"/publications/"+itoa(int(adj.Seq))+"/diff", e.planner, http.StatusOK)), "population") {
		t.Errorf("the adjustment's diff has no totals")
	}
	in := decodeInto[struct {
		Publication kindJSON          `json:"publication"`
		Totals      map[string]string `json:"totals"`
	}](t, e.call("GET", y+"/in-force", e.planner, http.StatusOK))
	if in.Publication.Seq != adj.Seq || in.Totals["east"] == "" {
		t.Errorf("in force: %+v", in)
	}
}

// rebreakdown: after the adjustment east breaks down the figure in
// force: the 控制数's split is refused when the figure changed, the
// adjustment's accepted, checked against the adjustment's version.
func rebreakdown(t *testing.T, e *recordEnv, old []byte) {
	t.Helper()
	const y = "/api/v1/plans/budget/year"
	row := decodeInto[struct {
		Row struct {
			Incentive, Block, Damping string
		} `json:"subdistrict"`
	}](t, e.call("GET", y+"/publications/3/subdistricts/east", e.east, http.StatusOK))
	figure := decimal.RequireFromString(row.Row.Incentive).Add(decimal.RequireFromString(row.Row.Block)).Add(decimal.RequireFromString(row.Row.Damping))
	e.call("GET", y+"/breakdown-template.xlsx", e.east, http.StatusOK)
	half := figure.Div(decimal.NewFromInt(2)).Floor()
	right := breakdownXLSX(t, [][]string{
		{"社区养老服务", "community", "2080208", "30299", half.String(), "服务老人 2000 人"},
		{"治安巡防", "公共安全", "2040299", "", figure.Sub(half).String(), "巡防全覆盖"},
	})
	if string(right) != string(old) {
		e.send("POST", y+"/breakdowns", e.east, string(old), http.StatusUnprocessableEntity)
	}
	bd := decodeInto[submissionJSON](t, e.send("POST", y+"/breakdowns", e.east, string(right), http.StatusCreated))
	if bd.Version != 3 || bd.Total != figure.String() {
		t.Errorf("the breakdown after the adjustment: %+v", bd)
	}
}
