package entities

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultLexicon(t *testing.T) {
	lex, err := DefaultLexicon()
	require.NoError(t, err)
	assert.GreaterOrEqual(t, lex.Len(), 400)
	counts := map[Type]int{}
	for _, e := range lex.Entries() {
		counts[e.Type]++
	}
	for _, ty := range []Type{ORG, PER, LOC, PRODUCT, MISC} {
		assert.Positive(t, counts[ty], ty.String())
	}
	e, ok := lex.Lookup("huawei")
	require.True(t, ok)
	assert.Equal(t, "Q160120", e.Wikidata)
	for _, en := range lex.Entries() {
		if en.Parent != "" {
			_, ok := lex.Lookup(en.Parent)
			assert.True(t, ok, "parent of %s: %s", en.ID, en.Parent)
		}
	}
}

func TestLoadLexiconErrors(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"not object", `[]`, "want a JSON object"},
		{"no entries", `{"x":1}`, "no \"entries\""},
		{"bad type", "{\"entries\":[\n{\"id\":\"a\",\"name\":\"A\",\"type\":\"ORG\"},\n{\"id\":\"b\",\"name\":\"B\",\"type\":\"ORGA\"}]}", `entry 1 (line 3): field "type"`},
		{"dup id", "{\"entries\":[{\"id\":\"a\",\"name\":\"A\",\"type\":\"ORG\"},{\"id\":\"a\",\"name\":\"B\",\"type\":\"ORG\"}]}", `field "id": duplicate id "a"`},
		{"empty name", `{"entries":[{"id":"a","name":" ","type":"ORG"}]}`, `field "name"`},
		{"bad id", `{"entries":[{"id":"A b","name":"A","type":"ORG"}]}`, `field "id"`},
		{"bad qid", `{"entries":[{"id":"a","name":"A","type":"ORG","wikidata":"160120"}]}`, `field "wikidata"`},
		{"bad ambiguous", `{"entries":[{"id":"a","name":"A","type":"ORG","ambiguous":["B"]}]}`, `field "ambiguous"`},
		{"unknown field", `{"entries":[{"id":"a","name":"A","type":"ORG","alias":["B"]}]}`, `unknown field "alias"`},
		{"truncated", `{"entries":[{"id":"a","name":"A","type":"ORG"}`, `test.json`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := LoadLexicon(strings.NewReader(c.in), "test.json")
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrInvalidLexicon))
			assert.Contains(t, err.Error(), c.want)
			assert.Contains(t, err.Error(), `"test.json"`)
		})
	}
}

func TestMerge(t *testing.T) {
	a, err := LoadLexicon(strings.NewReader(`{"entries":[{"id":"a","name":"Alpha","type":"ORG"},{"id":"b","name":"Beta","type":"ORG"}]}`), "a")
	require.NoError(t, err)
	b, err := LoadLexicon(strings.NewReader(`{"entries":[{"id":"b","name":"Beta","type":"PRODUCT"},{"id":"c","name":"Gamma","type":"LOC"}]}`), "b")
	require.NoError(t, err)
	m := a.Merge(b)
	assert.Equal(t, 3, m.Len())
	e, _ := m.Lookup("b")
	assert.Equal(t, PRODUCT, e.Type)
	e, _ = a.Lookup("b")
	assert.Equal(t, ORG, e.Type, "a is unchanged")
	assert.Equal(t, a, a.Merge(nil))
}

func TestTypeText(t *testing.T) {
	for _, ty := range []Type{ORG, PER, LOC, PRODUCT, MISC} {
		b, err := ty.MarshalText()
		require.NoError(t, err)
		var back Type
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, ty, back)
	}
	var ty Type
	require.NoError(t, ty.UnmarshalText([]byte("OTH")))
	assert.Equal(t, MISC, ty)
	assert.ErrorIs(t, ty.UnmarshalText([]byte("PERSON")), ErrUnknownType)
}

func TestHints(t *testing.T) {
	lex, err := DefaultLexicon()
	require.NoError(t, err)
	words := []string{"Die", "chinesische", "KI-Firma", "DeepSeek", "nutzt", "Huawei-Chips", "und", "Jensen", "Huang", "lobt", "Chinas", "Universität", "Berkeley"}
	h := lex.Hints(words)
	require.Len(t, h, len(words))
	assert.Zero(t, h[0])
	assert.NotZero(t, h[1]&hintDerived)
	assert.Zero(t, h[2])
	assert.NotZero(t, h[3]&hintORG)
	assert.NotZero(t, h[5]&hintORG)
	assert.NotZero(t, h[7]&hintFirst)
	assert.NotZero(t, h[7]&hintPER)
	assert.NotZero(t, h[8]&hintPER)
	assert.NotZero(t, h[10]&hintLOC)
	assert.NotZero(t, h[11]&hintORG)
	assert.NotZero(t, h[12]&hintORG)
}
