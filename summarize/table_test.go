package summarize

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWordTableMatchesMap checks wordTable against a map through several
// growths, with keys that differ only in length, in a zero byte or beyond
// the first 8 bytes.
func TestWordTableMatchesMap(t *testing.T) {
	keys := []string{"a", "a\x00", "\x00", "ab", "abc", "abcd", "abcdefgh", "abcdefgh\x00", "abcdefghi",
		"Unabhängigkeit", "Unabhängigkeiten", "Huawei-Chips", "ß", "\xff\xfe", strings.Repeat("x", 300)}
	for i := range 5000 {
		keys = append(keys, fmt.Sprintf("w%d", i), fmt.Sprintf("Wort%dchen", i*7))
	}
	tab := newWordTable()
	want := map[string]wordEntry{}
	for i, k := range keys {
		h := tab.hash(k)
		_, ok := tab.get(k, h, packIfShort(k))
		require.False(t, ok, "%q before put", k)
		e := wordEntry{id: int32(i), p0: int32(i % 7), np: uint16(i % 11), flags: uint16(i), stop: int16(i%5 - 1), bits: uint8(i % 32)}
		tab.put(k, h, e)
		want[k] = e
	}
	assert.Equal(t, len(want), tab.n)
	for k, e := range want {
		got, ok := tab.get(k, tab.hash(k), packIfShort(k))
		if assert.True(t, ok, "%q", k) {
			assert.Equal(t, e, got, "%q", k)
		}
	}
	for _, k := range []string{"", "b", "a\x00\x00", "abcdefgj", "Unabhängigkeiten!", strings.Repeat("x", 299)} {
		_, ok := tab.get(k, tab.hash(k), packIfShort(k))
		assert.False(t, ok, "%q", k)
	}
	tab.clear()
	_, ok := tab.get("a", tab.hash("a"), packIfShort("a"))
	assert.False(t, ok)
}

func packIfShort(k string) uint64 {
	if len(k) <= 8 {
		return packKey(k)
	}
	return 0
}

func TestPackKey(t *testing.T) {
	for _, k := range []string{"", "a", "ab", "abc", "abcd", "abcde", "abcdefg", "abcdefgh"} {
		var want uint64
		for i := range len(k) {
			want |= uint64(k[i]) << (8 * i)
		}
		assert.Equal(t, want, packKey(k), "%q", k)
	}
}

// TestStemTable checks the stem ids of a scratch through growths.
func TestStemTable(t *testing.T) {
	sc := newScratch()
	var stems []string
	for i := range 4000 {
		stems = append(stems, fmt.Sprintf("stamm%d", i))
	}
	for i, s := range stems {
		h := sc.stems.hash(s)
		require.Equal(t, int32(-1), sc.stemID(s, h))
		sc.stemBuf = append(sc.stemBuf, s...)
		sc.stemEnd = append(sc.stemEnd, len(sc.stemBuf))
		sc.stems.put(h, int32(i))
	}
	for i, s := range stems {
		assert.Equal(t, int32(i), sc.stemID(s, sc.stems.hash(s)), s)
		assert.Equal(t, s, string(sc.stem(int32(i))))
	}
	assert.Equal(t, int32(-1), sc.stemID("stamm", sc.stems.hash("stamm")))
}

// TestIDTable checks idTable through growths and a reset.
func TestIDTable(t *testing.T) {
	var tab idTable
	for round := range 2 {
		for i := range 3000 {
			_, ok := tab.get(uint64(i) << 40)
			require.False(t, ok, "round %d key %d", round, i)
			tab.add(uint64(i)<<40, int32(i))
		}
		for i := range 3000 {
			v, ok := tab.get(uint64(i) << 40)
			assert.True(t, ok)
			assert.Equal(t, int32(i), v)
		}
		tab.reset()
	}
}

// TestHeadLongestSuffix: the head of a compound is its longest suffix that
// is another one-word group's stem, with a modifier of at least 3 bytes.
func TestHeadLongestSuffix(t *testing.T) {
	sc := newScratch()
	ids := map[string]int32{}
	for _, w := range []string{"exportkontroll", "kontroll", "troll", "roll", "expo"} {
		h := sc.stems.hash(w)
		ids[w] = sc.nTerms
		sc.stemBuf = append(sc.stemBuf, w...)
		sc.stemEnd = append(sc.stemEnd, len(sc.stemBuf))
		sc.stems.put(h, sc.nTerms)
		sc.nTerms++
	}
	for _, w := range []string{"exportkontroll", "kontroll", "troll", "roll", "expo"} {
		g := phraseGroup{nids: 1}
		g.ids[0] = ids[w]
		sc.kpGroups = append(sc.kpGroups, g)
		if stem := sc.stem(ids[w]); len(stem) >= minHead {
			sc.kpHeads.add(tail(stem), int32(len(sc.kpGroups)-1))
		}
	}
	assert.Equal(t, int32(1), sc.head(0), "exportkontroll → kontroll, the longest")
	assert.Equal(t, int32(2), sc.head(1), "kontroll → troll after a modifier of 3 bytes, not roll")
	assert.Equal(t, int32(-1), sc.head(2), "troll is too short for a head after 3 bytes")
	assert.Equal(t, int32(-1), sc.head(4))
}

// TestHeadRuneStart: a head must start on a rune of the compound's stem.
func TestHeadRuneStart(t *testing.T) {
	sc := newScratch()
	for i, w := range []string{"abcdüroll", "\xbcroll", "\xffroll", "abc\xffroll"} {
		sc.stemBuf = append(sc.stemBuf, w...)
		sc.stemEnd = append(sc.stemEnd, len(sc.stemBuf))
		g := phraseGroup{nids: 1}
		g.ids[0] = int32(i)
		sc.kpGroups = append(sc.kpGroups, g)
		sc.kpHeads.add(tail(sc.stem(int32(i))), int32(i))
	}
	assert.Equal(t, int32(-1), sc.head(0), "\\xbcroll starts inside ü")
	assert.Equal(t, int32(2), sc.head(3), "an invalid byte is a rune of its own")
}
