package keyeval

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMatch(t *testing.T) {
	l := Label{Phrase: "Zinssenkung", Alts: []string{"Zinssenkungen"}}
	tests := []struct {
		p    string
		l    Label
		want bool
	}{
		{"Zinssenkung", l, true},
		{" zinssenkung ", l, true},
		{"Zinssenkungen", Label{Phrase: "Zinssenkung"}, true}, // by stem
		{"Nvidias", Label{Phrase: "Nvidia"}, true},            // genitive
		{"Nvidia’s", Label{Phrase: "Nvidia"}, true},
		{"Europäischen Zentralbank", Label{Phrase: "Europäische Zentralbank"}, true},
		{"EZB", Label{Phrase: "Europäische Zentralbank", Alts: []string{"EZB"}}, true},
		{"Jensen  Huang", Label{Phrase: "Jensen Huang"}, true},
		{"Huang", Label{Phrase: "Jensen Huang"}, false},
		{"Aktie", Label{Phrase: "Nvidia"}, false},
		{"Leitzins", l, false},
		{"", l, false},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, Match(tc.p, tc.l), "%q vs %q", tc.p, tc.l.Phrase)
	}
}

func TestScore(t *testing.T) {
	docs := []Doc{{ID: "a", Keyphrases: []Label{{Phrase: "Nvidia"}, {Phrase: "Jensen Huang"}, {Phrase: "Leitzins"}, {Phrase: "EZB"}, {Phrase: "DAX"}}}}
	rep := Score(docs, func(Doc) []string {
		return []string{"Nvidia", "Nvidias", "Aktie", "Jensen Huang", "Jahr", "DAX"}
	})
	// first 5: Nvidia (hit), Nvidias (the label is taken), Aktie, Jensen Huang (hit), Jahr
	assert.InDelta(t, 2.0/5, rep.P5, 1e-12)
	assert.InDelta(t, 3.0/10, rep.P10, 1e-12)
	assert.InDelta(t, 3.0/5, rep.R10, 1e-12)
	assert.InDelta(t, 0.5, rep.Ceiling10, 1e-12)
	assert.Equal(t, []int{0, -1, -1, 1, -1, 4}, rep.Pages[0].Matched)
}
