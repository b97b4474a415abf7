package analyze

import (
	"sort"
	"strings"
	"sync"

	"github.com/jdkato/prose/v2"

	"github.com/techschau/techschau/entities"
	"github.com/techschau/techschau/german"
)

// English input is analysed with prose v2's English tagger and NER. The
// model is built once per process; prose's entities carry no offsets, so
// each entity text is searched in the original text, left to right.

var proseModel = sync.OnceValue(func() *prose.Model {
	d, err := prose.NewDocument("", prose.WithSegmentation(false))
	if err != nil || d == nil {
		return nil
	}
	return d.Model
})

// proseMu serialises prose calls: prose's model is not documented as safe
// for concurrent use.
var proseMu sync.Mutex

func englishType(label string) entities.Type {
	switch label {
	case "PERSON":
		return entities.PER
	case "GPE", "LOC":
		return entities.LOC
	case "ORG":
		return entities.ORG
	}
	return entities.MISC
}

// englishEntities runs prose NER over the body sentences and maps the
// entities back to byte offsets of text.
func englishEntities(text string, seg *german.Segmented, bp []bool, stop func() bool) []entities.Entity {
	m := proseModel()
	if m == nil {
		return []entities.Entity{}
	}
	byID := map[string]*entities.Entity{}
	var order []string
	for i, s := range seg.Sentences {
		if bp[i] {
			continue
		}
		if stop() {
			break
		}
		st := text[s.Start:s.End]
		proseMu.Lock()
		d, err := prose.NewDocument(st, prose.UsingModel(m), prose.WithSegmentation(false))
		proseMu.Unlock()
		if err != nil || d == nil {
			continue
		}
		cursor := 0
		for _, pe := range d.Entities() {
			k := strings.Index(st[cursor:], pe.Text)
			if k < 0 || pe.Text == "" {
				continue
			}
			start := s.Start + cursor + k
			end := start + len(pe.Text)
			cursor += k + len(pe.Text)
			id := slug(pe.Text)
			if id == "" {
				continue
			}
			e := byID[id]
			if e == nil {
				e = &entities.Entity{ID: id, Name: pe.Text, Type: englishType(pe.Label), Source: "model", Confidence: 0.5}
				byID[id] = e
				order = append(order, id)
			}
			e.Mentions = append(e.Mentions, entities.Mention{Start: start, End: end, Text: text[start:end], Form: text[start:end]})
		}
	}
	out := make([]entities.Entity, 0, len(order))
	total := 0
	for _, id := range order {
		total += len(byID[id].Mentions)
	}
	for _, id := range order {
		e := byID[id]
		e.Salience = round(float64(len(e.Mentions)) / float64(total))
		out = append(out, *e)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Salience != out[j].Salience {
			return out[i].Salience > out[j].Salience
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// slug makes a lower-case id from a name: letters and digits, '-' between
// words.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 && (r >= 'à' && r <= 'ÿ') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	return b.String()
}

// mergeEnglish adds prose's entities to the lexicon's: a prose mention that
// overlaps a lexicon mention is dropped (the lexicon knows the canonical
// name and type), prose entities whose id the lexicon already has join it.
func mergeEnglish(lex, model []entities.Entity) []entities.Entity {
	type span struct{ s, e int }
	var taken []span
	byID := map[string]int{}
	out := make([]entities.Entity, 0, len(lex)+len(model))
	for _, e := range lex {
		byID[e.ID] = len(out)
		out = append(out, e)
		for _, m := range e.Mentions {
			taken = append(taken, span{m.Start, m.End})
		}
	}
	overlaps := func(m entities.Mention) bool {
		for _, t := range taken {
			if m.Start < t.e && m.End > t.s {
				return true
			}
		}
		return false
	}
	for _, e := range model {
		var keep []entities.Mention
		for _, m := range e.Mentions {
			if !overlaps(m) {
				keep = append(keep, m)
			}
		}
		if len(keep) == 0 {
			continue
		}
		if i, ok := byID[e.ID]; ok {
			out[i].Mentions = append(out[i].Mentions, keep...)
			sort.SliceStable(out[i].Mentions, func(a, b int) bool { return out[i].Mentions[a].Start < out[i].Mentions[b].Start })
			continue
		}
		e.Mentions = keep
		e.Salience = round(e.Salience / 2)
		byID[e.ID] = len(out)
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Salience != out[j].Salience {
			return out[i].Salience > out[j].Salience
		}
		return out[i].ID < out[j].ID
	})
	return out
}
