package summarize

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/german"
)

func phraseTexts(kp []Keyphrase) []string {
	out := make([]string, len(kp))
	for i, k := range kp {
		out[i] = k.Text
	}
	return out
}

func TestKeyphrases(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		n       int
		want    []string // must be among the results
		notWant []string
	}{
		{
			name: "closed compound grouped by stem",
			text: "Die USA verschärfen die Exportkontrollen. Die neuen Exportkontrollen treffen Chips. Eine Exportkontrolle gilt ab Mai. Kontrollen gibt es viele.",
			n:    3, want: []string{"Exportkontrollen"},
		},
		{
			name: "hyphenated compound",
			text: "Huawei liefert Huawei-Chips an DeepSeek. Die Huawei-Chips sind langsamer. DeepSeek nutzt wieder NVIDIA-Chips.",
			n:    4, want: []string{"Huawei-Chips", "DeepSeek"},
		},
		{
			name: "adjective noun phrase across inflections",
			text: "China strebt technologische Unabhängigkeit an. Die technologische Unabhängigkeit ist das Ziel. Ohne technologischen Unabhängigkeit droht Abhängigkeit.",
			n:    3, want: []string{"technologische Unabhängigkeit"},
		},
		{
			name: "sentence-initial adverb is no noun",
			text: "Ursprünglich sollte das Modell im Mai kommen. Das Modell kommt später.",
			n:    5, want: []string{"Modell"}, notWant: []string{"Ursprünglich"},
		},
		{
			name: "stop words never",
			text: "Die Firma Nordchip und der Konzern. Die Firma Nordchip wächst.",
			n:    5, want: []string{"Nordchip"}, notWant: []string{"Die", "und", "der", "Firma Nordchip"},
		},
		{
			name: "generic nouns never alone",
			text: "Der Weg ist lang. Im Jahr 2024 wuchs Nordchip um zehn Prozent. Nordchip baut Chips. Am Montag beginnt der Weg. Die nächste Woche zeigt den Weg.",
			n:    8, want: []string{"Nordchip"}, notWant: []string{"Weg", "Jahr", "Prozent", "Montag", "nächste Woche", "Woche"},
		},
		{
			name: "capitalised adjectives are no nouns",
			text: "Viele Studenten protestieren gegen US-amerikanische Zölle. Die Studenten fordern Archive. Chinesische Studenten auch. US-amerikanische Zölle steigen.",
			n:    8, want: []string{"Studenten"}, notWant: []string{"US-amerikanische", "Chinesische"},
		},
	}
	s := mustNew(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			kp := s.Keyphrases(german.Segment(tc.text), Hints{}, tc.n)
			got := phraseTexts(kp)
			t.Logf("%v", kp)
			require.LessOrEqual(t, len(kp), tc.n)
			for _, w := range tc.want {
				assert.Contains(t, got, w)
			}
			for _, w := range tc.notWant {
				assert.NotContains(t, got, w)
			}
			for i, k := range kp {
				assert.Contains(t, tc.text, k.Text)
				if i > 0 {
					assert.GreaterOrEqual(t, kp[i-1].Score, k.Score)
				}
			}
			assert.InDelta(t, 1.0, kp[0].Score, 1e-9)
		})
	}
}

func TestKeyphrasesExclude(t *testing.T) {
	text := chipArticle + "- Gewinnspiel: Tablets gewinnen\n- Tablets im Test\n"
	seg := german.Segment(text)
	off := strings.Index(text, "- Newsletter")
	s := mustNew(t)
	all := phraseTexts(s.Keyphrases(seg, Hints{}, 50))
	body := phraseTexts(s.Keyphrases(seg, Hints{Exclude: boilerplateFrom(seg, off)}, 50))
	assert.Contains(t, all, "Tablets")
	assert.NotContains(t, body, "Tablets")
	for _, k := range body {
		assert.Contains(t, text[:off], k)
	}
}

func TestKeyphrasesEdgeCases(t *testing.T) {
	s := mustNew(t)
	assert.Empty(t, s.Keyphrases(german.Segment(chipArticle), Hints{}, 0))
	assert.Empty(t, s.Keyphrases(german.Segment(""), Hints{}, 5))
	assert.Empty(t, s.Keyphrases(german.Segment("und oder aber."), Hints{}, 5))
	assert.Empty(t, s.Keyphrases(nil, Hints{}, 5))
	kp := s.Keyphrases(german.Segment(chipArticle), Hints{}, 5)
	assert.Len(t, kp, 5)
	assert.Equal(t, kp, s.Keyphrases(german.Segment(chipArticle), Hints{}, 5), "deterministic")
}

func TestIsAnaphorMatchesFold(t *testing.T) {
	slow := func(w string) bool {
		if len(w) > 12 {
			return false
		}
		for _, a := range anaphors {
			if strings.EqualFold(w, a) {
				return true
			}
		}
		return false
	}
	words := []string{"", "Er", "ER", "er", "Es", "ſo", "SO", "So", "Jedoch", "JEDOCH", "Dafür", "DAFÜR", "Außerdem", "AUSSERDEM",
		"Zudem", "Trotzdem", "Hier", "Ihnen", "Und", "und", "Oder", "Kelvin", "@er", "`er", "[er", "Ärger", "Ähnlich", "\xffer", "1er"}
	words = append(words, anaphors...)
	for _, w := range words {
		assert.Equal(t, slow(w), isAnaphor(w), "%q", w)
	}
}
