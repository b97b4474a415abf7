package ner_test

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/internal/conll"
	"github.com/techschau/techschau/internal/ner"
)

const devPath = "../../../shared/data/germeval2014/NER-de-dev.tsv"

func TestLabelString(t *testing.T) {
	for l := ner.O; l < ner.NumLabels; l++ {
		back, ok := ner.ParseLabel(l.String())
		require.True(t, ok, l.String())
		assert.Equal(t, l, back)
	}
	assert.Equal(t, "B-PER", ner.BPER.String())
	assert.Equal(t, "I-MISC", ner.IMISC.String())
	assert.Equal(t, "O", ner.Label(200).String())
	l, ok := ner.ParseLabel("B-OTH")
	assert.True(t, ok)
	assert.Equal(t, ner.BMISC, l)
	l, ok = ner.ParseLabel("I-PRODUCT")
	assert.True(t, ok)
	assert.Equal(t, ner.IMISC, l)
	_, ok = ner.ParseLabel("B-FOO")
	assert.False(t, ok)
}

func TestSpans(t *testing.T) {
	tests := []struct {
		name   string
		labels []ner.Label
		want   []ner.Span
	}{
		{"empty", nil, nil},
		{"one", []ner.Label{ner.O, ner.BPER, ner.IPER, ner.O}, []ner.Span{{1, 3, "PER"}}},
		{"adjacent", []ner.Label{ner.BORG, ner.BORG, ner.IORG}, []ner.Span{{0, 1, "ORG"}, {1, 3, "ORG"}}},
		{"type change", []ner.Label{ner.BLOC, ner.IPER}, []ner.Span{{0, 1, "LOC"}, {1, 2, "PER"}}},
		{"stray inside", []ner.Label{ner.O, ner.IMISC}, []ner.Span{{1, 2, "MISC"}}},
		{"at end", []ner.Label{ner.O, ner.BLOC, ner.ILOC}, []ner.Span{{1, 3, "LOC"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, ner.Spans(tt.labels))
		})
	}
}

// synthetic is a tiny learnable data set.
func synthetic() []ner.Example {
	people := []string{"Anna Becker", "Jonas Keller", "Lena Vogt", "Paul Richter"}
	firms := []string{"Huawei", "Nvidia", "Siemens", "Infineon"}
	places := []string{"Berlin", "Peking", "München", "Shenzhen"}
	var out []ner.Example
	for i := range 40 {
		p := strings.Fields(people[i%4])
		f, c := firms[(i/4)%4], places[(i/2)%4]
		words := append([]string{"Laut"}, p...)
		words = append(words, "baut", f, "in", c, "neue", "Chips", ".")
		labels := []ner.Label{ner.O, ner.BPER, ner.IPER, ner.O, ner.BORG, ner.O, ner.BLOC, ner.O, ner.O, ner.O}
		out = append(out, ner.Example{Words: words, Labels: labels})
	}
	return out
}

func TestTrainDeterministic(t *testing.T) {
	for _, stats := range []bool{false, true} {
		opt := ner.TrainOptions{Bits: 12, Epochs: 5, Seed: 7, MinCount: 1, WordStats: stats}
		m1, err := ner.Train(synthetic(), opt)
		require.NoError(t, err)
		m2, err := ner.Train(synthetic(), opt)
		require.NoError(t, err)
		var b1, b2 bytes.Buffer
		_, err = m1.WriteTo(&b1)
		require.NoError(t, err)
		_, err = m2.WriteTo(&b2)
		require.NoError(t, err)
		assert.Equal(t, b1.Bytes(), b2.Bytes(), "word stats %v", stats)

		got := m1.Tag(strings.Fields("Laut Lena Vogt baut Nvidia in Peking neue Chips ."), nil, nil)
		assert.Equal(t, []ner.Span{{1, 3, "PER"}, {4, 5, "ORG"}, {6, 7, "LOC"}}, ner.Spans(got), "word stats %v", stats)
	}
}

func TestTrainNoData(t *testing.T) {
	_, err := ner.Train(nil, ner.TrainOptions{})
	assert.ErrorIs(t, err, ner.ErrNoData)
}

