package telegram

import "testing"

// A State cable numbers its own paragraphs only: a quoted letter stays as
// the letter has it, a drafter's numbered paragraphs take the cable's
// numbers, and lists and a., b. lines after a lead-in are lettered under
// the paragraph they follow.
func TestTeleprinterNumbersOuterParagraphs(t *testing.T) {
	state := TeleprinterOptions{Numbered: true, Bullet: "letter"}
	for _, c := range []struct{ name, md, want string }{
		{"quoted letter", "Please deliver this letter. Begin text:\n\nDear Peter,\n\nI write.\n\nSincerely, Al. End text.\n\nInstruction sent septel.",
			"1. PLEASE DELIVER THIS LETTER. BEGIN TEXT:\n\nDEAR PETER,\n\nI WRITE.\n\nSINCERELY, AL. END TEXT.\n\n2. INSTRUCTION SENT SEPTEL."},
		{"end text alone", "Begin text:\n\nDear Peter,\n\nEnd text.\n\nNext.\n\nLast.",
			"1. BEGIN TEXT:\n\nDEAR PETER,\n\nEND TEXT.\n\n2. NEXT.\n\n3. LAST."},
		{"quoted message", "Please pass this message. Begin message:\n\nDear Mr. President:\n\nI write.\n\nEnd message.\n\nReport delivery.",
			"1. PLEASE PASS THIS MESSAGE. BEGIN MESSAGE:\n\nDEAR MR. PRESIDENT:\n\nI WRITE.\n\nEND MESSAGE.\n\n2. REPORT DELIVERY."},
		{"end text inside a word", "Begin text:\n\nWe recommend text be sent.\n\nEnd text.\n\nNext.",
			"1. BEGIN TEXT:\n\nWE RECOMMEND TEXT BE SENT.\n\nEND TEXT.\n\n2. NEXT."},
		{"quote never closed", "Begin quote:\n\nOne.\n\nTwo.", "BEGIN QUOTE:\n\nONE.\n\nTWO."},
		{"drafter numbered", "1. First.\n\n2. Second.\n\n3. Third.", "1. FIRST.\n\n2. SECOND.\n\n3. THIRD."},
		{"drafter numbered after text", "Opening.\n\n1. First.\n\n2. Second.", "1. OPENING.\n\n2. FIRST.\n\n3. SECOND."},
		{"list after lead-in", "Points to make:\n\n1. one\n2. two\n\nClosing.", "1. POINTS TO MAKE:\n\nA. ONE\nB. TWO\n\n2. CLOSING."},
		{"loose list after lead-in", "Points to make:\n\n1. one\n\n2. two", "POINTS TO MAKE:\n\nA. ONE\n\nB. TWO"},
		{"bullets", "Points:\n\n- one\n- two\n\nClosing.", "1. POINTS:\n\nA. ONE\nB. TWO\n\n2. CLOSING."},
		{"letters in a paragraph", "We ask:\na. one thing,\nb. another.\n\nClosing.", "1. WE ASK:\nA. ONE THING,\nB. ANOTHER.\n\n2. CLOSING."},
		{"letters alone", "We ask:\n\n(a) one thing,\n(b) another.\n\nClosing.", "1. WE ASK:\n\n(A) ONE THING,\n(B) ANOTHER.\n\n2. CLOSING."},
		{"one letter is text", "We ask:\na. one thing only.\n\nClosing.", "1. WE ASK: A. ONE THING ONLY.\n\n2. CLOSING."},
		{"letters out of order are text", "We ask:\nb. one,\na. two.\n\nClosing.", "1. WE ASK: B. ONE, A. TWO.\n\n2. CLOSING."},
	} {
		if got := tpText(t, c.md, state); got != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
	// Without numbering, a., b. lines still keep their own lines.
	if got, want := tpText(t, "We ask:\na. one,\nb. two.", TeleprinterOptions{}), "WE ASK:\nA. ONE,\nB. TWO."; got != want {
		t.Errorf("unnumbered: %q, want %q", got, want)
	}
}
