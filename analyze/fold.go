package analyze

import (
	"unicode"
	"unicode/utf8"
)

// foldInto appends the folded form of w to buf[:0]: lower case, ä ö ü
// without dots, ß as "ss". A Snowball German stem of w is always a prefix
// of its folded form, which lets the theme tagger skip stemming words that
// cannot match a cue.
//
// stemsSame reports that german.Stem of the folded form equals that of w
// (and, the folded form being lower case without umlauts, is a prefix of
// it, computed without allocation): the algorithm treats ä and a, ö and o
// alike (both vowels, no suffix holds a or o) and sees ß as "ss", but 'u'
// differs from 'ü' (a u between vowels is a consonant, and "ung" is a
// suffix), so a word with ü is not folded for stemming, nor one the fast
// stemmer does not take (invalid UTF-8, U+FFFD, over 63 bytes folded).
func foldInto(buf []byte, w string) (_ []byte, stemsSame bool) {
	buf = buf[:0]
	stemsSame = true
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, sz := utf8.DecodeRuneInString(w[i:])
		i += sz
		switch r {
		case 'ä', 'Ä':
			buf = append(buf, 'a')
		case 'ö', 'Ö':
			buf = append(buf, 'o')
		case 'ü', 'Ü':
			buf = append(buf, 'u')
			stemsSame = false
		case 'ß', 'ẞ':
			buf = append(buf, 's', 's')
		default:
			if r == utf8.RuneError {
				stemsSame = false
				if sz == 1 {
					buf = append(buf, w[i-1])
					continue
				}
			}
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
	}
	return buf, stemsSame && len(buf) <= 63
}

// gramSet is a 65,536-bit set of hashed 4-byte grams (false positives
// possible, no false negatives).
type gramSet [1 << 10]uint64

func gramKey[T ~string | ~[]byte](b T) uint32 {
	x := uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
	return (x * 2654435761) >> 16
}

func (g *gramSet) add(b []byte) {
	k := gramKey(b)
	g[k>>6] |= 1 << (k & 63)
}

func (g *gramSet) has(b []byte) bool {
	k := gramKey(b)
	return g[k>>6]&(1<<(k&63)) != 0
}

// hasString is has for a string.
func (g *gramSet) hasString(b string) bool {
	k := gramKey(b)
	return g[k>>6]&(1<<(k&63)) != 0
}

// addKey and hasKey are add and has for a key already packed in a uint32.
func (g *gramSet) addKey(x uint32) {
	k := (x * 2654435761) >> 16
	g[k>>6] |= 1 << (k & 63)
}

func (g *gramSet) hasKey(x uint32) bool {
	k := (x * 2654435761) >> 16
	return g[k>>6]&(1<<(k&63)) != 0
}
