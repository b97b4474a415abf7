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
	// slots hold the top 16 bits of a word's hash and its entry index+1
	// (0 = empty), so that a probe rarely touches an entry of another word
	slots []uint32
	ents  []cacheEntry
	keys  []byte // bytes of words past the 16 kept in their entry
	cues  []cueRef
	// misses counts the words not found since the cache was full
	misses int
	limit  int // entries; 0 means cacheEntries (tests set less)
}

type cacheEntry struct {
	key        [16]byte // the word's first 16 bytes
	klen, koff uint32
	info       wordInfo
}

const (
	cacheSlots   = 1 << 15
	cacheEntries = cacheSlots / 2 // < 1<<16, to fit in a slot
	cacheBytes   = 1 << 18        // keys and cue references, each
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
		c.slots = make([]uint32, cacheSlots)
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
	tag := h &^ 0xffff
	mask := uint32(len(c.slots) - 1)
	j := h & mask
	for ; c.slots[j] != 0; j = (j + 1) & mask {
		if c.slots[j]&^0xffff != tag {
			continue
		}
		e := &c.ents[c.slots[j]&0xffff-1]
		n := min(len(w), 16)
		if int(e.klen) == len(w) && string(e.key[:n]) == w[:n] && (len(w) <= 16 || string(c.keys[e.koff:e.koff+e.klen-16]) == w[16:]) {
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
	c.slots[j] = tag | uint32(len(c.ents)+1)
	e := cacheEntry{klen: uint32(len(w)), koff: uint32(len(c.keys)), info: info}
	copy(e.key[:], w)
	c.ents = append(c.ents, e)
	if len(w) > 16 {
		c.keys = append(c.keys, w[16:]...)
	}
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
		lowUnit:  -1,
		stemUnit: g.empty,
		roff:     uint32(len(*cuesp)),
	}
	if info.stop || info.stopInit {
		info.lowUnit = g.unit(lower) // only a stop word's unit is its lower-case form
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
