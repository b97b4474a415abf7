package entities

import (
	"github.com/techschau/techschau/german"
	"github.com/techschau/techschau/internal/ner"
)

// typeHint maps an entity type to its model hint bit.
func typeHint(t Type) ner.Hint {
	switch t {
	case PER:
		return ner.HintPER
	case ORG:
		return ner.HintORG
	case LOC:
		return ner.HintLOC
	case PRODUCT:
		return ner.HintProduct
	case MISC:
		return ner.HintMisc
	}
	return 0
}

// Hints returns the lexicon facts about each word of a tokenised sentence, for the
// statistical model: the type bit of every word that is (part of) a lexicon name
// (also in a compound or genitive), HintDerived for adjective forms of places, and
// HintFirstName for words of the built-in first-name list. Ambiguous aliases give
// no hint. The result has len(words) elements.
func (l *Lexicon) Hints(words []string) []ner.Hint {
	hints := make([]ner.Hint, len(words))
	if len(words) == 0 {
		return hints
	}
	toks := make([]german.Token, len(words))
	off := 0
	for i, w := range words {
		toks[i] = german.Token{Start: off, End: off + len(w), Text: w, Kind: wordKind(w)}
		off += len(w) + 1
	}
	r := names()
	for i, w := range words {
		if r.firstNames[w] {
			hints[i] |= ner.HintFirstName
		}
	}
	if l == nil {
		return hints
	}
	m := matcher{lex: l}
	for _, lm := range m.match(toks, nil) {
		if lm.ambiguous {
			continue
		}
		h := typeHint(l.entries[lm.entry].Type)
		if lm.derived {
			h = ner.HintDerived
		}
		for k := lm.tok; k < lm.tokEnd && k < len(hints); k++ {
			hints[k] |= h
		}
	}
	return hints
}

// wordKind guesses the token kind of a pre-tokenised word.
func wordKind(w string) german.Kind {
	hasLetter, hasDigit := false, false
	for _, r := range w {
		switch {
		case isLetterRune(r):
			hasLetter = true
		case r >= '0' && r <= '9':
			hasDigit = true
		}
	}
	switch {
	case hasLetter:
		return german.Word
	case hasDigit:
		return german.Number
	}
	return german.Punct
}
