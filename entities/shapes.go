package entities

import (
	"strings"

	"github.com/techschau/techschau/german"
)

// Names by their German shape, for what neither the lexicon nor the head-noun
// rules find: institution compounds ("Finanzministerium", "US-Notenbank",
// "Wiener Straflandesgericht", "Verkehrsministerium Baden-Württemberg"),
// named events and laws ("Bundestagswahl 2025", "Ukraine-Krieg",
// "NATO-Gipfel", "Gebäudeenergiegesetz", "Entsenderichtlinie") and streets and
// squares ("Münzstraße", "Syntagma-Platz").

// institutionHeads end the compounds that name one institution: a ministry,
// a central bank, a court, a committee, a chamber, an agency. A compound
// needs a first part of at least three letters ("Finanzministerium", not
// "Ministerium").
var institutionHeads = [...]string{"ministerium", "notenbank", "zentralbank", "gerichtshof", "gericht", "ausschuss",
	"kammer", "anwaltschaft", "kommission", "verband", "behörde", "bundesamt", "landesamt", "kriminalamt", "kartellamt", "rat"}

// institutionHead returns the length of the institution head lw ends in, or
// 0. The head must follow a first part of three or more letters, and "rat"
// and "kommission" only after a hyphen ("EZB-Rat", "Griss-Kommission"; not
// "Vorrat", "Unterkommission"), "verband" and "behörde" only after a compound
// first part of five letters ("Handelsverband", "Grenzschutzbehörde").
func institutionHead(lw string) int {
	for _, h := range institutionHeads {
		if !strings.HasSuffix(lw, h) || len(lw) < len(h)+3 {
			continue
		}
		pre := lw[:len(lw)-len(h)]
		hyph := strings.HasSuffix(pre, "-")
		switch h {
		case "rat", "kommission", "ausschuss":
			if !hyph {
				continue
			}
		case "verband", "behörde":
			if !hyph && len(pre) < 5 {
				continue
			}
		}
		return len(h)
	}
	return 0
}

// aloneInstitution reports heads that name an institution without a place:
// "Finanzministerium", "Arbeiterkammer", "Landeskriminalamt", "EZB-Rat".
func aloneInstitution(lw string, hyph bool) bool {
	switch {
	case strings.HasSuffix(lw, "ministerium"), strings.HasSuffix(lw, "kammer"), strings.HasSuffix(lw, "kriminalamt"),
		strings.HasSuffix(lw, "gerichtshof"), strings.HasSuffix(lw, "kartellamt"):
		return true
	}
	return hyph
}

// eventHeads end compounds that name one event, law or war ("Europawahl",
// "Ukraine-Krieg", "Gebäudeenergiegesetz"), with the prefixes they need: nil
// means any first part of five letters or more; "@" also admits a lexicon
// name as the first part.
var eventHeads = [...]struct {
	head string
	pres []string
}{
	{"wahl", []string{"europa", "bundestags", "landtags", "präsidentschafts", "parlaments", "kommunal", "kongress", "zwischen", "senats", "nationalrats", "gemeinderats", "bürgerschafts", "bundespräsidenten", "@"}},
	{"wahlen", []string{"europa", "bundestags", "landtags", "präsidentschafts", "parlaments", "kommunal", "kongress", "zwischen", "senats", "nationalrats", "gemeinderats", "@"}},
	{"krieg", []string{"welt", "@"}},
	{"gipfel", []string{"auto", "klima", "digital", "energie", "migrations", "flüchtlings", "welt", "@"}},
	{"konferenz", []string{"weltklima", "klima", "friedens", "@"}},
	{"gesetz", nil},
	{"richtlinie", nil},
	{"verordnung", nil},
}

// shapeTail is a cheap test that lw (or lw without a genitive s or es) may
// end in an institution, event or street head: it hashes the last five
// bytes.
func shapeTail(lw string) bool {
	for k := 0; k < 3 && len(lw) >= 6; k++ {
		n := len(lw)
		if h := tail5(lw[n-5:]); shapeTails[h>>6]&(1<<(h&63)) != 0 {
			return true
		}
		switch {
		case strings.HasSuffix(lw, "wahl"), strings.HasSuffix(lw, "-rat"), strings.HasSuffix(lw, "damm"), strings.HasSuffix(lw, "-weg"):
			return true
		case k == 0 && lw[n-1] == 's':
			lw = lw[:n-1]
		case k == 1 && lw[n-1] == 'e':
			lw = lw[:n-1]
		default:
			return false
		}
	}
	return false
}

