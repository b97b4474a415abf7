package entities

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/techschau/techschau/german"
)

// nounSuffixes end common nouns; a word with one of them is no name.
var nounSuffixes = [...]string{"ung", "ungen", "heit", "keit", "schaft", "tion", "tionen", "ität", "ismus", "nis", "tum", "chen", "ierung", "ling", "isch", "ische", "ischen", "ischer", "ern", "eln"}

// tokInfo are the facts the rules use about one token.
type tokInfo struct {
	cap     bool // first rune upper case (a Word or Number)
	name    bool // may be (part of) a name
	brand   bool // brand shape: camel case, letters and digits, all caps
	covered bool // inside an accepted candidate
	done    bool // name and brand computed
	exclude bool // inside the dateline source
	headsOK bool // heads computed
	heads   uint8
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// brandShape reports camel case (DeepSeek, iFlytek), letter–digit names (R2, H20,
// B30A) and all-caps words of two or more letters (not in the common list).
func brandShape(w string, n *nameLists) bool {
	return !n.commonCaps[w] && brandShapeOK(w)
}

// brandShapeOK is brandShape without the common list.
func brandShapeOK(w string) bool {
	if len(w) < 2 {
		return false
	}
	letters, uppers, digits, innerUpper := 0, 0, 0, false
	i := 0
	prev := rune(0)
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			uppers++
			letters++
			if i > 0 && prev != '-' {
				innerUpper = true
			}
		case unicode.IsLetter(r):
			letters++
		case r >= '0' && r <= '9':
			digits++
		case r == '-' || r == '.':
		default:
			return false
		}
		prev = r
		i++
	}
	switch {
	case letters > 0 && digits > 0 && uppers > 0:
		return letters <= 6 // R2, H20, B30A, MI300X; not "Q3-Zahlen"
	case letters >= 2 && uppers == letters:
		return true
	case innerUpper && uppers < letters:
		return true
	}
	return false
}

