// Package sumscore is the sentence scorer of package summarize written down
// as data: the features summarize computes for a text, the weights that
// combine them (Model), a plain reference implementation of the value of a
// set of sentences, and the procedure that fits the weights on teaser/body
// pairs (Fit, used by internal/cmd/evalsum).
//
// # The value of a summary
//
// A summary is a set S of sentences. Its value estimates its ROUGE-1 F1
// against an editor's teaser, which is 2·M/(L+R) for M matched tokens, L
// summary tokens and R reference tokens. The model predicts M linearly from
// the summary's features Φ(S) and divides by L(S)+R with a pseudo reference
// length R:
//
//	value(S) = (w·Φ(S) + Headline·#headline terms of S) / (L(S) + R)
//
// Φ(S) adds up
//
//   - the sentence features of every sentence in S (position, length and their
//     interactions, overlap with the lead, quotes, questions, openers, news
//     verbs, dates, numbers, …; see the S… constants),
//   - the term features of every distinct content term of S, each counted once
//     however many sentences of S repeat it (frequency, spread, first
//     position, capitalisation, …; see the T… constants): this is the
//     redundancy control, since a repeated term adds length but no value,
//   - set features: L, √L, the number of distinct function words, and the
//     salience of the distinct entities S mentions (see the X… constants).
//
// Every feature is defined by the team's own code and word lists; nothing
// in a Model is a per-word weight.
//
// # Fitting
//
// Fit enumerates, for every training text, the sets of one to three of its
// first ten sentences, computes each set's ROUGE-1 F1 against the reference,
// and solves a ridge regression of that F1 on Φ(S)/(L(S)+R), centred within
// each (text, set size) group: only the ranking of sets within a text is
// learnt, not how well a text's teaser can be matched at all.
package sumscore

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
)

// Sentence features: one value per sentence, added up over the sentences of
// a set. Ranks count eligible sentences (those the caller does not exclude)
// from 0; "length" is min(words, 50)/50 unless said otherwise.
const (
	SBias       = iota // 1 per sentence
	SFirst             // rank 0
	SSecond            // rank 1
	SThird             // rank 2
	SFourth            // rank 3
	SPos               // 1/(1+rank)
	SRelPos            // rank / sentences
	SCen               // centrality: content weight shared with the rest of the text, max 1
	SLead              // share of its content terms the first sentence has too
	SLead3             // share of its content terms that occur in the first three sentences (others)
	SLength            // length
	SLength2           // (min(words, 40)/40)²
	SShort             // fewer than 8 words
	SLong              // more than 35 words
	SFirstLen          // rank 0 × length
	SPosLen            // 1/(1+rank) × length
	SQuote             // contains a quotation mark
	SQuoteStart        // starts with a quotation mark
	SQuestion          // ends with a question mark
	SColon             // ends with a colon
	SParen             // contains a parenthesis
	SCommas            // three or more commas
	SAnaphor           // opens with a word that needs context ("Er", "Damit", "Trotz dieser")
	SOpener            // scene-setting opener ("Als", "Wer", "Manchmal", "Es war")
	SMeta              // meta sentence ("Wie berichtet", "Lesen Sie auch", "Update:")
	SNewsVerb          // a verb of announcement or decision ("kündigte", "beschlossen")
	SSpeech            // a verb of saying or attribution ("sagte", "zufolge")
	SSubj              // a Konjunktiv I form of reported speech ("sei", "habe")
	SDate              // a weekday, month, relative day or year
	SNames             // share of its words that are capitalised content words inside the sentence
	SNumbers           // min(number tokens, 3)/3
	SSpeechLen         // SSpeech × length
	SNewsLen           // SNewsVerb × length
	SDateLen           // SDate × length
	NSent              // number of sentence features
)

// Term features: one value per distinct content term (a word stem or a
// number), added up over the distinct terms of a set. tf counts the term's
// occurrences in the eligible sentences, df the sentences it occurs in,
// first is the rank of the first of them.
const (
	TBias               = iota // 1 per term
	TLogTF                     // ln tf
	TLogDF                     // ln df
	TFirst0                    // first = 0
	TFirst3                    // first < 3
	TInvFirst                  // 1/(1+first)
	TUpper                     // capitalised somewhere other than at a sentence start
	TNumber                    // a number
	TUpperRepeated             // TUpper and tf ≥ 2
	TRelFirst                  // first / sentences
	TLogTF3                    // ln(1 + occurrences in the first three sentences)
	TLen                       // min(runes of the stem, 20)/20
	TUpperFirst0               // TUpper and first = 0
	TSingle                    // tf = 1
	TUpperEarlyRepeated        // TUpper, first < 3 and tf ≥ 2
	NTerm                      // number of term features
)

