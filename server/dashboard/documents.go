package dashboard

import "github.com/caili/caili/internal/msg"

// documentLinks are the plan page's downloads of the documents a bureau
// sends (issue 24 §4–6): the notices to the 街道 as PDF and the 人大 table,
// of the figures the page shows (the what-if's query carried), and every
// scenario of the plan side by side against the base, a page of its own
// (scenarios.go; on the plan as written only: a what-if is one scenario).
func documentLinks(plan string, w WhatIf) []Link {
	api := apiPlanPath(plan)
	out := []Link{
		{Kind: "notices", Label: msg.DashNoticesPDF.In(msg.Zh), Href: w.withQuery(api + "/notices.pdf")},
		{Kind: "renda", Label: msg.DashRendaXLSX.In(msg.Zh), Href: w.withQuery(api + "/renda.xlsx")},
	}
	if w.Encode() == "" {
		out = append(out, Link{Kind: "compare-scenarios", Label: msg.DashScenariosPage.In(msg.Zh), Href: ScenariosPath(plan)})
	}
	return out
}
