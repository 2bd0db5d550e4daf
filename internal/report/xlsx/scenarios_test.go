package xlsx_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/internal/report/xlsx"
)

// sideBySide is three what-ifs of the sample side by side, in 万元.
func sideBySide(t *testing.T) *report.ScenariosJSON {
	t.Helper()
	base := sampleResult(t)
	var docs []*report.CompareJSON
	for _, set := range [][]string{{"plan.capacity=2546000000"}, {"project.vector_control.unit_cost=1.5"},
		{"factor.workload.weight=0.5", "factor.area.weight=0.1"}} {
		d, err := report.NewCompareWan(report.Comparison{Base: base, Scenario: sampleResult(t, set...)})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	s, err := report.NewScenarios([]string{"财力减5%", "病媒1.5", "工作量0.5"}, docs)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// In the workbook the 街道 add up to the totals row in every amount
// column, to the cent of 万元.
func TestScenariosWorkbookAddsUp(t *testing.T) {
	var b bytes.Buffer
	if err := xlsx.WriteScenarios(&b, sideBySide(t), nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 20 || rows[2][0] != "街道" || rows[2][2] != "财力减5%" || rows[3][3] != "变化" || rows[19][0] != "合计" || !strings.Contains(rows[1][len(rows[1])-1], "万元") {
		t.Fatalf("layout: %q", rows[:4])
	}
	for col := 1; col < len(rows[3]); col++ {
		if strings.Contains(rows[3][col], "%") {
			continue
		}
		sum := decimal.Zero
		for _, r := range rows[4:19] {
			sum = sum.Add(decimal.RequireFromString(r[col]).Round(2))
		}
		if total := decimal.RequireFromString(rows[19][col]).Round(2); !sum.Equal(total) {
			t.Errorf("column %d: the 街道 add up to %s, the totals row says %s", col+1, sum, total)
		}
	}
}

// LibreOffice prints it on one A4 landscape page.
func TestScenariosWorkbookPrints(t *testing.T) {
	bin := tool(t, "soffice")
	info := tool(t, "pdfinfo")
	var b bytes.Buffer
	if err := xlsx.WriteScenarios(&b, sideBySide(t), nil); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "side.xlsx")
	if err := os.WriteFile(in, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless", "--norestore",
		"--convert-to", "pdf", "--outdir", dir, in)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	out, err := exec.Command(info, filepath.Join(dir, "side.pdf")).Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "Pages:           1\n") || !strings.Contains(string(out), "841.") {
		t.Errorf("not one A4 landscape page:\n%s", out)
	}
}
