package server

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserExecution walks execution monitoring in headless Chromium:
// a planner signs in, opens the 执行监控 page (empty), imports three
// months of execution through the page's form (one line below the
// plan's 60% rule at the end of September), sees the rates, the bars and
// the warning, and writes next year's plan with the page's button.
//
// Skipped without a chromium binary, except under CI=true.
func TestBrowserExecution(t *testing.T) {
	exe, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but no chromium to run the browser test: %v", err)
		}
		t.Skipf("no chromium binary (%v)", err)
	}
	e := newRecordEnv(t)
	plan := filepath.Join(e.plans, "tiny.toml")
	b, err := os.ReadFile(plan)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(plan, append(b, "\n[[execution_rule]]\nmonth = 9\nmin_rate = \"0.6\"\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := e.srv.app.Plans.Scan(true); err != nil {
		t.Fatal(err)
	}
	csv := filepath.Join(t.TempDir(), "7-9月执行.csv")
	rows := "街道,项目,预算数,支出数,月份\n" +
		"东街道,greening,100000,20000,7\n东街道,greening,100000,35000,8\n东街道,greening,100000,45000,9\n" +
		"西街道,vector_control,50000,20000,7\n西街道,vector_control,50000,30000,8\n西街道,vector_control,50000,40000,9\n"
	if err := os.WriteFile(csv, []byte(rows), 0o644); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(e.srv.Handler())
	defer ts.Close()
	ctx, cancel := context.WithTimeout(context.Background(), browserTimeout)
	defer cancel()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.Flag("headless", true), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.NoFirstRun, chromedp.Flag("disable-background-networking", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900))
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	shots := os.Getenv("CAILI_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	br := &browser{t: t, ctx: bctx, base: ts.URL, shots: shots}

	br.follow("open the sign-in page", http.StatusOK, chromedp.Navigate(ts.URL+"/plans/tiny/execution"))
	br.wantPath("/signin")
	br.follow("sign in as the planner", http.StatusOK,
		chromedp.SendKeys(chromedp.CSS(`#signin-token`), e.planner), chromedp.Submit(chromedp.CSS(`#signin-form`)))
	br.wantPath("/plans/tiny/execution")
	br.do("see the empty page", chromedp.WaitVisible(chromedp.CSS(`#execution-empty`)))
	br.do("import three months",
		chromedp.SendKeys(chromedp.CSS(`#token`), e.planner),
		chromedp.SetUploadFiles(chromedp.CSS(`#import-file`), []string{csv}),
		chromedp.Click(chromedp.CSS(`#import-form button`)),
		chromedp.WaitVisible(chromedp.CSS(`#execution-table`)))
	table := br.eval(`document.querySelector("#execution-table").innerText`)
	for _, want := range []string{"7月", "8月", "9月", "45.0%", "80.0%"} {
		if !strings.Contains(table, want) {
			t.Errorf("the table lacks %q:\n%s", want, table)
		}
	}
	if warn := br.eval(`document.querySelector("#execution-warnings").innerText`); !strings.Contains(warn, "东街道 绿化养护:9 月末执行率 45.0%,低于 60%") || strings.Contains(warn, "西街道") {
		t.Errorf("warnings: %s", warn)
	}
	br.screenshot("execution.png")
	br.do("write next year's plan", chromedp.Click(chromedp.CSS(`#next-plan`)))
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(br.eval(`document.querySelector("#next-result").innerText`), "tiny-2026.toml") {
		if time.Now().After(deadline) {
			t.Fatalf("next year's plan: %s", br.eval(`document.querySelector("#next-result").innerText`))
		}
		time.Sleep(100 * time.Millisecond)
	}
	if _, err := os.Stat(filepath.Join(e.plans, "tiny-2026.toml")); err != nil {
		t.Error(err)
	}
}
