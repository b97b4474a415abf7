// Package hostile generates pathological inputs for the robustness checks of
// issue 13: long words, long lines, one huge sentence, very many tiny
// sentences, deep nesting, every Unicode script, stacked combining marks,
// long non-word tokens. Each shape is paired with ordinary German text of
// the same size, so that a test can compare costs as a ratio, which holds on
// a noisy machine where absolute times do not.
//
// All text is generated here from the team's own sentences; nothing is read
// from elsewhere. Generation is deterministic (a fixed seed per shape).
package hostile

import (
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Shape is one kind of pathological input.
type Shape struct {
	// Name is a short slug, e.g. "long-word".
	Name string
	// About says in a few words what the input looks like.
	About string
	// Accepted is true when the text is meant to pass the language guard
	// (it is mostly German, or English); the others are to be refused.
	Accepted bool
	plain    bool // no German paragraph first
	gen      func(r *rand.Rand, n int) string
}

// Text returns the shape's input of about n bytes (never more than n).
func (s Shape) Text(n int) string {
	r := rand.New(rand.NewPCG(uint64(len(s.Name)), 13))
	if !s.Accepted || s.plain {
		return cut(s.gen(r, n), n)
	}
	// a paragraph of ordinary German first, so that the language guard
	// lets the shape through to the stages under test
	head := Ordinary(min(n/4, 600)) + "\n\n"
	return cut(head+s.gen(r, n-len(head)), n)
}

// cut shortens t to at most n bytes, at a rune boundary.
func cut(t string, n int) string {
	if len(t) <= n {
		return t
	}
	for n > 0 && !utf8.RuneStart(t[n]) {
		n--
	}
	return t[:n]
}

// sentences are ordinary German tech-news sentences, written for this
// package.
var sentences = []string{
	"Die Bundesregierung fördert die Chipfertigung in Dresden mit mehreren Milliarden Euro.",
	"Huawei hat im dritten Quartal deutlich mehr Smartphones verkauft als im Vorjahr.",
	"Nach Angaben des Unternehmens verzögert sich der Bau der neuen Fabrik um mindestens zwei Jahre.",
	"Die EU-Kommission prüft, ob die Exportkontrollen der USA auch europäische Zulieferer treffen.",
	"Experten warnen vor einer wachsenden Abhängigkeit von amerikanischen Cloud-Anbietern.",
	"Der Konzern will bis 2027 eigene KI-Beschleuniger entwickeln und in Taiwan fertigen lassen.",
	"Laut dem Bericht fehlen derzeit vor allem Fachkräfte und bezahlbarer Strom.",
	"Am 1. Mai soll das neue Rechenzentrum in Frankfurt z. B. für Behörden in Betrieb gehen.",
	"Die Aktie von ASML fiel nach der Ankündigung um 3,5 Prozent.",
	"„Wir brauchen mehr digitale Souveränität“, sagte die Ministerin am Dienstag in Berlin.",
}

// Ordinary returns ordinary German text of about n bytes: the package's
// sentences in a pseudo-random order, in paragraphs of three to six.
func Ordinary(n int) string {
	r := rand.New(rand.NewPCG(1, 13))
	var b strings.Builder
	b.Grow(n + 200)
	k := 0
	for b.Len() < n {
		b.WriteString(sentences[r.IntN(len(sentences))])
		k++
		if k%(3+k%4) == 0 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return cut(b.String(), n)
}

// words returns the words of the package's sentences (punctuation
// removed).
func words() []string {
	var out []string
	for _, s := range sentences {
		for _, w := range strings.Fields(s) {
			w = strings.Trim(w, ".,„“")
			if w != "" {
				out = append(out, w)
			}
		}
	}
	return out
}

// Shapes returns the pathological shapes, in a fixed order.
func Shapes() []Shape {
	return slices.Clone(shapes)
}

// ByName returns the shape named name.
func ByName(name string) (Shape, bool) {
	for _, s := range shapes {
		if s.Name == name {
			return s, true
		}
	}
	return Shape{}, false
}

var shapes = []Shape{
	{Name: "long-word", About: `one word: "üa" repeated`, Accepted: true, gen: func(r *rand.Rand, n int) string {
		return "Die " + strings.Repeat("üa", n/2)
	}},
	{Name: "long-words", About: "words of 5-40 KB of random letters with umlauts, between short German sentences", Accepted: true, gen: func(r *rand.Rand, n int) string {
		var b strings.Builder
		letters := []rune("abcdefghijklmnopqrstuvwxyzäöüßABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ")
		for b.Len() < n {
			b.WriteString(sentences[r.IntN(len(sentences))])
			b.WriteByte(' ')
			for k := 5<<10 + r.IntN(35<<10); k > 0; k-- {
				b.WriteRune(letters[r.IntN(len(letters))])
			}
			b.WriteString(". ")
		}
		return b.String()
	}},
	{Name: "long-tokens", About: "tokens of 4-32 KB that are no words: hyphen chains, URLs, digits, e-mail", Accepted: true, gen: func(r *rand.Rand, n int) string {
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			b.WriteString(sentences[r.IntN(len(sentences))])
			b.WriteByte(' ')
			k := 4<<10 + r.IntN(28<<10)
			switch i % 5 {
			case 0:
				b.WriteString(strings.Repeat("Huawei-Chip-", k/12))
				b.WriteString("Verbot")
			case 1:
				b.WriteString("https://example.org/")
				b.WriteString(strings.Repeat("pfad/", k/5))
			case 2:
				b.WriteString(strings.Repeat("7", k))
			case 3:
				b.WriteString(strings.Repeat("x", k))
				b.WriteString("@example.org")
			case 4:
				b.WriteString(strings.Repeat("KI", k/2))
			}
			b.WriteString(" sagte ein Sprecher. ")
		}
		return b.String()
	}},
	{Name: "long-lines", About: "lines of 64 KB of German words without punctuation", Accepted: true, gen: func(r *rand.Rand, n int) string {
		ws := words()
		var b strings.Builder
		line := 0
		for b.Len() < n {
			w := ws[r.IntN(len(ws))]
			b.WriteString(w)
			line += len(w) + 1
			if line >= 64<<10 {
				b.WriteByte('\n')
				line = 0
			} else {
				b.WriteByte(' ')
			}
		}
		return b.String()
	}},
	{Name: "one-sentence", About: "German words without punctuation or line break: one sentence", Accepted: true, gen: func(r *rand.Rand, n int) string {
		ws := words()
		var b strings.Builder
		for b.Len() < n {
			b.WriteString(ws[r.IntN(len(ws))])
			b.WriteByte(' ')
		}
		return b.String()
	}},
	{Name: "names", About: "one sentence of capitalised names and companies, no punctuation", Accepted: true, gen: func(r *rand.Rand, n int) string {
		ws := []string{"Huawei", "Nvidia", "Intel", "Peking", "Berlin", "Olaf", "Scholz", "ASML", "Taiwan", "Meyer", "GmbH", "und", "die", "Siemens", "Apple"}
		var b strings.Builder
		for b.Len() < n {
			b.WriteString(ws[r.IntN(len(ws))])
			b.WriteByte(' ')
		}
		return b.String()
	}},
	{Name: "tiny-sentences", About: `very many tiny sentences ("Ja. Nein! Gut?")`, Accepted: true, gen: func(r *rand.Rand, n int) string {
		tiny := []string{"Ja. ", "Nein! ", "Gut? ", "Die KI. ", "Und das. ", "Chips! "}
		var b strings.Builder
		for b.Len() < n {
			b.WriteString(tiny[r.IntN(len(tiny))])
		}
		return b.String()
	}},
	{Name: "repeated", About: "one ordinary sentence repeated", Accepted: true, gen: func(r *rand.Rand, n int) string {
		return strings.Repeat("Die Firma baut Chips in Dresden. ", n/33+1)
	}},
	{Name: "abbreviations", About: `chains of abbreviations and ordinals ("z. B. Dr. 3. Nr. 5.")`, Accepted: true, gen: func(r *rand.Rand, n int) string {
		ab := []string{"z. B. ", "u. a. ", "Dr. ", "Prof. ", "3. ", "Nr. ", "bzw. ", "Mrd. ", "1. FC ", "die ", "der "}
		var b strings.Builder
		for b.Len() < n {
			b.WriteString(ab[r.IntN(len(ab))])
		}
		return b.String()
	}},
	{Name: "lines", About: "very many one-word lines", Accepted: true, gen: func(r *rand.Rand, n int) string {
		ws := words()
		var b strings.Builder
		for b.Len() < n {
			b.WriteString(ws[r.IntN(len(ws))])
			b.WriteByte('\n')
		}
		return b.String()
	}},
	{Name: "nesting", About: "brackets and quotes nested 100,000s deep around German words", Accepted: true, gen: func(r *rand.Rand, n int) string {
		open := []string{"(", "[", "{", "„", "»", "‚", "\"", "'", "«"}
		closing := []string{")", "]", "}", "“", "«", "‘", "\"", "'", "»"}
		var b strings.Builder
		var stack []int
		ws := words()
		for b.Len() < n/2 {
			k := r.IntN(len(open))
			b.WriteString(open[k])
			stack = append(stack, k)
			if r.IntN(8) == 0 {
				b.WriteString(ws[r.IntN(len(ws))])
				b.WriteByte(' ')
			}
		}
		b.WriteString(" Die Firma baut Chips. ")
		for i := len(stack) - 1; i >= 0; i-- {
			b.WriteString(closing[stack[i]])
		}
		return b.String()
	}},
	{Name: "punctuation", About: "runs of punctuation, dashes and symbols between German sentences", Accepted: true, gen: func(r *rand.Rand, n int) string {
		p := []string{"...", "!!!", "???", " - ", " – ", "***", "///", "|", "§", "&", "#", "@", ":", ";", ",", "%", "€"}
		var b strings.Builder
		for b.Len() < n {
			b.WriteString(sentences[r.IntN(len(sentences))])
			b.WriteByte(' ')
			for k := r.IntN(2000); k > 0; k-- {
				b.WriteString(p[r.IntN(len(p))])
			}
			b.WriteByte(' ')
		}
		return b.String()
	}},
	{Name: "scripts", About: "German sentences with a word of every Unicode script in each", Accepted: true, gen: func(r *rand.Rand, n int) string {
		sw := scriptWords()
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			s := sentences[r.IntN(len(sentences))]
			cut := strings.IndexByte(s, ' ')
			b.WriteString(s[:cut+1])
			b.WriteString(sw[i%len(sw)])
			b.WriteString(s[cut:])
			b.WriteByte(' ')
		}
		return b.String()
	}},
	{Name: "combining", About: "German words carrying combining marks, some with thousands stacked", Accepted: true, gen: func(r *rand.Rand, n int) string {
		ws := words()
		marks := []rune{0x0300, 0x0301, 0x0308, 0x0327, 0x0323, 0x036F, 0x20D7, 0x1AB0, 0xFE20}
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			b.WriteString(ws[r.IntN(len(ws))])
			k := 1 + r.IntN(2)
			if i%50 == 0 {
				k = 2000
			}
			for ; k > 0; k-- {
				b.WriteRune(marks[r.IntN(len(marks))])
			}
			if i%12 == 11 {
				b.WriteString(". ")
			} else {
				b.WriteByte(' ')
			}
		}
		return b.String()
	}},
	{Name: "invalid-utf8", About: "German sentences with a few stray invalid bytes", Accepted: true, gen: func(r *rand.Rand, n int) string {
		bad := []string{"\xff", "\xc3", "\xe2\x80", "\xf0\x9f", "\x80\x80"}
		var b strings.Builder
		for b.Len() < n {
			s := sentences[r.IntN(len(sentences))]
			k := r.IntN(len(s))
			for k > 0 && !utf8.RuneStart(s[k]) {
				k--
			}
			b.WriteString(s[:k])
			b.WriteString(bad[r.IntN(len(bad))])
			b.WriteString(s[k:])
			b.WriteByte(' ')
		}
		return b.String()
	}},
	{Name: "english", About: "ordinary English text (prose's NER reads its first 16 KB)", Accepted: true, plain: true, gen: func(r *rand.Rand, n int) string {
		return English(n)
	}},
	{Name: "han", About: "Chinese-looking text (Han ideographs and CJK punctuation)", Accepted: false, gen: func(r *rand.Rand, n int) string {
		var b strings.Builder
		for b.Len() < n {
			for k := 5 + r.IntN(20); k > 0; k-- {
				b.WriteRune(rune(0x4E00 + r.IntN(0x5000)))
			}
			b.WriteString("。")
		}
		return b.String()
	}},
	{Name: "random-bytes", About: "random bytes", Accepted: false, gen: func(r *rand.Rand, n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(r.Uint32())
		}
		return string(b)
	}},
}

// scriptWords returns a three-letter word for every Unicode script that has
// letters, sorted by script name.
func scriptWords() []string {
	names := make([]string, 0, len(unicode.Scripts))
	for name := range unicode.Scripts {
		names = append(names, name)
	}
	slices.Sort(names)
	var out []string
	for _, name := range names {
		var w []rune
		for _, rg := range unicode.Scripts[name].R16 {
			for c := rune(rg.Lo); c <= rune(rg.Hi) && len(w) < 3; c += rune(rg.Stride) {
				if unicode.IsLetter(c) {
					w = append(w, c)
				}
			}
		}
		for _, rg := range unicode.Scripts[name].R32 {
			for c := rune(rg.Lo); c <= rune(rg.Hi) && len(w) < 3; c += rune(rg.Stride) {
				if unicode.IsLetter(c) {
					w = append(w, c)
				}
			}
		}
		if len(w) > 0 {
			out = append(out, string(w))
		}
	}
	return out
}
