package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/caili/caili/standards/plangen"
)

// TestInterruptibleWritesNothing: a command stopped by a signal returns
// the signal (exit 130 / 143) at once, and nothing it wrote reaches
// stdout.
func TestInterruptibleWritesNothing(t *testing.T) {
	for sig, code := range map[syscall.Signal]int{syscall.SIGINT: 130, syscall.SIGTERM: 143} {
		ctx, cancel := context.WithCancelCause(context.Background())
		release := make(chan struct{})
		slow := func(_ []string, stdout, _ io.Writer) error {
			io.WriteString(stdout, "half a table")
			<-release
			return nil
		}
		go cancel(&signalError{sig: sig})
		var out bytes.Buffer
		err := interruptible(ctx, slow, nil, &out, io.Discard)
		close(release)
		if got := exitCode(err); got != code || out.Len() != 0 {
			t.Errorf("%v: exit %d (%v), stdout %q; want %d and nothing", sig, got, err, out.String(), code)
		}
	}
}

// TestSignalWhileLoading runs caili as a process on a large plan and
// interrupts it while it loads: it stops with 130 and writes nothing.
func TestSignalWhileLoading(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a large plan")
	}
	plan := filepath.Join(t.TempDir(), "big.toml")
	f, err := os.Create(plan)
	if err != nil {
		t.Fatal(err)
	}
	if err := plangen.Write(f, 15000, 140, 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "calc", "--plan", plan, "--format", "csv")
	cmd.Env = append(os.Environ(), "CAILI_TEST_AS_MAIN=1")
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Interrupt once it is busy loading: after 0.3 s of its CPU time it is
	// well past installing its signal handler (the first thing main does)
	// and still reading the plan, however loaded the machine is.
	waitCPU(t, cmd.Process.Pid, 300*time.Millisecond)
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 130 {
		t.Fatalf("caili calc after Ctrl-C: %v, want exit status 130", err)
	}
	if stdout.Len() != 0 {
		t.Errorf("a stopped calc wrote %d bytes", stdout.Len())
	}
}

// waitCPU waits until process pid has used d of CPU time (Linux's
// /proc/PID/stat: user and system time in clock ticks, taken as 100 a
// second, their usual rate), or 20 s have passed; without /proc it waits d.
func waitCPU(t *testing.T, pid int, d time.Duration) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil {
			time.Sleep(d)
			return
		}
		// Fields after the command, which is in parentheses and may hold spaces.
		f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
		if len(f) > 12 {
			ut, _ := strconv.ParseInt(f[11], 10, 64)
			st, _ := strconv.ParseInt(f[12], 10, 64)
			if time.Duration(ut+st)*10*time.Millisecond >= d {
				return
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("the process did not get busy within 20 s")
}
