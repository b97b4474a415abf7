package german

import (
	"sort"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalized is a text normalised for matching, with a map back to the
// original bytes. Spans found in Text are reported to callers through
// Original or OriginalSpan. A Normalized is immutable and safe for
// concurrent use.
type Normalized struct {
	// Text is the normalised text. When the input was already normal, Text
	// is the input itself (no copy).
	Text string

	orig string
	fold []mark // folded text -> original (nil: identity)
	nfc  []mark // Text -> folded text (nil: identity)
}

// mark maps the output bytes from out on to input bytes: linearly from in,
// or, when inEnd >= 0, all to the one replaced input range [in, inEnd).
type mark struct {
	out, in, inEnd int
}

// Normalize returns text normalised for matching:
//   - typographic quotes „ “ ” ‟ » « become '"', and ‚ ‘ ’ ‛ › ‹ become '\”;
//   - dashes and hyphens – — ‒ ― ‐ ‑ and the minus sign − become '-';
//   - no-break and other Unicode spaces (U+00A0, U+2000–U+200A, U+202F,
//     U+205F, U+3000, U+1680) become ' ', line and paragraph separators
//     (U+2028, U+2029) become '\n';
//   - soft hyphens (U+00AD), zero-width space, (non-)joiners, word joiner
//     and byte order marks (U+200B–U+200D, U+2060, U+FEFF) are deleted;
//   - then the text is put in Unicode NFC.
//
// Each invalid UTF-8 byte becomes U+FFFD, so the result is valid UTF-8 and
// deletions cannot join stray bytes into new characters. Normalize is
// idempotent: Normalize(n.Text).Text == n.Text. When
// text is already normal, the result holds text itself and nothing is
// copied.
func Normalize(text string) *Normalized {
	n := &Normalized{Text: text, orig: text}
	i := 0
	for i < len(text) && text[i] < utf8.RuneSelf {
		i++
	}
	if i == len(text) {
		return n
	}
	folded, marks := fold(text, i)
	n.fold = marks
	if norm.NFC.QuickSpanString(folded) == len(folded) || norm.NFC.IsNormalString(folded) {
		n.Text = folded
		return n
	}
	n.Text, n.nfc = nfc(folded)
	return n
}

// foldRune returns the replacement of r and whether r is replaced ("" for
// deletion).
func foldRune(r rune) (string, bool) {
	switch r {
	case '„', '“', '”', '‟', '»', '«':
		return "\"", true
	case '‚', '‘', '’', '‛', '›', '‹':
		return "'", true
	case '–', '—', '‒', '―', '‐', '‑', '−':
		return "-", true
	case 0xA0, 0x202F, 0x205F, 0x3000, 0x1680:
		return " ", true
	case 0x2028, 0x2029:
		return "\n", true
	case 0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
		return "", true
	}
	if 0x2000 <= r && r <= 0x200A {
		return " ", true
	}
	return "", false
}

// fold applies foldRune from byte i on (text[:i] is ASCII). It returns text
// itself and nil marks when nothing changes.
func fold(text string, i int) (string, []mark) {
	var out []byte
	var marks []mark
	runStart := 0 // start of the current unchanged input run
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		rep, ok := foldRune(r)
		if r == utf8.RuneError && w == 1 {
			rep, ok = "\uFFFD", true
		}
		if !ok {
			i += w
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(text))
		}
		if i > runStart {
			marks = append(marks, mark{len(out), runStart, -1})
			out = append(out, text[runStart:i]...)
		}
		if rep != "" {
			marks = append(marks, mark{len(out), i, i + w})
			out = append(out, rep...)
		}
		i += w
		runStart = i
	}
	if out == nil {
		return text, nil
	}
	if runStart < len(text) {
		marks = append(marks, mark{len(out), runStart, -1})
		out = append(out, text[runStart:]...)
	}
	if len(marks) == 0 || marks[0].out != 0 {
		// everything up to the first mark was deleted: map 0 to its input
		marks = append([]mark{{0, 0, -1}}, marks...)
	}
	return string(out), marks
}

// nfc puts s in NFC, marking segments that change.
func nfc(s string) (string, []mark) {
	out := make([]byte, 0, len(s)+8)
	var marks []mark
	var it norm.Iter
	it.InitString(norm.NFC, s)
	pos := 0
	runStart := 0
	runOut := 0
	for !it.Done() {
		seg := it.Next()
		next := it.Pos()
		if string(seg) == s[pos:next] {
			out = append(out, seg...)
			pos = next
			continue
		}
		if pos > runStart {
			marks = append(marks, mark{runOut, runStart, -1})
		}
		marks = append(marks, mark{len(out), pos, next})
		out = append(out, seg...)
		pos = next
		runStart = pos
		runOut = len(out)
	}
	if pos > runStart || len(marks) == 0 || runOut < len(out) {
		marks = append(marks, mark{runOut, runStart, -1})
	}
	sort.SliceStable(marks, func(a, b int) bool { return marks[a].out < marks[b].out })
	return string(out), marks
}

// mapStart maps an output offset to an input offset (for a span start).
func mapStart(marks []mark, pos int) int {
	if marks == nil {
		return pos
	}
	k := sort.Search(len(marks), func(k int) bool { return marks[k].out > pos }) - 1
	if k < 0 {
		return pos
	}
	m := marks[k]
	if m.inEnd >= 0 {
		if pos == m.out {
			return m.in
		}
		return m.inEnd
	}
	return m.in + pos - m.out
}

// mapEnd maps an output offset to an input offset (for a span end).
func mapEnd(marks []mark, pos int) int {
	if marks == nil || pos == 0 {
		return mapStart(marks, pos)
	}
	k := sort.Search(len(marks), func(k int) bool { return marks[k].out >= pos }) - 1
	if k < 0 {
		return pos
	}
	m := marks[k]
	if m.inEnd >= 0 {
		return m.inEnd
	}
	return m.in + pos - m.out
}

// Original maps a byte offset in n.Text to the byte offset in the original
// text. Offsets inside a replaced character map to its start when they are
// the start of the replacement, else to its end; len(n.Text) maps to the
// end of the original. Out-of-range offsets are clamped to [0, len(n.Text)].
func (n *Normalized) Original(pos int) int {
	pos = max(0, min(pos, len(n.Text)))
	if pos == len(n.Text) {
		return len(n.orig)
	}
	return clampTo(mapStart(n.fold, mapStart(n.nfc, pos)), len(n.orig))
}

// OriginalSpan maps a span of n.Text to the span of the original text it
// came from: for every span s of n.Text, the original bytes are
// n.OriginalSpan(s).In(original).
func (n *Normalized) OriginalSpan(s Span) Span {
	st := max(0, min(s.Start, len(n.Text)))
	en := max(st, min(s.End, len(n.Text)))
	a := clampTo(mapStart(n.fold, mapStart(n.nfc, st)), len(n.orig))
	b := len(n.orig)
	if en < len(n.Text) {
		b = clampTo(mapEnd(n.fold, mapEnd(n.nfc, en)), len(n.orig))
	}
	if b < a {
		b = a
	}
	return Span{a, b}
}

// Changed reports whether normalisation changed the text.
func (n *Normalized) Changed() bool { return n.fold != nil || n.nfc != nil }

func clampTo(p, n int) int { return max(0, min(p, n)) }
