package ner

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestNameMask pins which tokens Tag scores: names and the particles and
// signs that join or begin them; never a plain lower-case word.
func TestNameMask(t *testing.T) {
	tests := []struct {
		sentence string
		free     string // one character per token: x scored, . O only
	}{
		{"Der Konzern hat das Modell verschoben .", "xx..x.."},
		{"Gerhard Johann David von Scharnhorst kam .", "xxxxx.."},
		{"Ursula von der Leyen sprach in Frankfurt am Main .", "xxxx..xxx."},
		{"Das Bundesministerium für Bildung und Forschung zahlt .", "xxxxxx.."},
		{"laut von der Firma", ".xxx"},
		{"Procter & Gamble und 1. FC Köln", "xxxxxxx"},
		{"Aufschwung bei Yahoo ! heute", "xxxx."},
		{"München ( dpa ) meldet", "xxx.."},
		{"er las „ Ecce homo “ gestern", "...xx.."},
		{"er sagte „ Wir werden das heute nicht mehr prüfen “ danach", "...x........"},
		{"alles klein geschrieben", "..."},
	}
	for _, tt := range tests {
		words := strings.Fields(tt.sentence)
		var x extractor
		x.prepare(words)
		mask, free := x.nameMask(nil)
		var got strings.Builder
		for _, m := range mask {
			if m == 1<<O {
				got.WriteByte('.')
			} else {
				got.WriteByte('x')
			}
		}
		assert.Equal(t, tt.free, got.String(), tt.sentence)
		assert.Equal(t, strings.Count(tt.free, "x"), free, tt.sentence)
	}
}
