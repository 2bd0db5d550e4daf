// Package sqlite is caili's record store (caili.Store) on one SQLite file
// in WAL mode, through modernc.org/sqlite (pure Go, no cgo). Schema
// migrations are the SQL files under migrations/, embedded, applied in
// order at Open in one transaction and recorded in table schema_version.
// Every write appends its audit entry in the same transaction. Only this
// package imports database/sql and the driver.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	driver "modernc.org/sqlite" // the "sqlite" driver

	"github.com/caili/caili/internal/caili"
)

// FileName is the database's file name inside the data folder.
const FileName = "caili.db"

//go:embed migrations/*.sql
var migrations embed.FS

// Store is caili.Store on a SQLite file.
type Store struct {
	db   *sql.DB
	path string
	// writing serialises this process's writes (a semaphore of one), so
	// that they queue here rather than spin on SQLite's lock, and a
	// write whose context ends while it waits gives up; other processes
	// (the command line beside a running server) wait on busy_timeout.
	writing chan struct{}
	// held is the shared lock of the database file (lock_unix.go), held
	// while the store is open.
	held *os.File
	// index keeps the 街道 lists of the publications read last
	// (publication_index.go).
	index indexCache
}

var _ caili.Store = (*Store)(nil)

// dsn is the connection string of a database file: WAL, a full sync at
// every commit (an acknowledged write survives a crash of the process or
// the machine), foreign keys on, writers waiting up to 10 s for the lock,
// and transactions that take the write lock when they begin.
func dsn(path string) string {
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "synchronous(FULL)", "foreign_keys(1)", "busy_timeout(10000)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	return "file:" + path + "?" + q.Encode()
}

// Open opens (creating it and its folder if need be) the database file
// at path and brings its schema up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	return openUpTo(ctx, path, 0)
}

// openUpTo is Open with the migrations up to version upTo only (0: all),
// to test an upgrade from an earlier schema.
func openUpTo(ctx context.Context, path string, upTo int) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, caili.E("sqlite.Open", caili.KindInternal, caili.TextDBFolder).Because(err)
	}
	held, err := lock(path, false)
	if errors.Is(err, errLocked) {
		return nil, caili.E("sqlite.Open", caili.KindConflict, caili.TextDBRestoring).Because(err)
	} else if err != nil {
		return nil, caili.E("sqlite.Open", caili.KindInternal, caili.TextDBError, caili.DiskReason(err)).Because(err)
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		unlock(held)
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	s := &Store{db: db, path: path, writing: make(chan struct{}, 1), held: held}
	if err := s.migrate(ctx, upTo); err != nil {
		s.Close()
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	return s, nil
}

// unlock lets go of a lock (nil: none).
func unlock(f *os.File) {
	if f != nil {
		f.Close()
	}
}

// OpenDir opens the database of a data folder (FileName inside it).
func OpenDir(ctx context.Context, dir string) (*Store, error) {
	return Open(ctx, filepath.Join(dir, FileName))
}

// Path is the database file's path.
func (s *Store) Path() string { return s.path }

// Close closes the database and lets go of its lock.
func (s *Store) Close() error {
	err := s.db.Close()
	unlock(s.held)
	s.held = nil
	return err
}

// migration is one embedded SQL file: NNNN_name.sql.
type migration struct {
	version int
	name    string
	sql     string
}

func loadMigrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrations, "migrations")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(e.Name(), ".sql") {
			return nil, fmt.Errorf("migration %s: name must be NNNN_name.sql", e.Name())
		}
		b, err := fs.ReadFile(migrations, "migrations/"+e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out, nil
}

// migrate applies the migrations the database has not had (up to
// version upTo, 0: all), all in one transaction: a database is at one
// schema version or the one before.
func (s *Store) migrate(ctx context.Context, upTo int) error {
	ms, err := loadMigrations()
	if err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
			version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
			return err
		}
		var cur int
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&cur); err != nil {
			return err
		}
		if last := ms[len(ms)-1].version; cur > last {
			return caili.E("sqlite.Open", caili.KindInternal, caili.TextSchemaNewer, cur, last)
		}
		for _, m := range ms {
			if m.version <= cur || upTo > 0 && m.version > upTo {
				continue
			}
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)`,
				m.version, m.name, now()); err != nil {
				return err
			}
		}
		return nil
	})
}

// SchemaVersion is the database's schema version.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&v)
	return v, err
}

// IntegrityCheck runs PRAGMA integrity_check and returns its answer
// ("ok" for a sound database).
func (s *Store) IntegrityCheck(ctx context.Context) (string, error) {
	var r string
	err := s.db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&r)
	return r, err
}

// write runs fn in a write transaction, committing when it returns nil.
// It runs within ctx: when ctx ends (the client went away, the deadline
// passed) before the commit, the transaction is rolled back and the
// context's error returned, so nothing is written without its answer.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	select {
	case s.writing <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-s.writing }()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := ctx.Err(); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// audit appends an entry to the audit log inside tx.
func audit(ctx context.Context, tx *sql.Tx, who caili.Actor, action, plan, subject, hash, detail string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO audit (at, actor, role, action, plan, subject, hash, detail)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, now(), who.ID, string(who.Role), action, plan, subject, hash, detail)
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	return nil
}

// now is the time of a record, UTC, as stored.
func now() string { return time.Now().UTC().Format(timeFormat) }

// timeFormat is how times are stored.
const timeFormat = time.RFC3339Nano

func parseTime(s string) time.Time {
	t, _ := time.Parse(timeFormat, s)
	return t
}

func parseTimePtr(s sql.NullString) *time.Time {
	if !s.Valid {
		return nil
	}
	t := parseTime(s.String)
	return &t
}

// internal wraps a database fault as an internal error.
func internal(what string, err error) error {
	var ae *caili.Error
	if errors.As(err, &ae) {
		return err
	}
	return caili.E("sqlite: "+what, caili.KindInternal, caili.TextDBError, reason(err)).Because(err)
}

// reason says why the database could not be written, without paths:
// SQLite's own codes for a full disk, a read-only file and the like, or
// the system's (caili.DiskReason).
func reason(err error) any {
	var se *driver.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case 13: // SQLITE_FULL
			return caili.TextDiskFull
		case 8: // SQLITE_READONLY
			return caili.TextDBReadOnly
		case 3, 14: // SQLITE_PERM, SQLITE_CANTOPEN
			return caili.TextDiskNoWrite
		case 5: // SQLITE_BUSY
			return caili.TextDBBusy
		}
	}
	return caili.DiskReason(err)
}
