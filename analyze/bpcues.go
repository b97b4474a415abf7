package analyze

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The boilerplate vocabulary: generic German web-page words and phrases,
// written for this project, and the tables the detector looks them up in.

// cue flags
const (
	cuePrompt = 1 << iota // a prompt verb
	cueSecond             // second-person pronoun
	cueWe                 // first-person plural pronoun
)

type cueWord struct {
	kind  Kind
	flags uint8
	has   bool // kind is meaningful
}

// boilerplate cue vocabulary: generic German web-page words, written for
// this project. Keys are lower case; a trailing '*' means "prefix".
var bpCueList = map[Kind][]string{
	KindNavigation: {"startseite", "homepage", "home", "menü", "menu", "navigation", "ressorts", "rubriken", "sitemap", "kontakt", "mediadaten", "übersicht", "zurück", "login", "einloggen", "e-paper", "epaper", "abo", "podcasts"},
	KindNewsletter: {"newsletter*", "abonn*", "e-mail*", "email*", "mail", "feed", "feeds", "rss*", "benachrichtig*", "posteingang", "push-mitteilung*", "eilmeldung*", "verpassen"},
	KindSocial:     {"facebook*", "twitter*", "instagram*", "linkedin*", "whatsapp*", "xing", "telegram*", "mastodon*", "youtube*", "tiktok*", "pinterest*", "bluesky*", "patreon*", "teilen", "social-media", "folgt", "threads"},
	KindJobs:       {"stellenangebot*", "stellenanzeige*", "stellenmarkt*", "jobs", "job", "jobbörse*", "karriere*", "bewerben", "bewerbung*", "stepstone*", "vollzeit", "teilzeit", "befristet", "unbefristet"},
	KindComments:   {"kommentar*", "kommentier*", "diskussion*", "diskutier*", "moderiert", "netiquette", "foren", "leserbrief*", "leserkommentar*", "forum*", "community*", "postings", "posting"},
	KindSearch:     {"suche", "suchen", "suchmaschine*", "suchbegriff*", "themenrecherche*", "recherchieren", "google-suche*"},
	KindCopyright:  {"copyright*", "vorbehalten", "nutzungsbedingungen", "agb", "impressum", "urheberrecht*", "vervielfältigung*", "lizenziert", "cc-by*", "creative"},
	KindTeaser:     {"weiterlesen", "meistgelesen*", "empfehlung*", "top-artikel", "lesetipp*", "leseempfehlung*", "verwandte", "beliebteste*", "artikel"},
	KindCookie:     {"cookie*", "datenschutz*", "einwilligung*", "tracking*", "akzeptieren", "ablehnen", "consent*", "privatsphäre*", "zustimmen"},
	KindAuthor:     {"autor", "autorin", "autoren", "redakteur*", "redaktion", "korrespondent*", "volontär*", "ressortleiter*"},
	KindCaption:    {"foto", "fotos", "bildquelle*", "symbolbild*", "bildunterschrift*", "grafik", "illustration", "screenshot*", "bildergalerie*", "galerie", "bilder"},
	KindAd:         {"anzeige", "werbung", "sponsored", "gesponsert*", "partnerinhalt*", "affiliate*", "provision", "werbelink*"},
}

var promptVerbs = []string{"abonnieren", "abonniere", "teilen", "teile", "folgen", "folge", "folgt", "melden", "melde", "anmelden", "registrieren", "registriere", "klicken", "klicke", "herunterladen", "unterstützen", "unterstütze", "bewerben", "bewirb", "entdecken", "entdecke", "lesen", "lies", "verpassen", "erhalten", "erhalte", "finden", "finde", "suchen", "nutze", "nutzen", "kommentieren", "hören", "höre", "ansehen", "sichern", "sichere", "testen", "teste", "jetzt", "hier", "mehr", "weiterlesen", "kostenlos", "gratis", "informiert", "empfehlen", "bestellen", "herunter", "downloaden", "lade", "laden", "abonniert", "schreiben", "schreib", "kontaktieren", "guck", "schau", "schaut", "hört", "klick", "klickt"}

var secondPerson = []string{"du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner", "deines", "euch", "euer", "eure", "euren", "eurem", "eurer", "habt", "könnt", "wollt", "möchtet", "sie", "ihnen", "ihre", "ihren", "ihrem", "ihrer"}

