package analyze

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/techschau/techschau/german"
)

// The layout of a scraped page (sourcePage with line breaks). A page as
// scraped opens with its title and the description, then the extracted
// page: kicker, the headline again, byline and time stamp, the teaser
// again, the article, and the furniture around it (BOILERPLATE.md, "How a
// page of this set is built"). pageRules reads that layout line by line
// after the unit rules have decided:
//
//   - the title (the first line, when the article uses its content words)
//     and every repeat of the title or description further down are body,
//     and so is the description when it is repeated;
//   - a short line right before such a repeat, or glued in front of the
//     repeated headline, is the kicker;
//   - a short line of at most four units that ends with a photo credit is
//     a caption, all of it, and so is a short line right before a line
//     that is only a credit;
//   - three or more lines in a row that open with a label ("Ort: …",
//     "Tore: …") and hold no sentence, not introduced by a line ending in
//     ':' or '?', are an info box;
//   - lines between "+++" marks, lines that end with a byline ("… Von
//     Anna Muster") or a "mehr" link, and lines that open with their
//     first word doubled (an image's alt text run into a name) are
//     teasers or author boxes;
//   - the rest of a line that opens with furniture (a consent or
//     newsletter box run into one line) is furniture;
//   - a short line whose words all stand, in order, in the line before it
//     is scrape residue (a sentence again with its linked words lost);
//   - a sentence on the line of article prose is body (the paragraph
//     continues), and a short heading between two body lines is a
//     crosshead.

// bpLine is one line of the text: its units [first, last].
type bpLine struct {
	first, last int32
	words       int32
	credit      bool // a unit of the line carries a photo credit or ©
	hard        bool // a unit of the line carries a hard furniture signal
	label       bool // the line opens with a label ("Ort: …")
	rep         bool // the line repeats the title or the description
	prose       bool // the line's units are all prose
}

// buildLines groups the units into lines.
func buildLines(us []unit, text string, sc *bpScratch) []bpLine {
	lines := sc.lines[:0]
	for i := range us {
		if i == 0 || us[i].lineStart {
			lines = append(lines, bpLine{first: int32(i)})
		}
		l := &lines[len(lines)-1]
		l.last = int32(i)
		l.words += int32(us[i].words)
	}
	for li := range lines {
		l := &lines[li]
		a, b := us[l.first].start, us[l.last].end
		l.prose = true
		for i := l.first; i <= l.last; i++ {
			u := &us[i]
			l.hard = l.hard || u.hard && u.strong
			l.prose = l.prose && u.prose
		}
		l.label = colonLabel(text[a:b])
	}
	sc.lines = lines
	return lines
}

// lineText returns the text of line l.
func lineText(us []unit, l *bpLine, text string) string {
	return text[us[l.first].start:us[l.last].end]
}

// titleHead returns the title line's text without a trailing ellipsis
// ("Streit um die Rente: Scholz ...").
func titleHead(s string) string {
	s = strings.TrimSpace(s)
	for {
		t := strings.TrimSuffix(strings.TrimSuffix(s, "..."), "…")
		t = strings.TrimSpace(t)
		if t == s {
			return s
		}
		s = t
	}
}

// repeats reports whether line text a repeats b (the title or the
// description): one is a prefix of the other, at least 12 bytes long.
func repeats(a, b []byte) bool {
	if len(a) < 12 || len(b) < 12 {
		return false
	}
	return bytes.HasPrefix(a, b) || bytes.HasPrefix(b, a)
}

