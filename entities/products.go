package entities

import (
	"strings"

	"github.com/techschau/techschau/german"
)

// Products with model designations. Tech news names a product by its line
// and a model: "iPhone 16e", "RTX 5070 Ti", "Galaxy S25 Ultra", "Windows 11",
// "Llama 3.1", "Oppo Find 7". Each model is an entity of its own, canonicalised
// to line plus model ("windows-8-1", parent "windows"); the line alone
// ("Galaxy") is the line's entity. The model designation is a run of model
// tokens after the line: version numbers ("11", "3.1", "6.0"), letter–digit
// codes ("S25", "6s", "5X", "910C", "a7R"), and model words after them ("Pro",
// "Ultra", "Ti", "Plus", "Edge", "+", "II").

// modelWords continue a product name after its base ("Pixel 10 Pro").
var modelWords = map[string]bool{
	"Pro": true, "Max": true, "Ultra": true, "Plus": true, "Mini": true, "Lite": true, "Air": true, "Series": true,
	"Turbo": true, "Flash": true, "Nano": true, "XL": true, "Fold": true, "Flip": true, "X": true, "S": true,
	"Medium": true, "Large": true, "Small": true, "Opus": true, "Sonnet": true, "Haiku": true, "Instruct": true, "Edge": true, "FE": true, "Neo": true, "Slim": true,
	"Ti": true, "SE": true, "Note": true, "Duos": true, "II": true, "III": true, "IV": true, "Super": true, "Active": true, "Compact": true,
	"Premium": true, "Classic": true, "Prime": true, "Touch": true,
}

// versionNumber reports a version or model number: 1 to 5 digits, with at
// most one inner dot ("11", "5070", "3.1", "6.0"), and no year (19xx, 20xx).
func versionNumber(s string) bool {
	if s == "" || len(s) > 5 || s[0] == '.' || s[len(s)-1] == '.' {
		return false
	}
	dots := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '.':
			dots++
		case c < '0' || c > '9':
			return false
		}
	}
	if dots > 1 {
		return false
	}
	return !(len(s) == 4 && (s[:2] == "19" || s[:2] == "20"))
}

// modelCode reports a letter–digit model code of at most seven ASCII bytes
// with a digit and a letter: "S25", "6s", "5X", "16e", "910C", "a7R", "i9",
// "G4"; not units ("64GB", "5G" standing alone is in commonCaps).
func modelCode(s string) bool {
	if len(s) < 2 || len(s) > 7 {
		return false
	}
	letters, digits := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			letters++
		default:
			return false
		}
	}
	if letters == 0 || digits == 0 || letters > 4 {
		return false
	}
	switch strings.ToLower(strings.TrimLeft(s, "0123456789")) {
	case "gb", "tb", "mb", "kb", "mp", "hz", "w", "kw", "mm", "cm", "km", "m", "h", "k", "p", "nm", "mah", "fps", "x":
		// units and counts: "64GB", "12MP", "4K", "1080p", "5x"; "5X" and
		// "6P" are models only after a line (see extendVersion)
		return s[len(s)-1] >= 'A' && s[len(s)-1] <= 'Z' && len(s) <= 3 && s[len(s)-1] != 'K'
	}
	return true
}

// unitAfter reports whether the token after i is a unit ("15 Prozent").
func unitAfter(toks []german.Token, i int) bool {
	return i+1 < len(toks) && units[german.Lower(toks[i+1].Text)]
}

// modelRun returns the end of a model designation starting at token j (j if
// there is none): at most four tokens, the first a version number or model
// code (or, with words, a model word), then more of them or model words.
// glued "+" and ".N" continue the token before.
func modelRun(toks []german.Token, j int, words bool) int {
	end := j
	for k := j; k < len(toks) && k-j < 4; k++ {
		t := toks[k]
		switch {
		case t.Text == "+" && k > j && t.Start == toks[k-1].End:
		case t.Kind == german.Number && versionNumber(t.Text) && !unitAfter(toks, k):
		case t.Kind == german.Word && modelCode(t.Text) && !unitAfter(toks, k):
		case modelWords[t.Text] && (k > j || words):
		case words && k == j && len(t.Text) == 1 && t.Text[0] >= 'A' && t.Text[0] <= 'Z':
			// one capital letter right after a line: "Moto G", "Galaxy S"
		default:
			return end
		}
		end = k + 1
	}
	return end
}