// Set features: functions of the whole set.
const (
	XLen     = iota // L, the set's word and number tokens
	XSqrtLen        // √L
	XStops          // distinct function words (stop words) of the set
	XEntSal         // summed salience of the distinct entities the set mentions (Hints.Entities)
	XEnts           // number of those entities
	NSet            // number of set features
)

// NPhi is the length of Φ: sentence, term and set features in this order.
const NPhi = NSent + NTerm + NSet

// SentNames, TermNames and SetNames name the features in JSON.
var (
	SentNames = [NSent]string{"bias", "first", "second", "third", "fourth", "pos", "rel_pos",
		"centrality", "lead", "lead3", "length", "length2", "short", "long", "first_len", "pos_len",
		"quote", "quote_start", "question", "colon", "paren", "commas", "anaphor", "opener", "meta",
		"news_verb", "speech", "subjunctive", "date", "names", "numbers", "speech_len", "news_len", "date_len"}
	TermNames = [NTerm]string{"bias", "log_tf", "log_df", "first0", "first3", "inv_first", "upper",
		"number", "upper_repeated", "rel_first", "log_tf3", "len", "upper_first0", "single", "upper_early_repeated"}
	SetNames = [NSet]string{"len", "sqrt_len", "stops", "entity_salience", "entities"}
)

// Model is the scorer's weights.
type Model struct {
	Sent [NSent]float64
	Term [NTerm]float64
	Set  [NSet]float64
	// Headline weighs each distinct term of a set that the headline has too.
	// The 10kGNAD pairs it is fitted on have no headline, so this weight is a
	// prior set by hand, not fitted.
	Headline float64
	// R is the pseudo reference length in tokens.
	R float64
	// Alpha is the ridge penalty the weights were fitted with (informative).
	Alpha float64
}

// ErrModel is returned (wrapped) for a malformed model file.
var ErrModel = errors.New("sumscore: bad model")

type modelJSON struct {
	Note     string             `json:"note,omitempty"`
	R        float64            `json:"r"`
	Alpha    float64            `json:"alpha"`
	Headline float64            `json:"headline"`
	Sentence map[string]float64 `json:"sentence"`
	Term     map[string]float64 `json:"term"`
	Set      map[string]float64 `json:"set"`
}

// MarshalJSON writes the weights keyed by feature name (keys sorted, so the
// output is stable).
func (m Model) MarshalJSON() ([]byte, error) {
	j := modelJSON{R: m.R, Alpha: m.Alpha, Headline: m.Headline,
		Sentence: map[string]float64{}, Term: map[string]float64{}, Set: map[string]float64{}}
	for i, n := range SentNames {
		j.Sentence[n] = round(m.Sent[i])
	}
	for i, n := range TermNames {
		j.Term[n] = round(m.Term[i])
	}
	for i, n := range SetNames {
		j.Set[n] = round(m.Set[i])
	}
	return json.MarshalIndent(j, "", "  ")
}

func round(x float64) float64 { return math.Round(x*1e6) / 1e6 }

// ParseModel reads a model written by Model.MarshalJSON. Every feature must
// have a weight and every weight a known feature; R must be positive.
func ParseModel(data []byte) (Model, error) {
	var j modelJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return Model{}, fmt.Errorf("%w: %v", ErrModel, err)
	}
	m := Model{R: j.R, Alpha: j.Alpha, Headline: j.Headline}
	if !(m.R > 0) {
		return Model{}, fmt.Errorf("%w: r %v not positive", ErrModel, m.R)
	}
	if err := fill(m.Sent[:], SentNames[:], j.Sentence, "sentence"); err != nil {
		return Model{}, err
	}
	if err := fill(m.Term[:], TermNames[:], j.Term, "term"); err != nil {
		return Model{}, err
	}
	if err := fill(m.Set[:], SetNames[:], j.Set, "set"); err != nil {
		return Model{}, err
	}
	return m, nil
}

func fill(w []float64, names []string, got map[string]float64, group string) error {
	if len(got) != len(names) {
		for k := range got {
			if !slices.Contains(names, k) {
				return fmt.Errorf("%w: unknown %s feature %q", ErrModel, group, k)
			}
		}
	}
	for i, n := range names {
		v, ok := got[n]
		if !ok {
			return fmt.Errorf("%w: no weight for %s feature %q", ErrModel, group, n)
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("%w: %s feature %q: weight %v", ErrModel, group, n, v)
		}
		w[i] = v
	}
	return nil
}

