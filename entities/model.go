package entities

import (
	"slices"
	"strings"
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
// facts are the token facts of the sentence (see appendFacts).
func (r *Recognizer) modelSpans(si int, toks []german.Token, facts []tokFact, sc []cand, st *state, excl [2]int, lex []cand) []cand {
	if len(toks) == 0 {
		return sc
	}
	st.words = st.words[:0]
	for _, t := range toks {
		st.words = append(st.words, t.Text)
	}
	var hints []ner.Hint
	if r.model.UsesHints() {
		// the same facts as Lexicon.Hints, from the matches already made
		st.hints = append(st.hints[:0], make([]ner.Hint, len(toks))...)
		hints = st.hints
		for i := range toks {
			if facts[i].words&wFirstName != 0 {
				hints[i] |= ner.HintFirstName
			}
		}
		for _, c := range lex {
			if c.ambiguous {
				continue
			}
			h := typeHint(c.typ)
			if c.derived {
				h = ner.HintDerived
			}
			for k := c.tok; k < c.tokE && k < len(hints); k++ {
				hints[k] |= h
			}
		}
	}
	m := r.docModel
	if st.lenient {
		m = r.model
	}
	st.labels = m.Tag(st.words, hints, st.labels[:0])
	for _, sp := range ner.Spans(st.labels) {
		if sp.Start < 0 || sp.End > len(toks) || sp.Start >= sp.End {
			continue
		}
		if !st.lenient && sp.End-sp.Start >= 2 {
			// an apposition the model took whole: the head noun is no part
			// of the name and says its kind ("Partei To Potami", "Start-up
			// Halvar Systems", "Modell Xring O1")
			if h := r.names.heads.match(facts[sp.Start].lower); h&(headOrg|headProd) != 0 && h&headRole == 0 {
				sp.Start++
				sp.Type = "ORG"
				if h&headProd != 0 {
					sp.Type = "PRODUCT"
				}
			}
		}
		s, e := toks[sp.Start].Start, toks[sp.End-1].End
		if excl[1] > 0 && s < excl[1] && excl[0] < e {
			continue
		}
		if !st.lenient && !r.modelPlausible(toks[:sp.End], facts, sp.Start, sp.Type) {
			continue
		}
		if overlaps(sc, s, e) {
			// A longer model name replaces the lexicon and rule names
			// inside it: always in token tagging (TagTokens: "[Financial
			// Times] Deutschland", "Gerhard Johann David [von
			// Scharnhorst]"), in documents where German grammar lets its
			// other words extend the known name (see longerName); there
			// the lexicon's canonical ids win otherwise.
			if !insideOnly(sc, s, e) || !st.lenient && !r.longerName(sc, toks, facts, sp.Start, sp.End) {
				continue
			}
			// a name that starts with a firm or a product is of its kind
			// ("Hyundai Motor India", "Vive Phone Services", "Brose Sitech"),
			// whatever type the model gave it
			for _, c := range sc {
				if c.start == s && !c.derived && !c.part && (c.typ == ORG || c.typ == PRODUCT) && !st.lenient {
					sp.Type = c.typ.String()
				}
			}
			sc = slices.DeleteFunc(sc, func(c cand) bool { return s < c.end && c.start < e })
		}
		var typ Type
		if sp.Type == "PER" && orgTails[toks[sp.End-1].Text] {
			sp.Type = "ORG" // "Bernstein Research"
		}
		switch sp.Type {
		case "PER":
			typ = PER
		case "ORG":
			typ = ORG
		case "LOC":
			typ = LOC
		case "PRODUCT":
			typ = PRODUCT
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

// longerName reports whether the model's name toks[i:j] is a longer name
// around the candidates of sc inside it, to be taken instead of them:
// "Hyundai Motor India" around the lexicon's Hyundai and India, "Michael
// Redmond" around the place Redmond, "AK Oberösterreich". German grammar
// decides which words may extend a known name:
//
//   - at least one word is in no candidate: a name made only of known names
//     ("Berlin Brandenburg") keeps them;
//   - a word before the known name is a first name or an abbreviation or
//     brand ("AK", "MCV"): a common noun there is an apposition
//     ("Warenhauskette Breuninger", "Stichwort Panamapapers");
//   - a word after it is no German common noun: none with a common-noun
//     ending, no generic, head, time or facility noun, no hyphen compound
//     ("Frankfurter Flughafen", "Knauf Gruppe", "FDP Priorität"), no
//     single letter ("Gruppe D Österreich"), and no known name ends in a
//     genitive s before it ("Europas Völker").
//
// facts are the token facts of the sentence.
func (r *Recognizer) longerName(sc []cand, toks []german.Token, facts []tokFact, i, j int) bool {
	if j-i < 2 {
		return false
	}
	n := r.names
	free, known := false, false
	for k := i; k < j; k++ {
		t := toks[k]
		if overlaps(sc, t.Start, t.End) {
			known = true
			continue
		}
		free = true
		if t.Kind != german.Word || utf8.RuneCountInString(t.Text) < 2 {
			if isParticle(facts[k].lower) && k > i {
				continue
			}
			return false
		}
		f := &facts[k]
		if !known {
			// before the first known name: a first name, an abbreviation, a brand
			if f.words&wFirstName == 0 && !brandShape(t.Text, n) {
				return false
			}
			continue
		}
		if isParticle(f.lower) {
			continue
		}
		if f.flags&fHyphen != 0 || hasNounSuffix(f.lower) || genericNouns[f.lower] || facilityNouns[f.lower] ||
			f.words&(wTime|wCommonCaps|wLegal) != 0 && f.words&wLegal == 0 || n.heads.match(f.lower) != 0 {
			return false
		}
		if p := toks[k-1]; strings.HasSuffix(p.Text, "s") && overlaps(sc, p.Start, p.End) && !endsCand(sc, p.End) {
			return false
		}
	}
	return free
}

// endsCand reports whether a candidate of sc ends at e (a name that ends in
// s, not a genitive s the candidate left out).
func endsCand(sc []cand, e int) bool {
	for i := range sc {
		if sc[i].end == e {
			return true
		}
	}
	return false
}

// facilityNouns are German nouns for facilities and company parts that
// follow a place or firm without being part of its name ("Frankfurter
// Flughafen", "Knauf Gruppe").
var facilityNouns = map[string]bool{
	"flughafen": true, "bahnhof": true, "hauptbahnhof": true, "hafen": true, "gruppe": true, "konzern": true,
	"stiftung": true, "zentrale": true, "werk": true, "werke": true, "fabrik": true, "filiale": true, "niederlassung": true,
	"tochter": true, "sparte": true, "chef": true, "chefin": true, "stadion": true, "innenstadt": true, "altstadt": true,
	"rathaus": true, "region": true, "umland": true, "bucht": true, "küste": true, "völker": true, "bürger": true,
}

// englishWords are English common words that make no person's name in a
// German text ("America First", "Trusted Flagger", "Custom Recovery"): the
// model, trained on German, takes capitalised English phrases for names.
var englishWords = map[string]bool{
	"first": true, "last": true, "economy": true, "recovery": true, "custom": true, "underground": true, "rating": true,
	"trusted": true, "court": true, "harbor": true, "harbour": true, "shield": true, "act": true, "day": true, "week": true,
	"news": true, "times": true, "post": true, "city": true, "club": true, "group": true, "team": true, "league": true,
	"cup": true, "award": true, "awards": true, "show": true, "live": true, "online": true, "digital": true, "smart": true,
	"global": true, "international": true, "national": true, "world": true, "plus": true, "power": true, "lunch": true,
	"magazine": true, "royal": true, "new": true, "old": true, "great": true, "again": true, "back": true, "home": true,
	"office": true, "house": true, "store": true, "games": true, "game": true, "services": true, "service": true,
	"supreme": true, "state": true, "states": true, "united": true, "capital": true, "fund": true, "bank": true,
	"security": true, "safety": true, "data": true, "cloud": true, "system": true, "systems": true, "network": true,
	"media": true, "press": true, "review": true, "report": true, "story": true, "stories": true, "life": true,
	"love": true, "music": true, "movie": true, "film": true, "series": true, "season": true, "edition": true,
	"black": true, "white": true, "green": true, "red": true, "blue": true, "gold": true, "silver": true,
	"open": true, "free": true, "fair": true, "future": true, "next": true, "one": true, "two": true, "and": true,
	"flagger": true, "economic": true, "policy": true, "deal": true, "agenda": true, "project": true, "summit": true,
}

// locative reports whether the words before a name end in a preposition
// that introduces a place: "in Neudau", "aus Gumpoldskirchen", "nach Omaha".
// The model takes many a capitalised common noun for a place ("Rohöl",
// "Zeitnot", "Steak"); places it finds on its own mostly follow one of these.
func locative(before []german.Token, facts []tokFact) bool {
	k := len(before) - 1
	if k < 0 {
		return false
	}
	switch facts[k].lower {
	case "in", "aus", "nach", "bei", "von", "im", "nahe", "um", "bis", "über", "ins", "vom", "gen", "via", "zwischen", "und":
		return true
	}
	return false
}

// placeSuffixes end German and Austrian place names.
var placeSuffixes = [...]string{"dorf", "kirchen", "stadt", "burg", "berg", "heim", "hausen", "ingen", "au", "feld", "bach",
	"tal", "furt", "brück", "bruck", "see", "hafen", "ow", "itz", "leben", "rode", "stedt", "stätt", "wald", "hof", "brunn", "ach",
	"hofen", "beck", "torf", "ton", "ville", "town", "ford", "field", "grad", "sk", "ice", "ovo"}

// placeShape reports whether lw ends like a German place name and has at
// least three letters before the ending.
func placeShape(lw string) bool {
	for _, s := range placeSuffixes {
		if len(lw) >= len(s)+3 && strings.HasSuffix(lw, s) {
			return true
		}
	}
	return false
}

// insideOnly reports whether every candidate of sc that overlaps [s, e)
// lies inside it, and at least one does.
func insideOnly(sc []cand, s, e int) bool {
	n := 0
	for _, c := range sc {
		if s < c.end && c.start < e {
			if c.start < s || c.end > e {
				return false
			}
			n++
		}
	}
	return n > 0
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

// genericNouns are capitalised words the model tends to take for names in tech
// news; they never are on their own.
var genericNouns = map[string]bool{
	"euro": true, "dollar": true, "yuan": true, "cent": true, "cloud": true, "kommission": true, "regierung": true,
	"bund": true, "land": true, "länder": true, "staat": true, "staaten": true, "mitgliedstaaten": true, "konzern": true,
	"unternehmen": true, "behörde": true, "ministerium": true, "parlament": true, "gericht": true, "markt": true,
	"internet": true, "software": true, "hardware": true, "chip": true, "chips": true, "ki": true, "open-source": true,
	"börse": true, "aktie": true, "aktien": true, "gesetz": true, "verordnung": true, "app": true, "apps": true,
	"milliarden": true, "millionen": true, "tausende": true, "hunderte": true, "prozent": true, "teile": true,
	"kunden": true, "mitarbeiter": true, "mitarbeitende": true, "daten": true, "produkte": true, "geld": true,
	"umsatz": true, "gewinn": true, "gewinne": true, "verluste": true, "stellen": true, "jobs": true, "investitionen": true,
	"probleme": true, "fragen": true, "angaben": true, "informationen": true, "zugang": true, "druck": true,
}

// modelPlausible filters model names for precision on tech news: no MISC (the
// lexicon covers the named laws, events and programmes tech news cites), every
// word of a multi-word name capitalised (or a name particle), and a single word
// must look like a name: no function word, generic noun, role or head noun, no
// common-noun ending, no abbreviation with a dot, and after an article only a
// brand-shaped word ("die Kommission" is no name, "die Telekom" is in the lexicon);
// a single-word place must follow a locative preposition (see locative), and
// a two-word person must not end in a common noun ("Varoufakis Antwort").
//
// The name is toks[start:], facts the facts of the sentence's tokens.
func (r *Recognizer) modelPlausible(toks []german.Token, facts []tokFact, start int, typ string) bool {
	n := r.names
	if typ == "MISC" {
		return false
	}
	before := toks[:start]
	toks = toks[start:]
	for k, t := range toks {
		if t.Kind != german.Word && t.Kind != german.Number || strings.HasSuffix(t.Text, ".") {
			return false
		}
		rr, _ := utf8.DecodeRuneInString(t.Text)
		if !unicode.IsUpper(rr) && !(k > 0 && isParticle(t.Text)) {
			return false
		}
	}
	if len(toks) > 1 {
		if german.IsStopWord(facts[start].lower) {
			return false
		}
		// "Gruppe D", "App Rumblr": a generic or head noun starts no name
		if f0 := facts[start].lower; genericNouns[f0] || n.heads.match(f0)&(headOrg|headProd) != 0 && !brandShape(toks[0].Text, n) {
			return false
		}
		if typ == "PER" {
			// "Varoufakis Antwort", "Yorker Niederlassung": a common noun
			// is no surname; "Leuchtturmwärterin Ilva": a role is no name;
			// "America First", "Underground Economy": English words are none
			if n.heads.match(facts[start].lower)&headRole != 0 {
				return false
			}
			for k := start; k < start+len(toks); k++ {
				if englishWords[facts[k].lower] {
					return false
				}
			}
			last := facts[start+len(toks)-1].lower
			if hasNounSuffix(last) || genericNouns[last] || n.timeWords[last] || units[last] {
				return false
			}
		}
		return true
	}
	t, f := toks[0], &facts[start]
	lw := f.lower
	if t.Kind != german.Word || utf8.RuneCountInString(t.Text) < 2 || !nameWordFact(t, lw, f, n) || n.heads.match(lw) != 0 {
		return false
	}
	brand := brandShape(t.Text, n)
	if typ == "LOC" && (brand || hasDigit(t.Text)) {
		return false
	}
	if i := strings.IndexByte(t.Text, '-'); i > 0 && n.commonCaps[t.Text[:i]] {
		return false // "KI-Infrastruktur"
	}
	if i := strings.LastIndexByte(t.Text, '-'); i > 0 && n.commonCaps[t.Text[i+1:]] {
		return false // "Smart-TV", "Live-TV"
	}
	if _, ok := r.lex.adj[lw]; ok {
		return false // a bare adjective stem: the language ("Deutsch")
	}
	if len(before) > 0 && !brand {
		switch facts[start-1].lower {
		case "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "eines", "einer", "im", "am", "vom", "zum", "zur", "beim":
			return false
		}
	}
	if typ == "LOC" && !(locative(before, facts) && placeShape(lw)) {
		// a place the lexicon does not know: after "in", "aus", "nach" …,
		// and with the ending of a German place name ("in Neudau"); the
		// model takes many a capitalised noun for a place ("in Zeitnot")
		return false
	}
	if typ == "PER" && !n.firstNames[t.Text] {
		return false // a surname alone is linked to its full name by the rules
	}
	return true
}