// pageRules decides the units again by the page's layout (see above).
func pageRules(us []unit, seg *german.Segmented, text string, low *lowerText, sc *bpScratch) {
	lines := buildLines(us, text, sc)
	if len(lines) < 3 {
		return
	}
	for li := range lines {
		l := &lines[li]
		for i := l.first; i <= l.last; i++ {
			u := &us[i]
			u.credit = u.hasLead && u.lead == KindCaption || u.cues[KindCopyright] >= 2 ||
				u.marks&mPipe != 0 && strings.Contains(text[u.start:u.end], "| Bild") || u.creditOf(text) >= 0
			l.credit = l.credit || u.credit
		}
	}
	setBody := func(l *bpLine) {
		for i := l.first; i <= l.last; i++ {
			u := &us[i]
			if !(u.hard && u.hasLead) {
				u.bp = false
			}
		}
	}
	// markLine makes line l furniture of kind k; units the rules marked
	// already keep their kind
	markLine := func(l *bpLine, k Kind) {
		for i := l.first; i <= l.last; i++ {
			if u := &us[i]; !(u.bp && u.strong) {
				mark(u, k)
				u.bp = true
			}
		}
	}
	furnitureLead := func(l *bpLine) bool {
		for i := l.first; i <= l.last; i++ {
			if u := &us[i]; u.hard && u.hasLead {
				return true
			}
		}
		return false
	}

	// the title and the description, and their repeats
	l0 := &lines[0]
	shared, keys, pipes := 0, 0, 0
	for i := l0.first; i <= l0.last; i++ {
		shared += us[i].shared
		keys += us[i].keys
		pipes += us[i].pipes
	}
	lowLine := func(l *bpLine) []byte { return low.word(us[l.first].start, us[l.last].end) }
	// the first line is the title when the article uses its content
	// words, or when it stands again in one of the next lines
	title := l0.words >= 2 && l0.words <= 30 && pipes <= 1 && !furnitureLead(l0)
	if title && !(shared >= 2 && 2*shared >= keys) && !description(us, &lines[1], text) {
		head := lowLine(l0)
		again := false
		for li := 2; li < len(lines) && li <= 8 && len(head) >= 12; li++ {
			again = again || bytes.Contains(lowLine(&lines[li]), head)
		}
		title = again
	}
	var titleLow, descLow []byte
	if title {
		setBody(l0)
		for i := l0.first; i <= l0.last; i++ {
			us[i].headline = true
		}
		titleLow = []byte(strings.ToLower(titleHead(lineText(us, l0, text))))
	}
	descLow = []byte(strings.ToLower(titleHead(lineText(us, &lines[1], text))))
	descRepeated := false
	for li := 2; li < len(lines); li++ {
		l := &lines[li]
		a := lowLine(l)
		switch {
		case title && repeats(a, titleLow):
			l.rep = true
		case repeats(a, descLow):
			l.rep = true
			descRepeated = true
		}
		if l.rep && !furnitureLead(l) {
			setBody(l)
		}
	}
	if descRepeated && !furnitureLead(&lines[1]) {
		setBody(&lines[1])
		lines[1].rep = true
	}
	if title {
		l0.rep = true
	}

	// kickers: a short line before a repeat, or glued in front of the
	// repeated headline
	for li := 2; li < len(lines) && li <= 8; li++ {
		l := &lines[li]
		if l.rep || l.words < 1 || l.words > 5 || us[l.last].final || li+1 >= len(lines) || !lines[li+1].rep {
			continue
		}
		markLine(l, KindOther)
	}
	if title {
		full := titleHead(lineText(us, l0, text))
		head := firstWords(full, 3)
		for li := 2; li < len(lines) && li <= 8 && len(head) >= 8; li++ {
			l := &lines[li]
			s := lineText(us, l, text)
			p := strings.Index(s, head)
			if p <= 0 || s[p-1] != ' ' || !fieldsAtMost(s[:p], 6) || strings.ContainsAny(s[:p], ".!?") ||
				!strings.HasPrefix(s[p:], full[:min(len(full), 40)]) {
				continue
			}
			// the units before the headline are the kicker, and so is
			// the start of the unit it begins in
			at := us[l.first].start + p
			for i := l.first; i <= l.last && us[i].start < at; i++ {
				if us[i].end <= at {
					mark(&us[i], KindOther)
					us[i].bp = true
					continue
				}
				us[i].opener, us[i].openerKind = at-1-us[i].start, KindOther
				us[i].bp = false
			}
			for i := l.first; i <= l.last; i++ {
				if us[i].end > at && !(us[i].hard && us[i].hasLead) {
					us[i].bp = false
				}
			}
			l.rep = true
		}
	}

	for li := range lines {
		if l := &lines[li]; l.rep || li == 0 && title {
			for i := l.first; i <= l.last; i++ {
				us[i].rep = true
			}
		}
	}

	// a page whose article addresses the reader with "du" throughout
	// (a service piece, a guide) does so in its prose too
	informal := 0
	for i := range us {
		if u := &us[i]; u.informal && u.prose && !u.bp {
			informal++
		}
	}
	if informal >= 3 {
		for i := range us {
			if u := &us[i]; u.informalOnly && u.prose && u.bp {
				u.bp = false
			}
		}
	}

	// a list that a body line introduces ("Die Spiele am Mittwoch:", "Wer
	// überträgt die Spiele?") is the article's own
	for li := 1; li+2 < len(lines); li++ {
		l := &lines[li]
		if us[l.last].bp || !(hasSuffixTrim(lineText(us, l, text), ":") || us[l.last].question) {
			continue
		}
		lj := li
		for lj+1 < len(lines) && listItem(us, &lines[lj+1]) {
			lj++
		}
		if lj-li >= 2 {
			for k := li + 1; k <= lj; k++ {
				setBody(&lines[k])
			}
			li = lj
		}
	}

	// a paragraph of article prose is body wherever it stands (the run
	// may end before it at a caption or an embed): two or more sentences,
	// no furniture signal, content words the article shares
	for li := 1; li < len(lines); li++ {
		l := &lines[li]
		prose, shared, soft := 0, 0, true
		for i := l.first; i <= l.last; i++ {
			u := &us[i]
			if u.prose {
				prose++
			}
			shared += u.shared
			soft = soft && !u.strong
		}
		if soft && prose >= 2 && l.words >= 20 && shared >= 2 {
			setBody(l)
		}
	}

	// a sentence on the line of article prose continues the paragraph
	for li := range lines {
		l := &lines[li]
		body := false
		for i := l.first; i <= l.last; i++ {
			if u := &us[i]; !u.bp && u.prose {
				body = true
			}
		}
		if !body {
			continue
		}
		for i := l.first; i <= l.last; i++ {
			if u := &us[i]; u.bp && !u.strong {
				u.bp = false
			}
		}
	}

	plusLines := 0
	for li := range lines {
		if strings.HasPrefix(lineText(us, &lines[li], text), "++") {
			plusLines++
		}
	}
	for li := 1; li < len(lines); li++ {
		l := &lines[li]
		if l.rep {
			continue
		}
		s := lineText(us, l, text)
		last := &us[l.last]
		units := int(l.last - l.first + 1)
		strongUnits := 0
		for i := l.first; i <= l.last; i++ {
			if u := &us[i]; u.strong && u.hard {
				strongUnits++
			}
		}
		switch {
		// a caption: a short line that ends with a photo credit
		// (a longer paragraph that ends with a credit is prose with the
		// credit of the picture below it: the trailer marks the credit)
		case units <= 6 && (l.words <= 45 || l.words <= 60 && gallerySlide(s)) &&
			(endsWithCredit(last, text) || units > 1 && slashCredit(&us[l.last-1], last, text)):
			markLine(l, KindCaption)
		// the caption on the line before a credit line of its own
		case li+1 < len(lines) && creditLine(us, &lines[li+1]) && units <= 2 && l.words <= 30 && !lines[li+1].rep && !l.hard:
			markLine(l, KindCaption)
		// a picture gallery: "1 von 9 Zurück Weiter"
		case l.words <= 200 && galleryCounter(s):
			markLine(l, KindCaption)
		case strings.HasPrefix(s, "++") && l.words <= 30 && plusLines < 4 && !hasStamp(s):
			// a link to another article between plus signs; a live
			// ticker's entries carry them too, with their time or many
			// to a page
			markLine(l, KindTeaser)
		case doubledStart(s) && l.words <= 60:
			if bylineEnd(s) {
				markLine(l, KindTeaser)
			} else {
				markLine(l, KindAuthor)
			}
		case bylineEnd(s) && !last.final && l.words <= 40:
			markLine(l, KindTeaser)
		case moreLink(s) && l.words <= 80:
			markLine(l, KindTeaser)
		// a link to a video or gallery: "… Fotostrecke ansehen", "… 00:49"
		case l.words <= 30 && !last.final && (mediaLink(s) || videoLength(s)):
			markLine(l, KindTeaser)
		// an affiliate link ("… bei Amazon*") or its footnote
		case l.words <= 20 && strings.HasSuffix(s, "*") || strings.HasPrefix(s, "*") && l.words <= 60 && us[l.first].cues[KindAd] > 0:
			markLine(l, KindAd)
		// an agency signature on a line of its own: "dpa", "nfz/dpa"
		case l.words <= 3 && agencyLine(s):
			markLine(l, KindAuthor)
		case units > 1 && l.words <= 150 && boxLead(us, l):
			// a box run into one line: consent note, newsletter form
			k := us[l.first].lead
			for i := l.first + 1; i <= l.last; i++ {
				mark(&us[i], k)
				us[i].bp = true
			}
		// a short line of furniture: one of its units is, two of a box
		case units > 1 && (strongUnits >= 2 && l.words <= 60 || strongUnits >= 1 && units == 2 && l.words <= 16):
			for i := l.first; i <= l.last; i++ {
				if !us[i].bp {
					mark(&us[i], KindOther)
					us[i].bp = true
				}
			}
		// a byline in front of the teaser: "von Anna Muster Im Jahr …"
		case li <= 6 && bylineStart(s) > 0:
			us[l.first].opener, us[l.first].openerKind = bylineStart(s), KindAuthor
		default:
			if k := residue(seg, us, &lines[li-1], l); k > 0 {
				for i := l.first; i < l.first+int32(k); i++ {
					mark(&us[i], KindOther)
					us[i].bp = true
				}
			}
		}
	}

	// info boxes: three or more label lines without a sentence
	for li := 1; li < len(lines); {
		if !boxLine(us, &lines[li]) {
			li++
			continue
		}
		lj := li
		for lj+1 < len(lines) && boxLine(us, &lines[lj+1]) {
			lj++
		}
		// a list the article introduces ("Um dieses Produkt handelt es
		// sich:") is its own: look back over its short items
		introduced := false
		for k := li - 1; k >= 0 && k >= li-3; k-- {
			prev := strings.TrimRight(lineText(us, &lines[k], text), " ")
			if strings.HasSuffix(prev, ":") || strings.HasSuffix(prev, "?") {
				introduced = true
				break
			}
			if lines[k].prose || lines[k].words > 14 {
				break
			}
		}
		if (lj-li+1 >= 3 || lj == li && strings.Count(lineText(us, &lines[li], text), ": ") >= 3) && !introduced {
			for k := li; k <= lj; k++ {
				markLine(&lines[k], KindOther)
			}
			// the box's heading: a short line without a sentence
			if h := &lines[li-1]; li > 1 && !h.rep && h.words <= 16 && !h.prose && !us[h.last].final && lj > li {
				markLine(h, KindOther)
			}
		}
		li = lj + 1
	}

	// a crosshead: a short heading between two body lines
	for li := 1; li+1 < len(lines); li++ {
		l := &lines[li]
		if !us[l.first].bp || l.words > 12 || l.words < 1 || us[l.last].final && !us[l.last].question {
			continue
		}
		soft := true
		for i := l.first; i <= l.last; i++ {
			soft = soft && !us[i].strong
		}
		p, q := &lines[li-1], &lines[li+1]
		if soft && !us[p.last].bp && !us[q.first].bp && bodyProse(us, q) {
			for i := l.first; i <= l.last; i++ {
				us[i].bp = false
			}
		}
	}
}

