package analyze

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// oneParagraph is a one-paragraph article as clean news feeds and CSV
// exports carry it (written by the team).
const oneParagraph = "Berlin – Die Bundesregierung will die Chipfertigung in Deutschland mit weiteren Milliarden fördern. " +
	"Das Wirtschaftsministerium prüft dafür mehrere Anträge von Herstellern aus Europa und Asien. " +
	"Im Mittelpunkt steht ein Werk in Sachsen, das ab 2028 Chips für die Autoindustrie fertigen soll. " +
	"Kritiker halten die Förderung für zu hoch und verweisen auf gescheiterte Projekte der Vergangenheit."

// TestFurnitureNextToOneParagraph: a single piece of furniture before or
// after a one-paragraph article condemns itself, never the article; with
// line breaks and without.
func TestFurnitureNextToOneParagraph(t *testing.T) {
	tests := []struct {
		name      string
		before    string
		after     string
		furniture string // the unit that is boilerplate
		kind      Kind
		flatToo   bool // also marked when the line breaks are gone
	}{
		{"newsletter prompt", "", "Jetzt Newsletter abonnieren!", "Jetzt Newsletter abonnieren!", KindNewsletter, true},
		{"copyright line", "", "© 2025 heise Medien GmbH & Co. KG.", "© 2025 heise Medien GmbH & Co. KG.", KindCopyright, true},
		{"read-also teaser", "", "Lesen Sie auch: Wie Chinas Cloud-Konzerne die Lücke bei KI-Chips füllen wollen.", "Lesen Sie auch: Wie Chinas Cloud-Konzerne die Lücke bei KI-Chips füllen wollen.", KindTeaser, true},
		{"photo credit before", "Foto: dpa", "", "Foto: dpa", KindCaption, false},
		{"share prompt", "", "Teilen Sie diesen Artikel auf Facebook und LinkedIn!", "Teilen Sie diesen Artikel auf Facebook und LinkedIn!", KindSocial, true},
		{"ad label", "Anzeige", "", "Anzeige", KindAd, false},
	}
	a := mustAnalyzer(t, WithoutSummary())
	for _, tt := range tests {
		for _, flat := range []bool{false, true} {
			name := tt.name
			if flat {
				name += "/flattened"
			}
			t.Run(name, func(t *testing.T) {
				sep := "\n\n"
				if flat {
					sep = " "
				}
				var parts []string
				for _, p := range []string{tt.before, oneParagraph, tt.after} {
					if p != "" {
						parts = append(parts, p)
					}
				}
				text := strings.Join(parts, sep)
				d, err := a.Analyze(context.Background(), text)
				require.NoError(t, err)
				checkSpans(t, text, d)
				for _, s := range d.Sentences {
					if strings.Contains(oneParagraph, s.Text) {
						assert.False(t, s.Boilerplate, "article sentence marked: %q", s.Text)
					}
					if s.Text == tt.furniture && (!flat || tt.flatToo) {
						assert.True(t, s.Boilerplate, "furniture kept: %q", s.Text)
					}
				}
				if !flat || tt.flatToo {
					require.NotEmpty(t, d.Boilerplate)
					assert.Equal(t, tt.kind, d.Boilerplate[0].Kind)
				}
				assert.Empty(t, d.Warnings)
			})
		}
	}
}

// TestCueInProse: a cue word in article prose is no furniture.
func TestCueInProse(t *testing.T) {
	text := "Wien – Die Kommentare des Ministers zum neuen Datenschutzgesetz sorgten am Montag für Aufregung im Parlament. " +
		"Auf Facebook und Twitter teilten Tausende Nutzer Fotos von der Debatte über das Gesetz. " +
		"Die Anzeige gegen den Minister wegen Amtsmissbrauchs wurde inzwischen zurückgezogen. " +
		"Der Newsletter des Ministeriums hatte das Gesetz schon vor Wochen angekündigt, die Opposition kritisierte das Vorgehen als undemokratisch."
	for _, flat := range []bool{true, false} {
		in := text
		if !flat {
			in = strings.ReplaceAll(text, ". ", ".\n\n")
		}
		d, err := mustAnalyzer(t, WithoutSummary()).Analyze(context.Background(), in)
		require.NoError(t, err)
		for _, s := range d.Sentences {
			assert.False(t, s.Boilerplate, "prose marked: %q", s.Text)
		}
		assert.Empty(t, d.Boilerplate)
	}
}

