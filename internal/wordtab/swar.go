package wordtab

import "math/bits"

// SWAR ("SIMD within a register") helpers: eight bytes of a text are loaded
// into a uint64 (little-endian: byte i of the text is bits 8i..8i+7) and
// tested or changed at once with plain integer arithmetic. Each kernel has
// a plain byte-by-byte reference right below it, which swar_test.go
// compares it with on every byte value and on random words; keep that pair
// together when you change one.
//
// Mask results put 0x80 in each byte that has the property and 0 in the
// others; Index8 turns such a mask into the index of its first byte.

// Byte-wise constants.
const (
	ones8 = 0x0101010101010101 // 0x01 in every byte
	high8 = 0x8080808080808080 // bit 7 of every byte
	low78 = 0x7f7f7f7f7f7f7f7f // bits 0-6 of every byte
)

// Load64 returns b[i:i+8] as a little-endian uint64. It panics if b has
// fewer than i+8 bytes, like b[i+7] would.
func Load64[T ~string | ~[]byte](b T, i int) uint64 {
	b = b[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// Load32 returns b[i:i+4] as a little-endian uint32.
func Load32[T ~string | ~[]byte](b T, i int) uint32 {
	b = b[i : i+4]
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

// LoadTail returns the n ≤ 8 bytes b[i:i+n] as a little-endian uint64, the
// missing high bytes zero: the last, short word of a text.
func LoadTail[T ~string | ~[]byte](b T, i, n int) uint64 {
	switch {
	case n >= 8:
		return Load64(b, i)
	case n >= 4:
		return uint64(Load32(b, i)) | uint64(Load32(b, i+n-4))<<(8*(n-4))
	case n > 0:
		return uint64(b[i]) | uint64(b[i+n/2])<<(8*(n/2)) | uint64(b[i+n-1])<<(8*(n-1))
	}
	return 0
}

func loadTailRef(b []byte, i, n int) uint64 {
	var x uint64
	for k := range n {
		x |= uint64(b[i+k]) << (8 * k)
	}
	return x
}

// NonASCII8 returns the mask of the bytes of x that are not ASCII (≥ 0x80).
func NonASCII8(x uint64) uint64 { return x & high8 }

func nonASCII8Ref(x uint64) uint64 {
	var m uint64
	for k := range 8 {
		if byte(x>>(8*k)) >= 0x80 {
			m |= 0x80 << (8 * k)
		}
	}
	return m
}

// InRange8 returns the mask of the bytes of x in [lo, hi], for ASCII bounds
// lo ≤ hi < 0x80; bytes ≥ 0x80 are never in range. The two additions carry
// into bit 7 of a byte only: bits 0-6 of each byte are added separately.
func InRange8(x uint64, lo, hi byte) uint64 {
	y := x & low78
	ge := y + uint64(0x80-lo)*ones8 // bit 7 set from lo up
	gt := y + uint64(0x7f-hi)*ones8 // bit 7 set above hi
	return ge &^ gt &^ x & high8
}

func inRange8Ref(x uint64, lo, hi byte) uint64 {
	var m uint64
	for k := range 8 {
		if c := byte(x >> (8 * k)); lo <= c && c <= hi {
			m |= 0x80 << (8 * k)
		}
	}
	return m
}

// ByteMask8 returns the mask of the bytes of x equal to c (any byte value,
// no false positives: the bytes of x^c are tested for zero one by one, not
// with the borrow trick that can flag the byte after a zero byte).
func ByteMask8(x uint64, c byte) uint64 {
	t := x ^ uint64(c)*ones8
	nz := ((t & low78) + low78) | t // bit 7 set where the byte is not zero
	return ^nz & high8
}

func byteMask8Ref(x uint64, c byte) uint64 {
	var m uint64
	for k := range 8 {
		if byte(x>>(8*k)) == c {
			m |= 0x80 << (8 * k)
		}
	}
	return m
}

// LowerASCII8 returns x with the bytes 'A'..'Z' made lower case; every
// other byte, non-ASCII ones included, is unchanged.
func LowerASCII8(x uint64) uint64 { return x | InRange8(x, 'A', 'Z')>>2 }

func lowerASCII8Ref(x uint64) uint64 {
	var y uint64
	for k := range 8 {
		c := byte(x >> (8 * k))
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		y |= uint64(c) << (8 * k)
	}
	return y
}

// Alnum8 classifies the bytes of x: letter is the mask of the ASCII letters,
// stop that of every byte that is not an ASCII letter or digit (non-ASCII
// bytes included). A tokeniser skips a word's bytes while stop is 0.
func Alnum8(x uint64) (letter, stop uint64) {
	l := x | 0x20*ones8 // A-Z to a-z; the other bytes it changes are no letters either way
	letter = InRange8(l, 'a', 'z')
	digit := InRange8(x, '0', '9')
	return letter, ^(letter | digit) & high8
}

func alnum8Ref(x uint64) (letter, stop uint64) {
	for k := range 8 {
		c := byte(x >> (8 * k))
		isLetter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		if isLetter {
			letter |= 0x80 << (8 * k)
		}
		if !isLetter && !('0' <= c && c <= '9') {
			stop |= 0x80 << (8 * k)
		}
	}
	return letter, stop
}

// Index8 returns the index (0-7) of the first byte flagged in mask, or 8
// when mask is 0.
func Index8(mask uint64) int { return bits.TrailingZeros64(mask) >> 3 }

// IndexUpperOrNonASCII returns the index of the first byte of s that is an
// ASCII upper-case letter or not ASCII, or -1: s is lower-case ASCII (its
// own lower case) when the result is -1.
func IndexUpperOrNonASCII[T ~string | ~[]byte](s T) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := Load64(s, i)
		if m := InRange8(x, 'A', 'Z') | NonASCII8(x); m != 0 {
			return i + Index8(m)
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || 'A' <= c && c <= 'Z' {
			return i
		}
	}
	return -1
}

func indexUpperOrNonASCIIRef(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || 'A' <= c && c <= 'Z' {
			return i
		}
	}
	return -1
}

// IndexNonASCII returns the index of the first byte ≥ 0x80 in s, or -1.
func IndexNonASCII[T ~string | ~[]byte](s T) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if m := NonASCII8(Load64(s, i)); m != 0 {
			return i + Index8(m)
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= 0x80 {
			return i
		}
	}
	return -1
}

func indexNonASCIIRef(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return i
		}
	}
	return -1
}
