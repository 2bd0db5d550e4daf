package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/standards/workbook"
)

// No write without its answer (docs/operations.md): every request but a
// read runs within a deadline (Config.WriteDeadline), and the record's
// writes run within the request's context, so a write whose client went
// away or whose deadline passed before its commit is rolled back. A POST
// may carry an Idempotency-Key: the first answer (2xx) to a key is kept
// with it in the record, by actor, so that a retry is given that answer
// instead of filing twice; a retry while the first runs, or after it
// ended without an answer kept, is refused (409) and the key used for
// another request is refused (422).

// maxKeyLen bounds an Idempotency-Key.
const maxKeyLen = 200

// DefaultWriteDeadline is how long a request other than a read may run
// (reading its body included) when Config.WriteDeadline is 0.
const DefaultWriteDeadline = 90 * time.Second

// deadline gives a request other than a read its deadline.
func (s *Server) deadline(c *gin.Context) {
	if m := c.Request.Method; m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions {
		c.Next()
		return
	}
	ctx, cancel := context.WithTimeout(c.Request.Context(), s.cfg.WriteDeadline)
	defer cancel()
	c.Request = c.Request.WithContext(ctx)
	c.Next()
}

// validKey reports whether k is 1 to maxKeyLen visible ASCII characters.
func validKey(k string) bool {
	if len(k) == 0 || len(k) > maxKeyLen {
		return false
	}
	for i := 0; i < len(k); i++ {
		if k[i] < 0x21 || k[i] > 0x7e {
			return false
		}
	}
	return true
}

// idempotent answers a POST with an Idempotency-Key from the record when
// the key has an answer, and keeps the first answer otherwise.
func (s *Server) idempotent(c *gin.Context) {
	key := c.GetHeader("Idempotency-Key")
	if key == "" || c.Request.Method != http.MethodPost || s.cfg.Store == nil {
		c.Next()
		return
	}
	if !validKey(key) {
		s.fail(c, app.Say(caili.KindBadRequest, msg.IdemKeyBad))
		return
	}
	req, err := s.requestHash(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	who := actorOf(c).ID
	state, ans, err := s.cfg.Store.ReserveKey(c.Request.Context(), who, key, req)
	switch {
	case err != nil:
		s.fail(c, err)
	case state == caili.KeyAnswered:
		c.Header("Idempotent-Replayed", "true")
		c.Header("Cache-Control", "no-store")
		c.Data(ans.Status, ans.Type, ans.Body)
		c.Abort()
	case state == caili.KeyMismatch:
		s.fail(c, app.Say(caili.KindUnprocessable, msg.IdemKeyMismatch))
	case state == caili.KeyPending:
		s.fail(c, app.Say(caili.KindConflict, msg.IdemKeyPending))
	default:
		s.keepAnswer(c, who, key)
	}
}

// keepAnswer runs the request and keeps its answer with the key when it
// succeeded; otherwise it frees the key for a retry. Either is done even
// when the client went away: the answer of a committed write is kept.
func (s *Server) keepAnswer(c *gin.Context, who, key string) {
	w := &teeWriter{ResponseWriter: c.Writer}
	c.Writer = w
	c.Next()
	ctx := context.WithoutCancel(c.Request.Context())
	var err error
	if st := w.Status(); st >= 200 && st < 300 {
		err = s.cfg.Store.AnswerKey(ctx, who, key, caili.KeyAnswer{Status: st, Type: w.Header().Get("Content-Type"), Body: w.body.Bytes()})
	} else {
		err = s.cfg.Store.ReleaseKey(ctx, who, key)
	}
	if err != nil {
		s.log.Error("idempotency key", "error", err)
	}
}

// requestHash is the hash of what a request asks: method, path, query
// and body. The body is read (bounded as an upload) and put back.
func (s *Server) requestHash(c *gin.Context) (string, error) {
	body, err := io.ReadAll(http.MaxBytesReader(c.Writer, c.Request.Body, workbook.MaxUploadBytes))
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return "", app.Say(caili.KindTooLarge, msg.ServerTooLarge, int64(workbook.MaxUploadBytes))
	case err != nil:
		return "", app.Say(caili.KindBadRequest, msg.ServerBodyUnreadable).Because(err)
	}
	c.Request.Body = io.NopCloser(bytes.NewReader(body))
	c.Request.ContentLength = int64(len(body))
	h := sha256.New()
	io.WriteString(h, c.Request.Method+" "+c.Request.URL.Path+"?"+c.Request.URL.RawQuery+"\n")
	h.Write(body)
	return hex.EncodeToString(h.Sum(nil)), nil
}

// teeWriter keeps a copy of the body it writes.
type teeWriter struct {
	gin.ResponseWriter
	body bytes.Buffer
}

// Write writes b and keeps a copy.
func (w *teeWriter) Write(b []byte) (int, error) {
	w.body.Write(b)
	return w.ResponseWriter.Write(b)
}

// WriteString writes s and keeps a copy.
func (w *teeWriter) WriteString(s string) (int, error) {
	w.body.WriteString(s)
	return w.ResponseWriter.WriteString(s)
}
