package analyze

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/german"
	"github.com/techschau/techschau/internal/corpus"
)

// The tests of this file pin the fast paths of the stages to the plain
// code they replace: same answers on the team's articles and pages, the
// dev corpus when present, and inputs made to hit the edge cases.

// oddTexts are inputs for the edge cases of the fast paths: runes whose
// lower case has another byte length, invalid UTF-8, U+FFFD, umlaut u
// between vowels, hyphenated compounds, long words.
var oddTexts = []string{
	"İSTANBUL (dpa) – Die Regierung prüft die Ausfuhr von Chips. Ⱥ und Ⱦ sind selten.",
	"Bäuerin und Feuer: Die Düngung der Äcker, die Dünger-Preise; Ökostrom-Förderung.",
	"Ungültig \xff\xfe Bytes \xe2\x80 mitten in der Halbleiter-Abhängigkeit \ufffd von Taiwan.",
	"Keine US-Abhängigkeit bei KI-Chips, nicht ohne Exportkontrollen der EU-Kommission.",
	"Lesen Sie auch: „Mehr zum Thema“ » Newsletter abonnieren | Teilen | Folgen Sie uns",
	"Foto: dpa. Bild: Deutsche Telekom. Stellenangebot Entwickler (m/w/d) in Vollzeit",
	strings.Repeat("Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenhersteller", 2) + " und Straße GROSSE STRASSE ẞ.",
	"The government said that it will not comment on the chips, which were exported to China by the company.",
}

func fastpathTexts(t *testing.T) []string {
	t.Helper()
	texts := append([]string(nil), oddTexts...)
	for _, dir := range []string{"../testdata/articles", "../testdata/pages"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		require.NoError(t, err)
		for _, f := range files {
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			texts = append(texts, string(b))
		}
	}
	if arts := loadGNADTexts(); len(arts) > 0 {
		n := len(arts)
		if testing.Short() {
			n = min(n, 40)
		}
		texts = append(texts, arts[:n]...)
	}
	return texts
}

// loadGNADTexts returns the dev corpus texts, none when it is absent.
func loadGNADTexts() []string {
	arts, err := corpus.ReadGNADFile(gnadPath)
	if err != nil {
		return nil
	}
	texts := make([]string, len(arts))
	for i, a := range arts {
		texts[i] = a.Text
	}
	return texts
}

func TestLowerTextMatchesAppendLower(t *testing.T) {
	for _, text := range fastpathTexts(t) {
		var low lowerText
		low.reset(text)
		seg := german.Segment(text)
		for _, tok := range seg.Tokens() {
			want := german.AppendLower(nil, tok.Text)
			if got := low.word(tok.Start, tok.End); string(got) != string(want) {
				t.Fatalf("token %q: lowerText gives %q, AppendLower %q", tok.Text, got, want)
			}
		}
	}
}

func TestLowerASCII8(t *testing.T) {
	for c := range 128 {
		x := uint64(c) * 0x0101010101010101
		want := byte(c)
		if 'A' <= want && want <= 'Z' {
			want += 'a' - 'A'
		}
		got := lowerASCII8(x)
		for k := range 8 {
			require.Equal(t, want, byte(got>>(8*k)), "byte %#x", c)
		}
	}
}

func TestAppendLowerPrefixMatchesLower(t *testing.T) {
	for _, s := range append(oddTexts, "\xc3", "ÄÖÜ\xc3", "abc", "") {
		for n := 0; n <= len(s); n++ {
			want := german.Lower(s[:n])
			assert.Equal(t, want, string(appendLowerPrefix(nil, s, n)), "%q[:%d]", s, n)
		}
	}
}

