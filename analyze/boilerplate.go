package analyze

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/techschau/techschau/german"
)

// Body versus boilerplate on plain text.
//
// The text is cut into lines. Each line gets features from its tokens
// (final punctuation, list marker, number of words and of lower-case words,
// second-person address, imperative prompts, cue words of the boilerplate
// kinds, job-ad gender marks, copyright sign) and a weight: positive for a
// prose line, negative for a line that looks like site furniture. The body is
// the run of lines with the largest total weight (the longest coherent run of
// prose); everything outside it is boilerplate, and inside it lines with a
// strong boilerplate signal (prompts, captions, teaser headings and the
// teaser lists below them) are boilerplate too.

type line struct {
	start, end int // trimmed, [start,end)
	words      int // word tokens
	lower      int // word tokens starting with a lower-case letter
	final      bool
	list       bool
	excl       bool // ends with '!'
	second     bool // addresses the reader (du, Sie, ihr ...)
	imper      bool // starts with an imperative prompt ("Lesen Sie", "Nutze")
	prompt     int  // prompt verbs (abonnieren, teilen ...)
	gender     bool // (m/w/d)
	pipes      int  // separators | · »
	handles    int  // @user and #hashtag tokens
	label      bool // the lead phrase is a label ("Zum Weiterhören: ...")
	informal   bool // du, dich, euch ... (not only the polite Sie)
	quoted     bool // holds quotation marks (reported speech)
	cues       [numKinds]uint8
	lead       Kind // kind of a leading marker phrase ("Mehr zum Thema", "Foto:"), KindOther if none
	hasLead    bool
	strong     bool
	prose      bool
	weight     float64
	bp         bool
	headline   bool
	kind       Kind
}

type boilerplateResult struct {
	sent   []bool // per sentence of the Segmented
	blocks []Boilerplate
}

// cue flags
const (
	cuePrompt = 1 << iota // a prompt verb
	cueSecond             // second-person pronoun
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
	KindCopyright:  {"copyright*", "vorbehalten", "nutzungsbedingungen", "agb", "impressum", "urheberrecht*", "vervielfältigung*", "lizenziert"},
	KindTeaser:     {"weiterlesen", "meistgelesen*", "empfehlung*", "top-artikel", "lesetipp*", "leseempfehlung*", "verwandte", "beliebteste*", "artikel"},
	KindCookie:     {"cookie*", "datenschutz*", "einwilligung*", "tracking*", "akzeptieren", "ablehnen", "consent*", "privatsphäre*", "zustimmen"},
	KindAuthor:     {"autor", "autorin", "autoren", "redakteur*", "redaktion", "korrespondent*", "volontär*", "ressortleiter*"},
	KindCaption:    {"foto", "fotos", "bildquelle*", "symbolbild*", "bildunterschrift*", "grafik", "illustration", "screenshot*", "bildergalerie*", "galerie", "bilder"},
	KindAd:         {"anzeige", "werbung", "sponsored", "gesponsert*", "partnerinhalt*", "affiliate*", "provision", "werbelink*"},
}

var promptVerbs = []string{"abonnieren", "abonniere", "teilen", "teile", "folgen", "folge", "folgt", "melden", "melde", "anmelden", "registrieren", "registriere", "klicken", "klicke", "herunterladen", "unterstützen", "unterstütze", "bewerben", "bewirb", "entdecken", "entdecke", "lesen", "lies", "verpassen", "erhalten", "erhalte", "finden", "finde", "suchen", "nutze", "nutzen", "kommentieren", "hören", "höre", "ansehen", "sichern", "sichere", "testen", "teste", "jetzt", "hier", "mehr", "weiterlesen", "kostenlos", "gratis", "informiert", "empfehlen", "bestellen", "herunter", "downloaden", "lade", "abonniert", "schreiben", "schreib", "kontaktieren"}

var secondPerson = []string{"du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner", "deines", "euch", "euer", "eure", "euren", "eurem", "eurer", "habt", "könnt", "wollt", "möchtet", "sie", "ihnen", "ihre", "ihren", "ihrem", "ihrer"}

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

