package sqlite

import (
	"context"
	"testing"

	"github.com/caili/caili/internal/caili"
)

// TestExecutionImports: imports are numbered per plan and year, each with
// its audit entry; the rows in force are the latest import's for each
// line and month; imports are immutable.
func TestExecutionImports(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	row := func(sub, item string, month int, spent string) caili.ExecutionRow {
		return caili.ExecutionRow{Subdistrict: sub, Item: item, Month: month, Budget: "100", Spent: spent, Cumulative: true}
	}
	first := caili.NewExecutionImport{Plan: "p", Year: 2025, File: "8月.csv", Hash: "h1",
		Rows: []caili.ExecutionRow{row("east", "a", 8, "10"), row("east", "a", 9, "20"), row("west", "a", 9, "5")}}
	im, err := s.ImportExecution(ctx, admin, first)
	if err != nil || im.N != 1 || im.Rows != 3 {
		t.Fatalf("%+v, %v", im, err)
	}
	second := caili.NewExecutionImport{Plan: "p", Year: 2025, File: "9月.csv", Hash: "h2",
		Rows: []caili.ExecutionRow{row("east", "a", 9, "30"), row("east", "b", 9, "1")}}
	if im, err = s.ImportExecution(ctx, admin, second); err != nil || im.N != 2 {
		t.Fatalf("%+v, %v", im, err)
	}
	if _, err := s.ImportExecution(ctx, admin, caili.NewExecutionImport{Plan: "p", Year: 2024, File: "x", Hash: "h"}); err != nil {
		t.Fatal(err)
	}
	rows, err := s.ExecutionRows(ctx, "p", 2025)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range rows {
		got[r.Subdistrict+"/"+r.Item+"/"+string(rune('0'+r.Month))] = r.Spent
	}
	want := map[string]string{"east/a/8": "10", "east/a/9": "30", "west/a/9": "5", "east/b/9": "1"}
	if len(got) != len(want) {
		t.Errorf("rows %v", got)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q", k, got[k], v)
		}
	}
	ims, err := s.ExecutionImports(ctx, "p", 2025)
	if err != nil || len(ims) != 2 || ims[1].File != "9月.csv" || ims[1].By != admin.ID {
		t.Errorf("imports %+v, %v", ims, err)
	}
	// Each import is audited; the first of a year begins its stage 执行.
	log, err := s.Audit(ctx, 10)
	if err != nil || len(log) != 5 || log[0].Action != "execution.import" || log[1].Subject != "2024 execute" ||
		log[2].Subject != "2025/2" || log[4].Action != "year.stage" || log[4].Subject != "2025 execute" {
		t.Errorf("audit %+v, %v", log, err)
	}
	for _, q := range []string{`UPDATE execution_rows SET spent = '0'`, `DELETE FROM execution_rows`,
		`UPDATE execution_imports SET file = 'x'`, `DELETE FROM execution_imports`} {
		if _, err := s.db.ExecContext(ctx, q); err == nil {
			t.Errorf("%s: allowed", q)
		}
	}
}

// TestExecutionImportAllOrNothing: an import whose rows break a rule (two
// rows of one line and month) leaves nothing behind.
func TestExecutionImportAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	r := caili.ExecutionRow{Subdistrict: "east", Item: "a", Month: 9, Budget: "1", Spent: "1"}
	if _, err := s.ImportExecution(ctx, admin, caili.NewExecutionImport{Plan: "p", Year: 2025, File: "x", Hash: "h", Rows: []caili.ExecutionRow{r, r}}); err == nil {
		t.Fatal("a line twice in a month was recorded")
	}
	if ims, _ := s.ExecutionImports(ctx, "p", 2025); len(ims) != 0 {
		t.Errorf("imports %+v", ims)
	}
	if log, _ := s.Audit(ctx, 10); len(log) > 0 && log[0].Action == "execution.import" {
		t.Error("audit entry without its import")
	}
}
