package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/testplan"
	"github.com/caili/caili/standards"
	"github.com/caili/caili/standards/plangen"
)

// oldJSON is how WriteJSONStamped and WriteJSONUnnamed wrote a result
// before they streamed it (issue 25 §3), kept here to hold the stream to
// the same bytes: the whole document built, then encoded by reflection
// with indentation.
func oldJSON(t testing.TB, r *formula.Result, st *Stamp, named bool) []byte {
	t.Helper()
	doc := NewAllocations(r, true)
	doc.Stamp = st
	if !named {
		for i := range doc.Subdistricts {
			s := &doc.Subdistricts[i]
			for k := range s.Lines {
				s.Lines[k].Name = ""
			}
			if s.Score != nil {
				for k := range s.Score.Indicators {
					s.Score.Indicators[k].QuantityName, s.Score.Indicators[k].Unit = "", ""
				}
			}
		}
	}
	var b bytes.Buffer
	if err := EncodeJSON(&b, doc); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// sameJSON checks that the stream writes oldJSON's bytes for r, named and
// unnamed, with and without a stamp.
func sameJSON(t *testing.T, what string, r *formula.Result) {
	t.Helper()
	stamps := []*Stamp{nil, {Plan: "p", Scenario: "s\"<&>", Overrides: []string{"plan.capacity=1", "a=\u2028"}, SHA256: "ab", Version: "v"}}
	for _, st := range stamps {
		for _, named := range []bool{true, false} {
			var got bytes.Buffer
			var err error
			if named {
				err = WriteJSONStamped(&got, r, st)
			} else {
				err = WriteJSONUnnamed(&got, r, st)
			}
			if err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			if want := oldJSON(t, r, st, named); !bytes.Equal(got.Bytes(), want) {
				i := 0
				for i < min(got.Len(), len(want)) && got.Bytes()[i] == want[i] {
					i++
				}
				t.Fatalf("%s (stamp %v, named %v): differs at byte %d:\n got …%s…\nwant …%s…", what, st != nil, named, i,
					got.Bytes()[max(0, i-80):min(got.Len(), i+80)], want[max(0, i-80):min(len(want), i+80)])
			}
		}
	}
}

// TestJSONStream holds the streamed JSON to the bytes of the document
// encoder on the sample, the example plans, generated plans and the
// sample under random overrides.
func TestJSONStream(t *testing.T) {
	doc, _ := testplan.Sample(t)
	r, err := testplan.Evaluate(doc)
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "sample", r)
	for _, name := range []string{"tiny", "rules", "money"} {
		sameJSON(t, name, testplan.File(t, filepath.Join("..", "..", "testdata", name, "plan.toml")))
	}
	n := 200
	if testing.Short() {
		n = 20
	}
	rng := rand.New(rand.NewPCG(25, 3))
	for seed := range n {
		var b bytes.Buffer
		opt := plangen.Options{N: 1 + rng.IntN(12), Standards: 3 + rng.IntN(40), Seed: uint64(seed), Extra: rng.IntN(3)}
		if err := plangen.WriteOptions(&b, nil, opt); err != nil {
			t.Fatal(err)
		}
		text := strings.Replace(b.String(), `name = "第1街道"`, `name = "第1\"街道\\ \u2028 <&> \b\f\t"`, 1)
		gd, err := standards.Parse("gen.toml", []byte(text), nil)
		if err != nil {
			t.Fatalf("plan %+v: %v", opt, err)
		}
		r, err := testplan.Evaluate(gd)
		if err != nil {
			t.Fatalf("plan %+v: %v", opt, err)
		}
		sameJSON(t, fmt.Sprintf("generated %+v", opt), r)
	}
	for i := range n {
		sets := []string{fmt.Sprintf("plan.capacity=%d", 2_600_000_000+rng.IntN(200_000_000))}
		if i%2 == 0 {
			sets = append(sets, "factor.workload.weight=0.5", "factor.area.weight=0.1")
		}
		if r, err := testplan.Sets(t, doc, sets...); err == nil {
			sameJSON(t, fmt.Sprint("sample ", sets), r)
		}
	}
}