// splitLines appends the non-blank lines of text, trimmed, to ls.
func splitLines(ls []line, text string) []line {
	// room for every line at once: growing the slice line by line copied
	// it over and over on a text of a million short lines
	ls = slices.Grow(ls, strings.Count(text, "\n")+1)
	for pos := 0; pos <= len(text); {
		e := strings.IndexByte(text[pos:], '\n')
		if e < 0 {
			e = len(text)
		} else {
			e += pos
		}
		s, t := pos, e
		for s < t && isSpaceByte(text[s]) {
			s++
		}
		for t > s && isSpaceByte(text[t-1]) {
			t--
		}
		if s < t {
			ls = append(ls, line{start: s, end: t})
		}
		pos = e + 1
	}
	return ls
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'
}

// bpScratch is the reusable working memory of the boilerplate stage.
type bpScratch struct {
	lines []line
	lp    []byte
}

// classifyLines cuts the text into lines and decides which are boilerplate.
// low is seg.Text lower-cased; the lines live in sc.
func classifyLines(seg *german.Segmented, low *lowerText, sc *bpScratch, stop func() bool) []line {
	text := seg.Text
	ls := splitLines(sc.lines[:0], text)
	sc.lines = ls
	if len(ls) == 0 {
		return nil
	}
	// token features per line
	li := 0
	var prevWordLine = -1
	for si := range seg.Sentences {
		if si&255 == 0 && stop != nil && stop() {
			return nil
		}
		for ti, tok := range seg.Sentences[si].Tokens {
			for li < len(ls) && tok.Start >= ls[li].end {
				li++
			}
			if li >= len(ls) {
				break
			}
			l := &ls[li]
			if tok.Kind != german.Word {
				if tok.Kind == german.Handle {
					l.handles++
				}
				if tok.Kind == german.Symbol || tok.Kind == german.Punct {
					switch tok.Text {
					case "|", "·", "»", "›", ">", "•":
						l.pipes++
					case "©":
						l.cues[KindCopyright] += 2
					}
				}
				continue
			}
			l.words++
			r, _ := utf8.DecodeRuneInString(tok.Text)
			isLowerStart := r >= 'a' && r <= 'z' || r == 'ä' || r == 'ö' || r == 'ü' || r == 'ß'
			if isLowerStart {
				l.lower++
			}
			lw := low.word(tok.Start, tok.End)
			c, ok := bpCues.lookup(lw)
			if !ok && bytes.IndexByte(lw, '-') > 0 {
				rest := lw
				for len(rest) > 0 {
					p := rest
					if i := bytes.IndexByte(rest, '-'); i >= 0 {
						p, rest = rest[:i], rest[i+1:]
					} else {
						rest = nil
					}
					if len(p) < 3 {
						continue
					}
					if c2, ok2 := bpCues.lookup(p); ok2 && c2.has {
						c, ok = c2, true
					}
				}
			}
			if !ok {
				prevWordLine = li
				continue
			}
			if c.has {
				l.cues[c.kind]++
			}
			if c.flags&cuePrompt != 0 {
				l.prompt++
			}
			if c.flags&cueSecond != 0 {
				// "Sie" is formal address only when capitalised mid-sentence;
				// "ihr/ihre..." only as "ihr" + verb is ambiguous: count
				// possessive forms only when capitalised mid-line.
				switch string(lw) {
				case "sie", "ihnen", "ihre", "ihren", "ihrem", "ihrer":
					if !isLowerStart && ti > 0 && prevWordLine == li {
						l.second = true
					}
				default:
					l.second, l.informal = true, true
				}
			}
			prevWordLine = li
		}
	}
	for i := range ls {
		if i&1023 == 0 && stop != nil && stop() {
			return nil
		}
		classifyLine(text, &ls[i], sc)
	}
	if stop != nil && stop() {
		return nil
	}
	propagate(text, ls)
	for i := range ls {
		setWeight(&ls[i])
	}
	selectBody(ls)
	assignKinds(ls)
	return ls
}

