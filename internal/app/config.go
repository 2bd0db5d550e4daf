package app

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/safefile"
)

// SampleID is the plan id of the embedded sample plan, served when no
// plans directory is given.
const SampleID = "sample"

// Config says where an App finds its plans and keeps its scenarios.
type Config struct {
	// PlansDir holds the plan files: each `<id>.toml` with a [plan] table
	// is served as plan id (ids match NameRE; other names are ignored with
	// a warning). Other TOML files, such as the standards files plans
	// name, are not listed. Empty: the embedded sample plan, as plan
	// SampleID, with its built-in scenarios.
	PlansDir string
	// DataDir is the data folder; the record store's database is kept
	// there (the caller opens it and passes it as Store). Scenario files
	// left there by an older caili (scenarios/<plan>/<name>.toml) are
	// imported into the store once. Empty: DefaultDataDir(), and the
	// scenario files of LegacyDataDir() are imported too.
	DataDir string
	// Store keeps saved scenarios, plan versions, publications, tokens
	// and the audit log. Nil: only built-in scenarios, and no records.
	Store caili.Store
	// Version is part of every result key, so that a new caili never
	// reuses a result an old one computed. Empty: DefaultVersion().
	Version string
	// Logger receives reload messages; nil means slog.Default().
	Logger *slog.Logger
	// CacheEntries and CacheBytes bound the result cache; 0 means the
	// defaults (DefaultCacheEntries, DefaultCacheBytes).
	CacheEntries int
	CacheBytes   int64
	// SingleUser waives the four-eyes rule (one person at a desk: caili
	// serve --single-user on a loopback address); every approval and
	// publication it lets through says so in the audit log.
	SingleUser bool
}

// New loads the plans and builds the application. A plans directory that
// cannot be read is an error; plan files in it that do not load are not
// (they are listed with their problems).
func New(cfg Config) (*App, error) {
	log := cfg.Logger
	if log == nil {
		log = slog.Default()
	}
	if cfg.Version == "" {
		cfg.Version = DefaultVersion()
	}
	from := []string{cfg.DataDir}
	if cfg.DataDir == "" {
		cfg.DataDir = DefaultDataDir()
		from = []string{cfg.DataDir, LegacyDataDir()}
	}
	if err := checkDataDir(cfg.DataDir); err != nil {
		return nil, err
	}
	removeStale(cfg.DataDir, log)
	if cfg.Store != nil {
		if err := importScenarioFiles(cfg.Store, from, log); err != nil {
			return nil, err
		}
	}
	scenarios := newScenarios(cfg.Store)
	var plans *Plans
	var err error
	if cfg.PlansDir == "" {
		plans, err = newEmbeddedPlans(configs.FS, configs.PlanPath, SampleID, log)
		if err == nil {
			err = scenarios.AddBuiltin(SampleID, configs.FS, configs.ScenarioDir)
		}
	} else {
		plans, err = newDirPlans(cfg.PlansDir, log, cfg.Store)
	}
	if err != nil {
		return nil, err
	}
	return &App{version: cfg.Version, Plans: plans, Scenarios: scenarios, Records: cfg.Store, singleUser: cfg.SingleUser,
		Cache: NewCache(cfg.CacheEntries, cfg.CacheBytes), slots: make(chan struct{}, runtime.GOMAXPROCS(0)),
		uploads: make(chan struct{}, max(1, runtime.GOMAXPROCS(0)/2))}, nil
}

// Version is the version that is part of every result key.
func (e *App) Version() string { return e.version }

var (
	versionOnce sync.Once
	version     string
)

// DefaultVersion is the main module's version; for a development build
// (no version) it adds a hash of the executable, so that keys and ETags
// change whenever the program does.
func DefaultVersion() string {
	versionOnce.Do(func() {
		version = "caili"
		if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
			version += " " + bi.Main.Version
			if bi.Main.Version != "(devel)" {
				return
			}
		}
		if exe, err := os.Executable(); err == nil {
			if f, err := os.Open(exe); err == nil {
				h := sha256.New()
				if _, err := io.Copy(h, f); err == nil {
					version += " exe:" + hex.EncodeToString(h.Sum(nil)[:8])
				}
				f.Close()
			}
		}
	})
	return version
}

// DefaultDataDir is the data folder when none is given: ./caili-data,
// beside where caili is started. Where there is no ./caili-data yet but
// the folder older versions used by default (LegacyDataDir) holds a
// database, that folder stays the default, so that an upgrade never
// starts an empty record beside a full one.
func DefaultDataDir() string {
	const dir = "caili-data"
	if _, err := os.Stat(dir); err != nil {
		if legacy := LegacyDataDir(); legacy != dir && safefile.IsRegular(filepath.Join(legacy, "caili.db")) {
			return legacy
		}
	}
	return dir
}

// LegacyDataDir is the data folder older versions used when none was
// given: $XDG_DATA_HOME/caili, else ~/.local/share/caili. Scenario files
// left there are imported, once, into the database of the default data
// folder, so that moving the default loses none.
func LegacyDataDir() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "caili")
	}
	if h, err := os.UserHomeDir(); err == nil {
		return filepath.Join(h, ".local", "share", "caili")
	}
	return "caili-data"
}

// checkDataDir refuses a data folder that exists and is not a folder, at
// start rather than at the first save. A folder that does not exist yet
// is made on the first save.
func checkDataDir(dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return Say(caili.KindBadRequest, msg.AppDataDir, dir).Because(err)
	case !fi.IsDir():
		return Say(caili.KindBadRequest, msg.AppNotDataDir, dir)
	}
	return nil
}
