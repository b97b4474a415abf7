package wordtab

import (
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lowerCases are texts for the lower-casing fast paths: ASCII runs of every
// length around the 8-byte words, umlauts, runes whose lower case has
// another byte length, invalid UTF-8 and U+FFFD.
var lowerCases = []string{
	"", "A", "Abc", "ABCDEFG", "ABCDEFGH", "ABCDEFGHI", "Huawei-Chips und NVIDIA-GPUs",
	"ÄÖÜ äöü ß ẞ GROẞE STRASSE", "İSTANBUL", "Ⱥ und Ⱦ", "\u212a Kelvin", "Σ ΣΑΣ",
	"Ungültig \xff\xfe Bytes \xe2\x80 mitten", "\ufffd\xef\xbf\xbd", "abcdefgh\xc3", "ABCDEFGH\xc3\x84BCDEFGH",
	strings.Repeat("Donaudampfschifffahrt", 5),
}

func TestAppendLowerMatchesReference(t *testing.T) {
	for _, s := range lowerCases {
		for i := 0; i <= len(s); i++ {
			sub := s[i:]
			want, wantAligned := appendLowerRef([]byte("x"), sub)
			got, aligned := AppendLowerAligned([]byte("x"), sub)
			require.Equal(t, string(want), string(got), "%q", sub)
			require.Equal(t, wantAligned, aligned, "%q", sub)
			require.Equal(t, string(want), string(AppendLower([]byte("x"), sub)), "%q", sub)
		}
	}
	_, aligned := AppendLowerAligned(nil, "İSTANBUL")
	assert.False(t, aligned, "İ grows")
	_, aligned = AppendLowerAligned(nil, "\u212a")
	assert.False(t, aligned, "the Kelvin sign shrinks")
	_, aligned = AppendLowerAligned(nil, "ÄÖÜ \xff")
	assert.True(t, aligned)
}

func TestLowerHash(t *testing.T) {
	buf := []byte("prefix")
	for _, s := range lowerCases {
		low, h, nb := LowerHash(buf, s)
		want, _ := appendLowerRef(nil, s)
		require.Equal(t, string(want), low, "%q", s)
		require.Equal(t, Hash(want), h, "%q", s)
		if IndexUpperOrNonASCII(s) < 0 {
			assert.Len(t, nb, len(buf), "%q: a lower-case word is not copied", s)
		}
		assert.Equal(t, "prefix", string(nb[:6]))
	}
}

func FuzzAppendLower(f *testing.F) {
	for _, s := range lowerCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, wantAligned := appendLowerRef(nil, s)
		got, aligned := AppendLowerAligned(nil, s)
		require.Equal(t, string(want), string(got), "%q", s)
		require.Equal(t, wantAligned, aligned, "%q", s)
		low, h, _ := LowerHash(nil, s)
		require.Equal(t, string(want), low)
		require.Equal(t, Hash(want), h)
	})
}

func TestLowerRuneEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := lowerRune(r), unicode.ToLower(r); got != want {
			require.Equal(t, want, got, "%U", r)
		}
	}
}
