package wordtab_test

import (
	"encoding/binary"
	"sync"
	"testing"

	"github.com/techschau/techschau/german"
	"github.com/techschau/techschau/internal/wordtab"
	"github.com/techschau/techschau/internal/wordtab/wordtabtest"
)

// The benchmarks of this file measure wordtab on the usage shapes of the
// project's older tables, with the words of the 10kGNAD dev corpus. Their
// counterparts in the other packages (BenchmarkPeer…, in
// testdata/peers, compiled into those packages with go test -overlay) run
// the same loops over the same words on the older structures;
// internal/wordtab/internal/peers runs both, alternating, and prints the
// ratios. Keep the two sides of a shape doing the same work.

var sink uint64

// BenchmarkShapeHash hashes every word token (surface form).
func BenchmarkShapeHash(b *testing.B) {
	c := wordtabtest.ForBenchmark(b)
	wordtabtest.Run(b, c.WordBytes, len(c.Words), func() {
		for _, w := range c.Words {
			sink += wordtab.Hash(w)
		}
	})
}

// lexiconKeys is the table of the lookup shapes: every 16th word of the
// vocabulary (1,966 keys; 8 % of the tokens are in it).
func lexiconKeys(c *wordtabtest.Corpus) []string { return c.Keys(16) }

func buildTable(keys []string, opts ...wordtab.Option) *wordtab.Table[int32] {
	return wordtab.New(func(yield func(string, int32) bool) {
		for i, k := range keys {
			if !yield(k, int32(i)) {
				return
			}
		}
	}, opts...)
}

// benchTable looks the queries up in a table of the lexicon keys, without
// and with a filter: by Get (hashing included) or, with prehashed, by
// GetHashed with the hashes computed before (as per-token facts give them).
func benchTable(b *testing.B, queries []string, prehashed bool) {
	c := wordtabtest.ForBenchmark(b)
	hs := make([]uint64, len(queries))
	for i, q := range queries {
		hs[i] = wordtab.Hash(q)
	}
	for _, o := range []struct {
		name string
		opts []wordtab.Option
	}{{"plain", nil}, {"filter", []wordtab.Option{wordtab.WithFilter(16)}}} {
		b.Run(o.name, func(b *testing.B) {
			t := buildTable(lexiconKeys(c), o.opts...)
			var x int32
			wordtabtest.Run(b, wordtabtest.Bytes(queries), len(queries), func() {
				for i, q := range queries {
					var v int32
					if prehashed {
						v, _ = t.GetHashed(hs[i], q)
					} else {
						v, _ = t.Get(q)
					}
					x += v
				}
			})
			sink += uint64(x)
		})
	}
}

// BenchmarkShapeTableHits looks up words that are all in the table: a cue
// table after its filters.
func BenchmarkShapeTableHits(b *testing.B) {
	c := wordtabtest.ForBenchmark(b)
	benchTable(b, c.Hits(lexiconKeys(c)), false)
}

// BenchmarkShapeTableText looks up every lower-cased token of the text: a
// lexicon index (92 % misses).
func BenchmarkShapeTableText(b *testing.B) {
	benchTable(b, wordtabtest.ForBenchmark(b).Lower, false)
}

// BenchmarkShapeTableTextPrehashed is BenchmarkShapeTableText with every
// token's hash computed once before.
func BenchmarkShapeTableTextPrehashed(b *testing.B) {
	benchTable(b, wordtabtest.ForBenchmark(b).Lower, true)
}

// entry is a cached word analysis of 16 bytes (summarize's wordEntry has
// that size).
type entry struct {
	id, p0, p1 int32
	flags      uint32
}

// benchCache looks up every word of every article in a cache, an article's
// hashes computed and its slots prefetched first, and stores the misses: a
// stage's cache of word analyses. The cache is warm (every word in it) or,
// with fill, cleared before each pass, so that a sixth of the words are
// stored.
func benchCache(b *testing.B, fill bool) {
	c := wordtabtest.ForBenchmark(b)
	arts := c.Articles()
	wc := wordtab.NewCache[entry]()
	var hs []uint64
	var x int32
	pass := func() {
		for _, words := range arts {
			hs = hs[:0]
			for _, w := range words {
				hs = append(hs, wordtab.Hash(w))
			}
			wc.Prefetch(hs)
			for i, w := range words {
				e, ok := wc.GetHashed(hs[i], w)
				if !ok {
					e = entry{id: int32(len(w))}
					wc.PutHashed(hs[i], w, e)
				}
				x += e.id
			}
		}
	}
	pass()
	wordtabtest.Run(b, c.WordBytes, len(c.Words), func() {
		if fill {
			wc.Clear()
		}
		pass()
	})
	sink += uint64(x)
}

// BenchmarkShapeCacheWarm: every word is in the cache already (the steady
// state of a pooled cache).
func BenchmarkShapeCacheWarm(b *testing.B) { benchCache(b, false) }

// BenchmarkShapeCacheFill: the cache is cleared before each pass.
func BenchmarkShapeCacheFill(b *testing.B) { benchCache(b, true) }

// articleHashes returns per article the word tokens' texts and their
// hashes by hash.
func articleHashes(c *wordtabtest.Corpus, hash func(string) uint64) ([][]string, [][]uint64) {
	arts := c.Articles()
	hs := make([][]uint64, len(arts))
	for i, words := range arts {
		for _, w := range words {
			hs[i] = append(hs[i], hash(w))
		}
	}
	return arts, hs
}