func TestRoundTrip(t *testing.T) {
	for _, stats := range []bool{false, true} {
		m, err := ner.Train(synthetic(), ner.TrainOptions{Bits: 12, Epochs: 3, MinCount: 1, Hints: true, WordStats: stats})
		require.NoError(t, err)
		var buf bytes.Buffer
		n, err := m.WriteTo(&buf)
		require.NoError(t, err)
		assert.Equal(t, int64(buf.Len()), n)
		m2, err := ner.Load(bytes.NewReader(buf.Bytes()))
		require.NoError(t, err)
		assert.True(t, m2.UsesHints())
		assert.Equal(t, 12, m2.Bits())
		var buf2 bytes.Buffer
		_, err = m2.WriteTo(&buf2)
		require.NoError(t, err)
		assert.Equal(t, buf.Bytes(), buf2.Bytes(), "word stats %v", stats)
		for _, ex := range synthetic()[:5] {
			assert.Equal(t, m.Tag(ex.Words, nil, nil), m2.Tag(ex.Words, nil, nil), "word stats %v", stats)
		}
	}
}

func TestLoadBad(t *testing.T) {
	for _, in := range []string{"", "not gzip", "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"} {
		_, err := ner.Load(strings.NewReader(in))
		assert.ErrorIs(t, err, ner.ErrModel, "%q", in)
	}
	// truncated model
	m, err := ner.Default()
	require.NoError(t, err)
	var buf bytes.Buffer
	_, err = m.WriteTo(&buf)
	require.NoError(t, err)
	_, err = ner.Load(bytes.NewReader(buf.Bytes()[:buf.Len()/2]))
	assert.Error(t, err)
}

func TestDefaultTag(t *testing.T) {
	m, err := ner.Default()
	require.NoError(t, err)
	tests := []struct {
		name string
		text string
		want []ner.Span
	}{
		{"person and company", "Der Konzern Siemens hat Roland Busch zum Chef ernannt .",
			[]ner.Span{{2, 3, "ORG"}, {4, 6, "PER"}}},
		{"place", "Die Regierung in Berlin will mehr Geld ausgeben .",
			[]ner.Span{{3, 4, "LOC"}}},
		{"nouns are not names", "Die Abhängigkeit von der Technologie wächst weiter .", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := m.Tag(strings.Fields(tt.text), nil, nil)
			assert.Equal(t, tt.want, ner.Spans(got))
		})
	}
}

func TestTagEdgeCases(t *testing.T) {
	m, err := ner.Default()
	require.NoError(t, err)
	assert.Empty(t, m.Tag(nil, nil, nil))
	out := make([]ner.Label, 0, 8)
	out = m.Tag([]string{"Huawei", "-", "\xff\xfe", ""}, []ner.Hint{ner.HintORG}, out) // wrong hint length is ignored
	assert.Len(t, out, 4)
	var nilModel *ner.Model
	assert.Equal(t, []ner.Label{ner.O, ner.O}, nilModel.Tag([]string{"a", "b"}, nil, nil))
}

// TestGermEvalDev checks the embedded model on the GermEval 2014 dev file.
// The dev file is part of the model's training data, so this is a floor
// against regressions, not an estimate of accuracy (see evalner for the
// cross-validated figure). Tagged without hints (measured: 0.945 overall).
func TestGermEvalDev(t *testing.T) {
	f, err := os.Open(devPath)
	if err != nil {
		t.Skip("GermEval dev: " + devPath + " not found")
	}
	defer f.Close()
	ss, err := conll.ReadGermEval(f, conll.FoldDrop)
	require.NoError(t, err)
	m, err := ner.Default()
	require.NoError(t, err)
	var e conll.Eval
	var out []ner.Label
	for _, s := range ss {
		out = m.Tag(s.Words, nil, out)
		e.Add(s.Labels, out)
	}
	assert.GreaterOrEqual(t, e.Overall().F1(), 0.92)
	for _, typ := range conll.Types {
		assert.GreaterOrEqual(t, e.Type(typ).F1(), 0.8, typ)
	}
}

