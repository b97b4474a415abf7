package analyze

import (
	"github.com/techschau/techschau/entities"
	"github.com/techschau/techschau/german"
	"github.com/techschau/techschau/summarize"
)

// summaryHints returns what the pipeline tells the summarizer about seg:
// which sentences to leave out (exclude), the dateline (whose words do not
// count), the entities with their salience and mentions, and the headline,
// when the dateline opens the second sentence of the body: the first one is
// then the headline.
func summaryHints(seg *german.Segmented, exclude func(int) bool, ents []entities.Entity, dl *Dateline) summarize.Hints {
	h := summarize.Hints{Exclude: exclude}
	if dl != nil {
		h.Skip = german.Span{Start: dl.Start, End: dl.End}
	}
	if len(ents) > 0 {
		h.Entities = make([]summarize.EntityHint, len(ents))
		for i, e := range ents {
			ms := make([]german.Span, len(e.Mentions))
			for j, m := range e.Mentions {
				ms[j] = german.Span{Start: m.Start, End: m.End}
			}
			h.Entities[i] = summarize.EntityHint{Salience: e.Salience, Mentions: ms}
		}
	}
	if dl != nil {
		first := -1
		for i, s := range seg.Sentences {
			if exclude != nil && exclude(i) {
				continue
			}
			if first < 0 {
				first = i
				continue
			}
			if s.Start <= dl.Start && dl.Start < s.End && s.Start > seg.Sentences[first].Start {
				h.Headline = seg.Sentences[first].Span
			}
			break
		}
	}
	return h
}

// SummaryHints returns the hints the pipeline gives its summarizer for the
// text d was made from: its boilerplate sentences are excluded, its entities
// and their salience passed on, and the sentence before the dateline, if
// any, is its headline. Sentence indices are those of d.Sentences, which
// are those of german.Segment of the same text, so a caller can summarise
// again with a Summarizer of its own:
//
//	s.SummarizeSegmented(german.Segment(text), doc.SummaryHints())
func (d *Document) SummaryHints() summarize.Hints {
	seg := &german.Segmented{Sentences: make([]german.Sentence, len(d.Sentences))}
	for i, s := range d.Sentences {
		seg.Sentences[i].Span = german.Span{Start: s.Start, End: s.End}
	}
	bp := make([]bool, len(d.Sentences))
	for i, s := range d.Sentences {
		bp[i] = s.Boilerplate
	}
	exclude := func(i int) bool { return i < 0 || i >= len(bp) || bp[i] }
	return summaryHints(seg, exclude, d.Entities, d.Dateline)
}