// nameWord reports whether a capitalised word can be part of a name: no function
// word, no typical common-noun ending, no month or weekday.
func nameWord(t german.Token, lw string, n *nameLists) bool {
	if t.Kind != german.Word {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	if !unicode.IsUpper(r) {
		return false
	}
	if german.IsStopWord(lw) || n.timeWords[lw] || n.commonCaps[t.Text] || n.legal[t.Text] || genericNouns[lw] {
		return false
	}
	return nameShape(t.Text, lw) && n.heads.match(lw) == 0
}

// nameWordFact is nameWord of a capitalised word with the facts f, except for
// the head-noun test.
func nameWordFact(t german.Token, lw string, f *tokFact, n *nameLists) bool {
	if f.words&(wTime|wCommonCaps|wLegal|wGeneric) != 0 || german.IsStopWord(lw) {
		return false
	}
	return nameShape(t.Text, lw)
}

// nameShape reports that a word has no abbreviation dot and no common-noun ending.
func nameShape(text, lw string) bool {
	if strings.HasSuffix(text, ".") {
		return false
	}
	for _, s := range nounSuffixes {
		if len(lw) > len(s)+2 && strings.HasSuffix(lw, s) {
			return false
		}
	}
	return true
}

// rules adds rule candidates of one sentence to sc.
func (r *Recognizer) rules(text string, si int, toks []german.Token, facts []tokFact, sc []cand, excl [2]int, st *state) []cand {
	n := r.names
	if cap(st.info) < len(toks) {
		st.info = make([]tokInfo, len(toks))
	}
	info := st.info[:len(toks)]
	k := 0 // next candidate that may cover a token (sc is in token order)
	// the union of the tokens' facts lets whole passes be skipped
	var anyWords uint32
	var anyFlags uint8
	for i, t := range toks {
		info[i] = tokInfo{}
		anyWords |= facts[i].words
		anyFlags |= facts[i].flags
		if t.Kind != german.Word && t.Kind != german.Number {
			continue
		}
		// a lower-case first letter: function words, adjectives, verbs; only their
		// exact form is ever compared ("von", "für", "und"): see ruleLower
		info[i].cap = facts[i].flags&fCap != 0
		info[i].exclude = excl[1] > 0 && t.Start >= excl[0] && t.End <= excl[1]
		for k < len(sc) && sc[k].end <= t.Start {
			k++
		}
		info[i].covered = k < len(sc) && sc[k].start < t.End
	}
	low := func(i int) string { return ruleLower(toks, facts, info, i) }
	free := func(i int) bool { return i < len(toks) && !info[i].covered && !info[i].exclude }
	// head-noun kinds of a capitalised token, computed on demand
	headsAt := func(i int) uint8 {
		if !info[i].headsOK {
			info[i].headsOK = true
			info[i].heads = n.heads.match(low(i))
		}
		return info[i].heads
	}
	// name and brand facts are computed on demand
	nameAt := func(i int) bool {
		if !info[i].done {
			info[i].done = true
			t := toks[i]
			f := &facts[i]
			if t.Kind == german.Word || t.Kind == german.Number {
				if info[i].cap {
					info[i].name = t.Kind == german.Word && nameWordFact(t, low(i), f, n) && headsAt(i) == 0
				}
				if info[i].cap || f.flags&(fUpperAfter|fDigit) != 0 {
					info[i].brand = t.Kind == german.Word && f.words&wCommonCaps == 0 && brandShapeOK(t.Text)
				}
			}
		}
		return info[i].name
	}
	brandAt := func(i int) bool {
		nameAt(i)
		return info[i].brand
	}
	add := func(i, j int, typ Type, conf float64) {
		if i >= j || j > len(toks) || overlaps(sc, toks[i].Start, toks[j-1].End) {
			return
		}
		s, e := toks[i].Start, toks[j-1].End
		name := text[s:e]
		sc = append(sc, cand{sent: si, tok: i, tokE: j, start: s, end: e, form: [2]int{s, e}, entry: -1,
			key: slug(name), name: name, typ: typ, source: SourceRule, conf: conf})
		for k := i; k < j; k++ {
			info[k].covered = true
		}
	}
	// name run: capitalised name words (with particles von/van/de/der inside)
	run := func(i, maxLen int) int {
		j := i
		for j < len(toks) && j-i < maxLen && free(j) {
			if nameAt(j) {
				j++
				continue
			}
			if isParticle(low(j)) && (j > i || i > 0 && facts[i-1].words&wFirstName != 0) && j+1 < len(toks) && free(j+1) && nameAt(j+1) {
				j++
				continue
			}
			break
		}
		// do not end on a particle
		for j > i && !nameAt(j-1) {
			j--
		}
		return j
	}
	// surname extends a run that is a first name alone over the surname the
	// run did not take: a word the lexicon knows as a place or firm ("Boris
	// Rhein") or one that ends like a common noun ("Patrick Femerling").
	surname := func(k, j int) int {
		if j != k+1 || facts[k].words&wFirstName == 0 || j >= len(toks) || info[j].exclude || toks[j].Kind != german.Word ||
			toks[j].Start == toks[k].End || facts[j].flags&fCap == 0 {
			return j
		}
		if x := lexWord(r.lex, sc, toks[j]); x >= 0 {
			sc = append(sc[:x], sc[x+1:]...)
			info[j].covered = false
			return j + 1
		}
		lw := low(j)
		if free(j) && !german.IsStopWord(lw) && !genericNouns[lw] && facts[j].words&(wTime|wCommonCaps|wLegal) == 0 &&
			headsAt(j) == 0 && relaxedSurname(lw) {
			return j + 1
		}
		return j
	}
	// legal forms first: "Materna Information & Communications SE"
	for i := 1; i < len(toks) && anyWords&wLegal != 0; i++ {
		t := toks[i]
		if !info[i].cap || info[i].exclude || t.Kind != german.Word || facts[i].words&wLegal == 0 || !free(i) {
			continue
		}
		j := i
		for j > 0 && i-j < 5 && free(j-1) && (legalPart(toks[j-1], low(j-1), n) || toks[j-1].Text == "&" && j-1 > 0 && j < i) {
			j--
		}
		for j < i && toks[j].Text == "&" {
			j++
		}
		if j < i {
			add(j, i+1, ORG, 0.85)
		}
	}
	// English names by their last word: "Cloud and AI Development Act" (MISC),
	// "AI Security Institute", "Open Source Business Alliance" (ORG)
	for i := 1; i < len(toks) && anyWords&(wEnglishMisc|wEnglishOrg) != 0; i++ {
		if !info[i].cap || len(toks[i].Text) < 3 {
			continue
		}
		eh := facts[i].words & (wEnglishMisc | wEnglishOrg)
		if eh == 0 || !free(i) {
			continue
		}
		typ := ORG
		if eh&wEnglishMisc != 0 {
			typ = MISC
		}
		j := i
		for j > 0 && i-j < 7 && free(j-1) && (info[j-1].cap && !german.IsStopWord(low(j-1)) ||
			(toks[j-1].Text == "and" || toks[j-1].Text == "of" || toks[j-1].Text == "for" || toks[j-1].Text == "the") && j-1 > 0 && info[j-2].cap) {
			j--
		}
		if j < i && (typ == MISC || i-j >= 1 && !allStop(toks, facts, info, j, i)) {
			add(j, i+1, typ, 0.8)
		}
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if info[i].exclude || !info[i].cap {
			continue
		}
		lw := low(i)
		// institutions named by a field: "Fraunhofer-Institut für Silicatforschung",
		// "Hochschule für Technik und Wirtschaft Berlin", "Verband der Automobilindustrie"
		inst := i
		if i+2 < len(toks) && institutionLink(low(i+1)) {
			inst = institution(toks, facts, info, i, n)
		}
		if j := inst; j > i && (free(i) || partOnly(sc, t)) {
			sc = dropPart(sc, t)
			s := i
			if i > 0 && free(i-1) && adjStem(low(i-1)) != "" && toks[i-1].IsUpper() {
				s = i - 1
			}
			sc = dropInLoc(sc, toks[s].Start, toks[j-1].End)
			for k := s; k < j; k++ {
				info[k].covered = false
			}
			add(s, j, ORG, 0.8)
			i = j - 1
			continue
		}
		// a place after an institution noun: "Stadtwerke München", "Verbraucherzentrale Hamburg";
		// a city adjective before one: "Wiener Börse"
		if i+1 < len(toks) && !info[i].covered && info[i+1].cap && toks[i+1].Kind == german.Word && facts[i].words&wPlaceInst != 0 &&
			locAt(sc, toks[i+1]) {
			sc = dropInLoc(sc, toks[i].Start, toks[i+1].End)
			info[i+1].covered = false
			typ := ORG
			if lw == "flughafen" {
				typ = LOC // an airport is a place (ENTITIES.md: facilities)
			}
			add(i, i+2, typ, 0.8)
			i++
			continue
		}
		if info[i].covered && i+1 < len(toks) && info[i+1].cap && facts[i+1].words&wCityInst != 0 && derivedAt(sc, t) {
			sc = dropInLoc(sc, t.Start, toks[i+1].End)
			info[i].covered = false
			add(i, i+2, ORG, 0.8)
			i++
			continue
		}
		// hyphenated institution names: "Otto-von-Guericke-Universität", "Max-Planck-Institut"
		if facts[i].flags&fHyphen != 0 && compoundInstitution(t, lw) && (free(i) || partOnly(sc, t)) && !info[i].exclude {
			sc = dropPart(sc, t)
			info[i].covered = false
			// with its name or place after it: "Europa-Universität Viadrina"
			j := i + 1
			if j < len(toks) && !info[j].exclude && (free(j) && nameAt(j) || locAt(sc, toks[j])) {
				sc = dropInLoc(sc, toks[j].Start, toks[j].End)
				info[j].covered = false
				j++
			}
			add(i, j, ORG, 0.75)
			i = j - 1
			continue
		}
		// sports clubs: "VfB Stuttgart", "FC Midtjylland", "Werder Bremen"
		if !info[i].covered && i+1 < len(toks) && info[i+1].cap && len(t.Text) <= 9 && facts[i].words&wClub != 0 && toks[i+1].Kind == german.Word {
			sc = dropInLoc(sc, t.Start, toks[i+1].End)
			info[i+1].covered = false
			add(i, i+2, ORG, 0.8)
			i++
			continue
		}
		// universities: "Universität Stuttgart", "Technischen Universität Dresden"
		if lw == "universität" || lw == "hochschule" || lw == "uni" || lw == "fernuni" || lw == "fachhochschule" || lw == "fernuniversität" {
			if !info[i].covered && i+1 < len(toks) && toks[i+1].IsUpper() && !info[i+1].exclude && toks[i+1].Kind == german.Word &&
				!german.IsStopWord(low(i+1)) {
				s := i
				if i > 0 && (strings.HasPrefix(low(i-1), "technische") || strings.HasPrefix(low(i-1), "freie")) {
					s = i - 1
				}
				// a university name replaces a place match inside it
				j := i + 2
				if j > len(toks) || overlaps(sc, toks[s].Start, toks[i].End) {
					continue
				}
				sc = dropIn(sc, toks[s].Start, toks[j-1].End)
				for k := s; k < j; k++ {
					info[k].covered = false
				}
				add(s, j, ORG, 0.8)
			}
			continue
		}
		heads := headsAt(i)
		if isRole := heads&headRole != 0; !info[i].covered || isRole {
			// titles and role nouns: "KI-Forscher Ritwik Gupta", "Prof. Lena Hofmeister"
			if isRole && i >= 3 && toks[i-1].Text == "," {
				// apposition after the name: "Pieter van Dijk, Analyst bei …"
				j := i - 1
				for j > 0 && i-1-j < 3 && free(j-1) && (nameAt(j-1) || isParticle(low(j-1)) && j-1 > 0 && nameAt(j-2)) {
					j--
				}
				if i-1-j >= 2 && nameAt(j) && !(j > 0 && (info[j-1].cap && !german.IsStopWord(low(j-1)))) {
					add(j, i-1, PER, 0.75)
				}
			}
			if isRole {
				k := i + 1
				// titles after the role: "Chef Dr. Hans Weber"
				for k < len(toks) && (toks[k].Text == "Dr." || toks[k].Text == "Prof.") {
					k++
				}
				j := surname(k, run(k, 3))
				if j > k {
					conf := 0.7
					if facts[k].words&wFirstName != 0 || j-k >= 2 {
						conf = 0.85
					}
					switch {
					case facts[j-1].words&wOrgTail != 0 || j-k == 1 && heads&headOrg != 0 && facts[k].words&wFirstName == 0:
						// "Marktforscher Counterpoint Research", "Investor Northzone"
						add(k, j, ORG, 0.65)
					case j-k >= 2 || !brandAt(k):
						add(k, j, PER, conf)
					}
					i = j - 1
					continue
				}
			}
		}
		// first names: "Sabine Kroll"
		if facts[i].words&wFirstName != 0 && free(i) && i+1 < len(toks) && free(i+1) && (nameAt(i+1) ||
			isParticle(low(i+1)) && i+2 < len(toks) && free(i+2) && nameAt(i+2)) {
			j := run(i+1, 2)
			if j > i+1 {
				add(i, j, PER, 0.8)
				i = j - 1
				continue
			}
		}
		// a first name before a word the lexicon knows as a place or firm, or
		// one with a common-noun ending, is a person: "Boris Rhein", "Henrik
		// Fisker", "Patrick Femerling" (not after another capitalised word)
		if facts[i].words&wFirstName != 0 && free(i) && i+1 < len(toks) && (i == 0 || !info[i-1].cap || german.IsStopWord(low(i-1))) {
			if j := surname(i, i+1); j > i+1 {
				add(i, j, PER, 0.75)
				i = j - 1
				continue
			}
		}
		// organisation and product head nouns: "Start-up Halvar", "Modell R2"
		isProd := heads&headProd != 0
		isOrg := !isProd && heads&headOrg != 0
		// quoted titles after a product noun: Spieletest „Sternenwacht“, Spiele wie „Genshin Impact“
		if isProd {
			k := i + 1
			if k < len(toks) && (low(k) == "wie" || low(k) == "namens") {
				k++
			}
			if k+2 < len(toks) && isOpenQuote(toks[k].Text) {
				j := k + 1
				for j < len(toks) && j-k <= 6 && free(j) && (info[j].cap || toks[j].Kind == german.Number || low(j) == "of" || low(j) == "the") {
					j++
				}
				if j > k+1 && j < len(toks) && isCloseQuote(toks[j].Text) && info[k+1].cap {
					add(k+1, j, PRODUCT, 0.7)
					i = j
					continue
				}
			}
		}
		if (isProd || isOrg) && i+1 < len(toks) && free(i+1) && (nameAt(i+1) || brandAt(i+1)) {
			switch {
			case isProd:
				// "Modell R2", "Chip Xring O1": name words up to a brand-shaped one
				j, brand := i+1, false
				for j < len(toks) && j-i <= 3 && free(j) && (brandAt(j) || nameAt(j)) {
					brand = brand || brandAt(j)
					j++
					if brand {
						break
					}
				}
				if brand {
					add(i+1, j, PRODUCT, 0.7)
					i = j - 1
				}
			case isOrg:
				j := i + 2
				for j < len(toks) && free(j) && (facts[j].words&wOrgTail != 0 || brandAt(j)) && j-i <= 3 {
					j++
				}
				if brandAt(i+1) || j > i+2 || singularDet(toks, facts, info, i) || st.recurs(facts[i+1].h, toks[i+1].Text) {
					conf := 0.6
					if brandAt(i + 1) {
						conf = 0.75
					}
					n0 := len(sc)
					add(i+1, j, ORG, conf)
					if g := &sc[len(sc)-1]; len(sc) > n0 && j == i+2 && genitivePair(lw, toks[i+1].Text) {
						// "des Diskonters Hofers": the name in the genitive too
						g.end--
						g.name = text[g.start:g.end]
						g.key = slug(g.name)
					}
					i = j - 1
				}
			}
		}
	}
	// letter-digit product names near a product noun: "der intern B30A genannte Chip"
	for i := 0; i < len(toks) && anyFlags&fDigit != 0; i++ {
		if facts[i].flags&fDigit == 0 || !free(i) || !brandAt(i) {
			continue
		}
		for k := max(0, i-3); k < min(len(toks), i+4); k++ {
			if k != i && info[k].cap && headsAt(k)&headProd != 0 {
				add(i, i+1, PRODUCT, 0.6)
				break
			}
		}
	}
	return sc
}

// genitivePair reports a head noun and a one-word name both in the
// genitive: "des Diskonters Hofers" names Hofer, "des Konzerns Siemens"
// (the name itself ends in s) does not lose its s.
func genitivePair(head, name string) bool {
	return len(head) > 4 && head[len(head)-1] == 's' && !strings.HasSuffix(head, "ss") &&
		len(name) > 4 && name[len(name)-1] == 's' && !strings.HasSuffix(name, "ss") &&
		(strings.HasSuffix(head, "ers") || strings.HasSuffix(head, "ens") || strings.HasSuffix(head, "els"))
}

// relaxedSurname reports a word after a first name that nameShape rejects
// only for an ending surnames share with common nouns ("Femerling",
// "Killing", "Mädchen" is no surname: -chen stays out).
func relaxedSurname(lw string) bool {
	for _, suf := range [...]string{"ling", "ern", "eln", "tum", "nis"} {
		if strings.HasSuffix(lw, suf) {
			return true
		}
	}
	return false
}

// lexWord returns the index of a lexicon candidate that is exactly the
// single word t (a place or firm, not derived, not a part, and no country
// or city with adjectives: "August Deutschland" is no person), or -1.
func lexWord(lex *Lexicon, sc []cand, t german.Token) int {
	for k, c := range sc {
		if c.start == t.Start && c.end == t.End && c.source == SourceLexicon && !c.derived && !c.part && c.tokE-c.tok == 1 &&
			(c.typ == LOC || c.typ == ORG) && c.entry >= 0 && len(lex.entries[c.entry].Adjectives) == 0 {
			return k
		}
	}
	return -1
}

// dropIn removes the candidates inside [s,e).
func dropIn(sc []cand, s, e int) []cand {
	out := sc[:0]
	for _, c := range sc {
		if c.start >= s && c.end <= e {
			continue
		}
		out = append(out, c)
	}
	return out
}

// link finds later (or earlier) short mentions of people and organisations found
// in the text: a surname alone ("Gupta" for Ritwik Gupta), an organisation name
// without its legal form ("Halvar" for Halvar Systems GmbH).
func (r *Recognizer) link(sents []german.Sentence, cands []cand, st *state) []cand {
	// short maps a short name to the first candidate it stands for (in shortC);
	// a candidate adds at most three names. Names are hashed lower-cased, as
	// tokens are in their facts.
	short := &st.short
	short.reset(3 * len(cands))
	st.shortC = st.shortC[:0]
	setShort := func(w string, c *cand) {
		st.keyBuf = german.AppendLower(st.keyBuf[:0], w)
		if sl, ok := short.slot(wordHash(bytesString(st.keyBuf)), w); !ok {
			sl.val = int32(len(st.shortC))
			st.shortC = append(st.shortC, *c)
		}
	}
	// getShort looks w up; h is the wordHash of its lower-cased form
	getShort := func(h uint64, w string) (*cand, bool) {
		if i, ok := short.get(h, w); ok {
			return &st.shortC[i], true
		}
		return nil, false
	}
	var add []cand
	dropped := false
	for ci := range cands {
		c := &cands[ci]
		if c.derived || c.part {
			continue
		}
		toks := sents[c.sent].Tokens
		// an abbreviation in parentheses right after the name: "Open Source Business
		// Alliance (OSBA)" names the same entity, here and later
		if k := c.tokE; c.typ != PER && c.typ != LOC && k+2 < len(toks) && toks[k].Text == "(" && toks[k+2].Text == ")" &&
			c.end == toks[k-1].End && brandShape(toks[k+1].Text, r.names) && !hasDigit(toks[k+1].Text) {
			a := toks[k+1]
			taken := false
			for oi := ci + 1; oi < len(cands) && cands[oi].sent == c.sent; oi++ {
				o := &cands[oi]
				if o.start < a.End && a.Start < o.end {
					taken = true
					if o.source == SourceModel && o.start == a.Start && o.end == a.End {
						// the model found the abbreviation alone: it is the same entity
						o.key, o.name, o.typ, o.entry, o.parent, o.source = c.key, c.name, c.typ, c.entry, c.parent, c.source
						setShort(a.Text, c)
					}
					break
				}
			}
			if !taken {
				x := *c
				x.tok, x.tokE, x.start, x.end, x.form, x.part, x.derived = k+1, k+2, a.Start, a.End, [2]int{a.Start, a.End}, false, false
				add = append(add, x)
				setShort(a.Text, c)
			}
		}
		if c.tokE-c.tok == 1 {
			// a single-word firm or product found by the rules or the model names
			// its later mentions and compounds ("Rakuten-Gruppe")
			if c.source != SourceLexicon && (c.typ == ORG || c.typ == PRODUCT) && c.end == toks[c.tok].End {
				setShort(c.name, c)
			}
			continue
		}
		switch c.typ {
		case PER:
			last := toks[c.tokE-1].Text
			setShort(last, c)
			if first := toks[c.tok].Text; r.names.firstNames[first] {
				setShort(first, c)
			}
		case ORG:
			if c.source == SourceRule && r.names.legal[toks[c.tokE-1].Text] {
				setShort(toks[c.tok].Text, c)
			}
		}
	}
	if len(st.shortC) == 0 {
		return cands
	}
	// a surname the rules or the model took alone, or with a word before it
	// ("der Exlobbyist Sardana", "Vorwurf Sardanas"), is the person the text
	// named in full
	for ci := range cands {
		c := &cands[ci]
		if c.typ != PER || c.source == SourceLexicon || c.derived || c.part {
			continue
		}
		t := sents[c.sent].Tokens[c.tokE-1]
		w, end := t.Text, t.End
		st.keyBuf = german.AppendLower(st.keyBuf[:0], w)
		p, ok := getShort(wordHash(bytesString(st.keyBuf)), w)
		if (!ok || p.key == c.key) && len(w) > 2 && w[len(w)-1] == 's' {
			w, end = w[:len(w)-1], end-1
			st.keyBuf = german.AppendLower(st.keyBuf[:0], w)
			p, ok = getShort(wordHash(bytesString(st.keyBuf)), w)
		}
		if !ok || p.key == c.key || p.typ != PER || p.tokE-p.tok < 2 || c.tokE-c.tok > 2 ||
			p.source == SourceModel && !r.names.firstNames[sents[p.sent].Tokens[p.tok].Text] {
			continue
		}
		if c.tokE-c.tok == 2 && (c.source != SourceModel || r.names.firstNames[sents[c.sent].Tokens[c.tok].Text]) {
			continue
		}
		old := c.key
		c.tok, c.start, c.end, c.form = c.tokE-1, t.Start, end, [2]int{t.Start, t.End}
		c.key, c.name, c.entry, c.parent = p.key, p.name, p.entry, p.parent
		for k := range st.shortC {
			if sh := &st.shortC[k]; sh.key == old {
				// the whole position moves: tok and tokE index p's sentence
				sh.key, sh.name, sh.entry, sh.parent, sh.sent, sh.tok, sh.tokE = p.key, p.name, p.entry, p.parent, p.sent, p.tok, p.tokE
			}
		}
	}
	ci, ki := 0, 0
	for si, s := range sents {
		c0 := ci
		for ci < len(cands) && cands[ci].sent == si {
			ci++
		}
		sc := cands[c0:ci]
		// the capitalised words of the sentence (st.capWords holds fact indices)
		base, end := st.factOff[si], st.factOff[si+1]
		for ; ki < len(st.capWords) && int(st.capWords[ki]) < end; ki++ {
			i := int(st.capWords[ki]) - base
			f := &st.facts[st.capWords[ki]]
			t := &s.Tokens[i]
			// lower-casing maps rune by rune and makes no '-' or 's' of other
			// runes: the lower-cased prefixes below are prefixes of f.lower
			w, end := t.Text, t.End
			if k := hyphenIndex(w, f.flags); k > 0 {
				// the first part of a compound: "Rakuten-Gruppe"
				if c, ok := getShort(wordHash(f.lower[:strings.IndexByte(f.lower, '-')]), w[:k]); ok && c.tokE-c.tok == 1 && !overlaps(sc, t.Start, t.End) {
					add = append(add, cand{sent: si, tok: i, tokE: i + 1, start: t.Start, end: t.Start + k, form: [2]int{t.Start, t.End},
						entry: c.entry, key: c.key, name: c.name, typ: c.typ, source: c.source, conf: c.conf - 0.05, part: true})
				}
				continue
			}
			c, ok := getShort(f.h, w)
			if !ok && len(w) > 2 && w[len(w)-1] == 's' {
				w = w[:len(w)-1]
				end--
				c, ok = getShort(wordHash(f.lower[:len(f.lower)-1]), w)
			}
			if !ok || overlaps(sc, t.Start, t.End) && !dropModel(sc, t.Start, t.End, c.key) {
				continue
			}
			dropped = dropped || overlaps(sc, t.Start, t.End)
			add = append(add, cand{sent: si, tok: i, tokE: i + 1, start: t.Start, end: end, form: [2]int{t.Start, t.End},
				entry: c.entry, key: c.key, name: c.name, typ: c.typ, source: c.source, conf: c.conf - 0.05})
		}
	}
	if len(add) == 0 {
		return cands
	}
	if dropped {
		cands = slices.DeleteFunc(cands, func(c cand) bool { return c.key == "" })
	}
	cands = append(cands, add...)
	slices.SortStableFunc(cands, func(a, b cand) int {
		if a.sent != b.sent {
			return a.sent - b.sent
		}
		return a.start - b.start
	})
	// drop repeats (an abbreviation found twice)
	out := cands[:1]
	for _, c := range cands[1:] {
		if p := out[len(out)-1]; p.sent == c.sent && p.start < c.end && c.start < p.end {
			continue
		}
		out = append(out, c)
	}
	return out
}

// dropModel empties the keys of the model's names over [s, e) if only the
// model named something there: a later short mention of a person or firm
// the text introduced ("Tsipras" for Alexis Tsipras, which the model took for
// a place; "Vorwurf Sardanas") is that entity. It reports whether it did.
func dropModel(sc []cand, s, e int, key string) bool {
	for i := range sc {
		if c := &sc[i]; s < c.end && c.start < e && (c.source != SourceModel || c.key == key || c.key == "") {
			return false
		}
	}
	for i := range sc {
		if c := &sc[i]; s < c.end && c.start < e {
			c.key = ""
		}
	}
	return true
}

// hyphenIndex is strings.IndexByte(w, '-') for a token with flags.
func hyphenIndex(w string, flags uint8) int {
	if flags&fHyphen == 0 {
		return -1
	}
	return strings.IndexByte(w, '-')
}

// slug makes an id from a name: lower case ASCII, umlauts spelled out, other
// characters as single hyphens.
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range name {
		r = unicode.ToLower(r)
		var s string
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			s = string(r)
		case r == 'ä':
			s = "ae"
		case r == 'ö':
			s = "oe"
		case r == 'ü':
			s = "ue"
		case r == 'ß':
			s = "ss"
		case r == 'é' || r == 'è' || r == 'ê':
			s = "e"
		case r == 'á' || r == 'à' || r == 'â':
			s = "a"
		case r == 'ó' || r == 'ô':
			s = "o"
		case r == 'í':
			s = "i"
		case r == 'ç':
			s = "c"
		case r == 'ñ':
			s = "n"
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			s = "x"
		default:
			if b.Len() > 0 {
				dash = true
			}
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteString(s)
	}
	if b.Len() == 0 {
		return "entity"
	}
	return b.String()
}

