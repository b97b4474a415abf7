package analyze

import (
	"encoding/binary"
	"unicode"
	"unicode/utf8"

	"github.com/techschau/techschau/german"
)

// lowerText is a text lower-cased once for the boilerplate and theme stages,
// which both look up every word in lower case. When every rune keeps its
// byte length (almost always), low[t.Start:t.End] is the lower-case form of
// token t and no stage lowers a word again.
type lowerText struct {
	text string
	low  []byte
	same bool // low has text's byte offsets
	buf  []byte
}

// reset lower-cases text as german.AppendLower does (invalid bytes kept).
func (l *lowerText) reset(text string) { l.resetStop(text, nil) }

// resetStop is reset checking stop (when not nil) every 256 KB: a text of
// megabytes of non-ASCII letters takes tens of milliseconds. It reports
// false, leaving l unusable until the next reset, when stop said so.
func (l *lowerText) resetStop(text string, stop func() bool) bool {
	l.text = text
	low := l.low[:0]
	if cap(low) < len(text) {
		low = make([]byte, 0, len(text)+len(text)/8)
	}
	same := true
	next := 256 << 10
	for i := 0; i < len(text); {
		if i >= next {
			if stop != nil && stop() {
				l.low, l.same = low, false
				return false
			}
			next = i + 256<<10
		}
		if i+8 <= len(text) {
			if x := load64(text, i); x&0x8080808080808080 == 0 {
				low = binary.LittleEndian.AppendUint64(low, lowerASCII8(x))
				i += 8
				continue
			}
		}
		c := text[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			low = append(low, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && n == 1 {
			low = append(low, c)
			i++
			continue
		}
		k := len(low)
		low = utf8.AppendRune(low, unicode.ToLower(r))
		if len(low)-k != n {
			same = false
		}
		i += n
	}
	l.low, l.same = low, same
	return true
}

// lowerASCII8 lower-cases 8 ASCII bytes at once: bit 7 of a byte of
// x+0x3f is set from 'A' up, of x+0x25 from '['; no byte carries over.
func lowerASCII8(x uint64) uint64 {
	upper := (x + 0x3f3f3f3f3f3f3f3f) &^ (x + 0x2525252525252525) & 0x8080808080808080
	return x | upper>>2
}

// word returns the lower-case form of text[start:end], equal to
// german.AppendLower(nil, text[start:end]). The result is valid until the
// next call.
func (l *lowerText) word(start, end int) []byte {
	t := l.text
	if l.same && (start == len(t) || utf8.RuneStart(t[start])) && (end == len(t) || utf8.RuneStart(t[end])) {
		// no rune of the whole-text pass straddles the bounds, so the
		// runes inside are the word's own
		return l.low[start:end:end]
	}
	return l.wordSlow(start, end)
}

func (l *lowerText) wordSlow(start, end int) []byte {
	l.buf = german.AppendLower(l.buf[:0], l.text[start:end])
	return l.buf
}
