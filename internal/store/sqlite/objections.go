package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"

	"github.com/caili/caili/internal/caili"
)

const objectionCols = `plan, n, version, subdistrict, note, corrections, hash, filed_at, filed_by, status,
	resolved_at, resolved_by, reason, new_version`

func scanObjection(r scanner) (*caili.Objection, error) {
	var o caili.Objection
	var cs, filed string
	var resolved sql.NullString
	var nv sql.NullInt64
	if err := r.Scan(&o.Plan, &o.N, &o.Version, &o.Subdistrict, &o.Note, &cs, &o.Hash, &filed, &o.FiledBy, &o.Status,
		&resolved, &o.ResolvedBy, &o.Reason, &nv); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(cs), &o.Corrections); err != nil {
		return nil, err
	}
	o.FiledAt, o.ResolvedAt, o.NewVersion = parseTime(filed), parseTimePtr(resolved), int(nv.Int64)
	return &o, nil
}

func noObjection(plan string, n int) error {
	return caili.E("sqlite.noObjection", caili.KindNotFound, caili.TextNoObjection, plan, n)
}

// FileObjection records a pending objection against a published version.
func (s *Store) FileObjection(ctx context.Context, who caili.Actor, no caili.NewObjection) (*caili.Objection, error) {
	var o *caili.Objection
	err := s.write(ctx, func(tx *sql.Tx) error {
		v, err := scanVersion(tx.QueryRowContext(ctx, `SELECT `+versionCols+` FROM versions WHERE plan = ? AND n = ?`, no.Plan, no.Version))
		if errors.Is(err, sql.ErrNoRows) {
			return noVersion(no.Plan, no.Version)
		}
		if err != nil {
			return err
		}
		if v.Status != caili.StatusPublished {
			return caili.E("sqlite.FileObjection", caili.KindConflict, caili.TextObjectionNotPublished, no.Version, caili.StatusWords(v.Status))
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(n), 0) + 1 FROM objections WHERE plan = ?`, no.Plan).Scan(&n); err != nil {
			return err
		}
		cs, err := json.Marshal(no.Corrections)
		if err != nil {
			return err
		}
		at := now()
		if _, err := tx.ExecContext(ctx, `INSERT INTO objections (plan, n, version, subdistrict, note, corrections, hash, filed_at, filed_by, status)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, no.Plan, n, no.Version, no.Subdistrict, no.Note, string(cs), no.Hash, at, who.ID,
			caili.ObjectionPending); err != nil {
			return err
		}
		o = &caili.Objection{Plan: no.Plan, N: n, Version: no.Version, Subdistrict: no.Subdistrict, Note: no.Note,
			Corrections: no.Corrections, Hash: no.Hash, FiledAt: parseTime(at), FiledBy: who.ID, Status: caili.ObjectionPending}
		return audit(ctx, tx, who, "objection.file", no.Plan, strconv.Itoa(n), no.Hash,
			"version "+strconv.Itoa(no.Version)+" subdistrict "+no.Subdistrict)
	})
	if err != nil {
		return nil, internal("file objection", err)
	}
	return o, nil
}

// Objections lists a plan's objections, oldest first.
func (s *Store) Objections(ctx context.Context, plan string) ([]caili.Objection, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+objectionCols+` FROM objections WHERE plan = ? ORDER BY n`, plan)
	if err != nil {
		return nil, internal("list objections", err)
	}
	defer rows.Close()
	var out []caili.Objection
	for rows.Next() {
		o, err := scanObjection(rows)
		if err != nil {
			return nil, internal("list objections", err)
		}
		out = append(out, *o)
	}
	if err := rows.Err(); err != nil {
		return nil, internal("list objections", err)
	}
	return out, nil
}

// Objection returns one objection.
func (s *Store) Objection(ctx context.Context, plan string, n int) (*caili.Objection, error) {
	o, err := scanObjection(s.db.QueryRowContext(ctx, `SELECT `+objectionCols+` FROM objections WHERE plan = ? AND n = ?`, plan, n))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, noObjection(plan, n)
	}
	if err != nil {
		return nil, internal("read objection", err)
	}
	return o, nil
}

// pending reads an objection inside tx and refuses one already decided.
func pending(ctx context.Context, tx *sql.Tx, plan string, n int) (*caili.Objection, error) {
	o, err := scanObjection(tx.QueryRowContext(ctx, `SELECT `+objectionCols+` FROM objections WHERE plan = ? AND n = ?`, plan, n))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, noObjection(plan, n)
	}
	if err != nil {
		return nil, err
	}
	if o.Status != caili.ObjectionPending {
		return nil, caili.E("sqlite.pending", caili.KindConflict, caili.TextObjectionAlready, n, o.StatusWords())
	}
	return o, nil
}

// AcceptObjection saves the corrected version as a draft and marks the
// objection accepted with it.
func (s *Store) AcceptObjection(ctx context.Context, who caili.Actor, plan string, n int, nv caili.NewVersion) (*caili.Objection, *caili.VersionRecord, error) {
	var o *caili.Objection
	var rec *caili.VersionRecord
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		if o, err = pending(ctx, tx, plan, n); err != nil {
			return err
		}
		if rec, _, err = saveVersion(ctx, tx, who, nv); err != nil {
			return err
		}
		at := now()
		if _, err := tx.ExecContext(ctx, `UPDATE objections SET status = ?, resolved_at = ?, resolved_by = ?, new_version = ?
			WHERE plan = ? AND n = ?`, caili.ObjectionAccepted, at, who.ID, rec.N, plan, n); err != nil {
			return err
		}
		o.Status, o.ResolvedAt, o.ResolvedBy, o.NewVersion = caili.ObjectionAccepted, parseTimePtr(sql.NullString{String: at, Valid: true}), who.ID, rec.N
		return audit(ctx, tx, who, "objection.accept", plan, strconv.Itoa(n), rec.Hash, "version "+strconv.Itoa(rec.N))
	})
	if err != nil {
		return nil, nil, internal("accept objection", err)
	}
	return o, rec, nil
}

// CorrectedObjection marks a pending objection corrected in the data by
// hand, with the planner's note (kept as its reason).
func (s *Store) CorrectedObjection(ctx context.Context, who caili.Actor, plan string, n int, note string) (*caili.Objection, error) {
	return s.decide(ctx, who, plan, n, caili.ObjectionCorrected, "objection.corrected", note)
}

// RejectObjection marks a pending objection rejected with a reason.
func (s *Store) RejectObjection(ctx context.Context, who caili.Actor, plan string, n int, reason string) (*caili.Objection, error) {
	return s.decide(ctx, who, plan, n, caili.ObjectionRejected, "objection.reject", reason)
}

// decide marks a pending objection status (rejected, corrected) with the
// reason, and audits it as action, in one transaction.
func (s *Store) decide(ctx context.Context, who caili.Actor, plan string, n int, status, action, reason string) (*caili.Objection, error) {
	var o *caili.Objection
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		if o, err = pending(ctx, tx, plan, n); err != nil {
			return err
		}
		at := now()
		if _, err := tx.ExecContext(ctx, `UPDATE objections SET status = ?, resolved_at = ?, resolved_by = ?, reason = ?
			WHERE plan = ? AND n = ?`, status, at, who.ID, reason, plan, n); err != nil {
			return err
		}
		o.Status, o.ResolvedAt, o.ResolvedBy, o.Reason = status, parseTimePtr(sql.NullString{String: at, Valid: true}), who.ID, reason
		return audit(ctx, tx, who, action, plan, strconv.Itoa(n), o.Hash, reason)
	})
	if err != nil {
		return nil, internal(action, err)
	}
	return o, nil
}