// boxLead reports whether line l is a box of furniture run into one
// line: its first unit is a consent, comment, newsletter or share note,
// or another hard furniture lead or a prompt with a cue word
// ("VfL-Newsletter: Jetzt anmelden!") that no topical sentence follows.
func boxLead(us []unit, l *bpLine) bool {
	u := &us[l.first]
	if !u.strong {
		return false
	}
	switch {
	case u.hasLead && (u.lead == KindCookie || u.lead == KindComments || u.lead == KindNewsletter || u.lead == KindSocial):
		return true // a consent, comment, newsletter or share box
	case u.hasLead && u.hard:
		// another label ("Anzeige") may stand glued in front of the
		// article's own crosshead and paragraph
	case !u.hard || u.cueSum == 0 || !(u.excl || u.prompt > 0 || u.imper):
		return false
	}
	for i := l.first + 1; i <= l.last; i++ {
		if v := &us[i]; v.prose && v.topical() {
			return false
		}
	}
	return true
}

// firstWords returns the first n words of s (fewer if s has fewer).
func firstWords(s string, n int) string {
	end := 0
	for k := 0; k < n; k++ {
		i := strings.IndexByte(s[end:], ' ')
		if i < 0 {
			return s
		}
		end += i
		if k < n-1 {
			end++
		}
	}
	return s[:end]
}

