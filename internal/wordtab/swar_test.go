package wordtab

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The tests of this file pin every SWAR kernel to its plain reference:
// every byte value in every byte position (among neighbours that are the
// usual suspects of carry bugs: 0x00, 0x7f, 0x80, 0xff, 'A'-1, 'Z'+1, ...),
// then random words, then the fuzzer.

// edgeBytes are neighbours that provoke carries and borrows between bytes.
var edgeBytes = []byte{0x00, 0x01, '-', '/', '0', '9', ':', '@', 'A', 'Z', '[', '`', 'a', 'z', '{', 0x7f, 0x80, 0x9f, 0xc3, 0xe2, 0xff}

// words8 yields 8-byte words: each byte value at each position among
// each edge byte, then n random words.
func words8(n int) []uint64 {
	var out []uint64
	for v := range 256 {
		for _, e := range edgeBytes {
			for pos := range 8 {
				x := uint64(e) * ones8
				x &^= 0xff << (8 * pos)
				x |= uint64(v) << (8 * pos)
				out = append(out, x)
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range n {
		x := r.Uint64()
		if r.IntN(2) == 0 {
			x &= low78 // mostly ASCII, as text is
		}
		out = append(out, x)
	}
	return out
}

// rangeBounds are the [lo, hi] pairs InRange8 is tested with: the ranges the
// project uses, and edge cases.
var rangeBounds = [][2]byte{{'A', 'Z'}, {'a', 'z'}, {'0', '9'}, {'-', '-'}, {0, 0}, {0, 0x7f}, {0x7f, 0x7f}, {' ', '~'}, {'Z', 'a'}}

// eq compares with == first and lets testify report a difference: the
// loops below make millions of comparisons.
func eq[T comparable](t *testing.T, want, got T, msg func() string) {
	t.Helper()
	if want != got {
		require.Equal(t, want, got, msg())
	}
}

func checkWord(t *testing.T, x uint64) {
	t.Helper()
	eq(t, nonASCII8Ref(x), NonASCII8(x), func() string { return fmt.Sprintf("NonASCII8(%#x)", x) })
	eq(t, lowerASCII8Ref(x), LowerASCII8(x), func() string { return fmt.Sprintf("LowerASCII8(%#x)", x) })
	l, s := Alnum8(x)
	lr, sr := alnum8Ref(x)
	eq(t, lr, l, func() string { return fmt.Sprintf("Alnum8(%#x) letter", x) })
	eq(t, sr, s, func() string { return fmt.Sprintf("Alnum8(%#x) stop", x) })
	for _, r := range rangeBounds {
		eq(t, inRange8Ref(x, r[0], r[1]), InRange8(x, r[0], r[1]), func() string { return fmt.Sprintf("InRange8(%#x, %q, %q)", x, r[0], r[1]) })
	}
	for _, c := range []byte{0, '-', 'e', 0x80, 0xc3, 0xff, byte(x), byte(x >> 40)} {
		eq(t, byteMask8Ref(x, c), ByteMask8(x, c), func() string { return fmt.Sprintf("ByteMask8(%#x, %#x)", x, c) })
	}
	m := x & high8
	want := 8
	for k := range 8 {
		if m>>(8*k)&0x80 != 0 {
			want = k
			break
		}
	}
	eq(t, want, Index8(m), func() string { return fmt.Sprintf("Index8(%#x)", m) })
}

func TestSWARKernels(t *testing.T) {
	for _, x := range words8(200000) {
		checkWord(t, x)
	}
}

func TestInRange8EveryRange(t *testing.T) {
	// every ASCII range over every byte value, one byte at a time in the
	// middle of a word of 'm' (a letter: its bit 7 must not leak)
	for lo := range 0x80 {
		for hi := lo; hi < 0x80; hi++ {
			for v := range 256 {
				x := uint64('m')*ones8&^(0xff<<24) | uint64(v)<<24
				eq(t, inRange8Ref(x, byte(lo), byte(hi)), InRange8(x, byte(lo), byte(hi)), func() string { return fmt.Sprintf("%#x [%#x,%#x]", v, lo, hi) })
			}
		}
	}
}

func TestLoads(t *testing.T) {
	b := []byte("0123456789abcdefgh\xff\x80")
	for i := 0; i+8 <= len(b); i++ {
		assert.Equal(t, binary.LittleEndian.Uint64(b[i:]), Load64(b, i))
		assert.Equal(t, binary.LittleEndian.Uint64(b[i:]), Load64(string(b), i))
	}
	for i := 0; i+4 <= len(b); i++ {
		assert.Equal(t, binary.LittleEndian.Uint32(b[i:]), Load32(b, i))
	}
	for i := 0; i <= len(b); i++ {
		for n := 0; n <= 8 && i+n <= len(b); n++ {
			assert.Equal(t, loadTailRef(b, i, n), LoadTail(b, i, n), "%d %d", i, n)
			assert.Equal(t, loadTailRef(b, i, n), LoadTail(string(b), i, n), "%d %d", i, n)
		}
	}
}

// indexTexts are texts for the index functions: the flagged byte at every
// position of strings of every length up to 40.
func indexTexts() []string {
	var out []string
	for n := range 41 {
		base := make([]byte, n)
		for i := range base {
			base[i] = 'a' + byte(i%26)
		}
		out = append(out, string(base))
		for i := range n {
			for _, c := range []byte{'A', 'Z', '@', '[', 0x80, 0xc3, 0xff, '0'} {
				b := append([]byte(nil), base...)
				b[i] = c
				out = append(out, string(b))
			}
		}
	}
	return append(out, "", "Ä", "abcdefghÄ", "abcdefgh", "ABCDEFGH", "straße", "Straße")
}

func TestIndexFunctions(t *testing.T) {
	for _, s := range indexTexts() {
		require.Equal(t, indexUpperOrNonASCIIRef(s), IndexUpperOrNonASCII(s), "%q", s)
		require.Equal(t, indexUpperOrNonASCIIRef(s), IndexUpperOrNonASCII([]byte(s)), "%q", s)
		require.Equal(t, indexNonASCIIRef(s), IndexNonASCII(s), "%q", s)
		require.Equal(t, indexNonASCIIRef(s), IndexNonASCII([]byte(s)), "%q", s)
	}
}

func FuzzSWAR(f *testing.F) {
	for _, x := range []uint64{0, ^uint64(0), high8, low78, 0x5a41405b7a61607b, 0x2d2d2d2d2d2d2d2d} {
		f.Add(x)
	}
	f.Fuzz(func(t *testing.T, x uint64) { checkWord(t, x) })
}

func FuzzIndex(f *testing.F) {
	for _, s := range indexTexts()[:50] {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		require.Equal(t, indexUpperOrNonASCIIRef(s), IndexUpperOrNonASCII(s), "%q", s)
		require.Equal(t, indexNonASCIIRef(s), IndexNonASCII(s), "%q", s)
	})
}
