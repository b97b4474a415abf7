package ner

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
)

// Example is one training sentence: words, their gold labels and (optionally)
// their gazetteer hints.
type Example struct {
	Words  []string
	Labels []Label
	Hints  []Hint
	// NoMISC says that the corpus does not annotate MISC names: its O tokens
	// may be MISC, and training does not punish MISC predictions there (the
	// gold sequence is the best one that agrees with the annotation).
	NoMISC bool
	// Domain numbers the corpus (0 = the target domain, the one Tag assumes).
	// A few features are learnt per domain as well as in general.
	Domain uint8
}

// TrainOptions controls Train. The zero value uses the defaults.
type TrainOptions struct {
	Bits     int    // log2 of the weight rows; default 20
	Epochs   int    // passes over the data; default 10
	Seed     uint64 // shuffling seed; same seed and data give the same model
	MinCount int    // features seen fewer times are not used; default 2
	Hints    bool   // use hint features (the examples carry hints)
	// WordStats learns word statistics (case profile, distributional
	// signature) from the words of the examples, stores them in the model and
	// uses them as features.
	WordStats bool
	// Quotes adds features for tokens between quotation marks (titles).
	Quotes bool
	// Progress, if set, is called after each epoch with the number of
	// sentences that were decoded wrongly.
	Progress func(epoch, errors int)
}

// ErrNoData is returned by Train when there is nothing to learn from.
var ErrNoData = errors.New("ner: no training data")

