package analyze

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/techschau/techschau/german"
)

// Body versus boilerplate on plain text.
//
// The detector judges units, never blocks: a unit is one sentence of
// german.Segment, and a line without final punctuation (a heading, a list
// item, a caption) is a unit of its own, so a long line or a text without
// line breaks is judged sentence by sentence. Each unit gets features from
// its tokens and text (final punctuation, list marker, words and lower-case
// words, second-person address, imperative prompts, cue words of the
// boilerplate kinds, lead phrases such as "Mehr zum Thema" or "Foto:",
// job-ad gender marks, the copyright sign) and a similarity to the article:
// how many of its content words (nouns, names, long words) other prose units
// of the text use too.
//
// A cue condemns at most its own unit, and only when the unit is furniture:
// a unit with a furniture signal is boilerplate unless it is topical prose
// (a full sentence whose content words the article shares), and some signals
// are never prose (reader address with "du", gender marks of job ads, a
// short copyright or photo-credit line). Position counts as well: the
// article is the run of units with the largest total weight (prose counts
// for, furniture against), and furniture clusters before and after it, so a
// unit outside that run is boilerplate unless it is the headline, topical
// prose, continues the run's line (a "(APA, 12.9.2015)" after the last
// sentence) or belongs to a numbered list the article introduces. A heading
// such as "Mehr zum Thema" marks the short lines of its own block below it
// (the teaser list), and a photo credit the caption on its line; neither
// ever reaches a prose paragraph. Text that an extractor took from a web
// page (sourceExtracted) is judged without the position rule.
//
// A scraped page with line breaks is then read line by line (pageRules,
// bppage.go): its title and the repeats of title and description are
// body, kickers, captions that end with a credit, info boxes, teaser and
// consent boxes run into one line and scrape residue are furniture, and a
// paragraph of article prose is body wherever it stands.
//
// Scraped pages run bylines, time stamps, credits and signatures into the
// sentences around them ("… Stand: 25.06.2024 09:28 Uhr …", "… Foto:
// dpa", "… (smr)"): a body unit gets boilerplate blocks for such parts,
// and stays body itself.

// unit is one sentence or line unit of the text with its features and the
// decision about it.
type unit struct {
	start, end int  // the sentence's trimmed span
	nlBefore   int  // line breaks before the unit (2 or more: a blank line)
	lineStart  bool // the unit starts a line
	lineEnd    bool // the unit ends a line
	words      int  // word tokens
	lower      int  // word tokens starting with a lower-case letter
	final      bool // ends with final punctuation
	list       bool // starts with a list marker
	excl       bool // ends with '!'
	second     bool // addresses the reader (du, Sie, ihr ...)
	informal   bool // du, dich, euch ... (not only the polite Sie)
	we         bool // wir, uns, unser ... (the site speaking, or speech)
	polite     bool // "Sie" is the second word ("Lesen Sie")
	caption    bool // names positions in a picture ("(links)")
	question   bool // ends with '?'
	imper      bool // starts with an imperative prompt ("Lesen Sie", "Nutze")
	prompt     int  // prompt verbs (abonnieren, teilen ...)
	gender     bool // (m/w/d)
	pipes      int  // separators | · »
	handles    int  // @user and #hashtag tokens
	label      bool // the lead phrase is a label ("Zum Weiterhören: ...")
	quoted     bool // holds quotation marks (reported speech)
	cues       [numKinds]uint8
	lead       Kind // kind of a leading marker phrase ("Mehr zum Thema", "Foto:")
	hasLead    bool
	cueSum     int  // cue words of all kinds
	leadMulti  bool // the lead phrase has several words ("Lesen Sie auch")
	core       bool // in the article run
	ref        bool // in the reference set of similarity
	attached   bool // on a line with the first or last unit of the run
	keys       int  // distinct content words
	shared     int  // of them, those another prose unit uses too
	strong     bool
	hard       bool // a furniture signal that prose never carries
	prose      bool
	weight     float64
	bp         bool
	headline   bool
	kind       Kind
	credit     bool  // carries a photo credit or the copyright sign (set by pageRules)
	marks      uint8 // punctuation the unit holds (mColon, …), from its tokens
	labels     uint8 // trailer labels the unit holds (lStand, …)
	creditPos  int   // creditAt of the unit's text; -2: not computed yet
	// opener: furniture that opens the unit (a kicker glued in front of
	// the repeated headline, a byline in front of the teaser): its length
	// and kind
	opener     int
	openerKind Kind
	// informalOnly: the furniture signal is reader address with "du"
	// and a cue word, which a page that addresses its reader throughout
	// uses in its prose too
	informalOnly bool
	rep          bool // the title, or a repeat of the title or description
}

