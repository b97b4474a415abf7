package german

import (
	"iter"
	"slices"
	"unicode"
	"unicode/utf8"
)

// MaxSentenceTokens is the most tokens a sentence has: a longer run of text
// without a boundary (a megabyte of words without punctuation, a list
// without line breaks) is cut into units of this many tokens. The longest
// sentence of 5,220 real news pages has 462 tokens. The cap keeps every
// stage that compares the tokens or names of a sentence with each other
// linear in the length of the text.
const MaxSentenceTokens = 512

// Sentence is a sentence of a segmented text: its trimmed span, its tokens
// and whether it is a line unit.
type Sentence struct {
	Span
	// Tokens are the sentence's tokens, a subslice of one backing array
	// shared by all sentences of a Segmented.
	Tokens []Token
	// Line is true when the sentence is a whole line (or several wrapped
	// lines) that does not end with final punctuation: a heading, a list
	// item, a job title, a caption.
	Line bool
}

// Segmented is a text split into sentences and tokens in one pass.
type Segmented struct {
	Text      string     // the original text
	Sentences []Sentence // in text order, non-overlapping

	tokens []Token
}

// Tokens returns all tokens of the text in order: the backing array of the
// sentences' Tokens. Callers must not modify it.
func (s *Segmented) Tokens() []Token {
	if s == nil {
		return nil
	}
	return s.tokens[:len(s.tokens):len(s.tokens)]
}

// Segment splits text into sentences and tokens at once: the tokens of all
// sentences share one backing array. It is the entry point for pipelines
// that tokenise once.
func Segment(text string) *Segmented {
	return SegmentInto(new(Segmented), text)
}

// SegmentInto is Segment writing into dst, whose sentence and token arrays
// it reuses when they are large enough: a pipeline that segments one text
// after another need not allocate them each time. Whatever dst held before
// is overwritten, so nothing may still use it (nor its Sentences or
// Tokens). It returns dst, or a new Segmented when dst is nil.
func SegmentInto(dst *Segmented, text string) *Segmented {
	if dst == nil {
		dst = new(Segmented)
	}
	// One pass: the segmenter appends the scanner's tokens to one array
	// (sized like Tokens does) and groups them while they are still in the
	// cache.
	sents := dst.Sentences[:0]
	if n := len(text)/80 + 4; cap(sents) < n {
		sents = make([]Sentence, 0, n)
	}
	buf := dst.tokens[:0]
	if n := len(text)/6 + 1; cap(buf) < n {
		buf = make([]Token, 0, n)
	}
	g := segmenter{text: text, sc: scanner{text: text}, buf: buf, keep: true}
	for {
		s, e, line, k0, ok := g.next()
		if !ok {
			break
		}
		sents = append(sents, Sentence{Span: Span{s, e}, Tokens: g.buf[k0:g.i:g.i], Line: line})
	}
	toks := g.buf
	if cap(toks) != cap(buf) {
		// the array grew: point the earlier sentences into the final one
		k := 0
		for i := range sents {
			n := len(sents[i].Tokens)
			sents[i].Tokens = toks[k : k+n : k+n]
			k += n
		}
	}
	*dst = Segmented{Text: text, Sentences: sents, tokens: toks[:len(toks):cap(toks)]}
	return dst
}

// Sentences splits text into sentences and returns their spans: trimmed
// (first byte of the first token to the last byte of the last token), in
// order, non-overlapping. See the package documentation for the rules.
func Sentences(text string) []Span {
	spans := make([]Span, 0, len(text)/80+4)
	g := segmenter{text: text, sc: scanner{text: text}, buf: make([]Token, 0, 512)}
	for {
		s, e, _, _, ok := g.next()
		if !ok {
			return spans
		}
		spans = append(spans, Span{s, e})
	}
}

// AllSentences returns an iterator over the sentence spans of text: the same
// spans as Sentences, without building the slice. It stops when yield
// returns false.
func AllSentences(text string) iter.Seq[Span] {
	return func(yield func(Span) bool) {
		g := segmenter{text: text, sc: scanner{text: text}, buf: make([]Token, 0, 512)}
		for {
			s, e, _, _, ok := g.next()
			if !ok || !yield(Span{s, e}) {
				return
			}
		}
	}
}

