package sqlite

import (
	"context"
	"fmt"
	"testing"

	"github.com/caili/caili/internal/caili"
)

// BenchmarkPutScenario is one scenario save with its audit entry: a
// write transaction synced to disk (synchronous=FULL, WAL).
func BenchmarkPutScenario(b *testing.B) {
	ctx := context.Background()
	s, err := OpenDir(ctx, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	data := make([]byte, 400)
	b.ResetTimer()
	for i := range b.N {
		name := fmt.Sprintf("s%d", i%100)
		if _, err := s.PutScenario(ctx, admin, caili.StoredScenario{Plan: "p", Name: name, Data: data, Hash: name}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSaveVersion records a 35 KB plan (two files) as a new version
// each time.
func BenchmarkSaveVersion(b *testing.B) {
	ctx := context.Background()
	s, err := OpenDir(ctx, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	files := []caili.File{{Name: "plan.toml", Data: make([]byte, 20000)}, {Name: "standards.toml", Data: make([]byte, 15000)}}
	b.ResetTimer()
	for i := range b.N {
		if _, _, err := s.SaveVersion(ctx, admin, caili.NewVersion{Plan: "p", Hash: fmt.Sprint(i), Files: files}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScenario reads one saved scenario.
func BenchmarkScenario(b *testing.B) {
	ctx := context.Background()
	s, err := OpenDir(ctx, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, err := s.PutScenario(ctx, admin, caili.StoredScenario{Plan: "p", Name: "a", Data: make([]byte, 400), Hash: "h"}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		if _, err := s.Scenario(ctx, "p", "a"); err != nil {
			b.Fatal(err)
		}
	}
}
