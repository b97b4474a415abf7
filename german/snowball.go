package german

import (
	"unicode"
	"unicode/utf8"
)

// This file ports the Snowball German stemmer (the classic algorithm that
// blevesearch/snowballstem/german generates) to a fixed rune buffer, so that
// Stem does not allocate when the stem is a prefix of the lower-cased word.
// TestStemSnowballVocabulary and TestStemMatchesSnowballstem check it word
// for word against the reference; words it does not take (invalid UTF-8,
// more than maxFastRunes runes) go to the reference implementation.

const maxFastRunes = MaxStemRunes

// isV reports whether r is in the Snowball German vowel grouping v.
func isV(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiVowel[r]
	}
	return r == 'ä' || r == 'ö' || r == 'ü'
}

var asciiVowel = [utf8.RuneSelf]bool{'a': true, 'e': true, 'i': true, 'o': true, 'u': true, 'y': true}

// isSEnding reports the grouping s_ending (b d f g h k l m n r t).
func isSEnding(r rune) bool {
	switch r {
	case 'b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'r', 't':
		return true
	}
	return false
}

// isSTEnding reports the grouping st_ending (s_ending without r).
func isSTEnding(r rune) bool { return r != 'r' && isSEnding(r) }

// hasSuffix reports whether w ends with the ASCII string s.
func hasSuffix(w []rune, s string) bool {
	if len(s) > len(w) {
		return false
	}
	off := len(w) - len(s)
	for i := 0; i < len(s); i++ {
		if w[off+i] != rune(s[i]) {
			return false
		}
	}
	return true
}

// stemFast lower-cases and stems w (as Stem). ok is false when w is not
// taken (invalid UTF-8, U+FFFD or too long).
func stemFast(w string) (string, bool) {
	var buf [maxFastRunes + 8]rune
	r := buf[:0]
	changed := false // a character was lowered or replaced: not a prefix of w
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if len(r) >= maxFastRunes {
				return "", false
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
				changed = true
			}
			r = append(r, rune(c))
			i++
			continue
		}
		x, n := utf8.DecodeRuneInString(w[i:])
		if x == utf8.RuneError {
			// invalid UTF-8, or U+FFFD, which the reference treats as
			// neither vowel nor non-vowel
			return "", false
		}
		if len(r) >= maxFastRunes {
			return "", false
		}
		if lx := unicode.ToLower(x); lx != x {
			x = lx
			changed = true
		}
		if x == 'ß' { // prelude: ß -> ss
			r = append(r, 's', 's')
			changed = true
		} else {
			r = append(r, x)
		}
		i += n
	}
	// prelude: u and y between vowels become U and Y (left to right)
	for p := 0; p+2 < len(r); p++ {
		if isV(r[p]) && isV(r[p+2]) {
			switch r[p+1] {
			case 'u':
				r[p+1] = 'U'
			case 'y':
				r[p+1] = 'Y'
			}
		}
	}
	// mark_regions
	n := len(r)
	p1, p2 := n, n
	if n >= 3 {
		k := 0
		for k < n && !isV(r[k]) {
			k++
		}
		if k < n {
			k++
			for k < n && isV(r[k]) {
				k++
			}
			if k < n {
				k++
				p1 = max(k, 3)
				for k < n && !isV(r[k]) {
					k++
				}
				if k < n {
					k++
					for k < n && isV(r[k]) {
						k++
					}
					if k < n {
						p2 = k + 1
					}
				}
			}
		}
	}
	// standard_suffix, step 1
	switch {
	case hasSuffix(r, "ern") || hasSuffix(r, "em") || hasSuffix(r, "er"):
		l := 2
		if hasSuffix(r, "ern") {
			l = 3
		}
		if len(r)-l >= p1 {
			r = r[:len(r)-l]
		}
	case hasSuffix(r, "en") || hasSuffix(r, "es") || hasSuffix(r, "e"):
		l := 2
		if hasSuffix(r, "e") {
			l = 1
		}
		if len(r)-l >= p1 {
			r = r[:len(r)-l]
			if hasSuffix(r, "niss") {
				r = r[:len(r)-1]
			}
		}
	case hasSuffix(r, "s"):
		if len(r)-1 >= p1 && len(r) >= 2 && isSEnding(r[len(r)-2]) {
			r = r[:len(r)-1]
		}
	}
	// step 2
	switch {
	case hasSuffix(r, "est"):
		if len(r)-3 >= p1 {
			r = r[:len(r)-3]
		}
	case hasSuffix(r, "en") || hasSuffix(r, "er"):
		if len(r)-2 >= p1 {
			r = r[:len(r)-2]
		}
	case hasSuffix(r, "st"):
		b := len(r) - 2
		if b >= p1 && b >= 4 && isSTEnding(r[b-1]) {
			r = r[:b]
		}
	}
	// step 3
	switch {
	case hasSuffix(r, "end") || hasSuffix(r, "ung"):
		if len(r)-3 >= p2 {
			r = r[:len(r)-3]
			if hasSuffix(r, "ig") && !hasSuffix(r, "eig") && len(r)-2 >= p2 {
				r = r[:len(r)-2]
			}
		}
	case hasSuffix(r, "isch") || hasSuffix(r, "ig") || hasSuffix(r, "ik"):
		l := 2
		if hasSuffix(r, "isch") {
			l = 4
		}
		if len(r)-l >= p2 && !(len(r) > l && r[len(r)-l-1] == 'e') {
			r = r[:len(r)-l]
		}
	case hasSuffix(r, "lich") || hasSuffix(r, "heit"):
		if len(r)-4 >= p2 {
			r = r[:len(r)-4]
			if (hasSuffix(r, "er") || hasSuffix(r, "en")) && len(r)-2 >= p1 {
				r = r[:len(r)-2]
			}
		}
	case hasSuffix(r, "keit"):
		if len(r)-4 >= p2 {
			r = r[:len(r)-4]
			switch {
			case hasSuffix(r, "lich"):
				if len(r)-4 >= p2 {
					r = r[:len(r)-4]
				}
			case hasSuffix(r, "ig"):
				if len(r)-2 >= p2 {
					r = r[:len(r)-2]
				}
			}
		}
	}
	// postlude
	for i, x := range r {
		switch x {
		case 'U':
			r[i] = 'u'
		case 'Y':
			r[i] = 'y'
		case 'ä':
			r[i] = 'a'
			changed = true
		case 'ö':
			r[i] = 'o'
			changed = true
		case 'ü':
			r[i] = 'u'
			changed = true
		}
	}
	if !changed {
		// the stem is a prefix of w: no allocation
		b := 0
		for range r {
			_, n := utf8.DecodeRuneInString(w[b:])
			b += n
		}
		return w[:b], true
	}
	var out [4 * (maxFastRunes + 8)]byte
	b := out[:0]
	for _, x := range r {
		if x < utf8.RuneSelf {
			b = append(b, byte(x))
		} else {
			b = utf8.AppendRune(b, x)
		}
	}
	return string(b), true
}