// SegmentSeq returns an iterator over the sentences of text with their
// tokens: the same sentences, in the same order, as Segment(text).Sentences,
// without keeping them all. A sentence's Tokens are valid only until the
// iterator moves on (the next sentence reuses their memory); a caller that
// keeps tokens must copy them. Memory stays bounded by the longest sentence,
// so a multi-megabyte text is read in one cache-friendly pass. It stops when
// yield returns false.
func SegmentSeq(text string) iter.Seq[Sentence] {
	return func(yield func(Sentence) bool) {
		g := segmenter{text: text, sc: scanner{text: text}, buf: make([]Token, 0, 512)}
		for {
			s, e, line, k0, ok := g.next()
			if !ok || !yield(Sentence{Span: Span{s, e}, Tokens: g.buf[k0:g.i:g.i], Line: line}) {
				return
			}
		}
	}
}

// segmenter groups tokens into sentences with one token of lookahead. It
// reads them from buf; unless done, it refills buf from the scanner. When
// streaming (not keep), a refill keeps the tokens of the current sentence,
// so that buf[k0:i] holds them when next returns.
type segmenter struct {
	text string
	sc   scanner
	buf  []Token
	i    int  // index in buf of the next token
	k0   int  // index in buf of the first token of the current sentence
	done bool // buf holds all remaining tokens
	keep bool // append to buf instead of reusing it (Segment)
}

// keepChunk is the number of tokens scanned at a time in keep mode: few
// enough to stay in the L1 cache until the segmenter reads them.
const keepChunk = 64

// has makes sure buf[g.i] exists, refilling buf when streaming; it reports
// whether there is a next token.
func (g *segmenter) has() bool {
	if g.i < len(g.buf) {
		return true
	}
	return g.fill()
}

// fill scans more tokens into buf; it reports whether there is a next token.
func (g *segmenter) fill() bool {
	if g.done {
		return false
	}
	text := g.text
	buf := g.buf
	n := len(buf)
	if g.keep {
		for k := 0; k < keepChunk; k++ {
			i, e, kind, ok := g.sc.scan()
			if !ok {
				g.done = true
				break
			}
			buf = appendToken(buf, text, i, e, kind)
		}
	} else {
		// keep the current sentence's tokens (from k0) for its caller
		n = copy(buf, buf[g.k0:])
		buf = buf[:n]
		g.i -= g.k0
		g.k0 = 0
		if n == cap(buf) { // a sentence as long as the buffer
			buf = slices.Grow(buf, n)
		}
		for len(buf) < cap(buf) {
			i, e, kind, ok := g.sc.scan()
			if !ok {
				g.done = true
				break
			}
			buf = appendToken(buf, text, i, e, kind)
		}
	}
	g.buf = buf
	return len(buf) > n
}