// endsWithCredit reports whether unit u, the last of its line, ends with
// a photo credit or is one.
func endsWithCredit(u *unit, text string) bool {
	if u.credit && u.words <= 8 && !u.prose {
		return true
	}
	s := text[u.start:u.end]
	if t, k := trailerAtUnit(u, text); t > 0 && k == KindCaption {
		return true
	}
	// a credit followed by the residue of an image widget ("Foto:
	// IMAGO/Muster Icon Maximize Icon Lightbox …")
	for _, m := range creditMarks {
		if i := strings.LastIndex(s, m); i > 0 && fieldsAtMost(s[i+len(m):], 20) {
			return true
		}
	}
	return false
}

// creditLine reports whether line l is only a photo credit ("Foto: dpa",
// "© Imago").
func creditLine(us []unit, l *bpLine) bool {
	return l.first == l.last && us[l.first].credit && us[l.first].words <= 6 && !us[l.first].prose
}

// moreLink reports whether a line ends with a "mehr" link after a
// sentence ("… in SH angekündigt. mehr").
func moreLink(s string) bool {
	t, ok := strings.CutSuffix(s, " mehr")
	if !ok {
		return false
	}
	t = strings.TrimRight(t, " ")
	return strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, "?") || strings.HasSuffix(t, "…")
}

