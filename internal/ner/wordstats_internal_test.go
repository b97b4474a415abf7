package ner

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCaseBucket(t *testing.T) {
	tests := []struct {
		lo, up int
		want   uint32
	}{
		{0, 0, 1}, {0, 2, 2}, {0, 5, 3}, {2, 0, 4}, {7, 0, 5},
		{1, 20, 6}, {3, 5, 7}, {6, 4, 8}, {19, 1, 9},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, caseBucket(tc.lo, tc.up), "%d/%d", tc.lo, tc.up)
	}
}

func TestWordStats(t *testing.T) {
	var sents [][]string
	for range 3 {
		sents = append(sents,
			strings.Fields("Die Deutsche Bank meldet neue Zahlen ."),
			strings.Fields("Sie sprach über deutsche Firmen und neue Chips ."),
			strings.Fields("Die deutsche Regierung prüft neue Regeln ."),
		)
	}
	ws := buildWordStats(sents)
	require.NotNil(t, ws)
	var x extractor
	x.prepare([]string{"deutsche", "Regierung", "Unbekannt"})
	deutsche, regierung, unknown := ws.get(x.toks[0].lower), ws.get(x.toks[1].lower), ws.get(x.toks[2].lower)
	assert.Equal(t, uint32(8), deutsche&15, "mostly lower case mid-sentence")
	assert.Equal(t, uint32(3), regierung&15, "always capitalised")
	assert.NotZero(t, deutsche&statHasSig)
	assert.Zero(t, unknown)
	// the table round-trips through entries
	keys, vals := ws.entries()
	require.Len(t, keys, ws.n)
	cp := newWordStats(len(keys))
	for i, k := range keys {
		cp.put(k, vals[i])
	}
	assert.Equal(t, deutsche, cp.get(x.toks[0].lower))
	// deterministic
	ws2 := buildWordStats(sents)
	k2, v2 := ws2.entries()
	assert.Equal(t, keys, k2)
	assert.Equal(t, vals, v2)
}

func TestQuoteState(t *testing.T) {
	var x extractor
	x.prepare(strings.Fields(`Der Film „ Das Boot “ lief .`))
	var got []uint8
	for _, t := range x.toks {
		got = append(got, t.quote)
	}
	assert.Equal(t, []uint8{0, 0, quoteMark, quoteInside | quoteFirst, quoteInside | quoteLast, quoteMark, 0, 0}, got)
}
