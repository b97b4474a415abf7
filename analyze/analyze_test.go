package analyze

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/entities"
	"github.com/techschau/techschau/internal/golddata"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

const seedPath = "../../shared/data/seed-article-deepseek-huawei.txt"

func readSeed(t testing.TB) string {
	b, err := os.ReadFile(seedPath)
	if err != nil {
		t.Skipf("seed article: %s not found", seedPath)
	}
	return string(b)
}

func mustAnalyzer(t testing.TB, opts ...Option) *Analyzer {
	a, err := New(opts...)
	require.NoError(t, err)
	return a
}

func marshal(t testing.TB, d *Document) []byte {
	b, err := json.MarshalIndent(d, "", "  ")
	require.NoError(t, err)
	return append(b, '\n')
}

// checkSpans asserts the offset invariants of a Document.
func checkSpans(t testing.TB, text string, d *Document) {
	t.Helper()
	in := func(s, e int) bool { return 0 <= s && s <= e && e <= len(text) }
	for _, s := range d.Sentences {
		require.True(t, in(s.Start, s.End), "sentence span")
		require.Equal(t, text[s.Start:s.End], s.Text)
	}
	for _, b := range d.Boilerplate {
		require.True(t, in(b.Start, b.End), "boilerplate span")
	}
	for _, e := range d.Entities {
		for _, m := range e.Mentions {
			require.True(t, in(m.Start, m.End), "mention span")
			require.Equal(t, text[m.Start:m.End], m.Text)
		}
	}
	for _, th := range d.Themes {
		require.True(t, th.Score >= 0 && th.Score <= 1)
		for _, ev := range th.Evidence {
			require.True(t, in(ev.Start, ev.End), "evidence span")
		}
	}
	for _, s := range d.Summary.Sentences {
		require.True(t, in(s.Start, s.End), "summary span")
		require.Equal(t, text[s.Start:s.End], s.Text)
	}
	if d.Dateline != nil {
		require.True(t, in(d.Dateline.Start, d.Dateline.End), "dateline span")
	}
}

