package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserRecordWalk walks the governed record through the dashboard
// in headless Chromium, each person with their own token pasted into the
// page: the planner saves a draft, the approver approves and publishes
// it, the 街道 east reads its published statement and files an objection
// correcting its population, the planner previews the objection (the
// effect on every 街道) and accepts it (a new draft), the approver
// approves and publishes that draft, and the audit log page shows every
// step. At each step the test reads what the page shows and compares it
// with the API. Then a 街道 token is refused what is not its own, and
// the page says so with the API's code.
//
// Skipped without a chromium binary, except under CI=true (as
// TestBrowserDashboard).
func TestBrowserRecordWalk(t *testing.T) {
	exe, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but no chromium to run the browser test: %v", err)
		}
		t.Skipf("no chromium binary (%v); apt-get install chromium to run this test", err)
	}
	e := newRecordEnv(t)
	ts := httptest.NewServer(e.srv.Handler())
	defer ts.Close()
	ctx, cancel := context.WithTimeout(context.Background(), browserTimeout)
	defer cancel()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.Flag("headless", true), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.NoFirstRun, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
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
	w := &walk{browser: &browser{t: t, ctx: bctx, base: ts.URL, shots: shots}, e: e}

	label1 := w.publishFirst()
	effect := w.objectAndPreview(label1)
	w.acceptAndPublish(label1, effect)
	w.auditShowsEveryStep()
	w.refusals()
	t.Logf("screenshots in %s", shots)
}

// walk is the browser with the record environment's tokens.
type walk struct {
	*browser
	e *recordEnv
}

// api asks the test server directly with a token, for what the pages
// are compared with.
func (w *walk) api(path, token string, v any) {
	w.t.Helper()
	req, err := http.NewRequest(http.MethodGet, w.base+path, nil)
	if err != nil {
		w.t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		w.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		w.t.Fatalf("GET %s: %d %v\n%s", path, resp.StatusCode, err, body)
	}
	if err := json.Unmarshal(body, v); err != nil {
		w.t.Fatalf("GET %s: %v", path, err)
	}
}

// openAs opens a record page with no token, then pastes token into the
// token field and waits until the page has asked the API.
func (w *walk) openAs(path, token, ready string) {
	w.t.Helper()
	w.follow("open "+path, http.StatusOK, chromedp.Navigate(w.base+path))
	w.do("forget the token", chromedp.Evaluate[chromedp.Void](`sessionStorage.removeItem("caili.token"), null`))
	w.follow("open "+path+" again", http.StatusOK, chromedp.Navigate(w.base+path))
	if got := w.eval(`document.getElementById("records").dataset.ready || ""`); got != "" {
		w.t.Fatalf("%s without a token: ready %q", path, got)
	}
	w.do("paste the token", chromedp.SendKeys(chromedp.CSS(`#token`), token), chromedp.Click(chromedp.CSS(`#token-form button[type="submit"]`)))
	w.waitReady(ready)
}

// waitReady waits until the page's script has done ("1") or failed
// ("error").
func (w *walk) waitReady(want string) {
	w.t.Helper()
	w.do("wait for the page", chromedp.WaitVisible(chromedp.CSS(`#records[data-ready]:not([data-ready=""])`)))
	if got := w.eval(`document.getElementById("records").dataset.ready`); got != want {
		w.t.Fatalf("page %s: ready %q, want %q; error shown: %q", w.eval(`location.pathname`), got, want, w.eval(`document.getElementById("error").textContent`))
	}
}

// text is the text of the first element a selector finds.
func (w *walk) text(sel string) string {
	w.t.Helper()
	return w.eval(fmt.Sprintf(`(function () { var e = document.querySelector(%q); return e ? e.textContent.trim() : "<none>"; })()`, sel))
}

// waitText waits, for up to 10 s, until the first element a selector
// finds says want, and returns what it says then.
func (w *walk) waitText(sel, want string) string {
	w.t.Helper()
	got := w.text(sel)
	for deadline := time.Now().Add(10 * time.Second); got != want && time.Now().Before(deadline); got = w.text(sel) {
		time.Sleep(50 * time.Millisecond)
	}
	return got
}