var firstPlural = []string{"wir", "uns", "unser", "unsere", "unseren", "unserem", "unserer", "unseres"}

// leading marker phrases (lower case, matched at line start).
var leadPhrases = []struct {
	p string
	k Kind
}{
	{"mehr zum thema", KindTeaser}, {"mehr zu ", KindTeaser}, {"lesen sie auch", KindTeaser}, {"lesen sie mehr", KindTeaser},
	{"auch interessant", KindTeaser}, {"ebenfalls interessant", KindTeaser}, {"weitere artikel", KindTeaser}, {"weitere nachrichten", KindTeaser},
	{"das könnte sie", KindTeaser}, {"das könnte dich", KindTeaser}, {"verwandte", KindTeaser}, {"zum thema", KindTeaser}, {"passend dazu", KindTeaser},
	{"meistgelesen", KindTeaser}, {"zum weiter", KindTeaser}, {"im podcast", KindTeaser}, {"podcast:", KindTeaser}, {"video:", KindTeaser}, {"mehr aus ", KindTeaser}, {"mehr von ", KindTeaser}, {"mehr tests", KindTeaser}, {"mehr news", KindTeaser},
	{"mehr nachrichten", KindTeaser}, {"mehr artikel", KindTeaser}, {"mehr themen", KindTeaser}, {"ähnliche", KindTeaser}, {"weitere ", KindTeaser},
	{"empfohlen", KindTeaser}, {"neueste", KindTeaser}, {"zu diesem artikel", KindComments}, {"hat ihnen", KindComments},
	{"wie hat ihnen", KindComments}, {"wie gefällt ihnen", KindComments}, {"wie gefällt dir", KindComments}, {"screenshot", KindCaption},
	{"bildergalerie", KindCaption}, {"galerie", KindCaption}, {"hinweis:", KindAd}, {"stellenmarkt", KindJobs}, {"karriere", KindJobs}, {"top-themen", KindTeaser}, {"weiterlesen", KindTeaser}, {"mehr lesen", KindTeaser}, {"lesetipp", KindTeaser},
	{"foto:", KindCaption}, {"fotos:", KindCaption}, {"bild:", KindCaption}, {"grafik:", KindCaption}, {"quelle:", KindCaption}, {"abbildung", KindCaption},
	{"symbolbild", KindCaption}, {"bildquelle", KindCaption}, {"titelbild", KindCaption}, {"video:", KindCaption},
	{"anzeige", KindAd}, {"werbung", KindAd}, {"sponsored", KindAd}, {"gesponsert", KindAd},
	{"©", KindCopyright}, {"(c) ", KindCopyright}, {"copyright", KindCopyright}, {"alle rechte", KindCopyright},
	{"von ", KindAuthor}, {"autor:", KindAuthor}, {"autorin:", KindAuthor}, {"text:", KindAuthor}, {"über den autor", KindAuthor}, {"über die autorin", KindAuthor},
	{"stellenangebote", KindJobs}, {"jobs", KindJobs}, {"kommentare", KindComments}, {"diskutieren sie", KindComments},
	{"teilen", KindSocial}, {"folgen sie", KindSocial}, {"folge uns", KindSocial}, {"folgt uns", KindSocial},
	{"newsletter", KindNewsletter}, {"startseite", KindNavigation}, {"home ", KindNavigation}, {"sie sind hier", KindNavigation},
	{"von:", KindAuthor}, {"stand:", KindOther}, {"veröffentlicht am", KindOther}, {"veröffentlicht:", KindOther}, {"veröffentlichung:", KindOther},
	{"aktualisiert am", KindOther}, {"zuletzt aktualisiert", KindOther}, {"letzte änderung", KindOther}, {"erstellt am", KindOther},
	{"telefon:", KindOther}, {"tel.:", KindOther}, {"fax:", KindOther}, {"e-mail:", KindOther}, {"kontakt:", KindOther}, {"pressekontakt", KindOther},
	{"quellen:", KindOther}, {"quellenangaben", KindOther}, {"bildnachweis", KindCaption}, {"fotonachweis", KindCaption}, {"beitragsbild", KindCaption},
	{"inhaltsverzeichnis", KindNavigation}, {"hier geht's zu", KindTeaser}, {"hier geht es zu", KindTeaser}, {"hier geht’s zu", KindTeaser},
	{"mit informationen von", KindAuthor}, {"mit material von", KindAuthor}, {"mit material der", KindAuthor}, {"verwendete quellen", KindCopyright},
	{"alle angaben ohne gewähr", KindCopyright}, {"empfohlener externer inhalt", KindCookie}, {"externer inhalt", KindCookie},
	{"suche", KindSearch}, {"cookie", KindCookie}, {"wir verwenden cookies", KindCookie}, {"diese website", KindCookie}, {"diese webseite", KindCookie},
}