func TestSeedGolden(t *testing.T) {
	text := readSeed(t)
	d, err := mustAnalyzer(t).Analyze(context.Background(), text)
	require.NoError(t, err)
	checkSpans(t, text, d)
	assert.Equal(t, "de", d.Language)

	// body and boilerplate
	cut := strings.Index(text, "- Die besten Bücher")
	require.Positive(t, cut)
	body := 0
	for _, s := range d.Sentences {
		if s.Start < cut {
			assert.False(t, s.Boilerplate, "article sentence marked boilerplate: %q", s.Text)
			body++
		} else {
			assert.True(t, s.Boilerplate, "boilerplate sentence marked body: %q", s.Text)
		}
	}
	assert.Equal(t, 14, body)
	require.NotEmpty(t, d.Boilerplate)
	assert.Equal(t, cut, d.Boilerplate[0].Start)
	assert.Equal(t, len(strings.TrimRight(text, "\n ")), d.Boilerplate[len(d.Boilerplate)-1].End)

	// dateline
	require.NotNil(t, d.Dateline)
	assert.Equal(t, []string{"Peking", "London"}, d.Dateline.Places)
	assert.Equal(t, "IT BOLTWISE", d.Dateline.Source)
	assert.Equal(t, 0, d.Dateline.Start)
	assert.Equal(t, "PEKING / LONDON (IT BOLTWISE) –", text[d.Dateline.Start:d.Dateline.End])

	// entities: those of issue 3, no IT BOLTWISE, nothing from boilerplate
	var ids []string
	for _, e := range d.Entities {
		ids = append(ids, e.ID)
		assert.NotContains(t, strings.ToLower(e.Name), "boltwise")
		for _, m := range e.Mentions {
			assert.Less(t, m.Start, cut, "entity %s mentioned in boilerplate", e.ID)
		}
	}
	for _, id := range []string{"deepseek", "huawei", "nvidia", "peking", "london", "china", "usa"} {
		assert.Contains(t, ids, id)
	}

	// themes
	got := map[string]Theme{}
	for _, th := range d.Themes {
		got[th.ID] = th
	}
	for _, id := range []string{"foreign_tech_dependence", "semiconductors", "state_intervention", "tech_sovereignty", "delays_setbacks", "ai_compute", "geopolitical_rivalry"} {
		assert.Contains(t, got, id)
	}
	assert.NotContains(t, got, "export_controls")
	assert.NotContains(t, got, "supply_chain")
	evidence := func(id, phrase string) {
		for _, ev := range got[id].Evidence {
			if strings.Contains(text[ev.Start:ev.End], phrase) {
				return
			}
		}
		t.Errorf("theme %s: no evidence sentence with %q", id, phrase)
	}
	evidence("foreign_tech_dependence", "Abhängigkeit von US-Technologie")
	evidence("state_intervention", "von chinesischen Behörden gedrängt")
	evidence("tech_sovereignty", "technologische Unabhängigkeit")
	evidence("delays_setbacks", "verschoben")
	evidence("ai_compute", "Inferenz")
	evidence("semiconductors", "Ascend-Prozessor")
	// actors: who acts in the evidence
	assert.Subset(t, got["foreign_tech_dependence"].Actors, []string{"nvidia", "usa"})
	assert.Subset(t, got["state_intervention"].Actors, []string{"china"})
	assert.Subset(t, got["geopolitical_rivalry"].Actors, []string{"china", "usa"})
	for id, th := range got {
		assert.NotContains(t, th.Actors, "peking", "theme %s: a dateline place is no actor", id)
		assert.LessOrEqual(t, len(th.Evidence), 3, id)
	}

	// golden JSON
	out := marshal(t, d)
	golden := filepath.Join("testdata", "golden", "seed.json")
	if *update {
		require.NoError(t, os.WriteFile(golden, out, 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test -update to create %s", golden)
	assert.Equal(t, string(want), string(out), "golden file differs; review and run go test -run TestSeedGolden -update")
}

func TestDocumentJSONShape(t *testing.T) {
	text := readSeed(t)
	d, err := Analyze(context.Background(), text)
	require.NoError(t, err)
	var m map[string]json.RawMessage
	compact, err := json.Marshal(d)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(compact, &m))
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	assert.Equal(t, []string{"boilerplate", "dateline", "entities", "keyphrases", "language", "sentences", "summary", "themes"}, keys)
	var dl map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(m["dateline"], &dl))
	assert.Len(t, dl, 4)
	for _, k := range []string{"start", "end", "places", "source"} {
		assert.Contains(t, dl, k)
	}
	assert.Contains(t, string(m["boilerplate"]), `"kind":"`)
	assert.Contains(t, string(m["summary"]), `"sentences":[`)
}

func TestEmptyAndBlank(t *testing.T) {
	a := mustAnalyzer(t)
	for _, in := range []string{"", "   \n\n\t "} {
		d, err := a.Analyze(context.Background(), in)
		require.NoError(t, err)
		assert.Empty(t, d.Sentences)
		assert.Nil(t, d.Dateline)
		b := marshal(t, d)
		assert.Contains(t, string(b), `"sentences": []`)
		assert.Contains(t, string(b), `"themes": []`)
	}
}

type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

func TestTooLarge(t *testing.T) {
	a := mustAnalyzer(t, WithMaxBytes(100))
	big := strings.Repeat("Die Firma baut Chips in Dresden. ", 10)
	_, err := a.Analyze(context.Background(), big)
	require.ErrorIs(t, err, ErrTooLarge)

	// AnalyzeReader stops at limit+1 bytes
	cr := &countingReader{r: strings.NewReader(strings.Repeat("x", 1<<20))}
	_, err = a.AnalyzeReader(context.Background(), cr)
	require.ErrorIs(t, err, ErrTooLarge)
	assert.LessOrEqual(t, cr.n, 100+1+512*8, "read far beyond the limit")

	d, err := a.AnalyzeReader(context.Background(), strings.NewReader("Die Firma baut Chips."))
	require.NoError(t, err)
	assert.Len(t, d.Sentences, 1)
}

func TestInvalidUTF8(t *testing.T) {
	text := "Berlin – Die Firma \xff\xfe baut Chips in Dresden. Huawei liefert \xc3 Prozessoren an die Bundesregierung.\n\nMehr zum Thema\n"
	d, err := Analyze(context.Background(), text)
	require.NoError(t, err)
	checkSpans(t, text, d)
	require.NotEmpty(t, d.Sentences)
	_, err = json.Marshal(d)
	require.NoError(t, err)
}

func TestLanguage(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"german", "Die chinesische Firma hat den Start ihres neuen Modells verschoben, nachdem es Probleme mit den Chips gab. Das Unternehmen will die Software nun in den USA testen und hofft auf eine schnelle Lösung für die Kunden.", "de"},
		{"english", "The Chinese company has delayed the launch of its new model after problems with the chips. It said that the software will be tested in the United States and that it hopes for a quick fix for its customers.", "en"},
		{"french", "La société chinoise a reporté le lancement de son nouveau modèle après des problèmes avec les puces. Elle espère une solution rapide pour ses clients et veut tester le logiciel aux États-Unis dans les prochaines semaines.", ""},
		{"short", "Huawei Ascend", "de"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, detectLanguage(tt.text))
		})
	}
	_, err := Analyze(context.Background(), tests[2].text)
	assert.ErrorIs(t, err, ErrUnsupportedLanguage)
}

