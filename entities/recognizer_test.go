package entities

import (
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/german"
)

// mentionsOf returns "id:text" for every mention, in text order.
func mentionsOf(ents []Entity) map[string][]string {
	out := map[string][]string{}
	for _, e := range ents {
		for _, m := range e.Mentions {
			s := m.Text
			if m.Derived {
				s += "*"
			}
			out[e.ID] = append(out[e.ID], s)
		}
	}
	return out
}

func TestGermanFacts(t *testing.T) {
	r, err := New(WithoutModel())
	require.NoError(t, err)
	cases := []struct {
		name, text string
		want       map[string][]string // id -> mention texts (* = derived)
		not        []string            // ids that must not appear
	}{
		{"genitive", "Huaweis Chips und Chinas Pläne sowie DeepSeeks Modell.", map[string][]string{"huawei": {"Huawei"}, "china": {"China"}, "deepseek": {"DeepSeek"}}, nil},
		{"compounds", "NVIDIA-Chips, Huawei-Chip-Problemen und US-Technologie.", map[string][]string{"nvidia": {"NVIDIA"}, "huawei": {"Huawei"}, "usa": {"US"}}, nil},
		{"generic compound", "Die KI-Firma baut Chips.", map[string][]string{}, nil},
		{"adjectives", "Die chinesische Regierung und US-amerikanischen Firmen.", map[string][]string{"china": {"chinesische*"}, "usa": {"US-amerikanischen*"}}, nil},
		{"case variants", "Nvidia, NVIDIA und nVidia.", map[string][]string{"nvidia": {"Nvidia", "NVIDIA", "nVidia"}}, nil},
		{"no match inside words", "Künstliche Intelligenz braucht Intelligenz.", map[string][]string{}, []string{"intel"}},
		{"multi-word", "Sie forscht an der Universität Berkeley.", map[string][]string{"uc-berkeley": {"Universität Berkeley"}}, nil},
		{"ambiguous needs context", "Er hob den Arm.", map[string][]string{}, []string{"arm"}},
		{"ambiguous with context", "Der Chipdesigner Arm und Qualcomm streiten.", map[string][]string{"arm": {"Arm"}, "qualcomm": {"Qualcomm"}}, nil},
		{"all caps exact", "Das geht bis Mai. Das BIS entscheidet.", map[string][]string{"bis": {"BIS"}}, nil},
		{"role and person", "CEO Jensen Huang sprach. Huang lachte.", map[string][]string{"jensen-huang": {"Jensen Huang", "Huang"}}, nil},
		{"rule person and link", "Die Analystin Sabine Kroll warnt. Kroll sagt mehr.", map[string][]string{"sabine-kroll": {"Sabine Kroll", "Kroll"}}, nil},
		{"legal form", "Die Halvar Systems GmbH wächst. Halvar stellt ein.", map[string][]string{"halvar-systems-gmbh": {"Halvar Systems GmbH", "Halvar"}}, nil},
		{"product head", "Das Modell Zeta9 ist schnell.", map[string][]string{"zeta9": {"Zeta9"}}, nil},
		{"product version", "Das Pixel 10 Pro und die PlayStation 5.", map[string][]string{"google-pixel-10-pro": {"Pixel 10 Pro"}, "playstation-5": {"PlayStation 5"}}, nil},
		{"institution", "Forscher am Fraunhofer-Institut für Silicatforschung.", map[string][]string{"fraunhofer-institut-fuer-silicatforschung": {"Fraunhofer-Institut für Silicatforschung"}}, nil},
		{"language is no place", "Das Spiel gibt es auf Deutsch.", map[string][]string{}, []string{"deutschland"}},
		{"adjective in a name", "Beim Deutschen Landkreistag und der Deutschen Telekom.", map[string][]string{"deutsche-telekom": {"Deutschen Telekom"}, "deutscher-landkreistag": {"Deutschen Landkreistag"}}, []string{"deutschland"}},
		{"dateline source", "WIEN (APA) – Die Firma wächst.", map[string][]string{"wien": {"WIEN"}}, []string{"apa"}},
		{"capitalised noun is no name", "Die Herausforderung ist groß. Die Experten warnen.", map[string][]string{}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ents := r.Recognize(c.text)
			checkEntities(t, c.text, ents)
			got := mentionsOf(ents)
			for id, want := range c.want {
				assert.Equal(t, want, got[id], id)
			}
			if len(c.want) == 0 && c.not == nil {
				assert.Empty(t, got)
			}
			for _, id := range c.not {
				assert.NotContains(t, got, id)
			}
		})
	}
}

