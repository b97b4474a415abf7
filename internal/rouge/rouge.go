package rouge

import (
	"strings"

	"github.com/techschau/techschau/german"
)

// Score is one ROUGE measurement.
type Score struct {
	Precision, Recall, F1 float64
}

func newScore(match, cand, ref int) Score {
	if match == 0 || cand == 0 || ref == 0 {
		return Score{}
	}
	p := float64(match) / float64(cand)
	r := float64(match) / float64(ref)
	return Score{Precision: p, Recall: r, F1: 2 * p * r / (p + r)}
}

// Scores holds ROUGE-1, ROUGE-2 and ROUGE-L for one candidate/reference pair.
type Scores struct {
	R1, R2, RL Score
}

// N returns ROUGE-N of candidate against reference (n ≥ 1; n < 1 scores 0).
func N(candidate, reference []string, n int) Score {
	if n < 1 || len(candidate) < n || len(reference) < n {
		return Score{}
	}
	ref := make(map[string]int, len(reference))
	for i := 0; i+n <= len(reference); i++ {
		ref[key(reference[i:i+n])]++
	}
	match := 0
	for i := 0; i+n <= len(candidate); i++ {
		k := key(candidate[i : i+n])
		if ref[k] > 0 {
			ref[k]--
			match++
		}
	}
	return newScore(match, len(candidate)-n+1, len(reference)-n+1)
}

// key joins an n-gram with a separator that cannot occur inside a token
// produced by Tokenize.
func key(gram []string) string {
	if len(gram) == 1 {
		return gram[0]
	}
	size := len(gram) - 1
	for _, g := range gram {
		size += len(g)
	}
	b := make([]byte, 0, size)
	for i, g := range gram {
		if i > 0 {
			b = append(b, 0)
		}
		b = append(b, g...)
	}
	return string(b)
}

// L returns ROUGE-L of candidate against reference: the length of the
// longest common subsequence over the candidate's and the reference's
// lengths.
func L(candidate, reference []string) Score {
	if len(candidate) == 0 || len(reference) == 0 {
		return Score{}
	}
	return newScore(LCS(candidate, reference), len(candidate), len(reference))
}

// LCS returns the length of the longest common subsequence of a and b.
// It needs O(len(a)·len(b)) time and O(len(b)) memory.
func LCS(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			case prev[j+1] >= cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Compute returns ROUGE-1, ROUGE-2 and ROUGE-L of candidate against reference.
func Compute(candidate, reference []string) Scores {
	return Scores{
		R1: N(candidate, reference, 1),
		R2: N(candidate, reference, 2),
		RL: L(candidate, reference),
	}
}

// Option configures [Tokenize].
type Option func(*options)

type options struct{ stem bool }

// WithStemming reduces every token to its Snowball German stem
// ([german.Stem]) before matching.
func WithStemming(on bool) Option { return func(o *options) { o.stem = on } }

// Tokenize returns the tokens of text that ROUGE compares: word and number
// tokens, lower-cased (stemmed with [WithStemming]); punctuation and
// symbols are dropped, as is the final full stop of an abbreviation
// ("Mrd." matches "Mrd"). Hyphenated compounds stay one token.
func Tokenize(text string, opts ...Option) []string {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	var out []string
	for _, t := range german.Tokens(text) {
		if t.Kind != german.Word && t.Kind != german.Number {
			continue
		}
		w := strings.TrimRight(t.Text, ".")
		if w == "" {
			continue
		}
		if o.stem {
			out = append(out, german.Stem(w))
		} else {
			out = append(out, german.Lower(w))
		}
	}
	return out
}

// Mean accumulates Scores and reports their average F1 values.
type Mean struct {
	n          int
	r1, r2, rl float64
}

// Add adds one pair's scores.
func (m *Mean) Add(s Scores) {
	m.n++
	m.r1 += s.R1.F1
	m.r2 += s.R2.F1
	m.rl += s.RL.F1
}

// Count returns how many pairs were added.
func (m *Mean) Count() int { return m.n }

// F1 returns the mean ROUGE-1, ROUGE-2 and ROUGE-L F1 (0 when empty).
func (m *Mean) F1() (r1, r2, rl float64) {
	if m.n == 0 {
		return 0, 0, 0
	}
	n := float64(m.n)
	return m.r1 / n, m.r2 / n, m.rl / n
}