func findBoilerplate(seg *german.Segmented, stop func() bool) boilerplateResult {
	sc := getScratch()
	defer putScratch(sc)
	sc.low.reset(seg.Text)
	return findBoilerplateLower(seg, &sc.low, &sc.bp, stop)
}

// findBoilerplateLower is findBoilerplate with the lower-cased text and
// the scratch memory supplied by the caller.
func findBoilerplateLower(seg *german.Segmented, low *lowerText, sc *bpScratch, stop func() bool) boilerplateResult {
	res := boilerplateResult{sent: make([]bool, len(seg.Sentences)), blocks: []Boilerplate{}}
	ls := classifyLines(seg, low, sc, stop)
	if len(ls) == 0 {
		return res
	}
	// sentences: flag by the line holding the sentence start
	li := 0
	for si, s := range seg.Sentences {
		for li < len(ls) && s.Start >= ls[li].end {
			li++
		}
		if li < len(ls) && s.Start >= ls[li].start {
			res.sent[si] = ls[li].bp
		} else if li < len(ls) {
			res.sent[si] = ls[li].bp
		}
	}
	// blocks: merge consecutive boilerplate lines of one kind
	for i := 0; i < len(ls); i++ {
		if !ls[i].bp {
			continue
		}
		j := i
		for j+1 < len(ls) && ls[j+1].bp && ls[j+1].kind == ls[i].kind {
			j++
		}
		res.blocks = append(res.blocks, Boilerplate{Start: ls[i].start, End: ls[j].end, Kind: ls[i].kind})
		i = j
	}
	return res
}

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