func TestHasQuoteAndFields(t *testing.T) {
	for _, s := range append(oddTexts, "a\xc2\xbb", "\xe2\x80\x9c", "\xe2\x80", "x\xc2", "  a  b\u00a0c\u2003d ") {
		for i := 0; i <= len(s); i++ {
			sub := s[i:]
			assert.Equal(t, strings.ContainsAny(sub, "„“”»«\""), hasQuote(sub), "%q", sub)
			for n := 0; n < 8; n++ {
				assert.Equal(t, len(strings.Fields(sub)) <= n, fieldsAtMost(sub, n), "%q %d", sub, n)
			}
		}
	}
}

func TestHasCreditMatchesRef(t *testing.T) {
	cases := []string{
		"Jensen Huang bei einem Auftritt in Washington. Foto: picture alliance / AP",
		"Ein Blick in die Serverhalle. Bild: Deutsche Telekom",
		"Foto: dpa", " Foto: dpa", "x Foto: a b c d e", "x Foto: a b c d e f",
		"Der Minister (Foto: APA/Hochmuth) sprach am Montag in Wien vor Journalisten über Pläne.",
		"x (Bild: a) Foto/dpa", "x Foto/", "x Foto:", "x Foto: ", "a  Quelle:  b\u00a0c",
		"Das Bild: Ein Mann steht vor einem Haus und schaut in die Ferne hinaus auf das Meer.",
		"Grafik: x Grafik: a b", "AFoto: x", " Bildquelle: Archiv", "a Screenshot: b",
	}
	cases = withCorpusLines(t, cases)
	for _, s := range cases {
		for i := 0; i < len(s) && i < 200; i++ {
			require.Equal(t, hasCreditRef(s[i:]), hasCredit(s[i:]), "%q", s[i:])
		}
	}
}

// withCorpusLines returns cases with the odd texts and every line of the
// fast-path corpus added.
func withCorpusLines(t *testing.T, cases []string) []string {
	cases = append(cases, oddTexts...)
	for _, text := range fastpathTexts(t) {
		for line := range strings.Lines(text) {
			cases = append(cases, strings.TrimSpace(line))
		}
	}
	return cases
}

func TestHasPicturePositionMatchesRef(t *testing.T) {
	cases := []string{
		"Die Ministerin (links) und der Kanzler (Mitte) in Berlin.", "(r.)", "x (li.) y", "(re.",
		"Die Sieger v.l.n.r.: Anna, Ben und Carl", "v. l. n. r. die Gäste", "((links)", "(links", "()()",
	}
	cases = withCorpusLines(t, cases)
	for _, s := range cases {
		for i := 0; i < len(s) && i < 200; i++ {
			require.Equal(t, hasPicturePositionRef(s[i:]), hasPicturePosition(s[i:]), "%q", s[i:])
		}
	}
}

// TestCreditMarkGate: the credit words the tokens show (mCredit) gate
// creditAt exactly: a unit without them has no credit.
func TestCreditMarkGate(t *testing.T) {
	cases := []string{
		"Jensen Huang in Washington. Foto: picture alliance / AP",
		"Ein Blick in die Serverhalle. Bild: Deutsche Telekom",
		"Der Minister (Foto: APA/Hochmuth) sprach in Wien.", "Archiv Foto/dpa", "Er sagte: Foto ab.",
	}
	cases = withCorpusLines(t, cases)
	for _, s := range cases {
		seg := german.Segment(s)
		for _, st := range seg.Sentences {
			u := unit{start: st.Start, end: st.End, creditPos: -2}
			var low lowerText
			low.reset(s)
			unitTokens(&u, st.Tokens, &low, nil, 0, false)
			require.Equal(t, creditAt(s[st.Start:st.End]), u.creditOf(s), "%q", s[st.Start:st.End])
		}
	}
}

func TestWordHashStringAndBytes(t *testing.T) {
	for _, s := range append(oddTexts, "", "a", "ab", "abc", "abcd", "abcdefg", "abcdefgh", "abcdefghi") {
		for i := 0; i <= len(s); i++ {
			require.Equal(t, wordHash(s[:i]), wordHash([]byte(s[:i])))
		}
	}
}

