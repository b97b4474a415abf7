package analyze

import (
	"strings"

	"github.com/techschau/techschau/german"
)

// wordInfo is what the theme tagger derives from one word, or one part of
// a hyphenated compound, whatever its sentence: whether it negates or is a
// stop word, its units for phrase matching and the cues it counts for.
type wordInfo struct {
	neg      bool  // a negation word
	stop     bool  // a stop word in mid-sentence
	stopInit bool  // a stop word at the start of a sentence
	cand     bool  // may match a cue; else its unit is the tagger's empty
	hyphen   bool  // a compound with a hyphen after its first byte
	lowUnit  int32 // unit of the lower-case form (stop words)
	stemUnit int32 // unit of the stem (content words)
	nForms   int32 // cues[:nForms] are form cues (whole words only)
	roff     uint32
	rlen     uint32
}

// wordCache maps words to their wordInfo. The tagger keeps its caches on
// a free list, so a cache survives from document to document and most
// words of a text (function words, the frequent content words) are looked
// up once per goroutine rather than lower-cased, folded, stemmed and
// looked up in four tables at every occurrence. When full it keeps its
// words and describes new ones without storing them, until so many were
// missed that it starts over. The cached values depend only on the word
// and the tagger, so the results do not depend on what the cache holds.
//
// The table is open addressing over 32-byte entries that hold the word's
// hash, its first 12 bytes and its wordInfo, so that a lookup touches one
// cache line: in the pipeline the entity stage runs between two documents
// and evicts the table from the CPU caches, and then each memory access
// of a lookup is a miss.
type wordCache struct {
	tab  []cacheEntry // power of two, at most half full
	n    int          // entries in tab
	keys []byte       // bytes of words past the 12 kept in their entry
	cues []cueRef
	// misses counts the words not found since the cache was full
	misses int
	limit  int // entries; 0 means cacheEntries (tests set less)
}

type cacheEntry struct {
	hash     uint32
	roff     uint32
	koff     uint32
	lowUnit  int16
	stemUnit int16
	klen     uint8 // 0: empty
	flags    uint8
	nForms   uint8
	rlen     uint8
	key      [12]byte // the word's first 12 bytes
}

const (
	entNeg = 1 << iota
	entStop
	entStopInit
	entCand
	entHyphen
)

const (
	cacheSlots   = 1 << 15
	cacheEntries = cacheSlots / 2
	cacheBytes   = 1 << 18 // keys and cue references, each
)

// pack stores info and w in e; false if they do not fit (a long word, many
// cues, unit ids past int16).
func (e *cacheEntry) pack(info wordInfo, w string, koff int) bool {
	if len(w) > 255 || info.nForms > 255 || info.rlen > 255 || info.lowUnit != int32(int16(info.lowUnit)) || info.stemUnit != int32(int16(info.stemUnit)) {
		return false
	}
	*e = cacheEntry{roff: info.roff, koff: uint32(koff), lowUnit: int16(info.lowUnit), stemUnit: int16(info.stemUnit),
		klen: uint8(len(w)), nForms: uint8(info.nForms), rlen: uint8(info.rlen)}
	for _, f := range []struct {
		on  bool
		bit uint8
	}{{info.neg, entNeg}, {info.stop, entStop}, {info.stopInit, entStopInit}, {info.cand, entCand}, {info.hyphen, entHyphen}} {
		if f.on {
			e.flags |= f.bit
		}
	}
	copy(e.key[:], w)
	return true
}

// info unpacks the wordInfo of e.
func (e *cacheEntry) info() wordInfo {
	return wordInfo{
		neg: e.flags&entNeg != 0, stop: e.flags&entStop != 0, stopInit: e.flags&entStopInit != 0, cand: e.flags&entCand != 0, hyphen: e.flags&entHyphen != 0,
		lowUnit: int32(e.lowUnit), stemUnit: int32(e.stemUnit), nForms: int32(e.nForms), roff: e.roff, rlen: uint32(e.rlen),
	}
}

// maxCaches bounds the word caches of a tagger (about 1 MB each); a
// goroutine that finds none free tags without one.
const maxCaches = 8

// getCache takes a word cache from the free list, makes one while fewer
// than cap(g.caches) exist, or returns nil.
func (g *tagger) getCache() *wordCache {
	select {
	case c := <-g.caches:
		return c
	default:
	}
	if g.nCaches.Add(1) <= int32(cap(g.caches)) {
		return new(wordCache)
	}
	g.nCaches.Add(-1)
	return nil
}

// putCache returns c to the free list unless the list is full.
func (g *tagger) putCache(c *wordCache) {
	select {
	case g.caches <- c:
	default:
		g.nCaches.Add(-1)
	}
}

func (c *wordCache) reset() {
	if c.tab == nil {
		c.tab = make([]cacheEntry, cacheSlots)
	} else {
		clear(c.tab)
	}
	c.n, c.keys, c.cues = 0, c.keys[:0], c.cues[:0]
	c.misses = 0
}