func classifyLine(text string, l *line, sc *bpScratch) {
	s := text[l.start:l.end]
	// list marker
	if len(s) >= 2 {
		switch {
		case (s[0] == '-' || s[0] == '*' || s[0] == '>') && s[1] == ' ':
			l.list = true
		case strings.HasPrefix(s, "• "), strings.HasPrefix(s, "– "), strings.HasPrefix(s, "· "), strings.HasPrefix(s, "» "), strings.HasPrefix(s, "▸ "), strings.HasPrefix(s, "→ "):
			l.list = true
		}
	}
	// final punctuation (skipping closing quotes and brackets)
	e := len(s)
	for e > 0 {
		r, sz := utf8.DecodeLastRuneInString(s[:e])
		if r == '"' || r == '“' || r == '”' || r == '«' || r == '»' || r == '\'' || r == ')' || r == '’' || r == '‘' {
			e -= sz
			continue
		}
		switch r {
		case '.', '?', '!', '…', ':', ';':
			l.final = r != ':' || l.words > 12
			l.excl = r == '!'
		}
		break
	}
	l.quoted = hasQuote(s)
	// gender marks of job ads: (m/w/d), (w/m/d), m/w/x ...
	slash := strings.IndexByte(s, '/') >= 0
	for i := 0; slash && i+4 < len(s); i++ {
		if s[i+1] == '/' && s[i+3] == '/' && isGenderLetter(s[i]) && isGenderLetter(s[i+2]) && isGenderLetter(s[i+4]) {
			l.gender = true
			break
		}
	}
	// lead phrase
	body := s
	if l.list {
		_, body, _ = strings.Cut(s, " ")
	}
	sc.lp = appendLowerPrefix(sc.lp[:0], body, 40)
	lp := sc.lp
	var lead []uint8
	if len(lp) > 0 {
		lead = leadByByte[lp[0]]
	}
	for _, pi := range lead {
		p := leadPhrases[pi]
		if len(lp) >= len(p.p) && string(lp[:len(p.p)]) == p.p {
			if p.k == KindAuthor && p.p == "von " && (l.words > 6 || l.final) {
				continue
			}
			if l.words > 25 && p.k != KindCaption && p.k != KindCopyright && !strings.HasPrefix(p.p, "über d") {
				continue
			}
			label := bytes.IndexByte(lp, ':') > 0 && bytes.IndexByte(lp, ':') < 30
			if p.k == KindTeaser && l.final && !l.list && !label && !strings.HasPrefix(p.p, "lesen sie") {
				continue // "Weitere Details nannte ..." is a sentence, not a heading
			}
			l.lead, l.hasLead, l.label = p.k, true, label
			break
		}
	}
	// a photo credit at the end of a line: "... Bild: Deutsche Telekom"
	// (every mark holds ':' or '/')
	if !l.hasLead && l.words <= 30 && (slash || strings.IndexByte(s, ':') >= 0) {
		for _, m := range creditMarks {
			if i := strings.Index(s, m); i > 0 && fieldsAtMost(s[i+len(m):], 5) {
				l.lead, l.hasLead = KindCaption, true
				break
			}
		}
	}
	// imperative at line start: first word a prompt verb, capitalised
	if r, _ := utf8.DecodeRuneInString(body); r >= 'A' && r <= 'Z' || r == 'Ä' || r == 'Ö' || r == 'Ü' {
		w := body
		if i := strings.IndexAny(w, " :!,"); i > 0 {
			w = w[:i]
		}
		sc.lp = appendLowerPrefix(sc.lp[:0], w, len(w))
		lw := sc.lp
		if c, ok := bpCues.exact.get(lw); ok && c.flags&cuePrompt != 0 && l.words <= 30 {
			switch string(lw) {
			case "hier", "mehr", "jetzt", "kostenlos", "gratis", "informiert", "herunter":
				// adverbs open body sentences too ("Hier liegt das Problem.")
				l.imper = !l.final && l.words < 8
			default:
				l.imper = true
			}
		}
	}

	cueSum := 0
	for _, c := range l.cues {
		cueSum += int(c)
	}
	short := l.words < 12
	l.prose = l.final && l.words >= 6 && l.lower >= 2
	switch {
	case l.gender, l.cues[KindCopyright] >= 2:
		l.strong = true
	case l.hasLead && (short || l.label || l.lead == KindCaption || l.lead == KindCopyright || l.lead == KindComments || l.lead == KindCookie || !l.prose):
		l.strong = true
	case l.second && (l.informal || !l.quoted) && (short || cueSum >= 2 || cueSum+l.prompt > 0 && (l.words < 25 || !l.final)):
		l.strong = true
	case l.imper && (cueSum > 0 || l.excl || short):
		l.strong = true
	case l.list && (l.excl || cueSum > 0 || l.prompt > 0 || !l.final):
		l.strong = true
	case l.pipes >= 2 && !l.prose:
		l.strong = true
	case l.handles >= 2 && l.handles*2 >= l.words && !l.prose:
		l.strong = true
	case !l.prose && cueSum > 0 && short:
		l.strong = true
	case l.excl && l.prompt > 0 && cueSum > 0:
		l.strong = true
	case cueSum >= 3 && l.words < 30 && (l.prompt > 0 || l.second):
		l.strong = true
	}
}

// setWeight gives the line its weight for the body run.
func setWeight(l *line) {
	switch {
	case l.strong:
		l.weight = -float64(3 + l.words)
	case l.prose:
		l.weight = float64(l.words)
	case l.final && l.lower >= 1 && l.words >= 3:
		l.weight = 0.3 // a short sentence
	default:
		l.weight = -1.5 // heading, label, short line
	}
}

var creditMarks = []string{" Foto: ", " Fotos: ", " Bild: ", " Grafik: ", " Quelle: ", " Screenshot: ", " Illustration: ", " (Foto: ", " (Bild: ", " Foto/", " Bildquelle: "}

func isGenderLetter(c byte) bool {
	switch c {
	case 'm', 'w', 'd', 'x', 'f', 'M', 'W', 'D', 'X', 'F':
		return true
	}
	return false
}