// count is how many elements a selector finds.
func (w *walk) count(sel string) int {
	w.t.Helper()
	n, err := chromedp.Run(w.ctx, chromedp.Evaluate[int](fmt.Sprintf(`document.querySelectorAll(%q).length`, sel)))
	if err != nil {
		w.t.Fatal(err)
	}
	return n
}

// click clicks an element and waits for another to show.
func (w *walk) click(sel, then string) {
	w.t.Helper()
	w.do("click "+sel, chromedp.Click(chromedp.CSS(sel)), chromedp.WaitVisible(chromedp.CSS(then)))
}

// noError fails when the page shows an error.
func (w *walk) noError(what string) {
	w.t.Helper()
	if w.eval(`String(document.getElementById("error").hidden)`) != "true" {
		w.t.Fatalf("%s: the page shows an error: %s", what, w.text("#error"))
	}
}

var publishedLabel = regexp.MustCompile(`^已发布 \d{4}-\d{2}-\d{2} [0-9a-f]{8}$`)

// publishFirst: the planner saves a draft; the approver approves and
// publishes it. It returns the publication's label.
func (w *walk) publishFirst() string {
	t := w.t
	w.openAs("/plans/tiny/versions", w.e.planner, "1")
	if got := w.text("#whoami"); !strings.Contains(got, "规划员") {
		t.Errorf("the planner's page says %q", got)
	}
	if w.count(`#versions tr[data-n]`) != 0 {
		t.Fatal("versions before any was saved")
	}
	w.do("write a note", chromedp.SendKeys(chromedp.CSS(`#save-note`), "第一稿"))
	w.click(`#save-form button[type="submit"]`, `#versions tr[data-n="1"][data-status="draft"]`)
	w.noError("save a draft")
	if got := w.text(`#versions tr[data-n="1"] td.status`); got != "草案" {
		t.Errorf("the new version's state is %q, want 草案", got)
	}
	if got := w.text(`#versions tr[data-n="1"] td.note`); got != "第一稿" {
		t.Errorf("the new version's note is %q", got)
	}
	if n := w.count(`#versions button.approve, #versions button.publish`); n != 0 {
		t.Errorf("the planner is offered %d approve/publish buttons", n)
	}
	if got := w.text("#notice"); !strings.Contains(got, "第 1 版") {
		t.Errorf("the notice says %q", got)
	}
	w.screenshot("records-draft.png")

	w.openAs("/plans/tiny/versions", w.e.approver, "1")
	if w.eval(`String(document.getElementById("save-section").hidden)`) != "true" {
		t.Error("the approver is offered to save a draft")
	}
	w.click(`#versions button.approve[data-n="1"]`, `#versions tr[data-n="1"][data-status="approved"]`)
	w.noError("approve")
	if got := w.text(`#versions tr[data-n="1"] td.status`); got != "已审批" {
		t.Errorf("the approved version's state is %q", got)
	}
	w.click(`#versions button.publish[data-n="1"]`, `#versions tr[data-n="1"][data-status="published"]`)
	w.noError("publish")
	var pub publicationJSON
	w.api("/api/v1/plans/tiny/published", w.e.approver, &pub)
	label := w.text(`#versions tr[data-n="1"] td.status`)
	if label != pub.Label || !publishedLabel.MatchString(label) || !strings.HasSuffix(label, pub.ResultHash[:8]) {
		t.Errorf("the published version shows %q, the API %q (result %s)", label, pub.Label, pub.ResultHash)
	}
	if got := w.text("#notice"); !strings.Contains(got, pub.ResultHash) {
		t.Errorf("the publish notice %q lacks the result hash", got)
	}
	w.screenshot("records-published.png")
	return label
}

