package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"

	"github.com/caili/caili/internal/caili"
)

// Kinds of publication (docs/year.md): 控制数, 批复 and 调整 are versions
// published as Publish publishes them, with a kind, a 文号 and a date. A
// year has one 控制数 and one 批复, the 批复 after the 控制数; an 调整
// follows the 批复. A 批复 may be of the version the 控制数 published (its
// result is then already frozen) and carries the accepted breakdowns.

// PublishKind publishes a version as a kind, in one transaction.
func (s *Store) PublishKind(ctx context.Context, who caili.Actor, kp caili.NewKindPublication) (*caili.KindPublication, error) {
	var out *caili.KindPublication
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := kindAllowed(ctx, tx, kp); err != nil {
			return err
		}
		if kp.Pub != nil {
			if _, err := publishIn(ctx, tx, who, *kp.Pub); err != nil {
				return err
			}
		} else if err := publishedWith(ctx, tx, kp); err != nil {
			return err
		}
		for _, n := range kp.Breakdowns {
			var st string
			err := tx.QueryRowContext(ctx, `SELECT status FROM submissions WHERE plan = ? AND kind = 'breakdown' AND n = ?`, kp.Plan, n).Scan(&st)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			if st != caili.SubAccepted {
				return caili.E("sqlite.PublishKind", caili.KindConflict, caili.TextBreakdownPending, n)
			}
		}
		at := now()
		res, err := tx.ExecContext(ctx, `INSERT INTO kind_publications (plan, n, year, kind, wenhao, issued_on, reason, result_hash,
			breakdowns, published_at, published_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, kp.Plan, kp.N, kp.Year, kp.Kind, kp.Wenhao,
			kp.IssuedOn, kp.Reason, kp.ResultHash, jsonOr(kp.Breakdowns, "[]"), at, who.ID)
		if err != nil {
			return err
		}
		seq, _ := res.LastInsertId()
		out = &caili.KindPublication{Seq: seq, Plan: kp.Plan, N: kp.N, Year: kp.Year, Kind: kp.Kind, Wenhao: kp.Wenhao,
			IssuedOn: kp.IssuedOn, Reason: kp.Reason, ResultHash: kp.ResultHash, Breakdowns: kp.Breakdowns,
			PublishedAt: parseTime(at), PublishedBy: who.ID}
		stage := map[string]caili.Stage{caili.KindControl: caili.StageControl, caili.KindApproval: caili.StageApproved,
			caili.KindAdjust: caili.StageAdjust}[kp.Kind]
		if _, err := enterStage(ctx, tx, who, kp.Plan, kp.Year, stage, kp.Kind+" "+kp.Wenhao); err != nil {
			return err
		}
		return audit(ctx, tx, who, "year.publish."+kp.Kind, kp.Plan, strconv.Itoa(kp.N), kp.ResultHash,
			"wenhao "+kp.Wenhao+"; date "+kp.IssuedOn+"; reason "+kp.Reason+"; breakdowns "+jsonOr(kp.Breakdowns, "[]"))
	})
	if err != nil {
		return nil, internal("publish as a kind", err)
	}
	return out, nil
}

// kindAllowed checks the order of a year's kinds of publication: one
// 控制数 and one 批复 a year, a 批复 after a 控制数, an 调整 after a 批复.
func kindAllowed(ctx context.Context, tx *sql.Tx, kp caili.NewKindPublication) error {
	count := func(kind string) (int, int, error) {
		var c, n int
		err := tx.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(MAX(n), 0) FROM kind_publications WHERE plan = ? AND year = ? AND kind = ?`,
			kp.Plan, kp.Year, kind).Scan(&c, &n)
		return c, n, err
	}
	if kp.Kind == caili.KindControl || kp.Kind == caili.KindApproval {
		c, n, err := count(kp.Kind)
		if err != nil {
			return err
		}
		if c > 0 {
			return caili.E("sqlite.PublishKind", caili.KindConflict, caili.TextKindTwice, caili.PubKindWords(kp.Kind), kp.Year, n)
		}
	}
	before := map[string]string{caili.KindApproval: caili.KindControl, caili.KindAdjust: caili.KindApproval}[kp.Kind]
	if before == "" {
		return nil
	}
	c, _, err := count(before)
	if err != nil {
		return err
	}
	if c == 0 {
		return caili.E("sqlite.PublishKind", caili.KindConflict, caili.TextKindOrder, caili.PubKindWords(kp.Kind), caili.PubKindWords(before))
	}
	return nil
}

// publishedWith checks that the version is published with the result
// the kind names.
func publishedWith(ctx context.Context, tx *sql.Tx, kp caili.NewKindPublication) error {
	v, err := versionIn(ctx, tx, kp.Plan, kp.N)
	if err != nil {
		return err
	}
	var hash string
	err = tx.QueryRowContext(ctx, `SELECT result_hash FROM publications WHERE plan = ? AND n = ?`, kp.Plan, kp.N).Scan(&hash)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if v.Status != caili.StatusPublished || hash != kp.ResultHash {
		return caili.E("sqlite.PublishKind", caili.KindConflict, caili.TextKindNotPublished, kp.N, caili.StatusWords(v.Status))
	}
	return nil
}

// KindPublications lists a plan's kind publications, oldest first.
func (s *Store) KindPublications(ctx context.Context, plan string) ([]caili.KindPublication, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT seq, n, year, kind, wenhao, issued_on, reason, result_hash, breakdowns,
		published_at, published_by FROM kind_publications WHERE plan = ? ORDER BY seq`, plan)
	if err != nil {
		return nil, internal("read publications", err)
	}
	defer rows.Close()
	var out []caili.KindPublication
	for rows.Next() {
		k := caili.KindPublication{Plan: plan}
		var bs, at string
		if err := rows.Scan(&k.Seq, &k.N, &k.Year, &k.Kind, &k.Wenhao, &k.IssuedOn, &k.Reason, &k.ResultHash, &bs, &at,
			&k.PublishedBy); err != nil {
			return nil, internal("read publications", err)
		}
		if err := json.Unmarshal([]byte(bs), &k.Breakdowns); err != nil {
			return nil, internal("read publications", err)
		}
		k.PublishedAt = parseTime(at)
		out = append(out, k)
	}
	if err := rows.Err(); err != nil {
		return nil, internal("read publications", err)
	}
	return out, nil
}

// NoteNextYear appends the audit entry year.next: next year's plan of a
// plan's year written.
func (s *Store) NoteNextYear(ctx context.Context, who caili.Actor, plan string, year int64, file, hash string) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		return audit(ctx, tx, who, "year.next", plan, strconv.FormatInt(year, 10)+" → "+strconv.FormatInt(year+1, 10), hash, file)
	})
	if err != nil {
		return internal("note next year", err)
	}
	return nil
}