// legalPart reports whether a word can stand in a company name before its legal
// form: capitalised, no function word, no role or head noun.
func legalPart(t german.Token, lw string, n *nameLists) bool {
	if t.Kind != german.Word && t.Kind != german.Number {
		return false
	}
	if !t.IsUpper() && !hasDigit(t.Text) {
		return false
	}
	if german.IsStopWord(lw) || n.legal[t.Text] {
		return false
	}
	return n.heads.match(lw) == 0
}

// recurs reports whether the capitalised word occurs at least twice in the text
// (a name is repeated; a noun after a head noun by chance rarely is). The counts
// are made once per call, on first use.
// w's lower-cased form has wordHash h: the counts are keyed by that hash and
// told apart by the written form.
func (st *state) recurs(h uint64, w string) bool {
	if !st.counted {
		st.counted = true
		st.counts.reset(len(st.capWords))
		ki := 0
		for si, s := range st.cur {
			base, end := st.factOff[si], st.factOff[si+1]
			for ; ki < len(st.capWords) && int(st.capWords[ki]) < end; ki++ {
				k := st.capWords[ki]
				sl, _ := st.counts.slot(st.facts[k].h, s.Tokens[int(k)-base].Text)
				sl.val++
			}
		}
	}
	v, _ := st.counts.get(h, w)
	return v >= 2
}