// extendVersion extends a product over its model designation ("PlayStation
// 5", "Pixel 10 Pro", "Windows 8.1", "Xbox Series X", "Xperia Z3+").
func (r *Recognizer) extendVersion(text string, c cand, toks []german.Token) cand {
	if c.end != toks[c.tokE-1].End {
		return c
	}
	if c.tokE >= len(toks) || toks[c.tokE].Start > c.end+1 {
		return c
	}
	k := modelRun(toks, c.tokE, true)
	if k == c.tokE {
		// a model glued to a head noun: "Snapdragon 808-Prozessor"
		t := toks[c.tokE]
		if h := strings.IndexByte(t.Text, '-'); h > 0 && (versionNumber(t.Text[:h]) || modelCode(t.Text[:h])) {
			c = versioned(text, c, c.tokE+1, t.Start+h)
			c.form[1] = t.End
		}
		return c
	}
	return versioned(text, c, k, toks[k-1].End)
}

// versioned makes c, a product line, the model that ends at token k, byte end.
// The id is the line's id plus the model ("google-pixel" + "10 Pro" ->
// "google-pixel-10-pro").
func versioned(text string, c cand, k, end int) cand {
	c.parent = c.key
	c.key = c.key + "-" + slug(text[c.end:end])
	c.name = text[c.start:end]
	c.entry = -1
	c.end, c.form[1], c.tokE = end, end, k
	return c
}

// lineWord reports a word that may name a product line after its maker
// ("Find" in "Oppo Find 7", "Mate" in "Huawei Mate 60"): capitalised ASCII
// letters, two to ten of them, no function word and no common noun.
func lineWord(t german.Token, n *nameLists) bool {
	s := t.Text
	if t.Kind != german.Word || len(s) < 2 || len(s) > 10 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	lw := german.Lower(s)
	return !german.IsStopWord(lw) && !n.commonCaps[s] && !hasNounSuffix(lw) && !n.timeWords[lw] && !genericNouns[lw] && n.heads.match(lw) == 0
}

// products joins makers and their products in the lexicon candidates of one
// sentence (sc, sorted by start) and adds models the lexicon does not list:
//
//   - a maker before its own product line is one name: "Samsung Galaxy S25
//     Ultra", "Motorola Moto G" (the product's id);
//   - a maker followed by a model designation, with up to two line words
//     before it, is a product of the maker: "Oppo Find 7" (oppo-find-7),
//     "LG G4", "HTC One A9";
//   - a model named after another model of the same line by ellipsis is a
//     product of that line: "Windows 8 und 8.1" (windows-8-1), "iPhone 6s
//     und das 6s Plus" (iphone-6s-plus).
func (r *Recognizer) products(text string, si int, toks []german.Token, sc []cand) []cand {
	for i := 0; i < len(sc); i++ {
		c := &sc[i]
		if c.derived || c.part || c.source != SourceLexicon || c.tokE > len(toks) || c.end != toks[c.tokE-1].End {
			continue
		}
		next := -1
		if i+1 < len(sc) && sc[i+1].tok == c.tokE && sc[i+1].sent == c.sent {
			next = i + 1
		}
		switch c.typ {
		case ORG:
			if next >= 0 {
				p := &sc[next]
				if p.typ == PRODUCT && !p.derived && !p.part && r.makerOf(c.key, p) && toks[p.tok].Start <= c.end+1 {
					p.start, p.form[0], p.tok = c.start, c.start, c.tok
					p.name = text[p.start:p.end]
					sc = append(sc[:i], sc[i+1:]...)
					i--
				}
				continue
			}
			j := c.tokE
			for j < len(toks) && j-c.tokE < 2 && lineWord(toks[j], r.names) {
				j++
			}
			k := modelRun(toks, j, false)
			if k == j || k > len(toks) || j < len(toks) && toks[j].Kind == german.Number && j == c.tokE {
				continue // a bare number after a maker is no model: "Apple 12 Stunden"
			}
			if j == c.tokE && !modelCode(toks[j].Text) {
				continue
			}
			if c.tokE < len(toks) && toks[c.tokE].Start > c.end+1 || overlaps(sc[i+1:], toks[c.tokE].Start, toks[k-1].End) {
				continue
			}
			end := toks[k-1].End
			p := *c
			p.typ, p.parent, p.entry, p.source = PRODUCT, c.key, -1, SourceRule
			p.key = c.key + "-" + slug(text[toks[c.tokE].Start:end])
			p.name = text[c.start:end]
			p.end, p.form[1], p.tokE = end, end, k
			sc[i] = p
		case PRODUCT:
			if c.parent == "" || c.entry >= 0 {
				continue
			}
			sc = r.ellipsis(text, si, toks, sc, i)
		}
	}
	return sc
}

