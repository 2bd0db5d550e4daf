// Package app is caili's application layer: what a user asks of caili,
// independent of how they ask. It owns
//
//   - the plans being served (plans.go): a folder of plan files, each
//     loaded, validated and evaluated once, polled for changes, a file that
//     stops loading keeping its last good version; or the embedded sample;
//   - saved scenarios (scenarios.go), kept in the record store, and the
//     read-only built-in ones;
//   - the governed record (store.go, records.go, diff.go): the Store
//     interface (implemented by internal/store/sqlite) of plan versions,
//     approvals, publications, tokens and the append-only audit log, and
//     who (which role) may do what;
//   - jobs (app.go): a plan version, a scenario and overrides resolved
//     from a request, their result key, computed in a bounded number of
//     slots and kept in a bounded LRU cache (cache.go);
//   - the request vocabulary (query.go, names.go): override parameters,
//     plan and scenario names, limits;
//   - its own error kinds (errors.go): one Error type and one Classify
//     that turns the domain's errors (standards, formula) into a Kind.
//
// It knows nothing of HTTP: the server maps each Kind to a status in one
// table. It must not import net/http, github.com/gin-gonic/gin, server/...
// or cmd/...; it may import formula, standards and internal helpers.
package app