// touch loads the cache entries of a sentence's words before they are
// looked up one by one. The loads do not depend on each other, so the CPU
// has their cache misses outstanding at once (in the pipeline the entity
// stage has evicted the table); the lookups then find the lines in cache.
// The hashes are kept in sc.hashes (per token, 0 for non-words) for
// wordHashed.
func (g *tagger) touch(sc *sentScratch, toks []german.Token) {
	hs := sc.hashes[:0]
	c := sc.cache
	if c == nil || c.tab == nil {
		for i := range toks {
			var h uint32
			if toks[i].Kind == german.Word {
				h = wordHash(toks[i].Text)
			}
			hs = append(hs, h)
		}
		sc.hashes = hs
		return
	}
	mask := uint32(len(c.tab) - 1)
	var x uint32
	for i := range toks {
		var h uint32
		if toks[i].Kind == german.Word {
			h = wordHash(toks[i].Text)
			x += c.tab[h&mask].hash
		}
		hs = append(hs, h)
	}
	sc.hashes = hs
	sc.sink += x
}

// word returns the wordInfo of w = text[start:end] and its cues; they are
// valid until the next call.
func (g *tagger) word(sc *sentScratch, low *lowerText, w string, start, end int) (wordInfo, []cueRef) {
	return g.wordHashed(sc, low, w, wordHash(w), start, end)
}

// wordHashed is word with w's hash (wordHash) computed by the caller.
func (g *tagger) wordHashed(sc *sentScratch, low *lowerText, w string, h uint32, start, end int) (wordInfo, []cueRef) {
	c := sc.cache
	if c == nil {
		sc.cues = sc.cues[:0]
		info := g.describe(sc, &sc.cues, low.word(start, end), w)
		return info, sc.cues[info.roff : info.roff+info.rlen]
	}
	if c.tab == nil {
		c.reset()
	}
	mask := uint32(len(c.tab) - 1)
	j := h & mask
	for ; c.tab[j].klen != 0; j = (j + 1) & mask {
		e := &c.tab[j]
		if e.hash != h || int(e.klen) != len(w) {
			continue
		}
		n := min(len(w), len(e.key))
		if string(e.key[:n]) == w[:n] && (len(w) <= len(e.key) || string(c.keys[e.koff:int(e.koff)+len(w)-len(e.key)]) == w[len(e.key):]) {
			return e.info(), c.cues[e.roff : e.roff+uint32(e.rlen)]
		}
	}
	limit := cacheEntries
	if c.limit > 0 {
		limit = c.limit
	}
	if c.n >= limit || len(c.keys)+len(w) > cacheBytes || len(c.cues) > cacheBytes/16 {
		// Full: the words that came first are mostly the frequent ones, so
		// keep them and describe new words without storing them, until so
		// many were missed that the text has moved on.
		if c.misses++; c.misses < 4*limit {
			return g.describeOnce(sc, c, low, w, start, end)
		}
		c.reset()
		for j = h & mask; c.tab[j].klen != 0; j = (j + 1) & mask {
		}
	}
	info := g.describe(sc, &c.cues, low.word(start, end), w)
	if !c.tab[j].pack(info, w, len(c.keys)) {
		cues := c.cues[info.roff : info.roff+info.rlen]
		c.cues = c.cues[:info.roff] // cues stays readable until the next call
		return info, cues
	}
	c.tab[j].hash = h
	c.n++
	if len(w) > len(c.tab[j].key) {
		c.keys = append(c.keys, w[len(c.tab[j].key):]...)
	}
	return info, c.cues[info.roff : info.roff+info.rlen]
}

// describeOnce describes w without storing it.
func (g *tagger) describeOnce(sc *sentScratch, c *wordCache, low *lowerText, w string, start, end int) (wordInfo, []cueRef) {
	info := g.describe(sc, &c.cues, low.word(start, end), w)
	cues := c.cues[info.roff : info.roff+info.rlen]
	c.cues = c.cues[:info.roff] // cues stays readable until the next call
	return info, cues
}

// describe computes the wordInfo of w (lower-cased in lower), appending
// its cues to *cues: form cues first, then stem or compound-part cues, the
// order in which they count.
func (g *tagger) describe(sc *sentScratch, cuesp *[]cueRef, lower []byte, w string) wordInfo {
	info := wordInfo{
		neg:      isNegator(lower),
		lowUnit:  -1,
		stemUnit: g.empty,
		roff:     uint32(len(*cuesp)),
		hyphen:   strings.IndexByte(w, '-') > 0,
	}
	if len(w) == len(lower) && w == string(lower) {
		// stopWord gives the same answer at the start of a sentence
		info.stop = german.IsStopWord(w)
		info.stopInit = info.stop
	} else {
		info.stop, info.stopInit = stopWord(w, lower, false), stopWord(w, lower, true)
	}
	if info.stop || info.stopInit {
		info.lowUnit = g.unit(lower) // only a stop word's unit is its lower-case form
	}
	if info.hyphen {
		return info // a compound: its parts are the units
	}
	var same bool
	sc.fold, same = foldInto(sc.fold, w)
	if !g.candidate(sc.fold) {
		return info
	}
	info.cand = true
	cues := *cuesp
	if r, ok := g.forms.get(lower); ok {
		cues = append(cues, r...)
		info.nForms = int32(len(r))
	}
	st := stem(sc.fold, same, w)
	info.stemUnit = g.unitString(st)
	cues = g.appendStemCues(cues, st)
	info.rlen = uint32(len(cues)) - info.roff
	*cuesp = cues
	return info
}
