package cmd

// sameWordsOnce are the views that, on a terminal, say "no differences"
// in one line for versions with the same words; the others (json, stat,
// critic, html, pdf, docx) are data or documents and are written as ever.
var sameWordsOnce = map[string]bool{"ansi": true, "plain": true, "side-by-side": true}

// displayRef names a side in a message: standard input as "-".
func displayRef(name string) string {
	if name == "<stdin>" {
		return "-"
	}
	return visibleControls(name)
}