func TestEnglish(t *testing.T) {
	text := "Chinese AI firm DeepSeek has delayed the launch of its new model after problems with Huawei chips. The company was urged by authorities in Beijing to use Huawei processors instead of Nvidia chips, according to people familiar with the matter. Ritwik Gupta, a researcher at the University of California, said the problems were growing pains."
	d, err := Analyze(context.Background(), text)
	require.NoError(t, err)
	assert.Equal(t, "en", d.Language)
	checkSpans(t, text, d)
	assert.NotEmpty(t, d.Sentences)
	var ids, kps []string
	for _, e := range d.Entities {
		ids = append(ids, e.ID)
	}
	for _, k := range d.Keyphrases {
		kps = append(kps, k.Text)
	}
	assert.Contains(t, ids, "huawei")
	assert.Contains(t, ids, "nvidia")
	assert.Contains(t, kps, "Huawei chips")
}

func TestDateline(t *testing.T) {
	tests := []struct {
		name, text string
		places     []string
		source     string
		dash       string // text[Start:End], "" for no dateline
	}{
		{"boltwise", "PEKING / LONDON (IT BOLTWISE) – Die Firma baut Chips.", []string{"Peking", "London"}, "IT BOLTWISE", "PEKING / LONDON (IT BOLTWISE) –"},
		{"plain", "Berlin – Die Bundesregierung plant ein Gesetz.", []string{"Berlin"}, "", "Berlin –"},
		{"agency", "Wien (APA) – Die Regierung plant ein Gesetz.", []string{"Wien"}, "APA", "Wien (APA) –"},
		{"two places", "San Francisco/Peking – NVIDIA darf wieder liefern.", []string{"San Francisco", "Peking"}, "", "San Francisco/Peking –"},
		{"hyphen dash", "Berlin (dpa) - Die Bundesregierung plant ein Gesetz.", []string{"Berlin"}, "dpa", "Berlin (dpa) -"},
		{"spaced slash", "San Francisco / Peking – NVIDIA darf wieder liefern.", []string{"San Francisco", "Peking"}, "", "San Francisco / Peking –"},
		{"compound", "Berlin-Mitte ist ein Bezirk. Die Firma baut Chips.", nil, "", ""},
		{"sentence", "Die Firma baut Chips in Dresden. Sie liefert an viele Kunden.", nil, "", ""},
	}
	a := mustAnalyzer(t, WithoutSummary())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := a.Analyze(context.Background(), tt.text)
			require.NoError(t, err)
			if tt.dash == "" {
				assert.Nil(t, d.Dateline)
				return
			}
			require.NotNil(t, d.Dateline)
			assert.Equal(t, tt.places, d.Dateline.Places)
			assert.Equal(t, tt.source, d.Dateline.Source)
			assert.Equal(t, tt.dash, tt.text[d.Dateline.Start:d.Dateline.End])
		})
	}
}

