package server

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/shopspring/decimal"
)

// The second half of TestBrowserYearWalk: execution and next year.

// executionPage opens the 执行监控 page, signing the planner in when the
// server asks, with the planner's token in the page's field.
func (w *yearWalk) executionPage() {
	w.t.Helper()
	const path = "/plans/budget/execution"
	w.follow("open "+path, http.StatusOK, chromedp.Navigate(w.base+path))
	if w.eval(`location.pathname`) == "/signin" {
		w.follow("sign in as the planner", http.StatusOK,
			chromedp.SendKeys(chromedp.CSS(`#signin-token`), w.e.planner), chromedp.Submit(chromedp.CSS(`#signin-form`)))
	}
	w.wantPath(path)
	w.do("the planner's token", chromedp.SetValue(chromedp.CSS(`#token`), w.e.planner))
}

// execute: three months of each accepted breakdown line, as a budget
// system exports them (cumulative spending): east's first line spends 1%
// a month, below the plan's rule of 20% at the end of March, the others
// 10%; the page shows one warning, the 预算年度 page each 街道's rate.
func (w *yearWalk) execute() {
	t, e := w.t, w.e
	names := map[string]string{"east": "东街道", "west": "西街道"}
	rows := "街道,项目,预算数,支出数,月份\n"
	for _, sub := range []string{"east", "west"} {
		for i, l := range w.breakdowns[sub] {
			pct := int64(10)
			if sub == "east" && i == 0 {
				pct = 1
			}
			for m := int64(1); m <= 3; m++ {
				spent := l.amount.Mul(decimal.NewFromInt(pct * m)).Div(decimal.NewFromInt(100)).Floor()
				rows += fmt.Sprintf("%s,%s,%s,%s,%d\n", names[sub], l.name, l.amount, spent, m)
			}
		}
	}
	file := filepath.Join(w.dir, "1-3月执行.csv")
	if err := os.WriteFile(file, []byte(rows), 0o644); err != nil {
		t.Fatal(err)
	}
	w.executionPage()
	w.do("see the empty page", chromedp.WaitVisible(chromedp.CSS(`#execution-empty`)))
	w.do("import three months", chromedp.SetUploadFiles(chromedp.CSS(`#import-file`), []string{file}),
		chromedp.Click(chromedp.CSS(`#import-form button`)), chromedp.WaitVisible(chromedp.CSS(`#execution-table`)))
	table := w.eval(`document.querySelector("#execution-table").innerText`)
	for _, want := range []string{"1月", "3月", "社区养老服务", "治安巡防", "社区服务中心运行", "30.0%"} {
		if !strings.Contains(table, want) {
			t.Errorf("the table lacks %q:\n%s", want, table)
		}
	}
	warn := w.eval(`document.querySelector("#execution-warnings").innerText`)
	if n := w.count(`#execution-warnings li`); n != 1 || !strings.Contains(warn, "东街道 社区养老服务:3 月末执行率 3.0%,低于 20%") {
		t.Errorf("%d warnings: %s", n, warn)
	}
	w.screenshot("year-execution.png")

	w.openAs(yearPath, e.planner, "1")
	for id, want := range map[string]string{"east": "3 月末执行率 16.", "west": "3 月末执行率 30.00%", "north": "未导入"} {
		got := w.text(`#year-rows tr[data-id="` + id + `"] td.execution`)
		if !strings.HasPrefix(got, want) || strings.Contains(got, "预警") != (id == "east") {
			t.Errorf("%s's execution on the 预算年度 page: %q, want %s…", id, got, want)
		}
	}
	if w.count(`#stages tr[data-stage="execute"]`) != 1 || w.count(`a#execution-link[href="/plans/budget/execution"]`) != 1 {
		t.Error("the 预算年度 page lacks the stage 执行 or the link to the 执行监控 page")
	}
}

// nextYear: the planner writes next year's plan with the 执行监控 page's
// button; the server loads it and calculates it: fiscal year 2026, the
// three 街道, every amount there.
func (w *yearWalk) nextYear() {
	t, e := w.t, w.e
	w.executionPage()
	w.do("write next year's plan", chromedp.Click(chromedp.CSS(`#next-plan`)))
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(w.eval(`document.querySelector("#next-result").innerText`), "budget-2026.toml") {
		if time.Now().After(deadline) {
			t.Fatalf("next year's plan: %s", w.eval(`document.querySelector("#next-result").innerText`))
		}
		time.Sleep(100 * time.Millisecond)
	}
	for range 2 {
		if err := e.srv.app.Plans.Scan(false); err != nil {
			t.Fatal(err)
		}
	}
	v, err := e.srv.app.Plan("budget-2026")
	if err != nil {
		t.Fatalf("next year's plan does not load: %v", err)
	}
	if v.Base.Err != nil {
		t.Fatalf("next year's plan does not calculate: %v", v.Base.Err)
	}
	p, err := v.Doc.Plan()
	if err != nil || p.FiscalYear != 2026 || len(v.Base.Res.Subdistricts) != 3 {
		t.Fatalf("next year's plan: %v, year %d, %d 街道", err, p.FiscalYear, len(v.Base.Res.Subdistricts))
	}
	for _, s := range v.Base.Res.Subdistricts {
		if s.Total.Sign() <= 0 {
			t.Errorf("next year: %s gets %s", s.ID, s.Total)
		}
	}
}
