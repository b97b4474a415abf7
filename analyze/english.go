package analyze

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
	"github.com/kljensen/snowball/english"

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

// maxEnglishNERBytes bounds the text prose's NER reads per document: it
// runs at about 50 KB per CPU-second (a megabyte of English took a minute),
// so it reads the body's first 16 KB, a whole news article; the entity
// lexicon, which runs on all of the text, names the rest.
const maxEnglishNERBytes = 16 << 10

// englishEntities runs prose NER over the body sentences (the first
// maxEnglishNERBytes of them) and maps the entities back to byte offsets
// of text.
func englishEntities(text string, seg *german.Segmented, bp []bool, stop func() bool) []entities.Entity {
	m := proseModel()
	if m == nil {
		return []entities.Entity{}
	}
	byID := map[string]*entities.Entity{}
	var order []string
	budget := maxEnglishNERBytes
	for i, s := range seg.Sentences {
		if bp[i] {
			continue
		}
		if stop() || budget <= 0 {
			break
		}
		budget -= s.End - s.Start
		st := validBytes(text[s.Start:s.End])
		d, err := proseDocument(st, m)
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

// proseDocument runs prose over one sentence. prose's tokenizer has
// panicked on odd input; such a sentence gets no English entities rather
// than taking the caller down.
func proseDocument(st string, m *prose.Model) (d *prose.Document, err error) {
	proseMu.Lock()
	defer proseMu.Unlock()
	defer func() {
		if r := recover(); r != nil {
			d, err = nil, fmt.Errorf("analyze: prose: %v", r)
		}
	}()
	return prose.NewDocument(st, prose.UsingModel(m), prose.WithSegmentation(false))
}

// validBytes returns s with every byte of invalid UTF-8 replaced by a space:
// the same length, so that offsets into it are offsets into s (prose's
// tokenizer miscounts the width of invalid bytes and slices out of range).
func validBytes(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	b := []byte(s)
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			b[i] = ' '
		}
		i += n
	}
	return string(b)
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

// englishStop extends the function words of language detection with more
// English words that end a key phrase.
var englishStop = func() map[string]bool {
	m := map[string]bool{}
	for w := range enFunction {
		m[w] = true
	}
	for _, w := range []string{"a", "an", "in", "into", "its", "it's", "he", "she", "we", "you", "i", "his", "her", "our", "your", "them", "there", "these", "those", "what", "when", "where", "while", "how", "also", "had", "do", "does", "did", "could", "should", "may", "might", "must", "so", "if", "then", "no", "yes", "all", "any", "some", "such", "only", "over", "under", "up", "down", "out", "very", "new", "said", "says", "according", "other", "into", "because", "before", "between", "during", "through", "against", "among", "being", "both", "each", "few", "most", "much", "own", "same", "too", "until", "why", "whom", "him", "me", "my", "mine", "yet", "now", "just", "still", "even", "however", "instead", "people", "familiar", "matter", "use", "used", "using", "make", "made", "get", "got", "take", "took"} {
		m[w] = true
	}
	return m
}()

// englishKeyphrases extracts key phrases from the body of an English text:
// runs of up to three content words between function words and
// punctuation, grouped by their Snowball English stems
// (kljensen/snowball), scored by frequency with a bonus for the lead
// sentences and for longer phrases, normalised to [0,1].
func englishKeyphrases(seg *german.Segmented, bp []bool, n int, stop func() bool) []Keyphrase {
	type group struct {
		score  float64
		forms  map[string]int
		first  int
		length int
	}
	groups := map[string]*group{}
	order := 0
	body := 0
	for si, s := range seg.Sentences {
		if bp[si] {
			continue
		}
		if si&63 == 0 && stop() {
			break
		}
		body++
		bonus := 1.0
		if body <= 2 {
			bonus = 1.5
		}
		var run []german.Token
		flush := func() {
			for len(run) > 0 {
				k := min(3, len(run))
				ph := run[:k]
				run = run[k:]
				var key, surf strings.Builder
				for i, t := range ph {
					if i > 0 {
						key.WriteByte(' ')
						surf.WriteByte(' ')
					}
					key.WriteString(english.Stem(strings.ToLower(t.Text), false))
					surf.WriteString(t.Text)
				}
				g := groups[key.String()]
				if g == nil {
					g = &group{forms: map[string]int{}, first: order, length: k}
					order++
					groups[key.String()] = g
				}
				g.score += bonus * (1 + 0.3*float64(k-1))
				g.forms[surf.String()]++
			}
		}
		for _, t := range s.Tokens {
			lw := strings.ToLower(t.Text)
			if t.Kind != german.Word || englishStop[lw] || len(t.Text) < 2 {
				flush()
				continue
			}
			run = append(run, t)
		}
		flush()
	}
	type kp struct {
		text  string
		score float64
		first int
	}
	var all []kp
	best := 0.0
	for _, g := range groups {
		surf, cnt := "", -1
		for f, c := range g.forms {
			if c > cnt || c == cnt && f < surf {
				surf, cnt = f, c
			}
		}
		all = append(all, kp{surf, g.score, g.first})
		best = max(best, g.score)
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].score != all[j].score {
			return all[i].score > all[j].score
		}
		return all[i].first < all[j].first
	})
	out := make([]Keyphrase, 0, n)
	for i := 0; i < len(all) && i < n; i++ {
		out = append(out, Keyphrase{Text: all[i].text, Score: round(all[i].score / best)})
	}
	return out
}
