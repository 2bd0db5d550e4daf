package report_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/internal/report/xlsx"
	"github.com/caili/caili/internal/testplan"
	"github.com/xuri/excelize/v2"
)

func moneyResult(t *testing.T, sets ...string) *formula.Result {
	t.Helper()
	return testplan.File(t, "../../testdata/money/plan.toml", sets...)
}

// TestMoneyOutputs: the JSON, CSV, XML, terminal table and explain of a
// plan with the tables of SPEC §6 show district_pool, district_managed,
// transfers and each sub-district's managed and transfers; a plan
// without them shows none of it.
func TestMoneyOutputs(t *testing.T) {
	res := moneyResult(t)
	var b bytes.Buffer
	if err := report.WriteJSON(&b, res); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]string{"district_pool": "928600", "district_managed": "2992000", "transfers": "4000000"} {
		if doc[k] != want {
			t.Errorf("%s = %v, want %s", k, doc[k], want)
		}
	}
	west := doc["subdistricts"].([]any)[1].(map[string]any)
	if west["managed"] != "432000" || west["transfers"] != "899610" || west["total"] != "18628050" {
		t.Errorf("west: managed %v, transfers %v, total %v", west["managed"], west["transfers"], west["total"])
	}
	b.Reset()
	if err := report.WriteCSV(&b, res, report.CSVOptions{NoBOM: true}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(b.String(), "\r\n")
	if lines[0] != "id,name,personnel,public,projects,incentive,block,damping,transfers,total,managed" ||
		lines[2] != "west,西街道,13550400,1320000,1875000,0,0,983040,899610,18628050,432000" {
		t.Errorf("CSV:\n%s", b.String())
	}
	b.Reset()
	if err := report.WriteTable(&b, res); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"专项转移支付", "区级部门统筹", "区级统筹 district pool               928,600", "街道合计 sub-districts            58,879,400"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, b.String())
		}
	}
	b.Reset()
	if err := report.WriteXML(&b, res); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<district_pool>928600</district_pool>", "<transfers>899610</transfers>", "<managed>2992000</managed>"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("XML lacks %s", want)
		}
	}
	b.Reset()
	a, _ := res.Find("west")
	if err := report.WriteExplain(&b, res, a); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"专项转移支付 transfers: 899,610 元", "区级部门统筹 managed: 432,000 元", "由区园林绿化局统筹安排", "执行率 0.7 低于 0.8"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("explain lacks %q:\n%s", want, b.String())
		}
	}
	// The tiny plan has none of it.
	tiny := tinyResult(t)
	b.Reset()
	if err := report.WriteJSON(&b, tiny); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"district_pool", "district_managed", "transfers", "managed"} {
		if strings.Contains(b.String(), `"`+k+`"`) {
			t.Errorf("the tiny plan's JSON has %s", k)
		}
	}
	if h := report.HeaderOf(tiny, false); len(h) != len(report.Header) {
		t.Errorf("the tiny plan's header %v", h)
	}
}

// TestWriteXLSXMoney: the allocation sheet of a plan with transfers and
// district-managed projects (SPEC §6) has their columns, transfers before
// 合计 and managed after it, and the lines name their stages in Chinese.
func TestWriteXLSXMoney(t *testing.T) {
	res := moneyResult(t)
	var b bytes.Buffer
	if err := xlsx.Write(&b, res); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(xlsx.SheetAllocations)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != "编码,街道,人员经费,公用经费,项目经费,激励,因素分配,保底封顶,专项转移支付,合计,区级部门统筹" {
		t.Errorf("header %s", got)
	}
	if got := strings.Join(rows[2][8:], "|"); got != "899,610|18,628,050|432,000" {
		t.Errorf("west: %s", got)
	}
	if got := strings.Join(rows[4][8:], "|"); got != "4,000,000|58,879,400|2,992,000" {
		t.Errorf("totals: %s", got)
	}
	lines, err := f.GetRows(xlsx.SheetLines)
	if err != nil {
		t.Fatal(err)
	}
	stages := map[string]bool{}
	for _, l := range lines[1:] {
		stages[l[2]] = true
	}
	if !stages["专项转移支付"] || !stages["区级部门统筹"] || stages["transfers"] || stages["managed"] {
		t.Errorf("stages %v", stages)
	}
}
