package server

import (
	"archive/zip"
	"context"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestWebServiceWorkbook: webservice.xlsx asks the server the request came
// to, with WEBSERVICE written as the xlsx format names it
// (_xlfn.WEBSERVICE), one cell a 街道 and a column; LibreOffice opens it
// without #NAME? (a name it does not know), whether or not it may fetch.
func TestWebServiceWorkbook(t *testing.T) {
	e := newEnv(t, "")
	ts := httptest.NewServer(e.srv.Handler())
	defer ts.Close()
	resp, err := http.Get(ts.URL + "/api/v1/plans/tiny/webservice.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != typeXLSX {
		t.Fatalf("webservice.xlsx: %d %q %v", resp.StatusCode, resp.Header.Get("Content-Type"), err)
	}
	dir := t.TempDir()
	book := filepath.Join(dir, "live.xlsx")
	if err := os.WriteFile(book, body, 0o644); err != nil {
		t.Fatal(err)
	}
	sheet := html.UnescapeString(sheetXML(t, book))
	want := `<f>--_xlfn.WEBSERVICE("` + ts.URL + `/api/v1/plans/tiny/cell/north/total")</f>`
	if !strings.Contains(sheet, want) || strings.Count(sheet, "<f>") != 3*7 {
		t.Fatalf("the formulas: %d, want 21 like %s", strings.Count(sheet, "<f>"), want)
	}
	bin, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("soffice (LibreOffice) not found (CI=true: it is required)")
		}
		t.Skip("soffice (LibreOffice) not found")
	}
	csv := computed(t, bin, dir, book)
	t.Logf("as LibreOffice computes it (Err:540 until links are allowed):\n%s", csv)
	if strings.Contains(csv, "#NAME?") || strings.Contains(csv, "Err:508") {
		t.Errorf("LibreOffice does not know the function:\n%s", csv)
	}
	// The check can see an unknown name: the function without its prefix.
	plain := filepath.Join(dir, "plain.xlsx")
	f := excelize.NewFile()
	if err := f.SetCellFormula("Sheet1", "A1", `--WEBSERVICE("`+ts.URL+`/api/v1/plans/tiny/cell/north/total")`); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(plain); err != nil {
		t.Fatal(err)
	}
	if csv := computed(t, bin, dir, plain); !strings.Contains(csv, "#NAME?") {
		t.Errorf("WEBSERVICE without _xlfn. is not seen as unknown: %q", csv)
	}
}

// computed is a workbook as LibreOffice computes it, as CSV.
func computed(t *testing.T, bin, dir, book string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless", "--norestore",
		"--convert-to", "csv", "--outdir", filepath.Join(dir, "out"), book)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	csv, err := os.ReadFile(filepath.Join(dir, "out", strings.TrimSuffix(filepath.Base(book), ".xlsx")+".csv"))
	if err != nil {
		t.Fatal(err)
	}
	return string(csv)
}

// sheetXML is the first sheet's XML of a workbook.
func sheetXML(t *testing.T, name string) string {
	t.Helper()
	zr, err := zip.OpenReader(name)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == "xl/worksheets/sheet1.xml" {
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			b, err := io.ReadAll(r)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatal("no sheet1.xml")
	return ""
}
