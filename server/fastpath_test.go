package server

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/app"
)

// lockedBuffer is a log the server writes while the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// take returns what was written since the last take, once it has an
// access line: a large body may reach the client before the server logs
// it (both ways alike).
func (b *lockedBuffer) take() string {
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(time.Millisecond) {
		b.mu.Lock()
		s := b.buf.String()
		if strings.Contains(s, "msg=http ") || time.Now().After(deadline) {
			b.buf.Reset()
			b.mu.Unlock()
			return s
		}
		b.mu.Unlock()
	}
}

// answer is what a client sees of one response, and the access log line.
type answer struct {
	status int
	header http.Header
	body   []byte
	log    string
}

// fastCase is a request and whether the fast path must answer it.
type fastCase struct {
	name   string
	method string
	target string
	hdr    []string // name, value pairs
	fast   bool
	handed bool // the connection path leaves it to net/http, where the fast path answers it
}

// fastRig serves one server twice: through Gin alone and through the
// fast path, counting what the fast path hands to Gin.
type fastRig struct {
	t          *testing.T
	srv        *Server
	log        *lockedBuffer
	gin, fast  *httptest.Server
	fellThough atomic.Int64
	conn       *httptest.Server // the fast path behind the connection path (connpath.go)
	reachedNet atomic.Int64     // requests the connection path handed to net/http
}

func newFastRig(t *testing.T, srv *Server) *fastRig {
	t.Helper()
	r := &fastRig{t: t, srv: srv, log: &lockedBuffer{}}
	srv.log = slog.New(slog.NewTextHandler(r.log, &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey || a.Key == "dur" {
			return slog.Attr{}
		}
		return a
	}}))
	r.gin = httptest.NewServer(srv.router)
	counted := http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.fellThough.Add(1)
		srv.router.ServeHTTP(w, req)
	})
	r.fast = httptest.NewServer(srv.newFastPath(counted))
	r.conn = r.connServer()
	t.Cleanup(func() { r.gin.Close(); r.fast.Close(); r.conn.Close() })
	return r
}

