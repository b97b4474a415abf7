package german

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const seedPath = "../../shared/data/seed-article-deepseek-huawei.txt"

func sentTexts(text string) []string {
	var out []string
	for _, s := range Sentences(text) {
		out = append(out, s.In(text))
	}
	return out
}

func TestSentencesGermanFacts(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"z. B.", "Manche Firmen, z. B. Huawei, bauen Chips. Andere nicht.",
			[]string{"Manche Firmen, z. B. Huawei, bauen Chips.", "Andere nicht."}},
		{"u. a.", "Dabei sind u. a. Huawei und ZTE. Sie fehlen.", []string{"Dabei sind u. a. Huawei und ZTE.", "Sie fehlen."}},
		{"d. h.", "Das Modell, d. h. R2, kommt später. Gut.", []string{"Das Modell, d. h. R2, kommt später.", "Gut."}},
		{"Dr. Prof.", "Das sagt Prof. Dr. Gupta. Er forscht in Berkeley.", []string{"Das sagt Prof. Dr. Gupta.", "Er forscht in Berkeley."}},
		{"Mrd. Mio.", "Der Umsatz stieg auf 3,5 Mrd. Euro und 20 Mio. Dollar. Das ist viel.", []string{"Der Umsatz stieg auf 3,5 Mrd. Euro und 20 Mio. Dollar.", "Das ist viel."}},
		{"Nr. bzw. ca. vgl.", "Chip Nr. 5 bzw. Chip Nr. 6 kosten ca. 100 Euro (vgl. Tabelle). Ende.", []string{"Chip Nr. 5 bzw. Chip Nr. 6 kosten ca. 100 Euro (vgl. Tabelle).", "Ende."}},
		{"St. ggf. inkl. Jh.", "Die Kirche St. Martin ist ggf. inkl. Turm aus dem 12. Jh. erhalten. Gut.", []string{"Die Kirche St. Martin ist ggf. inkl. Turm aus dem 12. Jh. erhalten.", "Gut."}},
		{"usw. ends", "Chips, Server usw. Danach kam die Cloud.", []string{"Chips, Server usw.", "Danach kam die Cloud."}},
		{"etc. ends", "Chips, Server etc. Dann kam die Cloud.", []string{"Chips, Server etc.", "Dann kam die Cloud."}},
		{"1. Mai", "Es erscheint am 1. Mai. Dann folgt R3.", []string{"Es erscheint am 1. Mai.", "Dann folgt R3."}},
		{"3. Quartal", "Im 3. Quartal stieg der Umsatz. Das freut Huawei.", []string{"Im 3. Quartal stieg der Umsatz.", "Das freut Huawei."}},
		{"1. FC Köln", "Der 1. FC Köln spielt. Er gewinnt.", []string{"Der 1. FC Köln spielt.", "Er gewinnt."}},
		{"20. Jahrhundert", "Im 20. Jahrhundert gab es keine KI. Heute schon.", []string{"Im 20. Jahrhundert gab es keine KI.", "Heute schon."}},
		{"ordinal after article", "Auf der 35. Tagung sprach er. Gut.", []string{"Auf der 35. Tagung sprach er.", "Gut."}},
		{"date", "Am 12.04.2016 kam es. Danach nicht.", []string{"Am 12.04.2016 kam es.", "Danach nicht."}},
		{"year at end", "Das war 2016. Im Jahr 2017 nicht.", []string{"Das war 2016.", "Im Jahr 2017 nicht."}},
		{"decimals", "Der Wert fiel um 3,5 Prozent. Das ist viel.", []string{"Der Wert fiel um 3,5 Prozent.", "Das ist viel."}},
		{"initials", "Das Buch von J. R. R. Tolkien erschien. Es ist lang.", []string{"Das Buch von J. R. R. Tolkien erschien.", "Es ist lang."}},
		{"url", "Mehr unter www.heise.de/news. Dort steht es.", []string{"Mehr unter www.heise.de/news.", "Dort steht es."}},
		{"email", "Schreiben Sie an info@example.de. Wir antworten.", []string{"Schreiben Sie an info@example.de.", "Wir antworten."}},
		{"ellipsis", "Und dann … Stille. Er ging... und kam wieder… Dann nicht.", []string{"Und dann …", "Stille.", "Er ging... und kam wieder…", "Dann nicht."}},
		{"bracketed ellipsis", "Er sagte […] Dinge. Gut.", []string{"Er sagte […] Dinge.", "Gut."}},
		{"„…“ closing after stop", "Er sagte: „Das ist gut.“ Dann ging er.", []string{"Er sagte: „Das ist gut.“", "Dann ging er."}},
		{"„…“ question inside", "„Kommt R2?“, fragte er. Keiner wusste es.", []string{"„Kommt R2?“, fragte er.", "Keiner wusste es."}},
		{"»…«", "Er nannte es »Wachstumsschmerzen.« Die Firma schwieg.", []string{"Er nannte es »Wachstumsschmerzen.«", "Die Firma schwieg."}},
		{"opening quote starts", "Das Modell kommt. „Bald“, sagt Gupta.", []string{"Das Modell kommt.", "„Bald“, sagt Gupta."}},
		{"brackets after stop", "Das ist so (siehe oben.) Und weiter.", []string{"Das ist so (siehe oben.)", "Und weiter."}},
		{"question and exclamation", "Kommt R2? Ja! Wirklich?! Sicher.", []string{"Kommt R2?", "Ja!", "Wirklich?!", "Sicher."}},
		{"lower case after stop", "Es kostet 5 Dollar. pro Stück.", []string{"Es kostet 5 Dollar. pro Stück."}},
		{"list number", "Die Punkte sind klar. 2. Soziale Bewegungen folgen.", []string{"Die Punkte sind klar.", "2. Soziale Bewegungen folgen."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, sentTexts(tt.text))
		})
	}
}

