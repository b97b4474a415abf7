package analyze

import (
	"testing"

	"github.com/techschau/techschau/internal/wordtab/wordtabtest"
)

// Peer benchmarks of internal/wordtab (see internal/wordtab/testdata/peers):
// wordtab's shapes on analyze's tables.

var peerSink uint64

func BenchmarkPeerHash(b *testing.B) {
	c := wordtabtest.ForBenchmark(b)
	wordtabtest.Run(b, c.WordBytes, len(c.Words), func() {
		for _, w := range c.Words {
			peerSink += uint64(wordHash(w))
		}
	})
}

// peerTable looks the queries up in a wordTable of the lexicon keys.
func peerTable(b *testing.B, queries []string) {
	c := wordtabtest.ForBenchmark(b)
	keys := c.Keys(16)
	vals := make([]int32, len(keys))
	for i := range vals {
		vals[i] = int32(i)
	}
	t := newWordTable(keys, vals)
	var x int32
	wordtabtest.Run(b, wordtabtest.Bytes(queries), len(queries), func() {
		for _, q := range queries {
			v, _ := t.getString(q)
			x += v
		}
	})
	peerSink += uint64(x)
}

func BenchmarkPeerTableHits(b *testing.B) {
	c := wordtabtest.ForBenchmark(b)
	peerTable(b, c.Hits(c.Keys(16)))
}

func BenchmarkPeerTableText(b *testing.B) { peerTable(b, wordtabtest.ForBenchmark(b).Lower) }

func BenchmarkPeerLowerText(b *testing.B) {
	c := wordtabtest.ForBenchmark(b)
	var low lowerText
	n := 0
	wordtabtest.Run(b, c.TextBytes, 0, func() {
		for _, t := range c.Texts {
			low.reset(t)
			if low.same {
				n++
			}
		}
	})
	peerSink += uint64(n)
}

func BenchmarkPeerFreeList(b *testing.B) {
	tax, err := DefaultThemes()
	if err != nil {
		b.Fatal(err)
	}
	m, err := DefaultThemeModel()
	if err != nil {
		b.Fatal(err)
	}
	g := newTagger(tax, m)
	wordtabtest.Run(b, 0, 0, func() { g.putCache(g.getCache()) })
}