type cueTable struct {
	exact *wordTable[cueWord]
	// head filters the exact lookups: bit headKey(w) is set for every
	// exact cue word w, and most words of a text have their bit clear
	head gramSet
	// prefix cues by their first 4 bytes (a uint32, little-endian)
	pkeys [256]uint32 // open addressing over the prefix heads, 0 = empty
	pcues [256][]prefixCue
}

type prefixCue struct {
	p string
	k Kind
}

// headKey combines a word's length and first (up to) 4 bytes.
func headKey(w []byte) uint32 {
	if len(w) >= 4 {
		return (uint32(w[0]) | uint32(w[1])<<8 | uint32(w[2])<<16 | uint32(w[3])<<24) ^ uint32(len(w))<<24
	}
	var k uint32
	for i := 0; i < len(w); i++ {
		k |= uint32(w[i]) << (8 * i)
	}
	return k ^ uint32(len(w))<<24
}

func prefixSlot(k uint32) uint32 { return (k * 0x9e3779b1) >> 24 }

var bpCues = func() *cueTable {
	exact, prefix := map[string]cueWord{}, map[string][]prefixCue{}
	for k := Kind(0); k < numKinds; k++ {
		for _, w := range bpCueList[k] {
			if p, ok := strings.CutSuffix(w, "*"); ok && len(p) >= 4 {
				prefix[p[:4]] = append(prefix[p[:4]], prefixCue{p, k})
				continue
			}
			w = strings.TrimSuffix(w, "*")
			c := exact[w]
			c.kind, c.has = k, true
			exact[w] = c
		}
	}
	for _, w := range promptVerbs {
		c := exact[w]
		c.flags |= cuePrompt
		exact[w] = c
	}
	for _, w := range secondPerson {
		c := exact[w]
		c.flags |= cueSecond
		exact[w] = c
	}
	for _, w := range firstPlural {
		c := exact[w]
		c.flags |= cueWe
		exact[w] = c
	}
	t := &cueTable{exact: wordTableOf(exact)}
	for w := range exact {
		t.head.addKey(headKey([]byte(w)))
	}
	for _, h := range sortedKeys(prefix) {
		k := load32(h, 0)
		j := prefixSlot(k)
		for t.pkeys[j] != 0 {
			j = (j + 1) & 255
		}
		t.pkeys[j], t.pcues[j] = k, prefix[h]
	}
	return t
}()

func (t *cueTable) lookup(lw []byte) (cueWord, bool) {
	var c cueWord
	var ok bool
	if t.head.hasKey(headKey(lw)) {
		c, ok = t.exact.get(lw)
	}
	if len(lw) >= 4 {
		k := load32(lw, 0)
		for j := prefixSlot(k); t.pkeys[j] != 0; j = (j + 1) & 255 {
			if t.pkeys[j] != k {
				continue
			}
			for _, pc := range t.pcues[j] {
				if len(lw) >= len(pc.p) && string(lw[:len(pc.p)]) == pc.p {
					c.kind, c.has = pc.k, true
					return c, true
				}
			}
			break
		}
	}
	return c, ok
}

// leadByByte indexes leadPhrases by their first byte, in list order.
var leadByByte = func() (idx [256][]uint8) {
	for i, p := range leadPhrases {
		idx[p.p[0]] = append(idx[p.p[0]], uint8(i))
	}
	return idx
}()

// appendLowerPrefix appends the first n bytes of s lower-cased to dst, as
// german.Lower does (bytes of invalid UTF-8 become U+FFFD), for matching
// lead phrases.
func appendLowerPrefix(dst []byte, s string, n int) []byte {
	if len(s) > n {
		s = s[:n]
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, sz := utf8.DecodeRuneInString(s[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += sz
	}
	return dst
}

// hasQuote reports whether s holds one of " „ “ ” » « (as
// strings.ContainsAny would): their encodings start with bytes that are
// never continuation bytes, so a byte search finds exactly the runes.
func hasQuote(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			return true
		case 0xC2: // » «
			if i+1 < len(s) && (s[i+1] == 0xBB || s[i+1] == 0xAB) {
				return true
			}
		case 0xE2: // „ “ ”
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x9E || s[i+2] == 0x9C || s[i+2] == 0x9D) {
				return true
			}
		}
	}
	return false
}