// boxLine reports whether line l is a line of an info box: it opens with
// a label and holds no sentence, and its values are names and numbers
// (at most a third of its words lower-case: no verbs to speak of).
func boxLine(us []unit, l *bpLine) bool {
	if !l.label || l.rep || l.words > 25 {
		return false
	}
	lower := 0
	for i := l.first; i <= l.last; i++ {
		if us[i].prose {
			return false
		}
		lower += us[i].lower
	}
	return 3*lower <= int(l.words)
}

// residue returns how many units at the start of line l are scrape
// residue of line p: their words all stand, in order, in p's last
// sentences, ending with p's last words, with some of p's words lost in
// between (the scrape kept a sentence twice, once with its linked words
// removed). It returns 0 when there are none.
func residue(seg *german.Segmented, us []unit, p, l *bpLine) int {
	var pw []string
	for i := p.first; i <= p.last; i++ {
		for _, t := range seg.Sentences[i].Tokens {
			if t.Kind == german.Word {
				pw = append(pw, t.Text)
			}
		}
	}
	j, from, n, found := 0, -1, 0, 0
	for i := l.first; i <= l.last && n <= 12; i++ {
		for _, t := range seg.Sentences[i].Tokens {
			if t.Kind != german.Word {
				continue
			}
			for j < len(pw) && pw[j] != t.Text {
				j++
			}
			if j == len(pw) {
				return found
			}
			if from < 0 {
				from = j
			}
			n++
			j++
		}
		if n >= 2 && j >= len(pw)-2 && j-from > n && j-from <= 3*n {
			found = int(i-l.first) + 1
		}
	}
	return found
}