// send sends c to one of the two servers.
func (r *fastRig) send(ts *httptest.Server, c fastCase) answer {
	r.t.Helper()
	req, err := http.NewRequest(c.method, ts.URL+c.target, nil)
	if err != nil {
		r.t.Fatal(err)
	}
	for i := 0; i+1 < len(c.hdr); i += 2 {
		req.Header.Add(c.hdr[i], c.hdr[i+1])
	}
	client := ts.Client()
	if ts == r.conn { // a connection of its own: one net/http was handed serves on
		tr := &http.Transport{}
		defer tr.CloseIdleConnections()
		client = &http.Client{Transport: tr}
	}
	resp, err := client.Do(req)
	if err != nil {
		r.t.Fatalf("%s: %v", c.name, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		r.t.Fatalf("%s: %v", c.name, err)
	}
	h := resp.Header.Clone()
	h.Del("Date")
	if resp.ContentLength >= 0 { // framing: said in the header, or chunked
		h.Set("X-Test-Length", resp.Header.Get("Content-Length"))
	}
	h.Set("X-Test-Chunked", strings.Join(resp.TransferEncoding, ","))
	return answer{status: resp.StatusCode, header: h, body: body, log: r.log.take()}
}

// check sends c to both servers and compares the answers.
func (r *fastRig) check(c fastCase) answer {
	r.t.Helper()
	want := r.send(r.gin, c)
	before := r.fellThough.Load()
	got := r.send(r.fast, c)
	fast := r.fellThough.Load() == before
	if fast != c.fast {
		r.t.Errorf("%s: answered by the fast path %v, want %v", c.name, fast, c.fast)
	}
	if got.status != want.status {
		r.t.Errorf("%s: status %d, Gin %d", c.name, got.status, want.status)
	}
	if !equalHeaders(got.header, want.header) {
		r.t.Errorf("%s: headers\n%v\nGin's\n%v", c.name, got.header, want.header)
	}
	if !bytes.Equal(got.body, want.body) {
		r.t.Errorf("%s: body differs from Gin's (%d and %d bytes)", c.name, len(got.body), len(want.body))
	}
	if got.log != want.log || want.log == "" {
		r.t.Errorf("%s: log line\n%q\nGin's\n%q", c.name, got.log, want.log)
	}
	r.checkConn(c, want)
	return got
}

func equalHeaders(a, b http.Header) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !slices.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

// TestFastPathSameAnswers compares the fast path with Gin on the same
// requests: the same status, headers, body and access log line, and the
// fast path answers exactly the plan's own allocations a client may read
// without a word from the gate.
func TestFastPathSameAnswers(t *testing.T) {
	const csv = "/api/v1/plans/tiny/allocations.csv"
	t.Run("loopback", func(t *testing.T) {
		e := newEnvWith(t, Config{AuthFailPause: -1})
		r := newFastRig(t, e.srv)
		for _, f := range allocationFormats {
			r.check(fastCase{name: f, method: "GET", target: "/api/v1/plans/tiny/allocations." + f, fast: true})
			r.check(fastCase{name: "HEAD " + f, method: "HEAD", target: "/api/v1/plans/tiny/allocations." + f, fast: true})
		}
		tag := r.check(fastCase{name: "csv again", method: "GET", target: csv, fast: true}).header.Get("ETag")
		wtag := r.check(fastCase{name: "what-if first", method: "GET", target: csv + "?set.plan.capacity=61000000", fast: true}).header.Get("ETag")
		if tag == "" || wtag == "" || wtag == tag {
			t.Fatalf("ETags %q and %q", tag, wtag)
		}
		for _, c := range []fastCase{
			{name: "revalidated", hdr: []string{"If-None-Match", tag}, fast: true},
			{name: "revalidated weakly", hdr: []string{"If-None-Match", "W/" + tag}, fast: true},
			{name: "revalidated in a list", hdr: []string{"If-None-Match", `"old", ` + tag}, fast: true},
			{name: "revalidated, two headers", hdr: []string{"If-None-Match", `"old"`, "If-None-Match", tag}, fast: true},
			{name: "revalidated by *", hdr: []string{"If-None-Match", "*"}, fast: true},
			{name: "HEAD revalidated", method: "HEAD", hdr: []string{"If-None-Match", tag}, fast: true},
			{name: "another tag", hdr: []string{"If-None-Match", `"old"`}, fast: true},
			{name: "what-if", target: csv + "?set.plan.capacity=61000000", fast: true},
			{name: "what-if, the plan's tag", target: csv + "?set.plan.capacity=61000000", hdr: []string{"If-None-Match", tag}, fast: true},
			{name: "what-if revalidated", target: csv + "?set.plan.capacity=61000000", hdr: []string{"If-None-Match", wtag}, fast: true},
			{name: "HEAD what-if", method: "HEAD", target: csv + "?set.plan.capacity=61000001", fast: true},
			{name: "what-if in Chinese, no BOM", target: csv + "?set.plan.capacity=61000002&header=zh&bom=0", fast: true},
			{name: "what-if, GB18030", target: csv + "?set.plan.capacity=61000003&encoding=gb18030", fast: true},
			{name: "what-if as XML", target: "/api/v1/plans/tiny/allocations.xml?set.plan.capacity=61000000", fast: true},
			{name: "what-if as xlsx", target: "/api/v1/plans/tiny/allocations.xlsx?set.plan.capacity=61000000", fast: true},
			{name: "what-if as JSON (streamed)", target: "/api/v1/plans/tiny/allocations.json?set.plan.capacity=61000000"},
			{name: "what-if escaped", target: csv + "?set.plan.capacity=%3661000000", fast: true},
			{name: "what-if, a name in Chinese", target: csv + "?set.project." + url.QueryEscape("绿化养护") + ".unit_cost=9", fast: true},
			{name: "what-if, a raw space", target: csv + "?set.plan.capacity=61000000&x=a+b"},
			{name: "what-if with a token", target: csv + "?set.plan.capacity=61000000&TOKEN=x"},
			{name: "what-if with an escaped token", target: csv + "?set.plan.capacity=61000000&%74oken=x"},
			{name: "what-if, a query too long to log", target: csv + "?set.plan.capacity=61000000" + strings.Repeat("&bom=1", 90)},
			{name: "bad what-if", target: csv + "?set.plan.nothing=1"},
			{name: "what-if that fails", target: csv + "?set.plan.capacity=-5"},
			{name: "unknown parameter", target: csv + "?nothing=1"},
			{name: "scenario", target: csv + "?scenario=nosuch"},
			{name: "without BOM", target: csv + "?bom=0"},
			{name: "empty query", target: csv + "?", fast: true, handed: true},
			{name: "query token", target: csv + "?token=x"},
			{name: "unknown plan", target: "/api/v1/plans/nosuch/allocations.csv"},
			{name: "unknown format", target: "/api/v1/plans/tiny/allocations.pdf"},
			{name: "trailing slash", target: csv + "/"},
			{name: "double slash", target: "/api/v1/plans//allocations.csv"},
			{name: "POST", method: "POST", target: csv},
			{name: "OPTIONS", method: "OPTIONS", target: csv},
			{name: "a header but no token on the server", hdr: []string{"Authorization", "Bearer x"}, fast: true},
			{name: "a session cookie", hdr: []string{"Cookie", sessionCookie + "=x"}},
			{name: "Origin without CORS", hdr: []string{"Origin", "https://example.org"}, fast: true},
		} {
			c.method, c.target = cmpOr(c.method, "GET"), cmpOr(c.target, csv)
			r.check(c)
		}
	})
	t.Run("tokens", func(t *testing.T) {
		for _, network := range []bool{false, true} {
			a := newAccessEnv(t, Config{Network: network, AuthFailPause: -1})
			r := newFastRig(t, a.srv)
			for _, c := range []fastCase{
				{name: "no token", fast: !network},
				{name: "admin", hdr: []string{"Authorization", "Bearer secret"}, fast: true},
				{name: "reader", hdr: []string{"Authorization", "Bearer " + a.reader}, fast: true},
				{name: "planner", hdr: []string{"Authorization", "bearer  " + a.planner}, fast: true},
				{name: "subdistrict", hdr: []string{"Authorization", "Bearer " + a.tokens["subdistrict"]}},
				{name: "wrong token", hdr: []string{"Authorization", "Bearer wrong"}},
				{name: "empty token", hdr: []string{"Authorization", "Bearer "}},
				{name: "basic", hdr: []string{"Authorization", "Basic eDp5"}},
				{name: "reader in the query", target: csv + "?token=" + a.reader},
				{name: "cookie", hdr: []string{"Cookie", sessionCookie + "=" + a.reader}},
				{name: "HEAD admin", method: "HEAD", hdr: []string{"Authorization", "Bearer secret"}, fast: true},
				{name: "what-if, no token", target: csv + "?set.plan.capacity=61000000", fast: !network},
				{name: "what-if, reader", target: csv + "?set.plan.capacity=61000000", hdr: []string{"Authorization", "Bearer " + a.reader}, fast: true},
				{name: "what-if, subdistrict", target: csv + "?set.plan.capacity=61000000", hdr: []string{"Authorization", "Bearer " + a.tokens["subdistrict"]}},
			} {
				c.name = map[bool]string{false: "loopback ", true: "network "}[network] + c.name
				c.method, c.target = cmpOr(c.method, "GET"), cmpOr(c.target, csv)
				r.check(c)
			}
		}
	})
	t.Run("cors", func(t *testing.T) {
		e := newEnvWith(t, Config{CORSOrigin: "https://example.org"})
		r := newFastRig(t, e.srv)
		r.check(fastCase{name: "no origin", method: "GET", target: csv, fast: true})
		r.check(fastCase{name: "origin", method: "GET", target: csv, hdr: []string{"Origin", "https://example.org"}})
		r.check(fastCase{name: "other origin", method: "GET", target: csv, hdr: []string{"Origin", "https://other.example"}})
	})
}

func cmpOr(s, or string) string {
	if s == "" {
		return or
	}
	return s
}

// TestFastPathNewVersion: a plan reloaded with other numbers is answered
// with the new version's body and ETag, and the old answer is forgotten;
// a plan the rules reject is Gin's to answer.
func TestFastPathNewVersion(t *testing.T) {
	e := rejectedEnv(t)
	r := newFastRig(t, e.srv)
	const csv = "/api/v1/plans/tiny/allocations.csv"
	before := r.check(fastCase{name: "before", method: "GET", target: csv, fast: true})
	tiny := readFile(t, filepath.Join(e.plans, "tiny.toml"))
	more := bytes.Replace(tiny, []byte(`capacity = "60000000"`), []byte(`capacity = "61000000"`), 1)
	if err := os.WriteFile(filepath.Join(e.plans, "tiny.toml"), more, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := e.srv.Reload(); err != nil {
		t.Fatal(err)
	}
	r.log.mu.Lock()
	r.log.buf.Reset() // the reload's lines
	r.log.mu.Unlock()
	after := r.check(fastCase{name: "after", method: "GET", target: csv, fast: true})
	if bytes.Equal(before.body, after.body) || before.header.Get("ETag") == after.header.Get("ETag") {
		t.Fatal("the reloaded plan is answered as before")
	}
	r.check(fastCase{name: "old tag", method: "GET", target: csv, hdr: []string{"If-None-Match", before.header.Get("ETag")}, fast: true})
	fp := r.fast.Config.Handler.(*fastPath)
	if m := fp.answers.Load(); m == nil || len(*m) != 1 {
		t.Errorf("answers kept: %v, want the new version's only", m)
	}
	if err := os.WriteFile(filepath.Join(e.plans, "tiny.toml"), tiny, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := e.srv.Reload(); err != nil {
		t.Fatal(err)
	}
	fp.sweep() // the rig's own fast path (Reload swept the server's)
	if m := fp.answers.Load(); m == nil || len(*m) != 0 {
		t.Errorf("answers kept after a reload: %v, want none", m)
	}
	r.log.mu.Lock()
	r.log.buf.Reset()
	r.log.mu.Unlock()
	rejected := r.check(fastCase{name: "rejected", method: "GET", target: "/api/v1/plans/short/allocations.csv"})
	r.check(fastCase{name: "rejected revalidated", method: "GET", target: "/api/v1/plans/short/allocations.csv",
		hdr: []string{"If-None-Match", rejected.header.Get("ETag")}})
}

// TestFastClientIP: the client address is Gin's ClientIP, whatever the
// form of the connection's address.
func TestFastClientIP(t *testing.T) {
	e := newEnv(t, "")
	for _, remote := range []string{"127.0.0.1:5000", "10.1.2.3:80", "[::1]:5000", "[::ffff:127.0.0.1]:1", "[fe80::1%eth0]:1",
		"[2001:DB8::0:1]:1", "127.000.0.1:1", "nonsense", " 192.0.2.1:7 ", ":80", "[::]:1"} {
		req := httptest.NewRequest(http.MethodGet, "/healthz", nil)
		req.RemoteAddr = remote
		var want string
		c := gin.CreateTestContextOnly(httptest.NewRecorder(), e.srv.router)
		c.Request = req
		want = c.ClientIP()
		if got, ok := fastClientIP(req); !ok || got != want {
			t.Errorf("%q: %q, Gin %q", remote, got, want)
		}
	}
}

// TestFastWhatIfPanic: a panic while a what-if is answered before Gin is
// logged and the request left to Gin, whose recovery answers it.
func TestFastWhatIfPanic(t *testing.T) {
	e := newEnvWith(t, Config{AuthFailPause: -1})
	log := &lockedBuffer{}
	e.srv.log = slog.New(slog.NewTextHandler(log, nil))
	f := e.srv.newFastPath(http.NotFoundHandler())
	csv := f.views["csv"]
	f.views["csv"] = func(plan string, q app.Query) (view, error) {
		v, err := csv(plan, q)
		v.render = func(*app.Job, *formula.Result) ([]byte, error) { panic("render") }
		return v, err
	}
	if a := f.whatIf("tiny", "csv", "set.plan.capacity=61000007", func(string) bool { return false }); a != nil {
		t.Fatal("a what-if that panicked was answered")
	}
	log.mu.Lock()
	defer log.mu.Unlock()
	if s := log.buf.String(); !strings.Contains(s, "panic answering a what-if before Gin") {
		t.Errorf("not logged: %s", s)
	}
}
