package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/store/sqlite"
)

// Example records a plan version, approves it and reads the audit log.
func Example() {
	dir, _ := os.MkdirTemp("", "caili-example")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	st, err := sqlite.OpenDir(ctx, filepath.Join(dir, "data"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer st.Close()
	who := caili.Actor{ID: "example", Role: caili.RoleAdmin}
	v, _, _ := st.SaveVersion(ctx, who, caili.NewVersion{Plan: "y2026", Hash: "ab12", Name: "2026年测算",
		Files: []caili.File{{Name: "y2026.toml", Data: []byte("[plan]\n")}}})
	fmt.Println(v.N, v.Status)
	a, _ := st.Approve(ctx, who, caili.NewApproval{Plan: "y2026", N: v.N, ResultHash: "r1"})
	fmt.Println(a.Status)
	es, _ := st.Audit(ctx, 10)
	for _, e := range es {
		fmt.Println(e.Action, e.Plan, e.Subject)
	}
	// Output:
	// 1 draft
	// approved
	// version.approve y2026 1
	// version.save y2026 1
}
