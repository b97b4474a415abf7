package analyze

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A scraped news page as pages.jsonl holds them (written by the team):
// title, description, the extracted page with its kicker, headline again,
// time stamp and teaser again, the article with a crosshead, a caption,
// an info box, teasers and the site's notes.
var scrapedPage = strings.Join([]string{
	"Stadtwerke Kiel bauen Wärmespeicher für 40.000 Haushalte",
	"Die Stadtwerke Kiel investieren 80 Millionen Euro in einen Wärmespeicher am Ostufer. Der Bau soll im Frühjahr beginnen ...",
	"Energie Stadtwerke Kiel bauen Wärmespeicher für 40.000 Haushalte Stand: 12.03.2025 14:05 Uhr",
	"Die Stadtwerke Kiel investieren 80 Millionen Euro in einen Wärmespeicher am Ostufer. Der Bau soll im Frühjahr beginnen und zwei Jahre dauern.",
	"Kiel – Der Wärmespeicher soll überschüssige Wärme aus dem Kraftwerk am Ostufer aufnehmen und im Winter an das Fernwärmenetz der Stadtwerke abgeben. Nach Angaben der Stadtwerke reicht die Kapazität für rund 40.000 Haushalte.",
	"Der Aufsichtsrat der Stadtwerke hat das Projekt am Dienstag genehmigt. Die Stadtwerke rechnen mit Einsparungen von jährlich 30.000 Tonnen Kohlendioxid, weil das Kraftwerk seltener anspringen muss.",
	"Der Wärmespeicher am Ostufer soll 2027 in Betrieb gehen. Die Stadtwerke setzen große Hoffnungen in den Speicher. Foto: Stadtwerke Kiel",
	"Anwohner befürchten Lärm",
	"Mehrere Anwohner am Ostufer befürchten Lärm während der Bauzeit des Wärmespeichers. Die Stadtwerke kündigten für April zwei Informationsabende für die Anwohner an.",
	"+++ Kiel: Neue Buslinie zum Ostufer startet im Mai +++",
	"Die Stadtwerke Kiel im Überblick",
	"Gründung: 1970",
	"Sitz: Kiel",
	"Mitarbeiter: 1.200 (2024)",
	"Die Kosten des Wärmespeichers teilen sich die Stadtwerke und das Land, das 20 Millionen Euro aus einem Förderprogramm für Fernwärme beisteuert. Der Bund prüft noch eine weitere Förderung für den Speicher.",
	"Das Land fördert den Speicher mit diesen Mitteln:",
	"Zuschuss: 20 Millionen Euro",
	"Laufzeit: 2025 bis 2027",
	"Programm: Fernwärme Nord",
	"Hafen Kiel Neue Kaimauer für Kreuzfahrtschiffe Von Anna Muster",
	"Empfohlener externer Inhalt An dieser Stelle finden Sie einen Inhalt einer externen Plattform. Sie können ihn mit einem Klick anzeigen lassen.",
	"Die Stadtwerke wollen bis 2035 ganz ohne Kohle auskommen. Der Speicher ist ein erster Schritt auf diesem Weg, sagte ein Sprecher der Stadtwerke. (ab)",
	"dpa",
}, "\n\n")

// markedShare returns the share of the non-space bytes of text[s:e] that
// a boilerplate block covers.
func markedShare(text string, d *Document, s, e int) float64 {
	n, k := 0, 0
	for i := s; i < e; i++ {
		switch text[i] {
		case ' ', '\n', '\t', '\r':
			continue
		}
		n++
		for _, b := range d.Boilerplate {
			if b.Start <= i && i < b.End {
				k++
				break
			}
		}
	}
	if n == 0 {
		return 0
	}
	return float64(k) / float64(n)
}

