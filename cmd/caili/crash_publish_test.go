package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/caili/caili/internal/app"
	domain "github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/internal/store/sqlite"
	"github.com/caili/caili/standards/plangen"
)

// TestCrashWhilePublishing: `caili plan publish` writes a large result
// into the record as it makes it (issue 25 §5); killed (SIGKILL) while
// it writes, it leaves the version approved and nothing of the result
// (not its list of 街道, not a part of it), and the database passes its
// integrity check; publishing again then keeps the result byte for byte.
func TestCrashWhilePublishing(t *testing.T) {
	if testing.Short() {
		t.Skip("runs caili as a process")
	}
	dir, data := t.TempDir(), t.TempDir()
	plan := filepath.Join(dir, "big.toml")
	var b bytes.Buffer
	if err := plangen.WriteOptions(&b, nil, plangen.Options{N: 1500, Standards: 40, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(plan, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	for _, args := range [][]string{{"plan", "save", "--plan", plan, "--id", "big", "--data", data},
		{"plan", "approve", "--single-user", "--id", "big", "--data", data, "1"}} {
		if err := run(context.Background(), args, &out, &out); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out.String())
		}
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "plan", "publish", "--single-user", "--id", "big", "--data", data, "1")
	cmd.Env = append(os.Environ(), "CAILI_TEST_AS_MAIN=1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	// Killed once its transaction has written pages to the log: the
	// result is on its way into the record.
	wal := filepath.Join(data, sqlite.FileName+"-wal")
	deadline := time.After(2 * time.Minute)
	for killed := false; !killed; {
		select {
		case <-done:
			t.Skip("publishing finished before it could be killed midway")
		case <-deadline:
			t.Fatal("publishing wrote nothing in 2 minutes")
		case <-time.After(5 * time.Millisecond):
			if fi, err := os.Stat(wal); err == nil && fi.Size() > 4<<20 {
				cmd.Process.Kill()
				<-done
				killed = true
			}
		}
	}
	ctx := context.Background()
	st, err := sqlite.OpenDir(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	if r, err := st.IntegrityCheck(ctx); err != nil || r != "ok" {
		t.Fatalf("integrity %q %v", r, err)
	}
	if v, err := st.Version(ctx, "big", 1); err != nil || v.Status != domain.StatusApproved {
		t.Fatalf("after the kill: %+v %v", v, err)
	}
	if _, _, err := st.PublishedIndex(ctx, "big"); err == nil {
		t.Fatal("a publication killed midway is listed")
	}
	if err := st.PublishedResult(ctx, "big", 1, io.Discard); err == nil {
		t.Fatal("a result killed midway was kept")
	}
	st.Close()

	if err := run(ctx, []string{"plan", "publish", "--single-user", "--id", "big", "--data", data, "1"}, &out, &out); err != nil {
		t.Fatalf("publish again: %v\n%s", err, out.String())
	}
	st, err = sqlite.OpenDir(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	vv, err := app.LoadVersion(ctx, st, "big", 1)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := report.WriteJSON(&want, vv.Plan.Base.Res); err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := st.PublishedResult(ctx, "big", 1, &got); err != nil || !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Fatalf("published %d bytes (%v), the result's JSON is %d", got.Len(), err, want.Len())
	}
	sum := sha256.Sum256(want.Bytes())
	if pub, err := st.PublishedHead(ctx, "big"); err != nil || pub.ResultHash != hex.EncodeToString(sum[:]) {
		t.Fatalf("publication %+v %v", pub, err)
	}
}
