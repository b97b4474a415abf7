package analyze

import "strings"

// wordInfo is what the theme tagger derives from one word, or one part of
// a hyphenated compound, whatever its sentence: whether it negates or is a
// stop word, its units for phrase matching and the cues it counts for.
type wordInfo struct {
	neg      bool  // a negation word
	stop     bool  // a stop word in mid-sentence
	stopInit bool  // a stop word at the start of a sentence
	cand     bool  // may match a cue; else its unit is the tagger's empty
	lowUnit  int32 // unit of the lower-case form (stop words)
	stemUnit int32 // unit of the stem (content words)
	nForms   int32 // cues[:nForms] are form cues (whole words only)
	roff     uint32
	rlen     uint32
}

// wordCache maps words to their wordInfo. It lives in the tagger's pooled
// scratch, so it survives from document to document and most words of a
// text (function words, the frequent content words) are looked up once
// per goroutine rather than lower-cased, folded, stemmed and looked up in
// four tables at every occurrence. It is emptied when full. The cached
// values depend only on the word and the tagger, so the results do not
// depend on what the cache holds.
type wordCache struct {
	slots []int32 // entry index+1, 0 = empty; power of two
	ents  []cacheEntry
	keys  []byte
	cues  []cueRef
	// misses counts the words not found since the cache was full
	misses int
	limit  int // entries; 0 means cacheEntries (tests set less)
}

type cacheEntry struct {
	hash       uint32
	koff, klen uint32
	info       wordInfo
}

const (
	cacheSlots   = 1 << 15
	cacheEntries = cacheSlots / 2
	cacheBytes   = 1 << 18 // keys and cue references, each
)

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
	if c.slots == nil {
		c.slots = make([]int32, cacheSlots)
	} else {
		clear(c.slots)
	}
	c.ents, c.keys, c.cues = c.ents[:0], c.keys[:0], c.cues[:0]
	c.misses = 0
}

// word returns the wordInfo of w = text[start:end] and its cues; they are
// valid until the next call.
func (g *tagger) word(sc *sentScratch, low *lowerText, w string, start, end int) (wordInfo, []cueRef) {
	c := sc.cache
	if c == nil {
		sc.cues = sc.cues[:0]
		info := g.describe(sc, &sc.cues, low.word(start, end), w)
		return info, sc.cues[info.roff : info.roff+info.rlen]
	}
	if c.slots == nil {
		c.reset()
	}
	h := wordHash(w)
	mask := uint32(len(c.slots) - 1)
	j := h & mask
	for ; c.slots[j] != 0; j = (j + 1) & mask {
		e := &c.ents[c.slots[j]-1]
		if e.hash == h && string(c.keys[e.koff:e.koff+e.klen]) == w {
			return e.info, c.cues[e.info.roff : e.info.roff+e.info.rlen]
		}
	}
	limit := cacheEntries
	if c.limit > 0 {
		limit = c.limit
	}
	if len(c.ents) >= limit || len(c.keys)+len(w) > cacheBytes || len(c.cues) > cacheBytes/16 {
		// Full: the words that came first are mostly the frequent ones, so
		// keep them and describe new words without storing them, until so
		// many were missed that the text has moved on.
		if c.misses++; c.misses < 4*limit {
			info := g.describe(sc, &c.cues, low.word(start, end), w)
			cues := c.cues[info.roff : info.roff+info.rlen]
			c.cues = c.cues[:info.roff] // cues stays readable until the next call
			return info, cues
		}
		c.reset()
		for j = h & mask; c.slots[j] != 0; j = (j + 1) & mask {
		}
	}
	info := g.describe(sc, &c.cues, low.word(start, end), w)
	c.slots[j] = int32(len(c.ents) + 1)
	c.ents = append(c.ents, cacheEntry{hash: h, koff: uint32(len(c.keys)), klen: uint32(len(w)), info: info})
	c.keys = append(c.keys, w...)
	return info, c.cues[info.roff : info.roff+info.rlen]
}

// describe computes the wordInfo of w (lower-cased in lower), appending
// its cues to *cues: form cues first, then stem or compound-part cues, the
// order in which they count.
func (g *tagger) describe(sc *sentScratch, cuesp *[]cueRef, lower []byte, w string) wordInfo {
	info := wordInfo{
		neg:      isNegator(lower),
		stop:     stopWord(w, lower, false),
		stopInit: stopWord(w, lower, true),
		lowUnit:  g.unit(lower),
		stemUnit: g.empty,
		roff:     uint32(len(*cuesp)),
	}
	if strings.IndexByte(w, '-') > 0 {
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
