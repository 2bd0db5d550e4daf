package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/caili/caili/internal/caili"
)

// The budget year's record (docs/year.md): the stages a plan's year has
// entered and the 街道's submitted files, 一上 data and 二上 breakdowns.
// Each write records its audit entry and the stage it begins in the
// same transaction.

// subKind is a submission's kind as stored.
func subKind(breakdown bool) string {
	if breakdown {
		return "breakdown"
	}
	return "data"
}

// EnterStage records that a stage of a plan's year began, once.
func (s *Store) EnterStage(ctx context.Context, who caili.Actor, r caili.StageRecord) (created bool, err error) {
	err = s.write(ctx, func(tx *sql.Tx) error {
		created, err = enterStage(ctx, tx, who, r.Plan, r.Year, r.Stage, r.What)
		return err
	})
	if err != nil {
		return false, internal("enter stage", err)
	}
	return created, nil
}

// enterStage is EnterStage inside tx.
func enterStage(ctx context.Context, tx *sql.Tx, who caili.Actor, plan string, year int64, st caili.Stage, what string) (bool, error) {
	res, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO year_stages (plan, year, stage, at, by, what) VALUES (?, ?, ?, ?, ?, ?)`,
		plan, year, string(st), now(), who.ID, what)
	if err != nil {
		return false, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return false, nil
	}
	return true, audit(ctx, tx, who, "year.stage", plan, strconv.FormatInt(year, 10)+" "+string(st), "", what)
}

// YearStages lists the stages a plan's year has entered, in the order
// of the year.
func (s *Store) YearStages(ctx context.Context, plan string, year int64) ([]caili.StageRecord, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT stage, at, by, what FROM year_stages WHERE plan = ? AND year = ?`, plan, year)
	if err != nil {
		return nil, internal("read stages", err)
	}
	defer rows.Close()
	got := map[caili.Stage]caili.StageRecord{}
	for rows.Next() {
		r := caili.StageRecord{Plan: plan, Year: year}
		var st, at string
		if err := rows.Scan(&st, &at, &r.By, &r.What); err != nil {
			return nil, internal("read stages", err)
		}
		r.Stage, r.At = caili.Stage(st), parseTime(at)
		got[r.Stage] = r
	}
	if err := rows.Err(); err != nil {
		return nil, internal("read stages", err)
	}
	var out []caili.StageRecord
	for _, st := range caili.Stages {
		if r, ok := got[st]; ok {
			out = append(out, r)
		}
	}
	return out, nil
}

const submissionCols = `n, year, version, subdistrict, file_name, hash, status, problems, changes, lines, total,
	filed_at, filed_by, decided_at, decided_by, reason, new_version`

func scanSubmission(r scanner, plan string, data *[]byte) (*caili.Submission, error) {
	sb := caili.Submission{Plan: plan}
	var problems, changes, lines, filed string
	var decided sql.NullString
	var nv sql.NullInt64
	dest := []any{&sb.N, &sb.Year, &sb.Version, &sb.Subdistrict, &sb.FileName, &sb.Hash, &sb.Status, &problems, &changes, &lines,
		&sb.Total, &filed, &sb.FiledBy, &decided, &sb.DecidedBy, &sb.Reason, &nv}
	if data != nil {
		dest = append(dest, data)
	}
	if err := r.Scan(dest...); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(problems), &sb.Problems); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(changes), &sb.Changes); err != nil {
		return nil, err
	}
	sb.Lines = []byte(lines)
	sb.FiledAt, sb.DecidedAt, sb.NewVersion = parseTime(filed), parseTimePtr(decided), int(nv.Int64)
	return &sb, nil
}

// Submit records a 街道's file; its earlier submissions of the kind and
// year that still wait are replaced by it.
func (s *Store) Submit(ctx context.Context, who caili.Actor, breakdown bool, ns caili.NewSubmission) (*caili.Submission, error) {
	var out *caili.Submission
	err := s.write(ctx, func(tx *sql.Tx) error {
		if _, err := versionIn(ctx, tx, ns.Plan, ns.Version); err != nil {
			return err
		}
		kind := subKind(breakdown)
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(n), 0) + 1 FROM submissions WHERE plan = ? AND kind = ?`,
			ns.Plan, kind).Scan(&n); err != nil {
			return err
		}
		status := caili.SubSubmitted
		if len(ns.Problems) > 0 {
			status = caili.SubProblems
		} else if _, err := tx.ExecContext(ctx, `UPDATE submissions SET status = ?, decided_at = ?, decided_by = ?, reason = ?
			WHERE plan = ? AND kind = ? AND year = ? AND subdistrict = ? AND status = ?`, caili.SubReplaced, now(), who.ID,
			"#"+strconv.Itoa(n), ns.Plan, kind, ns.Year, ns.Subdistrict, caili.SubSubmitted); err != nil {
			return err
		}
		problems, changes, lines := jsonOr(ns.Problems, "[]"), jsonOr(ns.Changes, "{}"), string(ns.Lines)
		if lines == "" {
			lines = "[]"
		}
		at := now()
		if _, err := tx.ExecContext(ctx, `INSERT INTO submissions (plan, kind, n, year, version, subdistrict, file_name, data, hash,
			problems, changes, lines, total, filed_at, filed_by, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			ns.Plan, kind, n, ns.Year, ns.Version, ns.Subdistrict, ns.FileName, ns.Data, ns.Hash, problems, changes, lines,
			ns.Total, at, who.ID, status); err != nil {
			return err
		}
		out = &caili.Submission{Plan: ns.Plan, N: n, Year: ns.Year, Version: ns.Version, Subdistrict: ns.Subdistrict,
			FileName: ns.FileName, Hash: ns.Hash, Status: status, Problems: ns.Problems, Changes: ns.Changes, Lines: []byte(lines),
			Total: ns.Total, FiledAt: parseTime(at), FiledBy: who.ID}
		stage := caili.StageCollect
		if breakdown {
			stage = caili.StageBreakdown
		}
		if _, err := enterStage(ctx, tx, who, ns.Plan, ns.Year, stage, kind+" "+strconv.Itoa(n)+" "+ns.Subdistrict); err != nil {
			return err
		}
		return audit(ctx, tx, who, "year.submit."+kind, ns.Plan, strconv.Itoa(n), ns.Hash,
			fmt.Sprintf("subdistrict %s version %d status %s problems %d", ns.Subdistrict, ns.Version, status, len(ns.Problems)))
	})
	if err != nil {
		return nil, internal("submit", err)
	}
	return out, nil
}

