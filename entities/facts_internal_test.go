package entities

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"

	"github.com/techschau/techschau/german"
)

// TestAppendFacts checks the eight-bytes-at-a-time facts against the plain
// definitions: german.AppendLower, wordHash, slowFlags and the first rune.
func TestAppendFacts(t *testing.T) {
	words := []string{"", "a", "A", "Huawei", "NVIDIA-Chips", "DeepSeek-V3.2", "iPhone", "B30A", "über", "Über",
		"Straße", "KI\u2011Chips", "ABCDEFGH", "abcdefgh", "ABCDEFGHI", "Abcdefgh1", "0123456789", "-", "---",
		"@[`{", "\xff", "a\xffB", "Ünternehmen-Größe", "x86", "e.V.", "Zz", "zZ", "\u212a"}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "Z", "A", "z", "0", "9", "-", ".", "@", "[", "`", "{", "/", ":", "ä", "Ö", "\u2010", "ß", " "}
	for range 5000 {
		var b []byte
		for range rng.IntN(20) {
			b = append(b, alphabet[rng.IntN(len(alphabet))]...)
		}
		words = append(words, string(b))
	}
	// the tokens alone and inside a text (the last word loaded at once)
	toks := make([]german.Token, len(words))
	for i, w := range words {
		toks[i] = german.Token{Text: w, Kind: german.Word}
	}
	var sb strings.Builder
	inText := make([]german.Token, len(words))
	for i, w := range words {
		inText[i] = german.Token{Start: sb.Len(), End: sb.Len() + len(w), Kind: german.Word}
		sb.WriteString(w)
		sb.WriteString("XY\xff")
	}
	text := sb.String()
	for i := range inText {
		inText[i].Text = text[inText[i].Start:inText[i].End]
	}
	var arena []byte
	facts := appendFacts(nil, toks, "", &arena, names())
	facts2 := appendFacts(nil, inText, text, &arena, names())
	assert.Equal(t, facts, facts2)
	for i, w := range words {
		lw := string(german.AppendLower(nil, w))
		want := slowFlags(w)
		if isUpperRune(firstRune(w)) {
			want |= fCap
		}
		f := facts[i]
		assert.Equal(t, lw, f.lower, "lower %q", w)
		assert.Equal(t, wordHash(lw), f.h, "hash %q", w)
		assert.Equal(t, want, f.flags, "flags %q", w)
	}
}

// TestWordListCase pins what appendFacts relies on when it skips the word
// lists for plain lower-case tokens: the lists whose bits the rules read on
// any token are capitalised.
func TestWordListCase(t *testing.T) {
	n := names()
	for w := range n.firstNames {
		assert.True(t, isUpperRune(firstRune(w)), "first name %q", w)
	}
	for w, ok := range orgTails {
		assert.True(t, !ok || isUpperRune(firstRune(w)), "org tail %q", w)
	}
}

// TestScratchTable checks the per-call table through reuse with different
// sizes and keys that share a hash.
func TestScratchTable(t *testing.T) {
	var tab scratchTable
	for round := range 3 {
		tab.reset(1000 >> round)
		for i := range 1000 >> round {
			k := strings.Repeat("x", i%7) + string(rune('a'+i%26)) + strings.Repeat("y", i/26)
			sl, ok := tab.slot(uint64(i%5), k) // few hashes: long probe runs
			assert.False(t, ok, "round %d key %q", round, k)
			sl.val = int32(i)
		}
		for i := range 1000 >> round {
			k := strings.Repeat("x", i%7) + string(rune('a'+i%26)) + strings.Repeat("y", i/26)
			v, ok := tab.get(uint64(i%5), k)
			assert.True(t, ok)
			assert.Equal(t, int32(i), v)
		}
		_, ok := tab.get(1, "absent")
		assert.False(t, ok)
		tab.release()
	}
}

// slowFlags returns the fDigit, fUpperAfter and fHyphen flags of s byte by
// byte: the definition the fast paths are checked against.
func slowFlags(s string) uint8 {
	var flags uint8
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			if hyphenAt(s, i) > 0 {
				flags |= fHyphen
			}
		case c >= 'A' && c <= 'Z':
			if i > 0 {
				flags |= fUpperAfter
			}
		case c >= '0' && c <= '9':
			flags |= fDigit
		case c == '-':
			flags |= fHyphen
		}
	}
	return flags
}