// institutionFor are institution nouns named by a field after "für"; compounds
// ending in them count ("Fraunhofer-Institut", "Bundesamt", "Forschungszentrum").
var institutionFor = []string{"institut", "zentrum", "hochschule", "universität", "agentur", "amt", "verband", "gesellschaft",
	"stiftung", "ministerium", "akademie", "behörde", "kommission", "komitee", "netzwerk", "beauftragte", "beauftragter", "rat", "gericht"}

// institutionDer are institution nouns named by a genitive ("Verband der Automobilindustrie").
var institutionDer = map[string]bool{"verband": true, "bundesverband": true, "gerichtshof": true, "verein": true, "akademie": true,
	"rechnungshof": true, "zentralverband": true, "gesamtverband": true}

// institutionLink reports the words that link an institution noun to its field.
func institutionLink(lw string) bool {
	return lw == "für" || lw == "der" || lw == "des"
}

// institution returns the end of an institution name starting at toks[i], or i.
// The caller has checked i+2 < len(toks) and institutionLink of token i+1.
func institution(toks []german.Token, facts []tokFact, info []tokInfo, i int, n *nameLists) int {
	link := ruleLower(toks, facts, info, i+1)
	t := toks[i]
	if t.Kind != german.Word || !t.IsUpper() {
		return i
	}
	lw := ruleLower(toks, facts, info, i)
	ok := false
	switch link {
	case "für":
		for _, h := range institutionFor {
			if strings.HasSuffix(lw, h) && (len(lw) == len(h) || lw[len(lw)-len(h)-1] == '-' || len(h) >= 5) {
				ok = true
				break
			}
		}
	case "der", "des":
		// "Verband der Automobilindustrie", "Haushaltsausschuss des Bundestages"
		ok = institutionDer[lw] || strings.HasSuffix(lw, "ausschuss") && len(lw) > len("ausschuss")
	}
	if !ok {
		return i
	}
	j := i + 2
	end := i
	for j < len(toks) && j-i < 10 {
		w := toks[j]
		lj := ruleLower(toks, facts, info, j)
		switch {
		case w.Kind == german.Word && w.IsUpper() && !german.IsStopWord(lj):
			end = j + 1
		case lj == "und" || lj == "der" || lj == "für" || lj == "die" || lj == "des":
		default:
			j = len(toks)
			continue
		}
		j++
	}
	if end <= i+2 {
		return i
	}
	return end
}

