package server

import (
	"context"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/standards"
)

// TestStatementPrintsOnTwoPages prints the statement of every 街道 of the
// sample as the browser's print view (A4, the page's own print styles)
// and checks that each fits two pages (issue 21: a clerk gets one
// statement on one sheet, both sides).
func TestStatementPrintsOnTwoPages(t *testing.T) {
	exe, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but no chromium to print with: %v", err)
		}
		t.Skipf("no chromium binary (%v)", err)
	}
	if testing.Short() {
		t.Skip("prints 15 statements")
	}
	ts := httptest.NewServer(sampleServer(t).Handler())
	defer ts.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 4*browserTimeout)
	defer cancel()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.Flag("headless", true),
		chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.UserDataDir(t.TempDir()))
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()

	doc, err := standards.LoadFS(configs.FS, configs.PlanPath)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := doc.Plan()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, a := range plan.Subdistricts {
		if err := chromedp.Do(bctx, chromedp.Navigate(ts.URL+"/plans/sample/subdistricts/"+url.PathEscape(a.ID)),
			chromedp.WaitVisible(chromedp.CSS(`article.statement`))); err != nil {
			t.Fatalf("%s: %v", a.ID, err)
		}
		pdf, err := chromedp.Run(bctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4)))
		if err != nil {
			t.Fatalf("%s: print: %v", a.ID, err)
		}
		file := filepath.Join(dir, a.ID+".pdf")
		if d := os.Getenv("CAILI_PRINTS"); d != "" {
			file = filepath.Join(d, a.ID+".pdf")
		}
		if err := os.WriteFile(file, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		if n := pdfPages(t, file, pdf); n < 1 || n > 2 {
			t.Errorf("%s (%s): the statement prints on %d pages", a.Name, a.ID, n)
		}
	}
}

// pdfPages counts a PDF's pages with pdfinfo, or by its page objects when
// pdfinfo is not installed.
func pdfPages(t *testing.T, file string, pdf []byte) int {
	t.Helper()
	if out, err := exec.Command("pdfinfo", file).Output(); err == nil {
		if m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out); m != nil {
			n, _ := strconv.Atoi(string(m[1]))
			return n
		}
	}
	return len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(pdf, -1))
}
