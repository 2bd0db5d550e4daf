package dashboard

import "github.com/caili/caili/internal/msg"

// documentLinks are the plan page's downloads of the documents a bureau
// sends (issue 24 §2, §4–6): the notices to the 街道 as PDF, the 人大
// table, the export for the budget system (预算管理一体化, default profile),
// of the figures the page shows (the what-if's query carried), and every
// scenario of the plan side by side against the base, a page of its own
// (scenarios.go; on the plan as written only: a what-if is one scenario).
func documentLinks(plan string, w WhatIf) []Link {
	api := apiPlanPath(plan)
	out := []Link{
		{Kind: "notices", Label: msg.DashNoticesPDF.In(msg.Zh), Href: w.withQuery(api + "/notices.pdf")},
		{Kind: "renda", Label: msg.DashRendaXLSX.In(msg.Zh), Href: w.withQuery(api + "/renda.xlsx")},
		{Kind: "export", Label: msg.DashExportXLSX.In(msg.Zh), Href: w.withQuery(api + "/export.xlsx")},
	}
	if w.Encode() == "" {
		out = append(out, Link{Kind: "webservice", Label: msg.DashWebServiceXLSX.In(msg.Zh), Href: api + "/webservice.xlsx"})
	}
	if w.Encode() == "" {
		out = append(out, Link{Kind: "compare-scenarios", Label: msg.DashScenariosPage.In(msg.Zh), Href: ScenariosPath(plan)})
	}
	return out
}