// placeInstitution are institution nouns followed by their place.
var placeInstitution = map[string]bool{"stadtwerke": true, "verbraucherzentrale": true, "sparkasse": true, "volksbank": true,
	"landesbank": true, "handelskammer": true, "landgericht": true, "oberlandesgericht": true, "amtsgericht": true,
	"verwaltungsgericht": true, "staatsanwaltschaft": true, "flughafen": true, "bezirksregierung": true, "messe": true,
	"technische": false}

// cityInstitution are institution nouns after a city adjective ("Wiener Börse").
var cityInstitution = map[string]bool{"börse": true, "stadtwerke": true, "verkehrsbetriebe": true,
	"staatsanwaltschaft": true, "landgericht": true, "oberlandesgericht": true, "verwaltungsgericht": true, "sparkasse": true,
	"volksbank": true, "messe": true, "universität": true, "hochschule": true, "philharmoniker": true}

// clubPrefix start sports club names.
var clubPrefix = map[string]bool{"VfB": true, "VfL": true, "FC": true, "SC": true, "SV": true, "TSV": true, "TSG": true,
	"RB": true, "BVB": true, "Borussia": true, "Eintracht": true, "Hertha": true, "Werder": true, "Fortuna": true,
	"Union": false, "AC": true, "AS": true, "Real": true, "Atlético": true, "Inter": true, "Olympique": true}

