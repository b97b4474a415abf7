package trends_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/analyze/trends"
)

var lineSeeds = []string{
	`{"id":"a1","date":"2024-04-03T13:00:00+02:00","document":{"entities":[{"id":"huawei","name":"Huawei","type":"ORG"},{"id":"china","name":"China","type":"LOC"}],"themes":[{"id":"semiconductors","label":"Halbleiter","score":0.8,"actors":["huawei","china"]}]}}`,
	`{"id":17,"date":"2024-04-03","document":{"entities":[],"themes":[]}}`,
	`{"id":"x","date":"Wed, 03 Apr 2024 13 00 00 +0200","document":{}}`,
	`{"id":"y","error":"analyze: input too large"}`,
	`{"line":4,"error":"malformed"}`,
	`{"id":"z","document":{"meta":{"date":"2025-02-01"}}}`,
	`{"id":"\xff\xfe","date":"0000-01-01","document":{"entities":[{"id":"\u00e4","type":"OTH"}]}}`,
	"", "null", "[]", `{"id":`, "\x00\x01",
}

// FuzzAddLine: any line is either added (and counted) or refused with one of the
// documented errors; the aggregate always reports and survives its wire format.
func FuzzAddLine(f *testing.F) {
	for _, s := range lineSeeds {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, line1, line2 string) {
		var a trends.Aggregator
		added := 0
		for _, line := range []string{line1, line2, line1} {
			err := a.AddLine([]byte(line))
			switch {
			case err == nil && len(bytes.TrimSpace([]byte(line))) == 0:
			case err == nil, errors.Is(err, trends.ErrBadDate):
				added++
			case errors.Is(err, trends.ErrFailedLine), errors.Is(err, trends.ErrMalformedLine):
			default:
				t.Fatalf("AddLine(%q): undocumented error %v", line, err)
			}
		}
		r := a.Report()
		assert.Equal(t, int64(added), r.Documents)
		_, err := r.JSON()
		require.NoError(t, err)
		b, err := a.MarshalBinary()
		require.NoError(t, err)
		var c trends.Aggregator
		require.NoError(t, c.UnmarshalBinary(b), "%s", b)
		b2, err := c.MarshalBinary()
		require.NoError(t, err)
		assert.Equal(t, string(b), string(b2))
	})
}

// FuzzUnmarshalBinary: any bytes are refused with ErrBadState or give an aggregate that
// reports, merges and writes the same bytes back.
func FuzzUnmarshalBinary(f *testing.F) {
	var a trends.Aggregator
	for _, s := range lineSeeds {
		_ = a.AddLine([]byte(s))
	}
	b, err := a.MarshalBinary()
	require.NoError(f, err)
	f.Add(b)
	small, err := trends.New(trends.WithCapacity(1))
	require.NoError(f, err)
	for _, s := range lineSeeds {
		_ = small.AddLine([]byte(s))
	}
	b, err = small.MarshalBinary()
	require.NoError(f, err)
	f.Add(b)
	f.Add([]byte(`{"version":1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var c trends.Aggregator
		if err := c.UnmarshalBinary(data); err != nil {
			require.ErrorIs(t, err, trends.ErrBadState)
			return
		}
		_, err := c.Report().JSON()
		require.NoError(t, err)
		b, err := c.MarshalBinary()
		require.NoError(t, err)
		var d trends.Aggregator
		require.NoError(t, d.UnmarshalBinary(b))
		b2, err := d.MarshalBinary()
		require.NoError(t, err)
		assert.Equal(t, string(b), string(b2))
		require.NoError(t, d.Merge(&c))
	})
}
