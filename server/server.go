// Package server is caili's HTTP API, built for spreadsheets: plain GET
// URLs with the format in the path (allocations.csv, allocations.xml,
// allocations.xlsx, cell/east/total), what-if overrides in the query
// (`set.<path>=<value>`, `scenario=<name>`), CSV that Chinese Excel opens
// cleanly, bare numbers for =WEBSERVICE(), PNG and SVG charts, saved
// scenarios, and an OpenAPI description. It also serves the planners'
// dashboard (package dashboard): the plans, a plan's page with its
// what-if form, and each sub-district's printable statement.
//
// Results are deterministic, so every result carries a strong ETag and
// computed results are kept in a bounded in-memory cache. Plan files are
// reloaded when they change (polled) and on [Server.Reload]; a file that
// stops loading keeps its last good version serving.
//
// The package only translates HTTP: routes, the query of each request
// into an application job (internal/app), and each error kind into a
// status in one table (errors.go, statusOf). The plans, scenarios, cache
// and computing live in internal/app; the formats in internal/report;
// the pages in server/dashboard; the charts in server/chart. Only this
// package (and cmd/caili, which sets Gin's process-wide mode) imports
// Gin, and no *gin.Context leaves it. It must not import cmd, and nothing
// but cmd/caili imports it.
package server

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/server/dashboard"
)

// SampleID is the plan id of the embedded sample plan, served when no
// plans directory is given.
const SampleID = app.SampleID

// Config configures a Server.
type Config struct {
	// PlansDir holds the plan files: each `<id>.toml` with a [plan] table
	// is served as plan id (ids match ^[a-z0-9][a-z0-9_-]{0,63}$; other
	// names are ignored with a warning). Other TOML files, such as the
	// standards files plans name, are not listed. Empty: the embedded
	// sample plan, as plan "sample", with its built-in scenarios.
	PlansDir string
	// DataDir is the data folder, created at start: it holds the record
	// store's database (caili.db: saved scenarios, plan versions,
	// publications, tokens, audit log). Scenario files an older caili
	// kept there are imported once. Empty: DefaultDataDir().
	DataDir string
	// Store is the record store (drafts, versions, publications,
	// objections, tokens, saved scenarios, the audit log), opened and
	// closed by the caller (caili serve opens the SQLite database of
	// DataDir). nil: no record; the record's routes answer that there is
	// none, and only built-in scenarios exist.
	Store caili.Store
	// Token is the admin's token (planner and approver at once): the
	// header `Authorization: Bearer <Token>`. Tokens of the record store
	// (caili token create) sign in too. With neither, every write is
	// refused (403).
	Token string
	// Network says the server is reached over a network (caili serve on
	// an address that is not loopback; Serve sets it too when its
	// listener's address is not loopback): every route but /healthz and
	// the static documents needs a token (docs/operations.md). False:
	// one person at a desk, who reads the working plans without a token.
	Network bool
	// AnonymousRead lets a request without a token read published
	// results (caili serve --anonymous read), never drafts or the record.
	AnonymousRead bool
	// SingleUser waives four eyes (caili serve --single-user): whoever
	// saved a version may approve and publish it, and the audit log says
	// so. Refused with Network.
	SingleUser bool
	// AuthFailPause is the pause each failed authentication of a client
	// address adds before its refusal is answered (up to 2 s, forgotten
	// after a quiet minute); 0 means 100 ms, negative none.
	AuthFailPause time.Duration
	// WriteDeadline bounds a request other than a read, from its first
	// byte to its commit; a write not committed by then is rolled back.
	// 0 means DefaultWriteDeadline.
	WriteDeadline time.Duration
	// Version is part of every ETag, so that a new caili never answers
	// 304 for a result an old one computed. Empty: the module version,
	// plus a hash of the executable for development builds.
	Version string
	// Logger receives the access log and reload messages; nil means
	// slog.Default().
	Logger *slog.Logger
	// PollInterval is how often the plans directory is checked for
	// changes; 0 means 2 s, negative turns polling off.
	PollInterval time.Duration
	// CacheEntries and CacheBytes bound the result cache; 0 means the
	// defaults (DefaultCacheEntries, DefaultCacheBytes).
	CacheEntries int
	CacheBytes   int64
	// CORSOrigin, when not empty, is the one origin (or "*") whose
	// browser pages may read the API (caili serve --cors ORIGIN). Empty:
	// no CORS headers, so browsers show answers only to caili's own pages.
	CORSOrigin string
	// ShutdownTimeout bounds how long Serve waits for requests in flight
	// when its context ends; 0 means 10 s.
	ShutdownTimeout time.Duration
	// ErrorPause delays every refused API request (4xx) by this long
	// before it is answered, holding the connection but no CPU, so that a
	// script sending bad requests as fast as it can gets a few dozen
	// answers a second instead of thousands, and the what-ifs of everyone
	// else keep their speed. 0: no pause (caili serve uses 50 ms).
	ErrorPause time.Duration
}

// Server is the HTTP API. Create it with New; serve it with Serve, or use
// Handler with any http.Server.
type Server struct {
	cfg      Config
	log      *slog.Logger
	app      *app.App
	router   *gin.Engine
	handler  http.Handler       // the fast path in front of router (fastpath.go)
	tokenSum *[sha256.Size]byte // nil: writes are refused
	openapi  []byte
	pages    *dashboard.Renderer
	rules    map[string]rule // who may reach each route (access.go)
	byRoute  map[routeKey]rule
	network  atomic.Bool // reached over a network (Config.Network)
	failures failures    // failed authentications by address (auth.go)
	uploads  *uploadPool // bounds the uploads read at once (uploads.go)
	release  releaser    // memory given back after a streamed answer (streamed.go)
}

