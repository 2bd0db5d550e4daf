package sqlite

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/caili/caili/internal/caili"
)

func syncFile(p string) error {
	f, err := os.OpenFile(p, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err == nil {
		err = errors.Join(d.Sync(), d.Close())
	}
	if err != nil {
		return internal("sync folder", err)
	}
	return nil
}

// Restore puts the backup file from in place as the database of the data
// folder dir. The backup is copied beside the database under a temporary
// name, opened, brought to the current schema and checked (PRAGMA
// integrity_check) there, and only then renamed into place, so that a
// failed restore changes nothing. A data folder that already has a
// database is refused unless replace is set; the database replaced is
// then kept beside as caili.db.replaced-<time>. A database a running
// server (or any other store) holds open is refused: stop it first.
func Restore(ctx context.Context, from, dir string, replace bool) (kept string, err error) {
	dst := filepath.Join(dir, FileName)
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return "", internal("restore", err)
	}
	held, err := lock(dst, true)
	if errors.Is(err, errLocked) {
		return "", caili.E("sqlite.Restore", caili.KindConflict, caili.TextDBInUse, dst)
	} else if err != nil {
		return "", internal("restore", err)
	}
	defer unlock(held)
	if _, err := os.Lstat(dst); err == nil && !replace {
		return "", caili.E("sqlite.Restore", caili.KindConflict, caili.TextRestoreExists, dst)
	}
	tmp := filepath.Join(dir, ".restore-"+strconv.Itoa(os.Getpid())+".db")
	defer removeDB(tmp)
	if err := copyFile(from, tmp); err != nil {
		return "", caili.E("sqlite.Restore", caili.KindBadRequest, caili.TextBackupUnreadable, from).Because(err)
	}
	if err := checkCopy(ctx, tmp); err != nil {
		return "", caili.E("sqlite.Restore", caili.KindBadRequest, caili.TextBackupUnusable, from).Because(err)
	}
	if _, err := os.Lstat(dst); err == nil {
		kept = dst + ".replaced-" + time.Now().UTC().Format("20060102T150405Z")
		if err := os.Rename(dst, kept); err != nil {
			return "", internal("restore", err)
		}
		for _, sfx := range []string{"-wal", "-shm"} {
			if err := os.Rename(dst+sfx, kept+sfx); err != nil && !errors.Is(err, os.ErrNotExist) {
				return "", internal("restore", err)
			}
		}
	}
	// A journal left without its database would be applied to the
	// restored one: it goes first.
	for _, sfx := range []string{"-wal", "-shm"} {
		if err := os.Remove(dst + sfx); err != nil && !errors.Is(err, os.ErrNotExist) {
			return "", internal("restore", err)
		}
	}
	if err := os.Rename(tmp, dst); err != nil {
		return "", internal("restore", err)
	}
	return kept, syncDir(dir)
}

// checkCopy opens a restored copy, migrates it and checks its integrity,
// leaving it checkpointed (no WAL beside it).
func checkCopy(ctx context.Context, p string) error {
	s, err := Open(ctx, p)
	if err != nil {
		return err
	}
	r, err := s.IntegrityCheck(ctx)
	if err == nil && r != "ok" {
		err = fmt.Errorf("integrity_check: %s", r)
	}
	if err == nil {
		_, err = s.db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	}
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return syncFile(p)
}

func removeDB(p string) {
	for _, sfx := range []string{"", "-wal", "-shm", "-journal", ".lock"} {
		os.Remove(p + sfx)
	}
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	fi, err := in.Stat()
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return errors.New("not a regular file")
	}
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o640)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