// shapeTails is a bit set over tail5 of the last five bytes of the heads
// shapes looks for (collisions only cost a full test); the heads of fewer
// than five bytes are tested in shapeTail.
var shapeTails = func() (b [1 << 6]uint64) {
	var heads []string
	heads = append(heads, institutionHeads[:]...)
	for _, eh := range eventHeads {
		heads = append(heads, eh.head)
	}
	heads = append(heads, streetHeads[:]...)
	heads = append(heads, "-platz", "-ring", "-brücke", "-ufer", "-rat")
	for _, h := range heads {
		if len(h) >= 5 {
			x := tail5(h[len(h)-5:])
			b[x>>6] |= 1 << (x & 63)
		}
	}
	return b
}()

// tail5 hashes five bytes to 12 bits.
func tail5(s string) uint32 {
	v := uint64(s[0])<<32 | uint64(s[1])<<24 | uint64(s[2])<<16 | uint64(s[3])<<8 | uint64(s[4])
	return uint32((v * 0x9E3779B97F4A7C15) >> 52)
}

// genericLaws are compounds of a law head that name no one law.
var genericLaws = map[string]bool{"bundesgesetz": true, "landesgesetz": true, "sondergesetz": true, "rahmengesetz": true,
	"grundverordnung": true, "rechtsverordnung": true, "eu-verordnung": true, "eu-richtlinie": true, "eu-gesetz": true,
	"ausführungsgesetz": true, "änderungsgesetz": true, "durchführungsverordnung": true, "leitlinie": true}

// streetHeads end street names.
var streetHeads = [...]string{"straße", "strasse", "gasse", "allee", "damm", "chaussee"}

