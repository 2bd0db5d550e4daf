package sqlite

import (
	"context"
	"database/sql"
	"strconv"

	"github.com/caili/caili/internal/caili"
)

// ImportExecution records an import and its rows, with its audit entry
// and the stage 执行 it begins, in one transaction.
func (s *Store) ImportExecution(ctx context.Context, who caili.Actor, imp caili.NewExecutionImport) (*caili.ExecutionImport, error) {
	out := &caili.ExecutionImport{Plan: imp.Plan, Year: imp.Year, File: imp.File, Hash: imp.Hash, Rows: len(imp.Rows), By: who.ID}
	at := now()
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(n), 0) + 1 FROM execution_imports WHERE plan = ? AND year = ?`,
			imp.Plan, imp.Year).Scan(&out.N); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO execution_imports (plan, year, n, file, hash, rows, at, by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			imp.Plan, imp.Year, out.N, imp.File, imp.Hash, len(imp.Rows), at, who.ID); err != nil {
			return err
		}
		st, err := tx.PrepareContext(ctx, `INSERT INTO execution_rows (plan, year, n, seq, subdistrict, item, project, month, budget, spent, cumulative)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer st.Close()
		for i, r := range imp.Rows {
			if _, err := st.ExecContext(ctx, imp.Plan, imp.Year, out.N, i+1, r.Subdistrict, r.Item, r.Project, r.Month, r.Budget, r.Spent, r.Cumulative); err != nil {
				return err
			}
		}
		subject := strconv.FormatInt(imp.Year, 10) + "/" + strconv.Itoa(out.N)
		if _, err := enterStage(ctx, tx, who, imp.Plan, imp.Year, caili.StageExecute, "execution "+imp.File); err != nil {
			return err
		}
		return audit(ctx, tx, who, "execution.import", imp.Plan, subject, imp.Hash, imp.File+" · "+strconv.Itoa(len(imp.Rows)))
	})
	if err != nil {
		return nil, internal("import execution", err)
	}
	out.At = parseTime(at)
	return out, nil
}

// ExecutionImports lists a plan's imports of a year, oldest first.
func (s *Store) ExecutionImports(ctx context.Context, plan string, year int64) ([]caili.ExecutionImport, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT n, file, hash, rows, at, by FROM execution_imports WHERE plan = ? AND year = ? ORDER BY n`, plan, year)
	if err != nil {
		return nil, internal("list execution imports", err)
	}
	defer rows.Close()
	var out []caili.ExecutionImport
	for rows.Next() {
		im := caili.ExecutionImport{Plan: plan, Year: year}
		var at string
		if err := rows.Scan(&im.N, &im.File, &im.Hash, &im.Rows, &at, &im.By); err != nil {
			return nil, internal("list execution imports", err)
		}
		im.At = parseTime(at)
		out = append(out, im)
	}
	if err := rows.Err(); err != nil {
		return nil, internal("list execution imports", err)
	}
	return out, nil
}

// ExecutionRows returns the rows in force of a plan's year: per 街道,
// item and month, the latest import's.
func (s *Store) ExecutionRows(ctx context.Context, plan string, year int64) ([]caili.ExecutionRow, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT r.n, r.subdistrict, r.item, r.project, r.month, r.budget, r.spent, r.cumulative
		FROM execution_rows r
		WHERE r.plan = ? AND r.year = ? AND r.n = (SELECT MAX(x.n) FROM execution_rows x
			WHERE x.plan = r.plan AND x.year = r.year AND x.subdistrict = r.subdistrict AND x.item = r.item AND x.month = r.month)
		ORDER BY r.n, r.seq`, plan, year)
	if err != nil {
		return nil, internal("read execution", err)
	}
	defer rows.Close()
	var out []caili.ExecutionRow
	for rows.Next() {
		var r caili.ExecutionRow
		if err := rows.Scan(&r.Import, &r.Subdistrict, &r.Item, &r.Project, &r.Month, &r.Budget, &r.Spent, &r.Cumulative); err != nil {
			return nil, internal("read execution", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, internal("read execution", err)
	}
	return out, nil
}
