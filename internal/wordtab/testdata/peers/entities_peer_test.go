package entities

import (
	"testing"

	"github.com/techschau/techschau/internal/wordtab/wordtabtest"
)

// Peer benchmarks of internal/wordtab (see internal/wordtab/testdata/peers):
// wordtab's shapes on the tables of entities.

var peerSink uint64

func BenchmarkPeerHash(b *testing.B) {
	c := wordtabtest.ForBenchmark(b)
	wordtabtest.Run(b, c.WordBytes, len(c.Words), func() {
		for _, w := range c.Words {
			peerSink += wordHash(w)
		}
	})
}

// peerTable looks the queries up in a wordTable of the lexicon keys (which
// always has its filter), hashing them or with their hashes computed
// before.
func peerTable(b *testing.B, queries []string, prehashed bool) {
	c := wordtabtest.ForBenchmark(b)
	keys := c.Keys(16)
	t := newWordTable(len(keys))
	for i, k := range keys {
		t.put(k, int32(i))
	}
	hs := make([]uint64, len(queries))
	for i, q := range queries {
		hs[i] = wordHash(q)
	}
	var x int32
	wordtabtest.Run(b, wordtabtest.Bytes(queries), len(queries), func() {
		for i, q := range queries {
			var v int32
			if prehashed {
				v, _ = t.get(hs[i], q)
			} else {
				v, _ = t.get(wordHash(q), q)
			}
			x += v
		}
	})
	peerSink += uint64(x)
}

func BenchmarkPeerTableHits(b *testing.B) {
	c := wordtabtest.ForBenchmark(b)
	peerTable(b, c.Hits(c.Keys(16)), false)
}

func BenchmarkPeerTableText(b *testing.B) {
	peerTable(b, wordtabtest.ForBenchmark(b).Lower, false)
}

func BenchmarkPeerTableTextPrehashed(b *testing.B) {
	peerTable(b, wordtabtest.ForBenchmark(b).Lower, true)
}

func BenchmarkPeerScratch(b *testing.B) {
	c := wordtabtest.ForBenchmark(b)
	arts := c.Articles()
	hs := make([][]uint64, len(arts))
	for i, words := range arts {
		for _, w := range words {
			hs[i] = append(hs[i], wordHash(w))
		}
	}
	var sc scratchTable
	var x int32
	wordtabtest.Run(b, c.WordBytes, len(c.Words), func() {
		for ai, words := range arts {
			sc.reset(len(words))
			for i, w := range words {
				s, _ := sc.slot(hs[ai][i], w)
				s.val++
			}
			for i, w := range words {
				v, _ := sc.get(hs[ai][i], w)
				x += v
			}
			sc.release()
		}
	})
	peerSink += uint64(x)
}

func BenchmarkPeerFacts(b *testing.B) {
	c := wordtabtest.ForBenchmark(b)
	arts := c.WordTokens()
	lists := &nameLists{} // no word lists: the facts alone
	var arena []byte
	var facts []tokFact
	var x uint64
	wordtabtest.Run(b, c.WordBytes, len(c.Words), func() {
		for ai, toks := range arts {
			arena = arena[:0]
			facts = appendFacts(facts[:0], toks, c.Texts[ai], &arena, lists)
			for i := range facts {
				x += facts[i].h + uint64(len(facts[i].lower))
			}
		}
	})
	peerSink += x
}
