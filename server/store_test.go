package server

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func (e *testEnv) write(name, text string) {
	e.t.Helper()
	if err := os.WriteFile(filepath.Join(e.plans, name), []byte(text), 0o644); err != nil {
		e.t.Fatal(err)
	}
}

func (e *testEnv) planList() map[string]planJSON {
	e.t.Helper()
	var out struct{ Plans []planJSON }
	if err := json.Unmarshal(e.Get("/api/v1/plans", http.StatusOK).Body.Bytes(), &out); err != nil {
		e.t.Fatal(err)
	}
	m := map[string]planJSON{}
	for _, p := range out.Plans {
		m[p.ID] = p
	}
	return m
}

func tinyText(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("testdata/plans/tiny.toml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestReloadKeepsLastGoodVersion(t *testing.T) {
	e := newEnv(t, "")
	good := e.Get("/api/v1/plans/tiny/cell/east/total", http.StatusOK)
	// Broken: a TOML syntax error.
	e.write("tiny.toml", strings.Replace(tinyText(t), "[plan]", "[plan", 1))
	if err := e.srv.Reload(); err != nil {
		t.Fatal(err)
	}
	p := e.planList()["tiny"]
	if p.Status != "error" || !p.Stale || len(p.Problems) == 0 || p.Problems[0].File != "tiny.toml" || p.Problems[0].Line == 0 {
		t.Fatalf("broken plan listed as %+v", p)
	}
	if p.Name == "" || p.FiscalYear != 2025 {
		t.Errorf("the last good version's name and year should stay: %+v", p)
	}
	still := e.Get("/api/v1/plans/tiny/cell/east/total", http.StatusOK)
	if still.Body.String() != good.Body.String() || still.Header().Get("ETag") != good.Header().Get("ETag") {
		t.Errorf("the last good version is not served: %s", still.Body.String())
	}
	// Broken differently: valid TOML, invalid plan (weights off).
	e.write("tiny.toml", strings.Replace(tinyText(t), `weight = "0.2"`, `weight = "0.3"`, 1))
	if err := e.srv.Reload(); err != nil {
		t.Fatal(err)
	}
	if p := e.planList()["tiny"]; p.Status != "error" || !strings.Contains(p.Problems[0].Message, "之和") {
		t.Errorf("invalid plan listed as %+v", p)
	}
	e.Get("/api/v1/plans/tiny/cell/east/total", http.StatusOK)
	// Fixed, with new figures: the new version serves.
	e.write("tiny.toml", strings.Replace(tinyText(t), `capacity = "60000000"`, `capacity = "58000000"`, 1))
	if err := e.srv.Reload(); err != nil {
		t.Fatal(err)
	}
	if p := e.planList()["tiny"]; p.Status != "ok" || p.Stale || len(p.Problems) != 0 {
		t.Errorf("fixed plan listed as %+v", p)
	}
	now := e.Get("/api/v1/plans/tiny/cell/east/total", http.StatusOK)
	if want := cellOf(t, "east", 6, "plan.capacity=58000000"); now.Body.String() != want {
		t.Errorf("after the fix: %s, want %s", now.Body.String(), want)
	}
	e.Get("/api/v1/plans/tiny/cell/east/total", http.StatusOK, "If-None-Match", good.Header().Get("ETag"))
}

func TestScanFollowsTheDirectory(t *testing.T) {
	e := newEnv(t, "")
	// A changed file is loaded once it has stood still for a poll: two
	// scans.
	scan := func() {
		t.Helper()
		for range 2 {
			if err := e.srv.app.Plans.Scan(false); err != nil {
				t.Fatal(err)
			}
		}
	}
	before := e.Get("/api/v1/plans/split/cell/east/personnel", http.StatusOK).Body.String()
	// A change to the standards file reloads the plan that reads it.
	std, err := os.ReadFile(filepath.Join(e.plans, "tiny-standards.toml"))
	if err != nil {
		t.Fatal(err)
	}
	e.write("tiny-standards.toml", strings.Replace(string(std), `annual_pay = "160000"`, `annual_pay = "170000"`, 1))
	scan()
	if after := e.Get("/api/v1/plans/split/cell/east/personnel", http.StatusOK).Body.String(); after == before {
		t.Errorf("standards change not picked up: %s", after)
	}
	// A new plan file is served; one that never loaded answers 422.
	e.write("copy.toml", tinyText(t))
	e.write("broken.toml", "[plan]\nname = \"坏\"\nfiscal_year = 2025\ncapacity = \"x\"\n")
	e.write("Bad Name.toml", tinyText(t))
	e.write("notes.toml", "title = \"not a plan\"\n")
	scan()
	list := e.planList()
	if len(list) != 4 || list["copy"].Status != "ok" || list["broken"].Status != "error" || list["broken"].Stale {
		t.Fatalf("plans %+v", list)
	}
	e.Get("/api/v1/plans/copy/cell/east/total", http.StatusOK)
	w := e.Get("/api/v1/plans/broken/allocations.csv", http.StatusUnprocessableEntity)
	if len(decodeError(t, w).Problems) == 0 {
		t.Errorf("422 of a broken plan without its problems")
	}
	// A plan that loses its [plan] table is still a plan, reported broken.
	e.write("copy.toml", strings.Replace(tinyText(t), "[plan]", "[planx]", 1))
	scan()
	if p := e.planList()["copy"]; p.Status != "error" || !p.Stale {
		t.Errorf("copy without [plan]: %+v", p)
	}
	// A removed file is no longer served.
	if err := os.Remove(filepath.Join(e.plans, "copy.toml")); err != nil {
		t.Fatal(err)
	}
	scan()
	e.Get("/api/v1/plans/copy/cell/east/total", http.StatusNotFound)
}

func TestRejectedPlanIsListed(t *testing.T) {
	e := newEnv(t, "")
	e.write("poor.toml", strings.Replace(tinyText(t), `capacity = "60000000"`, `capacity = "1000"`, 1))
	if err := e.srv.Reload(); err != nil {
		t.Fatal(err)
	}
	if p := e.planList()["poor"]; p.Status != "rejected" || len(p.Problems) == 0 {
		t.Errorf("poor listed as %+v", p)
	}
	e.Get("/api/v1/plans/poor/allocations.csv", http.StatusUnprocessableEntity)
	e.Get("/api/v1/plans/poor/allocations.csv?set.plan.capacity=60000000", http.StatusOK)
	e.Get("/api/v1/plans/poor/compare.csv?set.plan.capacity=60000000", http.StatusUnprocessableEntity)
}

func TestNewRefusesMissingPlansDir(t *testing.T) {
	if _, err := New(Config{PlansDir: filepath.Join(t.TempDir(), "nope"), DataDir: t.TempDir(), Logger: slog.New(slog.DiscardHandler)}); err == nil {
		t.Error("New accepted a missing plans directory")
	}
}

// TestServePollsAndShutsDown runs a real listener: a changed file is picked
// up by polling, and cancelling the context shuts the server down cleanly.
func TestServePollsAndShutsDown(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, "testdata/plans", dir)
	addr, stop := serveTCP(t, Config{PlansDir: dir, PollInterval: 20 * time.Millisecond, ShutdownTimeout: 2 * time.Second})
	url := "http://" + addr + "/api/v1/plans/tiny/cell/east/total"
	get := func() string {
		resp, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	if got := get(); got != "22659200" {
		t.Fatalf("before: %s", got)
	}
	text := strings.Replace(tinyText(t), `capacity = "60000000"`, `capacity = "58000000"`, 1)
	if err := os.WriteFile(filepath.Join(dir, "tiny.toml"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	want := cellOf(t, "east", 6, "plan.capacity=58000000")
	deadline := time.Now().Add(5 * time.Second)
	for get() != want {
		if time.Now().After(deadline) {
			t.Fatal("the change was not picked up by polling")
		}
		time.Sleep(20 * time.Millisecond)
	}
	stop()
}

// serveTCP runs a server of cfg (a record of its own, no log) with Serve
// on a loopback listener, and returns its address and stop, which
// cancels Serve's context and waits for it to return, failing the test
// when it fails or takes more than 5 s.
func serveTCP(t *testing.T, cfg Config) (string, func()) {
	t.Helper()
	cfg.Version, cfg.Logger = "test", slog.New(slog.DiscardHandler)
	srv, err := New(withRecord(t, cfg))
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	return ln.Addr().String(), func() {
		t.Helper()
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("Serve: %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("Serve did not return after cancel")
		}
	}
}

// TestHalfWrittenPlanWaits: a plan file changed since the last poll is not
// loaded until it stands still for one poll, so that a file cut at a
// [[subdistrict]] boundary while being written is never served as good.
func TestHalfWrittenPlanWaits(t *testing.T) {
	e := newEnv(t, "")
	before := e.Get("/api/v1/plans/tiny/allocations.csv", http.StatusOK).Body.String()
	text := tinyText(t)
	cut := strings.LastIndex(text, "[[subdistrict]]")
	e.write("tiny.toml", text[:cut])
	if err := e.srv.app.Plans.Scan(false); err != nil {
		t.Fatal(err)
	}
	if now := e.Get("/api/v1/plans/tiny/allocations.csv", http.StatusOK).Body.String(); now != before {
		t.Fatalf("a file changed since the last poll was loaded at once:\n%s", now)
	}
	e.write("tiny.toml", strings.Replace(text, `capacity = "60000000"`, `capacity = "58000000"`, 1))
	for range 2 {
		if err := e.srv.app.Plans.Scan(false); err != nil {
			t.Fatal(err)
		}
	}
	if want := cellOf(t, "east", 6, "plan.capacity=58000000"); e.Get("/api/v1/plans/tiny/cell/east/total", http.StatusOK).Body.String() != want {
		t.Error("the finished file was not loaded after standing still for a poll")
	}
}

// TestOddFilesInPlans: a FIFO or a link to /dev/zero named *.toml neither
// blocks the watcher nor exhausts memory; each is listed as a plan with
// its problem, and the other plans keep serving and reloading.
func TestOddFilesInPlans(t *testing.T) {
	e := newEnv(t, "")
	if err := syscall.Mkfifo(filepath.Join(e.plans, "fifo.toml"), 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(e.plans, "zero.toml")); err != nil {
		t.Fatal(err)
	}
	// Nested 6,000 deep: quadratic for the TOML decoder, refused before it.
	e.write("deep.toml", "[plan]\njunk = "+strings.Repeat("{a=", 6000)+"1"+strings.Repeat("}", 6000)+"\n")
	done := make(chan error, 1)
	go func() { done <- e.srv.Reload() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the scan blocked on an odd file")
	}
	list := e.planList()
	if p := list["deep"]; p.Status != "error" || len(p.Problems) == 0 || p.Problems[0].Line == 0 {
		t.Errorf("deep listed as %+v", p)
	}
	for _, id := range []string{"fifo", "zero"} {
		p := list[id]
		if p.Status != "error" || len(p.Problems) == 0 || p.Problems[0].Code != "unreadable" || !strings.Contains(p.Problems[0].Message, "不是普通文件") {
			t.Errorf("%s listed as %+v", id, p)
		}
		if strings.Contains(p.Problems[0].Message, e.plans) {
			t.Errorf("%s: the problem shows the server's path: %s", id, p.Problems[0].Message)
		}
	}
	e.Get("/api/v1/plans/tiny/cell/east/total", http.StatusOK)
}

// TestStandardsOutsideThePlansFolder: a plan may only read files inside
// its own folder; ../ and absolute paths are refused as its problem, and
// nothing of the named file is shown.
func TestStandardsOutsideThePlansFolder(t *testing.T) {
	e := newEnv(t, "")
	secret := filepath.Join(t.TempDir(), "secret.toml")
	if err := os.WriteFile(secret, []byte("top-secret = 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"../" + filepath.Base(filepath.Dir(secret)) + "/secret.toml", secret} {
		e.write("outside.toml", "[plan]\nname = \"外\"\nfiscal_year = 2025\ncapacity = \"1\"\nstandards = "+strconv.Quote(name)+"\n")
		if err := e.srv.Reload(); err != nil {
			t.Fatal(err)
		}
		p := e.planList()["outside"]
		if p.Status != "error" || len(p.Problems) == 0 {
			t.Fatalf("standards = %q: listed as %+v", name, p)
		}
		for _, pr := range p.Problems {
			if strings.Contains(pr.Message, "top-secret") {
				t.Errorf("standards = %q: the file's content is shown: %s", name, pr.Message)
			}
		}
	}
}
