package rouge

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTeaserPair(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		ok       bool
		ref      string
		dateline string
	}{
		{"en dash", "Die Gewerkschaft lanciert einen Rechner. Wien – Die Gewerkschaft sieht Bedarf.", true, "Die Gewerkschaft lanciert einen Rechner.", "Wien – "},
		{"hyphen", "Die Queen feiert. Windsor - Die britische Königin feiert.", true, "Die Queen feiert.", "Windsor - "},
		{"two places", "Hunderte kamen an. Wien/Budapest – Hunderte Flüchtlinge sind angekommen.", true, "Hunderte kamen an.", "Wien/Budapest – "},
		{"three places", "Klage droht. Frankfurt/Brüssel/Luxemburg – Die deutsche Regierung wird verklagt.", true, "Klage droht.", "Frankfurt/Brüssel/Luxemburg – "},
		{"agency", "Neue Zahlen. Wien (APA) – Die Arbeitslosigkeit steigt.", true, "Neue Zahlen.", "Wien (APA) – "},
		{"multi-word place", "Tor in letzter Minute. St. Pölten – Das Spiel war eng.", true, "Tor in letzter Minute.", "St. Pölten – "},
		{"after quote", `Er sagt: "Fürchtet euch nicht". Berlin – Die Regierung beruhigt.`, true, `Er sagt: "Fürchtet euch nicht".`, "Berlin – "},
		{"no teaser", "Cambridge - Schimpansen nutzen Werkzeuge.", false, "", ""},
		{"no dateline", "Ein Text ohne Ortsmarke. Er hat zwei Sätze.", false, "", ""},
		{"dash inside a sentence", "Das ist – wie immer – teuer. Und dann noch mehr.", false, "", ""},
		{"too late", strings.Repeat("Lang. ", 120) + "Wien – Text.", false, "", ""},
		{"empty", "", false, "", ""},
		{"month", "Im Sommer. Juli – ein heißer Monat.", false, "", ""},
		{"article", "Neu. Die – so heißt es – Firma wächst.", false, "", ""},
		{"sentence end before the place", "Eine Entscheidung. London – Die Regierung entscheidet.", true, "Eine Entscheidung.", "London – "},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, ok := TeaserPair(tc.text)
			require.Equal(t, tc.ok, ok)
			if !ok {
				return
			}
			assert.Equal(t, tc.ref, p.Reference)
			assert.Equal(t, tc.dateline, p.Input[:p.Dateline])
			assert.True(t, strings.HasSuffix(tc.text, p.Input))
		})
	}
}

func TestPrepareAndBaselines(t *testing.T) {
	p, ok := TeaserPair("Kurz gesagt. Wien – Erster Satz hier. Zweiter Satz folgt. Dritter Satz endet.")
	require.True(t, ok)
	seg := Prepare(p)
	require.Len(t, seg.Sentences, 3)
	assert.Equal(t, "Erster Satz hier.", seg.Sentences[0].In(seg.Text))
	lead := Lead(seg, 2)
	require.Len(t, lead, 2)
	assert.Equal(t, "Erster Satz hier.", lead[0].In(seg.Text))
	assert.Equal(t, "Zweiter Satz folgt.", lead[1].In(seg.Text))
	assert.Len(t, Lead(seg, 10), 3)
	r := Random(7)
	a, b := r(seg, 2), r(seg, 2)
	assert.Equal(t, a, b, "deterministic")
	require.Len(t, a, 2)
	assert.Less(t, a[0].Start, a[1].Start, "article order")

	res := Evaluate([]Pair{p}, []System{{Name: "lead", Pick: Lead}}, []int{1, 3})
	require.Len(t, res, 2)
	assert.Equal(t, 1, res[0].Pairs)
	// reference "kurz gesagt" shares nothing with the body
	assert.Zero(t, res[0].R1)
}
