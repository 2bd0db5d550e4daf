package server

import (
	"net/http"
	"strings"

	"github.com/chromedp/chromedp"
)

// solveAndTornado is the browser test's visit to the goal-seek page
// (目标求解), reached from the plan page by its link: a target typed into
// the form (the largest unit cost of 病媒 keeping tier A within its cap)
// and submitted by clicking; the answer and its one-unit-beyond check
// must show, and the sensitivity tornado chart must load.
func (b *browser) solveAndTornado() {
	b.t.Helper()
	b.follow("open the plan page", http.StatusOK, chromedp.Navigate(b.base+"/plans/sample"))
	b.follow("click the goal-seek link", http.StatusOK, chromedp.Click(chromedp.CSS(`#solve-link`)))
	b.do("see the goal-seek form", chromedp.WaitVisible(chromedp.CSS(`#solve`)))
	b.wantPath("/plans/sample/solve")
	b.do("fill the goal-seek form",
		chromedp.SendKeys(chromedp.CSS(`#solve input[name="target"]`), "tier.A.demand<=cap"),
		chromedp.SetValue(chromedp.CSS(`#solve select[name="vary"]`), "project.vector_control.unit_cost"))
	b.follow("submit the goal-seek", http.StatusOK, chromedp.Click(chromedp.CSS(`#solve button[type="submit"]`)))
	b.do("see the answer", chromedp.WaitVisible(chromedp.CSS(`#solve-answer`)))
	if got := b.eval(`document.getElementById("solve-value").textContent`); got != "16.75" {
		b.t.Errorf("goal-seek answer %q, want 16.75 (tier A capped at 25%% of the whole budget, cap_base = available)", got)
	}
	checks := b.eval(`document.querySelector("#solve-answer table.checks").textContent`)
	for _, want := range []string{"16.75", "16.76", "多一个单位"} {
		if !strings.Contains(checks, want) {
			b.t.Errorf("the checks lack %q: %q", want, checks)
		}
	}
	if got := b.eval(`document.querySelector("#solve-answer tr.bad td:nth-child(3)").textContent`); got != "否" {
		b.t.Errorf("one unit beyond the answer shows %q, want 否", got)
	}
	b.imagesLoaded()
	if got := b.eval(`String(document.querySelector("figure.chart-tornado img").naturalWidth)`); got == "0" {
		b.t.Error("the tornado chart did not load")
	}
	b.screenshot("solve.png")
}