// shapes adds names by shape to the candidates of one sentence (sc, sorted
// by start; the result is sorted too).
func (r *Recognizer) shapes(text string, si int, toks []german.Token, facts []tokFact, sc []cand, excl [2]int) []cand {
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		f := &facts[i]
		if t.Kind != german.Word || f.flags&fCap == 0 || excl[1] > 0 && t.Start >= excl[0] && t.End <= excl[1] {
			continue
		}
		lw := f.lower
		if (len(lw) < 6 || !shapeTail(lw)) && !tournament(t.Text) {
			continue
		}
		// the genitive: "Finanzministeriums", "Grundgesetzes"
		base := lw
		for _, g := range [...]string{"es", "s"} {
			if strings.HasSuffix(lw, g) && len(lw) > len(g)+6 {
				if institutionHead(lw[:len(lw)-len(g)]) > 0 || eventHead(r, lw[:len(lw)-len(g)]) {
					base = lw[:len(lw)-len(g)]
				}
				break
			}
		}
		end := t.Start + len(base) // lower-casing keeps the byte length of these ASCII endings
		if len(base) == len(lw) {
			end = t.End
		}
		if tournament(t.Text) {
			// "EM 2024", "Fußball-WM", "Handball-EM 2026"
			s, e, j := t.Start, t.End, i+1
			if j < len(toks) && toks[j].Kind == german.Number && isYear(toks[j].Text) {
				e = toks[j].End
				j++
			}
			if freeOf(sc, s, e) {
				// one id for the forms of one tournament: "em-2024"
				key := "wm"
				if strings.HasSuffix(t.Text, "EM") || strings.Contains(t.Text, "Europa") {
					key = "em"
				}
				if j > i+1 {
					key += "-" + toks[i+1].Text
				}
				sc = dropWithin(sc, s, e)
				sc = insertCand(sc, cand{sent: si, tok: i, tokE: j, start: s, end: e, form: [2]int{s, e}, entry: -1,
					key: key, name: text[s:e], typ: MISC, source: SourceRule, conf: 0.7})
			}
			i = j - 1
			continue
		}
		switch {
		case institutionHead(base) > 0:
			hyph := strings.ContainsRune(base, '-')
			s, e, j := t.Start, end, i+1
			// a city or country adjective before: "Wiener Straflandesgericht", "Schweizer Notenbank"
			if i > 0 && derivedAt(sc, toks[i-1]) && facts[i-1].flags&fCap != 0 {
				s = toks[i-1].Start
			}
			// a place after: "Verkehrsministerium Baden-Württemberg", "Staatsanwaltschaft Wien"
			if len(base) == len(lw) && j < len(toks) && locAt(sc, toks[j]) {
				e = toks[j].End
				j++
			}
			if s == t.Start && e == end && !aloneInstitution(base, hyph) {
				continue
			}
			if s == t.Start && e == end && !hyph && i > 0 && derivedAt(sc, toks[i-1]) {
				continue // "das chinesische Handelsministerium": a description
			}
			if s == t.Start && e == end && !hyph && i+2 < len(toks) && toks[i+1].Text == "in" && locStarts(sc, toks[i+2].Start) {
				continue // "das Wirtschaftsministerium in Den Haag"
			}
			if hyph && groupHead(base) && placePart(sc, t) {
				continue // "China-Ausschuss": a committee about a country
			}
			if !freeOf(sc, s, e) {
				continue
			}
			sc = dropWithin(sc, s, e)
			sc = insertCand(sc, cand{sent: si, tok: i, tokE: j, start: s, end: e, form: [2]int{s, max(e, t.End)}, entry: -1,
				key: slug(text[s:e]), name: text[s:e], typ: ORG, source: SourceRule, conf: 0.75})
			i = j - 1
		case eventHead(r, base):
			s, e, j := t.Start, end, i+1
			// "Zweiten Weltkrieg" is in the lexicon; a year after: "Bundestagswahl 2025"
			if len(base) == len(lw) && j < len(toks) && toks[j].Kind == german.Number && isYear(toks[j].Text) {
				e = toks[j].End
				j++
			}
			if !freeOf(sc, s, e) {
				continue
			}
			sc = dropWithin(sc, s, e)
			key := slug(text[s:e])
			if strings.HasSuffix(base, "wahlen") && j == i+1 {
				key = strings.TrimSuffix(key, "en") // "Europawahlen" is the Europawahl
			}
			sc = insertCand(sc, cand{sent: si, tok: i, tokE: j, start: s, end: e, form: [2]int{s, max(e, t.End)}, entry: -1,
				key: key, name: text[s:e], typ: MISC, source: SourceRule, conf: 0.7})
			i = j - 1
		case streetName(lw):
			if !freeOf(sc, t.Start, t.End) {
				continue
			}
			sc = dropWithin(sc, t.Start, t.End)
			sc = insertCand(sc, cand{sent: si, tok: i, tokE: i + 1, start: t.Start, end: t.End, form: [2]int{t.Start, t.End}, entry: -1,
				key: slug(t.Text), name: t.Text, typ: LOC, source: SourceRule, conf: 0.7})
		}
	}
	return sc
}

// eventHead reports whether lw is a compound naming one event or law.
func eventHead(r *Recognizer, lw string) bool {
	for _, eh := range eventHeads {
		h, pres := eh.head, eh.pres
		if !strings.HasSuffix(lw, h) || len(lw) <= len(h)+2 {
			continue
		}
		pre := strings.TrimSuffix(lw[:len(lw)-len(h)], "-")
		if pres == nil {
			return len(pre) >= 5 && !genericLaws[lw]
		}
		for _, p := range pres {
			if p == "@" {
				if r.lex.namesPlaceOrOrg(pre) {
					return true
				}
				continue
			}
			if pre == p || pre == strings.TrimSuffix(p, "s") {
				return true
			}
		}
	}
	return false
}

// namesPlaceOrOrg reports whether the lexicon has lw (lower case) as the
// unambiguous one-word name of a place or organisation.
func (l *Lexicon) namesPlaceOrOrg(lw string) bool {
	cands, ok := l.lookup(wordHash(lw), lw)
	if !ok {
		return false
	}
	for _, pi := range cands {
		p := &l.pats[pi]
		if t := l.entries[p.entry].Type; len(p.words) == 1 && !p.ambiguous && (t == LOC || t == ORG) {
			return true
		}
	}
	return false
}