// locAt reports whether a place candidate covers token t.
func locAt(sc []cand, t german.Token) bool {
	for _, c := range sc {
		if c.start == t.Start && c.end == t.End && c.typ == LOC && !c.derived {
			return true
		}
	}
	return false
}

// derivedAt reports whether a derived (adjective) candidate covers token t.
func derivedAt(sc []cand, t german.Token) bool {
	for _, c := range sc {
		if c.start == t.Start && c.end == t.End && c.derived {
			return true
		}
	}
	return false
}

// dropInLoc removes place candidates inside [s,e) (a place inside an institution name).
func dropInLoc(sc []cand, s, e int) []cand {
	out := sc[:0]
	for _, c := range sc {
		if c.start >= s && c.end <= e && c.typ == LOC {
			continue
		}
		out = append(out, c)
	}
	return out
}

func isParticle(lw string) bool {
	switch lw {
	case "von", "van", "de", "der", "den", "da", "di", "du", "la", "le", "zu", "vom", "ter", "bin", "al", "el":
		return true
	}
	return false
}

// singularDet reports whether the head noun at i stands after a singular article
// ("der Netzbetreiber Syna", "des IT-Dienstleisters Dataport"), one adjective in
// between allowed: then the capitalised word after it is an apposition, a name.
func singularDet(toks []german.Token, facts []tokFact, info []tokInfo, i int) bool {
	k := i - 1
	if k >= 1 && toks[k].Kind == german.Word && !german.IsStopWord(ruleLower(toks, facts, info, k)) {
		k-- // "der Frankfurter Investmentbank Metzler"
	}
	if k < 0 {
		return false
	}
	switch ruleLower(toks, facts, info, k) {
	case "der", "dem", "des", "den", "das", "ein", "einem", "eines", "einen", "einer", "vom", "beim", "zum", "zur", "im", "am":
		return true
	case "die", "eine":
		h := ruleLower(toks, facts, info, i)
		return !strings.HasSuffix(h, "er") && !strings.HasSuffix(h, "en") && !strings.HasSuffix(h, "e")
	}
	return false
}

