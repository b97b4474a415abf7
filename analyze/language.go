package analyze

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// The language guard decides, before any stage runs, whether a text can be
// analysed and as what:
//
//  1. Bytes that are not text (a binary file's magic number, a NUL byte,
//     a high share of control characters and invalid UTF-8) give
//     ErrNotText.
//  2. The writing system: a text whose letters are mostly not Latin (Han,
//     Cyrillic, Arabic …) is neither German nor English, however short.
//     So is a text without letters.
//  3. Function words: ratios of very frequent German, English and other
//     European function words among the first words. A text with too few
//     words to tell is taken as German unless it has English or other
//     function words enough to say otherwise.
//
// The word lists are our own, short and unambiguous between the languages.

const (
	// langWindowBytes and langWindowWords bound the part of a text the
	// function-word step reads: the first langWindowWords words, within
	// the first langWindowBytes bytes.
	langWindowBytes = 64 << 10
	langWindowWords = 600
	// notTextShare is the share of bytes that are control characters or
	// invalid UTF-8 from which a text is not text (Latin-1 German has
	// about 2%, random bytes about 60%).
	notTextShare = 0.10
)

var deFunction = map[string]bool{
	"der": true, "die": true, "das": true, "und": true, "ist": true, "nicht": true, "ein": true, "eine": true,
	"mit": true, "von": true, "zu": true, "den": true, "im": true, "für": true, "auf": true, "des": true,
	"dem": true, "sich": true, "auch": true, "es": true, "werden": true, "wird": true, "hat": true,
	"sind": true, "nach": true, "bei": true, "aus": true, "wie": true, "noch": true, "nur": true, "oder": true,
	"aber": true, "über": true, "dass": true, "einen": true, "einer": true, "sie": true, "wurde": true, "vor": true,
	"zum": true, "zur": true, "haben": true, "sei": true, "kann": true, "ihre": true, "seine": true,
	"gegen": true, "um": true, "am": true, "als": true, "bis": true, "durch": true, "unter": true,
	"wegen": true, "seit": true, "vom": true, "beim": true, "ins": true, "hatte": true, "worden": true,
	"wir": true, "er": true, "ich": true, "keine": true, "diese": true, "dieser": true, "wenn": true,
	"weil": true, "damit": true, "doch": true, "sowie": true, "soll": true, "ihr": true, "ihren": true,
}

var enFunction = map[string]bool{
	"the": true, "and": true, "is": true, "are": true, "of": true, "to": true, "that": true, "it": true,
	"for": true, "with": true, "as": true, "was": true, "on": true, "be": true, "by": true, "this": true,
	"from": true, "at": true, "have": true, "has": true, "not": true, "or": true, "which": true,
	"will": true, "would": true, "their": true, "they": true, "its": true, "were": true, "been": true, "said": true,
	"but": true, "who": true, "more": true, "than": true, "after": true, "about": true, "can": true,
}

// otherFunction holds very frequent function words of other European
// languages written in Latin script (French, Spanish, Italian, Portuguese,
// Dutch, Polish, Czech, Turkish, Scandinavian), none of them a German or
// English word: they tell such a text from a German one when it is short.
var otherFunction = map[string]bool{
	// French
	"le": true, "la": true, "les": true, "et": true, "est": true, "une": true, "dans": true, "pour": true,
	"pas": true, "qui": true, "que": true, "au": true, "avec": true, "sur": true, "nous": true,
	"sont": true, "mais": true, "été": true, "cette": true,
	// Spanish
	"el": true, "del": true, "por": true, "con": true, "una": true, "para": true,
	"como": true, "pero": true, "más": true, "está": true,
	// Italian
	"il": true, "di": true, "che": true, "della": true, "sono": true, "gli": true, "nel": true,
	"anche": true, "questo": true, "è": true,
	// Portuguese
	"não": true, "uma": true, "em": true, "dos": true, "ao": true,
	"também": true,
	// Dutch
	"het": true, "een": true, "niet": true, "zijn": true, "voor": true, "ook": true, "maar": true,
	"heeft": true, "wordt": true, "deze": true,
	// Polish, Czech
	"się": true, "jest": true, "że": true, "oraz": true, "jak": true, "jsou": true,
	"který": true, "byl": true, "na": true, "dla": true, "przez": true, "aby": true, "jako": true,
	"od": true, "po": true, "ze": true,
	// Turkish
	"ve": true, "bir": true, "bu": true, "için": true, "ile": true, "olarak": true, "daha": true,
	// Swedish, Danish, Norwegian
	"och": true, "att": true, "är": true, "det": true, "som": true, "på": true, "og": true, "ikke": true,
	"til": true, "af": true,
}