// next returns the next sentence and the buf index of its first token (in
// Segment, where buf holds all tokens, g.i is then the index after its
// last token).
func (g *segmenter) next() (start, end int, line bool, k0 int, ok bool) {
	g.k0 = g.i // the previous sentence is done with
	if !g.has() {
		return 0, 0, false, 0, false
	}
	text := g.text
	g.k0 = g.i
	last := g.buf[g.i]
	g.i++
	start = last.Start
	lineStart := atLineStart(text, start)
	words := 0 // Word tokens so far
	for {
		if last.Kind == Word {
			words++
		}
		terminal := false
		if last.Kind == Punct || last.Kind == Symbol {
			terminal = isTerminal(text, last)
			if terminal {
				isDot, dot := last.Text == ".", last.Start
				for g.has() && g.i-g.k0 < MaxSentenceTokens {
					n := &g.buf[g.i]
					if n.Start != last.End || !isCloser(n) {
						break
					}
					last = *n
					g.i++
				}
				if isDot && dot > start && isEnumerator(text, start, dot) {
					// "2." opening a sentence is a list number, not a sentence
					terminal = false
				}
			}
		}
		if !g.has() {
			return start, last.End, lineStart && !terminal && !periodWord(&last), g.k0, true
		}
		if g.i-g.k0 >= MaxSentenceTokens {
			// a run of text with no boundary: cut it, so that no stage
			// meets a sentence longer than the limit
			return start, last.End, false, g.k0, true
		}
		n := &g.buf[g.i]
		gap := text[last.End:n.Start]
		nl := 0
		if len(gap) != 1 || gap[0] != ' ' {
			nl = newlines(gap)
		}
		switch {
		case nl >= 2:
			return start, last.End, lineStart && !terminal && !periodWord(&last), g.k0, true
		case terminal:
			if nl == 1 || startsSentence(text, n, gap) {
				return start, last.End, false, g.k0, true
			}
		case last.Kind == Punct && last.Text == "." && last.Start > start && isEnumerator(text, start, last.Start):
			// list number: never a boundary on the same line
			if nl == 1 {
				return start, last.End, false, g.k0, true
			}
		case periodWord(&last):
			if nl == 1 && !startsLower(n) {
				return start, last.End, false, g.k0, true
			}
			if nl == 0 && abbrevEndsSentence(last.Text) && n.IsUpper() && len(gap) > 0 {
				return start, last.End, false, g.k0, true
			}
		case nl == 1:
			if !softWrap(&last, n) {
				return start, last.End, lineStart, g.k0, true
			}
		default:
			if mayStartClause(n) && missingStop(text, &last, n) {
				return start, last.End, false, g.k0, true
			}
			if words >= 4 && last.Text == ":" && len(gap) > 0 && n.Kind == Word && colonStarter(n.Text) {
				// "… stehen weitere Entscheidungen bevor: Der Minister reist …"
				return start, last.End, false, g.k0, true
			}
		}
		last = *n
		g.i++
	}
}

// periodWord reports whether t is an abbreviation or ordinal with its period.
func periodWord(t *Token) bool {
	return (t.Kind == Word || t.Kind == Number) && len(t.Text) > 1 && t.Text[len(t.Text)-1] == '.'
}

// isTerminal reports whether t is final punctuation: a run of . ! ? or an
// ellipsis (not one in brackets, "[…]").
func isTerminal(text string, t Token) bool {
	if t.Kind == Symbol {
		return isEmoticon(t.Text)
	}
	if t.Kind != Punct {
		return false
	}
	s := t.Text
	switch s[0] {
	case '.':
		if len(s) >= 3 && t.Start > 0 && (text[t.Start-1] == '(' || text[t.Start-1] == '[') {
			return false
		}
		return true
	case '!', '?':
		return true
	}
	if s == "…" {
		if t.Start > 0 && (text[t.Start-1] == '(' || text[t.Start-1] == '[') {
			return false
		}
		return true
	}
	return false
}

// isCloser reports whether t closes a quotation or bracket after final
// punctuation.
func isCloser(t *Token) bool {
	if t.Kind != Punct {
		return false
	}
	switch t.Text {
	case "\"", "'", "''", ")", "]", "}", "“", "”", "«", "»", "‘", "’", "‹", "›", "…":
		return true
	}
	return false
}

// isOpener reports whether t may open a sentence before its first word.
func isOpener(t *Token) bool {
	switch t.Text {
	case "\"", "'", "``", "''", "`", "(", "[", "„", "“", "”", "«", "»", "‚", "‘", "‹", "›", "-", "--", "–", "—", "¿", "¡", "*", "•", "·":
		return true
	}
	return false
}

// startsSentence reports whether token n, after final punctuation and the
// white space gap, starts a new sentence.
func startsSentence(text string, n *Token, gap string) bool {
	if gap == "" {
		return false
	}
	switch n.Kind {
	case Word:
		return !startsLower(n)
	case Number, URL, Email, Handle, Symbol:
		return true
	case Punct:
		if !isOpener(n) {
			return false
		}
		// look at what follows the opener
		i := n.End
		for k := 0; k < 4 && i < len(text); k++ {
			c := text[i]
			if c == ' ' || c == '"' || c == '\'' || c == '(' || c == '`' {
				i++
				continue
			}
			break
		}
		if i >= len(text) {
			return false
		}
		c := text[i]
		if c < utf8.RuneSelf {
			return ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
		}
		r, _ := utf8.DecodeRuneInString(text[i:])
		return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '„' || r == '»' || r == '«' || r == '‚'
	}
	return false
}

