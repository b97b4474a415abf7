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

// detectLanguage returns "de", "en", or "" (other). Texts with too few
// words to tell are taken as German.
func detectLanguage(text string) string {
	if len(text) > langWindow {
		text = text[:langWindow]
	}
	var buf [24]byte
	words, de, en := 0, 0, 0
	for i := 0; i < len(text); {
		c := text[i]
		if !isLetterByte(c) {
			i++
			continue
		}
		j := i
		n := 0
		long := false
		for j < len(text) && isLetterByte(text[j]) {
			if n < len(buf) {
				b := text[j]
				if b >= 'A' && b <= 'Z' {
					b += 'a' - 'A'
				}
				buf[n] = b
				n++
			} else {
				long = true
			}
			j++
		}
		i = j
		words++
		if long {
			continue
		}
		w := buf[:n]
		// Ü in "Über" is two bytes starting 0xC3 0x9C; lower it for the lookup
		if n >= 2 && w[0] == 0xC3 && w[1] == 0x9C {
			w[1] = 0xBC
		}
		if deFunction[string(w)] {
			de++
		}
		if enFunction[string(w)] {
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

// isLetterByte reports ASCII letters and the bytes of multi-byte UTF-8
// sequences (so that umlaut words stay whole).
func isLetterByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}
