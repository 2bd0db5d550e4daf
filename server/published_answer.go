package server

import (
	"bytes"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/caili/caili/internal/report"
)

// published returns the latest publication with its frozen result: the
// bytes writeJSON would give publicationOf(p, true), but with the result
// read from the record as it is written and indented inside the answer
// on the way (jsonIndenter), never held whole — a 10,000-街道 result is
// 469 MB, and its answer was built in memory several times over (issue
// 25 §5). A fault once the answer has begun cuts it short, as
// publishedResult does.
func (s *Server) published(c *gin.Context) {
	p, write, err := s.app.PublishedResult(c.Request.Context(), actorOf(c), c.Param("plan"))
	if err != nil {
		s.fail(c, err)
		return
	}
	var head bytes.Buffer
	if err := report.EncodeJSON(&head, publicationOf(p, false)); err != nil {
		s.encodeFailed(c, err)
		return
	}
	// {…, "label": "…"}\n becomes {…, "label": "…",\n  "result": <result>\n}\n:
	// the result last, as publicationJSON has it.
	start := append(bytes.TrimSuffix(head.Bytes(), []byte("\n}\n")), ",\n  \"result\": "...)
	c.Header("Cache-Control", "no-store")
	c.Header("Content-Type", typeJSON)
	c.Status(http.StatusOK)
	ind := newJSONIndenter(c.Writer, "  ", "  ")
	_, err = c.Writer.Write(start)
	if err == nil {
		err = write(ind)
	}
	if err == nil {
		err = ind.Flush()
	}
	if err == nil {
		_, err = c.Writer.Write([]byte("\n}\n"))
	}
	if err != nil {
		s.log.Warn("publication cut short", "plan", p.Plan, "n", p.N, "err", err)
		c.Abort()
	}
}