// Doc is summarize's view of one text: its eligible sentences with their
// features, and the features of its terms.
type Doc struct {
	Sents []Sent
	// Terms holds the features of term i (indices are per Doc).
	Terms [][NTerm]float64
	// Headline marks the terms that the headline has too.
	Headline []bool
	// Entities holds the salience of entity i (Hints.Entities order).
	Entities []float64
}

// Sent is one eligible sentence.
type Sent struct {
	Index      int // index in the segmented text
	Start, End int // byte span
	F          [NSent]float64
	Terms      []int32 // distinct content terms
	Stops      []int32 // distinct function words (ids per Doc)
	Entities   []int32 // distinct entities mentioned
	Len        int     // word and number tokens
}

// Phi returns Φ(set) and L(set) for sentence indices set (into d.Sents), and
// the number of distinct headline terms.
func Phi(d *Doc, set []int) (phi [NPhi]float64, l float64, head int) {
	terms := map[int32]bool{}
	stops := map[int32]bool{}
	ents := map[int32]bool{}
	for _, i := range set {
		s := &d.Sents[i]
		for j, x := range s.F {
			phi[j] += x
		}
		for _, t := range s.Terms {
			if terms[t] {
				continue
			}
			terms[t] = true
			for j, x := range d.Terms[t] {
				phi[NSent+j] += x
			}
			if int(t) < len(d.Headline) && d.Headline[t] {
				head++
			}
		}
		for _, t := range s.Stops {
			stops[t] = true
		}
		for _, e := range s.Entities {
			if !ents[e] {
				ents[e] = true
				phi[NSent+NTerm+XEntSal] += d.Entities[e]
				phi[NSent+NTerm+XEnts]++
			}
		}
		l += float64(s.Len)
	}
	phi[NSent+NTerm+XLen] = l
	phi[NSent+NTerm+XSqrtLen] = math.Sqrt(l)
	phi[NSent+NTerm+XStops] = float64(len(stops))
	return phi, l, head
}

// Weights returns the model's weights as one vector in Φ's order.
func (m *Model) Weights() [NPhi]float64 {
	var w [NPhi]float64
	copy(w[:], m.Sent[:])
	copy(w[NSent:], m.Term[:])
	copy(w[NSent+NTerm:], m.Set[:])
	return w
}

// Value returns the value of a set of sentences (indices into d.Sents): the
// reference implementation of what summarize computes incrementally.
func (m *Model) Value(d *Doc, set []int) float64 {
	phi, l, head := Phi(d, set)
	w := m.Weights()
	v := m.Headline * float64(head)
	for i := range w {
		v += w[i] * phi[i]
	}
	return v / (l + m.R)
}

// Example is one training text: its Doc, the ROUGE tokens of each of its
// sentences (rouge.Tokenize, stemmed) and of the reference.
type Example struct {
	Doc       *Doc
	Sentences [][]string
	Reference []string
}

// FitOptions are the settings of Fit.
type FitOptions struct {
	Alpha float64 // ridge penalty, relative to each feature's scale
	R     float64 // pseudo reference length
}

// DefaultPositions and DefaultMaxSize bound the candidate sets of Rows: sets
// of one to DefaultMaxSize of a text's first DefaultPositions sentences.
const (
	DefaultPositions = 10
	DefaultMaxSize   = 3
)

// Fit learns a Model from the candidate sets of training texts, one group
// per text and set size (see Rows and the package documentation). The
// Headline weight of the result is zero: the caller sets the prior.
func Fit(groups [][]Row, o FitOptions) Model {
	var sys normal
	sys.init(NPhi)
	for _, g := range groups {
		sys.addGroup(g, o.R)
	}
	w := sys.solve(o.Alpha)
	m := Model{R: o.R, Alpha: o.Alpha}
	copy(m.Sent[:], w[:NSent])
	copy(m.Term[:], w[NSent:NSent+NTerm])
	copy(m.Set[:], w[NSent+NTerm:])
	return m
}

// Row is one candidate set of a training text: its Φ, L and ROUGE-1 F1.
type Row struct {
	Phi [NPhi]float64
	L   float64
	F1  float64
}

