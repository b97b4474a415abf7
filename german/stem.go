package german

import (
	"strings"
	"sync"
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
//
// Words that cannot lose a suffix (too short for the R1 region, or not
// ending in a letter that ends a Snowball suffix) take a fast path that
// applies only the algorithm's character mapping; the result is the same.
func Stem(word string) string {
	w := Lower(word)
	if len(w) == 0 {
		return w
	}
	if len(w) <= 3 && isASCII(w) {
		// R1 starts at the 3rd letter at the earliest: nothing to remove.
		return w
	}
	switch w[len(w)-1] {
	case 'm', 'n', 'r', 'e', 's', 't', 'd', 'g', 'k', 'h':
		// a suffix may end here: run the algorithm
	default:
		return mapChars(w)
	}
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

// mapChars applies what the algorithm does to every word outside its suffix
// steps: ß -> ss, ä ö ü -> a o u. It returns w itself when nothing changes.
func mapChars(w string) string {
	i := 0
	for ; i < len(w); i++ {
		if w[i] == 0xC3 && i+1 < len(w) {
			if c := w[i+1]; c == 0x9F || c == 0xA4 || c == 0xB6 || c == 0xBC {
				break
			}
		}
	}
	if i == len(w) {
		return w
	}
	b := make([]byte, 0, len(w)+2)
	b = append(b, w[:i]...)
	for ; i < len(w); i++ {
		c := w[i]
		if c == 0xC3 && i+1 < len(w) {
			switch w[i+1] {
			case 0x9F:
				b = append(b, 's', 's')
				i++
				continue
			case 0xA4:
				b = append(b, 'a')
				i++
				continue
			case 0xB6:
				b = append(b, 'o')
				i++
				continue
			case 0xBC:
				b = append(b, 'u')
				i++
				continue
			}
		}
		b = append(b, c)
	}
	return string(b)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