// TestCueTable checks the cue table against maps built as the word lists
// say.
func TestCueTable(t *testing.T) {
	exact := map[string]cueWord{}
	var prefixes []prefixCue
	for k := Kind(0); k < numKinds; k++ {
		for _, w := range bpCueList[k] {
			if p, ok := strings.CutSuffix(w, "*"); ok && len(p) >= 4 {
				prefixes = append(prefixes, prefixCue{p, k})
				continue
			}
			w = strings.TrimSuffix(w, "*")
			c := exact[w]
			c.kind, c.has = k, true
			exact[w] = c
		}
	}
	for _, w := range promptVerbs {
		c := exact[w]
		c.flags |= cuePrompt
		exact[w] = c
	}
	for _, w := range secondPerson {
		c := exact[w]
		c.flags |= cueSecond
		exact[w] = c
	}
	for _, w := range firstPlural {
		c := exact[w]
		c.flags |= cueWe
		exact[w] = c
	}
	ref := func(lw string) (cueWord, bool) {
		c, ok := exact[lw]
		for _, pc := range prefixes { // first prefix in list order
			if strings.HasPrefix(lw, pc.p) {
				c.kind, c.has = pc.k, true
				return c, true
			}
		}
		return c, ok
	}
	words := map[string]bool{}
	for w := range exact {
		words[w] = true
		words[w+"s"] = true
		words[w[:len(w)-1]] = true
	}
	for _, pc := range prefixes {
		words[pc.p] = true
		words[pc.p+"en"] = true
		words[pc.p[:len(pc.p)-1]] = true
	}
	for _, text := range fastpathTexts(t) {
		for _, tok := range german.Tokens(text) {
			words[german.Lower(tok.Text)] = true
		}
	}
	for w := range words {
		wc, wok := ref(w)
		gc, gok := bpCues.lookup([]byte(w))
		if wc != gc || wok != gok {
			t.Errorf("%q: lookup gives %+v %v, want %+v %v", w, gc, gok, wc, wok)
		}
	}
}

// TestDetectLanguageTable checks the packed function-word table against
// the word maps.
func TestDetectLanguageTable(t *testing.T) {
	for _, m := range []map[string]bool{deFunction, enFunction, otherFunction} {
		for w := range m {
			require.LessOrEqual(t, len(w), 8, "%q does not fit a packed key", w)
			f := langFlags(packWord(w))
			assert.Equal(t, deFunction[w], f&langDE != 0, w)
			assert.Equal(t, enFunction[w], f&langEN != 0, w)
			assert.Equal(t, otherFunction[w], f&langOther != 0, w)
			// the lists are disjoint
			assert.LessOrEqual(t, int(boolFlag(deFunction[w])+boolFlag(enFunction[w])+boolFlag(otherFunction[w])), 1, w)
		}
	}
	for _, w := range []string{"th", "dies", "übe", "werde", "x", "wh"} {
		assert.Zero(t, langFlags(packWord(w))&(langDE|langEN|langOther)|boolFlag(deFunction[w] || enFunction[w] || otherFunction[w]), w)
	}
}