// compoundInstitution reports hyphenated institution names whose last part is an
// institution noun: "Otto-von-Guericke-Universität", "Max-Planck-Institut".
func compoundInstitution(t german.Token, lw string) bool {
	if strings.IndexByte(t.Text, '-') < 0 || t.Kind != german.Word || !t.IsUpper() {
		return false
	}
	for _, h := range [...]string{"-universität", "-hochschule", "-institut", "-stiftung", "-klinikum", "-gymnasium", "-akademie"} {
		if strings.HasSuffix(lw, h) {
			first := lw[:strings.IndexByte(lw, '-')]
			return first != "ki" && first != "it" && first != "ai" && len(first) > 1
		}
	}
	return false
}

// partOnly reports whether the candidates on token t are all compound parts.
func partOnly(sc []cand, t german.Token) bool {
	found := false
	for _, c := range sc {
		if c.start < t.End && t.Start < c.end {
			if !c.part {
				return false
			}
			found = true
		}
	}
	return found
}

// dropPart removes compound-part candidates inside token t.
func dropPart(sc []cand, t german.Token) []cand {
	out := sc[:0]
	for _, c := range sc {
		if c.part && c.start >= t.Start && c.end <= t.End {
			continue
		}
		out = append(out, c)
	}
	return out
}

// hasNounSuffix reports a common-noun ending ("Analyse" has none, "Meinung" has).
func hasNounSuffix(lw string) bool {
	for _, s := range nounSuffixes {
		if len(lw) > len(s)+2 && strings.HasSuffix(lw, s) {
			return true
		}
	}
	return false
}

