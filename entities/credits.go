package entities

import (
	"strings"

	"github.com/techschau/techschau/german"
)

// Credits are the bylines, photo credits and agency marks that news text
// carries inside its body: "(Renate Graber, 10.5.2016)" at the end of an
// article, "Sven Hoppe/dpa", "dpa/Evan Vucci", "© Peter Sieben", "Bild: dpa",
// a caption ending in "dpa", "Von: Peter Sieben". The names in them are no
// entities of the article (ENTITIES.md).

// agencies are the news and photo agencies credits name.
var agencies = map[string]bool{"dpa": true, "afp": true, "AFP": true, "reuters": true, "Reuters": true, "AP": true, "APA": true,
	"apa": true, "KNA": true, "epd": true, "epa": true, "EPA": true, "imago": true, "Imago": true, "IMAGO": true, "Getty": true,
	"dts": true, "SID": true, "sid": true, "ddp": true, "AAP": true, "ANP": true, "Keystone": true, "Xinhua": true}

// creditWords introduce a credit at the start of a line or after a caption.
var creditWords = map[string]bool{"Foto": true, "Fotos": true, "Bild": true, "Bilder": true, "Quelle": true, "Grafik": true, "Von": true, "Video": true,
	"Audio": true, "Sendung": true}

// authorRoles follow an author's name in a byline: "von Jörg Quoos,
// Chefredakteur der …".
// ("Autor", "Reporter" stay out: "ein Buch von Karl Kraus, Autor der …" is
// prose.)
var authorRoles = map[string]bool{"Chefredakteur": true, "Chefredakteurin": true, "Redakteur": true, "Redakteurin": true,
	"Korrespondent": true, "Korrespondentin": true}

// appendCredits appends the byte spans of the credits in the sentences to out.
// firstNames are the known first names (nameLists.firstNames).
func appendCredits(out []german.Span, text string, sents []german.Sentence, firstNames map[string]bool) []german.Span {
	for _, s := range sents {
		toks := s.Tokens
		for i := 0; i < len(toks); i++ {
			t := toks[i]
			if (t.Text == "von" || t.Text == "Von") && i+2 < len(toks) && firstNames[toks[i+1].Text] {
				if k := byline(text, toks, i); k > i {
					out = append(out, german.Span{Start: t.Start, End: toks[k-1].End})
					i = k - 1
					continue
				}
			}
			if t.Kind == german.Word && i+1 < len(toks) {
				// the common case: a word followed by one space or none and
				// no ":" or "/" (a line break needs a gap)
				next := toks[i+1]
				if gap := next.Start - t.End; (gap == 0 || gap == 1 && text[t.End] == ' ') && next.Text != ":" && next.Text != "/" {
					continue
				}
			}
			switch {
			case t.Text == "(":
				// "(Renate Graber, 10.5.2016)", "(APA, 12.9.2015)" ending a paragraph
				j := i + 1
				date := false
				for j < len(toks) && j-i <= 8 && toks[j].Text != ")" {
					if toks[j].Kind == german.Number && strings.Count(toks[j].Text, ".") >= 1 {
						date = true
					}
					j++
				}
				if j < len(toks) && toks[j].Text == ")" && j > i+1 && lineEndsAfter(text, toks, j) &&
					(date || agencies[toks[i+1].Text] && j == i+2) {
					out = append(out, german.Span{Start: t.Start, End: toks[j].End})
					i = j
				}
			case t.Text == "/" && i > 0 && i+1 < len(toks) && t.Start == toks[i-1].End && toks[i+1].Start == t.End:
				// "Sven Hoppe/dpa", "dpa/Evan Vucci"
				switch {
				case agencies[toks[i+1].Text]:
					k := i
					for k > 0 && i-k < 3 && toks[k-1].Kind == german.Word && isUpperRune(firstRune(toks[k-1].Text)) {
						k--
					}
					out = append(out, german.Span{Start: toks[k].Start, End: toks[i+1].End})
					i++
				case agencies[toks[i-1].Text]:
					k := i + 1
					for k < len(toks) && k-i <= 3 && toks[k].Kind == german.Word && isUpperRune(firstRune(toks[k].Text)) {
						k++
					}
					out = append(out, german.Span{Start: toks[i-1].Start, End: toks[k-1].End})
					i = k - 1
				}
			case t.Text == "©" || creditWords[t.Text] && i+1 < len(toks) && toks[i+1].Text == ":" && (lineStartsAt(text, toks, i) ||
				inSpans(out, toks[max(i-1, 0)].Start, toks[max(i-1, 0)].End)):
				// "© Peter Sieben", "Bild: dpa/Alex Brandon", "Von: Peter Sieben",
				// "Audio: rbb24 Inforadio | 08.01.2025 | Kathrin Schmid" after
				// another credit, "Sendung: rbb24 Inforadio, 19.07.2024"
				k := i + 1
				for k < len(toks) && k-i <= 16 && !lineEndsAfter(text, toks, k-1) {
					k++
				}
				out = append(out, german.Span{Start: t.Start, End: toks[k-1].End})
				i = k - 1
			case agencies[t.Text] && i > 0 && lineEndsAfter(text, toks, i):
				// a caption ending in its credit: "… in Potsdam dpa"
				out = append(out, german.Span{Start: t.Start, End: t.End})
			case agencies[t.Text] && i > 0:
				// "… mit sechs Etagen dpa Bildfunk Picture Alliance"
				k := i + 1
				for k < len(toks) && k-i <= 3 && toks[k].Kind == german.Word && isUpperRune(firstRune(toks[k].Text)) && !lineEndsAfter(text, toks, k) {
					k++
				}
				if k < len(toks) && k-i <= 3 && toks[k].Kind == german.Word && isUpperRune(firstRune(toks[k].Text)) && lineEndsAfter(text, toks, k) {
					out = append(out, german.Span{Start: t.Start, End: toks[k].End})
					i = k
				}
			}
		}
	}
	return out
}

