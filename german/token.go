package german

import (
	"iter"
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// byte classes of ASCII characters
const (
	cOther  uint8 = iota // control characters, and bytes >= 0x80
	cSpace               // ASCII white space
	cUpper               // A-Z
	cLower               // a-z
	cDigit               // 0-9
	cPunct               // ASCII punctuation
	cSymbol              // ASCII symbols
)

var asciiClass = func() (t [256]uint8) {
	for _, c := range "\t\n\v\f\r " {
		t[c] = cSpace
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = cUpper
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = cLower
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = cDigit
	}
	for _, c := range "!\"'(),-./:;?[]{}`_" {
		t[c] = cPunct
	}
	for _, c := range "#$%&*+<=>@\\^|~" {
		t[c] = cSymbol
	}
	return t
}()

// wordByte flags ASCII letters and digits (0 for every other byte).
const (
	wbDigit  uint8 = 1
	wbLetter uint8 = 2
)

var wordByte = func() (t [256]uint8) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = wbLetter
		t[c+'a'-'A'] = wbLetter
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = wbDigit
	}
	return t
}()

// alnum8 classifies the eight bytes of x (little endian) at once: letter
// has the high bit of each byte that is an ASCII letter set, stop that of
// each byte that is not an ASCII letter or digit (the same bytes as
// wordByte).
func alnum8(x uint64) (letter, stop uint64) {
	const (
		ones = 0x0101010101010101
		high = 0x8080808080808080
	)
	y := x &^ high // low seven bits: no carries between bytes below
	digit := (y + ones*(0x80-'0')) &^ (y + ones*(0x7F-'9')) & high
	l := y | ones*0x20 // A-Z -> a-z
	letter = (l + ones*(0x80-'a')) &^ (l + ones*(0x7F-'z')) & high
	stop = (^(letter | digit) | x) & high // non-ASCII bytes stop too
	return letter, stop
}

// isAlnumByte reports whether an ASCII byte is a letter or digit.
func isAlnumByte(c byte) bool {
	k := asciiClass[c]
	return k == cUpper || k == cLower || k == cDigit
}

// isSpaceRune reports whether r is white space (unicode.IsSpace).
func isSpaceRune(r rune) bool { return unicode.IsSpace(r) }