// objectAndPreview: east reads its published statement and files an
// objection; the planner previews it. It returns the preview's changes
// by 街道.
func (w *walk) objectAndPreview(label string) map[string]string {
	t := w.t
	w.openAs("/plans/tiny/objections", w.e.east, "1")
	if w.eval(`String(document.getElementById("own-section").hidden)`) != "false" || w.text("#own-id") != "east" {
		t.Fatal("the 街道's own section is not shown")
	}
	w.click(`#statement-link`, `#statement-label`)
	w.noError("open the published statement")
	if got := w.text("#statement-label"); got != label {
		t.Errorf("the statement is marked %q, want %q", got, label)
	}
	var st struct {
		Subdistrict struct {
			Total string `json:"total"`
			Lines []any  `json:"lines"`
		} `json:"subdistrict"`
	}
	w.api("/api/v1/plans/tiny/published/subdistricts/east", w.e.east, &st)
	if got := w.eval(`document.querySelector('#statement-totals td[data-col="total"]').dataset.value`); got != st.Subdistrict.Total {
		t.Errorf("the statement's total is %s, the published %s", got, st.Subdistrict.Total)
	}
	if n := w.count(`#statement-lines tbody tr`); n != len(st.Subdistrict.Lines) || n == 0 {
		t.Errorf("the statement shows %d lines, the published %d", n, len(st.Subdistrict.Lines))
	}
	if w.count(`#quantity-names option[value="population"]`) != 1 {
		t.Error("the form does not offer the quantity population")
	}
	w.screenshot("records-statement.png")
	w.do("fill the objection",
		chromedp.SendKeys(chromedp.CSS(`#object-note`), "人口按 2025年普查数更正"),
		chromedp.SendKeys(chromedp.CSS(`#corrections tr.corr-row input[name="key"]`), "population"),
		chromedp.SendKeys(chromedp.CSS(`#corrections tr.corr-row input[name="value"]`), "90000"))
	w.click(`#object-form button[type="submit"]`, `#objections tr[data-n="1"]`)
	w.noError("file the objection")
	if got := w.text(`#objections tr[data-n="1"] td.status`); got != "待处理" {
		t.Errorf("the filed objection is %q", got)
	}
	if got := w.text(`#objections tr[data-n="1"] ul.corrections`); got != "quantities.population = 90000" {
		t.Errorf("the filed corrections are %q", got)
	}
	if n := w.count(`#objections button.accept, #objections button.reject`); n != 0 {
		t.Errorf("the 街道 is offered %d accept/reject buttons", n)
	}

	w.openAs("/plans/tiny/objections", w.e.planner, "1")
	w.click(`#objections button.show[data-n="1"]`, `#effect`)
	w.noError("preview")
	var ov objectionView
	w.api("/api/v1/plans/tiny/objections/1", w.e.planner, &ov)
	if ov.Effect == nil || len(ov.Effect.Subdistricts) < 2 {
		t.Fatalf("the API's effect: %+v", ov.Effect)
	}
	if n := w.count(`#effect tbody tr[data-id]`); n != len(ov.Effect.Subdistricts) {
		t.Errorf("the preview shows %d 街道, the API %d", n, len(ov.Effect.Subdistricts))
	}
	changes, moved := map[string]string{}, 0
	for _, r := range ov.Effect.Subdistricts {
		for col, want := range map[string]string{"before": r.Before, "after": r.After, "change": r.Change} {
			sel := fmt.Sprintf(`#effect tr[data-id=%q] td[data-col=%q]`, r.ID, col)
			if got := w.eval(fmt.Sprintf(`document.querySelector(%q).dataset.value`, sel)); got != want {
				t.Errorf("preview %s %s: the page shows %s, the API %s", r.ID, col, got, want)
			}
		}
		changes[r.ID] = r.Change
		if r.Change != "0" {
			moved++
		}
	}
	if changes["east"] == "0" || moved < 2 {
		t.Errorf("correcting east's population moves %d 街道 (east by %s)", moved, changes["east"])
	}
	w.screenshot("records-preview.png")
	return changes
}