// Rows enumerates the sets of 1..maxSize of the first positions sentences of
// ex, grouped by size.
func Rows(ex Example, positions, maxSize int) [][]Row {
	n := min(len(ex.Doc.Sents), positions, len(ex.Sentences))
	var out [][]Row
	for k := 1; k <= maxSize && k <= n; k++ {
		var g []Row
		subsets(n, k, func(set []int) {
			phi, l, _ := Phi(ex.Doc, set)
			var cand []string
			for _, i := range set {
				cand = append(cand, ex.Sentences[i]...)
			}
			g = append(g, Row{Phi: phi, L: l, F1: unigramF1(cand, ex.Reference)})
		})
		out = append(out, g)
	}
	return out
}

// subsets calls fn with every k-subset of 0..n-1 in lexicographic order.
func subsets(n, k int, fn func(set []int)) {
	set := make([]int, k)
	var rec func(pos, from int)
	rec = func(pos, from int) {
		if pos == k {
			fn(set)
			return
		}
		for i := from; i <= n-(k-pos); i++ {
			set[pos] = i
			rec(pos+1, i+1)
		}
	}
	rec(0, 0)
}

// unigramF1 is ROUGE-1 F1 with clipped counts.
func unigramF1(cand, ref []string) float64 {
	if len(cand) == 0 || len(ref) == 0 {
		return 0
	}
	counts := make(map[string]int, len(ref))
	for _, t := range ref {
		counts[t]++
	}
	match := 0
	for _, t := range cand {
		if counts[t] > 0 {
			counts[t]--
			match++
		}
	}
	if match == 0 {
		return 0
	}
	p := float64(match) / float64(len(cand))
	r := float64(match) / float64(len(ref))
	return 2 * p * r / (p + r)
}

// normal accumulates the normal equations XᵀX w = Xᵀy of the centred
// regression.
type normal struct {
	n   int
	xtx [][]float64
	xty []float64
}

func (s *normal) init(n int) {
	s.n = n
	s.xtx = make([][]float64, n)
	for i := range s.xtx {
		s.xtx[i] = make([]float64, n)
	}
	s.xty = make([]float64, n)
}

// addGroup adds the rows of one (text, size) group, each as Φ/(L+R) and F1
// centred on the group's means.
func (s *normal) addGroup(g []Row, r float64) {
	if len(g) < 2 {
		return
	}
	xs := make([][NPhi]float64, len(g))
	var mx [NPhi]float64
	my := 0.0
	for i, row := range g {
		for j := range row.Phi {
			xs[i][j] = row.Phi[j] / (row.L + r)
			mx[j] += xs[i][j]
		}
		my += row.F1
	}
	n := float64(len(g))
	for j := range mx {
		mx[j] /= n
	}
	my /= n
	for i, row := range g {
		x := &xs[i]
		for j := range x {
			x[j] -= mx[j]
		}
		y := row.F1 - my
		for a := 0; a < s.n; a++ {
			if x[a] == 0 {
				continue
			}
			xa := x[a]
			ra := s.xtx[a]
			for b := a; b < s.n; b++ {
				ra[b] += xa * x[b]
			}
			s.xty[a] += xa * y
		}
	}
}

// solve returns the ridge solution with penalty alpha·diag(XᵀX) (each
// feature penalised relative to its own scale; unused features get 0).
func (s *normal) solve(alpha float64) []float64 {
	n := s.n
	a := make([][]float64, n)
	for i := range a {
		a[i] = make([]float64, n+1)
		for j := range n {
			if j >= i {
				a[i][j] = s.xtx[i][j]
			} else {
				a[i][j] = s.xtx[j][i]
			}
		}
		a[i][n] = s.xty[i]
		a[i][i] += alpha*a[i][i] + 1e-12
	}
	for c := range n {
		piv := c
		for r := c + 1; r < n; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[piv][c]) {
				piv = r
			}
		}
		a[c], a[piv] = a[piv], a[c]
		if a[c][c] == 0 {
			continue
		}
		for r := range n {
			if r == c || a[r][c] == 0 {
				continue
			}
			f := a[r][c] / a[c][c]
			for j := c; j <= n; j++ {
				a[r][j] -= f * a[c][j]
			}
		}
	}
	w := make([]float64, n)
	for i := range w {
		if a[i][i] != 0 {
			w[i] = a[i][n] / a[i][i]
		}
	}
	return w
}

// SortedNames returns the names of group's features with weights, largest
// magnitude first, for reports.
func SortedNames(names []string, w []float64) []string {
	idx := make([]int, len(names))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return math.Abs(w[idx[a]]) > math.Abs(w[idx[b]]) })
	out := make([]string, len(idx))
	for i, j := range idx {
		out[i] = fmt.Sprintf("%s %+.4f", names[j], w[j])
	}
	return out
}
