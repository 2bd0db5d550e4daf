package server

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
)

// router registers every GET route for HEAD too, so that a client may
// ask for a resource's headers (its ETag, its length) without its body.
type router struct{ gin.IRoutes }

// get registers handlers for GET and HEAD on path.
func (r router) get(path string, handlers ...gin.HandlerFunc) {
	r.GET(path, handlers...)
	r.HEAD(path, append([]gin.HandlerFunc{headOnly}, handlers...)...)
}

// headOnly answers a HEAD request as its GET would be answered, status
// and headers included, without the body.
func headOnly(c *gin.Context) {
	c.Writer = headWriter{c.Writer}
	c.Next()
}

// headWriter discards a response's body and keeps everything else.
type headWriter struct{ gin.ResponseWriter }

// Write discards the body, reporting it written.
func (w headWriter) Write(b []byte) (int, error) {
	w.WriteHeaderNow()
	return len(b), nil
}

// WriteString discards the body, reporting it written.
func (w headWriter) WriteString(s string) (int, error) {
	w.WriteHeaderNow()
	return len(s), nil
}

// noMethod answers a route that exists under another method: OPTIONS
// with 204 and the Allow header Gin computed (a CORS preflight also gets
// its CORS headers from s.cors), anything else with 405.
func (s *Server) noMethod(c *gin.Context) {
	if c.Request.Method == http.MethodOptions {
		allow := c.Writer.Header().Get("Allow")
		c.Header("Allow", strings.Join(append(strings.Split(allow, ", "), http.MethodOptions), ", "))
		c.Header("Cache-Control", "no-store")
		c.Status(http.StatusNoContent)
		return
	}
	s.failFor(c, app.Say(caili.KindMethodNotAllowed, msg.ServerMethod, c.Request.Method, msg.Clip(c.Request.URL.Path)))
}

// cors lets a browser page from Config.CORSOrigin (off when empty) read
// the API: it names the origin in Access-Control-Allow-Origin, exposes
// the headers a spreadsheet client reads (ETag, Content-Disposition) and
// answers a preflight with the methods and headers a client may send.
// Requests from other origins get no CORS headers, so browsers refuse to
// show them the answer; nothing else changes.
func (s *Server) cors(c *gin.Context) {
	origin := c.Request.Header.Get("Origin")
	want := s.cfg.CORSOrigin
	if want == "" || origin == "" || (want != "*" && origin != want) {
		c.Next()
		return
	}
	h := c.Writer.Header()
	h.Set("Access-Control-Allow-Origin", want)
	h.Add("Vary", "Origin")
	h.Set("Access-Control-Expose-Headers", "ETag, Content-Disposition")
	if c.Request.Method == http.MethodOptions {
		h.Set("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, DELETE")
		h.Set("Access-Control-Allow-Headers", "Authorization, Content-Type, If-None-Match")
		h.Set("Access-Control-Max-Age", "600")
	}
	c.Next()
}
