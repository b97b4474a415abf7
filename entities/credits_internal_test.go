package entities

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/techschau/techschau/german"
)

// TestCredits pins the credits and bylines found in news text (their names
// are no entities of the article).
func TestCredits(t *testing.T) {
	n := names()
	cases := []struct {
		name, text string
		want       []string
	}{
		{"end of article", "Das war es.\n(Renate Graber, 10.5.2016)", []string{"(Renate Graber, 10.5.2016)"}},
		{"photo credit", "Der Kanzler in Berlin. Sven Hoppe/dpa\nDer Text geht weiter.", []string{"Sven Hoppe/dpa"}},
		{"byline at a line start", "Die Notenbank zögert.\n\nvon Stefan Schaaf EZB-Präsidentin Christine Lagarde hat geredet.",
			[]string{"von Stefan Schaaf"}},
		{"byline line", "Wie genau?\nVon Sabine Kroll\n\nDer Konzern heißt Meta.", []string{"Von Sabine Kroll"}},
		{"byline before a bar", "Mi 08.01.25 | 18:36 Uhr | Von Sabine Kroll | Der Konzern", []string{"Von Sabine Kroll"}},
		{"newsletter author", "Hauptstadt Inside von Jörg Müller, Chefredakteur der FUNKE Zentralredaktion\nWeiter geht es.",
			[]string{"von Jörg Müller, Chefredakteur der FUNKE Zentralredaktion"}},
		{"programme label", "Das war alles.\nSendung: rbb24 Inforadio, 19.07.2024, 14:30 Uhr\nMehr", []string{"Sendung: rbb24 Inforadio, 19.07.2024, 14:30 Uhr"}},
		{"prose with von", "Der Vorschlag von Sabine Kroll fand Zustimmung.", nil},
		{"prose starting with Von", "Von Berlin aus fuhr sie weiter.", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			seg := german.Segment(c.text)
			var got []string
			for _, sp := range appendCredits(nil, c.text, seg.Sentences, n.firstNames) {
				got = append(got, c.text[sp.Start:sp.End])
			}
			assert.Equal(t, c.want, got)
		})
	}
}