// slashCredit reports whether the last unit of a line is a photo credit
// after the caption's last sentence: a short fragment without final
// punctuation that names the photographer and agency with slashes
// ("… entschuldigen. Stefan Erhard/Odeon Fiction GmbH/ARD Degeto").
func slashCredit(prev, last *unit, text string) bool {
	if !prev.final || last.final || last.words > 8 || last.words < 1 {
		return false
	}
	s := text[last.start:last.end]
	if strings.IndexByte(s, '/') <= 0 || last.lower > 1 || last.marks&mURL != 0 {
		return false
	}
	// every part names someone: "Stefan Erhard/Odeon Fiction GmbH",
	// "IMAGO / onw-images" (not a post's "(2/2) /V")
	for part := range strings.SplitSeq(s, "/") {
		part = strings.TrimSpace(part)
		if r, _ := utf8.DecodeRuneInString(part); !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// galleryCounter reports whether s shows a picture gallery's counter:
// "1 von 9" twice, or with "Zurück"/"Weiter" buttons.
func galleryCounter(s string) bool {
	first := -1
	for i := 0; i+6 < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j-i > 2 || !strings.HasPrefix(s[j:], " von ") {
			continue
		}
		k := j + len(" von ")
		m := k
		for m < len(s) && s[m] >= '0' && s[m] <= '9' {
			m++
		}
		if m == k || m-k > 2 || m < len(s) && s[m] != ' ' {
			continue
		}
		counter := s[i:m]
		if first >= 0 && strings.HasPrefix(s[first:], counter) {
			return true
		}
		if strings.HasPrefix(s[m:], " Zurück") || strings.HasPrefix(s[m:], " Weiter") {
			return true
		}
		if first < 0 {
			first = i
		}
	}
	return false
}

// gallerySlide reports whether a line opens with a slide number and a
// bar ("3 | Parkplätze: …").
func gallerySlide(s string) bool {
	i := 0
	for i < len(s) && i < 2 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && strings.HasPrefix(s[i:], " | ")
}

// mediaLink reports whether a line ends with a link to a picture series,
// video or podcast ("… Fotostrecke ansehen", "Video abspielen").
func mediaLink(s string) bool {
	i := strings.LastIndexByte(s, ' ')
	if i < 0 {
		return false
	}
	j := strings.LastIndexByte(s[:i], ' ')
	noun, verb := s[j+1:i], s[i+1:]
	switch verb {
	case "ansehen", "anschauen", "anhören", "abspielen", "öffnen", "starten":
	default:
		return false
	}
	switch noun {
	case "Fotostrecke", "Bildergalerie", "Galerie", "Bilder", "Fotos", "Video", "Videos", "Podcast", "Folge", "Beitrag":
		return true
	}
	return false
}

// videoLength reports whether a line ends with a video's length
// ("… verspotten Kane 00:49"): minutes with a leading zero.
func videoLength(s string) bool {
	n := len(s)
	return n >= 6 && s[n-6] == ' ' && s[n-5] == '0' && s[n-4] >= '0' && s[n-4] <= '9' && s[n-3] == ':' &&
		s[n-2] >= '0' && s[n-2] <= '5' && s[n-1] >= '0' && s[n-1] <= '9'
}

// agencyLine reports whether a line is an agency's or editor's signature
// alone: "dpa", "AFP", "nfz/dpa", "(dpa)".
func agencyLine(s string) bool {
	s = strings.TrimSuffix(strings.TrimPrefix(s, "("), ")")
	if s == "" || len(s) > 24 {
		return false
	}
	agency := false
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == ' ' || r == ',' }) {
		switch {
		case isAgency(strings.ToLower(part)):
			agency = true
		case len(part) > 4 || strings.ToLower(part) != part:
			return false
		}
	}
	return agency
}

