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
var creditWords = map[string]bool{"Foto": true, "Fotos": true, "Bild": true, "Bilder": true, "Quelle": true, "Grafik": true, "Von": true, "Video": true}

// appendCredits appends the byte spans of the credits in the sentences to out.
func appendCredits(out []german.Span, text string, sents []german.Sentence) []german.Span {
	for _, s := range sents {
		toks := s.Tokens
		for i := 0; i < len(toks); i++ {
			t := toks[i]
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
				case agencies[toks[i-1].Text]:
					k := i + 1
					for k < len(toks) && k-i <= 3 && toks[k].Kind == german.Word && isUpperRune(firstRune(toks[k].Text)) {
						k++
					}
					out = append(out, german.Span{Start: toks[i-1].Start, End: toks[k-1].End})
					i = k - 1
				}
			case t.Text == "©" || creditWords[t.Text] && i+1 < len(toks) && toks[i+1].Text == ":" && lineStartsAt(text, toks, i):
				// "© Peter Sieben", "Bild: dpa/Alex Brandon", "Von: Peter Sieben"
				k := i + 1
				for k < len(toks) && k-i <= 8 && !lineEndsAfter(text, toks, k-1) {
					k++
				}
				out = append(out, german.Span{Start: t.Start, End: toks[k-1].End})
				i = k - 1
			case agencies[t.Text] && lineEndsAfter(text, toks, i) && i > 0:
				// a caption ending in its credit: "… in Potsdam dpa"
				out = append(out, german.Span{Start: t.Start, End: t.End})
			}
		}
	}
	return out
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
