package main

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"math"
	"runtime/debug"
	"strings"
	"testing"
)

func TestParseSize(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"900MiB", 900 << 20, true}, {"2GiB", 2 << 30, true}, {"1TiB", 1 << 40, true}, {"64KiB", 64 << 10, true},
		{"1048576", 1 << 20, true}, {"1048576B", 1 << 20, true},
		{"", 0, false}, {"0", 0, false}, {"2GB", 0, false}, {"-1", 0, false}, {"1.5GiB", 0, false}, {"MiB", 0, false},
		{"99999999999TiB", 0, false}, {"auto", 0, false},
	} {
		got, ok := parseSize(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("parseSize(%q) = %d, %v; want %d, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestMemLimitFor(t *testing.T) {
	const mib = 1 << 20
	for _, c := range []struct{ loaded, machine, want uint64 }{
		{447 * mib, 24 << 30, 447*mib + uint64(float64(447*mib)*memGrowth)}, // a 10,000-街道 plan: 3×
		{20 * mib, 24 << 30, 20*mib + memHeadroomMin},                       // the sample: the least headroom
		{3 << 30, 4 << 30, 3 << 30},                                         // at most three quarters of the machine
		{447 * mib, 0, 447*mib + uint64(float64(447*mib)*memGrowth)},        // the machine unknown
	} {
		if got := memLimitFor(c.loaded, c.machine); got != c.want {
			t.Errorf("memLimitFor(%d MiB, %d MiB) = %d MiB, want %d MiB", c.loaded/mib, c.machine/mib, got/mib, c.want/mib)
		}
		if got := memLimitFor(c.loaded, c.machine); got > 3*c.loaded && c.loaded > memHeadroomMin {
			t.Errorf("%d MiB above three times the loaded %d MiB", got/mib, c.loaded/mib)
		}
	}
}

func TestGCPercentFor(t *testing.T) {
	const mib = 1 << 20
	for _, c := range []struct {
		loaded, limit uint64
		want          int
	}{
		{11 * mib, memLimitFor(11*mib, 24<<30), 1745},             // the sample: up to the limit
		{447 * mib, memLimitFor(447*mib, 24<<30), serveGCPercent}, // a 10,000-街道 plan: the limit bounds it
		{1 * mib, memLimitFor(1*mib, 24<<30), gcPercentMax},       // next to nothing held
		{0, 192 * mib, serveGCPercent},                            // unknown
		{3 << 30, memLimitFor(3<<30, 4<<30), serveGCPercent},      // the machine's share reached
	} {
		if got := gcPercentFor(c.loaded, c.limit); got != c.want {
			t.Errorf("gcPercentFor(%d MiB, %d MiB) = %d, want %d", c.loaded/mib, c.limit/mib, got, c.want)
		}
	}
}

// TestMemLimiter: auto sizes the limit from what is held, unless
// GOMEMLIMIT is set; off and a size set theirs; anything else is a
// usage error. Each is logged.
func TestMemLimiter(t *testing.T) {
	prev, prevGC := debug.SetMemoryLimit(-1), gcPercent()
	t.Cleanup(func() { debug.SetMemoryLimit(prev); debug.SetGCPercent(prevGC) })
	var buf bytes.Buffer
	log := slog.New(slog.NewTextHandler(&buf, nil))

	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "")
	debug.SetGCPercent(100)
	m, err := newMemLimiter("auto", log)
	if err != nil || !m.auto {
		t.Fatalf("auto: %v, %+v", err, m)
	}
	if got := gcPercent(); got != serveGCPercent {
		t.Errorf("GOGC under the auto limit: %d, want %d", got, serveGCPercent)
	}
	t.Setenv("GOGC", "100")
	debug.SetGCPercent(100)
	if _, err := newMemLimiter("auto", log); err != nil || gcPercent() != 100 {
		t.Errorf("GOGC=100 in the environment replaced by %d (%v)", gcPercent(), err)
	}
	t.Setenv("GOGC", "")
	m.size()
	limit := debug.SetMemoryLimit(-1)
	if held := goHeld(); limit == math.MaxInt64 || uint64(limit) < held {
		t.Errorf("auto limit %d for %d held", limit, held)
	}
	if got := gcPercent(); got < serveGCPercent || got > gcPercentMax {
		t.Errorf("GOGC once sized: %d, want %d to %d", got, serveGCPercent, gcPercentMax)
	}
	t.Setenv("GOGC", "150")
	debug.SetGCPercent(150)
	if m.size(); gcPercent() != 150 {
		t.Errorf("GOGC=150 in the environment replaced by %d when sizing", gcPercent())
	}
	t.Setenv("GOGC", "")
	if !strings.Contains(buf.String(), "memory limit") || !strings.Contains(buf.String(), "loaded=") {
		t.Errorf("not logged: %s", buf.String())
	}
	if machineMemory() == 0 {
		t.Error("the machine's memory is unknown")
	}

	if _, err := newMemLimiter("900MiB", log); err != nil || debug.SetMemoryLimit(-1) != 900<<20 {
		t.Errorf("900MiB: %v, limit %d", err, debug.SetMemoryLimit(-1))
	}
	if _, err := newMemLimiter("off", log); err != nil || debug.SetMemoryLimit(-1) != math.MaxInt64 {
		t.Errorf("off: %v, limit %d", err, debug.SetMemoryLimit(-1))
	}
	var ue *usageError
	if _, err := newMemLimiter("lots", log); !errors.As(err, &ue) {
		t.Errorf("lots: %v, want a usage error", err)
	}

	t.Setenv("GOMEMLIMIT", "850MiB")
	debug.SetMemoryLimit(850 << 20) // as the runtime read it at start
	m, err = newMemLimiter("auto", log)
	if err != nil || m.auto {
		t.Fatalf("auto with GOMEMLIMIT: %v, %+v", err, m)
	}
	m.size()
	m.follow(context.Background(), func() string { return "" }) // returns at once: nothing to follow
	if got := debug.SetMemoryLimit(-1); got != 850<<20 {
		t.Errorf("GOMEMLIMIT's limit replaced by %d", got)
	}
	if !strings.Contains(buf.String(), "from=GOMEMLIMIT") {
		t.Errorf("GOMEMLIMIT not logged: %s", buf.String())
	}
}

// gcPercent is the collector's target (GOGC) now.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}
