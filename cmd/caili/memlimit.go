package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/periodic"
)

// caili serve sets Go's soft memory limit itself (issue 25): with Go's
// defaults the heap may grow to twice what is live between collections,
// so a server holding a large plan grew to 2.75× its size after loading
// over 20 JSON what-ifs. The limit follows docs/operations.md#memory-budget:
// what the process holds once the plans are loaded, and twice as much
// again (at least memHeadroomMin more), at most three quarters of the
// machine's memory (its cgroup's limit, or /proc/meminfo's MemTotal): a
// bound on a burst of large what-ifs at once, high enough that one JSON
// what-if does not make the collector run all along it. (The memory a
// streamed answer took is given back after it, server/streamed.go.) It
// is sized again whenever the plans served change. GOMEMLIMIT in the
// environment, or --memory-limit, takes precedence; --memory-limit off
// leaves Go's default (none).

const (
	// memGrowth is the share of the loaded size a server may add on top
	// of it: what-ifs being computed, the result cache, the answers. A
	// JSON what-if of a 10,000-sub-district plan takes about twice the
	// loaded size while it is written; a limit below that makes the
	// collector run all along it (1.75×: JSON what-ifs 1.5–6× slower).
	memGrowth = 2.0
	// memHeadroomMin is the least room above the loaded size.
	memHeadroomMin = 192 << 20
	// memMachineShare is the share of the machine the limit may reach.
	memMachineShare = 0.75
)

// serveGCPercent is the garbage collector's target (GOGC) while caili
// serve runs under a memory limit: the heap may grow to five times what
// is live between collections, not twice, up to the limit, which then
// has the collector run sooner. A server holding the sample plan is a
// few MiB live and allocates about 40 KiB a what-if: at Go's default it
// collected every hundred requests or so, a fifth of its CPU under load
// (docs/performance.md, the fifth round). GOGC in the environment takes
// precedence; with --memory-limit off Go's default stays.
const serveGCPercent = 400

// memLimiter keeps the soft memory limit of caili serve.
type memLimiter struct {
	mu      sync.Mutex
	auto    bool   // sized from the loaded plans
	machine uint64 // the machine's memory (0: unknown)
	log     *slog.Logger
}

// newMemLimiter applies --memory-limit: "auto" (default) sizes the limit
// from the plans loaded, unless GOMEMLIMIT is set; "off" sets none; a
// size (900MiB, 2GiB, bytes) sets that one.
func newMemLimiter(flag string, log *slog.Logger) (*memLimiter, error) {
	m := &memLimiter{log: log, machine: machineMemory()}
	switch flag = strings.TrimSpace(flag); {
	case flag == "" || flag == "auto":
		if env := os.Getenv("GOMEMLIMIT"); env != "" {
			log.Info("memory limit", "limit", env, "from", "GOMEMLIMIT")
			collectLess(log)
			return m, nil
		}
		m.auto = true
		collectLess(log)
	case flag == "off":
		debug.SetMemoryLimit(math.MaxInt64)
		log.Info("memory limit", "limit", "off", "from", "--memory-limit")
	default:
		n, ok := parseSize(flag)
		if !ok {
			return nil, usagef(msg.CmdMemoryLimit, flag)
		}
		debug.SetMemoryLimit(n)
		log.Info("memory limit", "limit", sizeText(uint64(n)), "from", "--memory-limit")
		collectLess(log)
	}
	return m, nil
}

// collectLess sets the collector's target to serveGCPercent, which the
// memory limit bounds, unless GOGC is set.
func collectLess(log *slog.Logger) {
	if os.Getenv("GOGC") != "" {
		return
	}
	debug.SetGCPercent(serveGCPercent)
	log.Info("garbage collector", "GOGC", serveGCPercent, "from", "the memory limit (docs/operations.md#memory-budget)")
}

