package german

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	snowballgerman "github.com/blevesearch/snowballstem/german"
)

// Lower returns word in Unicode lower case. Already lower-case ASCII is
// returned as is, without allocation.
func Lower(word string) string {
	i := 0
	for ; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(word)
		}
		if 'A' <= c && c <= 'Z' {
			break
		}
	}
	if i == len(word) {
		return word
	}
	for j := i; j < len(word); j++ {
		if word[j] >= utf8.RuneSelf {
			return strings.ToLower(word)
		}
	}
	var b strings.Builder // one allocation: the result's bytes
	b.Grow(len(word))
	b.WriteString(word[:i])
	for j := i; j < len(word); j++ {
		c := word[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// AppendLower appends the lower-cased form of s to dst and returns the
// extended slice, as Lower does but into a caller-owned buffer, so that hot
// loops lower words without allocating. ASCII is lowered byte by byte, other
// runes with unicode.ToLower; bytes of invalid UTF-8 are copied unchanged, so
// the result has as many invalid bytes as s.
func AppendLower(dst []byte, s string) []byte {
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
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			dst = append(dst, c)
			i++
			continue
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += n
	}
	return dst
}

// Stem lower-cases word and stems it with the Snowball German algorithm (the
// classic 2015 version as implemented by blevesearch/snowballstem/german):
// "Abhängigkeiten" -> "abhang", "Modells" -> "modell". ß becomes "ss" and
// umlauts lose their dots, as the algorithm says. A hyphenated compound is
// stemmed as one word ("Huawei-Chips" -> "huawei-chips"); stem the
// Token.Parts to match its parts.
//
// A word of more than MaxStemRunes runes (a byte of invalid UTF-8 counts as
// one) is not stemmed: Stem returns it lower-cased. No German word is that
// long, and the reference algorithm's cost grows with the square of the
// word's length, so that one hostile "word" of a megabyte would otherwise
// take minutes.
//
// Stem runs a port of the algorithm on a stack buffer (see snowball.go),
// checked word for word against blevesearch/snowballstem; it allocates
// nothing when the stem is a prefix of the lower-cased word (no ß or
// umlaut) and the word was lower case already.
func Stem(word string) string {
	if st, ok := stemFast(word); ok {
		return st
	}
	if tooLongToStem(word) {
		return Lower(word)
	}
	return stemReference(Lower(word))
}

// MaxStemRunes is the length in runes of the longest word Stem stems
// (64: "Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz"
// has 63 letters).
const MaxStemRunes = 64

// tooLongToStem reports whether word has more than MaxStemRunes runes,
// counting each invalid byte as one, without reading past the limit.
func tooLongToStem(word string) bool {
	if len(word) <= MaxStemRunes {
		return false
	}
	if len(word) > utf8.UTFMax*MaxStemRunes {
		return true
	}
	return utf8.RuneCountInString(word) > MaxStemRunes
}

// stemReference stems the lower-case word w with
// blevesearch/snowballstem/german.
func stemReference(w string) string {
	env := envPool.Get().(*snowballstem.Env)
	env.SetCurrent(w)
	snowballgerman.Stem(env)
	out := env.Current()
	env.SetCurrent("")
	envPool.Put(env)
	return out
}

// envPool holds Snowball environments for reuse (stateless between calls:
// SetCurrent resets every field).
var envPool = sync.Pool{New: func() any { return snowballstem.NewEnv("") }}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