func TestNoThemeFromPassingWord(t *testing.T) {
	texts := []string{
		"Der VfB Stuttgart hat einen neuen Stürmer verpflichtet. Der Spieler kommt aus Lyon und unterschreibt bis 2029. Die Ablöse soll bei 20 Millionen Euro liegen. Ein Chip im Ball misst künftig die Geschwindigkeit.",
		"Das neue Smartphone hat eine gute Kamera und einen großen Akku. Die Verzögerung beim Auslösen ist kaum spürbar. Das Display ist hell und scharf.",
	}
	for _, text := range texts {
		d, err := Analyze(context.Background(), text)
		require.NoError(t, err)
		assert.Empty(t, d.Themes, text)
	}
}

func TestDeterminism(t *testing.T) {
	texts := []string{readSeed(t)}
	if dir, err := golddata.ArticlesDir(); err == nil {
		if arts, err := golddata.LoadArticles(dir); err == nil {
			for _, a := range arts {
				texts = append(texts, a.Text)
			}
		}
	}
	a1, a2 := mustAnalyzer(t), mustAnalyzer(t)
	for _, text := range texts {
		d1, err := a1.Analyze(context.Background(), text)
		require.NoError(t, err)
		d2, err := a2.Analyze(context.Background(), text)
		require.NoError(t, err)
		require.Equal(t, string(marshal(t, d1)), string(marshal(t, d2)))
	}
}