// makerOf reports whether the organisation id makes the product p (its
// parent, or the parent of its line).
func (r *Recognizer) makerOf(id string, p *cand) bool {
	e := p.entry
	if e < 0 {
		if k, ok := r.lex.byID[p.parent]; ok {
			e = k
		} else {
			return false
		}
	}
	return r.lex.entries[e].Parent == id
}

// ellipsis adds the models named after the model sc[i] with its line left
// out: "Windows 8 und 8.1", "iPhone 6s und das 6s Plus", "Nexus 6P, 5X und 9".
func (r *Recognizer) ellipsis(text string, si int, toks []german.Token, sc []cand, i int) []cand {
	c := sc[i]
	line, ok := r.lex.byID[c.parent]
	if !ok {
		return sc
	}
	lineName := r.lex.entries[line].Name
	j := c.tokE
	// the first model token of the named model
	prev := ""
	for k := c.tok; k < c.tokE; k++ {
		if toks[k].Start >= c.start && (modelCode(toks[k].Text) || toks[k].Kind == german.Number) {
			prev = toks[k].Text
			break
		}
	}
	for j+1 < len(toks) {
		switch toks[j].Text {
		case "und", "oder", ",", "/", "bzw.", "sowie":
		default:
			return sc
		}
		k := j + 1
		switch toks[k].Text {
		case "das", "die", "der", "den", "dem", "des", "ein", "eine", "einem", "einen", "einer":
			k++
		}
		if k >= len(toks) || !(toks[k].Kind == german.Number && versionNumber(toks[k].Text) || modelCode(toks[k].Text) && sameClass(toks[k].Text, prev)) {
			return sc
		}
		e := modelRun(toks, k, false)
		if e == k || overlaps(sc, toks[k].Start, toks[e-1].End) {
			return sc
		}
		s, end := toks[k].Start, toks[e-1].End
		m := text[s:end]
		x := cand{sent: si, tok: k, tokE: e, start: s, end: end, form: [2]int{s, end}, entry: -1,
			key: c.parent + "-" + slug(m), name: lineName + " " + m, parent: c.parent, typ: PRODUCT, source: SourceRule, conf: 0.8}
		sc = insertCand(sc, x)
		j = e
	}
	return sc
}

// sameClass reports whether a model code continues the series of the model
// code prev: both start with a digit, or with the same letter ("6s" after
// "6s", "S6" after "S25"; not "PS4" after "4").
func sameClass(code, prev string) bool {
	if prev == "" {
		return false
	}
	a, b := code[0], prev[0]
	if a >= '0' && a <= '9' {
		return b >= '0' && b <= '9'
	}
	return a == b
}

// insertCand inserts c into sc, which is sorted by start.
func insertCand(sc []cand, c cand) []cand {
	k := len(sc)
	for k > 0 && sc[k-1].start > c.start {
		k--
	}
	sc = append(sc, cand{})
	copy(sc[k+1:], sc[k:])
	sc[k] = c
	return sc
}