// selectBody marks all lines boilerplate except the best run of prose.
func selectBody(ls []line) {
	// maximum-sum run (Kadane)
	best, bestA, bestB := 0.0, -1, -1
	cur, a := 0.0, 0
	for i := range ls {
		if cur <= 0 {
			cur, a = 0, i
		}
		cur += ls[i].weight
		if cur > best {
			best, bestA, bestB = cur, a, i
		}
	}
	if bestA < 0 {
		// no prose at all: a short text (headline, list) is body unless it
		// shows strong boilerplate signals
		for i := range ls {
			ls[i].bp = ls[i].strong
		}
		return
	}
	// a headline right before the run belongs to the body; bylines and
	// date lines may stand between them
	for k := bestA - 1; k >= 0 && k >= bestA-3; k-- {
		h := &ls[k]
		if h.strong {
			continue
		}
		if !h.list && h.words >= 3 && h.words <= 24 && h.pipes == 0 {
			h.headline = true
		}
		break
	}
	for i := range ls {
		l := &ls[i]
		l.bp = l.strong || (i < bestA || i > bestB) && !l.headline
	}
}

// propagate marks the lines under a heading-only lead ("Mehr zum Thema",
// "Über die Autorin", "Stellenmarkt", "Anzeige") as boilerplate of the
// same kind: the block of lines up to the next blank line (one line after
// an ad label), and the caption text next to a photo credit.
func propagate(text string, ls []line) {
	prose := 0 // words of prose lines so far
	for i := 0; i < len(ls); i++ {
		l := &ls[i]
		if !l.strong {
			if l.prose {
				prose += l.words
			}
			continue
		}
		// a comment section heading after the article ("Kommentare",
		// "12 Kommentare"): the rest of the page is comments
		if prose >= 50 && !l.final && l.words <= 4 && l.cues[KindComments] > 0 && l.prompt == 0 {
			for j := i + 1; j < len(ls); j++ {
				if !ls[j].strong {
					ls[j].strong, ls[j].hasLead, ls[j].lead = true, true, KindComments
				}
			}
			break
		}
		if l.hasLead && l.lead == KindCaption && l.words <= 4 {
			// the caption text right before or after a bare credit line
			for _, j := range []int{i - 1, i + 1} {
				if j >= 0 && j < len(ls) && !blankBetween(text, ls, min(i, j)) && !ls[j].prose && !ls[j].strong && ls[j].words <= 14 {
					ls[j].strong, ls[j].hasLead, ls[j].lead = true, true, KindCaption
				}
			}
			continue
		}
		if !l.hasLead || l.words > 6 || l.final || l.pipes > 0 {
			continue
		}
		switch l.lead {
		case KindTeaser, KindAuthor, KindJobs, KindComments, KindAd:
		default:
			continue
		}
		limit := 12
		if l.lead == KindAd {
			limit = 1
		}
		for j := i + 1; j < len(ls) && j <= i+limit; j++ {
			if blankBetween(text, ls, j-1) || ls[j].words > 40 {
				break
			}
			if !ls[j].strong {
				ls[j].strong, ls[j].hasLead, ls[j].lead = true, true, l.lead
			}
		}
	}
}

// blankBetween reports whether a blank line separates ls[i] and ls[i+1].
func blankBetween(text string, ls []line, i int) bool {
	if i+1 >= len(ls) {
		return true
	}
	return strings.Count(text[ls[i].end:ls[i+1].start], "\n") >= 2
}

// assignKinds gives every boilerplate line a kind: its own strongest cue,
// or the kind of the block it continues.
func assignKinds(ls []line) {
	prev := -1
	for i := range ls {
		l := &ls[i]
		if !l.bp {
			prev = -1
			continue
		}
		k, n := KindOther, uint8(0)
		if l.hasLead {
			k, n = l.lead, 255
		}
		if l.gender && n < 200 {
			k, n = KindJobs, 200
		}
		for j := Kind(1); j < numKinds; j++ {
			if l.cues[j] > n {
				k, n = j, l.cues[j]
			}
		}
		if n == 0 {
			switch {
			case prev >= 0 && ls[prev].kind != KindOther:
				k = ls[prev].kind
			case l.list || l.pipes > 0:
				k = KindTeaser
				if l.pipes > 1 {
					k = KindNavigation
				}
			case !l.final && l.words <= 4:
				k = KindNavigation
			}
		}
		l.kind = k
		prev = i
	}
}