// startsLower reports whether the token starts with a lower-case letter.
func startsLower(t *Token) bool {
	c := t.Text[0]
	if c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z'
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsLower(r)
}

// softWrap reports whether a line break between last and n continues a
// sentence: the line ends in a word, number, comma or hyphen and the next
// line starts lower case.
func softWrap(last, n *Token) bool {
	if !startsLower(n) || n.Kind != Word {
		return false
	}
	switch last.Kind {
	case Word, Number:
		return true
	case Punct:
		return last.Text == "," || last.Text == "-"
	}
	return false
}

// atLineStart reports whether only blanks precede pos on its line.
func atLineStart(text string, pos int) bool {
	for i := pos - 1; i >= 0; i-- {
		switch text[i] {
		case ' ', '\t':
			continue
		case '\n', '\r':
			return true
		}
		return false
	}
	return true
}

// newlines counts the line breaks in a white-space gap (2 or more: a blank
// line). \r\n, \n and a lone \r count once; U+2028 once, U+2029 twice.
func newlines(gap string) int {
	if len(gap) == 1 {
		if gap[0] == '\n' || gap[0] == '\r' {
			return 1
		}
		return 0
	}
	n := 0
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case '\n':
			n++
		case '\r':
			if i+1 >= len(gap) || gap[i+1] != '\n' {
				n++
			}
		case 0xE2:
			if i+2 < len(gap) && gap[i+1] == 0x80 {
				if gap[i+2] == 0xA8 {
					n++
				} else if gap[i+2] == 0xA9 {
					n += 2
				}
			}
		}
	}
	return n
}

// isEnumerator reports whether text[start:end] (the sentence so far, before
// a period) is a list number of at most three digits.
func isEnumerator(text string, start, end int) bool {
	if end-start > 3 {
		return false
	}
	for i := start; i < end; i++ {
		if text[i] < '0' || text[i] > '9' {
			return false
		}
	}
	return true
}

// missingStop reports whether a sentence ends without final punctuation
// between last and n on one line: n is a capitalised word that can only
// start a clause (a pronoun, adverb, conjunction, preposition or finite
// auxiliary — never a noun; articles are left out because they start names
// such as "Die Presse"), and last is a content word or a closing quote or
// bracket.
func missingStop(text string, last, n *Token) bool {
	if !mayStartClause(n) || !clauseStarter(n.Text) {
		return false
	}
	switch last.Kind {
	case Word:
		if last.Text[len(last.Text)-1] == '-' || last.Text[len(last.Text)-1] == '.' {
			return false
		}
		return !IsStopWord(Lower(last.Text))
	case Punct:
		switch last.Text {
		case ")", "\"", "“", "”", "«", "»", "''":
			return last.Start > 0 && !isSpaceByte(text[last.Start-1])
		}
	}
	return false
}

// mayStartClause is the cheap (inlined) part of the test in missingStop:
// n is a Word of 2 to 12 bytes starting with A-Z or a two-byte Latin-1
// letter, and some clause starter has its first and second byte and length.
func mayStartClause(n *Token) bool {
	if n.Kind != Word || len(n.Text) > maxStarterLen || len(n.Text) < 2 {
		return false
	}
	k := starterRow[n.Text[0]]
	return k != 0 && starterSecond[k-1][len(n.Text)]&secondBit(n.Text[1]) != 0
}

// starterRow is starterIndex+1 by first byte (0: no row).
var starterRow = func() (t [256]uint8) {
	for c := range 256 {
		t[c] = uint8(starterIndex(byte(c)) + 1)
	}
	return t
}()

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// colonStarter reports whether w, after a colon that closes a clause of at
// least four words, starts a new sentence: a clause starter or a
// capitalised article, demonstrative or pronoun. A noun (a list after the
// colon) or a quotation does not.
func colonStarter(w string) bool {
	switch w {
	case "Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Einen", "Einem", "Einer",
		"Dieser", "Diese", "Dieses", "Diesem", "Diesen", "Sie", "Man", "Ihr", "Sein", "Seine", "Ihre",
		"Unsere", "Unser", "Manche", "Viele", "Alle", "Jeder", "Jede", "Kein", "Keine":
		return true
	}
	return clauseStarter(w)
}

