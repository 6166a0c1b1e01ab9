package review

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"path"
	"strconv"
	"strings"

	"github.com/redline-dev/redline/critic"
)

// notices are the messages a redirect after a decision shows; the query
// names one, so nothing a request sends is written on the page.
var notices = map[string]string{
	"accepted":  "accepted",
	"rejected":  "rejected",
	"commented": "comment added",
}

func (s *Server) handlePage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	notice := ""
	if n, ok := notices[q.Get("msg")]; ok {
		notice = n
		if nums := q.Get("n"); nums != "" && cleanLine(nums) == nums && len(nums) < 200 {
			notice += " " + nums
		}
	}
	s.writePage(w, http.StatusOK, viewOf(q), notice, false)
}

// writePage renders the page, with a notice (bad: a refusal) on top.
func (s *Server) writePage(w http.ResponseWriter, status int, v view, notice string, bad bool) {
	p, err := s.page(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	p.Notice, p.NoticeBad = notice, bad
	var b bytes.Buffer
	if err := pageTmpl().Execute(&b, p); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b.Bytes())
}

func (s *Server) handleAsset(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	if name != "review.css" && name != "review.js" {
		http.NotFound(w, r)
		return
	}
	b, err := assets.ReadFile("assets/" + name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	ctype := "text/css; charset=utf-8"
	if path.Ext(name) == ".js" {
		ctype = "text/javascript; charset=utf-8"
	}
	w.Header().Set("Content-Type", ctype)
	_, _ = w.Write(b)
}

// wantsJSON tells the page's script (which asks for JSON) from a plain
// form post.
func wantsJSON(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "application/json")
}

// reply answers a decision or a comment: JSON for the script; for a form
// post, a redirect to the page on success, the page with the refusal on
// failure.
func (s *Server) reply(w http.ResponseWriter, r *http.Request, code string, o Outcome, err error) {
	status := http.StatusOK
	var stale *StaleError
	switch {
	case errors.As(err, &stale):
		status = http.StatusConflict
	case err != nil:
		status = http.StatusBadRequest
	}
	v := viewOf(r.PostForm)
	if wantsJSON(r) {
		s.mu.Lock()
		resolved := s.resolved
		s.mu.Unlock()
		if o.Numbers == nil {
			o.Numbers = []int{}
		}
		body := map[string]any{"ok": err == nil, "stale": stale != nil, "action": code, "version": o.Version,
			"changes": o.Numbers, "remaining": o.Remaining, "resolved": resolved, "total": resolved + o.Remaining}
		if err != nil {
			body["message"] = err.Error()
		} else {
			body["message"] = strings.TrimSpace(notices[code] + " " + numberList(o.Numbers))
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(body)
		return
	}
	if err != nil {
		s.writePage(w, status, v, err.Error(), true)
		return
	}
	q := v.query(s.token)
	q.Set("msg", code)
	if len(o.Numbers) > 0 {
		q.Set("n", numberList(o.Numbers))
	}
	http.Redirect(w, r, "/?"+q.Encode(), http.StatusSeeOther)
}

func numberList(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ",")
}

// handleDecide takes the form's "do": accept:N or reject:N for one change,
// or accept-/reject- followed by selected, all, author or office.
func (s *Server) handleDecide(w http.ResponseWriter, r *http.Request) {
	verb, scope, _ := strings.Cut(r.PostFormValue("do"), "-")
	var sel Selection
	if v, n, ok := strings.Cut(verb, ":"); ok {
		verb, scope = v, "one"
		num, err := strconv.Atoi(n)
		if err != nil {
			s.reply(w, r, "", Outcome{}, fmt.Errorf("%q is not a change number", n))
			return
		}
		sel.Numbers = []int{num}
	}
	if verb != "accept" && verb != "reject" {
		s.reply(w, r, "", Outcome{}, errors.New("say accept or reject"))
		return
	}
	switch scope {
	case "one":
	case "selected":
		for _, v := range r.PostForm["n"] {
			num, err := strconv.Atoi(v)
			if err != nil {
				s.reply(w, r, "", Outcome{}, fmt.Errorf("%q is not a change number", v))
				return
			}
			sel.Numbers = append(sel.Numbers, num)
		}
	case "all":
		sel.All = true
	case "author":
		sel.Author = r.PostFormValue("by-author")
	case "office":
		sel.Office = r.PostFormValue("by-office")
	default:
		s.reply(w, r, "", Outcome{}, errors.New("say which changes: one, the selected ones, all, an author's or an office's"))
		return
	}
	o, err := s.Decide(r.PostFormValue("version"), sel, verb == "accept")
	s.reply(w, r, verb+"ed", o, err)
}

func (s *Server) handleComment(w http.ResponseWriter, r *http.Request) {
	after, err := strconv.Atoi(r.PostFormValue("after"))
	if err != nil {
		s.reply(w, r, "", Outcome{}, errors.New("say which change the comment is on"))
		return
	}
	o, err := s.Comment(r.PostFormValue("version"), after, r.PostFormValue("text-"+strconv.Itoa(after)))
	s.reply(w, r, "commented", o, err)
}

func (s *Server) handleFinish(w http.ResponseWriter, r *http.Request) {
	if s.opts.Finish == nil {
		http.Error(w, "this review records nothing when it finishes: start it with a commit to record a revision", http.StatusBadRequest)
		return
	}
	var line string
	_, err := s.locked(r.PostFormValue("version"), func(d *critic.Doc) ([]byte, error) {
		var err error
		line, err = s.opts.Finish(s.content(d))
		return nil, err
	})
	if err != nil {
		s.reply(w, r, "", Outcome{}, err)
		return
	}
	s.mu.Lock()
	s.finished = line
	s.mu.Unlock()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintf(w, "review finished: %s\nthe server has stopped; close this tab\n", line)
	s.stop()
}
