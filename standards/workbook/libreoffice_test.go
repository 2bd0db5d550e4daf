package workbook

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// soffice finds LibreOffice. Without it the test is skipped, saying how to
// install it, except under CI=true, where it fails.
func soffice(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("soffice")
	if err == nil {
		return path
	}
	msg := "soffice (LibreOffice) not found: the workbooks saved by LibreOffice are not tested; " +
		"install it with apt-get install -y --no-install-recommends libreoffice-calc-nogui"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + " (CI=true: it is required)")
	}
	t.Skip(msg)
	return ""
}

// saveWithLibreOffice opens a file in LibreOffice and saves it as .xlsx,
// as a person using LibreOffice Calc would; infilter names the import
// filter (for a CSV file: separator, quote, UTF-8).
func saveWithLibreOffice(t *testing.T, name string, data []byte, infilter string) []byte {
	t.Helper()
	bin := soffice(t)
	dir := t.TempDir()
	in := filepath.Join(dir, name)
	must(t, os.WriteFile(in, data, 0o644))
	out := filepath.Join(dir, "out")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	args := []string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--norestore"}
	if infilter != "" {
		args = append(args, "--infilter="+infilter)
	}
	args = append(args, "--convert-to", "xlsx", "--outdir", out, in)
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	base := name[:len(name)-len(filepath.Ext(name))]
	b, err := os.ReadFile(filepath.Join(out, base+".xlsx"))
	if err != nil {
		t.Fatalf("soffice wrote no workbook: %v", err)
	}
	return b
}

// TestLibreOffice reads workbooks saved by LibreOffice: the tiny
// example's workbook, filled in the ways people fill it in, and its CSV
// opened and saved as a workbook.
func TestLibreOffice(t *testing.T) {
	p := tinyPlan(t)
	filled := edit(t, template(t, p, TemplateOptions{}), func(x *excelize.File) {
		must(t, x.SetCellStr(SheetData, "G3", "3.2"))                  // a text number
		must(t, x.SetCellStr(SheetData, "L3", "81,000,000"))           // separators
		must(t, x.SetCellStr(SheetData, "F4", "６１００"))                 // full-width digits
		must(t, x.SetCellStr(SheetData, "H4", "64000 "))               // a trailing space
		must(t, x.SetCellFormula(SheetData, "N5", "10000000+5000000")) // recomputed on saving
		must(t, x.InsertRows(SheetData, 1, 1))                         // a title row, merged
		must(t, x.SetCellStr(SheetData, "A1", "2026年街道数据"))
		must(t, x.MergeCell(SheetData, "A1", "D1"))
		must(t, x.MergeCell(SheetData, "E2", "F2")) // merged label cells
		must(t, x.InsertRows(SheetData, 5, 1))      // a blank row in the middle
		must(t, x.SetRowVisible(SheetData, 6, false))
		_, err := x.NewSheet("草稿")
		must(t, err)
		must(t, x.SetSheetRow("草稿", "A1", &[]any{"id", "area_km2"}))
	})
	for _, c := range []struct {
		name, file, infilter string
		data                 []byte
	}{
		{"workbook", "filled.xlsx", "", filled},
		{"csv", "filled.csv", "CSV:44,34,76,1", template(t, p, TemplateOptions{Format: CSV})},
	} {
		t.Run(c.name, func(t *testing.T) {
			saved := saveWithLibreOffice(t, c.file, c.data, c.infilter)
			sameSubs(t, p, mustRead(t, "saved.xlsx", saved, p), p.Subdistricts)
		})
	}
}
