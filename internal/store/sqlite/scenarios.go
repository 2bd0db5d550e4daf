package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"strconv"

	"github.com/caili/caili/internal/caili"
)

// Scenario returns a saved scenario.
func (s *Store) Scenario(ctx context.Context, plan, name string) (*caili.StoredScenario, error) {
	sc := caili.StoredScenario{Plan: plan, Name: name}
	var mod string
	err := s.db.QueryRowContext(ctx, `SELECT data, hash, modified FROM scenarios WHERE plan = ? AND name = ?`,
		plan, name).Scan(&sc.Data, &sc.Hash, &mod)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, caili.E("sqlite.Scenario", caili.KindNotFound, caili.TextNoScenario, plan, name)
	}
	if err != nil {
		return nil, internal("read scenario", err)
	}
	sc.Modified = parseTime(mod)
	return &sc, nil
}

// Scenarios lists a plan's saved scenarios by name.
func (s *Store) Scenarios(ctx context.Context, plan string) ([]caili.StoredScenario, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT name, data, hash, modified FROM scenarios WHERE plan = ? ORDER BY name`, plan)
	if err != nil {
		return nil, internal("list scenarios", err)
	}
	defer rows.Close()
	var out []caili.StoredScenario
	for rows.Next() {
		sc := caili.StoredScenario{Plan: plan}
		var mod string
		if err := rows.Scan(&sc.Name, &sc.Data, &sc.Hash, &mod); err != nil {
			return nil, internal("list scenarios", err)
		}
		sc.Modified = parseTime(mod)
		out = append(out, sc)
	}
	if err := rows.Err(); err != nil {
		return nil, internal("list scenarios", err)
	}
	return out, nil
}

// PutScenario saves a scenario, replacing one of the same name.
func (s *Store) PutScenario(ctx context.Context, who caili.Actor, sc caili.StoredScenario) (created bool, err error) {
	err = s.write(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM scenarios WHERE plan = ? AND name = ?`, sc.Plan, sc.Name).Scan(&n); err != nil {
			return err
		}
		created = n == 0
		if _, err := tx.ExecContext(ctx, `INSERT INTO scenarios (plan, name, data, hash, modified) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (plan, name) DO UPDATE SET data = excluded.data, hash = excluded.hash, modified = excluded.modified`,
			sc.Plan, sc.Name, sc.Data, sc.Hash, now()); err != nil {
			return err
		}
		return audit(ctx, tx, who, "scenario.put", sc.Plan, sc.Name, sc.Hash, "")
	})
	if err != nil {
		return false, internal("save scenario", err)
	}
	return created, nil
}

// DeleteScenario removes a saved scenario.
func (s *Store) DeleteScenario(ctx context.Context, who caili.Actor, plan, name string) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		var hash string
		err := tx.QueryRowContext(ctx, `DELETE FROM scenarios WHERE plan = ? AND name = ? RETURNING hash`, plan, name).Scan(&hash)
		if errors.Is(err, sql.ErrNoRows) {
			return caili.E("sqlite.DeleteScenario", caili.KindNotFound, caili.TextNoScenario, plan, name)
		}
		if err != nil {
			return err
		}
		return audit(ctx, tx, who, "scenario.delete", plan, name, hash, "")
	})
	if err != nil {
		return internal("delete scenario", err)
	}
	return nil
}

// metaScenariosImported marks that the scenario files of the data folder
// were imported.
const metaScenariosImported = "scenarios_imported"

// ImportScenarios saves the scenario files once; records already there
// are kept.
func (s *Store) ImportScenarios(ctx context.Context, who caili.Actor, scs []caili.StoredScenario) (n int, done bool, err error) {
	err = s.write(ctx, func(tx *sql.Tx) error {
		var seen int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM meta WHERE key = ?`, metaScenariosImported).Scan(&seen); err != nil {
			return err
		}
		if seen > 0 {
			return nil
		}
		done = true
		for _, sc := range scs {
			r, err := tx.ExecContext(ctx, `INSERT INTO scenarios (plan, name, data, hash, modified) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (plan, name) DO NOTHING`, sc.Plan, sc.Name, sc.Data, sc.Hash, sc.Modified.UTC().Format(timeFormat))
			if err != nil {
				return err
			}
			if k, _ := r.RowsAffected(); k > 0 {
				n++
				if err := audit(ctx, tx, who, "scenario.import", sc.Plan, sc.Name, sc.Hash, "imported from scenarios/"+sc.Plan+"/"+sc.Name+".toml"); err != nil {
					return err
				}
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?)`, metaScenariosImported, now()); err != nil {
			return err
		}
		return audit(ctx, tx, who, "scenario.import-done", "", "", "", strconv.Itoa(n)+" scenario file(s) imported")
	})
	if err != nil {
		return 0, false, internal("import scenarios", err)
	}
	return n, done, nil
}
