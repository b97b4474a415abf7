package analyze

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/techschau/techschau/entities"
	"github.com/techschau/techschau/german"
)

// maxDateline is the longest dateline looked for, in bytes.
const maxDateline = 120

// findDateline looks for a dateline at the start of the first body line or
// of one of the first two body sentences.
func findDateline(seg *german.Segmented, bp []bool) *Dateline {
	text := seg.Text
	tried := 0
	for i, s := range seg.Sentences {
		if bp[i] {
			continue
		}
		if d := parseDateline(text, s.Start); d != nil {
			return d
		}
		tried++
		if tried >= 2 {
			break
		}
	}
	return nil
}

// parseDateline parses "PLACE[ / PLACE]* [(SOURCE)] DASH " at pos.
func parseDateline(text string, pos int) *Dateline {
	end := min(len(text), pos+maxDateline)
	s := text[:end]
	p := pos
	var buf [6]german.Span // no allocation until the dateline is certain
	places := buf[:0]
	for {
		ps, pe, ok := parsePlace(s, p)
		if !ok {
			return nil
		}
		places = append(places, german.Span{Start: ps, End: pe})
		p = skipSpaces(s, pe)
		if p < len(s) && s[p] == '/' && len(places) < 6 {
			p = skipSpaces(s, p+1)
			continue
		}
		break
	}
	var source string
	var sourceSpan german.Span
	if p < len(s) && s[p] == '(' {
		c := strings.IndexByte(s[p:], ')')
		if c < 2 || c > 50 || strings.ContainsAny(s[p+1:p+c], "\n(") {
			return nil
		}
		a, b := p+1, p+c
		for a < b && s[a] == ' ' {
			a++
		}
		for b > a && s[b-1] == ' ' {
			b--
		}
		if a == b {
			return nil
		}
		sourceSpan = german.Span{Start: a, End: b}
		source = text[a:b]
		p = skipSpaces(s, p+c+1)
	}
	// the dash
	var dl int
	switch {
	case strings.HasPrefix(s[p:], "–"), strings.HasPrefix(s[p:], "—"):
		dl = len("–")
	case strings.HasPrefix(s[p:], "--"):
		dl = 2
	case strings.HasPrefix(s[p:], "-"):
		dl = 1
	default:
		return nil
	}
	q := p + dl
	if q >= len(text) || (text[q] != ' ' && text[q] != '\t') {
		return nil
	}
	if p == places[len(places)-1].End && source == "" {
		return nil // "Berlin-Mitte", a hyphen, not a dash
	}
	d := &Dateline{Start: pos, End: q, Source: source, sourceSpan: sourceSpan, placeSpans: slices.Clone(places)}
	d.Places = make([]string, len(places))
	for i, sp := range places {
		d.Places[i] = titleCase(text[sp.Start:sp.End])
	}
	return d
}

func skipSpaces(s string, p int) int {
	for p < len(s) && (s[p] == ' ' || s[p] == '\t') {
		p++
	}
	return p
}

// parsePlace reads one place name: 1-4 capitalised words, lower-case
// connectors (am, an der, im, bei) allowed between them.
func parsePlace(s string, p int) (int, int, bool) {
	start, end := p, -1
	words := 0
	for words < 5 {
		r, _ := utf8.DecodeRuneInString(s[p:])
		w := p
		for w < len(s) {
			r2, sz := utf8.DecodeRuneInString(s[w:])
			if !(unicode.IsLetter(r2) || r2 == '.' || r2 == '\'' || (r2 == '-' && w > p && w+1 < len(s) && s[w+1] != ' ')) {
				break
			}
			w += sz
		}
		if w == p {
			break
		}
		word := s[p:w]
		if unicode.IsUpper(r) {
			if strings.HasSuffix(word, ".") && utf8.RuneCountInString(word) > 4 {
				return 0, 0, false // a sentence end, not a place
			}
			end = w
			words++
		} else if words == 0 || !isConnector(word) {
			break
		}
		if w >= len(s) || s[w] != ' ' {
			break
		}
		p = w + 1
	}
	if end < 0 || words > 4 {
		return 0, 0, false
	}
	return start, end, true
}

func isConnector(w string) bool {
	switch w {
	case "am", "an", "der", "im", "bei", "ob", "de", "del", "upon", "on":
		return true
	}
	return false
}

// titleCase turns an all-caps word (longer than 3 letters) into title case:
// "PEKING" -> "Peking", "SAN FRANCISCO" -> "San Francisco"; "USA" stays.
func titleCase(s string) string {
	words := strings.Fields(s)
	changed := false
	for i, w := range words {
		if utf8.RuneCountInString(w) <= 3 || w != strings.ToUpper(w) {
			continue
		}
		first := true
		w2 := strings.Map(func(r rune) rune {
			if first {
				first = false
				return r
			}
			return unicode.ToLower(r)
		}, w)
		words[i] = w2
		changed = true
	}
	if !changed {
		return strings.Join(words, " ")
	}
	return strings.Join(words, " ")
}

// dropSourceEntities removes entities whose mentions all lie inside the
// dateline's source parenthesis ("IT BOLTWISE" is a source, not a subject).
func dropSourceEntities(ents []entities.Entity, d *Dateline) []entities.Entity {
	if d == nil || d.Source == "" {
		return ents
	}
	out := ents[:0]
	for _, e := range ents {
		inside := len(e.Mentions) > 0
		for _, m := range e.Mentions {
			if m.Start < d.sourceSpan.Start || m.End > d.sourceSpan.End {
				inside = false
				break
			}
		}
		if !inside {
			out = append(out, e)
		}
	}
	return out
}

// linkPlaces replaces place names with the canonical names of LOC entities
// mentioned at exactly the same bytes ("PEKING" -> "Peking"; not
// "Erlangen-Nürnberg" -> "Nürnberg").
func linkPlaces(d *Dateline, text string, ents []entities.Entity) {
	for i, sp := range d.placeSpans {
	search:
		for _, e := range ents {
			if e.Type != entities.LOC {
				continue
			}
			for _, m := range e.Mentions {
				if m.Start == sp.Start && m.End == sp.End {
					d.Places[i] = e.Name
					break search
				}
			}
		}
	}
}