// TestBoilerplateMajority: a page that is mostly furniture says so, and
// entities, themes and summary then use the prose the detector was least
// sure of rather than nothing.
func TestBoilerplateMajority(t *testing.T) {
	text := "Startseite | Politik | Wirtschaft | Technik | Sport\n" +
		"Anmelden | Registrieren | Abo\n\n" +
		"Huawei baut in Shenzhen eine neue Fabrik für KI-Chips. Das Werk soll 2027 die Produktion aufnehmen.\n\n" +
		"Mehr zum Thema\nIntel stoppt Bau in Magdeburg\nTSMC baut in Dresden\nSamsung verschiebt Fabrik in Texas\n\n" +
		"Jetzt den Newsletter abonnieren und nichts verpassen!\n" +
		"Folgen Sie uns auf Facebook, Instagram, LinkedIn und Mastodon!\n" +
		"Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten. Akzeptieren | Ablehnen\n" +
		"Stellenangebote\nProjektmanager (m/w/d) KI-Enablement in Vollzeit\nWerkstudent (m/w/d) Marketing\n" +
		"© 2026 Beispielverlag. Alle Rechte vorbehalten. Impressum | Datenschutz | AGB\n"
	d, err := mustAnalyzer(t).Analyze(context.Background(), text)
	require.NoError(t, err)
	checkSpans(t, text, d)
	assert.Contains(t, d.Warnings, WarnBoilerplateMajority)
	var ids []string
	for _, e := range d.Entities {
		ids = append(ids, e.ID)
	}
	assert.Contains(t, ids, "huawei", "entities fall back to the least sure units")
	assert.NotEmpty(t, d.Summary.Sentences)

	// a clean article has no warning
	d, err = mustAnalyzer(t).Analyze(context.Background(), oneParagraph)
	require.NoError(t, err)
	assert.Empty(t, d.Warnings)
}

// TestAnalyzeExtracted: in an extractor's text, lists and short lines that
// merely stand outside the article's prose are content; units with their
// own furniture signals are still marked.
func TestAnalyzeExtracted(t *testing.T) {
	text := "Zitronenkuchen mit Glasur\n\n" +
		"Für den Teig:\n250 g Mehl\n200 g Zucker\n4 Eier\n\n" +
		"Die Butter mit dem Zucker schaumig schlagen und die Eier nach und nach unterrühren. " +
		"Das Mehl unterheben und den Teig in eine gefettete Form füllen.\n\n" +
		"Anzeige\n\n" +
		"23.10.2018\n\n" +
		"Den Kuchen bei 180 Grad etwa 50 Minuten backen und danach mit der Glasur bestreichen.\n"
	a := mustAnalyzer(t, WithoutSummary())
	d, err := a.AnalyzeExtracted(context.Background(), text)
	require.NoError(t, err)
	checkSpans(t, text, d)
	marked := map[string]bool{}
	for _, s := range d.Sentences {
		marked[s.Text] = s.Boilerplate
	}
	for _, body := range []string{"Zitronenkuchen mit Glasur", "Für den Teig:", "250 g Mehl", "4 Eier", "Das Mehl unterheben und den Teig in eine gefettete Form füllen."} {
		assert.False(t, marked[body], "content marked: %q", body)
	}
	assert.True(t, marked["Anzeige"])
	assert.True(t, marked["23.10.2018"], "a date stamp on its own line")

	// the same text as a scraped page: the list outside the prose run is
	// judged by its position
	d, err = a.Analyze(context.Background(), text)
	require.NoError(t, err)
	for _, s := range d.Sentences {
		if s.Text == "250 g Mehl" {
			assert.True(t, s.Boilerplate)
		}
	}
}