func TestSentencesLines(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		want  []string
		lines []bool
	}{
		{"blank line ends", "Ein Satz ohne Punkt\n\nNoch einer", []string{"Ein Satz ohne Punkt", "Noch einer"}, []bool{true, true}},
		{"blank line after abbreviation", "Das kostet 5 Mio.\n\nneuer Absatz.", []string{"Das kostet 5 Mio.", "neuer Absatz."}, []bool{false, false}},
		{"newline after stop", "Erster Satz.\nZweiter Satz.", []string{"Erster Satz.", "Zweiter Satz."}, []bool{false, false}},
		{"heading", "Stellenangebote\nProjektmanager (m/w/d)\n", []string{"Stellenangebote", "Projektmanager (m/w/d)"}, []bool{true, true}},
		{"list items", "- Die besten Bücher!\n- Zur Startseite\n- Mehr", []string{"- Die besten Bücher!", "- Zur Startseite", "- Mehr"}, []bool{false, true, true}},
		{"wrapped line continues", "Die Firma hat den Start\nverschoben. Gut.", []string{"Die Firma hat den Start\nverschoben.", "Gut."}, []bool{false, false}},
		{"CRLF", "Titel\r\n\r\nText hier.\r\nMehr.", []string{"Titel", "Text hier.", "Mehr."}, []bool{true, false, false}},
		{"sentence ending mid-line then line", "Gut. Weiter ohne Punkt\nNeu.", []string{"Gut.", "Weiter ohne Punkt", "Neu."}, []bool{false, false, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seg := Segment(tt.text)
			var got []string
			var lines []bool
			for _, s := range seg.Sentences {
				got = append(got, s.In(tt.text))
				lines = append(lines, s.Line)
			}
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.lines, lines)
			assert.Equal(t, sentTexts(tt.text), got, "Sentences and Segment agree")
		})
	}
}