// unit marks: punctuation a unit holds, so that the text searches for
// stamps, credits and trailers run only on units that can have them
const (
	mColon    = 1 << iota // ':' (not inside a number: "09:30" is one)
	mSlash                // '/' between words, or in a symbol ("(m/w/d)")
	mParen                // '('
	mCloseEnd             // ')' as the last token
	mPipe                 // '|'
	mCopy                 // '©'
	mURL                  // a web address
	mCredit               // a credit word before ':' or '/' ("Foto:", "Bild/")
	// (marks is full; the labels before a colon have a field of their own)
)

// unit marks of labelMarks: words before a colon that open a trailer
const (
	lStand   = 1 << iota // "Stand:"
	lSources             // "Quellen:"
)

// creditOf returns creditAt of u's text, computing it once.
func (u *unit) creditOf(text string) int {
	if u.creditPos == -2 {
		u.creditPos = -1
		if u.marks&mCredit != 0 {
			u.creditPos = creditAt(text[u.start:u.end])
		}
	}
	return u.creditPos
}

// topical reports whether the unit shares enough content words with the
// rest of the article to count as article prose.
func (u *unit) topical() bool {
	return u.shared >= 2 || u.shared >= 1 && 3*u.shared >= u.keys
}

// protected reports whether the unit is article prose that no furniture
// signal short of a hard one condemns.
func (u *unit) protected() bool { return u.prose && !u.hard && u.topical() }

type boilerplateResult struct {
	sent   []bool // per sentence of the Segmented: marked boilerplate
	skip   []bool // per sentence: left out of entities, themes and summary
	blocks []Boilerplate
	// majority is true when more than half of the text's bytes are
	// boilerplate; skip then keeps the units the detector is least sure of.
	majority bool
}

// bpScratch is the reusable working memory of the boilerplate stage.
type bpScratch struct {
	units []unit
	keys  []uint64 // content word hash << 32 | unit index
	lines []bpLine // the page's lines (pageRules)
}

// source says where a text comes from, which decides how much the
// position of a unit counts.
type source uint8

const (
	// sourcePage: a page as scraped, furniture and all. A unit outside
	// the article run is boilerplate unless it is article prose.
	sourcePage source = iota
	// sourceExtracted: the main text an extractor took from a page by
	// its structure (package webpage). Position outside the run condemns
	// nothing; units with furniture signals of their own are still
	// marked.
	sourceExtracted
)

func findBoilerplate(seg *german.Segmented, src source, stop func() bool) boilerplateResult {
	sc := getScratch()
	defer putScratch(sc)
	sc.low.reset(seg.Text)
	return findBoilerplateLower(seg, &sc.low, &sc.bp, src, stop)
}

// findBoilerplateLower is findBoilerplate with the lower-cased text and
// the scratch memory supplied by the caller.
func findBoilerplateLower(seg *german.Segmented, low *lowerText, sc *bpScratch, src source, stop func() bool) boilerplateResult {
	n := len(seg.Sentences)
	flags := make([]bool, 2*n)
	res := boilerplateResult{sent: flags[:n:n], skip: flags[n:], blocks: []Boilerplate{}}
	us := classifyUnits(seg, low, sc, src, stop)
	if len(us) == 0 {
		return res
	}
	bpBytes, all := 0, 0
	for i := range us {
		res.sent[i] = us[i].bp
		res.skip[i] = us[i].bp
		all += us[i].end - us[i].start
		if us[i].bp {
			bpBytes += us[i].end - us[i].start
		}
	}
	if 2*bpBytes > all {
		// Guard against loss: analyse the units the detector is least sure
		// of (prose it condemned without a hard signal) rather than nothing.
		res.majority = true
		kept := false
		for i := range us {
			if us[i].bp && us[i].prose && !us[i].hard {
				res.skip[i] = false
			}
			kept = kept || !res.skip[i]
		}
		if !kept {
			clear(res.skip)
		}
	}
	// blocks: merge consecutive boilerplate units of one kind; a body
	// unit may open with a byline or end with a credit or time stamp,
	// which get blocks of their own (the sentence stays body)
	text := seg.Text
	for i := 0; i < len(us); i++ {
		if !us[i].bp {
			u := &us[i]
			// the unit's parts in text order, none overlapping the last
			from := u.start
			part := func(a, b int, k Kind) {
				if a >= from && b > a && b <= u.end {
					res.blocks = append(res.blocks, Boilerplate{Start: a, End: b, Kind: k})
					from = b
				}
			}
			if u.opener > 0 {
				part(u.start, u.start+u.opener, u.openerKind)
			}
			if src == sourcePage && u.words <= 40 {
				if e := leaderEnd(text[u.start:u.end]); e > 0 {
					part(u.start, u.start+e, KindAuthor)
				}
			}
			if u.marks&(mColon|mSlash|mCopy|mCloseEnd|mPipe) == 0 {
				continue // every trailer and stamp holds one of these
			}
			ut := text[u.start:u.end]
			t, k := trailerAtUnit(u, text)
			if a, b := stampSpan(ut); u.labels&lStand != 0 && a > 0 && b < len(ut) && (t < 0 || b <= t) {
				part(u.start+a, u.start+b, KindAuthor)
			}
			if t > 0 {
				part(u.start+t, u.end, k)
			}
			continue
		}
		j := i
		for j+1 < len(us) && us[j+1].bp && us[j+1].kind == us[i].kind {
			j++
		}
		res.blocks = append(res.blocks, Boilerplate{Start: us[i].start, End: us[j].end, Kind: us[i].kind})
		i = j
	}
	return res
}

