package main

import (
	"bufio"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/caili/caili/server"
)

// TestServeCSVIsCalcCSV checks that the API's CSV is, byte for byte, what
// `caili calc --format csv` prints, for the sample and a plans directory,
// with and without overrides.
func TestServeCSVIsCalcCSV(t *testing.T) {
	sample, err := server.New(withRecord(t, server.Config{Logger: slog.New(slog.DiscardHandler), PollInterval: -1}))
	if err != nil {
		t.Fatal(err)
	}
	dir, err := server.New(withRecord(t, server.Config{PlansDir: "../../server/testdata/plans",
		Logger: slog.New(slog.DiscardHandler), PollInterval: -1}))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		srv  *server.Server
		url  string
		args []string
	}{
		{"sample", sample, "/api/v1/plans/sample/allocations.csv", nil},
		{"sample what-if", sample, "/api/v1/plans/sample/allocations.csv?set.plan.capacity=2600000000&set.factor.workload.weight=0.5&set.factor.area.weight=0.1",
			[]string{"--set", "plan.capacity=2600000000", "--set", "factor.workload.weight=0.5", "--set", "factor.area.weight=0.1"}},
		{"sample scenario", sample, "/api/v1/plans/sample/allocations.csv?scenario=vector_control_1_5", []string{"--scenario", "vector_control_1_5"}},
		{"tiny", dir, "/api/v1/plans/tiny/allocations.csv", []string{"--plan", "../../server/testdata/plans/tiny.toml"}},
		{"split", dir, "/api/v1/plans/split/allocations.csv?" + url.Values{"set.performance.coefficients.中": {"0.95"}}.Encode(),
			[]string{"--plan", "../../server/testdata/plans/split.toml", "--set", "performance.coefficients.中=0.95"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, stderr, code := caili(t, append([]string{"calc", "--format", "csv"}, tc.args...)...)
			if code != 0 {
				t.Fatalf("calc: exit %d: %s", code, stderr)
			}
			w := httptest.NewRecorder()
			tc.srv.Handler().ServeHTTP(w, httptest.NewRequest(http.MethodGet, tc.url, nil))
			if w.Code != http.StatusOK {
				t.Fatalf("GET %s: %d %s", tc.url, w.Code, w.Body.String())
			}
			if w.Body.String() != out {
				t.Errorf("API CSV differs from caili calc:\n api %q\n cli %q", w.Body.String(), out)
			}
		})
	}
}

func TestServeUsage(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "--bogus"},
		{"serve", "extra"},
		{"serve", "--addr", "no-port"},
	} {
		if _, _, code := caili(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	if _, _, code := caili(t, "serve", "--addr", "127.0.0.1:0", "--data", t.TempDir(), "--plans", t.TempDir()+"/missing"); code != 1 {
		t.Errorf("missing plans dir: exit %d, want 1", code)
	}
}

// TestServeRunsAndStops starts `caili serve` in-process on a free port,
// talks to it and stops it by cancelling its context (as SIGTERM does).
func TestServeRunsAndStops(t *testing.T) {
	t.Setenv("CAILI_TOKEN", "")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		err := run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--data", t.TempDir()}, pw, io.Discard)
		pw.Close()
		done <- exitCode(err)
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("no banner: %v", err)
	}
	go io.Copy(io.Discard, pr)
	base := regexp.MustCompile(`http://127\.0\.0\.1:\d+`).FindString(line)
	if base == "" || !strings.Contains(line, "sample") || !strings.Contains(line, "写入已关闭") {
		t.Fatalf("banner %q", line)
	}
	resp, err := http.Get(base + "/api/v1/plans/sample/cell/xichangan/total")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !regexp.MustCompile(`^\d+$`).Match(b) {
		t.Errorf("cell: %d %q", resp.StatusCode, b)
	}
	req, _ := http.NewRequest(http.MethodDelete, base+"/api/v1/plans/sample/scenarios/x", nil)
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusForbidden {
		t.Errorf("DELETE without CAILI_TOKEN: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exited %d after cancel", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}

// withRecord is cfg with a new data folder and its record, opened as
// caili serve opens it and closed when the test ends.
func withRecord(t *testing.T, cfg server.Config) server.Config {
	t.Helper()
	cfg.DataDir = t.TempDir()
	st, err := openData(context.Background(), cfg.DataDir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	cfg.Store = st
	return cfg
}