// BenchmarkShapeScratch is a per-document table: reset for the article,
// every word of the article counted (hash given), then every word looked
// up.
func BenchmarkShapeScratch(b *testing.B) {
	c := wordtabtest.ForBenchmark(b)
	arts, hs := articleHashes(c, wordtab.Hash[string])
	var sc wordtab.Cache[int32]
	var x int32
	wordtabtest.Run(b, c.WordBytes, len(c.Words), func() {
		for ai, words := range arts {
			sc.Reset(len(words))
			for i, w := range words {
				p, _ := sc.Ref(hs[ai][i], w)
				*p++
			}
			for i, w := range words {
				v, _ := sc.GetHashed(hs[ai][i], w)
				x += v
			}
		}
	})
	sink += uint64(x)
}

// BenchmarkShapeScratchUint64 is a per-document table of integer keys
// (packed ids): reset, then every key looked up and added when absent.
func BenchmarkShapeScratchUint64(b *testing.B) {
	c := wordtabtest.ForBenchmark(b)
	_, keys := articleHashes(c, func(w string) uint64 { return wordtab.Hash(german.Lower(w)) })
	var sc wordtab.Cache[int32]
	var x int32
	wordtabtest.Run(b, 8*len(c.Words), len(c.Words), func() {
		for _, ks := range keys {
			sc.Reset(len(ks))
			for i, k := range ks {
				p, found := sc.RefUint64(k)
				if !found {
					*p = int32(i)
				}
				x += *p
			}
		}
	})
	sink += uint64(x)
}

// BenchmarkShapeLowerText lower-cases every text whole, keeping track of
// whether the byte offsets stay.
func BenchmarkShapeLowerText(b *testing.B) {
	c := wordtabtest.ForBenchmark(b)
	var buf []byte
	n := 0
	wordtabtest.Run(b, c.TextBytes, 0, func() {
		for _, t := range c.Texts {
			var same bool
			buf, same = wordtab.AppendLowerAligned(buf[:0], t)
			if same {
				n++
			}
		}
	})
	sink += uint64(n)
}

// BenchmarkShapeLowerToken lower-cases every word token into a reused
// buffer: wordtab.AppendLower against german.AppendLower.
func BenchmarkShapeLowerToken(b *testing.B) {
	c := wordtabtest.ForBenchmark(b)
	for _, f := range []struct {
		name string
		fn   func([]byte, string) []byte
	}{{"wordtab", wordtab.AppendLower}, {"german", german.AppendLower}} {
		b.Run(f.name, func(b *testing.B) {
			var buf []byte
			n := 0
			wordtabtest.Run(b, c.WordBytes, len(c.Words), func() {
				for _, w := range c.Words {
					buf = f.fn(buf[:0], w)
					n += len(buf)
				}
			})
			sink += uint64(n)
		})
	}
}

// BenchmarkShapeFacts makes the per-token facts every stage asks for, lower
// case and hash, for the Word and Number tokens of each article, the lower
// forms in one arena per article.
func BenchmarkShapeFacts(b *testing.B) {
	c := wordtabtest.ForBenchmark(b)
	arts := c.WordTokens()
	var arena []byte
	var x uint64
	wordtabtest.Run(b, c.WordBytes, len(c.Words), func() {
		for _, toks := range arts {
			arena = arena[:0]
			for _, t := range toks {
				var h uint64
				var low string
				low, h, arena = wordtab.LowerHash(arena, t.Text)
				x += h + uint64(len(low))
			}
		}
	})
	sink += x
}

// BenchmarkShapeFreeList takes a scratch object and gives it back.
func BenchmarkShapeFreeList(b *testing.B) {
	b.Run("wordtab", func(b *testing.B) {
		l := wordtab.NewFreeList(8, func() *wordtab.Cache[int] { return new(wordtab.Cache[int]) })
		wordtabtest.Run(b, 0, 0, func() { l.Put(l.Get()) })
	})
	b.Run("syncpool", func(b *testing.B) {
		p := sync.Pool{New: func() any { return new(wordtab.Cache[int]) }}
		wordtabtest.Run(b, 0, 0, func() { p.Put(p.Get()) })
	})
}

// BenchmarkShapeStats looks up integer keys (hashes of the surface forms;
// a quarter are no key) in a read-only table of the hashes of the whole
// vocabulary: a word statistics table keyed by hashes.
func BenchmarkShapeStats(b *testing.B) {
	c := wordtabtest.ForBenchmark(b)
	t := wordtab.New(func(yield func(string, uint32) bool) {
		var k [8]byte
		for i, w := range c.Vocab {
			binary.LittleEndian.PutUint64(k[:], wordtab.Hash(w))
			if !yield(string(k[:]), uint32(i)) {
				return
			}
		}
	})
	qs := make([]uint64, len(c.Words))
	for i, w := range c.Words {
		qs[i] = wordtab.Hash(w)
	}
	var x uint32
	wordtabtest.Run(b, 8*len(qs), len(qs), func() {
		for _, q := range qs {
			v, _ := t.GetUint64(q)
			x += v
		}
	})
	sink += uint64(x)
}