func TestHasStamp(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"23.10.2018", true},
		{"Stand: 3.1.26, 14:05 Uhr", true},
		{"2021-10-16 | Politik", true},
		{"24. März 2004, 19:49 | Genesis", true},
		{"Veröffentlicht am 21.10.2026 um 16:40 Uhr", true},
		{"1. FC Bayern München 22", false},
		{"Ergebnis 3:1", false},
		{"4,5 Mrd. Dollar", false},
		{"Tel. 0351 123456", false},
		{"Version 1.2.3", false},
		{"", false},
		{"12.", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, hasStamp(tt.in), "%q", tt.in)
	}
}

// TestSeedFlattened: the seed page with its line breaks turned into spaces
// keeps its 14 article sentences as body and marks at least 70 % of the
// furniture after them.
func TestSeedFlattened(t *testing.T) {
	text := readSeed(t)
	cut := strings.Index(text, "- Die besten Bücher")
	require.Positive(t, cut)
	for _, flat := range []bool{false, true} {
		in := text
		if flat {
			in = strings.NewReplacer("\r", " ", "\n", " ").Replace(text)
		}
		d, err := mustAnalyzer(t, WithoutSummary()).Analyze(context.Background(), in)
		require.NoError(t, err)
		body := 0
		for _, s := range d.Sentences {
			if s.Start < cut && !s.Boilerplate {
				body++
			}
		}
		assert.Equal(t, 14, body, "flattened %v", flat)
		assert.GreaterOrEqual(t, markedShare(in, d, cut, len(in)), 0.7, "flattened %v: furniture marked", flat)
	}
}

// TestPartialBlocks: a byline or time stamp that a scraped header runs
// into the headline or first sentence, and a credit at the end of a
// caption sentence, get blocks of their own (a short caption with its
// credit is a caption whole); the article's sentences stay body.
func TestPartialBlocks(t *testing.T) {
	tests := []struct {
		name, unit, block string
		kind              Kind
	}{
		{"stamp inside", "Chipfabrik in Dresden feiert Richtfest Stand: 21.10.2026 16:40 Uhr Das Werk soll 2027 fertig sein und Chips für Autos liefern.", "Stand: 21.10.2026 16:40 Uhr", KindAuthor},
		{"byline leader", "von Anna Berger 21.10.2026 • 16:40 Uhr Das Werk in Dresden soll 2027 fertig sein und Chips für Autos liefern.", "von Anna Berger 21.10.2026 • 16:40 Uhr", KindAuthor},
		{"credit trailer", "Die Baustelle der Chipfabrik im Norden von Dresden am Dienstag Foto: Robert Michael/dpa", "Foto: Robert Michael/dpa", KindCaption},
	}
	a := mustAnalyzer(t, WithoutSummary())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.unit + "\n\n" + oneParagraph
			d, err := a.Analyze(context.Background(), text)
			require.NoError(t, err)
			checkSpans(t, text, d)
			var found bool
			at := strings.Index(text, tt.block)
			for _, b := range d.Boilerplate {
				if b.Start <= at && at+len(tt.block) <= b.End {
					found = true
					assert.Equal(t, tt.kind, b.Kind)
				}
			}
			assert.True(t, found, "no block %q in %v", tt.block, d.Boilerplate)
			for _, s := range d.Sentences {
				if strings.Contains(oneParagraph, s.Text) {
					assert.False(t, s.Boilerplate, "%q", s.Text)
				}
			}
		})
	}
}

// TestNumberedList: a numbered list after the article's prose is the
// article's own, not furniture below it.
func TestNumberedList(t *testing.T) {
	text := oneParagraph + "\n\nDie Förderung verteilt sich so:\n1. Sachsen mit dem neuen Werk\n2. Thüringen mit zwei Zulieferern\n3. Bayern mit einem Forschungszentrum\n4. Nordrhein-Westfalen mit einer Teststrecke\n"
	d, err := mustAnalyzer(t, WithoutSummary()).Analyze(context.Background(), text)
	require.NoError(t, err)
	for _, s := range d.Sentences {
		assert.False(t, s.Boilerplate, "%q", s.Text)
	}
}
