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
func AppendLowerAligned(dst []byte, s string) (_ []byte, aligned bool) {
	aligned = true
	if cap(dst)-len(dst) < len(s) {
		dst = growBytes(dst, len(s))
	}
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			if x := Load64(s, i); NonASCII8(x) == 0 {
				dst = binary.LittleEndian.AppendUint64(dst, LowerASCII8(x))
				i += 8
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			dst = append(dst, c)
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