// genericStreets are street words that name no street.
var genericStreets = map[string]bool{"landstraße": true, "bundesstraße": true, "seitenstraße": true, "nebenstraße": true,
	"schnellstraße": true, "umgehungsstraße": true, "einbahnstraße": true, "hauptstraße": false, "dorfstraße": false,
	"ringstraße": false, "durchgangsstraße": true, "zufahrtsstraße": true, "wohnstraße": true, "spielstraße": true,
	"fahrradstraße": true, "landesstraße": true, "kreisstraße": true, "gasse": true, "sackgasse": true, "rettungsgasse": true,
	"allee": true, "baumallee": true, "staudamm": true, "deichdamm": true}

// streetName reports a street: a compound of a street word with a first
// part of three letters or more ("Münzstraße", "Domgasse"), or a hyphenated
// square, road or bridge ("Syntagma-Platz", "Maybach-Weg").
func streetName(lw string) bool {
	if genericStreets[lw] || strings.HasSuffix(lw, "straßen") {
		return false
	}
	for _, h := range streetHeads {
		if strings.HasSuffix(lw, h) && len(lw) >= len(h)+3 {
			return true
		}
	}
	for _, h := range [...]string{"-platz", "-weg", "-ring", "-brücke", "-ufer"} {
		if strings.HasSuffix(lw, h) && len(lw) >= len(h)+3 {
			return true
		}
	}
	return false
}

// locStarts reports a place candidate (not derived) that starts at byte s.
func locStarts(sc []cand, s int) bool {
	for _, c := range sc {
		if c.start == s && c.typ == LOC && !c.derived {
			return true
		}
	}
	return false
}

// groupHead reports heads of bodies named after their subject ("China-Ausschuss").
func groupHead(lw string) bool {
	return strings.HasSuffix(lw, "ausschuss") || strings.HasSuffix(lw, "kommission") || strings.HasSuffix(lw, "rat")
}

// placePart reports a place found as a compound part of token t.
func placePart(sc []cand, t german.Token) bool {
	for _, c := range sc {
		if c.part && c.typ == LOC && c.start >= t.Start && c.end <= t.End {
			return true
		}
	}
	return false
}

// tournament reports a championship named by its short form: "EM", "WM",
// "Fußball-EM", "Europameisterschaft", "Weltmeisterschaften".
func tournament(w string) bool {
	if w == "EM" || w == "WM" {
		return true
	}
	if strings.HasSuffix(w, "-EM") || strings.HasSuffix(w, "-WM") {
		return len(w) > 4
	}
	for _, h := range [...]string{"Europameisterschaft", "Weltmeisterschaft"} {
		if strings.HasSuffix(w, h) || strings.HasSuffix(w, h+"en") {
			return true
		}
	}
	return false
}

func isYear(s string) bool {
	return len(s) == 4 && (s[:2] == "19" || s[:2] == "20") && allDigits(s)
}

// freeOf reports whether [s, e) overlaps only compound parts, derived places
// and lexicon places (which a longer institution name replaces).
func freeOf(sc []cand, s, e int) bool {
	for _, c := range sc {
		if s < c.end && c.start < e && !(c.part || c.typ == LOC && c.start >= s && c.end <= e) {
			return false
		}
	}
	return true
}

// dropWithin removes the candidates inside [s, e).
func dropWithin(sc []cand, s, e int) []cand {
	out := sc[:0]
	for _, c := range sc {
		if c.start >= s && c.end <= e {
			continue
		}
		out = append(out, c)
	}
	return out
}

// linkYears gives an event named without its year the id of the one event
// of the text named with a year: "Bundestagswahl" after "Bundestagswahl
// 2025", "EM" after "EM 2024". Linear in the candidates.
func linkYears(cands []cand) {
	var years map[string]int // base id -> index of the candidate with a year, -1 if several
	for i := range cands {
		c := &cands[i]
		if c.typ != MISC || c.source != SourceRule || len(c.key) < 6 || c.key[len(c.key)-5] != '-' || !isYear(c.key[len(c.key)-4:]) {
			continue
		}
		if years == nil {
			years = map[string]int{}
		}
		base := c.key[:len(c.key)-5]
		if k, ok := years[base]; ok && k >= 0 && cands[k].key != c.key {
			years[base] = -1
		} else if !ok {
			years[base] = i
		}
	}
	if years == nil {
		return
	}
	for i := range cands {
		c := &cands[i]
		if c.typ != MISC || c.source != SourceRule {
			continue
		}
		if k, ok := years[c.key]; ok && k >= 0 {
			c.key, c.name = cands[k].key, cands[k].name
		}
	}
}