func isOpenQuote(s string) bool {
	switch s {
	case "„", "\"", "»", "“", "«", "‚":
		return true
	}
	return false
}

func isCloseQuote(s string) bool {
	switch s {
	case "“", "\"", "«", "”", "»", "‘":
		return true
	}
	return false
}

// hasUpperAfterFirst reports an upper-case ASCII letter after the first byte ("iPhone").
func hasUpperAfterFirst(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// englishHeads end English names of laws (MISC) and organisations (ORG).
var englishHeads = map[string]Type{
	"Act": MISC, "Directive": MISC, "Regulation": MISC, "Initiative": MISC, "Summit": MISC, "Award": MISC,
	"Institute": ORG, "Agency": ORG, "Authority": ORG, "Office": ORG, "Council": ORG, "Foundation": ORG,
	"Association": ORG, "Alliance": ORG, "Center": ORG, "Centre": ORG, "Commission": ORG, "Committee": ORG,
	"Board": ORG, "Bureau": ORG, "Department": ORG, "University": ORG, "College": ORG, "Laboratory": ORG,
	"Consortium": ORG, "Forum": ORG, "Society": ORG, "Corporation": ORG, "Company": ORG,
}

// allStop reports whether every token of [j,i) is a function word.
func allStop(toks []german.Token, facts []tokFact, info []tokInfo, j, i int) bool {
	for k := j; k < i; k++ {
		if !german.IsStopWord(ruleLower(toks, facts, info, k)) {
			return false
		}
	}
	return true
}

// ruleLower is the form of token i the rules compare: a capitalised word or
// number lower-cased, any other token as written.
func ruleLower(toks []german.Token, facts []tokFact, info []tokInfo, i int) string {
	if info[i].cap {
		return facts[i].lower
	}
	return toks[i].Text
}