// jsonOr is v as JSON, or empty when v is empty.
func jsonOr(v any, empty string) string {
	b, err := json.Marshal(v)
	if err != nil || string(b) == "null" {
		return empty
	}
	return string(b)
}

// Submissions lists a plan's submissions of a kind and year.
func (s *Store) Submissions(ctx context.Context, plan string, year int64, breakdown bool) ([]caili.Submission, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+submissionCols+` FROM submissions WHERE plan = ? AND kind = ? AND year = ? ORDER BY n`,
		plan, subKind(breakdown), year)
	if err != nil {
		return nil, internal("read submissions", err)
	}
	defer rows.Close()
	var out []caili.Submission
	for rows.Next() {
		sb, err := scanSubmission(rows, plan, nil)
		if err != nil {
			return nil, internal("read submissions", err)
		}
		out = append(out, *sb)
	}
	if err := rows.Err(); err != nil {
		return nil, internal("read submissions", err)
	}
	return out, nil
}

// Submission returns one submission with its bytes.
func (s *Store) Submission(ctx context.Context, plan string, breakdown bool, n int) (*caili.Submission, error) {
	var data []byte
	sb, err := scanSubmission(s.db.QueryRowContext(ctx, `SELECT `+submissionCols+`, data FROM submissions WHERE plan = ? AND kind = ? AND n = ?`,
		plan, subKind(breakdown), n), plan, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, caili.E("sqlite.Submission", caili.KindNotFound, caili.TextNoSubmission, plan, n)
	}
	if err != nil {
		return nil, internal("read submission", err)
	}
	sb.Data = data
	return sb, nil
}

// submitted checks inside tx that submission n is waiting for a decision.
func submitted(ctx context.Context, tx *sql.Tx, plan, kind string, n int) error {
	var st string
	err := tx.QueryRowContext(ctx, `SELECT status FROM submissions WHERE plan = ? AND kind = ? AND n = ?`, plan, kind, n).Scan(&st)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return caili.E("sqlite.submitted", caili.KindNotFound, caili.TextNoSubmission, plan, n)
	case err != nil:
		return err
	case st != caili.SubSubmitted:
		return caili.E("sqlite.submitted", caili.KindConflict, caili.TextSubmissionDecided, n, caili.SubStatusWords(st))
	}
	return nil
}

// AcceptSubmissions saves v as a new draft and marks the data files ns
// accepted with it, in one transaction.
func (s *Store) AcceptSubmissions(ctx context.Context, who caili.Actor, plan string, ns []int, v caili.NewVersion) (*caili.VersionRecord, error) {
	var rec *caili.VersionRecord
	err := s.write(ctx, func(tx *sql.Tx) error {
		for _, n := range ns {
			if err := submitted(ctx, tx, plan, "data", n); err != nil {
				return err
			}
		}
		var err error
		if rec, _, err = saveVersion(ctx, tx, who, v); err != nil {
			return err
		}
		at := now()
		list := make([]string, len(ns))
		for i, n := range ns {
			if _, err := tx.ExecContext(ctx, `UPDATE submissions SET status = ?, decided_at = ?, decided_by = ?, new_version = ?
				WHERE plan = ? AND kind = 'data' AND n = ?`, caili.SubAccepted, at, who.ID, rec.N, plan, n); err != nil {
				return err
			}
			list[i] = strconv.Itoa(n)
		}
		return audit(ctx, tx, who, "year.accept.data", plan, strings.Join(list, ","), rec.Hash, "version "+strconv.Itoa(rec.N))
	})
	if err != nil {
		return nil, internal("accept submissions", err)
	}
	return rec, nil
}

// DecideBreakdown accepts or returns a submitted breakdown.
func (s *Store) DecideBreakdown(ctx context.Context, who caili.Actor, plan string, n int, accept bool, reason string) (*caili.Submission, error) {
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := submitted(ctx, tx, plan, "breakdown", n); err != nil {
			return err
		}
		st, action := caili.SubReturned, "year.return.breakdown"
		if accept {
			st, action = caili.SubAccepted, "year.accept.breakdown"
		}
		if _, err := tx.ExecContext(ctx, `UPDATE submissions SET status = ?, decided_at = ?, decided_by = ?, reason = ?
			WHERE plan = ? AND kind = 'breakdown' AND n = ?`, st, now(), who.ID, reason, plan, n); err != nil {
			return err
		}
		return audit(ctx, tx, who, action, plan, strconv.Itoa(n), "", reason)
	})
	if err != nil {
		return nil, internal("decide breakdown", err)
	}
	return s.Submission(ctx, plan, true, n)
}
