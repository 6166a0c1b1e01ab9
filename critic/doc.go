// Package critic is redline's only CriticMarkup code: the delimiter
// table, the parser (marks, code spans and blocks where marks are text,
// numbered changes with their authors), resolving changes (accept or
// reject by number or all), the import of handwritten marks (~~struck~~
// and <sup>inserted</sup>), the printer that writes pieces of text and
// changes as marks with the parser's own escaping, so that
// Parse(Print(pieces)) reads back the changes printed, and Redline, which
// places a whole document's changes where accept and reject give each
// side back byte for byte (out of Markdown code, with their seams sealed)
// and says which line it cannot.
package critic
