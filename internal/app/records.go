package app

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/standards"
)

// The governed record of a plan (docs/records.md): a planner saves the
// plan's current files as a draft version; an approver approves a draft
// and publishes an approved version, which freezes its result; each
// 街道 reads its own published statement. Every write goes through the
// store with its audit entry. Who may do what is decided here, not in
// the server.

// records returns the store, or an error when the application has none.
func (e *App) records() (caili.Store, error) {
	if e.Records == nil {
		return nil, Say(caili.KindForbidden, msg.AppNoStore)
	}
	return e.Records, nil
}

// need refuses an actor who holds none of roles.
func need(who caili.Actor, roles ...caili.Role) error {
	for _, r := range roles {
		if who.Can(r) {
			return nil
		}
	}
	return Say(caili.KindForbidden, msg.AppRoleMayNot, who.ID, who.Role)
}

// SaveVersion records the files of a plan as loaded now as a draft
// version (planner). A plan whose latest file does not load is refused;
// the same bytes as the latest version give that version back (created
// false).
func (e *App) SaveVersion(ctx context.Context, who caili.Actor, plan, note string) (*caili.VersionRecord, bool, error) {
	st, err := e.records()
	if err != nil {
		return nil, false, err
	}
	if err := need(who, caili.RolePlanner); err != nil {
		return nil, false, err
	}
	if err := checkVersionNote(note); err != nil {
		return nil, false, err
	}
	v, err := e.Plan(plan)
	if err != nil {
		return nil, false, err
	}
	if ps, ok := e.Plans.Get(plan); ok && ps.Problems != nil {
		return nil, false, withProblems(Say(caili.KindUnprocessable, msg.AppPlanNotLoadNow), ps.Problems)
	}
	return st.SaveVersion(ctx, who, caili.NewVersion{Plan: plan, Hash: v.Hash, Name: v.Name, FiscalYear: v.FiscalYear,
		Note: note, Files: v.Sources})
}

// SaveVersionOf records a plan version loaded by the caller (the command
// line, which loads plan files itself).
func SaveVersionOf(ctx context.Context, st caili.Store, who caili.Actor, v *PlanVersion, note string) (*caili.VersionRecord, bool, error) {
	if err := checkVersionNote(note); err != nil {
		return nil, false, err
	}
	return st.SaveVersion(ctx, who, caili.NewVersion{Plan: v.ID, Hash: v.Hash, Name: v.Name, FiscalYear: v.FiscalYear,
		Note: note, Files: v.Sources})
}

// Versions lists a plan's versions (planner or approver).
func (e *App) Versions(ctx context.Context, who caili.Actor, plan string) ([]caili.VersionRecord, error) {
	st, err := e.records()
	if err != nil {
		return nil, err
	}
	if err := need(who, caili.RolePlanner, caili.RoleApprover); err != nil {
		return nil, err
	}
	return st.Versions(ctx, plan)
}

// VersionView is a recorded version loaded again, with its result.
type VersionView struct {
	Record *caili.VersionRecord
	Plan   *PlanVersion
}

// PlanVersionOf loads a recorded version from its stored files (planner or
// approver).
func (e *App) PlanVersionOf(ctx context.Context, who caili.Actor, plan string, n int) (*VersionView, error) {
	st, err := e.records()
	if err != nil {
		return nil, err
	}
	if err := need(who, caili.RolePlanner, caili.RoleApprover); err != nil {
		return nil, err
	}
	return LoadVersion(ctx, st, plan, n)
}

// LoadVersion reads a version from a store and loads its plan from the
// stored bytes; bytes whose hash is not the recorded one are refused.
func LoadVersion(ctx context.Context, st caili.Store, plan string, n int) (*VersionView, error) {
	return loadVersion(ctx, st, plan, n, publishedOptions(st, plan))
}

