// Package review serves a draft's tracked changes (CriticMarkup) as a local
// web page on which a reviewer reads the redline, filters the changes,
// accepts or rejects them one at a time, by selection, by author or all at
// once, and adds comments and replies, which are written into the draft as
// CriticMarkup comments.
//
// The server listens on the loopback interface only and answers nothing but
// requests that present its random token, name it as the Host (so a page
// of another site that rebinds a name to 127.0.0.1 is refused) and, when a
// browser sends an Origin, come from the page itself. Every decision is
// made under the working copy's lock and against the version (SHA-256) the
// page was built from: a page built from a draft that has changed since is
// refused and reloads.
//
// The package prints nothing and never exits: Serve returns when its
// context is cancelled or the reviewer finishes.
package review

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Options configure a review server.
type Options struct {
	// Path is the draft under review; decisions and comments rewrite it.
	Path string
	// Name is how the draft is named on the page and in errors; empty
	// means Path.
	Name string
	// Token is the secret every request must present; empty means a new
	// random one.
	Token string
	// Reviewer and Office sign the comments written from the page, as
	// {>>@Reviewer (Office): text<<}. Reviewer empty means "reviewer".
	Reviewer, Office string
	// Check, when set, is called under the lock before the draft is
	// rewritten; an error refuses the change (a sealed draft, say).
	Check func(path string) error
	// Finish, when set, is offered on the page as "Finish review": it is
	// called with the draft as it then is (under the lock) and returns a
	// line saying what it recorded; after it succeeds Serve returns.
	Finish func(content []byte) (string, error)
	// Tracked, when set, reviews the draft at Path against an earlier
	// version named OldName: Tracked is the comparison as CriticMarkup
	// (accepting all of it gives the draft). The page shows it; a decision
	// rewrites the draft as the comparison with every change left
	// accepted, so rejecting a change brings the earlier text back.
	// Comments cannot be written (the draft has no tracked changes to
	// hold them).
	Tracked []byte
	OldName string
}

// Server is a review page for one draft.
type Server struct {
	opts  Options
	token string

	mu       sync.Mutex
	tracked  []byte // comparing: the tracked text
	fileSum  string // comparing: the version of the file it gives
	resolved int    // changes resolved from the page
	finished string // what Finish recorded, once it has run
	done     chan struct{}
	doneOnce sync.Once
}

// New makes a server for the draft at opts.Path; it reads nothing yet.
func New(opts Options) (*Server, error) {
	if opts.Path == "" {
		return nil, errors.New("no draft to review")
	}
	if opts.Name == "" {
		opts.Name = opts.Path
	}
	if opts.Reviewer == "" {
		opts.Reviewer = "reviewer"
	}
	for _, sig := range [][2]string{{"reviewer", opts.Reviewer}, {"office", opts.Office}} {
		if err := checkSignature(sig[0], sig[1]); err != nil {
			return nil, err
		}
	}
	tok := opts.Token
	if tok == "" {
		var b [24]byte
		if _, err := rand.Read(b[:]); err != nil {
			return nil, fmt.Errorf("cannot make a token: %w", err)
		}
		tok = hex.EncodeToString(b[:])
	}
	s := &Server{opts: opts, token: tok, done: make(chan struct{})}
	if s.comparing() {
		if err := s.startComparing(); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Token is the secret the page's address carries.
func (s *Server) Token() string { return s.token }

// URL is the page's address on a listener, token included.
func (s *Server) URL(ln net.Listener) string {
	return "http://" + ln.Addr().String() + "/?token=" + url.QueryEscape(s.token)
}

// Finished says what Finish recorded, or "" when the reviewer did not
// finish.
func (s *Server) Finished() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.finished
}

// Listen opens a loopback listener on port (0: a free port).
func Listen(port int) (net.Listener, error) {
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		return nil, fmt.Errorf("cannot listen on 127.0.0.1:%d: %w", port, err)
	}
	return ln, nil
}

// Serve answers requests on ln until ctx is cancelled or the reviewer
// finishes, then shuts down (waiting briefly for requests under way) and
// returns nil; it returns an error only when serving fails.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.Handler(ln.Addr().String()),
		ReadHeaderTimeout: 10 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	case <-s.done:
	}
	shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_ = srv.Shutdown(shut)
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// Handler is the server's HTTP handler for requests addressed to addr
// (host:port, as the listener has it).
func (s *Server) Handler(addr string) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.handlePage)
	mux.HandleFunc("GET /assets/{file}", s.handleAsset)
	mux.HandleFunc("POST /decide", s.handleDecide)
	mux.HandleFunc("POST /comment", s.handleComment)
	mux.HandleFunc("POST /finish", s.handleFinish)
	return s.guard(addr, mux)
}

// guard refuses a request that is not from the page: a wrong Host (DNS
// rebinding), an Origin or fetch site other than the page's own (another
// site driving the server), or a missing or wrong token (another local
// user, who can reach the port but does not know the token).
func (s *Server) guard(addr string, next http.Handler) http.Handler {
	_, port, _ := net.SplitHostPort(addr)
	hosts := map[string]bool{addr: true, "localhost:" + port: true, "127.0.0.1:" + port: true}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		setHeaders(w)
		if !hosts[strings.ToLower(r.Host)] {
			http.Error(w, "refused: this server answers only to its own address ("+addr+")", http.StatusForbidden)
			return
		}
		if o := r.Header.Get("Origin"); o != "" && o != "http://"+r.Host {
			http.Error(w, "refused: a page of another site ("+o+") cannot use this server", http.StatusForbidden)
			return
		}
		if site := r.Header.Get("Sec-Fetch-Site"); site == "cross-site" || site == "same-site" {
			http.Error(w, "refused: a page of another site cannot use this server", http.StatusForbidden)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
		tok := r.URL.Query().Get("token")
		if r.Method == http.MethodPost {
			tok = r.PostFormValue("token")
		}
		if subtle.ConstantTimeCompare([]byte(tok), []byte(s.token)) != 1 {
			http.Error(w, "refused: open the address with the token that 'redline review' printed", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// setHeaders keeps the page to itself: no framing, no scripts or requests
// to anywhere else, and no token leaking in a Referer to another site
// (same-origin, not no-referrer: under no-referrer a browser posts forms
// with "Origin: null", which the guard must refuse).
func setHeaders(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cache-Control", "no-store")
}

func (s *Server) stop() { s.doneOnce.Do(func() { close(s.done) }) }