// classifyUnits builds a unit per sentence and decides which are
// boilerplate. low is seg.Text lower-cased; the units live in sc.
func classifyUnits(seg *german.Segmented, low *lowerText, sc *bpScratch, src source, stop func() bool) []unit {
	text := seg.Text
	us := slices.Grow(sc.units[:0], len(seg.Sentences))
	keys := sc.keys[:0]
	prevEnd := 0
	speech := false
	for si := range seg.Sentences {
		if si&255 == 0 && stop != nil && stop() {
			return nil
		}
		s := &seg.Sentences[si]
		u := unit{start: s.Start, end: s.End, creditPos: -2}
		u.nlBefore = countNewlines(text[prevEnd:s.Start])
		if si == 0 {
			u.nlBefore = 2
		}
		u.lineStart = u.nlBefore > 0
		if si > 0 && u.nlBefore > 0 {
			us[si-1].lineEnd = true
		}
		prevEnd = s.End
		if u.lineStart {
			speech = false
		}
		keys, speech = unitTokens(&u, s.Tokens, low, keys, uint32(si), speech)
		us = append(us, u)
	}
	if len(us) == 0 {
		return nil
	}
	us[len(us)-1].lineEnd = true
	// a text of a million tiny units spends a tenth of a second in each
	// pass below: look at the context between them
	stopped := func() bool { return stop != nil && stop() }
	plain, lines := true, 0
	for i := range us {
		if i&1023 == 1023 && stopped() {
			return nil
		}
		u := &us[i]
		classifyUnit(text, u, low, src)
		// a unit with a furniture signal or a negative weight (setWeight)
		plain = plain && !u.strong && (u.prose || u.final && u.lower >= 1 && u.words >= 3)
		if u.lineStart {
			lines++
		}
	}
	if plain && (src != sourcePage || lines < 3) {
		// Every unit is prose or a short sentence without a furniture
		// signal (most clean articles): every weight is positive, so the
		// whole text is the article run and every unit is body, whatever
		// the content words say; and there is no page layout to read.
		for i := range us {
			us[i].core = true
		}
		sc.units, sc.keys = us, keys
		return us
	}
	if stopped() {
		return nil
	}
	slices.Sort(keys) // tens of milliseconds on the keys of megabytes
	if stopped() {
		return nil
	}
	for i := range us {
		us[i].ref = us[i].prose && !us[i].strong
	}
	if stopped() {
		return nil
	}
	similarity(us, keys)
	if stopped() {
		return nil
	}
	propagate(us)
	for i := range us {
		setWeight(&us[i])
	}
	if stopped() {
		return nil
	}
	selectBody(us, keys, src, text)
	if src == sourcePage {
		pageRules(us, seg, text, low, sc)
	}
	assignKinds(us)
	sc.units, sc.keys = us, keys
	return us
}

// countNewlines counts the line breaks in a gap between two units.
func countNewlines(gap string) int {
	n := 0
	for i := 0; i < len(gap); i++ {
		if gap[i] == '\n' {
			n++
		}
	}
	return n
}

