package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/internal/store/sqlite"
	"github.com/caili/caili/internal/testplan"
	"github.com/caili/caili/standards"
)

// testEnv is a server over a temporary copy of testdata/plans, with its
// own data directory.
type testEnv struct {
	t     testing.TB
	srv   *Server
	plans string
	data  string
	cfg   Config      // what newEnvWith was given
	store caili.Store // the record of data, opened by start
}

// openRecord opens the SQLite record of the data folder dir for a test
// server, as caili serve does; it is closed when the test ends.
func openRecord(t testing.TB, dir string) caili.Store {
	t.Helper()
	st, err := sqlite.OpenDir(context.Background(), dir)
	if err != nil {
		t.Fatalf("open the record: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// newEnv starts a server on a copy of testdata/plans; token "" means
// writes are off.
func newEnv(t testing.TB, token string) *testEnv {
	t.Helper()
	return newEnvWith(t, Config{Token: token})
}

// newEnvWith is newEnv with more of the server's configuration; the
// folders, version, logger and polling are the test's.
func newEnvWith(t testing.TB, cfg Config) *testEnv {
	t.Helper()
	dir := t.TempDir()
	plans := filepath.Join(dir, "plans")
	copyDir(t, "testdata/plans", plans)
	e := &testEnv{t: t, plans: plans, data: filepath.Join(dir, "data"), cfg: cfg}
	e.srv = e.start(cfg.Token)
	return e
}

// withRecord is cfg with a new data folder and its record, opened as
// caili serve opens it and closed when the test ends.
func withRecord(t testing.TB, cfg Config) Config {
	t.Helper()
	cfg.DataDir = t.TempDir()
	cfg.Store = openRecord(t, cfg.DataDir)
	return cfg
}

// start makes a new server on the same directories, as a restart would:
// the record of the last one is closed and opened again.
func (e *testEnv) start(token string) *Server {
	e.t.Helper()
	if e.store != nil {
		e.store.Close()
	}
	e.store = openRecord(e.t, e.data)
	cfg := e.cfg
	cfg.Store = e.store
	cfg.PlansDir, cfg.DataDir, cfg.Token, cfg.Version = e.plans, e.data, token, "test"
	cfg.Logger, cfg.PollInterval = slog.New(slog.DiscardHandler), -1
	srv, err := New(cfg)
	if err != nil {
		e.t.Fatalf("New: %v", err)
	}
	return srv
}

func copyDir(t testing.TB, from, to string) {
	t.Helper()
	if err := os.MkdirAll(to, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, en := range entries {
		b, err := os.ReadFile(filepath.Join(from, en.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, en.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// do sends a request; hdr is header name, value pairs.
func (e *testEnv) do(method, target string, body []byte, hdr ...string) *httptest.ResponseRecorder {
	e.t.Helper()
	return serve(e.srv, method, target, body, hdr...)
}

func serve(srv *Server, method, target string, body []byte, hdr ...string) *httptest.ResponseRecorder {
	var r io.Reader
	if body != nil {
		r = bytes.NewReader(body)
	}
	req := httptest.NewRequest(method, target, r)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	srv.Handler().ServeHTTP(w, req)
	return w
}

// get is do("GET") that expects a status.
func (e *testEnv) Get(target string, want int, hdr ...string) *httptest.ResponseRecorder {
	e.t.Helper()
	w := e.do(http.MethodGet, target, nil, hdr...)
	if w.Code != want {
		e.t.Fatalf("GET %s: status %d, want %d; body:\n%s", target, w.Code, want, w.Body.String())
	}
	return w
}

// decodeError reads an error body and checks its shape.
func decodeError(t testing.TB, w *httptest.ResponseRecorder) errorJSON {
	t.Helper()
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("error content type %q, want JSON; body %s", ct, w.Body.String())
	}
	var e errorJSON
	dec := json.NewDecoder(bytes.NewReader(w.Body.Bytes()))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil {
		t.Fatalf("error body does not decode: %v\n%s", err, w.Body.String())
	}
	if e.Error == "" || e.Problems == nil {
		t.Fatalf("error body lacks error or problems: %s", w.Body.String())
	}
	return e
}

// compute evaluates a plan file of testdata/plans with overrides, the
// way the CLI does.
func compute(t testing.TB, file string, sets ...string) *formula.Result {
	t.Helper()
	doc, ovs := loadWith(t, file, sets...)
	res, err := testplan.Evaluate(doc, ovs...)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// stampOf is the stamp a result of a plan of testdata/plans with --set
// style overrides carries, computed here from the plan's files.
func stampOf(t testing.TB, file string, sets ...string) *report.Stamp {
	t.Helper()
	doc, ovs := loadWith(t, file, sets...)
	return &report.Stamp{Plan: doc.Name(), Overrides: append([]string{}, sets...), SHA256: doc.Stamp(ovs), Version: "test"}
}

// loadWith loads a plan file of testdata/plans and reads --set overrides.
func loadWith(t testing.TB, file string, sets ...string) (*standards.Document, []standards.Override) {
	t.Helper()
	doc, err := standards.LoadFile(filepath.Join("testdata/plans", file))
	if err != nil {
		t.Fatal(err)
	}
	ovs, err := standards.ParseSets(sets...)
	if err != nil {
		t.Fatal(err)
	}
	return doc, ovs
}