// fieldsAtMost reports whether s has at most n fields as strings.Fields
// counts them, without building them.
func fieldsAtMost(s string, n int) bool {
	k, in := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		sp := false
		if c < utf8.RuneSelf {
			sp = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
			i++
		} else {
			r, sz := utf8.DecodeRuneInString(s[i:])
			sp = unicode.IsSpace(r)
			i += sz
		}
		if sp {
			in = false
		} else if !in {
			in = true
			if k++; k > n {
				return false
			}
		}
	}
	return true
}

// creditMarks are the marks of a photo credit at the end of a caption line.
var creditMarks = []string{" Foto: ", " Fotos: ", " Bild: ", " Grafik: ", " Quelle: ", " Screenshot: ", " Illustration: ", " (Foto: ", " (Bild: ", " Foto/", " Bildquelle: "}

// isCreditWord reports whether w is the word of one of creditMarks.
func isCreditWord(w string) bool {
	switch w {
	case "Foto", "Fotos", "Bild", "Grafik", "Quelle", "Screenshot", "Illustration", "Bildquelle":
		return true
	}
	return false
}

// hasCredit reports whether s ends with a photo credit: one of creditMarks,
// not at its very start, followed by at most five fields. Every mark holds
// ':' or '/' right after its word, so only the words before those bytes
// are compared, and only in the tail of s that holds the last eight runs
// of ASCII spaces (a mark further left has more than five fields after it).
func hasCredit(s string) bool { return creditAt(s) >= 0 }

// creditAt is hasCredit returning where the credit's mark begins (its
// leading space or parenthesis), or -1.
func creditAt(s string) int {
	from, runs := len(s), 0
	for from > 1 && runs < 8 {
		from--
		if s[from] == ' ' && s[from-1] != ' ' {
			runs++
		}
	}
	for p := max(1, from); p < len(s); p++ {
		c := s[p]
		if c != ':' && c != '/' {
			continue
		}
		ws := p
		for ws > 0 && (s[ws-1] >= 'a' && s[ws-1] <= 'z' || s[ws-1] >= 'A' && s[ws-1] <= 'Z') {
			ws--
		}
		end := p + 1 // "Foto/"
		if c == ':' {
			end++ // "Foto: "
		}
		if ws == p || end > len(s) {
			continue
		}
		for _, m := range [2]int{ws - 1, ws - 2} { // " Foto: ", " (Foto: "
			if m > 0 && slices.Contains(creditMarks, s[m:end]) && fieldsAtMost(s[end:], 5) {
				return m
			}
		}
	}
	return -1
}

// hasCreditRef is the plain form of hasCredit that tests compare it with.
func hasCreditRef(s string) bool {
	for i := 1; i < len(s); i++ {
		for _, m := range creditMarks {
			if strings.HasPrefix(s[i:], m) && fieldsAtMost(s[i+len(m):], 5) {
				return true
			}
		}
	}
	return false
}

// hasStamp reports whether s holds a date (23.10.2018, 3.1.26,
// 2021-10-16) or a clock time (19:49, 16:40 Uhr).
func hasStamp(s string) bool {
	digits := func(i int) int { // length of the run of digits at i
		n := 0
		for i+n < len(s) && s[i+n] >= '0' && s[i+n] <= '9' {
			n++
		}
		return n
	}
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
			continue // not the start of a number
		}
		a := digits(i)
		if a == 0 {
			continue
		}
		j := i + a
		if j+1 >= len(s) {
			return false
		}
		b := digits(j + 1)
		switch {
		case s[j] == '.' && a <= 2 && (b == 1 || b == 2) && j+1+b < len(s) && s[j+1+b] == '.':
			if c := digits(j + 2 + b); c == 2 || c == 4 {
				return true // 23.10.2018
			}
		case s[j] == '-' && a == 4 && b == 2 && j+3 < len(s) && s[j+3] == '-' && digits(j+4) == 2:
			return true // 2021-10-16
		case s[j] == ':' && a <= 2 && b == 2:
			return true // 19:49
		}
		i = j
	}
	return false
}

