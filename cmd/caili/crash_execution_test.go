package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/caili/caili/internal/store/sqlite"
)

// TestCrashKeepsAcknowledgedImports: the server as a process takes 120
// concurrent execution imports (each a line of its own), is killed
// (SIGKILL) midway and started again: every import it acknowledged is
// there with all its rows, and no import is there in part.
func TestCrashKeepsAcknowledgedImports(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the server as a process")
	}
	data := t.TempDir()
	cmd, base := startServe(t, data, "secret")
	const imports = 120
	var acked sync.Map // item → true
	var n, refused atomic.Int32
	var wg sync.WaitGroup
	client := &http.Client{Timeout: 30 * time.Second}
	items := make(chan int)
	for range 6 { // uploads are admitted a few at a time: more would be refused as busy (503)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range items {
				item := fmt.Sprintf("crash-%03d", i)
				body := "街道,项目,预算数,支出数,月份\n西长安街街道," + item + ",1000,100,2\n西长安街街道," + item + ",1000,300,3\n"
				req, _ := http.NewRequest(http.MethodPost, base+"/api/v1/plans/sample/execution?name="+item+".csv", strings.NewReader(body))
				req.Header.Set("Authorization", "Bearer secret")
				resp, err := client.Do(req)
				if err != nil {
					continue // the server died before answering: not acknowledged
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				switch {
				case resp.StatusCode == http.StatusCreated:
					acked.Store(item, true)
					if n.Add(1) == imports/4 {
						cmd.Process.Kill() // SIGKILL midway
					}
				default:
					refused.Add(1)
				}
			}
		}()
	}
	for i := range imports {
		items <- i
	}
	close(items)
	wg.Wait()
	if int(n.Load()) < imports/4 {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("only %d of %d imports acknowledged (%d refused): the server was not killed midway", n.Load(), imports, refused.Load())
	}
	cmd.Wait()
	cmd2, base2 := startServe(t, data, "secret")
	req, _ := http.NewRequest(http.MethodGet, base2+"/api/v1/plans/sample/execution", nil)
	req.Header.Set("Authorization", "Bearer secret")
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Lines []struct {
			Item   string `json:"item"`
			Months []struct {
				Month int `json:"month"`
			} `json:"months"`
		} `json:"lines"`
	}
	err = json.NewDecoder(resp.Body).Decode(&rep)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	there := map[string]int{}
	for _, l := range rep.Lines {
		there[l.Item] = len(l.Months)
	}
	missing := 0
	acked.Range(func(k, _ any) bool {
		if there[k.(string)] != 2 {
			missing++
		}
		return true
	})
	for item, months := range there {
		if months != 2 {
			t.Errorf("%s is there with %d of its 2 months", item, months)
		}
	}
	if missing > 0 {
		t.Errorf("%d of %d acknowledged imports lost in the crash", missing, n.Load())
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
	t.Logf("%d of %d imports acknowledged before SIGKILL; %d lines there after restart", n.Load(), imports, len(there))
}
