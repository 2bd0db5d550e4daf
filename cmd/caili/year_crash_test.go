package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/caili/caili/internal/app"
	domain "github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/store/sqlite"
)

// TestCrashKeepsSubmissions: 街道 upload their data (一上) to a server
// running as a process of its own, one each and then 40 uploads from 6
// 街道 at once; the
// server is killed (SIGKILL) midway. After a restart every acknowledged
// submission is in the record with its file's hash; a planner's
// acknowledged acceptance survives a second kill; the database passes
// its integrity check.
func TestCrashKeepsSubmissions(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the server as a process")
	}
	data := t.TempDir()
	subs := []string{"xichangan", "xinjiekou", "yuetan", "zhanlanlu", "desheng", "jinrongjie"}
	tokens := subdistrictTokens(t, data, subs)
	cmd, base := startServe(t, data, "secret")
	client := &http.Client{Timeout: 30 * time.Second}
	do := func(method, url, token string, body []byte) (int, []byte, error) {
		req, _ := http.NewRequest(method, url, strings.NewReader(string(body)))
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := client.Do(req)
		if err != nil {
			return 0, nil, err
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, b, nil
	}
	const y = "/api/v1/plans/sample/year"
	if code, b, err := do("POST", base+"/api/v1/plans/sample/versions", "secret", nil); err != nil || code != http.StatusCreated {
		t.Fatalf("save: %d %s %v", code, b, err)
	}
	// Each 街道's own row of the data CSV, one count changed.
	code, tmpl, err := do("GET", base+"/api/v1/plans/sample/template.csv", "secret", nil)
	if err != nil || code != http.StatusOK {
		t.Fatalf("template: %d %v", code, err)
	}
	lines := strings.Split(string(tmpl), "\r\n")
	files := map[string][]byte{}
	for _, l := range lines[1:] {
		cells := strings.Split(l, ",")
		if _, ok := tokens[cells[0]]; ok {
			cells[4] = "99" // communities
			files[cells[0]] = []byte(lines[0] + "\r\n" + strings.Join(cells, ","))
		}
	}
	const uploads = 40
	type ack struct {
		sd   string
		n    int
		hash string
	}
	var mu sync.Mutex
	var acked []ack
	// One upload a 街道 first, so every 街道 has a submission waiting
	// whichever of the concurrent ones the kill cuts off.
	for _, sd := range subs {
		code, b, err := do("POST", base+y+"/submissions?name="+sd+".csv", tokens[sd], files[sd])
		var s struct {
			N    int    `json:"n"`
			Hash string `json:"hash"`
		}
		if err != nil || code != http.StatusCreated || json.Unmarshal(b, &s) != nil {
			t.Fatalf("first upload of %s: %d %s %v", sd, code, b, err)
		}
		acked = append(acked, ack{sd, s.N, s.Hash})
	}
	var count atomic.Int32
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4) // within the 街道's share of the server's upload pool
	for i := range uploads {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			sd := subs[i%len(subs)]
			code, b, err := do("POST", base+y+"/submissions?name="+sd+".csv", tokens[sd], files[sd])
			for try := 0; err == nil && code == http.StatusServiceUnavailable && try < 20; try++ { // busy: retry, as a client would
				time.Sleep(50 * time.Millisecond)
				code, b, err = do("POST", base+y+"/submissions?name="+sd+".csv", tokens[sd], files[sd])
			}
			if err != nil || code != http.StatusCreated {
				if err == nil && code != http.StatusServiceUnavailable {
					t.Errorf("upload of %s: %d %s", sd, code, b)
				}
				return // not acknowledged (the server died, or was busy)
			}
			var s struct {
				N    int    `json:"n"`
				Hash string `json:"hash"`
			}
			if json.Unmarshal(b, &s) != nil {
				return
			}
			mu.Lock()
			acked = append(acked, ack{sd, s.N, s.Hash})
			mu.Unlock()
			if count.Add(1) == uploads/4 {
				cmd.Process.Kill() // SIGKILL midway
			}
		}()
	}
	wg.Wait()
	cmd.Process.Kill() // when too few were acknowledged to kill it midway
	cmd.Wait()
	if len(acked) < len(subs)+uploads/4 {
		t.Fatalf("only %d of %d uploads acknowledged: the server was not killed midway", len(acked), uploads)
	}

	cmd2, base2 := startServe(t, data, "secret")
	code, b, err := do("GET", base2+y+"/submissions", "secret", nil)
	if err != nil || code != http.StatusOK {
		t.Fatalf("list: %d %v", code, err)
	}
	var list struct {
		Submissions []struct {
			N           int    `json:"n"`
			Subdistrict string `json:"subdistrict"`
			Hash        string `json:"hash"`
			Status      string `json:"status"`
		} `json:"submissions"`
	}
	if err := json.Unmarshal(b, &list); err != nil {
		t.Fatal(err)
	}
	byN := map[int]string{}
	waiting := 0
	for _, s := range list.Submissions {
		byN[s.N] = s.Subdistrict + " " + s.Hash
		if s.Status == domain.SubSubmitted {
			waiting++
		}
	}
	for _, a := range acked {
		if byN[a.n] != a.sd+" "+a.hash {
			t.Errorf("acknowledged submission %d of %s lost: %q", a.n, a.sd, byN[a.n])
		}
	}
	if waiting != len(subs) {
		t.Errorf("%d submissions waiting, want one a 街道", waiting)
	}

	acceptAndKill(t, data, cmd2, func() (int, []byte, error) { return do("POST", base2+y+"/submissions/accept", "secret", nil) }, len(subs))
	t.Logf("%d of %d uploads acknowledged before SIGKILL; all there after restart", len(acked), uploads)
}

// subdistrictTokens creates a 街道 token of each of subs in the record of
// data, and returns their secrets by 街道.
func subdistrictTokens(t *testing.T, data string, subs []string) map[string]string {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.OpenDir(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	tokens := map[string]string{}
	for _, sd := range subs {
		sec, _, err := app.CreateToken(ctx, st, domain.Actor{ID: "test", Role: domain.RoleAdmin}, domain.RoleSubdistrict, sd, "")
		if err != nil {
			t.Fatal(err)
		}
		tokens[sd] = sec
	}
	return tokens
}

// acceptAndKill accepts every submission waiting (accept), kills the
// server cmd right after the answer, and checks that the record of data
// holds the accepted draft and nsubs accepted submissions, soundly.
func acceptAndKill(t *testing.T, data string, cmd *exec.Cmd, accept func() (int, []byte, error), nsubs int) {
	t.Helper()
	ctx := context.Background()
	// An acknowledged acceptance survives a kill right after its answer.
	code, b, err := accept()
	if err != nil || code != http.StatusOK {
		t.Fatalf("accept: %d %s %v", code, b, err)
	}
	cmd.Process.Kill()
	cmd.Wait()
	st, err := sqlite.OpenDir(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if r, err := st.IntegrityCheck(ctx); err != nil || r != "ok" {
		t.Errorf("integrity_check: %q %v", r, err)
	}
	vs, err := st.Versions(ctx, "sample")
	if err != nil || len(vs) != 2 {
		t.Fatalf("versions after the kill: %d %v", len(vs), err)
	}
	all, err := st.Submissions(ctx, "sample", vs[0].FiscalYear, false)
	if err != nil {
		t.Fatal(err)
	}
	accepted := 0
	for _, s := range all {
		if s.Status == domain.SubAccepted && s.NewVersion == 2 {
			accepted++
		}
	}
	if accepted != nsubs {
		t.Errorf("%d submissions accepted after the kill, want %d", accepted, nsubs)
	}
}
