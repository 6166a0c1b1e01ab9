package review

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/redline-dev/redline/critic"
)

// cleanLine puts text on one line: runs of white space become one space and
// control characters go.
func cleanLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && !unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// checkSignature refuses a reviewer or office that would not read back as
// the author of a CriticMarkup comment.
func checkSignature(what, s string) error {
	for _, bad := range []string{":", "<<}", "(", ")", "@"} {
		if strings.Contains(s, bad) {
			return fmt.Errorf("the %s %q cannot sign a comment: it contains %q; choose a name without it", what, s, bad)
		}
	}
	return nil
}

// signature is the author a comment from the page carries.
func (s *Server) signature() string {
	if s.opts.Office == "" {
		return s.opts.Reviewer
	}
	return s.opts.Reviewer + " (" + s.opts.Office + ")"
}

// Comment writes a comment signed by the reviewer into the draft at version
// want: attached to change after (1-based) when it has no comment yet, as a
// reply after its comments when it has, and at the end of the draft when
// after is 0. The draft is rewritten under its lock, and only when the
// comment reads back as written.
func (s *Server) Comment(want string, after int, text string) (Outcome, error) {
	if s.comparing() {
		return Outcome{}, fmt.Errorf("comments are written into a draft's tracked changes, and %s has none of its own here (its changes from %s are compared): write the redline into a draft with the critic view of diff and review that to comment", s.opts.Name, s.opts.OldName)
	}
	text = cleanLine(text)
	if text == "" {
		return Outcome{}, errors.New("the comment is empty: write something")
	}
	if strings.Contains(text, "<<}") {
		return Outcome{}, errors.New("a comment cannot contain <<} (it would end the comment): write it another way")
	}
	author := s.signature()
	mark := "{>>@" + author + ": " + text + "<<}"
	if strings.HasSuffix(text, `\`) {
		mark = "{>>@" + author + ": " + text + " <<}" // a backslash would escape the closing
	}
	var o Outcome
	out, err := s.locked(want, func(d *critic.Doc) ([]byte, error) {
		src, changes := d.Source(), d.Changes()
		if after < 0 || after > len(changes) {
			return nil, fmt.Errorf("%s has no change %d to comment on (it has %d)", d.Name, after, len(changes))
		}
		var res []byte
		if after == 0 {
			body := strings.TrimRight(string(src), "\n")
			res = []byte(body + "\n\n" + mark + "\n")
		} else {
			at := threadEnd(changes, after)
			res = append(append(append([]byte{}, src[:at]...), mark...), src[at:]...)
		}
		n, err := readsBack(d, res, author, text)
		if err != nil {
			return nil, err
		}
		o.Remaining = n
		return res, nil
	})
	if err != nil {
		return Outcome{}, err
	}
	o.Version = version(out)
	return o, nil
}

// threadEnd is the offset after change n and the comments that follow it
// without a gap (its replies).
func threadEnd(changes []critic.Change, n int) int {
	end := changes[n-1].End
	for _, c := range changes[n:] {
		if c.Kind != critic.KindComment || c.Start != end {
			break
		}
		end = c.End
	}
	return end
}

// readsBack checks that res, d's source with a comment added, parses with
// one more comment by author saying text, and returns its number of
// changes.
func readsBack(d *critic.Doc, res []byte, author, text string) (int, error) {
	count := func(cs []critic.Change) int {
		n := 0
		for _, c := range cs {
			if c.Author == author && c.Comment == text {
				n++
			}
		}
		return n
	}
	nd, err := critic.Parse(d.Name, res)
	if err != nil || count(nd.Changes()) != count(d.Changes())+1 {
		return 0, errors.New("the comment cannot be written there without changing the draft's other marks: nothing was written; comment on another change")
	}
	return len(nd.Changes()), nil
}