// Train learns a model with the averaged structured perceptron: each epoch
// visits the examples in a seeded random order, decodes each with Viterbi
// and, where the best sequence differs from the gold one, adds the gold
// features and subtracts the predicted ones. The averaged weights are
// quantised to int16. Training is deterministic: integer arithmetic, fixed
// order.
func Train(data []Example, opt TrainOptions) (*Model, error) {
	if opt.Bits == 0 {
		opt.Bits = 20
	}
	if opt.Epochs == 0 {
		opt.Epochs = 10
	}
	if opt.MinCount == 0 {
		opt.MinCount = 2
	}
	if opt.Bits < 8 || opt.Bits > MaxBits {
		return nil, errors.New("ner: Bits out of range")
	}
	shift := uint(64 - opt.Bits)
	// extract features once
	type sent struct {
		off    int // index of the first token in tokFeat
		labels []Label
		noMISC bool
	}
	var (
		sents   []sent
		tokFeat []int32 // for each token: start offset into feats
		feats   []uint64
	)
	x := extractor{quotes: opt.Quotes}
	if opt.WordStats {
		var words [][]string
		for _, ex := range data {
			if len(ex.Words) > 0 && len(ex.Labels) == len(ex.Words) {
				words = append(words, ex.Words)
			}
		}
		x.stats = buildWordStats(words)
	}
	for _, ex := range data {
		if len(ex.Words) == 0 || len(ex.Labels) != len(ex.Words) {
			continue
		}
		hints := ex.Hints
		if len(hints) != len(ex.Words) {
			hints = nil
		}
		labels := fixBIO(ex.Labels)
		sents = append(sents, sent{off: len(tokFeat), labels: labels, noMISC: ex.NoMISC})
		x.prepare(ex.Words)
		for i := range ex.Words {
			tokFeat = append(tokFeat, int32(len(feats)))
			feats = append(feats, x.features(ex.Words, hints, opt.Hints, uint64(ex.Domain), i)...)
		}
	}
	if len(sents) == 0 {
		return nil, ErrNoData
	}
	tokFeat = append(tokFeat, int32(len(feats)))
	// prune rare features, then map to buckets (-1 = dropped)
	counts := make(map[uint64]int32, len(feats)/4)
	for _, h := range feats {
		counts[h]++
	}
	bucket := make([]int32, len(feats))
	for i, h := range feats {
		if counts[h] < int32(opt.MinCount) {
			bucket[i] = -1
		} else {
			bucket[i] = int32(h >> shift)
		}
	}
	counts, feats = nil, nil

	rows := 1 << opt.Bits
	w := make([]int32, rows*numLabels)
	u := make([]int64, rows*numLabels)
	var tw [numLabels + 1][numLabels]int32
	var tu [numLabels + 1][numLabels]int64
	transF := func() *[numLabels + 1][numLabels]int32 { return &tw }

	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var emit []int64
	var back []uint8
	var pred, gold, goldBuf []Label
	var mask []uint16
	c := int64(1)
	for epoch := range opt.Epochs {
		rng := rand.New(rand.NewPCG(opt.Seed, uint64(epoch)))
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		nerr := 0
		for _, si := range order {
			s := sents[si]
			n := len(s.labels)
			emit = slices.Grow(emit[:0], n*numLabels)[:n*numLabels]
			back = slices.Grow(back[:0], n*numLabels)[:n*numLabels]
			for i := range n {
				var e [numLabels]int64
				for _, b := range bucket[tokFeat[s.off+i]:tokFeat[s.off+i+1]] {
					if b < 0 {
						continue
					}
					r := (*[numLabels]int32)(w[int(b)*numLabels : int(b)*numLabels+numLabels])
					for l := range e {
						e[l] += int64(r[l])
					}
				}
				copy(emit[i*numLabels:], e[:])
			}
			pred = viterbi(transF(), emit, back, n, pred[:0], nil)
			gold = s.labels
			if s.noMISC {
				mask = mask[:0]
				for _, l := range s.labels {
					if l == O {
						mask = append(mask, 1<<O|1<<BMISC|1<<IMISC)
					} else {
						mask = append(mask, 1<<l)
					}
				}
				goldBuf = viterbi(transF(), emit, back, n, goldBuf[:0], mask)
				gold = goldBuf
			}
			if !slices.Equal(pred, gold) {
				nerr++
				prevG, prevP := -1, -1
				for i := range n {
					g, p := int(gold[i]), int(pred[i])
					if g != p {
						for _, b := range bucket[tokFeat[s.off+i]:tokFeat[s.off+i+1]] {
							if b < 0 {
								continue
							}
							k := int(b) * numLabels
							w[k+g]++
							u[k+g] += c
							w[k+p]--
							u[k+p] -= c
						}
					}
					if g != p || prevG != prevP {
						tw[prevG+1][g]++
						tu[prevG+1][g] += c
						tw[prevP+1][p]--
						tu[prevP+1][p] -= c
					}
					prevG, prevP = g, p
				}
			}
			c++
		}
		if opt.Progress != nil {
			opt.Progress(epoch+1, nerr)
		}
	}
	// average: w - u/c, then quantise with one scale for all weights
	avg := func(wv int32, uv int64) float64 { return float64(wv) - float64(uv)/float64(c) }
	maxAbs := 0.0
	for i := range w {
		if a := math.Abs(avg(w[i], u[i])); a > maxAbs {
			maxAbs = a
		}
	}
	scale := 1.0
	if maxAbs > 0 {
		scale = 32767 / maxAbs
	}
	m := &Model{bits: uint8(opt.Bits), shift: shift, hints: opt.Hints, quotes: opt.Quotes, w: make([]int16, rows*numLabels), stats: x.stats, scratch: new(scratchList)}
	for i := range w {
		m.w[i] = int16(math.Round(avg(w[i], u[i]) * scale))
	}
	for p := range tw {
		for l := range tw[p] {
			m.trans[p][l] = int32(math.Round(avg(tw[p][l], tu[p][l]) * scale))
		}
	}
	m.compact(nil, nil)
	return m, nil
}

// fixBIO returns labels with every I- that does not continue its type turned
// into B- (so that gold sequences are ones the decoder can produce).
func fixBIO(in []Label) []Label {
	out := slices.Clone(in)
	for i, l := range out {
		if l >= numLabels {
			out[i] = O
			continue
		}
		if l.IsInside() && (i == 0 || (out[i-1] != l && out[i-1] != l-1)) {
			out[i] = l - 1
		}
	}
	return out
}