// size sets the limit from what the process holds now, the plans loaded
// (auto only). It collects garbage and returns what is free to the
// system first, so that the size is what is live, not the peak of
// loading: call it after loading, not on every request.
func (m *memLimiter) size() {
	if m == nil || !m.auto {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	debug.FreeOSMemory()
	loaded := goHeld()
	limit := memLimitFor(loaded, m.machine)
	debug.SetMemoryLimit(int64(limit))
	m.log.Info("memory limit", "limit", sizeText(limit), "loaded", sizeText(loaded), "machine", sizeText(m.machine),
		"from", "the plans loaded (docs/operations.md#memory-budget)")
	if os.Getenv("GOGC") == "" {
		p := gcPercentFor(loaded, limit)
		debug.SetGCPercent(p)
		m.log.Info("garbage collector", "GOGC", p, "from", "the memory limit (docs/operations.md#memory-budget)")
	}
}

// gcPercentFor is the collector's target (GOGC) for a process holding
// loaded bytes under limit: the heap may grow by the room the limit
// leaves before it is collected, and by at least serveGCPercent. A
// server of the sample plan (11 MiB held, a limit of 203 MiB, GOGC 1714)
// then collects when some 170 MiB of what-ifs have been allocated, not
// 40 MiB: about 5 times a second under load instead of 15, and 3–8 %
// more what-ifs a second. A large plan keeps serveGCPercent, which its
// limit bounds.
func gcPercentFor(loaded, limit uint64) int {
	if loaded == 0 || limit <= loaded {
		return serveGCPercent
	}
	return int(min(max((limit-loaded)*100/loaded, serveGCPercent), gcPercentMax))
}

// gcPercentMax bounds gcPercentFor when little is held.
const gcPercentMax = 5000

// memFollowEvery is how often follow looks whether the plans changed.
const memFollowEvery = 10 * time.Second

// follow sizes the limit again whenever versions (the plan versions
// served) changes, until ctx ends.
func (m *memLimiter) follow(ctx context.Context, versions func() string) {
	if m == nil || !m.auto {
		return
	}
	last := versions()
	periodic.Every(ctx, memFollowEvery, func() {
		if v := versions(); v != last {
			last = v
			m.size()
		}
	})
}

// memLimitFor is the limit for a process holding loaded bytes on a
// machine of machine bytes (0: unknown).
func memLimitFor(loaded, machine uint64) uint64 {
	limit := loaded + max(uint64(float64(loaded)*memGrowth), memHeadroomMin)
	if machine > 0 {
		limit = min(limit, uint64(float64(machine)*memMachineShare))
	}
	return limit
}

// goHeld is the memory the Go runtime holds from the system and has not
// returned: what its soft limit counts.
func goHeld() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 || s[1].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64() - s[1].Value.Uint64()
}

// machineMemory is the memory the process may use: its cgroup's limit
// (v2 memory.max, v1 memory.limit_in_bytes) when there is one, else the
// machine's MemTotal; 0 when neither can be read.
func machineMemory() uint64 {
	total := memTotal()
	for _, f := range []string{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"} {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		n, err := strconv.ParseUint(string(bytes.TrimSpace(b)), 10, 64)
		if err == nil && n > 0 && (total == 0 || n < total) {
			return n
		}
	}
	return total
}

// memTotal is /proc/meminfo's MemTotal in bytes, or 0.
func memTotal() uint64 {
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), "MemTotal:")
		if !ok {
			continue
		}
		kb, err := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
		if err != nil {
			return 0
		}
		return kb << 10
	}
	return 0
}

// parseSize reads a size as GOMEMLIMIT does: a number of bytes with an
// optional unit B, KiB, MiB, GiB or TiB.
func parseSize(s string) (int64, bool) {
	units := []struct {
		suffix string
		shift  uint
	}{{"TiB", 40}, {"GiB", 30}, {"MiB", 20}, {"KiB", 10}, {"B", 0}}
	shift := uint(0)
	for _, u := range units {
		if n, ok := strings.CutSuffix(s, u.suffix); ok {
			s, shift = n, u.shift
			break
		}
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil || n == 0 || n > math.MaxInt64>>shift {
		return 0, false
	}
	return int64(n << shift), true
}

// sizeText writes a size in MiB, as the log says it.
func sizeText(n uint64) string {
	if n == 0 {
		return "unknown"
	}
	return fmt.Sprintf("%dMiB", n>>20)
}