// New loads the plans and builds the server. A plans directory that
// cannot be read is an error; plan files in it that do not load are not
// (they are listed with their problems).
func New(cfg Config) (*Server, error) {
	log := cfg.Logger
	if log == nil {
		log = slog.Default()
	}
	if cfg.Version == "" {
		cfg.Version = app.DefaultVersion()
	}
	if cfg.PollInterval == 0 {
		cfg.PollInterval = 2 * time.Second
	}
	if cfg.ShutdownTimeout <= 0 {
		cfg.ShutdownTimeout = 10 * time.Second
	}
	if cfg.DataDir == "" {
		cfg.DataDir = app.DefaultDataDir()
	}
	if cfg.SingleUser && cfg.Network {
		return nil, app.Say(caili.KindBadRequest, msg.AccessSingleUserNetwork)
	}
	if cfg.AuthFailPause == 0 {
		cfg.AuthFailPause = 100 * time.Millisecond
	}
	if cfg.WriteDeadline <= 0 {
		cfg.WriteDeadline = DefaultWriteDeadline
	}
	a, err := app.New(app.Config{PlansDir: cfg.PlansDir, DataDir: cfg.DataDir, Version: cfg.Version,
		Logger: log, CacheEntries: cfg.CacheEntries, CacheBytes: cfg.CacheBytes, Store: cfg.Store, SingleUser: cfg.SingleUser})
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, log: log, app: a, rules: accessTable(), failures: failures{step: cfg.AuthFailPause}, uploads: newUploadPool()}
	s.byRoute = indexRules(s.rules)
	s.network.Store(cfg.Network)
	if cfg.Token != "" {
		sum := sha256.Sum256([]byte(cfg.Token))
		s.tokenSum = &sum
	}
	if s.openapi, err = openAPIJSON(cfg.Version); err != nil {
		return nil, err
	}
	if s.pages, err = dashboard.New(); err != nil {
		return nil, err
	}
	if s.router, err = s.routes(); err != nil {
		return nil, err
	}
	s.handler = s.newFastPath(s.router)
	return s, nil
}

// Handler returns the HTTP handler of the API.
func (s *Server) Handler() http.Handler { return s.handler }

// Reload re-reads every plan file now (as SIGHUP does), whether or not it
// looks changed. A plan that no longer loads keeps its last good version.
func (s *Server) Reload() error {
	s.log.Info("reloading plans")
	err := s.app.Plans.Scan(true)
	if f, ok := s.handler.(*fastPath); ok {
		f.sweep()
	}
	return err
}

// ReadTimeout bounds reading a request, its body (the largest upload)
// included.
const ReadTimeout = 30 * time.Second

// httpServer is the HTTP server of s. Its write timeout, counted from
// the end of a request's headers, leaves room for the slowest request
// accepted: its body read (ReadTimeout) and its work, within the write
// deadline, and then its answer.
func (s *Server) httpServer() *http.Server {
	return &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      s.cfg.WriteDeadline + 15*time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
}

// IsLoopback reports whether addr (host:port, or a listener's address)
// is a loopback address: 127.0.0.0/8, ::1 or localhost. An empty host
// (all addresses) is not.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Serve answers HTTP on ln until ctx ends, then shuts down gracefully:
// it stops accepting, lets requests in flight finish (up to
// Config.ShutdownTimeout) and returns nil. It also polls the plans
// directory for changes while it runs. A listener whose address is not
// loopback makes the server closed (Config.Network), whatever the
// configuration said; single-user is then refused.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	if !IsLoopback(ln.Addr().String()) {
		if s.cfg.SingleUser {
			return app.Say(caili.KindBadRequest, msg.AccessSingleUserNetwork)
		}
		s.network.Store(true)
	}
	hs := s.httpServer()
	wctx, stop := context.WithCancel(ctx)
	defer stop()
	go s.app.Plans.Watch(wctx, s.cfg.PollInterval)
	if f, ok := s.handler.(*fastPath); ok {
		go f.sweepEvery(wctx, s.cfg.PollInterval)
	}

	var conns *connListener
	if f, ok := s.handler.(*fastPath); ok && ln.Addr().Network() == "tcp" {
		conns = newConnListener(wctx, ln, f, min(hs.IdleTimeout, hs.WriteTimeout), hs.ReadHeaderTimeout)
		ln = conns
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	s.log.Info("shutting down", "timeout", s.cfg.ShutdownTimeout)
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	err := hs.Shutdown(sctx)
	if conns != nil {
		conns.wait(sctx)
	}
	if err != nil {
		hs.Close()
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	s.log.Info("stopped")
	return nil
}

// Plans returns the ids of the plans being served (including those that
// fail to load), sorted.
func (s *Server) Plans() []string {
	var ids []string
	for _, st := range s.app.Plans.All() {
		ids = append(ids, st.ID)
	}
	return ids
}

// Versions identifies the plan versions being served, each plan's id
// and the hash of what it read: it changes when a plan is loaded again
// with other contents, added or removed (caili serve sizes its memory
// limit again then).
func (s *Server) Versions() string {
	var b strings.Builder
	for _, st := range s.app.Plans.All() {
		b.WriteString(st.ID)
		if st.Good != nil {
			b.WriteString("@" + st.Good.Hash)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// DefaultDataDir is where saved scenarios go when Config.DataDir is
// empty (app.DefaultDataDir).
func DefaultDataDir() string { return app.DefaultDataDir() }
