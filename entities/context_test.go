package entities_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/entities"
)

// TestNewsContext: names that are also common words ("Kurier", "Bild",
// "Grüne", "Hofer") are entities in the contexts in which German news names
// a source, an affiliation or a title, and not elsewhere.
func TestNewsContext(t *testing.T) {
	r, err := entities.New(entities.WithoutModel())
	require.NoError(t, err)
	cases := []struct {
		name, text string
		id         string // "" : no entity with a mention of want
		want       string // the mention's text
	}{
		{"reporting verb", "Das berichtete der Kurier am Samstag.", "kurier", "Kurier"},
		{"laut", "Laut Spiegel ist die Lage ernst.", "spiegel", "Spiegel"},
		{"zufolge", "Dem Kurier zufolge ist die Lage ernst.", "kurier", "Kurier"},
		{"quoted title", "Das sagte er der „Bild“ am Sonntag.", "bild", "Bild"},
		{"affiliation", "Verkehrsminister Winfried Hermann (Grüne) widersprach.", "gruene", "Grüne"},
		{"coordination over an article", "Verluste für SPD und die Grünen.", "gruene", "Grünen"},
		{"genitive apposition", "Eine Filiale des Diskonters Hofers wurde geschlossen.", "hofer", "Hofer"},
		{"report compound", "Das Ministerium führte einem Spiegel-Bericht zufolge.", "spiegel", "Spiegel"},
		{"member compound", "Hunderte Grünen-Mitglieder warten auf die Rede.", "gruene", "Grünen"},
		{"quoted title compound", "In einem „Zeit“-Interview schwärmt er.", "zeit", "Zeit"},
		{"coordination with oder", "Keine Koalition mit AfD, BSW oder Linken.", "linke", "Linken"},
		{"list with articles", "Betroffen waren die Deutsche Bank, die Allianz und die Telekom.", "allianz", "Allianz"},
		{"compound without a member noun", "Der Welt-Klimarat warnt.", "", "Welt"},
		{"common noun", "Er sah in den Spiegel und lachte.", "", "Spiegel"},
		{"common noun with article", "Das Bild zeigt einen Hund.", "", "Bild"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			found := ""
			for _, e := range r.Recognize(c.text) {
				for _, m := range e.Mentions {
					if m.Text == c.want {
						found = e.ID
					}
				}
			}
			assert.Equal(t, c.id, found)
		})
	}
}