// TestPageLayout: the rules that read a scraped page's layout, each on
// its part of the team's page.
func TestPageLayout(t *testing.T) {
	a := mustAnalyzer(t, WithoutSummary())
	d, err := a.Analyze(context.Background(), scrapedPage)
	require.NoError(t, err)
	checkSpans(t, scrapedPage, d)
	tests := []struct {
		name string
		part string // the first occurrence of it, unless after is set
		nth  int    // which occurrence (0: the first)
		bp   bool
	}{
		{"title", "Stadtwerke Kiel bauen Wärmespeicher für 40.000 Haushalte", 0, false},
		{"description cut off", "Die Stadtwerke Kiel investieren 80 Millionen Euro in einen Wärmespeicher am Ostufer.", 0, false},
		{"kicker glued to the headline", "Energie", 0, true},
		{"headline repeated", "Stadtwerke Kiel bauen Wärmespeicher für 40.000 Haushalte", 1, false},
		{"time stamp", "Stand: 12.03.2025 14:05 Uhr", 0, true},
		{"description repeated", "Der Bau soll im Frühjahr beginnen und zwei Jahre dauern.", 0, false},
		{"caption with a credit", "Der Wärmespeicher am Ostufer soll 2027 in Betrieb gehen. Die Stadtwerke setzen große Hoffnungen in den Speicher.", 0, true},
		{"crosshead", "Anwohner befürchten Lärm", 0, false},
		{"teaser between plus signs", "+++ Kiel: Neue Buslinie zum Ostufer startet im Mai +++", 0, true},
		{"info box heading", "Die Stadtwerke Kiel im Überblick", 0, true},
		{"info box", "Gründung: 1970", 0, true},
		{"info box", "Mitarbeiter: 1.200 (2024)", 0, true},
		{"paragraph after the box", "Die Kosten des Wärmespeichers teilen sich die Stadtwerke und das Land", 0, false},
		{"list the article introduces", "Zuschuss: 20 Millionen Euro", 0, false},
		{"list the article introduces", "Programm: Fernwärme Nord", 0, false},
		{"teaser with a byline", "Hafen Kiel Neue Kaimauer für Kreuzfahrtschiffe Von Anna Muster", 0, true},
		{"consent box in one line", "Sie können ihn mit einem Klick anzeigen lassen.", 0, true},
		{"last paragraph", "Der Speicher ist ein erster Schritt auf diesem Weg, sagte ein Sprecher der Stadtwerke.", 0, false},
		{"editor's initials", "(ab)", 0, true},
		{"agency line", "\n\ndpa", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/"+tt.part, func(t *testing.T) {
			at, from := -1, 0
			for k := 0; k <= tt.nth; k++ {
				i := strings.Index(scrapedPage[from:], tt.part)
				require.GreaterOrEqual(t, i, 0, "%q not in the page", tt.part)
				at = from + i
				from = at + 1
			}
			share := markedShare(scrapedPage, d, at, at+len(tt.part))
			if tt.bp {
				assert.Greater(t, share, 0.5, "%q should be boilerplate", tt.part)
			} else {
				assert.Less(t, share, 0.5, "%q should be body", tt.part)
			}
		})
	}
}

// TestPageLayoutNeedsLines: a text without line breaks has no layout to
// read; the page rules leave it to the unit rules.
func TestPageLayoutNeedsLines(t *testing.T) {
	a := mustAnalyzer(t, WithoutSummary())
	flat := strings.ReplaceAll(scrapedPage, "\n", " ")
	d, err := a.Analyze(context.Background(), flat)
	require.NoError(t, err)
	checkSpans(t, flat, d)
	for _, part := range []string{
		"Kiel – Der Wärmespeicher soll überschüssige Wärme aus dem Kraftwerk am Ostufer aufnehmen",
		"Mehrere Anwohner am Ostufer befürchten Lärm während der Bauzeit des Wärmespeichers.",
	} {
		i := strings.Index(flat, part)
		require.GreaterOrEqual(t, i, 0)
		assert.Less(t, markedShare(flat, d, i, i+len(part)), 0.5, "%q should be body", part)
	}
}