// trailerAt returns where furniture that ends a sentence unit begins, and
// its kind: a photo credit ("… in Berlin. Foto: dpa" read as one unit,
// "… © IMAGO/Muster") or a time stamp ("Landwirt entdeckt Kinderleiche
// Stand: 25.06.2024 09:28 Uhr"). It returns -1 when there is none, and
// never 0: the whole unit is another matter.
func trailerAt(s string) (int, Kind) {
	u := unit{end: len(s), creditPos: -1, marks: mColon | mSlash | mCopy | mCloseEnd | mPipe, labels: lStand | lSources}
	u.creditPos = creditAt(s)
	return trailerAtUnit(&u, s)
}

// trailerAtUnit is trailerAt for unit u of text, searching only for the
// trailers whose punctuation the unit holds.
func trailerAtUnit(u *unit, text string) (int, Kind) {
	s := text[u.start:u.end]
	if u.labels&lStand != 0 {
		if i := strings.LastIndex(s, " Stand: "); i > 0 && fieldsAtMost(s[i:], 5) && hasStamp(s[i:]) {
			return i + 1, KindAuthor
		}
	}
	// a source and time stamp after a pipe: "….| NDR Schleswig-Holstein
	// 14.02.2025 09:30 Uhr"
	if u.marks&mPipe != 0 {
		if i := strings.LastIndex(s, "| "); i > 0 && fieldsAtMost(s[i:], 7) && hasStamp(s[i:]) {
			return i, KindAuthor
		}
	}
	if i := u.creditOf(text); i > 0 {
		return i + 1, KindCaption
	}
	if u.marks&mCopy != 0 {
		if i := strings.LastIndex(s, " ©"); i > 0 && fieldsAtMost(s[i:], 6) {
			return i + 1, KindCaption
		}
	}
	if u.marks&mCloseEnd != 0 {
		if i := signatureAt(s); i > 0 {
			return i, KindAuthor
		}
	}
	if u.labels&lSources != 0 {
		if i := sourcesAt(s); i > 0 {
			return i, KindCopyright
		}
	}
	return -1, KindOther
}

// sourcesAt returns where a list of sources that ends a unit after its
// last sentence begins ("… getrennt. (sk) Verwendete Quellen: rtl.de,
// bild.de"), with the editor's initials before it, or -1.
func sourcesAt(s string) int {
	i := strings.LastIndex(s, "Quellen: ")
	if i < 2 || !fieldsAtMost(s[i:], 16) {
		return -1
	}
	j := i
	if strings.HasSuffix(s[:j], "Verwendete ") {
		j -= len("Verwendete ")
	}
	head := strings.TrimRight(s[:j], " ")
	if k := strings.LastIndex(head, " ("); k > 0 && strings.HasSuffix(head, ")") && skipInitials(head[k+2:]+" ") == "" {
		j, head = k+1, head[:k]
	}
	if j == 0 || !strings.HasSuffix(head, ".") && !strings.HasSuffix(head, "!") && !strings.HasSuffix(head, "?") {
		return -1
	}
	return j
}

// signatureAt returns where an editor's signature in parentheses that
// ends a unit after its last sentence begins ("… beschlossen. (smr)",
// "(dpa/rs)", "(ms mit Material der dpa)"), or -1: the initials are two
// to four lower-case letters, with an agency after a slash or "mit
// Material", and no digits (a date makes "(red, 3.2.2016)" a source
// line of the article).
func signatureAt(s string) int {
	if !strings.HasSuffix(s, ")") {
		return -1
	}
	i := strings.LastIndex(s, " (")
	if i < 1 || !fieldsAtMost(s[i:], 6) {
		return -1
	}
	switch s[i-1] {
	case '.', '!', '?', '"':
	default:
		if !strings.HasSuffix(s[:i], "“") && !strings.HasSuffix(s[:i], "”") {
			return -1
		}
	}
	in := s[i+2 : len(s)-1]
	if agencies, ok := strings.CutPrefix(in, "Mit "); ok && agencyList(agencies) {
		return i + 1 // "(Mit dpa/Reuters/AFP)"
	}
	n := 0
	for n < len(in) && in[n] >= 'a' && in[n] <= 'z' {
		n++
	}
	if n < 2 || n > 4 {
		return -1
	}
	rest := in[n:]
	switch {
	case rest == "":
	case rest[0] == '/':
		for j := 1; j < len(rest); j++ {
			if c := rest[j]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/') {
				return -1
			}
		}
	case strings.HasPrefix(rest, " mit Material") || strings.HasPrefix(rest, " mit Informationen"):
		if strings.ContainsAny(rest, "0123456789") {
			return -1
		}
	default:
		return -1
	}
	return i + 1
}

