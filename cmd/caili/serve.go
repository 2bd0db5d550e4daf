package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/server"
)

// cmdServe runs the HTTP API until ctx ends (SIGINT or SIGTERM), then
// shuts down gracefully. SIGHUP reloads the plan files. Writes need a
// token (CAILI_TOKEN, the admin's, or one of caili token create). On an
// address that is not loopback every route but /healthz and the static
// documents needs a token; --anonymous read opens published results.
// --single-user (loopback only) waives four eyes.
func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", stderr)
	addr := fs.String("addr", "127.0.0.1:8080", msg.FlagAddr)
	plans := fs.String("plans", "", msg.FlagPlans)
	cors := fs.String("cors", "", msg.FlagCORS)
	pause := fs.Duration("error-pause", 50*time.Millisecond, msg.FlagErrorPause)
	data := fs.String("data", "", msg.FlagServeData, server.DefaultDataDir())
	anon := fs.String("anonymous", "", msg.FlagAnonymous)
	single := fs.Bool("single-user", false, msg.FlagSingleUser)
	memLimit := fs.String("memory-limit", "auto", msg.FlagMemoryLimit)
	if err := parse(fs, args); err != nil {
		return err
	}
	if _, _, err := net.SplitHostPort(*addr); err != nil {
		return usagef(msg.CmdAddr, *addr)
	}
	if *anon != "" && *anon != "read" {
		return usagef(msg.AccessAnonymousValue)
	}
	network := !server.IsLoopback(*addr)
	if *single && network {
		return usagef(msg.AccessSingleUserNetwork)
	}
	token := strings.TrimSpace(os.Getenv("CAILI_TOKEN"))
	logw := newLogBuffer(stderr)
	defer logw.Close()
	log := slog.New(slog.NewTextHandler(logw, nil))
	lim, err := newMemLimiter(*memLimit, log)
	if err != nil {
		return err
	}
	// Gin's mode is the process's: the command that owns the process
	// chooses it (release: no debug lines on stdout).
	gin.SetMode(gin.ReleaseMode)
	if *data == "" {
		*data = server.DefaultDataDir()
	}
	db, err := openData(ctx, *data)
	if err != nil {
		return err
	}
	defer db.Close()
	srv, err := server.New(server.Config{PlansDir: *plans, DataDir: *data, Store: db, Token: token, Logger: log, CORSOrigin: *cors,
		ErrorPause: *pause, Network: network, AnonymousRead: *anon == "read", SingleUser: *single})
	if err != nil {
		return err
	}
	lim.size() // the plans are loaded
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	writes := msg.OutWritesToken
	switch {
	case token == "" && srv.HasStoredTokens():
		writes = msg.OutWritesStored
	case token == "":
		writes = msg.OutWritesOff
	}
	say(stdout, msg.OutServing, len(srv.Plans()), strings.Join(srv.Plans(), ", "), ln.Addr(), writes)

	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-hup:
				if err := srv.Reload(); err != nil {
					log.Warn("reload failed", "error", err)
				}
			}
		}
	}()
	go lim.follow(ctx, srv.Versions) // the limit sized again when the plans change
	return srv.Serve(ctx, ln)
}
