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

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/report/xlsx"
	"github.com/caili/caili/internal/testplan"
)

func sampleResult(t *testing.T, sets ...string) *formula.Result {
	t.Helper()
	doc, _ := testplan.Sample(t)
	res, err := testplan.Sets(t, doc, sets...)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// tool finds a program the test needs: without it the test is skipped,
// except under CI=true, where it fails (.ci/run installs LibreOffice and
// poppler-utils).
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but no %s: %v", name, err)
		}
		t.Skipf("no %s: %v", name, err)
	}
	return p
}

func TestRendaAddsUp(t *testing.T) {
	res := sampleResult(t)
	var b bytes.Buffer
	if err := xlsx.WriteRenda(&b, res, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(f.GetSheetName(0), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	head := rows[2]
	nc := len(formula.ComponentNames)
	if res.Plan.HasTransfers() {
		nc++ // 专项转移支付 before 合计 (rules §6)
	}
	if head[nc+1] != "合计" || head[nc+2] != "上年基数" || head[len(head)-1] != "增幅%" {
		t.Fatalf("header %q", head)
	}
	n := len(res.Subdistricts)
	d := func(s string) decimal.Decimal { x, _ := decimal.NewFromString(s); return x }
	col := make([]decimal.Decimal, nc+5)
	for _, row := range rows[3 : 3+n] {
		s := decimal.Zero
		for k := 1; k <= nc; k++ {
			s = s.Add(d(row[k]))
		}
		if !s.Equal(d(row[nc+1])) {
			t.Errorf("%s: components add to %s, total %s", row[0], s, row[nc+1])
		}
		if !d(row[nc+3]).Sub(d(row[nc+2])).Equal(d(row[nc+4])) {
			t.Errorf("%s: change %s ≠ %s − %s", row[0], row[nc+4], row[nc+3], row[nc+2])
		}
		for k := 1; k <= nc+4; k++ {
			col[k] = col[k].Add(d(row[k]))
		}
	}
	total := rows[3+n]
	for k := 1; k <= nc+4; k++ {
		if !col[k].Equal(d(total[k])) {
			t.Errorf("column %s adds to %s, total %s", head[k], col[k], total[k])
		}
	}
	if total[nc+1] != "259097.44" {
		t.Errorf("total %s", total[nc+1])
	}
	// Without a damping baseline the columns are left out, and a note says so.
	b.Reset()
	res.Plan.Damping = nil
	if err := xlsx.WriteRenda(&b, res, nil); err != nil {
		t.Fatal(err)
	}
	f, _ = excelize.OpenReader(&b)
	rows, _ = f.GetRows(f.GetSheetName(0))
	if len(rows[2]) != nc+2 || !strings.Contains(strings.Join(rows[len(rows)-1], "")+strings.Join(rows[len(rows)-2], ""), "保底封顶基数") {
		t.Errorf("without a baseline: %q", rows)
	}
}

// TestRendaPrintsOnePageWide converts the table to PDF with LibreOffice:
// A4 landscape, one page, the last column on it.
func TestRendaPrintsOnePageWide(t *testing.T) {
	bin := tool(t, "soffice")
	info, text := tool(t, "pdfinfo"), tool(t, "pdftotext")
	var b bytes.Buffer
	if err := xlsx.WriteRenda(&b, sampleResult(t), nil); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "renda.xlsx")
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
	pdf := filepath.Join(dir, "renda.pdf")
	out, err := exec.Command(info, pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "Pages:           1\n") || !strings.Contains(string(out), "841.") || !strings.Contains(string(out), "x 595.") {
		t.Errorf("not one A4 landscape page:\n%s", out)
	}
	words, err := exec.Command(text, "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.ReplaceAll(string(words), " ", "")
	for _, want := range []string{"街道财力安排表", "增幅%", "259,097.44", "广安门外街道"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, words)
		}
	}
	if dir := os.Getenv("NOTICE_KEEP"); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, "renda.pdf"), mustRead(t, pdf), 0o644)
	}
}

func mustRead(t *testing.T, file string) []byte {
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
