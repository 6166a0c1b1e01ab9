package tracked

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"

	"github.com/redline-dev/redline/critic"
	"github.com/redline-dev/redline/draft"
	"github.com/redline-dev/redline/markdown"
)

// DraftOptions are the settings of DraftHTML.
type DraftOptions struct {
	// Title heads the page; empty means the draft's title field, or the
	// file's name.
	Title string
	// Classification is printed in a banner at the top and the bottom of
	// the page; empty means the draft's classification (and caveats), and
	// none when the draft has none.
	Classification string
	// HideNumbers leaves out the change numbers that redline changes,
	// accept and reject use.
	HideNumbers bool
}

// DraftHTML writes a self-contained HTML page of a draft with its tracked
// changes: insertions underlined in green (<ins>), deletions struck in red
// (<del>), highlights (<mark>) and comments with their authors, each change
// with its number. The draft's own raw HTML (such as <sup>) is kept.
func DraftHTML(w io.Writer, name string, source []byte, opts DraftOptions) error {
	doc, err := draft.Parse(name, source)
	if err != nil {
		return err
	}
	d, err := critic.Parse(name, source)
	if err != nil {
		return err
	}
	src, numbers := splitMarks(d)
	body := src[d.BodyOffset():]
	// Shift the numbers to offsets in the body.
	shifted := make(map[int]int, len(numbers))
	for off, n := range numbers {
		shifted[off-d.BodyOffset()] = n
	}
	md := markdown.New(&criticExtension{numbers: shifted, showNum: !opts.HideNumbers}, rawHTMLAsText{})
	var content bytes.Buffer
	if err := md.Convert(body, &content); err != nil {
		return fmt.Errorf("cannot render %s: %w", name, err)
	}

	f := doc.Fields
	title := opts.Title
	if title == "" {
		title = f.Title
	}
	if title == "" {
		title = name
	}
	class := opts.Classification
	if class == "" && f.Classification != "" {
		class = strings.Join(append([]string{f.Classification}, f.Caveats...), " ")
	}
	var fields [][2]string
	add := func(k, v string) {
		if v != "" {
			fields = append(fields, [2]string{k, v})
		}
	}
	add("Precedence", f.Precedence)
	add("From", f.From)
	add("To", strings.Join(f.To, ", "))
	add("Info", strings.Join(f.Info, ", "))
	if f.Passing.For != "" || f.Passing.From != "" {
		add("Passing", strings.TrimSpace("for "+f.Passing.For+" from "+f.Passing.From))
	}
	add("Subject", f.Subject)

	changes := d.Changes()
	return draftPage().Execute(w, map[string]any{
		"Title":          title,
		"Name":           name,
		"Classification": class,
		"Fields":         fields,
		"Summary":        changeSummary(changes),
		"Content":        template.HTML(content.String()),
	})
}

// changeSummary says how many changes of each kind a draft holds.
func changeSummary(changes []critic.Change) string {
	if len(changes) == 0 {
		return "no tracked changes"
	}
	counts := map[string]int{}
	for _, c := range changes {
		counts[c.Kind]++
	}
	var parts []string
	for _, k := range []string{critic.KindInsert, critic.KindDelete, critic.KindSubstitute, critic.KindHighlight, critic.KindComment} {
		if n := counts[k]; n > 0 {
			word := map[string]string{critic.KindInsert: "insertion", critic.KindDelete: "deletion",
				critic.KindSubstitute: "substitution", critic.KindHighlight: "highlight", critic.KindComment: "comment"}[k]
			if n > 1 {
				word += "s"
			}
			parts = append(parts, fmt.Sprintf("%d %s", n, word))
		}
	}
	total := "1 tracked change"
	if len(changes) > 1 {
		total = fmt.Sprintf("%d tracked changes", len(changes))
	}
	return total + ": " + strings.Join(parts, ", ")
}