func TestConcurrent(t *testing.T) {
	text := readSeed(t)
	a := mustAnalyzer(t)
	want, err := a.Analyze(context.Background(), text)
	require.NoError(t, err)
	wantJSON := marshal(t, want)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				d, err := a.Analyze(context.Background(), text)
				if err != nil {
					errs <- err
					return
				}
				b, _ := json.MarshalIndent(d, "", "  ")
				if !bytes.Equal(append(b, '\n'), wantJSON) {
					errs <- errors.New("concurrent result differs")
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestOptions(t *testing.T) {
	for _, o := range []Option{WithThemeThreshold(0), WithThemeThreshold(1.5), WithSummarySentences(-1), WithSummaryChars(-1), WithKeyphrases(-1), WithMaxBytes(0), WithWorkers(0)} {
		_, err := New(o)
		assert.ErrorIs(t, err, ErrBadOption)
	}
	text := readSeed(t)
	a := mustAnalyzer(t, WithoutEntities(), WithoutSummary(), WithoutThemes())
	d, err := a.Analyze(context.Background(), text)
	require.NoError(t, err)
	assert.Empty(t, d.Entities)
	assert.Empty(t, d.Themes)
	assert.Empty(t, d.Summary.Sentences)
	assert.Empty(t, d.Keyphrases)
	assert.NotEmpty(t, d.Sentences)

	a = mustAnalyzer(t, WithSummarySentences(2), WithKeyphrases(3), WithThemeThreshold(0.99))
	d, err = a.Analyze(context.Background(), text)
	require.NoError(t, err)
	assert.LessOrEqual(t, len(d.Summary.Sentences), 2)
	assert.LessOrEqual(t, len(d.Keyphrases), 3)
	for _, th := range d.Themes {
		assert.GreaterOrEqual(t, th.Score, 0.99)
	}
	cut := strings.Index(text, "- Die besten Bücher")
	for _, s := range d.Summary.Sentences {
		assert.Less(t, s.Start, cut, "summary from boilerplate")
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Analyze(ctx, "Die Firma baut Chips.")
	assert.ErrorIs(t, err, context.Canceled)
}

func TestKindText(t *testing.T) {
	for k := Kind(0); k < numKinds; k++ {
		b, err := k.MarshalText()
		require.NoError(t, err)
		var k2 Kind
		require.NoError(t, k2.UnmarshalText(b))
		assert.Equal(t, k, k2)
	}
	var k Kind
	assert.Error(t, k.UnmarshalText([]byte("nope")))
}

func TestValidUTF8Sentences(t *testing.T) {
	text := readSeed(t)
	d, err := Analyze(context.Background(), text)
	require.NoError(t, err)
	for _, s := range d.Sentences {
		assert.True(t, utf8.ValidString(s.Text))
	}
}

func TestBatch(t *testing.T) {
	a := mustAnalyzer(t, WithWorkers(3), WithMaxBytes(300), WithoutSummary())
	var texts []string
	for i := range 50 {
		texts = append(texts, strings.Repeat("Die Firma baut Chips in Dresden. ", i%8))
	}
	texts[7] = strings.Repeat("x", 400) // too large: an error for this item only
	i := 0
	for d, err := range a.Batch(context.Background(), slices.Values(texts)) {
		if i == 7 {
			assert.ErrorIs(t, err, ErrTooLarge)
		} else {
			require.NoError(t, err)
			assert.Len(t, d.Sentences, i%8, "item %d out of order", i)
		}
		i++
	}
	assert.Equal(t, len(texts), i)

	// stop early
	n := 0
	for range a.Batch(context.Background(), slices.Values(texts)) {
		n++
		if n == 5 {
			break
		}
	}
	assert.Equal(t, 5, n)

	// empty input
	for range a.Batch(context.Background(), slices.Values([]string(nil))) {
		t.Fatal("item from empty input")
	}
}

func TestBoilerplateShapes(t *testing.T) {
	body := "Berlin – Die Bundesregierung will die Chipfertigung in Deutschland mit weiteren Milliarden fördern. Das Wirtschaftsministerium prüft dafür mehrere Anträge von Herstellern aus Europa und Asien.\n\n" +
		"Im Mittelpunkt steht ein Werk in Sachsen, das ab 2028 Chips für die Autoindustrie fertigen soll. Kritiker halten die Förderung für zu hoch und verweisen auf gescheiterte Projekte der Vergangenheit.\n\n"
	tests := []struct {
		name     string
		page     string
		bodyPart string // every sentence of this part is body
		bpLines  []string
		kinds    []Kind
	}{
		{"comments after article", "Startseite | Wirtschaft | Technik\n\n" + body + "12 Kommentare\n\nMax123: Ich finde das richtig, denn ohne eigene Fabriken bleiben wir abhängig von anderen Ländern und ihren Launen.\n\nErika: Das Geld wäre in Schulen besser angelegt, finde ich, aber das sieht die Politik wohl anders.\n",
			body, []string{"Startseite | Wirtschaft | Technik", "12 Kommentare", "Max123: Ich finde", "Erika: Das Geld"}, []Kind{KindNavigation, KindComments}},
		{"teaser in the middle", body[:strings.Index(body, "\n\n")+2] + "Mehr zum Thema\nIntel stoppt Bau in Magdeburg\nTSMC baut in Dresden\n\n" + body[strings.Index(body, "\n\n")+2:] + "Newsletter abonnieren und nichts verpassen!\n",
			"Im Mittelpunkt steht", []string{"Mehr zum Thema", "Intel stoppt Bau", "TSMC baut in Dresden", "Newsletter abonnieren"}, []Kind{KindTeaser, KindNewsletter}},
		{"cookie banner first", "Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten. Akzeptieren | Ablehnen\n" + body + "© 2026 Beispielverlag. Alle Rechte vorbehalten.\n",
			body, []string{"Wir verwenden Cookies", "© 2026"}, []Kind{KindCookie, KindCopyright}},
	}
	a := mustAnalyzer(t, WithoutSummary())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := a.Analyze(context.Background(), tt.page)
			require.NoError(t, err)
			for _, s := range d.Sentences {
				if strings.Contains(tt.bodyPart, s.Text) {
					assert.False(t, s.Boilerplate, "body sentence marked boilerplate: %q", s.Text)
				}
				for _, l := range tt.bpLines {
					if strings.HasPrefix(s.Text, l) {
						assert.True(t, s.Boilerplate, "boilerplate line marked body: %q", s.Text)
					}
				}
			}
			var kinds []Kind
			for _, b := range d.Boilerplate {
				kinds = append(kinds, b.Kind)
			}
			for _, k := range tt.kinds {
				assert.Contains(t, kinds, k)
			}
		})
	}
}