// unitTokens fills the token features of u and appends the keys of its
// content words to keys. speech says whether the unit starts inside a
// quotation that an earlier unit of its line opened; the result says
// whether it ends inside one.
func unitTokens(u *unit, toks []german.Token, low *lowerText, keys []uint64, idx uint32, speech bool) ([]uint64, bool) {
	prevWord := false
	inQuote := false // content words inside quotes are not the topic's
	guillemets := 0  // '»' counted as separators, '«' seen
	for ti := range toks {
		tok := &toks[ti]
		if tok.Kind != german.Word {
			switch tok.Kind {
			case german.Handle:
				u.handles++
			case german.URL:
				u.marks |= mURL
			case german.Symbol, german.Punct:
				switch tok.Text {
				case ":", "/":
					if tok.Text == ":" {
						u.marks |= mColon
					} else {
						u.marks |= mSlash
					}
					if ti > 0 && toks[ti-1].Kind == german.Word && toks[ti-1].End == tok.Start {
						switch w := toks[ti-1].Text; {
						case isCreditWord(w):
							u.marks |= mCredit
						case w == "Stand" && tok.Text == ":":
							u.labels |= lStand
						case w == "Quellen" && tok.Text == ":":
							u.labels |= lSources
						}
					}
				case "(":
					u.marks |= mParen
				case ")":
					if ti == len(toks)-1 {
						u.marks |= mCloseEnd
					}
				}
				if tok.Kind == german.Symbol && strings.IndexByte(tok.Text, '/') >= 0 {
					u.marks |= mSlash // "(m/w/d)"
				}
				switch tok.Text {
				case "|", "·", "»", "›", ">", "•":
					u.pipes++
					if tok.Text == "»" {
						guillemets++
					}
					if tok.Text == "|" {
						u.marks |= mPipe
					}
				case "«":
					guillemets |= 1 << 16
				case "©":
					u.cues[KindCopyright] += 2
					u.marks |= mCopy
				}
				switch tok.Text {
				case "„", "“", "”", "\"", "»", "«":
					inQuote = !inQuote
					speech = !speech
					u.quoted = true
				}
			}
			continue
		}
		u.words++
		var isLowerStart bool
		if b := tok.Text[0]; b < utf8.RuneSelf {
			isLowerStart = b >= 'a' && b <= 'z'
		} else {
			r, _ := utf8.DecodeRuneInString(tok.Text)
			isLowerStart = r == 'ä' || r == 'ö' || r == 'ü' || r == 'ß'
		}
		if isLowerStart {
			u.lower++
		}
		lw := low.word(tok.Start, tok.End)
		c, ok := bpCues.lookup(lw)
		if !ok && hasInnerHyphen(lw) {
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
			// a content word: a noun or name past the unit's first word,
			// or a long lower-case word, outside quotes (a prompt that
			// quotes the article's title is not about its topic); its
			// first six bytes stand for its inflected forms (Huawei,
			// Huaweis)
			if len(lw) >= 4 && (ti > 0 && !isLowerStart || len(lw) >= 8) && !inQuote {
				k := lw
				if len(k) > 6 {
					k = k[:6]
				}
				keys = append(keys, uint64(wordHash(k))<<32|uint64(idx))
			}
			prevWord = true
			continue
		}
		if c.has {
			u.cues[c.kind]++
		}
		if c.flags&cuePrompt != 0 {
			u.prompt++
		}
		if c.flags&cueWe != 0 {
			u.we = true
		}
		if c.flags&cueSecond != 0 && !inQuote && !speech {
			// "Sie" is formal address only when capitalised mid-sentence
			switch string(lw) {
			case "sie", "ihnen", "ihre", "ihren", "ihrem", "ihrer":
				if !isLowerStart && ti > 0 && prevWord {
					u.second = true
					u.polite = u.polite || u.words == 2 && string(lw) == "sie"
				}
			default:
				u.second, u.informal = true, true
			}
		}
		prevWord = true
	}
	if guillemets>>16 != 0 {
		u.pipes -= guillemets & 0xffff // «…» quotes, not separators
	}
	return keys, speech
}

// hasInnerHyphen reports whether a word has a hyphen after its first
// byte ("e-paper", "VfL-Newsletter"); words are short, so a loop beats a
// call of bytes.IndexByte.
func hasInnerHyphen(w []byte) bool {
	for i := 1; i < len(w); i++ {
		if w[i] == '-' {
			return true
		}
	}
	return false
}

// similarity counts, for every unit, its distinct content words and those
// of them that some other unit of the reference set (the units with ref
// set) uses too. The keys are sorted, so that the units of one word stand
// together.
func similarity(us []unit, keys []uint64) {
	for i := range us {
		us[i].keys, us[i].shared = 0, 0
	}
	for i := 0; i < len(keys); {
		h := keys[i] >> 32
		j := i
		n := 0
		last := -1
		for j < len(keys) && keys[j]>>32 == h {
			if v := int(uint32(keys[j])); v != last {
				last = v
				if us[v].ref {
					n++
				}
			}
			j++
		}
		last = -1
		for k := i; k < j; k++ {
			v := int(uint32(keys[k]))
			if v == last {
				continue
			}
			last = v
			u := &us[v]
			u.keys++
			other := n
			if u.ref {
				other--
			}
			if other > 0 {
				u.shared++
			}
		}
		i = j
	}
}

