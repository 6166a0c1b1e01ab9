// Package critic is redline's only CriticMarkup code: the delimiter
// table, the parser (marks, code spans and blocks where marks are text,
// numbered changes with their authors), resolving changes (accept or
// reject by number or all), the import of handwritten marks (~~struck~~
// and <sup>inserted</sup>), and the printer that writes pieces of text
// and changes as marks with the parser's own escaping, so that
// Parse(Print(pieces)) reads back the changes printed.
package critic
