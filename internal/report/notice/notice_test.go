package notice_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/numfmt"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/internal/report/notice"
	"github.com/caili/caili/internal/testplan"
)

// need finds a command line tool of poppler-utils: without it the test
// is skipped, except under CI=true, where it fails (.ci/run installs
// poppler-utils).
func need(t *testing.T, tool string) string {
	t.Helper()
	p, err := exec.LookPath(tool)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but no %s (poppler-utils): %v", tool, err)
		}
		t.Skipf("no %s (poppler-utils): %v", tool, err)
	}
	return p
}

func sample(t *testing.T) *formula.Result {
	t.Helper()
	doc, _ := testplan.Sample(t)
	res, err := testplan.Sets(t, doc)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// pdfText writes the notices and returns pdftotext's text, page by page.
func pdfText(t *testing.T, res *formula.Result, which []int, o notice.Options) ([]string, string) {
	t.Helper()
	tool := need(t, "pdftotext")
	var b bytes.Buffer
	if err := notice.Write(&b, res, which, o); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "notice.pdf")
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("NOTICE_KEEP"); dir != "" { // to look at the PDF
		_ = os.WriteFile(filepath.Join(dir, t.Name()+".pdf"), b.Bytes(), 0o644)
	}
	out, err := exec.Command(tool, "-layout", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	// pdftotext keeps the spaces between Chinese words at will: compare
	// without them.
	flat := strings.NewReplacer(" ", "", "\u3000", "").Replace(string(out))
	pages := strings.Split(strings.TrimRight(flat, "\f\n"), "\f")
	return pages, file
}

func index(t *testing.T, res *formula.Result, id string) int {
	for i := range res.Subdistricts {
		if res.Subdistricts[i].ID == id {
			return i
		}
	}
	t.Fatalf("no %s", id)
	return -1
}

func TestNoticeOfOneSubdistrict(t *testing.T) {
	res := sample(t)
	i := index(t, res, "desheng")
	st := &report.Stamp{SHA256: strings.Repeat("ab", 32), Version: "test"}
	date := time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)
	pages, _ := pdfText(t, res, []int{i}, notice.Options{DocNo: "西财预〔2025〕12号", Date: date, Stamp: st})
	text := strings.ReplaceAll(strings.Join(pages, "\n"), "\n", "") // no character is lost where a line breaks
	rows, _ := numfmtTotals(t, res)
	for _, want := range []string{notice.Bureau(res.Plan), "西财预〔2025〕12号", "德胜街道", rows[i], "可支配财力测算结果", "以元为准。", "十个工作日内", "2025年12月1日", "财力测算通知书", "校验码", st.SHA256, "盖章"} {
		if !strings.Contains(text, want) {
			t.Errorf("the notice lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "草案") {
		t.Error("a published notice says 草案")
	}
	checkPageNumbers(t, pages, []int{len(pages)})
}

func TestNoticesOfAll(t *testing.T) {
	res := sample(t)
	pages, _ := pdfText(t, res, nil, notice.Options{Kind: notice.Control, Draft: true})
	if len(pages) < len(res.Subdistricts) {
		t.Fatalf("%d pages for %d notices", len(pages), len(res.Subdistricts))
	}
	rows, _ := numfmtTotals(t, res)
	// Each notice starts on a new page with its 街道's name and total.
	k := 0
	var counts []int
	for i := range res.Subdistricts {
		a := &res.Subdistricts[i]
		if !strings.Contains(pages[k], a.Name) || !strings.Contains(pages[k], rows[i]) || !strings.Contains(pages[k], "草案") || !strings.Contains(pages[k], "控制数") {
			t.Fatalf("page %d is not %s's notice (total %s 万元):\n%s", k+1, a.Name, rows[i], pages[k])
		}
		n := 1
		for k+n < len(pages) && !strings.Contains(pages[k+n], notice.Bureau(res.Plan)+"\n") && strings.Contains(pages[k+n], "共") && !strings.Contains(pages[k+n], "第1页") {
			n++
		}
		if n > 2 {
			t.Errorf("%s's notice has %d pages, more than two A4 pages", a.Name, n)
		}
		counts = append(counts, n)
		k += n
	}
	checkPageNumbers(t, pages, counts)
}

// checkPageNumbers checks "第 n 页 共 m 页" on every page, numbered within
// each notice (counts: the pages of each).
func checkPageNumbers(t *testing.T, pages []string, counts []int) {
	t.Helper()
	k := 0
	for _, m := range counts {
		for n := 1; n <= m; n++ {
			want := "第" + itoa(n) + "页共" + itoa(m) + "页"
			if k >= len(pages) || !strings.Contains(pages[k], want) {
				t.Fatalf("page %d lacks %q", k+1, want)
			}
			k++
		}
	}
	if k != len(pages) {
		t.Fatalf("%d pages, %d numbered", len(pages), k)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// numfmtTotals are the 街道's totals in 万元 as every 万元 table shows them.
func numfmtTotals(t *testing.T, res *formula.Result) ([]string, error) {
	t.Helper()
	rows, err := report.WanRows(res)
	if err != nil {
		t.Fatal(err)
	}
	total := slices.Index(report.HeaderOf(res, false), "total") // district-managed, if any, follows it (rules §6)
	out := make([]string, len(res.Subdistricts))
	for i := range out {
		out[i] = numfmt.Group(rows[i][total])
	}
	return out, nil
}

func TestNoticeTemplate(t *testing.T) {
	res := sample(t)
	var b bytes.Buffer
	err := notice.Write(&b, res, []int{0}, notice.Options{Template: "{{define \"title\"}}{{.Nope}}{{end}}"})
	var ae *caili.Error
	if !errors.As(err, &ae) || ae.Kind != caili.KindBadRequest || b.Len() != 0 {
		t.Fatalf("a bad template: %v, %d bytes", err, b.Len())
	}
	pages, _ := pdfText(t, res, []int{0}, notice.Options{Template: `{{define "title"}}自定义标题{{end}}{{define "body"}}{{.Subdistrict}}合计{{.Total}}万元{{end}}`})
	if !strings.Contains(pages[0], "自定义标题") {
		t.Errorf("the template's title is not used:\n%s", pages[0])
	}
	// A body too long for one page: each of two notices takes two pages,
	// numbered within the notice.
	long := `{{define "body"}}` + strings.Repeat("{{.Subdistrict}}的一段很长的说明文字, 用来把通知撑到第二页。\n", 40) + `{{end}}`
	pages, file := pdfText(t, res, []int{0, 1}, notice.Options{Template: long, Draft: true})
	checkPageNumbers(t, pages, []int{2, 2})
	if !strings.Contains(pages[2], res.Subdistricts[1].Name) {
		t.Errorf("the second notice does not start on page 3:\n%s", pages[2])
	}
	render(t, file)
	for _, s := range []string{"测算", "控制数", "批复", "approval", ""} {
		if _, ok := notice.ParseKind(s); !ok {
			t.Errorf("ParseKind(%q) refused", s)
		}
	}
	if _, ok := notice.ParseKind("通报"); ok {
		t.Error("ParseKind(通报) taken")
	}
}

// render draws the pages as PNG into NOTICE_KEEP, when set, to look at.
func render(t *testing.T, file string) {
	dir := os.Getenv("NOTICE_KEEP")
	if dir == "" {
		return
	}
	if out, err := exec.Command(need(t, "pdftoppm"), "-r", "70", "-png", file, filepath.Join(dir, t.Name())).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
}
