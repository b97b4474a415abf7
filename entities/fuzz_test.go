package entities

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

var fuzzSeeds = []string{
	"",
	"Microsoft verlängert Windows 8 und 8.1, das iPhone 6s und das 6s Plus, Oppo Find 7, LG G4, Playstation-4, Snapdragon 808-Prozessor.",
	"Das Finanzministeriums, der EU-Ratspräsident, die US-Notenbank, das Wiener Straflandesgericht, die Bundestagswahl 2025.",
	"Er schrieb auf X: gut. Auf der Plattform X. Sven Hoppe/dpa\n(Renate Graber, 10.5.2016)",
	"Boris Rhein und Patrick Femerling vor der EM 2024 in der Münzstraße; „Tsipras“ Tsipras.",
	"Huaweis Ascend-Prozessor und NVIDIA-Chips",
	"PEKING / LONDON (IT BOLTWISE) – Die chinesische KI-Firma DeepSeek hat R2 verschoben.",
	"Der KI-Forscher Ritwik Gupta von der Universität Berkeley sagt: „Chinas Chips“.",
	"Die Halvar Systems GmbH aus München; später Halvar.",
	"US-amerikanischen Konkurrenten, Huawei-Chip-Problemen, z. B. 3. Quartal",
	"Pixel 10 Pro, PlayStation 5, DeepSeek-V3.2 und GPT-4.1",
	"\xff\xfeHuawei\xc3",
	"Dr. Prof. CEO ---- ( ) – Universität",
	strings.Repeat("Huawei-", 50),
}

// checkEntities asserts the invariants of a result.
func checkEntities(t *testing.T, text string, ents []Entity) {
	t.Helper()
	seen := map[string]bool{}
	for i, e := range ents {
		require.NotEmpty(t, e.ID)
		require.False(t, seen[e.ID], "duplicate id %s", e.ID)
		seen[e.ID] = true
		require.NotEqual(t, TypeUnknown, e.Type)
		require.NotEmpty(t, e.Mentions)
		require.True(t, e.Salience >= 0 && e.Salience <= 1)
		require.True(t, e.Confidence >= 0 && e.Confidence <= 1)
		if i > 0 {
			p := ents[i-1]
			require.True(t, p.Salience > e.Salience || p.Salience == e.Salience && p.ID < e.ID, "order")
		}
		prev := -1
		for _, m := range e.Mentions {
			require.True(t, 0 <= m.Start && m.Start < m.End && m.End <= len(text), "span %d-%d", m.Start, m.End)
			require.Equal(t, text[m.Start:m.End], m.Text)
			require.True(t, utf8.ValidString(m.Text) == utf8.ValidString(text[m.Start:m.End]))
			require.True(t, utf8.RuneStart(text[m.Start]))
			if m.End < len(text) && !utf8.RuneStart(text[m.End]) {
				r, n := utf8.DecodeRuneInString(text[m.End:])
				require.True(t, r == utf8.RuneError && n == 1, "mention ends inside a rune")
			}
			require.Contains(t, text, m.Form)
			require.Contains(t, m.Form, m.Text)
			require.GreaterOrEqual(t, m.Start, prev, "mentions in text order")
			prev = m.Start
		}
	}
}

func FuzzRecognize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	r, err := New()
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, text string) {
		ents := r.Recognize(text)
		checkEntities(t, text, ents)
		again := r.Recognize(text)
		a, _ := json.Marshal(ents)
		b, _ := json.Marshal(again)
		require.Equal(t, string(a), string(b), "deterministic")
		words := strings.Fields(text)
		tags := r.TagTokens(words)
		require.Len(t, tags, len(words))
		for i, tg := range tags {
			if strings.HasPrefix(tg, "I-") {
				require.True(t, i > 0 && tags[i-1] != "O" && tags[i-1][2:] == tg[2:], "I- continues %v", tags)
			}
		}
	})
}

func FuzzLoadLexicon(f *testing.F) {
	f.Add(`{"entries":[{"id":"a","name":"Alpha","type":"ORG","aliases":["Alpha AG"],"adjectives":["alphanisch"]}]}`)
	f.Add(`{"entries":[{"id":"a","name":"A","type":"ORGA"}]}`)
	f.Add(`{"entries":[{"id":"a","name":"Arm","type":"ORG","ambiguous":["Arm"],"parent":"b","country":"GB","wikidata":"Q1"}]}`)
	f.Add(`{"entries":[`)
	f.Add("\xff")
	f.Fuzz(func(t *testing.T, data string) {
		lex, err := LoadLexicon(strings.NewReader(data), "fuzz.json")
		if err != nil {
			require.ErrorIs(t, err, ErrInvalidLexicon)
			require.Nil(t, lex)
			return
		}
		require.NotNil(t, lex)
		r, err := New(WithoutModel(), WithLexicon(lex))
		require.NoError(t, err)
		for _, e := range lex.Entries() {
			text := "Heute: " + e.Name + " und " + e.Name + "s."
			checkEntities(t, text, r.Recognize(text))
		}
	})
}