// loadVersion is LoadVersion with the options that read its baselines.
func loadVersion(ctx context.Context, st caili.Store, plan string, n int, opts []standards.Option) (*VersionView, error) {
	rec, err := st.Version(ctx, plan, n)
	if err != nil {
		return nil, err
	}
	if len(rec.Files) == 0 {
		return nil, Internal(msg.AppVersionNoFiles, fmt.Errorf("%s v%d", plan, n))
	}
	files := map[string][]byte{}
	for _, f := range rec.Files {
		if _, ok := files[f.Name]; !ok {
			files[f.Name] = f.Data
		}
	}
	pv, _, err := loadPlan(plan, rec.Files[0].Name, func(name string) ([]byte, stamp, error) {
		b, ok := files[name]
		if !ok {
			return nil, stamp{}, fmt.Errorf("%s: %w", name, fs.ErrNotExist)
		}
		return b, stamp{size: int64(len(b)), exists: true}, nil
	}, opts...)
	if err != nil {
		// Saved only when it loaded: a newer caili's stricter checks.
		ae := Classify(err)
		if ae.Kind == caili.KindInternal {
			return nil, Internal(msg.AppVersionNotLoad, err)
		}
		return nil, Say(caili.KindUnprocessable, msg.AppVersionNoLongerLoads, plan, n).Because(err)
	}
	if pv.Hash != rec.Hash {
		return nil, Internal(msg.AppVersionHash, fmt.Errorf("%s v%d: %s ≠ %s", plan, n, pv.Hash, rec.Hash))
	}
	return &VersionView{Record: rec, Plan: pv}, nil
}

// PublishedResult returns a plan's current publication without its
// result, and a function that writes that result, byte for byte as
// published, to w without holding it whole (planner, approver or reader;
// an anonymous reader where the server lets one read published results).
func (e *App) PublishedResult(ctx context.Context, who caili.Actor, plan string) (*caili.Publication, func(w io.Writer) error, error) {
	st, err := e.records()
	if err != nil {
		return nil, nil, err
	}
	if err := need(who, caili.RolePlanner, caili.RoleApprover, caili.RoleReader); err != nil {
		return nil, nil, err
	}
	pub, err := st.PublishedHead(ctx, plan)
	if err != nil {
		return nil, nil, err
	}
	return pub, func(w io.Writer) error { return st.PublishedResult(ctx, plan, pub.N, w) }, nil
}

// PublishedStatement returns one 街道's part of a plan's latest
// publication: to planners, approvers and readers for any 街道, to a
// 街道's token for its own only. It reads the publication's list of 街道
// and that 街道's row, never the whole result (issue 25 §5); the
// publication comes back without its result.
func (e *App) PublishedStatement(ctx context.Context, who caili.Actor, plan, sd string) (*caili.Publication, *report.SubdistrictJSON, error) {
	st, err := e.records()
	if err != nil {
		return nil, nil, err
	}
	if who.Role != caili.RoleSubdistrict {
		if err := need(who, caili.RolePlanner, caili.RoleApprover, caili.RoleReader); err != nil {
			return nil, nil, err
		}
	}
	pub, subs, err := st.PublishedIndex(ctx, plan)
	if err != nil {
		return nil, nil, err
	}
	i, err := publishedSubdistrict(subs, plan, sd)
	if err != nil {
		return nil, nil, err
	}
	if who.Role == caili.RoleSubdistrict && who.Subdistrict != subs[i].ID {
		own := who.Subdistrict
		if j, err := publishedSubdistrict(subs, plan, own); err == nil {
			own = subs[j].Name
		}
		return nil, nil, Say(caili.KindForbidden, msg.AppOwnStatementOf, own, subs[i].Name)
	}
	out, err := publishedRowOf(ctx, st, plan, pub.N, subs[i].ID, msg.AppReadResult) // published_stream.go
	if err != nil {
		return nil, nil, err
	}
	return pub, out, nil
}

