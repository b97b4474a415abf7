package german

import (
	"strings"
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
	b := make([]byte, len(word))
	copy(b, word[:i])
	for j := i; j < len(word); j++ {
		c := word[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[j] = c
	}
	return string(b)
}

// Stem lower-cases word and stems it with the Snowball German algorithm (the
// classic 2015 version as implemented by blevesearch/snowballstem/german):
// "Abhängigkeiten" -> "abhang", "Modells" -> "modell". ß becomes "ss" and
// umlauts lose their dots, as the algorithm says.
func Stem(word string) string {
	w := Lower(word)
	if len(w) <= 2 && isASCII(w) {
		// Too short for R1 (which starts at the 3rd letter at the
		// earliest): the algorithm leaves it unchanged.
		return w
	}
	env := snowballstem.NewEnv(w)
	snowballgerman.Stem(env)
	return env.Current()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