func boolFlag(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

// TestFoldedStem checks that stemming the folded form gives german.Stem's
// stem wherever foldInto says so.
func TestFoldedStem(t *testing.T) {
	seen := map[string]bool{}
	for _, text := range fastpathTexts(t) {
		for _, tok := range german.Tokens(text) {
			if tok.Kind != german.Word {
				continue
			}
			for _, sp := range append(tok.Parts(), tok.Span()) {
				w := text[sp.Start:sp.End]
				if seen[w] {
					continue
				}
				seen[w] = true
				f, same := foldInto(nil, w)
				if !same {
					continue
				}
				want := german.Stem(w)
				if got := stem(f, same, w); got != want {
					t.Errorf("%q: stem of folded %q is %q, german.Stem %q", w, f, got, want)
				}
				if !strings.HasPrefix(string(f), want) {
					t.Errorf("%q: stem %q is not a prefix of folded %q", w, want, f)
				}
			}
		}
	}
	for _, w := range []string{"Bäuerin", "Dünger", "aüe", "Straße", "GROẞE", "Äste", "Öfen"} {
		f, same := foldInto(nil, w)
		if same {
			assert.Equal(t, german.Stem(w), stem(f, same, w), w)
		}
	}
	_, same := foldInto(nil, "Dünger")
	assert.False(t, same, "a word with ü is stemmed unfolded")
	_, same = foldInto(nil, "ab\xffc")
	assert.False(t, same, "invalid UTF-8 is stemmed unfolded")
}

// TestWordCacheTransparent tags the texts with the word cache, without
// one, and with one so small that it fills, misses and resets all the
// time: the themes must be the same.
func TestWordCacheTransparent(t *testing.T) {
	tax, err := DefaultThemes()
	require.NoError(t, err)
	texts := fastpathTexts(t)
	run := func(g *tagger, cache func() *wordCache) [][]themeAgg {
		out := make([][]themeAgg, len(texts))
		for i, text := range texts {
			seg := german.Segment(text)
			var low lowerText
			low.reset(text)
			sc := g.getScratch()
			sc.cache = cache()
			sc.resetDocument()
			g.sentences(sc, seg, &low, make([]bool, len(seg.Sentences)), nil, german.Span{}, nil)
			out[i] = slices.Clone(sc.agg)
			sc.cache = nil
			g.putScratch(sc)
		}
		return out
	}
	g := testTagger(t, tax)
	shared := &wordCache{}
	want := run(g, func() *wordCache { return nil })
	got := run(g, func() *wordCache { return shared })
	again := run(g, func() *wordCache { return shared }) // warm
	tiny := &wordCache{limit: 16}
	small := run(g, func() *wordCache { return tiny })
	for i := range texts {
		require.Equal(t, want[i], got[i], "text %d: cold cache differs", i)
		require.True(t, reflect.DeepEqual(want[i], again[i]), "text %d: warm cache differs", i)
		require.True(t, reflect.DeepEqual(want[i], small[i]), "text %d: full cache differs", i)
	}
}

// TestDescribeMatchesFullLookup checks describe, which skips stemming
// candidates that the key filter rules out, against stemming every
// candidate and looking it up.
func TestDescribeMatchesFullLookup(t *testing.T) {
	tax, err := DefaultThemes()
	require.NoError(t, err)
	g := testTagger(t, tax)
	sc := g.getScratch()
	defer g.putScratch(sc)
	seen := map[string]bool{}
	for _, text := range fastpathTexts(t) {
		for _, tok := range german.Tokens(text) {
			if tok.Kind != german.Word {
				continue
			}
			for _, sp := range append(tok.Parts(), tok.Span()) {
				w := text[sp.Start:sp.End]
				if seen[w] || strings.IndexByte(w, '-') > 0 {
					continue
				}
				seen[w] = true
				lower := german.AppendLower(nil, w)
				var cues []cueRef
				info := g.describe(sc, &cues, lower, w)
				f, same := foldInto(nil, w)
				if !g.candidate(f) {
					assert.False(t, info.cand, w)
					continue
				}
				var want []cueRef
				if r, ok := g.forms.get(lower); ok {
					want = append(want, r...)
				}
				st := stem(f, same, w)
				want = g.appendStemCues(want, st)
				assert.Equal(t, g.unitString(st), info.stemUnit, "%q: stem unit", w)
				assert.Equal(t, want, cues[info.roff:info.roff+info.rlen], "%q: cues", w)
			}
		}
	}
	t.Logf("%d words", len(seen))
}

// testTagger builds the tagger of tax with the default theme model.
func testTagger(t *testing.T, tax *Taxonomy) *tagger {
	t.Helper()
	m, err := DefaultThemeModel()
	require.NoError(t, err)
	return newTagger(tax, m)
}