func classifyUnit(text string, u *unit, low *lowerText, src source) {
	s := text[u.start:u.end]
	// list marker
	if len(s) >= 2 {
		switch {
		case (s[0] == '-' || s[0] == '*' || s[0] == '>') && s[1] == ' ':
			u.list = true
		case strings.HasPrefix(s, "• "), strings.HasPrefix(s, "– "), strings.HasPrefix(s, "· "), strings.HasPrefix(s, "» "), strings.HasPrefix(s, "▸ "), strings.HasPrefix(s, "→ "):
			u.list = true
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
			u.final = r != ':' || u.words > 12
			u.excl = r == '!'
			u.question = r == '?'
		}
		break
	}
	// gender marks of job ads: (m/w/d), (w/m/d), m/w/x ...
	if u.marks&mSlash != 0 {
		j := max(strings.IndexByte(s, '/'), 1)
		for i := j - 1; i+4 < len(s); i++ {
			if s[i+1] == '/' && s[i+3] == '/' && isGenderLetter(s[i]) && isGenderLetter(s[i+2]) && isGenderLetter(s[i+4]) {
				u.gender = true
				break
			}
		}
	}
	// lead phrase
	body := s
	if u.list {
		_, body, _ = strings.Cut(s, " ")
	}
	body = strings.TrimPrefix(body, "(") // "(Foto: dpa)", "(Alle Angaben ohne Gewähr)"
	body = skipInitials(body)            // "(sk) Verwendete Quellen: …"
	bodyStart := u.start + len(s) - len(body)
	cut := min(u.end, bodyStart+40)
	for cut < u.end && !utf8.RuneStart(text[cut]) {
		cut++
	}
	lp := low.word(bodyStart, cut)
	var lead []uint8
	if len(lp) > 0 {
		lead = leadByByte[lp[0]]
	}
	for _, pi := range lead {
		p := leadPhrases[pi]
		if len(lp) >= len(p.p) && string(lp[:len(p.p)]) == p.p {
			if p.k == KindAuthor && p.p == "von " && (u.words > 6 || u.final) {
				continue
			}
			if u.words > 25 && p.k != KindCaption && p.k != KindCopyright && p.k != KindCookie && !strings.HasPrefix(p.p, "über d") {
				continue
			}
			label := bytes.IndexByte(lp, ':') > 0 && bytes.IndexByte(lp, ':') < 30
			if p.k == KindTeaser && u.final && !u.list && !label && !strings.HasPrefix(p.p, "lesen sie") && !strings.HasPrefix(p.p, "hier geht") {
				continue // "Weitere Details nannte ..." is a sentence, not a heading
			}
			u.lead, u.hasLead, u.label = p.k, true, label
			u.leadMulti = strings.Contains(strings.TrimSpace(p.p), " ") && p.p != "von "
			break
		}
	}
	// a photo credit at the end of a unit: "... Bild: Deutsche Telekom"
	if !u.hasLead && u.words <= 30 && u.creditOf(text) >= 0 {
		u.lead, u.hasLead = KindCaption, true
	}
	// imperative at the start: first word a prompt verb, capitalised
	if r, _ := utf8.DecodeRuneInString(body); r >= 'A' && r <= 'Z' || r == 'Ä' || r == 'Ö' || r == 'Ü' {
		w := body
		for i := 1; i < len(w); i++ {
			if c := w[i]; c == ' ' || c == ':' || c == '!' || c == ',' {
				w = w[:i]
				break
			}
		}
		lw := low.word(bodyStart, bodyStart+len(w))
		if string(lw) == "bitte" && strings.HasPrefix(body[len(w):], " ") {
			// "Bitte markieren Sie …": a request to the reader
			if f := strings.Fields(body[:min(len(body), 60)]); len(f) >= 3 && f[2] == "Sie" && u.words <= 30 {
				u.imper, u.polite = true, true
			}
		} else if c, ok := bpCues.exact.get(lw); ok && c.flags&cuePrompt != 0 && u.words <= 30 {
			switch string(lw) {
			case "hier", "mehr", "jetzt", "kostenlos", "gratis", "informiert", "herunter":
				// adverbs open body sentences too ("Hier liegt das Problem.")
				u.imper = !u.final && u.words < 8
			default:
				u.imper = true
			}
		}
	}

	// a date or time stamp that ends a line ("23.10.2018", "Veröffentlicht
	// am 21.10.2026 um 16:40 Uhr", "… Vorwürfe. | NDR 14.02.2025 09:30 Uhr")
	if !u.hasLead && (u.lineStart || u.pipes > 0) && u.lineEnd && u.words <= 5 && !u.prose && hasStamp(s) && !dateLabel(s) {
		u.lead, u.hasLead, u.label = KindAuthor, true, true
	}
	// a caption names where people stand in the picture: "(links)",
	// "(r.)", "v.l.n.r."
	if !u.hasLead && u.words <= 40 && u.marks&mParen != 0 && hasPicturePosition(s) {
		u.lead, u.hasLead, u.caption = KindCaption, true, true
	}
	// a line that gives a web address (a citation, a link list) is no
	// prose of the article
	if !u.hasLead && !u.prose && u.lineStart && u.lineEnd && u.words <= 15 && u.marks&mURL != 0 && (strings.Contains(s, "https://") || strings.Contains(s, "http://")) {
		u.lead, u.hasLead, u.label = KindNavigation, true, true
	}
	// an ad slot's placeholder left as JSON: { "placeholderType": "MREC" }
	if len(s) >= 2 && s[0] == '{' && s[len(s)-1] == '}' && strings.IndexByte(s, ':') > 0 {
		u.lead, u.hasLead, u.label = KindAd, true, true
	}
	cueSum := 0
	for _, c := range u.cues {
		cueSum += int(c)
	}
	u.cueSum = cueSum
	short := u.words < 12
	u.prose = u.final && u.words >= 6 && u.lower >= 2
	switch {
	case u.caption:
		u.strong, u.hard = true, true
	case u.gender, u.cues[KindCopyright] >= 2:
		u.strong = true
		u.hard = u.words <= 30
	case u.hasLead && (short || u.label || u.lead == KindComments || u.lead == KindCookie || !u.prose):
		u.strong = true
		u.hard = short && (u.label || u.leadMulti)
	case u.hasLead && (u.lead == KindCaption || u.lead == KindCopyright) && u.words <= 16:
		u.strong = true
	case u.informal && (cueSum > 0 || u.prompt > 0 && src == sourcePage):
		// "du" in a news text is speech or reader address; with a cue or
		// a prompt verb it is the latter
		// in a news page always the reader's; blogs and guides (which
		// extracted pages often are) address the reader in their prose
		u.strong, u.hard = true, src == sourcePage || short || u.excl
		u.informalOnly = true
	case u.imper && u.second && u.polite && !u.question:
		// "Lesen Sie hier, was …", "Laden Sie den Ratgeber herunter": a
		// prompt verb with the polite "Sie" right after it, no question
		// (an interviewer's "Finden Sie das richtig?" is none)
		u.strong, u.hard = true, true
	case u.second && !u.informal && (u.prompt > 0 || cueSum >= 2) && (u.words < 25 || !u.final):
		// the polite "Sie" with a prompt verb or cues ("Lesen Sie auch",
		// "Melden Sie sich für den Newsletter an"); alone it is an
		// interview question
		u.strong = true
		u.hard = u.prompt > 0 && cueSum > 0 && short
	case u.imper && (cueSum > 0 || u.excl || short):
		u.strong = true
		u.hard = u.excl && cueSum > 0
	case u.list && (u.excl || cueSum > 0 || u.prompt > 0 || !u.final && src == sourcePage):
		// (a list of short items in an extracted text is content)
		u.strong = true
		u.hard = u.excl || u.prompt > 0
	case u.pipes >= 2 && !u.prose:
		u.strong = true
	case u.handles >= 2 && u.handles*2 >= u.words && !u.prose:
		u.strong = true
	case !u.prose && cueSum > 0 && short:
		u.strong = true
	case u.excl && u.prompt > 0 && cueSum > 0:
		u.strong = true
		u.hard = true
	case src == sourceExtracted && u.words < 30 && (cueSum >= 2 && u.prompt > 0 || u.excl && u.prompt >= 2):
		// "Die aktuelle Ausgabe jetzt im Abo und als E-Paper",
		// "Einfach hier klicken und registrieren!" left in an extracted
		// text: soft, topical prose keeps its place (in a scraped page
		// the article run decides such units)
		u.strong = true
	case cueSum >= 3 && u.words < 30 && (u.prompt > 0 || u.second):
		u.strong = true
	}
	if u.strong && !u.prose {
		u.hard = true
	}
}

