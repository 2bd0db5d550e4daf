package server

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/chromedp/chromedp"
)

// namesInForm is the browser test's visit with Chinese names
// (docs/names.md): a what-if typed into the form's free row by the
// sub-district's name and the quantity's label is applied as the same
// path by ids would be; the statement URL typed with the name shows the
// statement, its indicators named by their labels.
func (b *browser) namesInForm() {
	b.t.Helper()
	b.follow("open the plan page", http.StatusOK, chromedp.Navigate(b.base+"/plans/sample"))
	b.do("fill a free row by names",
		chromedp.SendKeys(chromedp.CSS(`#whatif input[name="path"]`), "subdistrict.德胜街道.quantities.病媒防制面积"),
		chromedp.SendKeys(chromedp.CSS(`#whatif input[name="value"]`), "3000000"))
	b.follow("submit the what-if by names", http.StatusOK, chromedp.Click(chromedp.CSS(`#whatif button[type="submit"]`)))
	b.do("see the what-if by names", chromedp.WaitVisible(chromedp.CSS(`#compare`)))
	if cls := b.eval(`document.getElementById("whatif-banner").className`); strings.Contains(cls, "bad") {
		b.t.Fatalf("the what-if by names was not applied (banner %q)", cls)
	}
	query := b.eval(`location.search.replace(/^\?/, "")`)
	byName := b.checkTable(query)
	byID := b.apiAllocations("set.subdistrict.desheng.quantities.vector_area_m2=3000000")
	if len(byName.Subdistricts) != len(byID.Subdistricts) || byName.Subdistricts[0].Total != byID.Subdistricts[0].Total {
		b.t.Errorf("the form's what-if by names (%s) is not the one by ids", query)
	}
	// A saved scenario chosen by its Chinese name: the banner's stamp
	// names the scenario, so the page is never taken for the plan.
	name := "病媒生物防制标准降至 1.5 元/平方米"
	b.follow("open a what-if by the scenario's name", http.StatusOK,
		chromedp.Navigate(b.base+"/plans/sample?scenario="+url.QueryEscape(name)))
	b.do("see the scenario's banner", chromedp.WaitVisible(chromedp.CSS(`#whatif-banner #stamp`)))
	if got := b.eval(`document.getElementById("stamp").textContent`); !strings.Contains(got, "情景测算: "+name) || !strings.Contains(got, "sha256") {
		b.t.Errorf("the banner's stamp %q does not name the scenario", got)
	}
	b.follow("open a statement by name", http.StatusOK, chromedp.Navigate(b.base+"/plans/sample/subdistricts/德胜街道"))
	b.do("see the statement by name", chromedp.WaitVisible(chromedp.CSS(`article.statement`)))
	if got := b.eval(`document.querySelector('article.statement h1').textContent + " " + document.querySelector('article.statement h1').title`); !strings.Contains(got, "德胜街道") || !strings.Contains(got, "desheng") {
		b.t.Errorf("statement heading %q", got)
	}
	if got := b.eval(`document.querySelector('article.statement').textContent`); !strings.Contains(got, "常住人口 (人)") {
		b.t.Error("the statement's indicators are not named by their labels")
	}
	b.screenshot("statement-by-name.png")
}