// TestPageLayoutResidue: a sentence kept twice by the scrape, the second
// time with its linked words removed, is furniture; the sentence after it
// on the same line is body.
func TestPageLayoutResidue(t *testing.T) {
	text := strings.Join([]string{
		"Stadtwerke Kiel zeigen den Wärmespeicher am Ostufer",
		"Die Stadtwerke Kiel öffnen den neuen Wärmespeicher am Ostufer für Besucher.",
		"Die Stadtwerke Kiel öffnen den neuen Wärmespeicher am Ostufer am Samstag für Besucher. Führungen durch den Wärmespeicher beginnen um 10 Uhr am Haupttor.",
		"Die Führungen übernimmt am Samstag der Kraftwerksleiter Jan Muster persönlich.",
		"übernimmt am der persönlich. Anmeldungen nehmen die Stadtwerke bis Freitag entgegen, die Plätze für die Führungen durch den Speicher sind begrenzt.",
		"Der Eintritt in den Wärmespeicher ist frei, teilten die Stadtwerke mit.",
	}, "\n\n")
	a := mustAnalyzer(t, WithoutSummary())
	d, err := a.Analyze(context.Background(), text)
	require.NoError(t, err)
	res := strings.Index(text, "übernimmt am der persönlich.")
	assert.Greater(t, markedShare(text, d, res, res+len("übernimmt am der persönlich.")), 0.5)
	next := strings.Index(text, "Anmeldungen nehmen die Stadtwerke")
	assert.Less(t, markedShare(text, d, next, next+len("Anmeldungen nehmen die Stadtwerke bis Freitag entgegen")), 0.5)
}

func TestPageHelpers(t *testing.T) {
	t.Run("colonLabel", func(t *testing.T) {
		for s, want := range map[string]bool{
			"Ort: Kiel": true,
			"Union Berlin vs. FC Bayern Wettbewerb: Bundesliga":      true,
			"Der Minister sagte am Montag in einer langen Rede: Wir": false,
			"Anpfiff 18:30": false,
			"Kiel:":         false,
		} {
			assert.Equal(t, want, colonLabel(s), s)
		}
	})
	t.Run("doubledStart", func(t *testing.T) {
		assert.True(t, doubledStart("Anna Muster Anna Muster schreibt über Energie."))
		assert.True(t, doubledStart("VfL Bochum VfL Bochum: Neuer Trainer"))
		assert.False(t, doubledStart("Der Minister und der Kanzler"))
	})
	t.Run("bylineEnd", func(t *testing.T) {
		assert.True(t, bylineEnd("Hafen Kiel Neue Kaimauer Von Anna Muster"))
		assert.False(t, bylineEnd("Die Rede des Ministers Von Anfang an war klar, dass"))
	})
	t.Run("galleryCounter", func(t *testing.T) {
		assert.True(t, galleryCounter("Das Unglück in Bildern 1 von 9 Zurück Weiter"))
		assert.True(t, galleryCounter("1 von 5 1 von 5 Die Front des Wagens"))
		assert.False(t, galleryCounter("Drei von fünf Befragten und 3 von 5 Ärzten"))
	})
	t.Run("agencyLine", func(t *testing.T) {
		for s, want := range map[string]bool{"dpa": true, "nfz/dpa": true, "(AFP)": true, "Wetter": false, "dpa Meldung heute": false} {
			assert.Equal(t, want, agencyLine(s), s)
		}
	})
	t.Run("bylineStart", func(t *testing.T) {
		assert.Equal(t, len("von Anna Muster"), bylineStart("von Anna Muster Im Jahr 2020 lernte sie ihn kennen."))
		assert.Zero(t, bylineStart("von Anfang an war klar, dass es knapp wird."))
	})
	t.Run("mediaLink and videoLength", func(t *testing.T) {
		assert.True(t, mediaLink("Die schönsten Bilder des Abends Fotostrecke ansehen"))
		assert.False(t, mediaLink("Er wollte sich das Spiel ansehen"))
		assert.True(t, videoLength("Fans feiern ihren Trainer 00:49"))
		assert.False(t, videoLength("Bayern gewinnt 2:1"))
	})
	t.Run("trailers", func(t *testing.T) {
		s := "Der Speicher geht 2027 in Betrieb. (ab)"
		i, k := trailerAt(s)
		assert.Equal(t, strings.Index(s, "(ab)"), i)
		assert.Equal(t, KindAuthor, k)
		s = "Das Paar hat sich getrennt. (sk) Verwendete Quellen: rtl.de, bild.de"
		i, k = trailerAt(s)
		assert.Equal(t, strings.Index(s, "(sk)"), i)
		assert.Equal(t, KindCopyright, k)
		_, k = trailerAt("Die Zahl stieg (red, 3.2.2016)")
		assert.Equal(t, KindOther, k, "a source with a date is the article's")
	})
}
