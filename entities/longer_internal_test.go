package entities

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/german"
)

// TestLongerName pins which words may extend a known name into a longer one
// (longerName), on hand-made candidates: the model's span is toks[i:j].
func TestLongerName(t *testing.T) {
	r, err := New(WithoutModel())
	require.NoError(t, err)
	cases := []struct {
		name   string
		text   string
		known  []string // words covered by lexicon or rule candidates
		i, j   int
		longer bool
	}{
		{"firm and English words", "Hyundai Motor India", []string{"Hyundai", "India"}, 0, 3, true},
		{"first name before a place", "Michael Redmond", []string{"Redmond"}, 0, 2, true},
		{"abbreviation before a place", "AK Oberösterreich", []string{"Oberösterreich"}, 0, 2, true},
		{"known names only", "Berlin Brandenburg", []string{"Berlin", "Brandenburg"}, 0, 2, false},
		{"apposition", "Warenhauskette Breuninger", []string{"Breuninger"}, 0, 2, false},
		{"facility noun after a place adjective", "Frankfurter Flughafen", []string{"Frankfurter"}, 0, 2, false},
		{"company part", "Knauf Gruppe", []string{"Knauf"}, 0, 2, false},
		{"common-noun ending", "FDP Priorität", []string{"FDP"}, 0, 2, false},
		{"single letter", "D Österreich", []string{"Österreich"}, 0, 2, false},
		{"genitive s", "Europas Völker", []string{"Europa"}, 0, 2, false},
		{"hyphen compound", "Amazon Student-Prime-Abo", []string{"Amazon"}, 0, 2, false},
		{"one word", "Redmond", []string{"Redmond"}, 0, 1, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			toks := german.Tokens(c.text)
			var facts []tokFact
			var arena []byte
			facts = appendFacts(facts, toks, c.text, &arena, r.names)
			var sc []cand
			for _, k := range c.known {
				for ti, tk := range toks {
					if tk.Text == k || tk.Text == k+"s" {
						sc = append(sc, cand{tok: ti, tokE: ti + 1, start: tk.Start, end: tk.Start + len(k), typ: LOC})
					}
				}
			}
			assert.Equal(t, c.longer, r.longerName(sc, toks, facts, c.i, c.j))
		})
	}
}
