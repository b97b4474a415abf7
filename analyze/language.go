package analyze

// Language detection: ratios of very frequent function words in the first
// few kilobytes. The word lists are our own, short and unambiguous between
// German and English.

const langWindow = 4096

var deFunction = map[string]bool{
	"der": true, "die": true, "das": true, "und": true, "ist": true, "nicht": true, "ein": true, "eine": true,
	"mit": true, "von": true, "zu": true, "den": true, "im": true, "für": true, "auf": true, "des": true,
	"dem": true, "sich": true, "auch": true, "es": true, "werden": true, "wird": true, "hat": true,
	"sind": true, "nach": true, "bei": true, "aus": true, "wie": true, "noch": true, "nur": true, "oder": true,
	"aber": true, "über": true, "dass": true, "einen": true, "einer": true, "sie": true, "wurde": true, "vor": true,
	"zum": true, "zur": true, "haben": true, "sei": true, "kann": true, "ihre": true, "seine": true,
}

var enFunction = map[string]bool{
	"the": true, "and": true, "is": true, "are": true, "of": true, "to": true, "that": true, "it": true,
	"for": true, "with": true, "as": true, "was": true, "on": true, "be": true, "by": true, "this": true,
	"from": true, "at": true, "have": true, "has": true, "not": true, "or": true, "which": true,
	"will": true, "would": true, "their": true, "they": true, "its": true, "were": true, "been": true, "said": true,
	"but": true, "who": true, "more": true, "than": true, "after": true, "about": true, "can": true,
}

// langWords holds the function words of both lists packed into a uint64
// (little-endian bytes; every word has at most 8 bytes), in an
// open-addressing table: the detector looks up every word of the window,
// and a packed key is compared in one instruction.
var langWords = func() *[256]langSlot {
	t := new([256]langSlot)
	add := func(m map[string]bool, flag uint8) {
		for w := range m {
			k := packWord(w)
			j := langHash(k)
			for t[j].key != 0 && t[j].key != k {
				j = (j + 1) & 255
			}
			t[j].key = k
			t[j].flags |= flag
		}
	}
	add(deFunction, langDE)
	add(enFunction, langEN)
	return t
}()

type langSlot struct {
	key   uint64
	flags uint8
}

const (
	langDE = 1 << iota
	langEN
)

func packWord(w string) uint64 {
	var k uint64
	for i := 0; i < len(w) && i < 8; i++ {
		k |= uint64(w[i]) << (8 * i)
	}
	return k
}

func langHash(k uint64) uint32 { return uint32((k * 0x9e3779b97f4a7c15) >> 56) }

// langFlags returns the lists that hold the packed word k.
func langFlags(k uint64) uint8 {
	for j := langHash(k); ; j = (j + 1) & 255 {
		s := &langWords[j]
		if s.key == k {
			return s.flags
		}
		if s.key == 0 {
			return 0
		}
	}
}

// detectLanguage returns "de", "en", or "" (other). Texts with too few
// words to tell are taken as German.
func detectLanguage(text string) string {
	if len(text) > langWindow {
		text = text[:langWindow]
	}
	words, de, en := 0, 0, 0
	for i := 0; i < len(text); {
		if letterLower[text[i]] == 0 {
			i++
			continue
		}
		j := i
		var k uint64 // the first 8 bytes, lower-cased
		for j < len(text) {
			b := letterLower[text[j]]
			if b == 0 {
				break
			}
			if n := j - i; n < 8 {
				k |= uint64(b) << (8 * n)
			}
			j++
		}
		long := j-i > 8 // longer than every function word
		i = j
		words++
		if long {
			continue
		}
		// Ü in "Über" is two bytes starting 0xC3 0x9C; lower it for the lookup
		if k&0xFFFF == 0x9CC3 {
			k = k&^0xFF00 | 0xBC00
		}
		f := langFlags(k)
		if f&langDE != 0 {
			de++
		}
		if f&langEN != 0 {
			en++
		}
	}
	if words < 20 {
		if en > de && en*4 >= words && words >= 6 {
			return "en"
		}
		return "de"
	}
	switch {
	case de >= en && de*100 >= words*6:
		return "de"
	case en > de && en*100 >= words*6:
		return "en"
	}
	return ""
}

// letterLower maps the letter bytes (see isLetterByte) to their lower case
// (ASCII) or themselves, other bytes to 0: one load per byte of the window.
var letterLower = func() (t [256]byte) {
	for c := range 256 {
		b := byte(c)
		if isLetterByte(b) {
			if 'A' <= b && b <= 'Z' {
				b += 'a' - 'A'
			}
			t[c] = b
		}
	}
	return t
}()

// isLetterByte reports ASCII letters and the bytes of multi-byte UTF-8
// sequences (so that umlaut words stay whole).
func isLetterByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}