// bylineStart returns where a byline that opens a line ends: "von" and a
// name of two capitalised words, then a sentence that opens with a
// capitalised function word ("von Anna Muster Im Jahr 2020 …"), or 0.
func bylineStart(s string) int {
	if !strings.HasPrefix(s, "von ") && !strings.HasPrefix(s, "Von ") {
		return 0
	}
	f := strings.Fields(s[:min(len(s), 80)])
	if len(f) < 5 {
		return 0
	}
	for _, w := range f[1:3] {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) || strings.ContainsAny(w, ".,:;!?") {
			return 0
		}
	}
	next := f[3]
	if r, _ := utf8.DecodeRuneInString(next); !unicode.IsUpper(r) || !german.IsStopWord(strings.ToLower(next)) {
		return 0
	}
	return len(f[0]) + 1 + len(f[1]) + 1 + len(f[2])
}

// description reports whether line l (the second of a page) reads as
// the page's description: a sentence or a teaser cut off with an
// ellipsis, no furniture signal, no separators.
func description(us []unit, l *bpLine, text string) bool {
	if l.words < 8 {
		return false
	}
	prose := false
	for i := l.first; i <= l.last; i++ {
		u := &us[i]
		if u.strong || u.pipes > 0 {
			return false
		}
		prose = prose || u.prose
	}
	s := lineText(us, l, text)
	return prose || strings.HasSuffix(s, "...") || strings.HasSuffix(s, "…")
}

// hasSuffixTrim reports whether s ends with suffix, trailing spaces aside.
func hasSuffixTrim(s, suffix string) bool {
	return strings.HasSuffix(strings.TrimRight(s, " \t"), suffix)
}

// listItem reports whether line l can be an item of a list: short, no
// sentence, no furniture signal.
func listItem(us []unit, l *bpLine) bool {
	if l.words > 20 || l.words < 1 {
		return false
	}
	for i := l.first; i <= l.last; i++ {
		if u := &us[i]; u.prose || u.strong {
			return false
		}
	}
	return true
}

// bodyProse reports whether line l holds a prose unit that is body.
func bodyProse(us []unit, l *bpLine) bool {
	for i := l.first; i <= l.last; i++ {
		if u := &us[i]; u.prose && !u.bp {
			return true
		}
	}
	return false
}

// colonLabel reports whether a line opens with a label: a colon after at
// most six words (a scrape may glue the previous value in front), within
// its first 40 bytes ("Ort: Berlin", "Tore:
// Müller 2", "Bundesliga Spieltag: 30").
func colonLabel(s string) bool {
	i := strings.IndexByte(s[:min(len(s), 40)], ':')
	if i <= 0 || i+1 >= len(s) {
		return false
	}
	if c := s[i+1]; c >= '0' && c <= '9' && s[i-1] >= '0' && s[i-1] <= '9' {
		return false // a score or clock time "1:0", "18:30"
	}
	return fieldsAtMost(s[:i], 6)
}

// doubledStart reports whether a line opens with its first two words
// again within the next words: an image's alt text or a rubric run into
// the name ("Anna Muster Anna Muster ist …", "VfL Bochum VfL Bochum: …",
// "Jan Muster Jan von Muster: …").
func doubledStart(s string) bool {
	f := strings.Fields(s[:min(len(s), 120)])
	if len(f) < 4 {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(f[0]); !unicode.IsUpper(r) {
		return false
	}
	second := strings.TrimRight(f[1], ":,")
	for k := 2; k <= 3 && k < len(f); k++ {
		if f[k] != f[0] {
			continue
		}
		for _, w := range f[k+1 : min(len(f), k+4)] {
			if strings.TrimRight(w, ":,") == second {
				return true
			}
		}
	}
	return false
}

// bylineEnd reports whether a line ends with a byline of two to four
// capitalised words ("… Von Anna Muster"): the teaser of another article.
func bylineEnd(s string) bool {
	i := strings.LastIndex(s, " Von ")
	if i < 0 {
		return false
	}
	tail := s[i+5:]
	words := 0
	for f := range strings.FieldsSeq(tail) {
		words++
		r, _ := utf8.DecodeRuneInString(f)
		if !(r >= 'A' && r <= 'Z' || r == 'Ä' || r == 'Ö' || r == 'Ü') && f != "und" && f != "von" {
			return false
		}
	}
	return words >= 2 && words <= 5
}