// langWords holds the function words of all lists packed into a uint64
// (little-endian bytes; every word has at most 8 bytes), in an
// open-addressing table: the detector looks up every word of the window,
// and a packed key is compared in one instruction.
var langWords = func() *[512]langSlot {
	t := new([512]langSlot)
	add := func(m map[string]bool, flag uint8) {
		for w := range m {
			k := packWord(w)
			j := langHash(k)
			for t[j].key != 0 && t[j].key != k {
				j = (j + 1) & uint32(len(t)-1)
			}
			t[j].key = k
			t[j].flags |= flag
		}
	}
	add(deFunction, langDE)
	add(enFunction, langEN)
	add(otherFunction, langOther)
	return t
}()

type langSlot struct {
	key   uint64
	flags uint8
}

const (
	langDE = 1 << iota
	langEN
	langOther
)

func packWord(w string) uint64 {
	var k uint64
	for i := 0; i < len(w) && i < 8; i++ {
		k |= uint64(w[i]) << (8 * i)
	}
	return k
}

func langHash(k uint64) uint32 { return uint32((k * 0x9e3779b97f4a7c15) >> 55) }

// langFlags returns the lists that hold the packed word k.
func langFlags(k uint64) uint8 {
	for j := langHash(k); ; j = (j + 1) & (uint32(len(langWords)) - 1) {
		s := &langWords[j]
		if s.key == k {
			return s.flags
		}
		if s.key == 0 {
			return 0
		}
	}
}

// scripts are the writing systems the guard names; a letter in none of
// them and not Latin counts as "other".
var scripts = [...]struct {
	name  string
	table *unicode.RangeTable
}{
	{"Han", unicode.Han}, {"Hiragana", unicode.Hiragana}, {"Katakana", unicode.Katakana},
	{"Hangul", unicode.Hangul}, {"Cyrillic", unicode.Cyrillic}, {"Arabic", unicode.Arabic},
	{"Hebrew", unicode.Hebrew}, {"Greek", unicode.Greek}, {"Devanagari", unicode.Devanagari},
	{"Thai", unicode.Thai}, {"Armenian", unicode.Armenian}, {"Georgian", unicode.Georgian},
	{"Bengali", unicode.Bengali}, {"Tamil", unicode.Tamil}, {"Ethiopic", unicode.Ethiopic},
}

// scriptLatin and scriptOther are the indices of Latin and of the
// unnamed scripts in langStats.script, beside those of scripts.
const (
	scriptLatin = len(scripts)
	scriptOther = len(scripts) + 1
)

// scriptOf returns the index of the script of letter r.
func scriptOf(r rune) int {
	if r < 0x250 || unicode.Is(unicode.Latin, r) {
		return scriptLatin // ASCII, Latin-1 and Latin Extended A/B: all letters there are Latin
	}
	for k, s := range scripts {
		if unicode.Is(s.table, r) {
			return k
		}
	}
	return scriptOther
}

func scriptName(k int) string {
	switch k {
	case scriptLatin:
		return "Latin"
	case scriptOther:
		return "non-Latin"
	}
	return scripts[k].name
}

// langStats are the counts the guard decides on.
type langStats struct {
	letters   int                   // letters (runes) in the window
	script    [len(scripts) + 2]int // letters by script index
	words     int                   // Latin words of at most maxLangWord bytes
	de, en, o int                   // words in each function-word list
}

// maxLangWord is the longest run of letters, in bytes, that counts as a
// word: a longer one is no word of any language (and is skipped cheaply).
const maxLangWord = 64

// detectLanguage returns "de", "en", or "" (unsupported).
func detectLanguage(text string) string {
	lang, _ := identifyLanguage(text)
	return lang
}

// identifyLanguage returns "de" or "en", or "" and the reason the text is
// neither, for the error message.
func identifyLanguage(text string) (lang, reason string) {
	st := scanLanguage(text)
	if st.letters == 0 {
		return "", "no letters"
	}
	if latin := st.script[scriptLatin]; latin*2 < st.letters {
		top := 0
		for k := range st.script {
			if k != scriptLatin && st.script[k] > st.script[top] {
				top = k
			}
		}
		return "", fmt.Sprintf("%s script", scriptName(top))
	}
	words, de, en, other := st.words, st.de, st.en, st.o
	if words < 20 {
		switch {
		case other >= 2 && other > de+en:
			return "", "function words of another language"
		case en >= 2 && en > de && en*4 >= words:
			return "en", ""
		}
		return "de", ""
	}
	switch {
	case de >= en && de >= other && de*100 >= words*6:
		return "de", ""
	case en > de && en >= other && en*100 >= words*6:
		return "en", ""
	case other > de && other > en:
		return "", "function words of another language"
	}
	return "", fmt.Sprintf("too few German or English function words (%d German, %d English among %d words)", de, en, words)
}