// byline returns the end of a byline starting at toks[i] ("von" or "Von"
// before a first name), or i. News marks its author so: "von Stefan Schaaf"
// at the start of a line (prose never starts a line with "von"), "Von
// Hasan Gökkaya" as a line of its own or before "|", "von Jörg Quoos,
// Chefredakteur der FUNKE Zentralredaktion" (to the end of the line).
func byline(text string, toks []german.Token, i int) int {
	j := i + 2 // after the first name
	for j < len(toks) && j-i <= 3 && toks[j].Kind == german.Word && isUpperRune(firstRune(toks[j].Text)) && toks[j].Text != "Von" {
		if lineEndsAfter(text, toks, j) || j+1 < len(toks) && (toks[j+1].Text == "|" || toks[j+1].Text == ",") {
			j++
			break
		}
		j++
		if toks[i].Text == "von" && lineStartsAt(text, toks, i) {
			break // "von Stefan Schaaf EZB-Präsidentin …": first name and surname
		}
	}
	if j == i+2 {
		return i
	}
	switch {
	case j < len(toks) && toks[j].Text == "," && j+1 < len(toks) && authorRoles[toks[j+1].Text]:
		k := j + 1
		for k < len(toks) && k-j <= 8 && !lineEndsAfter(text, toks, k) {
			k++
		}
		return min(k+1, len(toks))
	case toks[i].Text == "von" && lineStartsAt(text, toks, i):
		return j
	case (lineStartsAt(text, toks, i) || i > 0 && (toks[i-1].Text == "|" || toks[i-1].Text == "?" || toks[i-1].Text == ".")) &&
		(lineEndsAfter(text, toks, j-1) || j < len(toks) && toks[j].Text == "|"):
		return j
	}
	return i
}

// lineEndsAfter reports whether token j of toks is the last of its line:
// the sentence ends with it or a line break follows before the next token.
func lineEndsAfter(text string, toks []german.Token, j int) bool {
	e := toks[j].End
	if j+1 < len(toks) {
		return strings.ContainsRune(text[e:toks[j+1].Start], '\n')
	}
	for e < len(text) && (text[e] == ' ' || text[e] == '\t' || text[e] == '\r') {
		e++
	}
	return e >= len(text) || text[e] == '\n'
}

// lineStartsAt reports whether token i starts a line.
func lineStartsAt(text string, toks []german.Token, i int) bool {
	s := toks[i].Start
	if i > 0 {
		return strings.ContainsRune(text[toks[i-1].End:s], '\n')
	}
	for s > 0 && (text[s-1] == ' ' || text[s-1] == '\t' || text[s-1] == '\r') {
		s--
	}
	return s == 0 || text[s-1] == '\n'
}

// inSpans reports whether [s, e) lies inside one of spans.
func inSpans(spans []german.Span, s, e int) bool {
	for _, sp := range spans {
		if s >= sp.Start && e <= sp.End {
			return true
		}
	}
	return false
}