// draftPage is parsed on first use, not at every process start.
var draftPage = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("draft").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body { font: 16px/1.5 Georgia, "Times New Roman", serif; color: #111; background: #fff; max-width: 46em; margin: 0 auto; padding: 1em 1.5em; }
.classification { text-align: center; font: bold 14px/1.6 "Courier New", monospace; letter-spacing: .2em; margin: .5em 0; }
header h1 { font-size: 1.4em; margin: .6em 0 .2em; }
header .meta { color: #555; font-size: .9em; margin: 0; }
dl.fields { display: grid; grid-template-columns: max-content auto; gap: 0 1em; font-size: .9em; margin: .8em 0; }
dl.fields dt { color: #555; } dl.fields dd { margin: 0; }
.legend { font-size: .85em; color: #555; }
ins.critic { color: #05620f; background: #e6f6e6; text-decoration: underline; }
del.critic { color: #a40e0e; background: #fbe9e9; text-decoration: line-through; }
mark.critic { background: #fff3a8; }
.critic-comment { font: .8em/1.3 system-ui, sans-serif; color: #0b4f6c; background: #e3f1f8; border: 1px solid #9cc9de; border-radius: .3em; padding: 0 .35em; margin: 0 .2em; }
.critic-author { font-weight: bold; }
.critic-number { font: bold .65em system-ui, sans-serif; color: #666; margin-right: .1em; }
main { border-top: 1px solid #ccc; margin-top: .8em; padding-top: .4em; }
@page { margin: 14mm 15mm; @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt system-ui, sans-serif; color: #555; } }
@media print {
  .legend { display: none; } body { max-width: none; }
  p, li, blockquote { orphans: 3; widows: 3; }
  h1, h2, h3, h4 { break-after: avoid; }
}
</style>
</head>
<body>
{{with .Classification}}<div class="classification">{{.}}</div>
{{end}}<header>
<h1>{{.Title}}</h1>
<p class="meta">{{.Name}} · {{.Summary}}</p>
{{with .Fields}}<dl class="fields">{{range .}}<dt>{{index . 0}}</dt><dd>{{index . 1}}</dd>{{end}}</dl>
{{end}}<p class="legend"><ins class="critic">inserted</ins> <del class="critic">deleted</del> <mark class="critic">highlighted</mark> <span class="critic-comment">comment</span></p>
</header>
<main>
{{.Content}}</main>
{{with .Classification}}<div class="classification">{{.}}</div>
{{end}}</body>
</html>
`))
})

// SGR sequences of the terminal rendering.
const (
	trkReset     = "\x1b[0m"
	trkInsert    = "\x1b[32;4m" // green, underlined
	trkDelete    = "\x1b[31;9m" // red, struck through
	trkHighlight = "\x1b[30;43m"
	trkComment   = "\x1b[36;3m" // cyan, italic
	trkNumber    = "\x1b[2m"
)

// DraftANSI writes a draft as it stands, front matter and Markdown, with
// its tracked changes shown: with color, insertions green and underlined,
// deletions red and struck through, highlights on yellow and comments in
// cyan; without, in the wdiff style [-deleted-]{+inserted+}, [=highlighted=]
// and {>author: comment<}. Each change is preceded by its number, #N.
func DraftANSI(w io.Writer, markdown []byte, color bool) error {
	d, err := critic.Parse("draft", markdown)
	if err != nil {
		return err
	}
	src := d.Source()
	var b bytes.Buffer
	if color && d.BodyOffset() > 0 {
		trkStyled(&b, trkNumber, string(src[:d.BodyOffset()]))
	} else {
		b.Write(src[:d.BodyOffset()])
	}
	pos := d.BodyOffset()
	marks := d.Marks()
	mi := 0
	for _, c := range d.Changes() {
		b.Write(src[pos:c.Start])
		pos = c.End
		if color {
			trkStyled(&b, trkNumber, fmt.Sprintf("#%d", c.Number))
		} else {
			fmt.Fprintf(&b, "#%d", c.Number)
		}
		for mi < len(marks) && marks[mi].Start < c.End {
			m := marks[mi]
			mi++
			old, new := m.Content(src)
			switch m.Kind {
			case critic.KindInsert:
				trkPart(&b, color, trkInsert, "{+", "+}", new)
			case critic.KindDelete:
				trkPart(&b, color, trkDelete, "[-", "-]", old)
			case critic.KindSubstitute:
				trkPart(&b, color, trkDelete, "[-", "-]", old)
				trkPart(&b, color, trkInsert, "{+", "+}", new)
			case critic.KindHighlight:
				trkPart(&b, color, trkHighlight, "[=", "=]", old)
			case critic.KindComment:
				a, t := critic.CommentAuthor(old)
				if a != "" && t != "" {
					t = a + ": " + t
				} else if a != "" {
					t = a
				}
				t = strings.Join(strings.Fields(t), " ")
				if color {
					trkStyled(&b, trkComment, "["+t+"]")
				} else {
					b.WriteString("{>" + t + "<}")
				}
			}
		}
	}
	b.Write(src[pos:])
	_, err = w.Write(b.Bytes())
	return err
}

func trkPart(b *bytes.Buffer, color bool, sgr, open, close, s string) {
	if color {
		trkStyled(b, sgr, s)
		return
	}
	b.WriteString(open + s + close)
}

// styled writes s in the style sgr, ending the style at each line end so
// that a pager showing a part of the text shows it right.
func trkStyled(b *bytes.Buffer, sgr, s string) {
	for i, l := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		body := strings.TrimRight(l, "\r")
		if body != "" {
			b.WriteString(sgr + body + trkReset)
		}
		b.WriteString(l[len(body):])
	}
}