func TestLoadTime(t *testing.T) {
	m, err := ner.Default()
	require.NoError(t, err)
	var buf bytes.Buffer
	_, err = m.WriteTo(&buf)
	require.NoError(t, err)
	// CPU time, not wall time: the machine may be shared and busy
	start, wall := cpuTime(), time.Now()
	_, err = ner.Load(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	d := cpuTime() - start
	t.Logf("load: %v CPU, %v wall", d, time.Since(wall))
	if d > 500*time.Millisecond && !raceEnabled && !testing.Short() { // budget 200 ms; measured ~35 ms CPU
		t.Errorf("load took %v CPU", d)
	}
}

func FuzzTag(f *testing.F) {
	f.Add("Huawei baut in Shenzhen Chips .", uint8(0))
	f.Add("NVIDIA-Chips für die US-Regierung", uint8(3))
	f.Add("\xff\xfe \u00df \u0130 --- - ... 3,5", uint8(255))
	m, err := ner.Default()
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, text string, hint uint8) {
		words := strings.Fields(text)
		if len(words) == 0 {
			words = []string{text}
		}
		hints := make([]ner.Hint, len(words))
		for i := range hints {
			hints[i] = ner.Hint(hint)
		}
		a := m.Tag(words, hints, nil)
		b := m.Tag(words, nil, nil)
		require.Len(t, a, len(words))
		require.Len(t, b, len(words))
		for _, labels := range [][]ner.Label{a, b} {
			for i, l := range labels {
				require.Less(t, l, ner.Label(ner.NumLabels))
				if l.IsInside() {
					require.Positive(t, i)
					require.Equal(t, l.Type(), labels[i-1].Type(), "I- continues its type")
				}
			}
		}
		assert.Equal(t, a, m.Tag(words, hints, nil), "deterministic")
		_ = utf8.ValidString(text)
	})
}

func FuzzLoad(f *testing.F) {
	m, err := ner.Train(synthetic(), ner.TrainOptions{Bits: 8, Epochs: 1, MinCount: 1})
	require.NoError(f, err)
	var buf bytes.Buffer
	_, err = m.WriteTo(&buf)
	require.NoError(f, err)
	f.Add(buf.Bytes())
	f.Add([]byte("TSNER\x01"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ner.Load(bytes.NewReader(data))
		if err != nil {
			require.ErrorIs(t, err, ner.ErrModel)
			return
		}
		out := m.Tag([]string{"Huawei", "baut", "Chips"}, nil, nil)
		require.Len(t, out, 3)
	})
}

func TestTypeBias(t *testing.T) {
	m, err := ner.Train(synthetic(), ner.TrainOptions{Bits: 12, Epochs: 3, MinCount: 1, WordStats: true, Quotes: true})
	require.NoError(t, err)
	words := strings.Fields("Laut Lena Vogt baut Nvidia in Peking neue Chips .")
	tests := []struct {
		typ  string
		bias int
		want int // MISC spans expected at least
	}{
		{"MISC", 0, 0},
		{"MISC", 1 << 28, 1},
		{"NOPE", 1 << 28, 0},
	}
	for _, tc := range tests {
		mb := m.WithTypeBias(tc.typ, tc.bias)
		n := 0
		for _, s := range ner.Spans(mb.Tag(words, nil, nil)) {
			if s.Type == "MISC" {
				n++
			}
		}
		assert.GreaterOrEqual(t, n, tc.want, "%s %d", tc.typ, tc.bias)
		if tc.want == 0 {
			assert.Zero(t, n, "%s %d", tc.typ, tc.bias)
		}
	}
	assert.Equal(t, 1<<28, m.WithTypeBias("MISC", 1<<28).TypeBias("MISC"))
	assert.Zero(t, m.TypeBias("MISC"))
	// the bias survives a round trip
	var buf bytes.Buffer
	_, err = m.WithTypeBias("LOC", -500).WriteTo(&buf)
	require.NoError(t, err)
	m2, err := ner.Load(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	assert.Equal(t, -500, m2.TypeBias("LOC"))
}
