package rouge

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestHandComputed(t *testing.T) {
	f := strings.Fields
	tests := []struct {
		name       string
		cand, ref  string
		r1, r2, rl float64
		p1, rec1   float64
	}{
		// the(2) cat on mat match: 5 of 6 both ways; bigrams the-cat, on-the,
		// the-mat: 3 of 5; LCS "the cat on the mat" = 5.
		{"classic", "the cat sat on the mat", "the cat is on the mat", 5.0 / 6, 0.6, 5.0 / 6, 5.0 / 6, 5.0 / 6},
		// a matches once (clipped): P=1/3, R=1, F=0.5; the reference has no bigram.
		{"clipped", "a a a", "a", 0.5, 0, 0.5, 1.0 / 3, 1},
		// b, d match: P=2/4, R=2/3, F=4/7; LCS "b d".
		{"unequal", "a b c d", "b d e", 4.0 / 7, 0, 4.0 / 7, 0.5, 2.0 / 3},
		// all unigrams match, order reversed: LCS 1 of 3.
		{"reversed", "a b c", "c b a", 1, 0, 1.0 / 3, 1, 1},
		// bigram a-b matches once of 3 candidate and 2 reference bigrams:
		// P=1/3, R=1/2, F=0.4. Unigrams a, b match: P=2/4, R=2/3, F=4/7;
		// LCS "a b" = 2 → 4/7.
		{"bigram", "x a b y", "a b z", 4.0 / 7, 0.4, 4.0 / 7, 0.5, 2.0 / 3},
		{"identical", "Huawei liefert Chips", "Huawei liefert Chips", 1, 1, 1, 1, 1},
		{"disjoint", "a b", "c d", 0, 0, 0, 0, 0},
		{"empty candidate", "", "a b", 0, 0, 0, 0, 0},
		{"empty reference", "a b", "", 0, 0, 0, 0, 0},
		{"single tokens", "a", "a", 1, 0, 1, 1, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := Compute(f(tc.cand), f(tc.ref))
			assert.InDelta(t, tc.r1, s.R1.F1, 1e-12, "R1")
			assert.InDelta(t, tc.r2, s.R2.F1, 1e-12, "R2")
			assert.InDelta(t, tc.rl, s.RL.F1, 1e-12, "RL")
			assert.InDelta(t, tc.p1, s.R1.Precision, 1e-12, "P1")
			assert.InDelta(t, tc.rec1, s.R1.Recall, 1e-12, "Rec1")
		})
	}
}

func TestLCS(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"a b c b d a b", "b d c a b a", 4}, // CLRS: "b c b a"
		{"", "a", 0},
		{"a", "", 0},
		{"x y z", "x y z", 3},
		{"a b", "b a", 1},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, LCS(strings.Fields(tc.a), strings.Fields(tc.b)), "%q vs %q", tc.a, tc.b)
	}
}

func TestNInvalid(t *testing.T) {
	assert.Equal(t, Score{}, N([]string{"a"}, []string{"a"}, 0))
	assert.Equal(t, Score{}, N([]string{"a"}, []string{"a"}, 2))
}

func TestNGramKeyNoCollision(t *testing.T) {
	// "a b" + "c" must not equal "a" + "b c".
	s := N([]string{"ab", "c"}, []string{"a", "bc"}, 2)
	assert.Equal(t, 0.0, s.F1)
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		text string
		stem bool
		want []string
	}{
		{"lower, punctuation dropped", "Die Chips, die Huawei liefert.", false, []string{"die", "chips", "die", "huawei", "liefert"}},
		{"compound stays one", "NVIDIA-Chips für 3,5 Mrd.", false, []string{"nvidia-chips", "für", "3,5", "mrd"}},
		{"stemmed", "Abhängigkeiten", true, []string{"abhang"}},
		{"empty", "", false, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, Tokenize(tc.text, WithStemming(tc.stem)))
		})
	}
}

func TestMean(t *testing.T) {
	var m Mean
	r1, r2, rl := m.F1()
	assert.Zero(t, r1+r2+rl)
	m.Add(Scores{R1: Score{F1: 1}, R2: Score{F1: 0.5}, RL: Score{F1: 0.25}})
	m.Add(Scores{})
	r1, r2, rl = m.F1()
	assert.Equal(t, 2, m.Count())
	assert.InDelta(t, 0.5, r1, 1e-12)
	assert.InDelta(t, 0.25, r2, 1e-12)
	assert.InDelta(t, 0.125, rl, 1e-12)
}