// acceptAndPublish: the planner accepts the objection (a new draft,
// whose diff against version 1 is the preview); the approver approves
// and publishes it.
func (w *walk) acceptAndPublish(label1 string, effect map[string]string) {
	t := w.t
	w.click(`#objections button.accept[data-n="1"]`, `#new-draft-link`)
	w.noError("accept")
	// The list is reloaded after the notice shows: wait for it.
	if got := w.waitText(`#objections tr[data-n="1"] td.status`, "已采纳（第 2 版）"); got != "已采纳（第 2 版）" {
		t.Errorf("the accepted objection is %q", got)
	}
	w.follow("go to the versions", http.StatusOK, chromedp.Click(chromedp.CSS(`#new-draft-link`)))
	w.waitReady("1") // the planner's token is kept for the tab
	if got := w.text(`#versions tr[data-n="2"] td.status`); got != "草案" {
		t.Errorf("the new version is %q", got)
	}
	if got := w.text(`#versions tr[data-n="2"] td.note`); !strings.Contains(got, "采纳异议 1") {
		t.Errorf("the new draft's note is %q", got)
	}
	w.click(`#versions button.diff[data-n="2"]`, `#diff-totals`)
	w.noError("diff")
	if got := w.text(`#diff-changes tr[data-kind="街道数据"]`); !strings.Contains(got, "population") || !strings.Contains(got, "90000") {
		t.Errorf("the diff's data change is %q", got)
	}
	for id, want := range effect {
		if got := w.eval(fmt.Sprintf(`document.querySelector('#diff-totals tr[data-id=%q] td[data-col="change"]').dataset.value`, id)); got != want {
			t.Errorf("diff 1 → 2 changes %s by %s, the preview by %s", id, got, want)
		}
		// One cause, the corrected quantity: it takes the whole change.
		part := fmt.Sprintf(`document.querySelector('#diff-attribution tr[data-id=%q] td[data-col="part"]').dataset.value`, id)
		if got := w.eval(fmt.Sprintf(`String(Number(%s) === Number(%q))`, part, want)); got != "true" {
			t.Errorf("the attribution gives %s %s of its change %s", id, w.eval(part), want)
		}
	}
	if got := w.text(`#diff-attribution tr[data-id="east"] td.sentence`); !strings.HasPrefix(got, "比第 1 版") {
		t.Errorf("east's attribution sentence is %q", got)
	}
	w.screenshot("records-diff.png")

	w.openAs("/plans/tiny/versions", w.e.approver, "1")
	w.click(`#versions button.approve[data-n="2"]`, `#versions tr[data-n="2"][data-status="approved"]`)
	w.click(`#versions button.publish[data-n="2"]`, `#versions tr[data-n="2"][data-status="published"]`)
	w.noError("publish the new version")
	label2 := w.text(`#versions tr[data-n="2"] td.status`)
	if !publishedLabel.MatchString(label2) || label2 == label1 {
		t.Errorf("version 2 shows %q (version 1 %q)", label2, label1)
	}
	if got := w.text(`#versions tr[data-n="1"] td.status`); got != label1 {
		t.Errorf("version 1 now shows %q, want %q", got, label1)
	}
	w.screenshot("records-republished.png")
}

// auditShowsEveryStep: the audit log page shows the API's entries, the
// walk's steps in order, each by its token.
func (w *walk) auditShowsEveryStep() {
	t := w.t
	w.openAs("/audit", w.e.approver, "1")
	var log struct {
		Entries []auditJSON `json:"entries"`
	}
	w.api("/api/v1/audit", w.e.approver, &log)
	type row struct{ Seq, Action, Actor, Hash string }
	shown, err := chromedp.Run(w.ctx, chromedp.Evaluate[[]row](`Array.from(document.querySelectorAll("#audit tr[data-seq]")).map(function (tr) {
		return {Seq: tr.dataset.seq, Action: tr.dataset.action, Actor: tr.cells[2].textContent, Hash: tr.cells[7].querySelector("code").title};
	})`))
	if err != nil {
		t.Fatal(err)
	}
	if len(shown) != len(log.Entries) {
		t.Fatalf("the page shows %d entries, the API %d", len(shown), len(log.Entries))
	}
	var steps []string
	for i, e := range log.Entries {
		if s := shown[i]; s.Seq != fmt.Sprint(e.Seq) || s.Action != e.Action || s.Actor != e.Actor || s.Hash != e.Hash {
			t.Errorf("entry %d: the page shows %+v, the API %+v", i, s, e)
		}
		if i > 0 && e.Seq > log.Entries[i-1].Seq {
			t.Errorf("entry %d is newer than the one above it", e.Seq)
		}
		if e.Plan == "tiny" {
			steps = append([]string{e.Action + " " + e.Actor}, steps...)
		}
	}
	var ids [4]string
	for i, tok := range []string{w.e.planner, w.e.approver, w.e.east, w.e.west} {
		var who struct {
			ID string `json:"id"`
		}
		w.api("/api/v1/whoami", tok, &who)
		ids[i] = who.ID
	}
	planner, approver, east := ids[0], ids[1], ids[2]
	want := []string{"version.save " + planner, "version.approve " + approver, "version.publish " + approver,
		"objection.file " + east, "version.save " + planner, "objection.accept " + planner,
		"version.approve " + approver, "version.publish " + approver}
	if strings.Join(steps, "\n") != strings.Join(want, "\n") {
		t.Errorf("the plan's audit entries, oldest first:\n%s\nwant:\n%s", strings.Join(steps, "\n"), strings.Join(want, "\n"))
	}
	for _, label := range []string{"保存草案", "审批", "发布", "提出异议", "采纳异议"} {
		if !strings.Contains(w.text("#audit tbody"), label) {
			t.Errorf("the audit page does not say %s", label)
		}
	}
	w.screenshot("records-audit.png")
}