// agencyList reports whether s names news agencies only: "dpa",
// "dpa/Reuters/AFP", "dpa und AFP".
func agencyList(s string) bool {
	if s == "" {
		return false
	}
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == ',' || r == ' ' }) {
		switch p := strings.ToLower(part); p {
		case "und", "material", "der", "von":
		default:
			if !isAgency(p) {
				return false
			}
		}
	}
	return true
}

// isAgency reports whether a lower-case word names a news agency.
func isAgency(w string) bool {
	switch w {
	case "dpa", "afp", "ap", "reuters", "sid", "kna", "epd", "apa", "dts", "ddp", "rtr", "tmn", "dpa-afx":
		return true
	}
	return false
}

// stampSpan returns the first "Stand: 14.02.2025 10:20 Uhr" inside s (a
// time stamp that a scraped header line runs into the headline and teaser
// around it) as [start, end), or -1, -1.
func stampSpan(s string) (int, int) {
	for off := 0; off < len(s); {
		i := strings.Index(s[off:], "Stand: ")
		if i < 0 {
			return -1, -1
		}
		i += off
		if i == 0 || s[i-1] == ' ' {
			rest := s[i:min(len(s), i+40)]
			if j := strings.Index(rest, " Uhr"); j > 0 && hasStamp(rest[:j]) {
				return i, i + j + len(" Uhr")
			}
		}
		off = i + len("Stand: ")
	}
	return -1, -1
}

// leaderEnd returns where a byline or time stamp that opens a sentence
// unit ends ("von SPORT1 19.06.2024 • 19:38 Uhr Manuel Neuer rettet …",
// "Stand: 12.03.2025 14:05 Uhr Die Regierung …"), or -1.
func leaderEnd(s string) int {
	head := s[:min(len(s), 24)]
	if !strings.HasPrefix(head, "von ") && !strings.HasPrefix(head, "Von ") && !strings.HasPrefix(head, "Stand: ") &&
		!strings.HasPrefix(head, "Aktualisiert") && !strings.HasPrefix(head, "Veröffentlicht") {
		return -1
	}
	i := strings.Index(s[:min(len(s), 100)], " Uhr ")
	if i < 0 || !hasStamp(s[:i]) || !fieldsAtMost(s[:i], 8) {
		return -1
	}
	return i + len(" Uhr")
}

// dateLabel reports whether s labels its date as something other than the
// page's own time ("Mindesthaltbarkeitsdatum: 31.01.2026",
// "Einsendeschluss: 03.11.2019"): a word and ": " before the date, other
// than the labels of publication times.
func dateLabel(s string) bool {
	i := strings.Index(s, ": ")
	if i <= 0 {
		return false
	}
	w := s[:i]
	if j := strings.LastIndexByte(w, ' '); j >= 0 {
		w = w[j+1:]
	}
	switch strings.ToLower(w) {
	case "stand", "aktualisiert", "veröffentlicht", "veröffentlichung", "datum", "erstellt", "update", "zuletzt":
		return false
	}
	return true
}

// hasPicturePosition reports whether s names where people stand in a
// picture, as captions do: "(links)", "(rechts)", "(Mitte)", "(l.)",
// "(r.)", "v.l.n.r.".
func hasPicturePosition(s string) bool {
	for i := strings.IndexByte(s, '('); i >= 0; {
		t := s[i:]
		for _, m := range [...]string{"(links)", "(rechts)", "(Mitte)", "(l.)", "(r.)", "(li.)", "(re.)"} {
			if strings.HasPrefix(t, m) {
				return true
			}
		}
		j := strings.IndexByte(s[i+1:], '(')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return strings.Contains(s, "v.l.n.r.") || strings.Contains(s, "v. l. n. r.")
}

// hasPicturePositionRef is the plain form of hasPicturePosition that tests
// compare it with.
func hasPicturePositionRef(s string) bool {
	for _, m := range [...]string{"(links)", "(rechts)", "(Mitte)", "(l.)", "(r.)", "(li.)", "(re.)", "v.l.n.r.", "v. l. n. r."} {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}