// setWeight gives the unit its weight for the article run: prose counts
// for it, topical prose double, furniture against it.
func setWeight(u *unit) {
	switch {
	case u.strong && !u.hard && u.prose:
		u.weight = -3 // a soft signal in a sentence: it does not cut the article
	case u.strong && !u.protected():
		u.weight = -float64(3 + u.words)
	case u.prose:
		// prose counts by its words, less when it shares nothing with
		// the article or carries cues, pipes or the site's "wir"
		u.weight = float64(u.words) / float64(1+u.cueSum+u.pipes)
		switch {
		case u.topical():
		case u.keys == 0:
			u.weight /= 2
		default:
			u.weight /= 3
		}
		if u.we && !u.quoted {
			u.weight /= 2
		}
	case u.final && u.lower >= 1 && u.words >= 3:
		u.weight = 0.3 // a short sentence
	default:
		u.weight = -1.5 // heading, label, short line
	}
}

// skipInitials returns s without the editor's initials that open it
// after a parenthesis ("sk) Verwendete Quellen: …"), or s.
func skipInitials(s string) string {
	n := 0
	for n < len(s) && n < 5 && s[n] >= 'a' && s[n] <= 'z' {
		n++
	}
	if n >= 2 && n <= 4 && strings.HasPrefix(s[n:], ") ") {
		return s[n+2:]
	}
	return s
}

