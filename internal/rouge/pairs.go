package rouge

import (
	"github.com/techschau/techschau/german"
	"regexp"
	"strings"
)

// Pair is one summarisation test case made from a news article whose body
// starts with a dateline: the editor's teaser before the dateline is the
// reference, the text from the dateline on is the input.
type Pair struct {
	Reference string // the teaser
	Input     string // from the dateline on
	Dateline  int    // bytes of Input that belong to the dateline ("Wien – ")
}

// datelineWithin bounds where a dateline may start, in runes.
const datelineWithin = 600

// dateline: a capitalised place (one or two words, several joined by '/'),
// an optional parenthesised agency, then an en dash or hyphen; it must start
// the text or follow the end of the teaser's last sentence.
var dateline = regexp.MustCompile(`(?:^|[.!?:"'“”»«)]\s+)((` + place + `(?:\s?/\s?` + place + `)*)` +
	`(?:\s\([^()]{1,40}\))?` +
	`\s+[–-]\s+)`)

// place is one place name: one or two capitalised words ("Wien", "New
// York", "Stoke-on-Trent"), optionally after "St. ".
const place = `(?:St\.\s?)?\p{Lu}[\p{L}\-]*(?:\s\p{Lu}[\p{L}\-]*)?`

// notPlaces are capitalised words that start a sentence followed by a dash
// without being a place.
var notPlaces = map[string]bool{
	"Januar": true, "Februar": true, "März": true, "April": true, "Mai": true, "Juni": true, "Juli": true,
	"August": true, "September": true, "Oktober": true, "November": true, "Dezember": true,
}

// TeaserPair splits an article into a Pair. ok is false when no dateline
// starts within the first 600 characters or the teaser before it is empty.
func TeaserPair(text string) (p Pair, ok bool) {
	head := text
	if n := byteIndexOfRune(text, datelineWithin); n >= 0 {
		head = text[:n]
	}
	m := dateline.FindStringSubmatchIndex(head)
	if m == nil {
		return Pair{}, false
	}
	start, end := m[2], m[3]
	for part := range strings.SplitSeq(text[m[4]:m[5]], "/") {
		for w := range strings.FieldsSeq(part) {
			if notPlaces[w] || german.IsStopWord(german.Lower(w)) || w == "Allein" {
				return Pair{}, false
			}
		}
	}
	ref := strings.TrimSpace(text[:start])
	if ref == "" {
		return Pair{}, false
	}
	return Pair{Reference: ref, Input: text[start:], Dateline: end - start}, true
}

// byteIndexOfRune returns the byte offset of the n-th rune, or -1 when text
// has fewer runes.
func byteIndexOfRune(text string, n int) int {
	i := 0
	for pos := range text {
		if i == n {
			return pos
		}
		i++
	}
	return -1
}
