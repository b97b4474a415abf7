package wordtab

import (
	"encoding/binary"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// AppendLower appends the lower case of s to dst: ASCII letters eight bytes
// at a time, other runes by unicode.ToLower; the bytes of invalid UTF-8 are
// copied unchanged. It gives the bytes german.AppendLower gives.
func AppendLower(dst []byte, s string) []byte {
	dst, _ = AppendLowerAligned(dst, s)
	return dst
}

// AppendLowerAligned is AppendLower that also reports whether every rune
// kept its byte length, so that the lower-case copy has the byte offsets
// of s (almost always: "İ" and "Ⱥ" grow, the Kelvin sign shrinks).
//
// It reads s eight bytes at a time (a short word at once) and writes eight
// bytes at a time into dst's spare capacity, keeping as many as it took.
// dst gets at least len(s)+8 bytes of capacity.
func AppendLowerAligned(dst []byte, s string) (_ []byte, aligned bool) {
	aligned = true
	// room for the lower case of s, if no rune grows, and 8 bytes to spare
	// for the last word; a rune that grows makes room again
	if cap(dst)-len(dst) < len(s)+8 {
		dst = growBytes(dst, len(s)+8)
	}
	for i := 0; i < len(s); {
		for i+8 <= len(s) { // whole words of ASCII
			x := Load64(s, i)
			if NonASCII8(x) != 0 {
				break
			}
			k := len(dst)
			binary.LittleEndian.PutUint64(dst[k:k+8], LowerASCII8(x))
			dst = dst[:k+8]
			i += 8
		}
		if i == len(s) {
			break
		}
		// a short last word, or one with a byte ≥ 0x80: its ASCII head
		n := min(8, len(s)-i)
		x := LoadTail(s, i, n)
		if m := NonASCII8(x); m != 0 {
			n = Index8(m)
		}
		k := len(dst)
		binary.LittleEndian.PutUint64(dst[k:k+8], LowerASCII8(x))
		dst = dst[:k+n]
		if i += n; i == len(s) || s[i] < utf8.RuneSelf {
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[i])
			i++
			continue
		}
		k = len(dst)
		dst = utf8.AppendRune(dst, lowerRune(r))
		i += size
		if len(dst)-k != size {
			aligned = false
			if cap(dst)-len(dst) < len(s)-i+8 {
				dst = growBytes(dst, len(s)-i+8)
			}
		}
	}
	return dst, aligned
}

// lowerRune is unicode.ToLower with the Latin-1 capitals (À-Þ but ×, the
// umlauts among them) done at once.
func lowerRune(r rune) rune {
	if 'À' <= r && r <= 'Þ' && r != '×' {
		return r + 'à' - 'À'
	}
	return unicode.ToLower(r)
}

// appendLowerRef is AppendLowerAligned rune by rune.
func appendLowerRef(dst []byte, s string) ([]byte, bool) {
	aligned := true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			dst = append(dst, s[i])
			i++
			continue
		}
		k := len(dst)
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		aligned = aligned && len(dst)-k == n
		i += n
	}
	return dst, aligned
}

// growBytes returns dst with room for n more bytes.
func growBytes(dst []byte, n int) []byte {
	out := make([]byte, len(dst), len(dst)+n+n/8)
	copy(out, dst)
	return out
}

// LowerHash returns the lower case of word and its Hash, the two facts
// every stage asks of a token. When word is lower case already (it has no
// byte 'A'..'Z' and no byte ≥ 0x80) it is returned itself and buf is
// untouched; else the lower case is appended to buf, whose new contents are
// returned too (the lower-case string aliases them: do not change them
// while it is in use).
func LowerHash(buf []byte, word string) (lower string, h uint64, _ []byte) {
	if IndexUpperOrNonASCII(word) < 0 {
		return word, Hash(word), buf
	}
	start := len(buf)
	buf = AppendLower(buf, word)
	low := buf[start:]
	return unsafeString(low), Hash(low), buf
}

// unsafeString views b as a string without copying it.
func unsafeString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}
