package server

import (
	"crypto/sha256"
	"crypto/subtle"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/caili/caili/internal/msg"
)

// A browser cannot send a token header with a page request, so on a
// server reached over a network the dashboard signs a person in once: the
// sign-in page (GET /signin) takes the token and keeps it in a session
// cookie (HttpOnly, SameSite=Strict, gone when the browser closes), which
// the gate reads on GET and HEAD requests only; writes still need the
// Authorization header (the record pages' scripts send it), so that no
// other site can make a signed-in browser write. A page request without
// a token is sent to the sign-in page instead of a 401.

// sessionCookie names the cookie that holds a signed-in browser's token.
const sessionCookie = "caili_session"

// sessionAge is how long a sign-in lasts at most, however long the
// browser stays open.
const sessionAge = 12 * time.Hour

// cookieToken is the token of a signed-in browser's session cookie, on a
// GET or HEAD ("" otherwise).
func cookieToken(r *http.Request) string {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return ""
	}
	ck, err := r.Cookie(sessionCookie)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(ck.Value)
}

// signInPage shows the sign-in form (GET /signin?next=/plans/x).
func (s *Server) signInPage(c *gin.Context) {
	next := localNext(c.Query("next"))
	s.sendPage(c, http.StatusOK, "", func(w io.Writer) error { return s.pages.SignIn(w, next, "") })
}

// signIn takes a pasted token (POST /signin, a form): one that signs
// someone in becomes the session cookie and the browser goes on to next;
// any other is refused on the form (401), after the pause its address has
// earned; none at all shows the form again (400).
func (s *Server) signIn(c *gin.Context) {
	next := localNext(c.PostForm("next"))
	tok := strings.TrimSpace(c.PostForm("token"))
	if tok == "" {
		s.sendPage(c, http.StatusBadRequest, "", func(w io.Writer) error { return s.pages.SignIn(w, next, "") })
		return
	}
	if !s.tokenSignsIn(c, tok) {
		wait(c.Request.Context(), s.failures.failed(c.ClientIP(), time.Now()))
		s.sendPage(c, http.StatusUnauthorized, "", func(w io.Writer) error {
			return s.pages.SignIn(w, next, msg.SignInFailed.In(msg.Zh))
		})
		return
	}
	http.SetCookie(c.Writer, &http.Cookie{Name: sessionCookie, Value: tok, Path: "/", MaxAge: int(sessionAge / time.Second),
		HttpOnly: true, Secure: c.Request.TLS != nil, SameSite: http.SameSiteStrictMode})
	c.Redirect(http.StatusSeeOther, next)
}

// signOut forgets the session cookie (POST /signout).
func (s *Server) signOut(c *gin.Context) {
	http.SetCookie(c.Writer, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: c.Request.TLS != nil, SameSite: http.SameSiteStrictMode})
	c.Redirect(http.StatusSeeOther, "/signin")
}

// tokenSignsIn reports whether tok is the server's token or a live
// stored one.
func (s *Server) tokenSignsIn(c *gin.Context, tok string) bool {
	if tok == "" {
		return false
	}
	if s.tokenSum != nil {
		sum := sha256.Sum256([]byte(tok))
		if subtle.ConstantTimeCompare(sum[:], s.tokenSum[:]) == 1 {
			return true
		}
	}
	_, err := s.app.Authenticate(c.Request.Context(), tok)
	return err == nil
}

// toSignIn sends a browser's page request without a token to the sign-in
// page, to come back after; it reports false for any other request.
func (s *Server) toSignIn(c *gin.Context) bool {
	if c.Request.Method != http.MethodGet || !wantsHTML(c.Request) || !s.hasTokens(c) {
		return false
	}
	c.Abort()
	c.Redirect(http.StatusSeeOther, "/signin?next="+url.QueryEscape(c.Request.URL.RequestURI()))
	return true
}

// localNext is where a sign-in goes on to: a path of this server ("/"
// for anything else, so that a link cannot send a signed-in person to
// another site).
func localNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	return next
}

// signInRoutes registers the sign-in page, the sign-in and the sign-out.
func (s *Server) signInRoutes(root router) {
	root.get("/signin", s.signInPage)
	root.POST("/signin", s.signIn)
	root.POST("/signout", s.signOut)
}