// refusals: a 街道 sees neither another 街道's objections nor the
// drafts nor the audit log; the page shows the API's refusal and code. A
// rejection needs a reason.
func (w *walk) refusals() {
	t := w.t
	w.e.send("POST", "/api/v1/plans/tiny/objections", w.e.west, `{"note":"西街道的异议","corrections":{"quantities.population":"1000"}}`, http.StatusCreated)
	w.openAs("/plans/tiny/objections", w.e.east, "1")
	if n, own := w.count(`#objections tr[data-n]`), w.count(`#objections tr[data-subdistrict="east"]`); n != 1 || own != 1 {
		t.Errorf("east sees %d objections, %d its own", n, own)
	}
	w.follow("open west's objection", http.StatusOK, chromedp.Navigate(w.base+"/plans/tiny/objections?show=2"))
	w.waitReady("1")
	w.do("see the refusal", chromedp.WaitVisible(chromedp.CSS(`#error[data-code]`)))
	w.wantRefusal("west's objection", "forbidden", "403")
	if w.eval(`String(document.getElementById("preview-section").hidden)`) != "true" {
		t.Error("east is shown west's objection")
	}
	for _, path := range []string{"/plans/tiny/versions", "/audit"} {
		w.follow("open "+path, http.StatusOK, chromedp.Navigate(w.base+path))
		w.waitReady("error")
		w.wantRefusal(path, "forbidden", "403")
		if n := w.count(`#versions tr[data-n], #audit tr[data-seq]`); n != 0 {
			t.Errorf("east is shown %d rows on %s", n, path)
		}
	}
	w.screenshot("records-refused.png")
	w.openAs("/plans/tiny/versions", "caili_not-a-token", "error")
	w.wantRefusal("a wrong token", "unauthorized", "401")

	w.openAs("/plans/tiny/objections", w.e.planner, "1")
	w.click(`#objections button.reject[data-n="2"]`, `#error[data-code="bad_request"]`)
	w.wantRefusal("a rejection without a reason", "bad_request", "400")
	w.do("give a reason", chromedp.SendKeys(chromedp.CSS(`#objections input.reason[data-n="2"]`), "以民政局数据为准"))
	w.click(`#objections button.reject[data-n="2"]`, `#objections tr[data-n="2"][data-status="rejected"]`)
	if got := w.text(`#objections tr[data-n="2"] td.status`); got != "已驳回：以民政局数据为准" {
		t.Errorf("the rejected objection is %q", got)
	}
}

// wantRefusal checks the error the page shows: the API's code and
// status, and a message.
func (w *walk) wantRefusal(what, code, status string) {
	w.t.Helper()
	if w.eval(`String(document.getElementById("error").hidden)`) != "false" {
		w.t.Fatalf("%s: no error shown", what)
	}
	got := w.eval(`document.getElementById("error").dataset.code + " " + document.getElementById("error").dataset.status`)
	msg := w.text("#error .message")
	if got != code+" "+status || msg == "" || !strings.Contains(w.text("#error"), "代码 "+code) {
		w.t.Errorf("%s: the page shows %q (%q), want %s %s with the API's message", what, got, w.text("#error"), code, status)
	}
}
