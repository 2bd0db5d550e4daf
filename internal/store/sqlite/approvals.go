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

// Approval and publication (docs/records.md): an approval records the
// result it approved and the publications its baselines read; a
// publication must freeze that same result, and a version older than
// the plan's current publication is published only with a reason.

// versionIn reads version n of plan inside tx (KindNotFound when none).
func versionIn(ctx context.Context, tx *sql.Tx, plan string, n int) (*caili.VersionRecord, error) {
	v, err := scanVersion(tx.QueryRowContext(ctx, `SELECT `+versionCols+` FROM versions WHERE plan = ? AND n = ?`, plan, n))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, noVersion(plan, n)
	}
	return v, err
}

// Approve marks a draft approved and records what it pinned.
func (s *Store) Approve(ctx context.Context, who caili.Actor, a caili.NewApproval) (*caili.VersionRecord, error) {
	var rec *caili.VersionRecord
	err := s.write(ctx, func(tx *sql.Tx) error {
		v, err := versionIn(ctx, tx, a.Plan, a.N)
		if err != nil {
			return err
		}
		if v.Status != caili.StatusDraft {
			return caili.E("sqlite.Approve", caili.KindConflict, caili.TextApproveNotDraft, a.N, caili.StatusWords(v.Status))
		}
		pins, err := json.Marshal(baselinesOrEmpty(a.Baselines))
		if err != nil {
			return err
		}
		totals, err := json.Marshal(totalsOrEmpty(a.Totals))
		if err != nil {
			return err
		}
		at := now()
		// The result is not kept again (the publication keeps it): its
		// hash and totals stand for it (migration 0008).
		if _, err := tx.ExecContext(ctx, `INSERT INTO approvals (plan, n, approved_at, approved_by, result, result_hash, baselines, totals)
			VALUES (?, ?, ?, ?, x'', ?, ?, ?)`, a.Plan, a.N, at, who.ID, a.ResultHash, string(pins), string(totals)); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE versions SET status = ?, approved_at = ?, approved_by = ? WHERE plan = ? AND n = ?`,
			caili.StatusApproved, at, who.ID, a.Plan, a.N); err != nil {
			return err
		}
		v.Status, v.ApprovedAt, v.ApprovedBy = caili.StatusApproved, parseTimePtr(sql.NullString{String: at, Valid: true}), who.ID
		rec = v
		return audit(ctx, tx, who, "version.approve", a.Plan, strconv.Itoa(a.N), v.Hash,
			approvalDetail(a.ResultHash, a.Baselines, a.SingleUser))
	})
	if err != nil {
		return nil, internal("approve version", err)
	}
	return rec, nil
}

func baselinesOrEmpty(b []caili.Baseline) []caili.Baseline {
	if b == nil {
		return []caili.Baseline{}
	}
	return b
}

func totalsOrEmpty(t []caili.SubdistrictTotal) []caili.SubdistrictTotal {
	if t == nil {
		return []caili.SubdistrictTotal{}
	}
	return t
}

// approvalDetail is the audit entry's detail of an approval: the result
// approved, the publications pinned and the waiver of four eyes.
func approvalDetail(result string, bs []caili.Baseline, single bool) string {
	parts := []string{"result " + result}
	for _, b := range bs {
		parts = append(parts, fmt.Sprintf("baseline %s:%d = version %d result %s", b.Plan, b.Year, b.N, b.ResultHash))
	}
	if single {
		parts = append(parts, singleUserDetail)
	}
	return strings.Join(parts, "; ")
}

// singleUserDetail is what the audit log says of a step that waived the
// four-eyes rule.
const singleUserDetail = "four eyes waived: single user (--single-user)"

// Approval returns the latest approval of a version.
func (s *Store) Approval(ctx context.Context, plan string, n int) (*caili.Approval, error) {
	return s.approval(ctx, "sqlite.Approval", plan, n, true)
}

// Unapprove returns an approved version to draft, saying why.
func (s *Store) Unapprove(ctx context.Context, who caili.Actor, plan string, n int, why string) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		v, err := versionIn(ctx, tx, plan, n)
		if err != nil {
			return err
		}
		if v.Status != caili.StatusApproved {
			return caili.E("sqlite.Unapprove", caili.KindConflict, caili.TextNotApproved, n, caili.StatusWords(v.Status))
		}
		if _, err := tx.ExecContext(ctx, `UPDATE versions SET status = ?, approved_at = NULL, approved_by = '' WHERE plan = ? AND n = ?`,
			caili.StatusDraft, plan, n); err != nil {
			return err
		}
		return audit(ctx, tx, who, "version.unapprove", plan, strconv.Itoa(n), v.Hash, why)
	})
	if err != nil {
		return internal("unapprove version", err)
	}
	return nil
}

// Publish freezes an approved version's result: the result its latest
// approval approved, and over the plan's current publication only when
// it is newer or np.Supersedes says why.
func (s *Store) Publish(ctx context.Context, who caili.Actor, np caili.NewPublication) (*caili.Publication, error) {
	var pub *caili.Publication
	err := s.write(ctx, func(tx *sql.Tx) (err error) {
		pub, err = publishIn(ctx, tx, who, np)
		return err
	})
	if err != nil {
		return nil, internal("publish version", err)
	}
	return pub, nil
}

// publishIn is Publish inside tx (a kind of publication publishes its
// version by it too: year_publish.go).
func publishIn(ctx context.Context, tx *sql.Tx, who caili.Actor, np caili.NewPublication) (*caili.Publication, error) {
	v, err := publishable(ctx, tx, np)
	if err != nil {
		return nil, err
	}
	at := now()
	if _, err := tx.ExecContext(ctx, `UPDATE versions SET status = ? WHERE plan = ? AND n = ?`, caili.StatusPublished, np.Plan, np.N); err != nil {
		return nil, err
	}
	// The result is kept once, as parts (publication_parts.go), written
	// as it is made when np.WriteResult writes it.
	if _, err := tx.ExecContext(ctx, `INSERT INTO publications (plan, n, published_at, published_by, result, result_hash)
		VALUES (?, ?, ?, ?, x'', ?)`, np.Plan, np.N, at, who.ID, np.ResultHash); err != nil {
		return nil, err
	}
	hash, err := storeResult(ctx, tx, np)
	if err != nil {
		return nil, err
	}
	if hash != np.ResultHash {
		return nil, caili.E("sqlite.Publish", caili.KindConflict, caili.TextApprovalChanged, np.N)
	}
	pub := &caili.Publication{Plan: np.Plan, N: np.N, VersionHash: v.Hash, PublishedAt: parseTime(at), PublishedBy: who.ID,
		Result: np.Result, ResultHash: np.ResultHash}
	detail := "version " + v.Hash
	if np.Supersedes != "" {
		detail += "; supersedes the current publication: " + np.Supersedes
	}
	if np.SingleUser {
		detail += "; " + singleUserDetail
	}
	return pub, audit(ctx, tx, who, "version.publish", np.Plan, strconv.Itoa(np.N), np.ResultHash, detail)
}

// publishable checks, inside the publishing transaction, that version
// np.N is approved with the result np freezes and is not older than the
// plan's current publication (unless np says why it supersedes it).
func publishable(ctx context.Context, tx *sql.Tx, np caili.NewPublication) (*caili.VersionRecord, error) {
	v, err := versionIn(ctx, tx, np.Plan, np.N)
	if err != nil {
		return nil, err
	}
	if v.Status != caili.StatusApproved {
		return nil, caili.E("sqlite.Publish", caili.KindConflict, caili.TextPublishNotApproved, np.N, caili.StatusWords(v.Status))
	}
	var approved string
	err = tx.QueryRowContext(ctx, `SELECT result_hash FROM approvals WHERE plan = ? AND n = ? ORDER BY seq DESC LIMIT 1`,
		np.Plan, np.N).Scan(&approved)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	if approved != np.ResultHash {
		return nil, caili.E("sqlite.Publish", caili.KindConflict, caili.TextApprovalChanged, np.N)
	}
	var cur int
	err = tx.QueryRowContext(ctx, `SELECT n FROM publications WHERE plan = ? ORDER BY seq DESC LIMIT 1`, np.Plan).Scan(&cur)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	if np.N < cur && np.Supersedes == "" {
		return nil, caili.E("sqlite.Publish", caili.KindConflict, caili.TextPublishOlder, np.N, cur)
	}
	return v, nil
}

// PublicationOf returns the publication of version n of plan.
func (s *Store) PublicationOf(ctx context.Context, plan string, n int) (*caili.Publication, error) {
	return s.withResult(ctx)(s.PublicationHeadOf(ctx, plan, n))
}

// PublicationHeadOf returns the publication of version n without its
// result (Result nil; KindNotFound when it is not published).
func (s *Store) PublicationHeadOf(ctx context.Context, plan string, n int) (*caili.Publication, error) {
	return s.publication(ctx, "sqlite.PublicationOf", `p.plan = ? AND p.n = ?`, plan, n)
}