func isGenderLetter(c byte) bool {
	switch c {
	case 'm', 'w', 'd', 'x', 'f', 'M', 'W', 'D', 'X', 'F':
		return true
	}
	return false
}

// selectBody decides every unit. The article is the run of units with the
// largest total weight, and similarity is measured against its prose.
// Inside the run a unit is boilerplate when it carries a furniture signal
// and is not topical prose, or when it is prose with a cue word that shares
// nothing with the article and stands before the article's first or after
// its last topical sentence. Outside the run a unit is boilerplate unless it
// is the headline or prose that shares at least two content words with the
// article.
func selectBody(us []unit, keys []uint64, src source, text string) {
	// maximum-sum run (Kadane)
	best, bestA, bestB := 0.0, -1, -1
	cur, a := 0.0, 0
	for i := range us {
		if cur <= 0 {
			cur, a = 0, i
		}
		cur += us[i].weight
		if cur > best {
			best, bestA, bestB = cur, a, i
		}
	}
	if bestA < 0 {
		// no prose at all: a short text (headline, list) is body unless it
		// shows furniture signals
		for i := range us {
			us[i].bp = us[i].strong && !us[i].protected()
		}
		return
	}
	for i := range us {
		u := &us[i]
		u.core = i >= bestA && i <= bestB
		u.ref = u.core && u.prose && !u.strong
	}
	similarity(us, keys)
	// a headline right before the run belongs to the body; bylines and
	// date lines may stand between them
	for k := bestA - 1; k >= 0 && k >= bestA-3; k-- {
		h := &us[k]
		if h.strong {
			continue
		}
		if !h.list && h.words >= 3 && h.words <= 24 && h.pipes == 0 {
			h.headline = true
		}
		break
	}
	// units on the line of the run's first or last unit continue it
	// ("(APA, 12.9.2015)" after the last sentence of a paragraph)
	for i := bestA - 1; i >= 0 && !us[i+1].lineStart && !us[i].hard; i-- {
		us[i].attached = true
	}
	for i := bestB + 1; i < len(us) && !us[i].lineStart && !us[i].hard; i++ {
		us[i].attached = true
	}
	numberedLists(us, text)
	for i := range us {
		u := &us[i]
		switch {
		case !u.core && !u.attached && src == sourcePage:
			u.bp = !u.headline && !(u.prose && !u.hard && (u.shared >= 2 || u.cueSum == 0 && u.topical()))
		default:
			u.bp = u.strong && !u.protected()
		}
	}
}

// numberedLists attaches to the article a numbered list that follows its
// prose or a line that introduces it ("Die Setlist:"): three or more lines
// "1. …", "2. …", "3. …" in order are the article's own list, not a
// teaser block, wherever the prose run ends.
func numberedLists(us []unit, text string) {
	for i := 1; i < len(us); i++ {
		if !us[i].lineStart || listNumber(text[us[i].start:us[i].end]) != 1 {
			continue
		}
		prev := &us[i-1]
		if !prev.core && !strings.HasSuffix(text[prev.start:prev.end], ":") {
			continue
		}
		j, n := i, 1
		for j+1 < len(us) && us[j+1].lineStart && listNumber(text[us[j+1].start:us[j+1].end]) == n+1 {
			j++
			n++
		}
		if n >= 3 {
			for k := i; k <= j; k++ {
				us[k].attached = true
			}
			if !prev.core && !prev.strong {
				prev.attached = true // the line that introduces the list
			}
		}
		i = j
	}
}

