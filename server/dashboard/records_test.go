package dashboard

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// recordPage renders a record page and returns it with the script in
// its place checked and replaced by a marker (as goldenPage does with the
// stylesheet), so that the golden files pin the frame and records.js is
// pinned once, in its own file.
func recordPage(t *testing.T, p RecordPage, plan, name string) string {
	t.Helper()
	v, err := NewRecordsView(p, plan, name)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := testRenderer(t).Records(&b, v); err != nil {
		t.Fatal(err)
	}
	js := string(testRenderer(t).js)
	page := b.String()
	if !strings.Contains(page, "<script>"+js+"</script>") {
		t.Fatalf("the %s page does not carry records.js inline, whole", p)
	}
	return strings.Replace(page, "<script>"+js+"</script>", "<script>/* records.js */</script>", 1)
}

func TestRecordsGolden(t *testing.T) {
	goldenPage(t, "versions", recordPage(t, RecordVersions, "tiny", "示例区 2025年街道财力测算(小例)"))
	goldenPage(t, "objections", recordPage(t, RecordObjections, "tiny", "示例区 2025年街道财力测算(小例)"))
	goldenPage(t, "audit", recordPage(t, RecordAudit, "", ""))
}

// TestRecordPages checks what each page offers: the token form, the
// messages' places, the API prefix the script asks, and the navigation
// between the record's pages.
func TestRecordPages(t *testing.T) {
	for _, tc := range []struct {
		page      RecordPage
		plan, api string
		ids       []string
		nav       int
	}{
		{RecordVersions, "tiny", "/api/v1/plans/tiny", []string{"save-form", "versions", "diff-form", "diff"}, 5},
		{RecordObjections, "tiny", "/api/v1/plans/tiny", []string{"own-section", "statement-link", "object-form", "corrections", "objections", "preview"}, 5},
		{RecordYear, "tiny", "/api/v1/plans/tiny", []string{"stage", "stages", "year-rows", "upload-form", "publications", "publish-form", "execution-link"}, 5},
		{RecordAudit, "", "/api/v1/audit", []string{"audit"}, 1},
	} {
		name := ""
		if tc.plan != "" {
			name = "小例"
		}
		root := parse(t, recordPage(t, tc.page, tc.plan, name))
		for _, id := range append([]string{"records", "token-form", "token", "whoami", "error", "notice"}, tc.ids...) {
			byID(t, root, id)
		}
		rec := byID(t, root, "records")
		if got, _ := attr(rec, "data-api"); got != tc.api {
			t.Errorf("%s: data-api %q, want %q", tc.page, got, tc.api)
		}
		if got, _ := attr(rec, "data-page"); got != string(tc.page) {
			t.Errorf("%s: data-page %q", tc.page, got)
		}
		// The page's own entry is not a link; the others are.
		links := findAll(root, func(n *html.Node) bool { k, ok := attr(n, "data-kind"); return ok && k != "" && n.Data == "a" })
		if len(links) != tc.nav-1 {
			t.Errorf("%s: %d links to the other record pages, want %d", tc.page, len(links), tc.nav-1)
		}
	}
}

// TestRecordViewErrors: the audit log has no plan; the plans' pages need one.
func TestRecordViewErrors(t *testing.T) {
	for _, tc := range []struct {
		page RecordPage
		plan string
	}{{RecordAudit, "tiny"}, {RecordVersions, ""}, {"nope", "tiny"}} {
		if _, err := NewRecordsView(tc.page, tc.plan, ""); err == nil {
			t.Errorf("NewRecordsView(%q, %q) gave no error", tc.page, tc.plan)
		}
	}
	if err := testRenderer(t).Records(&bytes.Buffer{}, nil); err == nil {
		t.Error("a nil view rendered")
	}
}

// TestRecordPageEscapes: a plan's name is text, not markup.
func TestRecordPageEscapes(t *testing.T) {
	page := recordPage(t, RecordVersions, "tiny", "<script>alert(1)</script>")
	if strings.Contains(page, "<script>alert") {
		t.Error("the plan's name is not escaped")
	}
}
