package app_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/internal/store/sqlite"
	"github.com/caili/caili/standards/plangen"
)

// TestPublishedResultBytes: a result published as it is made (written
// into the store and kept as its 街道's parts, issue 25 §5) reads back
// byte for byte as the allocations JSON that was published before
// (report.WriteJSON, whose SHA-256 the approval pinned), whole and by
// 街道: the sample, the tiny, rules and money examples, and generated
// plans with awkward names.
func TestPublishedResultBytes(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.OpenDir(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	plans := [][2]string{{app.SampleID, ""}}
	for _, name := range []string{"tiny", "rules", "money"} {
		plans = append(plans, [2]string{name, filepath.Join("..", "..", "testdata", name, "plan.toml")})
	}
	dir := t.TempDir()
	n := 20
	if testing.Short() {
		n = 4
	}
	rng := rand.New(rand.NewPCG(25, 5))
	for seed := range n {
		var b bytes.Buffer
		opt := plangen.Options{N: 1 + rng.IntN(300), Standards: 3 + rng.IntN(20), Seed: uint64(seed), Extra: rng.IntN(3)}
		if err := plangen.WriteOptions(&b, nil, opt); err != nil {
			t.Fatal(err)
		}
		text := strings.Replace(b.String(), `name = "第1街道"`, `name = "第1\"街道\\ \u2028 <&> ]}{[ \b\f\t"`, 1)
		file := filepath.Join(dir, fmt.Sprintf("g%d.toml", seed))
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		plans = append(plans, [2]string{fmt.Sprintf("g%d", seed), file})
	}
	for _, p := range plans {
		publishedSame(t, st, p[0], p[1])
	}
}

// publishedSame saves, approves and publishes plan id from file, and
// checks what the store gives back against the JSON of its result.
func publishedSame(t *testing.T, st *sqlite.Store, id, file string) {
	t.Helper()
	ctx := context.Background()
	v, err := app.LoadPlanFile(id, file, st)
	if err != nil {
		t.Fatalf("%s: %v", id, err)
	}
	rec, _, err := app.SaveVersionOf(ctx, st, planner, v, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := app.ApproveIn(ctx, st, approver, id, rec.N, false); err != nil {
		t.Fatalf("%s: %v", id, err)
	}
	pub, err := app.PublishIn(ctx, st, approver, id, rec.N, app.PublishOptions{})
	if err != nil {
		t.Fatalf("%s: %v", id, err)
	}
	var want bytes.Buffer
	if err := report.WriteJSON(&want, v.Base.Res); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(want.Bytes())
	if pub.ResultHash != hex.EncodeToString(sum[:]) {
		t.Fatalf("%s: published hash %s, the JSON's %x", id, pub.ResultHash, sum)
	}
	var got bytes.Buffer
	if err := st.PublishedResult(ctx, id, rec.N, &got); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		i := 0
		for i < min(got.Len(), want.Len()) && got.Bytes()[i] == want.Bytes()[i] {
			i++
		}
		t.Fatalf("%s: the published result differs at byte %d of %d (%d read)", id, i, want.Len(), got.Len())
	}
	if whole, err := st.PublicationOf(ctx, id, rec.N); err != nil || !bytes.Equal(whole.Result, want.Bytes()) {
		t.Fatalf("%s: the publication's result (%v) is not the JSON", id, err)
	}
	var doc struct{ Subdistricts []json.RawMessage }
	if err := json.Unmarshal(want.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	_, subs, err := st.PublishedIndex(ctx, id)
	if err != nil || len(subs) != len(doc.Subdistricts) {
		t.Fatalf("%s: %d 街道 listed, %d in the result (%v)", id, len(subs), len(doc.Subdistricts), err)
	}
	for _, k := range []int{0, len(subs) / 2, len(subs) - 1} {
		body, err := st.PublishedSubdistrict(ctx, id, rec.N, subs[k].ID)
		if err != nil || !bytes.Equal(body, bytes.TrimSpace(doc.Subdistricts[k])) {
			t.Fatalf("%s: 街道 %s's part is not its object of the result (%v)", id, subs[k].ID, err)
		}
	}
}

// TestPublishRefusedWritesNothing: a result that is not the approved one
// is refused after it was written into the store (the hash is known only
// then), and nothing of it is kept.
func TestPublishRefusedWritesNothing(t *testing.T) {
	ctx := context.Background()
	r := newRecordApp(t, false)
	v, _, err := r.e.SaveVersion(ctx, planner, "tiny", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.st.Approve(ctx, approver, caili.NewApproval{Plan: "tiny", N: v.N, ResultHash: "0123456789"}); err != nil {
		t.Fatal(err)
	}
	if _, err := r.e.Publish(ctx, approver, "tiny", v.N, ""); kindOf(err) != caili.KindConflict {
		t.Fatalf("publish: %v", err)
	}
	if err := r.st.PublishedResult(ctx, "tiny", v.N, &bytes.Buffer{}); kindOf(err) != caili.KindNotFound {
		t.Errorf("a refused result was kept: %v", err)
	}
	if _, _, err := r.st.PublishedIndex(ctx, "tiny"); kindOf(err) != caili.KindNotFound {
		t.Errorf("a refused result is listed: %v", err)
	}
}