// listNumber returns n for a unit that starts with "n. " (n of one to
// three digits), else 0.
func listNumber(s string) int {
	n, i := 0, 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		n = 10*n + int(s[i]-'0')
		i++
	}
	if i == 0 || i+1 >= len(s) || s[i] != '.' || s[i+1] != ' ' {
		return 0
	}
	return n
}

// propagate marks the units under a heading-only lead ("Mehr zum Thema",
// "Über die Autorin", "Stellenmarkt", "Anzeige") as boilerplate of the
// same kind: the short lines of its block, up to the next blank line (one
// line after an ad label); the caption on the line of a photo credit; and
// after a comment heading below the article, the rest of the page. Only
// whole lines are reached, never a sentence of a paragraph.
func propagate(us []unit) {
	prose := 0 // words of prose units so far
	for i := 0; i < len(us); i++ {
		u := &us[i]
		if !u.strong {
			if u.prose {
				prose += u.words
			}
			continue
		}
		whole := u.lineStart && u.lineEnd
		// a comment section heading after the article ("Kommentare",
		// "12 Kommentare"): the rest of the page is comments
		if whole && prose >= 50 && !u.final && u.words <= 4 && u.cues[KindComments] > 0 && u.prompt == 0 {
			for j := i + 1; j < len(us); j++ {
				if !us[j].strong {
					mark(&us[j], KindComments)
				}
			}
			break
		}
		// a photo credit: the caption before it on its line ("Jensen
		// Huang in Washington. Foto: AP", "… am Montag in Berlin. ©
		// IMAGO/Muster"), or on the line before or after a credit line of
		// its own
		credit := u.hasLead && u.lead == KindCaption && u.words <= 4
		sign := u.cues[KindCopyright] >= 2 && u.words <= 6
		if credit || sign {
			if j := i - 1; j >= 0 && u.nlBefore == 0 && us[j].lineStart && u.lineEnd && !us[j].strong && us[j].words <= 25 && (credit || us[j].words > 3) {
				mark(&us[j], KindCaption)
				mark(u, KindCaption)
				continue
			}
		}
		if credit {
			if whole {
				for _, j := range []int{i - 1, i + 1} {
					if j < 0 || j >= len(us) {
						continue
					}
					v := &us[j]
					if us[max(i, j)].nlBefore == 1 && v.lineStart && v.lineEnd && !v.prose && !v.strong && v.words <= 14 {
						mark(v, KindCaption)
					}
				}
			}
			continue
		}
		if !whole || !u.hasLead || u.words > 6 || u.final || u.pipes > 0 {
			continue
		}
		switch u.lead {
		case KindTeaser, KindAuthor, KindJobs, KindComments, KindAd:
		default:
			continue
		}
		limit := 12
		if u.lead == KindAd {
			limit = 1
		}
		// the lines of the heading's block (no blank line between), each
		// with all its units
		lines := 0
		for j := i + 1; j < len(us); j++ {
			v := &us[j]
			if v.nlBefore > 1 || v.lineStart && lines == limit {
				break
			}
			if v.lineStart {
				lines++
				if lineWords(us, j) > 40 {
					break
				}
			}
			if !v.strong {
				mark(v, u.lead)
			}
		}
	}
}

// lineWords counts the words of the line that starts with unit i.
func lineWords(us []unit, i int) int {
	n := us[i].words
	for j := i; !us[j].lineEnd && j+1 < len(us); j++ {
		n += us[j+1].words
	}
	return n
}

// mark makes u furniture of kind k by its context.
func mark(u *unit, k Kind) {
	u.strong, u.hard, u.hasLead, u.lead = true, true, true, k
}

// assignKinds gives every boilerplate unit a kind: its own strongest cue,
// or the kind of the block it continues.
func assignKinds(us []unit) {
	prev := -1
	for i := range us {
		u := &us[i]
		if !u.bp {
			prev = -1
			continue
		}
		k, n := KindOther, uint8(0)
		if u.hasLead {
			k, n = u.lead, 255
		}
		if u.gender && n < 200 {
			k, n = KindJobs, 200
		}
		for j := Kind(1); j < numKinds; j++ {
			if u.cues[j] > n {
				k, n = j, u.cues[j]
			}
		}
		if n == 0 {
			switch {
			case prev >= 0 && us[prev].kind != KindOther:
				k = us[prev].kind
			case u.list || u.pipes > 0:
				k = KindTeaser
				if u.pipes > 1 {
					k = KindNavigation
				}
			case !u.final && u.words <= 4:
				k = KindNavigation
			}
		}
		u.kind = k
		prev = i
	}
}
