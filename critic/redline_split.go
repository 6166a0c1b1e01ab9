package critic

import (
	"unicode"
	"unicode/utf8"
)

// splitChange marks change k more finely: the words, white space and
// punctuation its two sides share (their longest common subsequence, in
// order) become unchanged text between smaller changes. It reports false
// when that gives the same one change, or when the change is too long to
// split (its sides' pieces multiplied past splitLimit).
func splitChange(pieces []Piece, k int) ([]Piece, bool) {
	p := pieces[k]
	if !p.Change || p.Old == "" || p.New == "" {
		return pieces, false
	}
	parts, ok := commonRuns(splitTokens(p.Old), splitTokens(p.New))
	if !ok {
		return pieces, false
	}
	changes := 0
	for i := range parts {
		if parts[i].Change {
			changes++
		}
	}
	if changes == 0 || (changes == 1 && len(parts) == 1) {
		return pieces, false
	}
	for i := len(parts) - 1; i >= 0; i-- {
		if parts[i].Change {
			parts[i].Comment = p.Comment
			break
		}
	}
	out := append(append(append([]Piece(nil), pieces[:k]...), parts...), pieces[k+1:]...)
	return joinUnchanged(out), true
}

// splitLimit bounds the table splitChange fills (old pieces times new).
const splitLimit = 4 << 20

// splitTokens cuts s into words (letters and digits) and single other
// characters, white space included (so that the line breaks two runs of
// white space share are found).
func splitTokens(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		j := i + n
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) && !unicode.Is(unicode.Mn, r2) {
					break
				}
				j += n2
			}
		}
		out = append(out, s[i:j])
		i = j
	}
	return out
}

// commonRuns aligns two token lists by their longest common subsequence
// and returns the pieces: shared tokens unchanged, the rest changes.
func commonRuns(a, b []string) ([]Piece, bool) {
	n, m := len(a), len(b)
	if n*m > splitLimit {
		return nil, false
	}
	// lcs[i*(m+1)+j] is the length of the LCS of a[i:] and b[j:].
	lcs := make([]int32, (n+1)*(m+1))
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			switch {
			case a[i] == b[j]:
				lcs[i*(m+1)+j] = lcs[(i+1)*(m+1)+j+1] + 1
			case lcs[(i+1)*(m+1)+j] >= lcs[i*(m+1)+j+1]:
				lcs[i*(m+1)+j] = lcs[(i+1)*(m+1)+j]
			default:
				lcs[i*(m+1)+j] = lcs[i*(m+1)+j+1]
			}
		}
	}
	var parts []Piece
	add := func(change bool, old, new string) {
		if n := len(parts); n > 0 && parts[n-1].Change == change {
			parts[n-1].Old += old
			parts[n-1].New += new
			return
		}
		parts = append(parts, Piece{Change: change, Old: old, New: new})
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			add(false, a[i], b[j])
			i, j = i+1, j+1
		case j == m || (i < n && lcs[(i+1)*(m+1)+j] >= lcs[i*(m+1)+j+1]):
			add(true, a[i], "")
			i++
		default:
			add(true, "", b[j])
			j++
		}
	}
	return parts, true
}
