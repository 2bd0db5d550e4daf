package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/internal/store/sqlite"
)

// startServe runs `caili serve` as a process of its own (the test binary
// as main) on data, and returns it with its base URL.
func startServe(t *testing.T, data, token string) (*exec.Cmd, string) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "serve", "--addr", "127.0.0.1:0", "--data", data)
	cmd.Env = append(os.Environ(), "CAILI_TEST_AS_MAIN=1", "CAILI_TOKEN="+token)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("no banner: %v", err)
	}
	go io.Copy(io.Discard, out)
	base := regexp.MustCompile(`http://127\.0\.0\.1:\d+`).FindString(line)
	if base == "" {
		t.Fatalf("banner %q", line)
	}
	return cmd, base
}

// TestCrashKeepsAcknowledgedWrites starts the server as a real process,
// sends 200 concurrent scenario saves, kills it (SIGKILL) midway,
// restarts it, and checks that every save that was acknowledged is there
// with its bytes and that the database passes PRAGMA integrity_check.
func TestCrashKeepsAcknowledgedWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the server as a process")
	}
	body, err := configs.FS.ReadFile(configs.ScenarioDir + "/capacity_minus_5pct.toml")
	if err != nil {
		t.Fatal(err)
	}
	data := t.TempDir()
	cmd, base := startServe(t, data, "secret")
	const writes = 200
	var acked sync.Map // name → true
	var nacked atomic.Int32
	var wg sync.WaitGroup
	client := &http.Client{Timeout: 30 * time.Second}
	for i := range writes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			name := fmt.Sprintf("crash-%03d", i)
			req, _ := http.NewRequest(http.MethodPut, base+"/api/v1/plans/sample/scenarios/"+name, strings.NewReader(string(body)))
			req.Header.Set("Authorization", "Bearer secret")
			resp, err := client.Do(req)
			if err != nil {
				return // the server died before answering: not acknowledged
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusCreated {
				acked.Store(name, true)
				if nacked.Add(1) == writes/4 {
					cmd.Process.Kill() // SIGKILL midway
				}
			}
		}()
	}
	wg.Wait()
	cmd.Wait()
	n := int(nacked.Load())
	if n < writes/4 {
		t.Fatalf("only %d of %d writes acknowledged: the server was not killed midway", n, writes)
	}
	if ws, ok := cmd.ProcessState.Sys().(interface{ Signaled() bool }); !ok || !ws.Signaled() {
		t.Errorf("the server was not killed: %v", cmd.ProcessState)
	}

	cmd2, base2 := startServe(t, data, "")
	missing := 0
	acked.Range(func(k, _ any) bool {
		resp, err := client.Get(base2 + "/api/v1/plans/sample/scenarios/" + k.(string))
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || string(got) != string(body) {
			missing++
		}
		return true
	})
	if missing > 0 {
		t.Errorf("%d of %d acknowledged writes lost in the crash", missing, n)
	}
	cmd2.Process.Signal(os.Interrupt)
	cmd2.Wait()
	st, err := sqlite.OpenDir(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if r, err := st.IntegrityCheck(context.Background()); err != nil || r != "ok" {
		t.Errorf("integrity_check: %q %v", r, err)
	}
	t.Logf("%d of %d writes acknowledged before SIGKILL; all %d there after restart", n, writes, n-missing)
}

// TestCLIBesideServer: the command line writes the database a running
// server uses (a version, a token) while the server takes writes; the
// server sees both at once.
func TestCLIBesideServer(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the server as a process")
	}
	body, err := configs.FS.ReadFile(configs.ScenarioDir + "/capacity_minus_5pct.toml")
	if err != nil {
		t.Fatal(err)
	}
	data := t.TempDir()
	_, base := startServe(t, data, "secret")
	var wg sync.WaitGroup
	var failed atomic.Int32
	for i := range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, _ := http.NewRequest(http.MethodPut, fmt.Sprintf("%s/api/v1/plans/sample/scenarios/side-%02d", base, i), strings.NewReader(string(body)))
			req.Header.Set("Authorization", "Bearer secret")
			resp, err := http.DefaultClient.Do(req)
			if err != nil || resp.StatusCode != http.StatusCreated {
				failed.Add(1)
			}
			if err == nil {
				resp.Body.Close()
			}
		}()
	}
	rec(t, 0, "plan", "save", "--data", data)
	out := rec(t, 0, "token", "create", "--role", "approver", "--data", data)
	wg.Wait()
	if failed.Load() > 0 {
		t.Errorf("%d scenario saves failed beside the command line", failed.Load())
	}
	secret := regexp.MustCompile(`caili_[0-9a-f]{64}`).FindString(out)
	req, _ := http.NewRequest(http.MethodGet, base+"/api/v1/plans/sample/versions", nil)
	req.Header.Set("Authorization", "Bearer "+secret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), `"n": 1`) {
		t.Errorf("versions with the new token: %d %s", resp.StatusCode, b)
	}
}