// scanLanguage counts the letters by script and the function words of
// the window at the start of text. A word is a run of letters (combining
// marks left out of its key, hyphens kept in: "Huawei-Chips" is one
// word); only words in a field of at most maxLangField bytes between
// white space count, so that a hostile hyphen chain or URL of kilobytes
// cannot fill the window with its parts.
func scanLanguage(text string) langStats {
	var st langStats
	if len(text) > langWindowBytes {
		text = text[:langWindowBytes]
	}
	fieldEnd, wordsOK := 0, true
	for i := 0; i < len(text) && st.words < langWindowWords; {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				i++
				continue
			}
			if i >= fieldEnd {
				fieldEnd = i + 1
				for fieldEnd < len(text) && !asciiSpace[text[fieldEnd]] {
					fieldEnd++
				}
				wordsOK = fieldEnd-i <= maxLangField
			}
			if letterLower[c] == 0 {
				i++
				continue
			}
		} else if i >= fieldEnd {
			fieldEnd = i + 1
			for fieldEnd < len(text) && !asciiSpace[text[fieldEnd]] {
				fieldEnd++
			}
			wordsOK = fieldEnd-i <= maxLangField
		}
		// a run of letters, combining marks and inner hyphens from i
		j := i
		var k uint64 // the first 8 bytes of its letters, lower-cased
		kn := 0      // bytes of letters in the run
		script := -1
		ext := false // a letter of Latin Extended: ł ş ř ő ș ư …
		ascii := 0   // ASCII letters of the run, counted at its end
		if c < utf8.RuneSelf {
			script = scriptLatin
		}
		for j < len(text) {
			c := text[j]
			if c < utf8.RuneSelf {
				b := letterLower[c]
				if b == 0 {
					if c == '-' && j > i && j+1 < len(text) && letterLower[text[j+1]] != 0 {
						kn += 9 // a compound: longer than every function word
						j++
						continue
					}
					break
				}
				if kn < 8 {
					k |= uint64(b) << (8 * kn)
				}
				kn++
				ascii++
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[j:])
			if unicode.IsMark(r) {
				j += n
				continue
			}
			if !unicode.IsLetter(r) {
				break
			}
			sc := scriptOf(r)
			ext = ext || 0x100 <= r && r < 0x250 || 0x1E00 <= r && r < 0x1F00
			st.letters++
			st.script[sc]++
			if script < 0 {
				script = sc
			}
			for x := 0; x < n; x++ {
				b := text[j+x]
				// Latin-1 capitals (0xC3 0x80-0x9E, not ×) to lower case: "Über"
				if x == 1 && text[j] == 0xC3 && b >= 0x80 && b <= 0x9E && b != 0x97 {
					b += 0x20
				}
				if kn < 8 {
					k |= uint64(b) << (8 * kn)
				}
				kn++
			}
			j += n
		}
		st.letters += ascii
		st.script[scriptLatin] += ascii
		if j == i { // a character that is neither letter nor mark
			_, n := utf8.DecodeRuneInString(text[i:])
			i += n
			continue
		}
		i = j
		if !wordsOK || kn > maxLangWord || script != scriptLatin {
			continue
		}
		st.words++
		var f uint8
		if kn <= 8 { // longer than every function word otherwise
			f = langFlags(k)
		}
		if f&langDE != 0 {
			st.de++
		}
		if f&langEN != 0 {
			st.en++
		}
		// Polish, Czech, Turkish, Hungarian, Romanian, Vietnamese … write
		// letters German and English have not (in German text they occur
		// only in names: Erdoğan, Gdańsk)
		if f&langOther != 0 || ext {
			st.o++
		}
	}
	return st
}

// maxLangField is the longest run of bytes between white space in which
// the guard counts words.
const maxLangField = 256

// asciiSpace flags the ASCII white-space bytes.
var asciiSpace = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, '\v': true, '\f': true}

// letterLower maps the ASCII letters to their lower case, other bytes to
// 0: one load per byte of the window.
var letterLower = func() (t [256]byte) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = byte(c)
		t[c-'a'+'A'] = byte(c)
	}
	return t
}()
