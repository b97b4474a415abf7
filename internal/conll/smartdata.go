package conll

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/techschau/techschau/internal/ner"
)

// SmartDataType maps a SmartData v1 entity type to a model label (the B- label),
// or ner.O for types that are not names (date, time, number, duration, distance,
// trigger, disaster-type, org-position).
func SmartDataType(typ string) ner.Label {
	switch {
	case typ == "person":
		return ner.BPER
	case typ == "organization" || strings.HasPrefix(typ, "organization-"):
		return ner.BORG
	case typ == "location" || strings.HasPrefix(typ, "location-"):
		return ner.BLOC
	}
	return ner.O
}

type smartDoc struct {
	ID       string            `json:"id"`
	Text     string            `json:"text"`
	Entities []json.RawMessage `json:"entities"`
}

// span is a name in byte offsets.
type span struct {
	start, end int
	lab        ner.Label
}

// ReadSmartData reads SmartData v1 JSONL (`{"id", "text", "entities": [[start,
// end, type, surface], ...]}`, offsets in characters, that is code points).
// Name types are mapped with SmartDataType, others dropped; of overlapping names
// the earlier (then the longer) one is kept. The text is tokenised with
// Tokenize and split into sentences at line ends and at ".", "!", "?" followed
// by a capitalised word; a name whose bounds fall inside a token is dropped, as
// GermEval's part labels are. Lines that are not valid JSON are ErrFormat errors.
func ReadSmartData(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	var out []Sentence
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var d smartDoc
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			return out, fmt.Errorf("%w: line %d: %v", ErrFormat, n, err)
		}
		out = append(out, smartSentences(d)...)
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("conll: read SmartData: %w", err)
	}
	return out, nil
}

func smartSentences(d smartDoc) []Sentence {
	// code point index -> byte offset
	offs := make([]int, 0, len(d.Text)+1)
	for i := range d.Text {
		offs = append(offs, i)
	}
	offs = append(offs, len(d.Text))
	var names []span
	for _, raw := range d.Entities {
		var e []any
		if json.Unmarshal(raw, &e) != nil || len(e) < 3 {
			continue
		}
		s, ok1 := e[0].(float64)
		t, ok2 := e[1].(float64)
		typ, ok3 := e[2].(string)
		if !ok1 || !ok2 || !ok3 || s < 0 || t <= s || int(t) >= len(offs) {
			continue
		}
		lab := SmartDataType(typ)
		if lab == ner.O {
			continue
		}
		names = append(names, span{offs[int(s)], offs[int(t)], lab})
	}
	sort.SliceStable(names, func(i, j int) bool {
		if names[i].start != names[j].start {
			return names[i].start < names[j].start
		}
		return names[i].end > names[j].end
	})
	kept := names[:0]
	last := -1
	for _, s := range names {
		if s.start >= last {
			kept = append(kept, s)
			last = s.end
		}
	}
	toks := Tokenize(d.Text)
	labels := make([]ner.Label, len(toks))
	for _, s := range kept {
		// tokens inside s; drop s if a token straddles a bound
		first, ok := -1, true
		var idx []int
		for i, t := range toks {
			if t.End <= s.start || t.Start >= s.end {
				continue
			}
			if t.Start < s.start || t.End > s.end {
				ok = false
				break
			}
			if first < 0 {
				first = i
			}
			idx = append(idx, i)
		}
		if !ok || first < 0 {
			continue
		}
		if len(idx) == 1 && s.lab == ner.BLOC && placeAdjective(d.Text, toks, idx[0]) {
			continue // "deutschen", "Berliner Polizei": GermEval's LOCderiv, outer O
		}
		for k, i := range idx {
			if k == 0 {
				labels[i] = s.lab
			} else {
				labels[i] = s.lab + 1
			}
		}
	}
	var out []Sentence
	var cur Sentence
	for i, t := range toks {
		if len(cur.Words) > 0 && !labels[i].IsInside() {
			prev := toks[i-1]
			gap := d.Text[prev.End:t.Start]
			end := prev.Text == "." || prev.Text == "!" || prev.Text == "?"
			r, _ := utf8.DecodeRuneInString(t.Text)
			if strings.Contains(gap, "\n") || end && !unicode.IsLower(r) || len(cur.Words) >= MaxSentence {
				out = append(out, cur)
				cur = Sentence{}
			}
		}
		cur.Words = append(cur.Words, t.Text)
		cur.Labels = append(cur.Labels, labels[i])
	}
	if len(cur.Words) > 0 {
		out = append(out, cur)
	}
	return out
}

// Token is a token made by Tokenize: text[Start:End] == Text.
type Token struct {
	Start, End int
	Text       string
}

// isEdgePunct reports whether r is split off the edges of a whitespace chunk.
func isEdgePunct(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '[', ']', '{', '}',
		'„', '“', '”', '‚', '‘', '’', '«', '»', '›', '‹', '…', '*':
		return true
	}
	return false
}

// Tokenize splits text the simple, deterministic way used for SmartData:
// whitespace separates chunks, and punctuation at the start and end of a chunk
// becomes one token per character. Hyphenated compounds, numbers such as
// "12.04.2016" and abbreviations inside a chunk stay whole.
func Tokenize(text string) []Token {
	var out []Token
	i := 0
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += w
			continue
		}
		j := i
		for j < len(text) {
			r2, w2 := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r2) {
				break
			}
			j += w2
		}
		out = splitChunk(text, i, j, out)
		i = j
	}
	return out
}

func splitChunk(text string, a, b int, out []Token) []Token {
	for a < b {
		r, w := utf8.DecodeRuneInString(text[a:b])
		if !isEdgePunct(r) {
			break
		}
		out = append(out, Token{a, a + w, text[a : a+w]})
		a += w
	}
	var tail []Token
	for b > a {
		r, w := utf8.DecodeLastRuneInString(text[a:b])
		if !isEdgePunct(r) {
			break
		}
		tail = append(tail, Token{b - w, b, text[b-w : b]})
		b -= w
	}
	if b > a {
		out = append(out, Token{a, b, text[a:b]})
	}
	for k := len(tail) - 1; k >= 0; k-- {
		out = append(out, tail[k])
	}
	return out
}

// placeAdjective reports whether the one-token location name toks[i] is an
// adjective or demonym form of a place rather than the place itself: it starts
// lower case ("deutschen"), ends in an -isch adjective ending
// ("US-amerikanische"), or ends in -er before a capitalised word ("Berliner
// Polizei"). SmartData tags these as locations; GermEval's outer level (and
// the Recognizer, which marks them derived) does not.
func placeAdjective(text string, toks []Token, i int) bool {
	w := text[toks[i].Start:toks[i].End]
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsLower(r) {
		return true
	}
	for _, suf := range []string{"isch", "ische", "ischen", "ischer", "isches", "ischem"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	if strings.HasSuffix(w, "er") && i+1 < len(toks) {
		r, _ := utf8.DecodeRuneInString(text[toks[i+1].Start:toks[i+1].End])
		return unicode.IsUpper(r)
	}
	return false
}
