package ner

import (
	"testing"

	"github.com/techschau/techschau/internal/wordtab"
	"github.com/techschau/techschau/internal/wordtab/wordtabtest"
)

// Peer benchmarks of internal/wordtab (see internal/wordtab/testdata/peers):
// wordtab's shapes on the tables of internal/ner.

var peerSink uint64

func BenchmarkPeerHash(b *testing.B) {
	c := wordtabtest.ForBenchmark(b)
	wordtabtest.Run(b, c.WordBytes, len(c.Words), func() {
		for _, w := range c.Words {
			peerSink += hashString(fnvOffset, w)
		}
	})
}

func BenchmarkPeerStats(b *testing.B) {
	c := wordtabtest.ForBenchmark(b)
	s := newWordStats(len(c.Vocab))
	for i, w := range c.Vocab {
		s.put(wordtab.Hash(w), uint32(i))
	}
	qs := make([]uint64, len(c.Words))
	for i, w := range c.Words {
		qs[i] = wordtab.Hash(w)
	}
	var x uint32
	wordtabtest.Run(b, 8*len(qs), len(qs), func() {
		for _, q := range qs {
			x += s.get(q)
		}
	})
	peerSink += uint64(x)
}

func BenchmarkPeerFreeList(b *testing.B) {
	var l scratchList
	wordtabtest.Run(b, 0, 0, func() { l.put(l.get()) })
}