// clauseStarter reports whether w is a capitalised function word that in
// running text starts a clause: personal pronouns (not "Sie", the polite
// form), adverbs, conjunctions, prepositions and finite auxiliaries. Words
// that also begin names are left out: articles ("Die Presse"), preposition
// contractions ("Hotel Zur Post", "Im Westen nichts Neues"), "Heute" (a
// newspaper), "Man", and verb forms that are also nouns ("Waren", "Würde").
func clauseStarter(w string) bool {
	if len(w) < 2 || len(w) > maxStarterLen {
		return false
	}
	k := starterIndex(w[0])
	if k < 0 || starterSecond[k][len(w)]&secondBit(w[1]) == 0 {
		return false
	}
	for _, c := range clauseStarters[k][len(w)] {
		if c == w {
			return true
		}
	}
	return false
}

const maxStarterLen = 12

// starterIndex maps the first byte of a capitalised word to a row of
// clauseStarters: A-Z, and one row for words starting with a two-byte
// Latin-1 capital (Ä Ö Ü). It returns -1 for any other byte.
func starterIndex(c byte) int {
	switch {
	case 'A' <= c && c <= 'Z':
		return int(c - 'A')
	case c == 0xC3:
		return 26
	}
	return -1
}

// secondBit maps the second byte of a word to a bit of starterSecond: a-z
// to bits 0-25, every other byte to bit 31.
func secondBit(c byte) uint32 {
	if 'a' <= c && c <= 'z' {
		return 1 << (c - 'a')
	}
	return 1 << 31
}

// starterSecond has, by first letter and length as in clauseStarters, the
// secondBit of the second byte of each clause starter: most capitalised
// nouns are rejected without a string comparison.
var starterSecond = func() (t [27][maxStarterLen + 1]uint32) {
	for k := range clauseStarters {
		for n, ws := range clauseStarters[k] {
			for _, w := range ws {
				t[k][n] |= secondBit(w[1])
			}
		}
	}
	return t
}()

// clauseStarters holds the clause starters by first letter and length, so
// that a capitalised noun is compared with at most a few candidates. Built
// once at package initialisation, never modified.
var clauseStarters = func() (t [27][maxStarterLen + 1][]string) {
	for _, w := range []string{
		"Ich", "Wir", "Er", "Es",
		"Leider", "Aber", "Doch", "Dann", "Danach", "Deshalb", "Daher", "Darum", "Trotzdem",
		"Außerdem", "Jedoch", "Auch", "Hier", "Dort", "Gestern", "Jetzt", "Nun",
		"Zudem", "Allerdings", "Insgesamt", "Bisher", "Damals", "Immer", "Nur", "Sehr", "Schon",
		"Noch", "Also", "Sonst", "Denn", "Seitdem", "Inzwischen", "Mittlerweile", "Vielleicht",
		"Manchmal", "Oft", "Zunächst", "Zuerst", "Später", "Schließlich", "Stattdessen", "Dabei",
		"Dazu", "Dadurch", "Deswegen", "Gleichzeitig", "Offenbar", "Tatsächlich",
		"Wenn", "Weil", "Obwohl", "Nachdem", "Als", "Da", "Dass", "Ob", "Wie", "Warum",
		"Seit", "Über", "Nach", "Bei", "Mit", "Für", "Bis", "Ohne", "Gegen",
		"Während",
		"Bin", "War", "Ist", "Sind", "Hat", "Habe", "Haben", "Hatte", "Hatten",
		"Wird", "Wurde", "Wurden", "Kann", "Konnte", "Muss", "Musste", "Sollte", "Wollte",
	} {
		if k := starterIndex(w[0]); k >= 0 && len(w) <= maxStarterLen {
			t[k][len(w)] = append(t[k][len(w)], w)
		}
	}
	return t
}()
