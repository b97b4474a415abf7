package summarize

import (
	"testing"

	"github.com/techschau/techschau/german"
	"github.com/techschau/techschau/internal/wordtab"
	"github.com/techschau/techschau/internal/wordtab/wordtabtest"
)

// Peer benchmarks of internal/wordtab (see internal/wordtab/testdata/peers):
// wordtab's shapes on the tables of summarize.

var peerSink uint64

// peerHash is the hash and packed key of a word as loadSentence makes them.
func peerHash(t *wordTable, w string) (h, k uint64) {
	if n := len(w); n <= 8 {
		k = packKey(w)
		return t.hashShort(k, n), k
	}
	return t.hash(w), 0
}

func BenchmarkPeerHash(b *testing.B) {
	c := wordtabtest.ForBenchmark(b)
	t := newWordTable()
	wordtabtest.Run(b, c.WordBytes, len(c.Words), func() {
		for _, w := range c.Words {
			h, _ := peerHash(&t, w)
			peerSink += h
		}
	})
}

// peerCache is wordtab's benchCache on summarize's word cache, used the
// way loadSentence uses it: hashes first, slots touched, then lookups.
func peerCache(b *testing.B, fill bool) {
	c := wordtabtest.ForBenchmark(b)
	arts := c.Articles()
	t := newWordTable()
	var hs [][2]uint64
	var x int32
	var sink uint32
	pass := func() {
		for _, words := range arts {
			hs = hs[:0]
			for _, w := range words {
				h, k := peerHash(&t, w)
				hs = append(hs, [2]uint64{h, k})
			}
			var touch uint32
			for _, hk := range hs {
				touch += t.touch(hk[0])
			}
			sink += touch
			for i, w := range words {
				e, ok := t.get(w, hs[i][0], hs[i][1])
				if !ok {
					e = wordEntry{id: int32(len(w))}
					t.put(w, hs[i][0], e)
				}
				x += e.id
			}
		}
	}
	pass()
	wordtabtest.Run(b, c.WordBytes, len(c.Words), func() {
		if fill {
			t.clear()
		}
		pass()
	})
	peerSink += uint64(x) + uint64(sink)
}

func BenchmarkPeerCacheWarm(b *testing.B) { peerCache(b, false) }

func BenchmarkPeerCacheFill(b *testing.B) { peerCache(b, true) }

func BenchmarkPeerScratchUint64(b *testing.B) {
	c := wordtabtest.ForBenchmark(b)
	keys := make([][]uint64, len(c.Tokens))
	for i, words := range c.Articles() {
		for _, w := range words {
			keys[i] = append(keys[i], wordtab.Hash(german.Lower(w)))
		}
	}
	var t idTable
	var x int32
	wordtabtest.Run(b, 8*len(c.Words), len(c.Words), func() {
		for _, ks := range keys {
			for i, k := range ks {
				v, ok := t.get(k)
				if !ok {
					v = int32(i)
					t.add(k, v)
				}
				x += v
			}
			t.reset()
		}
	})
	peerSink += uint64(x)
}

func BenchmarkPeerFreeList(b *testing.B) {
	s, err := New()
	if err != nil {
		b.Fatal(err)
	}
	wordtabtest.Run(b, 0, 0, func() { s.putScratch(s.getScratch()) })
}
