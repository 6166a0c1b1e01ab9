// Package telegram composes the telegram a draft is sent as: its body laid
// out by the teleprinter (upper case, the template's character set and
// line width, numbered paragraphs, lettered or dashed list items), its
// fields mapped and run through the draft's cable template, and the
// result laid out in pages and ACP 127 sections. It refuses what cannot be
// sent (unresolved tracked changes, characters with no mapping, lines the
// reader would take for page furniture or message signals).
//
// The package sits between the draft and its printed forms: it imports
// cable (the format's rules), templates and draft; render prints its
// Layout as a PDF; cable never imports it.
package telegram
