package entities

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestShapeTail checks the cheap filter of shapes against the full tests: no
// word that institutionHead, eventHead or streetName accepts, bare or with a
// genitive s or es, may be rejected by shapeTail.
func TestShapeTail(t *testing.T) {
	r, err := New(WithoutModel())
	require.NoError(t, err)
	var words []string
	for _, pre := range []string{"finanz", "ukraine-", "bundestags", "gebäudeenergie", "münz", "syntagma-", "arbeiter", "ezb-", "grenzschutz"} {
		for _, h := range institutionHeads {
			words = append(words, pre+h)
		}
		for _, eh := range eventHeads {
			words = append(words, pre+eh.head)
		}
		for _, h := range streetHeads {
			words = append(words, pre+h)
		}
		for _, h := range []string{"platz", "weg", "ring", "brücke", "ufer"} {
			words = append(words, pre+h)
		}
	}
	n := 0
	for _, w := range words {
		for _, x := range []string{w, w + "s", w + "es"} {
			full := institutionHead(x) > 0 || eventHead(r, x) || streetName(x) ||
				institutionHead(w) > 0 || eventHead(r, w) || streetName(w)
			if full {
				n++
				assert.True(t, shapeTail(x), x)
			}
		}
	}
	assert.Greater(t, n, 100)
	for _, w := range []string{"regierung", "unternehmen", "chips", "deutschland"} {
		assert.False(t, institutionHead(w) > 0 || eventHead(r, w) || streetName(w), w)
	}
}

func TestShapes(t *testing.T) {
	r, err := New(WithoutModel())
	require.NoError(t, err)
	for _, c := range []struct {
		text, want string
		typ        Type
	}{
		{"Das Finanzministerium widersprach.", "Finanzministerium", ORG},
		{"Laut US-Notenbank steigen die Zinsen.", "US-Notenbank", ORG},
		{"Der EZB-Rat entschied am Donnerstag.", "EZB-Rat", ORG},
		{"Vor dem Wiener Straflandesgericht begann der Prozess.", "Wiener Straflandesgericht", ORG},
		{"Das Verkehrsministerium Baden-Württemberg prüft den Fall.", "Verkehrsministerium Baden-Württemberg", ORG},
		{"Vor der Bundestagswahl 2025 wurde gestritten.", "Bundestagswahl 2025", MISC},
		{"Der Ukraine-Krieg belastet die Wirtschaft.", "Ukraine-Krieg", MISC},
		{"Das Gebäudeenergiegesetz bleibt umstritten.", "Gebäudeenergiegesetz", MISC},
		{"Das Geschäft liegt in der Münzstraße.", "Münzstraße", LOC},
	} {
		found := false
		for _, e := range r.Recognize(c.text) {
			if e.Mentions[0].Text == c.want {
				found = true
				assert.Equal(t, c.typ, e.Type, c.text)
			}
		}
		assert.True(t, found, "%q in %q", c.want, c.text)
	}
	for _, text := range []string{"Das chinesische Handelsministerium prüft.", "Das Ministerium prüft.", "Auf der Pressekonferenz sprach sie.", "Die Landstraße ist gesperrt."} {
		for _, e := range r.Recognize(text) {
			assert.NotEqual(t, SourceRule, e.Source, "%q: %v", text, e)
		}
	}
}
