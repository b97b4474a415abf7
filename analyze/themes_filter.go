package analyze

import (
	"unsafe"

	"github.com/techschau/techschau/german"
)

// From a word to its cues. The word cache (wordcache.go, describe) calls
// these once per distinct word and goroutine: candidate rules out, without
// stemming, the words no stem, part, form or phrase cue can match;
// appendStemCues looks the stem of a candidate up.

// stopWord reports whether w (lower-cased in lower) is a stop word; its
// unit is then its lower-case form. A capitalised word in mid-sentence is
// a noun or a name in German, except the polite "Sie" forms, so only
// lower-case words and sentence-initial ones are looked up.
func stopWord(w string, lower []byte, initial bool) bool {
	if len(w) == len(lower) && w == string(lower) {
		return german.IsStopWord(w)
	}
	if !initial {
		switch string(lower) {
		case "sie", "ihnen", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres":
			return true
		}
		return false
	}
	if len(lower) > 16 {
		return false
	}
	return german.IsStopWord(unsafe.String(unsafe.SliceData(lower), len(lower)))
}

// isNegator reports the negation words (lower case): a cue within
// negationReach words after one counts at negationKeep of its weight.
func isNegator(lower []byte) bool {
	switch string(lower) {
	case "kein", "keine", "keinen", "keinem", "keiner", "keines", "nicht", "ohne", "nie", "niemals", "weder":
		return true
	}
	return false
}

// unit returns the vocabulary id of a sentence unit, -1 if no phrase has it.
func (g *tagger) unit(b []byte) int32 {
	id, ok := g.vocab.get(b)
	if !ok {
		return -1
	}
	return id
}

// unitString is unit for a string.
func (g *tagger) unitString(s string) int32 {
	id, ok := g.vocab.getString(s)
	if !ok {
		return -1
	}
	return id
}

// candidate reports whether a word with folded form f (see foldInto) may
// match a cue: its stem is a prefix of f, so a stem or phrase cue of 4
// bytes or more shares f's first 4 bytes, a shorter one is a prefix of f,
// and a compound part lies inside f.
func (g *tagger) candidate(f []byte) bool {
	if len(f) >= 4 && g.prefix.has(f) {
		return true
	}
	for _, l := range g.shortLens {
		if len(f) >= l && g.shortHead.hasKey(headKey(f[:l])) {
			if _, ok := g.short.get(f[:l]); ok {
				return true
			}
		}
	}
	for i := 1; i+4 <= len(f) && len(f) >= 8; i++ {
		if g.inner.has(f[i:]) {
			return true
		}
	}
	return false
}

// stem returns german.Stem(w), from the folded form f of w when
// that gives the same stem without allocating (see foldInto). The result
// may alias f.
func stem(f []byte, stemsSame bool, w string) string {
	if stemsSame {
		return german.Stem(unsafe.String(unsafe.SliceData(f), len(f)))
	}
	return german.Stem(w)
}

// appendStemCues appends the stem and compound-part cues of one stem to
// refs, in the order they count: a stem cue, or else the parts the stem
// starts or ends with (a part must leave 3 bytes of the stem).
func (g *tagger) appendStemCues(refs []cueRef, st string) []cueRef {
	if r, ok := g.stems.getString(st); ok && len(r) > 0 {
		return append(refs, r...)
	}
	if len(st) < 7 {
		return refs
	}
	// a part starts with one of the 4-byte heads (partFilter: all parts
	// are that long)
	head := !g.partFilter || g.partHead.hasString(st)
	for _, l := range g.partLens {
		if l > len(st)-3 {
			break
		}
		if head {
			if r, ok := g.parts.getString(st[:l]); ok {
				refs = append(refs, r...)
			}
		}
		tail := st[len(st)-l:]
		if !g.partFilter || g.partHead.hasString(tail) {
			if r, ok := g.parts.getString(tail); ok {
				refs = append(refs, r...)
			}
		}
	}
	return refs
}