// wordRune reports whether a non-ASCII rune belongs inside a word: letters,
// digits, marks, and the invisible format characters soft hyphen, zero-width
// (non-)joiner and word joiner.
func wordRune(r rune) bool {
	switch r {
	case 0xAD, 0x200C, 0x200D, 0x2060:
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// alnumAt reports whether a word character (letter, digit or mark) starts
// at s[i], and returns its width.
func alnumAt(s string, i int) (bool, int) {
	if i >= len(s) {
		return false, 0
	}
	c := s[i]
	if c < utf8.RuneSelf {
		return isAlnumByte(c), 1
	}
	r, w := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && w <= 1 {
		return false, 1
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r), w
}

// letterAt reports whether a letter starts at s[i].
func letterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	c := s[i]
	if c < utf8.RuneSelf {
		k := asciiClass[c]
		return k == cUpper || k == cLower
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func isDigitAt(s string, i int) bool { return i < len(s) && '0' <= s[i] && s[i] <= '9' }

// Tokens splits text into tokens with byte offsets into text. Every byte that
// is not white space belongs to exactly one token; tokens are in order and do
// not overlap. The result shares one backing array; Token.Text values are
// substrings of text.
func Tokens(text string) []Token {
	toks := make([]Token, 0, len(text)/6+1)
	sc := scanner{text: text}
	for {
		i, e, k, ok := sc.scan()
		if !ok {
			return toks
		}
		toks = appendToken(toks, text, i, e, k)
	}
}

// appendToken appends the token text[i:e] of kind k. It stores the fields
// in place: appending a Token value builds it on the stack and copies it
// with a bulk write barrier while the GC is marking.
func appendToken(toks []Token, text string, i, e int, k Kind) []Token {
	n := len(toks)
	if n < cap(toks) {
		toks = toks[:n+1]
	} else {
		toks = append(toks, Token{})
	}
	t := &toks[n]
	t.Start = i
	t.End = e
	t.Text = text[i:e]
	t.Kind = k
	return toks
}

// AllTokens returns an iterator over the tokens of text: the same tokens as
// Tokens, without building the slice. It stops when yield returns false.
func AllTokens(text string) iter.Seq[Token] {
	return func(yield func(Token) bool) {
		sc := scanner{text: text}
		for {
			t, ok := sc.next()
			if !ok || !yield(t) {
				return
			}
		}
	}
}

// scanner produces tokens one at a time.
type scanner struct {
	text string
	pos  int
}

// skipSpace advances over white space (ASCII and Unicode).
func (s *scanner) skipSpace() {
	text := s.text
	i := s.pos
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiClass[c] != cSpace {
				break
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if !isSpaceRune(r) {
			break
		}
		i += w
	}
	s.pos = i
}

// next returns the next token, or false at the end of the text.
func (s *scanner) next() (Token, bool) {
	i, end, kind, ok := s.scan()
	if !ok {
		return Token{}, false
	}
	return Token{Start: i, End: end, Text: s.text[i:end], Kind: kind}, true
}

// scan returns the span and kind of the next token, or false at the end of
// the text.
func (s *scanner) scan() (start, end int, kind Kind, ok bool) {
	text := s.text
	i := s.pos
	if i+1 < len(text) && text[i] == ' ' && asciiClass[text[i+1]] > cSpace {
		// the common gap: one space before an ASCII letter, digit or sign
		i++
		s.pos = i
	} else {
		s.skipSpace()
		i = s.pos
	}
	if i >= len(text) {
		return 0, 0, 0, false
	}
	if k := asciiClass[text[i]]; k == cUpper || k == cLower || k == cDigit {
		end, kind = scanWord(text, i)
	} else {
		end, kind = scanToken(text, i)
	}
	if end <= i { // never loop
		end = i + 1
	}
	if end-i > MaxWordBytes && (kind == Word || kind == Number) {
		kind = KindUnknown // opaque: no stem, lookup or feature is taken of it
	}
	s.pos = end
	return i, end, kind, true
}

// scanToken scans the token starting at text[i] (not white space).
func scanToken(text string, i int) (int, Kind) {
	c := text[i]
	if c < utf8.RuneSelf {
		switch asciiClass[c] {
		case cUpper, cLower, cDigit:
			return scanWord(text, i)
		case cPunct:
			return scanPunct(text, i)
		case cSymbol:
			switch c {
			case '@', '#':
				if e := scanHandle(text, i); e > i {
					return e, Handle
				}
			}
			return i + 1, Symbol
		default:
			return i + 1, KindUnknown
		}
	}
	r, w := utf8.DecodeRuneInString(text[i:])
	if r == utf8.RuneError && w <= 1 {
		return i + 1, KindUnknown
	}
	switch {
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return scanWord(text, i)
	case r == '…':
		return i + w, Punct
	case unicode.IsPunct(r):
		return i + w, Punct
	case unicode.IsSymbol(r):
		return i + w, Symbol
	case unicode.IsMark(r) || r == 0xAD || r == 0x200D || r == 0x200C || r == 0x2060:
		// stray combining mark or joiner: make it a word of its own
		return scanWord(text, i)
	}
	return i + w, KindUnknown
}

// scanPunct scans ASCII punctuation at text[i].
func scanPunct(text string, i int) (int, Kind) {
	c := text[i]
	switch c {
	case '.', '!', '?':
		j := i + 1
		for j < len(text) && (text[j] == '.' || text[j] == '!' || text[j] == '?') {
			j++
		}
		return j, Punct
	case '-':
		j := i + 1
		for j < len(text) && text[j] == '-' {
			j++
		}
		return j, Punct
	case '`', '\'':
		if i+1 < len(text) && text[i+1] == c {
			return i + 2, Punct
		}
	case '(':
		if e := scanGenderMarker(text, i); e > i {
			return e, Symbol
		}
	case ':', ';':
		if e := scanEmoticon(text, i); e > i {
			return e, Symbol
		}
	}
	return i + 1, Punct
}

// scanEmoticon recognises a Western emoticon at text[i] (':' or ';',
// an optional '-' nose, a mouth of ) ( D P p o / |) that stands alone: white
// space (or the text's start) before it, and white space, the end or
// punctuation after it. It returns the end or -1.
func scanEmoticon(text string, i int) int {
	if i > 0 && !isSpaceByte(text[i-1]) {
		return -1
	}
	j := i + 1
	if j < len(text) && (text[j] == '-' || text[j] == '\'') {
		j++
	}
	if j >= len(text) {
		return -1
	}
	switch text[j] {
	case ')', '(', 'D', 'P', 'p', '/', '|', ']', '[':
	default:
		return -1
	}
	j++
	for j < len(text) && (text[j] == ')' || text[j] == '(') && text[j] == text[j-1] {
		j++
	}
	if j < len(text) {
		c := text[j]
		if !isSpaceByte(c) && c != '.' && c != ',' && c != '!' && c != '?' {
			return -1
		}
	}
	return j
}

// isEmoticon reports whether a Symbol token is an emoticon such as ";-)".
func isEmoticon(s string) bool {
	return len(s) >= 2 && (s[0] == ':' || s[0] == ';')
}

// scanGenderMarker recognises "(m/w/d)" and its variants: 2 to 4 single
// letters from m, w, d, f, x, i separated by '/', in parentheses.
func scanGenderMarker(text string, i int) int {
	j := i + 1
	n := 0
	for {
		if j >= len(text) {
			return -1
		}
		switch text[j] {
		case 'm', 'w', 'd', 'f', 'x', 'i', 'M', 'W', 'D', 'F', 'X', 'I':
		default:
			return -1
		}
		j++
		n++
		if j >= len(text) {
			return -1
		}
		if text[j] == ')' {
			if n < 2 {
				return -1
			}
			return j + 1
		}
		if text[j] != '/' || n >= 4 {
			return -1
		}
		j++
	}
}

// scanHandle scans "@name" or "#name" (name: letters, digits, '_'; a
// hashtag needs at least one letter). It returns -1 if there is none.
func scanHandle(text string, i int) int {
	j := i + 1
	letter := false
	for j < len(text) {
		c := text[j]
		if c < utf8.RuneSelf {
			k := asciiClass[c]
			if k == cUpper || k == cLower || c == '_' {
				letter = true
				j++
				continue
			}
			if k == cDigit {
				j++
				continue
			}
			break
		}
		r, w := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		letter = true
		j += w
	}
	if j == i+1 || (!letter && text[i] == '#') {
		return -1
	}
	if text[i] == '@' && i > 0 && isAlnumByte(text[i-1]) {
		return -1
	}
	return j
}

// scanWord scans a word or number starting with a letter or digit at text[i].
func scanWord(text string, i int) (int, Kind) {
	c := text[i]
	if (c == 'h' || c == 'H' || c == 'w' || c == 'W' || c == 'f' || c == 'F') && i+4 < len(text) && (text[i+1]|0x20 == 't' || text[i+1]|0x20 == 'w') {
		// every scheme and "www." has 't' or 'w' second
		if e := scanURL(text, i); e > i {
			return e, URL
		}
	}
	j := i
	letters := false
	digitsOnly := true // only digits and number separators so far
	asciiOnly := true
	for {
		// a run of word characters
		for j < len(text) {
			c := text[j]
			if c < utf8.RuneSelf {
				// ASCII fast loop: eight bytes at a time, then one table
				// lookup per byte for the last few bytes of the text
				var acc uint8
				for j+8 <= len(text) {
					b := text[j : j+8]
					x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
						uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
					letter, stop := alnum8(x)
					if stop == 0 {
						if letter != 0 {
							acc = wbLetter
						}
						j += 8
						continue
					}
					n := bits.TrailingZeros64(stop) // 8 * the number of word bytes, + 7
					if letter&(1<<n-1) != 0 {
						acc = wbLetter
					}
					j += n >> 3
					goto runEnd
				}
				for j < len(text) {
					f := wordByte[text[j]]
					if f == 0 {
						break
					}
					acc |= f
					j++
				}
			runEnd:
				if acc&wbLetter != 0 {
					letters = true
					digitsOnly = false
				}
				if j < len(text) && text[j] >= utf8.RuneSelf {
					continue
				}
				break
			}
			if c == 0xC3 && j+1 < len(text) && text[j+1] >= 0x80 && text[j+1] <= 0xBF && text[j+1] != 0x97 && text[j+1] != 0xB7 {
				// Latin-1 letters À-ÿ (ä ö ü ß …) except × and ÷
				asciiOnly = false
				letters = true
				digitsOnly = false
				j += 2
				continue
			}
			r, w := utf8.DecodeRuneInString(text[j:])
			if (r == utf8.RuneError && w <= 1) || !wordRune(r) {
				break
			}
			asciiOnly = false
			if !unicode.IsDigit(r) {
				letters = true
				digitsOnly = false
			}
			j += w
		}
		if j >= len(text) {
			break
		}
		// a connector inside the word?
		c := text[j]
		if c == ' ' {
			// the common end: no connector, e-mail, abbreviation or ordinal
			if digitsOnly && !letters {
				return j, Number
			}
			return j, Word
		}
		prevDigit := j > i && isDigitAt(text, j-1)
		if h := hyphenAt(text, j); h > 0 {
			if ok, _ := alnumAt(text, j+h); ok {
				j += h
				continue
			}
			if truncatedHyphen(text, j+h) && letters {
				j += h
			}
			break
		}
		switch c {
		case '.':
			if prevDigit && isDigitAt(text, j+1) {
				// 1.000, 12.04.2016, and versions: Web2.0, R2.5
				j++
				continue
			}
			if e := scanDottedAbbrev(text, i, j); e > j {
				return e, Word
			}
		case ',':
			if prevDigit && isDigitAt(text, j+1) && digitsOnly {
				j++
				continue
			}
		case ':':
			if prevDigit && digitsOnly && isDigitAt(text, j+1) && isDigitAt(text, j+2) {
				j++
				continue
			}
			if e := genderSuffix(text, j); e > j && letters {
				j = e
				continue
			}
		case '*', '_', '/':
			if e := genderSuffix(text, j); e > j && letters {
				j = e
				continue
			}
			if c == '/' && j+1 < len(text) && text[j+1] == '-' {
				// "Mitarbeiter/-innen"
				if e := genderSuffix(text, j+1); e > j && letters {
					j = e
					continue
				}
			}
		case '(':
			if e := optionalSuffix(text, j); e > j && letters {
				j = e
				continue
			}
		case '\'':
			if letters && letterAt(text, j+1) {
				j++
				continue
			}
		case 0xE2: // ’ U+2019 as apostrophe between letters
			if letters && j+2 < len(text) && text[j+1] == 0x80 && text[j+2] == 0x99 && letterAt(text, j+3) {
				j += 3
				continue
			}
		case '&':
			if j > i && 'A' <= text[j-1] && text[j-1] <= 'Z' && j+1 < len(text) && 'A' <= text[j+1] && text[j+1] <= 'Z' {
				j++
				continue
			}
		}
		break
	}
	end := j
	if end < len(text) && asciiOnly {
		switch text[end] {
		case '@', '.', '_', '%', '+', '-':
			if e := scanEmail(text, i); e > i {
				return e, Email
			}
		}
	}
	kind := Word
	if digitsOnly && !letters {
		kind = Number
	}
	if end < len(text) && text[end] == '.' && (end+1 >= len(text) || text[end+1] != '.') {
		word := text[i:end]
		if kind == Word {
			if e := bareDomain(text, i, end); e > end {
				return e, URL
			}
			if isAbbrev(word) || singleLetter(word) {
				return end + 1, Word
			}
		} else if isOrdinal(text, i, end) {
			return end + 1, Number
		}
	}
	return end, kind
}

// singleLetter reports whether w is one letter (an initial such as "J.").
func singleLetter(w string) bool {
	if len(w) == 1 {
		return true
	}
	if w == "" || w[0] < utf8.RuneSelf {
		return false
	}
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsLetter(r)
}

// truncatedHyphen reports whether a hyphen ending at text[j] is the
// truncation hyphen of a coordination ("Ein- und Ausfuhr", "Software-,").
func truncatedHyphen(text string, j int) bool {
	if j >= len(text) {
		return false
	}
	if text[j] == ',' || text[j] == '/' {
		return true
	}
	if text[j] != ' ' {
		return false
	}
	rest := text[j+1:]
	for _, w := range [...]string{"und ", "oder ", "bzw. ", "sowie ", "bis ", "als auch ", "noch "} {
		if len(rest) >= len(w) && rest[:len(w)] == w {
			return true
		}
	}
	return false
}

// genderSuffix recognises a gender star, colon, underscore or slash followed
// by "in"/"innen" (lower case) at text[j]; it returns the end or -1.
func genderSuffix(text string, j int) int {
	k := j + 1
	if k+2 > len(text) || text[k] != 'i' || text[k+1] != 'n' {
		return -1
	}
	e := k + 2
	if e+3 <= len(text) && text[e:e+3] == "nen" {
		e += 3
	}
	if letterAt(text, e) {
		return -1
	}
	return e
}

// optionalSuffix recognises an optional ending in parentheses written
// right after a word: one to five lower-case ASCII letters, as in
// "Beauftragte(r)", "Ingenieur(in)", "Kolleg(inn)en", "Funktion(en)". It
// returns the end or -1.
func optionalSuffix(text string, j int) int {
	k := j + 1
	for k < len(text) && k-j <= 6 && asciiClass[text[k]] == cLower {
		k++
	}
	if k == j+1 || k-j > 6 || k >= len(text) || text[k] != ')' {
		return -1
	}
	return k + 1
}

// scanDottedAbbrev recognises dotted abbreviations without spaces ("z.B.",
// "d.h.", "B.Sc.", "U.S.", "Ph.D."): one to three letters, a period, again,
// at least twice, ending with a period. The word starts at i, the first
// period is at j. It returns the end or -1.
func scanDottedAbbrev(text string, i, j int) int {
	if j-i > 3 || j == i {
		return -1
	}
	for k := i; k < j; k++ {
		if asciiClass[text[k]] != cUpper && asciiClass[text[k]] != cLower {
			return -1
		}
	}
	k := j + 1
	parts := 1
	for {
		s := k
		for k < len(text) && k-s <= 3 && (asciiClass[text[k]] == cUpper || asciiClass[text[k]] == cLower) {
			k++
		}
		if k == s || k-s > 3 || k >= len(text) || text[k] != '.' {
			break
		}
		k++
		parts++
		if letterAt(text, k) && parts < 6 {
			continue
		}
		if parts >= 2 {
			return k
		}
		break
	}
	return -1
}

// scanURL scans a URL starting with a scheme or "www." at text[i]; -1 if none.
func scanURL(text string, i int) int {
	rest := text[i:]
	n := 0
	switch {
	case hasPrefixFold(rest, "https://"):
		n = 8
	case hasPrefixFold(rest, "http://"):
		n = 7
	case hasPrefixFold(rest, "ftp://"):
		n = 6
	case hasPrefixFold(rest, "www."):
		n = 4
	default:
		return -1
	}
	j := i + n
	if ok, _ := alnumAt(text, j); !ok {
		return -1
	}
	depth := 0
	for j < len(text) {
		c := text[j]
		if c < utf8.RuneSelf {
			if asciiClass[c] == cSpace || c < 0x20 || c == '"' || c == '<' || c == '>' || c == '`' || c == '\'' {
				break
			}
			if c == '(' {
				depth++
			} else if c == ')' {
				if depth == 0 {
					break
				}
				depth--
			}
			j++
			continue
		}
		r, w := utf8.DecodeRuneInString(text[j:])
		if (r == utf8.RuneError && w <= 1) || unicode.IsSpace(r) || !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)) {
			break
		}
		j += w
	}
	// trailing punctuation belongs to the sentence
	for j > i+n {
		switch text[j-1] {
		case '.', ',', ';', ':', '!', '?':
			j--
			continue
		}
		break
	}
	return j
}

func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for k := 0; k < len(prefix); k++ {
		c := s[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[k] {
			return false
		}
	}
	return true
}

// scanEmail scans an e-mail address starting at text[i]; -1 if none.
func scanEmail(text string, i int) int {
	j := i
	for j < len(text) && j-i <= 64 {
		c := text[j]
		if isAlnumByte(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' {
			j++
			continue
		}
		break
	}
	if j == i || j-i > 64 || j >= len(text) || text[j] != '@' || text[j-1] == '.' {
		return -1
	}
	j++
	dom := j
	lastDot := -1
	for j < len(text) && j-dom <= 253 {
		c := text[j]
		if isAlnumByte(c) || c == '-' {
			j++
			continue
		}
		if c == '.' && j+1 < len(text) && isAlnumByte(text[j+1]) && text[j-1] != '.' {
			lastDot = j
			j++
			continue
		}
		break
	}
	if lastDot < 0 || j == dom || j-lastDot-1 < 2 {
		return -1
	}
	for k := lastDot + 1; k < j; k++ {
		if asciiClass[text[k]] != cLower && asciiClass[text[k]] != cUpper {
			return -1
		}
	}
	return j
}

// bareDomain recognises "name.tld" (and "sub.name.tld") with a common
// lower-case top-level domain, where the word text[i:end] is followed by
// '.'; it returns the end or -1.
func bareDomain(text string, i, end int) int {
	for k := i; k < end; k++ {
		c := text[k]
		if !isAlnumByte(c) && c != '-' {
			return -1
		}
	}
	if end-i > 63 {
		return -1
	}
	j := end
	last := -1
	for labels := 0; j < len(text) && text[j] == '.' && labels < 6; labels++ {
		s := j + 1
		k := s
		for k < len(text) && k-s <= 63 && (isAlnumByte(text[k]) || text[k] == '-') {
			k++
		}
		if k == s || k-s > 63 {
			break
		}
		last = s
		j = k
	}
	if last < 0 {
		return -1
	}
	if ok, _ := alnumAt(text, j); ok {
		return -1
	}
	switch text[last:j] {
	case "de", "at", "ch", "com", "org", "net", "eu", "io", "info", "gov", "edu", "ai", "fr", "uk", "it", "nl", "cn", "us":
		return j
	}
	return -1
}