// TestAppendJSONString checks the string quoting against encoding/json's
// (HTML escaping off) on awkward and random strings.
func TestAppendJSONString(t *testing.T) {
	cases := []string{"", "plain", `"\`, "\x00\x01\x1f\x7f", "\b\f\n\r\t", "<&>", "\u2028\u2029", "中文", "\xff\xfe", "a\xc3", "\U0001F600"}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune{'a', '"', '\\', 0, 0x1f, '\n', '<', 0x2028, 0x2029, 0xfffd, '中', 0x1F600}
	for range 2000 {
		var b []byte
		for range rng.IntN(12) {
			if rng.IntN(8) == 0 {
				b = append(b, byte(rng.IntN(256)))
			} else {
				b = fmt.Appendf(b, "%c", alphabet[rng.IntN(len(alphabet))])
			}
		}
		cases = append(cases, string(b))
	}
	for _, s := range cases {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		if got := string(appendJSONString(nil, s)) + "\n"; got != want.String() {
			t.Errorf("%q: got %s, want %s", s, got, want.String())
		}
		if got := string(appendJSONString(nil, []byte(s))) + "\n"; got != want.String() {
			t.Errorf("%q as bytes: got %s, want %s", s, got, want.String())
		}
	}
}

// TestJSONStreamParallel holds the stream to the document encoder's
// bytes on plans large enough to be rendered by several goroutines
// (renderWorkers), of sizes around the runs' boundaries.
func TestJSONStreamParallel(t *testing.T) {
	sizes := []int{parallelFrom, parallelFrom + 1, 3*chunkSubdistricts*4 - 1, 517}
	if testing.Short() {
		sizes = sizes[:2]
	}
	for k, n := range sizes {
		r := generatedResult(t, plangen.Options{N: n, Standards: 12, Seed: uint64(k), Extra: 1})
		if renderWorkers(n) < 2 && runtime.GOMAXPROCS(0) > 1 {
			t.Fatalf("%d sub-districts: rendered by one goroutine", n)
		}
		sameJSON(t, fmt.Sprintf("%d sub-districts", n), r)
	}
}

// errDiskFull is failAfter's error.
var errDiskFull = errors.New("disk full")

// failAfter is a writer that fails once it has taken n bytes.
type failAfter struct{ n int }

func (f *failAfter) Write(p []byte) (int, error) {
	if f.n < len(p) {
		return 0, errDiskFull
	}
	f.n -= len(p)
	return len(p), nil
}

// TestJSONStreamParallelWriteError checks that a failing writer's error
// comes back from the parallel stream, at every point of it, and that
// the goroutines rendering have stopped.
func TestJSONStreamParallelWriteError(t *testing.T) {
	r := generatedResult(t, plangen.Options{N: 300, Standards: 8, Seed: 7})
	var all bytes.Buffer
	if err := WriteJSONStamped(&all, r, nil); err != nil {
		t.Fatal(err)
	}
	before := runtime.NumGoroutine()
	for _, at := range []int{0, 100, all.Len() / 3, all.Len() - 10} {
		if err := WriteJSONStamped(&failAfter{n: at}, r, nil); !errors.Is(err, errDiskFull) {
			t.Fatalf("writer failing after %d bytes: err = %v", at, err)
		}
	}
	if after := runtime.NumGoroutine(); after > before {
		t.Fatalf("%d goroutines after the failed writes, %d before", after, before)
	}
}

// generatedResult evaluates a generated plan.
func generatedResult(t *testing.T, opt plangen.Options) *formula.Result {
	t.Helper()
	var b bytes.Buffer
	if err := plangen.WriteOptions(&b, nil, opt); err != nil {
		t.Fatal(err)
	}
	d, err := standards.Parse("gen.toml", b.Bytes(), nil)
	if err != nil {
		t.Fatalf("plan %+v: %v", opt, err)
	}
	r, err := testplan.Evaluate(d)
	if err != nil {
		t.Fatalf("plan %+v: %v", opt, err)
	}
	return r
}