func TestExtraLexicon(t *testing.T) {
	lex, err := entities.LoadLexicon(strings.NewReader(`{"entries": [{"id": "quantix", "name": "Quantix", "type": "ORG", "country": "DE"}]}`), "extra.json")
	require.NoError(t, err)
	text := "München – Das Start-up Quantix baut Chips für Rechenzentren. Quantix will 2027 an die Börse."
	find := func(d *Document) bool {
		for _, e := range d.Entities {
			if e.ID == "quantix" {
				return true
			}
		}
		return false
	}
	d, err := mustAnalyzer(t, WithExtraLexicon(lex), WithoutModel()).Analyze(context.Background(), text)
	require.NoError(t, err)
	assert.True(t, find(d), "entity from the extra lexicon")
	ids := func(d *Document) []string {
		var out []string
		for _, e := range d.Entities {
			out = append(out, e.ID)
		}
		return out
	}
	d, err = mustAnalyzer(t, WithLexicon(lex), WithoutModel()).Analyze(context.Background(), text)
	require.NoError(t, err)
	assert.True(t, find(d))
	assert.NotContains(t, ids(d), "muenchen", "the replaced lexicon has no cities")
}

func TestBodySentencesNotMistakenForPrompts(t *testing.T) {
	page := "Berlin – Die Bundesregierung will die Chipfertigung in Deutschland mit weiteren Milliarden fördern. Das Wirtschaftsministerium prüft dafür mehrere Anträge von Herstellern.\n\n" +
		"Hier liegt das Problem.\n\n" +
		"„Wenn Sie heute eine Fabrik planen, finden Sie kaum noch Fachkräfte“, sagte der Verbandschef. Mehr als 30 Mrd. Euro sollen in den kommenden Jahren fließen.\n\n" +
		"Weitere Details nannte das Ministerium nicht.\n\n" +
		"Jetzt den Newsletter abonnieren!\n"
	d, err := mustAnalyzer(t, WithoutSummary()).Analyze(context.Background(), page)
	require.NoError(t, err)
	for _, s := range d.Sentences {
		want := strings.HasPrefix(s.Text, "Jetzt den Newsletter")
		assert.Equal(t, want, s.Boilerplate, "%q", s.Text)
	}
}

func TestTaxonomy(t *testing.T) {
	def, err := DefaultThemes()
	require.NoError(t, err)
	var ids []string
	for _, d := range def.Themes() {
		ids = append(ids, d.ID)
		assert.NotEmpty(t, d.LabelDE)
		assert.NotEmpty(t, d.LabelEN)
		assert.NotEmpty(t, d.Definition)
	}
	assert.ElementsMatch(t, []string{"tech_sovereignty", "foreign_tech_dependence", "semiconductors", "export_controls", "state_intervention", "ai_compute", "geopolitical_rivalry", "supply_chain", "delays_setbacks"}, ids)

	// a theme may require a context that the file defines; a user's theme
	// is scored by the default model with the common intercept
	good := `{"contexts": {"space": {"words": {"Rakete": 1.5, "Satellit": 1.5, "Raumfahrt": 1.5}}},
	 "themes": [{"id": "launch", "label_de": "Raketenstart", "requires": "space", "cues": {"words": {"Raketenstart": 2, "Start": 1, "verschoben": 1.5}}}]}`
	tax, err := LoadThemes(strings.NewReader(good), "space.json")
	require.NoError(t, err)
	a := mustAnalyzer(t, WithThemes(tax), WithoutEntities(), WithoutSummary())
	d, err := a.Analyze(context.Background(), "Der Raketenstart wurde verschoben. Der Start der Rakete sollte am Montag sein, nun ist er auf Mai verschoben. Der Satellit bleibt am Boden, ein Rückschlag für die europäische Raumfahrt.")
	require.NoError(t, err)
	require.Len(t, d.Themes, 1)
	assert.Equal(t, "launch", d.Themes[0].ID)
	d, err = a.Analyze(context.Background(), "Der Start des Festivals wurde verschoben. Die Bands bleiben zu Hause.")
	require.NoError(t, err)
	assert.Empty(t, d.Themes, "no space context")

	bad := `{"themes": [{"id": "launch", "label_de": "Raketenstart", "requires": "space", "cues": {"words": {"Start": 1}}}]}`
	_, err = LoadThemes(strings.NewReader(bad), "bad.json")
	require.ErrorIs(t, err, ErrBadThemes)
	assert.Contains(t, err.Error(), "bad.json:1")
	assert.Contains(t, err.Error(), "requires")

	// Merge: other's theme replaces the one with the same id
	m := def.Merge(tax)
	assert.Len(t, m.Themes(), 10)
	_, ok := m.Lookup("launch")
	assert.True(t, ok)
}