func TestMentionSpansAndForms(t *testing.T) {
	r, err := New(WithoutModel())
	require.NoError(t, err)
	text := "Huaweis Ascend-Prozessor"
	ents := r.Recognize(text)
	got := map[string]Mention{}
	for _, e := range ents {
		got[e.ID] = e.Mentions[0]
	}
	assert.Equal(t, Mention{Start: 0, End: 6, Text: "Huawei", Form: "Huaweis"}, got["huawei"])
	assert.Equal(t, Mention{Start: 8, End: 14, Text: "Ascend", Form: "Ascend-Prozessor"}, got["huawei-ascend"])
}

func TestRecognizeSegmentedUse(t *testing.T) {
	r, err := New(WithoutModel())
	require.NoError(t, err)
	text := "Huawei baut Chips.\n\nAbonnieren Sie den Newsletter von Google!"
	seg := german.Segment(text)
	require.Len(t, seg.Sentences, 2)
	all := mentionsOf(r.RecognizeSegmented(seg, nil))
	assert.Contains(t, all, "google")
	body := mentionsOf(r.RecognizeSegmented(seg, func(i int) bool { return i == 0 }))
	assert.Contains(t, body, "huawei")
	assert.NotContains(t, body, "google")
	assert.Equal(t, r.Recognize(text), r.RecognizeSegmented(seg, nil))
	assert.Empty(t, r.RecognizeSegmented(nil, nil))
}

func TestExtraLexicon(t *testing.T) {
	extra, err := LoadLexicon(strings.NewReader(`{"entries":[{"id":"quantiva","name":"Quantiva","type":"ORG","aliases":["Quantiva Robotics"]},
		{"id":"huawei","name":"Huawei Technologies","type":"ORG"}]}`), "extra.json")
	require.NoError(t, err)
	r, err := New(WithoutModel(), WithExtraLexicon(extra))
	require.NoError(t, err)
	got := map[string]Entity{}
	for _, e := range r.Recognize("Quantiva Robotics liefert an Huawei Technologies.") {
		got[e.ID] = e
	}
	assert.Equal(t, "Quantiva Robotics", got["quantiva"].Mentions[0].Text)
	assert.Equal(t, "Huawei Technologies", got["huawei"].Name)

	only, err := New(WithoutModel(), WithLexicon(extra), WithoutRules())
	require.NoError(t, err)
	ents := only.Recognize("Quantiva und Nvidia, CEO Hans Meier.")
	require.Len(t, ents, 1)
	assert.Equal(t, "quantiva", ents[0].ID)
}

func TestTagTokens(t *testing.T) {
	r, err := New(WithoutModel())
	require.NoError(t, err)
	words := strings.Fields("CEO Jensen Huang von Nvidia lobt die chinesische Firma DeepSeek in Peking und das Modell R2 sowie Huawei-Chips .")
	tags := r.TagTokens(words)
	want := []string{"O", "B-PER", "I-PER", "O", "B-ORG", "O", "O", "O", "O", "B-ORG", "O", "B-LOC", "O", "O", "O", "B-OTH", "O", "O", "O"}
	assert.Equal(t, want, tags)
	assert.Empty(t, r.TagTokens(nil))
}

func TestConcurrent(t *testing.T) {
	r, err := New()
	require.NoError(t, err)
	text := "Die chinesische KI-Firma DeepSeek nutzt Huawei-Chips. CEO Jensen Huang von Nvidia warnt."
	want := r.Recognize(text)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				assert.Equal(t, want, r.Recognize(text))
			}
		})
	}
	wg.Wait()
}

// TestRelinkedSurnameKeepsItsSentence: a name the model took with its
// genitive s ("Jörn Kesslers Team"), written twice before the full name
// appears late in a longer sentence, is relinked to that person. The
// relinked short name once kept its old sentence with the new token
// positions, and the second genitive mention indexed past the end of its
// sentence: a panic on a real news page.
func TestRelinkedSurnameKeepsItsSentence(t *testing.T) {
	text := "Knapper Sieg für Brest\n\n" +
		"Jörn Kesslers Team muss früh eine Rote Karte hinnehmen.\n\n" +
		"Jörn Kesslers Team muss früh eine Rote Karte hinnehmen. Brest besiegt den Gegner trotzdem.\n\n" +
		"In Unterzahl nach einem Fehler des neuen Torhüters hat der Verein unter Trainer Jörn Kessler die erste Niederlage hinnehmen müssen.\n"
	r, err := New()
	require.NoError(t, err)
	var ents []Entity
	require.NotPanics(t, func() { ents = r.Recognize(text) })
	for _, e := range ents {
		for _, m := range e.Mentions {
			assert.Equal(t, text[m.Start:m.End], m.Text)
		}
	}
}
