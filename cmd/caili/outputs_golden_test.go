package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/caili/caili/internal/golden"
	"github.com/caili/caili/standards/plangen"
)

// outputFormats are the calculation outputs TestOutputsByteIdentical pins:
// each a name and the calc flags after --plan.
var outputFormats = []struct{ name, flags string }{
	{"table", "--format table"},
	{"csv", "--format csv"},
	{"csv-zh-wan", "--format csv --header zh --unit 万元 --stamp"},
	{"json", "--format json"},
	{"table-wan", "--format table --unit 万元"},
}

// randomOutputPlans is how many generated plans TestOutputsByteIdentical
// runs: the 1,000 of issue 25 §Done when, fewer under the race detector
// (raceEnabled), which makes every calculation several times slower, and
// with -short; those compare the golden file's first lines.
func randomOutputPlans() int {
	if testing.Short() {
		return 50
	}
	if raceEnabled {
		return 250
	}
	return 1000
}

// TestOutputsByteIdentical holds every calculation output to the bytes
// reviewed before: the SHA-256 of each format of each of 1,000 generated
// plans (random sizes and seeds; a quarter with their sub-districts in a
// CSV data file; half with a what-if on capacity, a quarter on one
// 街道's headcount), and of the tiny, rules and money examples under 20
// capacities each (first), against
// testdata/golden/outputs-random.txt. A change that alters one byte of
// one output fails here, naming the plan and the format; run with
// -update only when the change is meant (and say so).
func TestOutputsByteIdentical(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(25, 1000))
	var got bytes.Buffer
	for _, ex := range []string{"tiny", "rules", "money"} {
		plan := filepath.Join("..", "..", "testdata", ex, "plan.toml")
		base := planCapacity(t, plan)
		for k := range 20 {
			capacity := base * (95 + int64(k)) / 100
			hashOutputs(t, &got, fmt.Sprintf("%s cap%d", ex, capacity), plan, []string{"--set", "plan.capacity=" + strconv.FormatInt(capacity, 10)})
		}
	}
	for seed := range randomOutputPlans() {
		opt := plangen.Options{N: 1 + rng.IntN(12), Standards: 3 + rng.IntN(40), Seed: uint64(seed), Extra: rng.IntN(3)}
		if seed%4 == 3 {
			opt.Data = "data.csv"
		}
		plan := writeGenerated(t, dir, opt)
		var sets []string
		switch seed % 4 {
		case 1, 3:
			sets = []string{"--set", "plan.capacity=" + strconv.FormatInt(planCapacity(t, plan)*(90+rng.Int64N(20))/100, 10)}
		case 2: // one 街道's headcount: the what-if derived row by row
			sets = []string{"--set", fmt.Sprintf("subdistrict.s%d.staff.civil_servant=%d", 1+rng.IntN(opt.N), 20+rng.IntN(200))}
		}
		hashOutputs(t, &got, fmt.Sprintf("gen%04d n%d s%d x%d d%v", seed, opt.N, opt.Standards, opt.Extra, opt.Data != ""), plan, sets)
	}
	path := filepath.Join("..", "..", "testdata", "golden", "outputs-random.txt")
	if randomOutputPlans() == 1000 {
		golden.Check(t, path, got.Bytes())
		return
	}
	// Fewer plans: their lines are the golden file's first ones.
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) > got.Len() {
		want = want[:got.Len()]
	}
	if d := golden.Diff(want, got.Bytes()); d != "" {
		t.Errorf("%s: %s", path, d)
	}
}

// writeGenerated writes the plan (and data) opt describes into a folder
// of dir and returns the plan's path.
func writeGenerated(t *testing.T, dir string, opt plangen.Options) string {
	t.Helper()
	sub := filepath.Join(dir, strconv.FormatUint(opt.Seed, 10))
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	var plan, data bytes.Buffer
	if err := plangen.WriteOptions(&plan, &data, opt); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(sub, "plan.toml")
	if err := os.WriteFile(path, plan.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if opt.Data != "" {
		if err := os.WriteFile(filepath.Join(sub, opt.Data), data.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// capacityLine finds a plan's capacity, quoted or not.
var capacityLine = regexp.MustCompile(`(?m)^capacity\s*=\s*"?([0-9]+)`)

// planCapacity reads the [plan] capacity of a plan file.
func planCapacity(t *testing.T, path string) int64 {
	t.Helper()
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m := capacityLine.FindSubmatch(text)
	if m == nil {
		t.Fatalf("%s: no capacity", path)
	}
	n, err := strconv.ParseInt(string(m[1]), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// hashOutputs runs calc on plan in every format of outputFormats and
// appends a line to w: the case's name, then each format's name and the
// first 16 hex digits of its output's SHA-256 (or of its error).
func hashOutputs(t *testing.T, w *bytes.Buffer, name, plan string, sets []string) {
	t.Helper()
	fmt.Fprint(w, name)
	for _, f := range outputFormats {
		args := append([]string{"calc", "--plan", plan}, sets...)
		args = append(args, splitFlags(f.flags)...)
		var out, errs bytes.Buffer
		err := run(context.Background(), args, &out, &errs)
		if err != nil {
			out.WriteString("error: " + err.Error())
		}
		sum := sha256.Sum256(out.Bytes())
		fmt.Fprintf(w, " %s=%s", f.name, hex.EncodeToString(sum[:8]))
	}
	if id := firstSubdistrict(t, plan); id != "" {
		args := append([]string{"explain", "--plan", plan, "--subdistrict", id}, sets...)
		var out, errs bytes.Buffer
		if err := run(context.Background(), args, &out, &errs); err != nil {
			out.WriteString("error: " + err.Error())
		}
		sum := sha256.Sum256(out.Bytes())
		fmt.Fprintf(w, " explain=%s", hex.EncodeToString(sum[:8]))
	}
	w.WriteByte('\n')
}

// firstID finds the first sub-district's id in a plan, or in the first
// row of a CSV data file.
var firstID = regexp.MustCompile(`(?m)^\[\[subdistrict\]\]\s*\nid\s*=\s*"([^"]+)"|^\x{FEFF}?id,[^\n]*\n([^,]+),`)

// firstSubdistrict returns the id of plan's first sub-district: from its
// [[subdistrict]] tables or its data.csv; "" when neither says.
func firstSubdistrict(t *testing.T, plan string) string {
	t.Helper()
	for _, path := range []string{plan, filepath.Join(filepath.Dir(plan), "data.csv")} {
		text, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		if m := firstID.FindSubmatch(text); m != nil {
			return string(m[1]) + string(m[2])
		}
	}
	return ""
}

// splitFlags splits a space-separated flag list.
func splitFlags(s string) []string {
	return regexp.MustCompile(` +`).Split(s, -1)
}