// publishedSubdistrict finds the 街道 a reference names (its id or its
// name) among a publication's: not found, with the nearest suggested.
func publishedSubdistrict(subs []caili.PublishedEntry, plan, ref string) (int, error) {
	es := make([]standards.Entry, len(subs))
	for i, s := range subs {
		es[i] = standards.Entry{ID: s.ID, Name: s.Name}
	}
	id, err := standards.ResolveRef(standards.TableSubdistrict, ref, es)
	if err != nil {
		return 0, standards.RefErr(plan, err)
	}
	for i := range subs {
		if subs[i].ID == id {
			return i, nil
		}
	}
	return 0, Say(caili.KindNotFound, msg.AppPublishedNoSub, plan, msg.Clip(ref))
}

// Audit returns the audit log, newest first (approver).
func (e *App) Audit(ctx context.Context, who caili.Actor, limit int) ([]caili.AuditEntry, error) {
	st, err := e.records()
	if err != nil {
		return nil, err
	}
	if err := need(who, caili.RoleApprover); err != nil {
		return nil, err
	}
	return st.Audit(ctx, limit)
}

// Authenticate finds the actor of a token secret in the store; an
// unknown or revoked token is unauthorized.
func (e *App) Authenticate(ctx context.Context, secret string) (caili.Actor, error) {
	if e.Records == nil {
		return caili.Actor{}, Say(caili.KindUnauthorized, msg.AppWrongToken)
	}
	t, err := e.Records.TokenByHash(ctx, TokenHash(secret))
	if err != nil {
		if ae := Classify(err); ae.Kind == caili.KindNotFound {
			return caili.Actor{}, Say(caili.KindUnauthorized, msg.AppRevokedToken)
		}
		return caili.Actor{}, err
	}
	return caili.Actor{ID: t.ID, Role: t.Role, Subdistrict: t.Subdistrict}, nil
}

// HasTokens reports whether the store has a token that is not revoked.
func (e *App) HasTokens(ctx context.Context) (bool, error) {
	if e.Records == nil {
		return false, nil
	}
	ts, err := e.Records.Tokens(ctx)
	if err != nil {
		return false, err
	}
	for _, t := range ts {
		if t.RevokedAt == nil {
			return true, nil
		}
	}
	return false, nil
}

// TokenHash is the hex SHA-256 of a token secret, as tokens are stored.
func TokenHash(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// CreateToken makes a token of a role (a 街道 token names its
// sub-district) and records its hash; the secret is returned once and
// never kept.
func CreateToken(ctx context.Context, st caili.Store, who caili.Actor, role caili.Role, sd, note string) (secret string, rec *caili.TokenRecord, err error) {
	if !caili.ValidRole(role) {
		return "", nil, Say(caili.KindBadRequest, msg.AppBadRole, msg.Clip(string(role)))
	}
	if (role == caili.RoleSubdistrict) != (sd != "") {
		return "", nil, Say(caili.KindBadRequest, msg.AppTokenSubdistrict)
	}
	if sd != "" && !ValidName(sd) {
		return "", nil, Say(caili.KindBadRequest, msg.AppSubdistrictID, msg.Clip(sd), NameRE)
	}
	var raw [32]byte
	var id [5]byte
	rand.Read(raw[:])
	rand.Read(id[:])
	secret = "caili_" + hex.EncodeToString(raw[:])
	rec = &caili.TokenRecord{ID: "t" + hex.EncodeToString(id[:]), Hash: TokenHash(secret), Role: role, Subdistrict: sd, Note: note}
	if err := st.CreateToken(ctx, who, *rec); err != nil {
		return "", nil, err
	}
	return secret, rec, nil
}

// LoadPlanFile loads a plan file from disk as the server would, for the
// command line (caili plan save): id is the plan's id in the record; an
// empty file loads the embedded sample plan. st, if not nil, is the
// record a baseline `@published:YEAR` is read from.
func LoadPlanFile(id, file string, st caili.Store) (*PlanVersion, error) {
	if file == "" {
		ps, err := newEmbeddedPlans(configs.FS, configs.PlanPath, id, nil)
		if err != nil {
			return nil, err
		}
		st, _ := ps.Get(id)
		return st.Good, nil
	}
	v, _, err := loadPlan(id, filepath.Base(file), diskReader(file), publishedOptions(st, id)...)
	return v, err
}