func TestSentencesSeedArticle(t *testing.T) {
	b, err := os.ReadFile(seedPath)
	if err != nil {
		t.Skip("seed article: " + seedPath + " not found")
	}
	text := string(b)
	got := sentTexts(text)
	lines := strings.Split(text, "\n")

	// the article: the first line, then paragraphs of 4, 3, 3 and 3 sentences
	var article []string
	article = append(article, lines[0])
	for _, p := range lines[2:6] {
		ss := strings.SplitAfter(p, ". ")
		for i := range ss {
			ss[i] = strings.TrimSpace(ss[i])
		}
		article = append(article, ss...)
	}
	require.Len(t, article, 14)
	require.GreaterOrEqual(t, len(got), 14)
	assert.Equal(t, article, got[:14], "each article sentence is one unit")

	// every boilerplate line that is a list item, "Stellenangebote" or a job title is one unit
	var units []string
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "- ") || l == "Stellenangebote" || strings.Contains(l, "(m/w/d)") || strings.Contains(l, "(w/m/d)") {
			units = append(units, l)
		}
	}
	require.Len(t, units, 11) // 6 list items (5 links + a book), Stellenangebote, 4 jobs
	for _, u := range units {
		assert.Contains(t, got, u)
	}
	seg := Segment(text)
	for _, s := range seg.Sentences {
		txt := s.In(text)
		if txt == "Stellenangebote" || strings.Contains(txt, "(m/w/d)") && !strings.HasSuffix(txt, ".") {
			assert.True(t, s.Line, txt)
		}
	}
	assert.Len(t, got, 35)
}

func TestSegmentMatchesTokensAndSentences(t *testing.T) {
	text := "Am 1. Mai kommt R2. Die KI-Firma DeepSeek schweigt!\n\nStellenangebote\n- Job (m/w/d)"
	seg := Segment(text)
	assert.Equal(t, text, seg.Text)
	var spans []Span
	var all []Token
	for _, s := range seg.Sentences {
		spans = append(spans, s.Span)
		all = append(all, s.Tokens...)
		require.NotEmpty(t, s.Tokens)
		assert.Equal(t, s.Start, s.Tokens[0].Start)
		assert.Equal(t, s.End, s.Tokens[len(s.Tokens)-1].End)
	}
	assert.Equal(t, Sentences(text), spans)
	assert.Equal(t, Tokens(text), all)
	assert.Equal(t, Tokens(text), seg.Tokens())
	var it []Span
	for s := range AllSentences(text) {
		it = append(it, s)
	}
	assert.Equal(t, spans, it)
	assert.Empty(t, Segment("").Sentences)
	assert.Empty(t, Sentences(" \n\t "))
}

// TestSegmentSeqLongSentence: a sentence longer than the iterator's token
// buffer, and a break from the loop.
func TestSegmentSeqLongSentence(t *testing.T) {
	tests := []struct {
		name    string
		repeats int   // of a four-token phrase
		tokens  []int // tokens of each sentence
	}{
		{"a sentence near the cap, across stream buffers", 120, []int{3, 482, 3}},
		{"a run of text past the cap is cut into units", 400, []int{3, MaxSentenceTokens, MaxSentenceTokens, MaxSentenceTokens, 1602 - 3*MaxSentenceTokens, 3}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := "Kurz vorab. " + strings.Repeat("Huawei liefert Ascend-Chips und ", tc.repeats) + "fertig. Dann Schluss."
			seg := Segment(text)
			var got []Sentence
			for s := range SegmentSeq(text) {
				s.Tokens = slices.Clone(s.Tokens)
				got = append(got, s)
			}
			require.Len(t, got, len(tc.tokens))
			assert.Equal(t, seg.Sentences, got)
			for i, s := range got {
				assert.Len(t, s.Tokens, tc.tokens[i], "sentence %d", i)
				assert.False(t, s.Line, "sentence %d", i)
				if i > 0 {
					assert.Equal(t, s.Tokens[0].Start, s.Start)
					assert.Less(t, got[i-1].End, s.Start)
				}
			}
		})
	}
	text := "Kurz vorab. Dann Schluss."
	n := 0
	for range SegmentSeq(text) {
		n++
		break
	}
	assert.Equal(t, 1, n)
	assert.Empty(t, slices.Collect(SegmentSeq(" \n ")))
}

