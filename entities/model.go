package entities

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/techschau/techschau/german"
	"github.com/techschau/techschau/internal/ner"
)

// sortCands sorts candidates by start offset.
func sortCands(sc []cand) {
	slices.SortFunc(sc, func(a, b cand) int { return a.start - b.start })
}

// modelSpans runs the statistical model on one sentence and adds its names that
// overlap no lexicon or rule candidate, after a precision filter.
func (r *Recognizer) modelSpans(si int, toks []german.Token, sc []cand, st *state, excl [2]int) []cand {
	if len(toks) == 0 {
		return sc
	}
	st.words = st.words[:0]
	for _, t := range toks {
		st.words = append(st.words, t.Text)
	}
	var hints []ner.Hint
	if r.model.UsesHints() {
		hints = r.lex.Hints(st.words)
	}
	st.labels = r.model.Tag(st.words, hints, st.labels[:0])
	for _, sp := range ner.Spans(st.labels) {
		if sp.Start < 0 || sp.End > len(toks) || sp.Start >= sp.End {
			continue
		}
		s, e := toks[sp.Start].Start, toks[sp.End-1].End
		if excl[1] > 0 && s < excl[1] && excl[0] < e {
			continue
		}
		if overlaps(sc, s, e) || !r.modelPlausible(toks[sp.Start:sp.End]) {
			continue
		}
		var typ Type
		switch sp.Type {
		case "PER":
			typ = PER
		case "ORG":
			typ = ORG
		case "LOC":
			typ = LOC
		default:
			typ = MISC
		}
		text := toks[sp.Start].Text
		if sp.End-sp.Start > 1 {
			text = joinTokens(toks[sp.Start:sp.End])
		}
		sc = append(sc, cand{sent: si, tok: sp.Start, tokE: sp.End, start: s, end: e, form: [2]int{s, e}, entry: -1,
			key: slug(text), name: text, typ: typ, source: SourceModel, conf: 0.6})
	}
	return sc
}

func joinTokens(toks []german.Token) string {
	n := 0
	for _, t := range toks {
		n += len(t.Text) + 1
	}
	b := make([]byte, 0, n)
	for i, t := range toks {
		if i > 0 && t.Start > toks[i-1].End {
			b = append(b, ' ')
		}
		b = append(b, t.Text...)
	}
	return string(b)
}

// modelPlausible filters model names for precision on tech news: every name has
// an upper-case word that is no function word, and a single word is no common
// noun by its ending nor a generic abbreviation.
func (r *Recognizer) modelPlausible(toks []german.Token) bool {
	n := r.names
	hasCap := false
	for _, t := range toks {
		if t.Kind != german.Word && t.Kind != german.Number && t.Text != "." && t.Text != "&" {
			return false
		}
		rr, _ := utf8.DecodeRuneInString(t.Text)
		if unicode.IsUpper(rr) && !german.IsStopWord(german.Lower(t.Text)) {
			hasCap = true
		}
	}
	if !hasCap {
		return false
	}
	if len(toks) == 1 {
		t := toks[0]
		lw := german.Lower(t.Text)
		if n.commonCaps[t.Text] || n.timeWords[lw] || german.IsStopWord(lw) {
			return false
		}
		for _, s := range nounSuffixes {
			if len(lw) > len(s)+2 && len(lw) >= 6 && lw[len(lw)-len(s):] == s {
				return false
			}
		}
	}
	return true
}