// TestCapsOnHostileText: a run of closing brackets after final punctuation
// and a sentence without punctuation are cut at MaxSentenceTokens; a word
// longer than MaxWordBytes is one opaque KindUnknown token.
func TestCapsOnHostileText(t *testing.T) {
	closers := "Ende." + strings.Repeat(")", 2000) + " Neu."
	for _, s := range Segment(closers).Sentences {
		assert.LessOrEqual(t, len(s.Tokens), MaxSentenceTokens)
	}
	tests := []struct {
		name string
		word string
		kind Kind
	}{
		{"longest word", strings.Repeat("a", MaxWordBytes), Word},
		{"one byte longer", strings.Repeat("a", MaxWordBytes+1), KindUnknown},
		{"umlauts", strings.Repeat("üa", MaxWordBytes), KindUnknown},
		{"digits", strings.Repeat("7", MaxWordBytes+1), KindUnknown},
		{"hyphen chain", strings.Repeat("Chip-", MaxWordBytes/4) + "Ende", KindUnknown},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := Tokens("Die " + tc.word + " fehlt.")
			require.Len(t, toks, 4)
			assert.Equal(t, tc.word, toks[1].Text)
			assert.Equal(t, tc.kind, toks[1].Kind)
		})
	}
}

// TestSegmentIntoReuses: one Segmented reused for texts long and short
// gives what Segment gives each, and allocates nothing once it is large
// enough.
func TestSegmentIntoReuses(t *testing.T) {
	long := strings.Repeat("Huawei liefert Ascend-Chips. Nvidia schweigt dazu!\n\n", 300)
	texts := append([]string{long, "Kurz.", "", long + long, "Am 1. Mai kommt R2."}, edgeCases...)
	texts = append(texts, gnadTexts(t)...)
	var dst Segmented
	for _, text := range texts {
		got := SegmentInto(&dst, text)
		require.Same(t, &dst, got)
		want := Segment(text)
		assert.Equal(t, want.Text, got.Text)
		assert.Equal(t, want.Sentences, got.Sentences, "%.60q", text)
		assert.Equal(t, want.Tokens(), got.Tokens(), "%.60q", text)
	}
	allocs := testing.AllocsPerRun(20, func() { SegmentInto(&dst, long) })
	assert.Zero(t, allocs)
	assert.Equal(t, Segment("Kurz."), SegmentInto(nil, "Kurz."))
}

func TestSentencesRankedList(t *testing.T) {
	assert.Equal(t, []string{"Ergebnis: 3. Anna Muster (Polen) 1:20:29, 4. Igor Glawan (Ukraine) 1:20:42.", "Danach kam Regen."},
		sentTexts("Ergebnis: 3. Anna Muster (Polen) 1:20:29, 4. Igor Glawan (Ukraine) 1:20:42. Danach kam Regen."))
	assert.Equal(t, []string{"Kostüm zum 1./2. Weltkrieg."}, sentTexts("Kostüm zum 1./2. Weltkrieg."))
}

func TestSentencesColon(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Am Dienstag steht eine weitere Entscheidung bevor: Der Minister reist nach Brüssel.",
			[]string{"Am Dienstag steht eine weitere Entscheidung bevor:", "Der Minister reist nach Brüssel."}},
		{"Der Grund: Die Chips fehlen.", []string{"Der Grund: Die Chips fehlen."}},
		{"Auf dem Programm stehen drei Punkte: Bildung, Gesundheit und Verkehr.", []string{"Auf dem Programm stehen drei Punkte: Bildung, Gesundheit und Verkehr."}},
		{"Der Forscher sagte am Montag: „Das ist bitter.“", []string{"Der Forscher sagte am Montag: „Das ist bitter.“"}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, sentTexts(tt.text), tt.text)
	}
}

func TestClauseStarter(t *testing.T) {
	for _, w := range []string{"Ich", "Es", "Schließlich", "Mittlerweile", "Gleichzeitig", "Tatsächlich", "Über", "Während", "Wollte"} {
		assert.True(t, clauseStarter(w), w)
	}
	for _, w := range []string{"Die", "Sie", "Huawei", "Übersee", "Waren", "Würde", "ich", "", "Z", "ÜberÜberÜberÜber"} {
		assert.False(t, clauseStarter(w), w)
	}
	assert.True(t, colonStarter("Der"))
	assert.False(t, colonStarter("Bildung"))
}
