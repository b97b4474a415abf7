package themefit

import (
	"math"

	"github.com/techschau/techschau/analyze"
)

// Row is one (text, theme) decision the model makes: the theme's features
// in the text and whether the gold labels carry it.
type Row struct {
	Doc   int // index of the text
	Theme int // index into the theme list
	X     []float64
	Y     bool
}

// Settings are the choices cross-validation makes.
type Settings struct {
	// LambdaW is the L2 penalty of the shared feature weights (on
	// standardised features), LambdaT that of the per-theme offsets to
	// the common intercept: large LambdaT shrinks every theme to the
	// common intercept.
	LambdaW, LambdaT float64
	// Threshold is the probability at which a theme is listed.
	Threshold float64
	// PosWeight weighs positive rows in the loss (1: none).
	PosWeight float64
	// MinPositives is the number of positive rows a theme needs for an
	// intercept offset of its own; a theme with fewer keeps the common
	// intercept (its few labels would only fit noise).
	MinPositives int
	// MeanIntercept gives a theme with fewer than MinPositives positives
	// the mean intercept of the themes with enough, instead of an
	// intercept fitted to its own rows: a set with almost no positives of
	// a theme says little about how often real news carries it. During
	// the fit such a theme has a free offset, so that its negatives do not
	// pull the others' intercept down.
	MeanIntercept bool
}

// Model is a fitted logistic model on raw (unstandardised) features.
type Model struct {
	W         []float64
	Intercept float64
	Offsets   []float64 // per theme
}

// Prob is the model's probability for features x of theme t.
func (m *Model) Prob(t int, x []float64) float64 {
	z := m.Intercept + m.Offsets[t]
	for i, w := range m.W {
		z += w * x[i]
	}
	return 1 / (1 + math.Exp(-z))
}

// Fit fits the model on rows with Newton's method: shared weights over
// standardised features with penalty LambdaW, a common intercept without
// penalty, and per-theme offsets with penalty LambdaT (see MinPositives
// and MeanIntercept for themes with few positives).
func Fit(rows []Row, nThemes int, s Settings) *Model {
	f := newFitter(rows, nThemes, s)
	for range 50 {
		if f.newtonStep() < 1e-8 {
			break
		}
	}
	return f.model()
}

// fitter holds the state of one Fit.
type fitter struct {
	rows      []Row
	s         Settings
	nf, nt    int
	mean, sd  []float64 // standardisation of the features
	own       []bool    // per theme: enough positives for an own offset
	theta     []float64 // w[0:nf], intercept at nf, offsets at nf+1+t
	z, grad   []float64
	hess      [][]float64
	posWeight float64
}

func newFitter(rows []Row, nThemes int, s Settings) *fitter {
	f := &fitter{rows: rows, s: s, nt: nThemes, posWeight: s.PosWeight}
	if len(rows) > 0 {
		f.nf = len(rows[0].X)
	}
	if f.posWeight <= 0 {
		f.posWeight = 1
	}
	f.standardise()
	pos := make([]int, nThemes)
	for _, r := range rows {
		if r.Y {
			pos[r.Theme]++
		}
	}
	f.own = make([]bool, nThemes)
	for t := range f.own {
		f.own[t] = pos[t] >= s.MinPositives
	}
	np := f.nf + 1 + nThemes
	f.theta, f.z, f.grad = make([]float64, np), make([]float64, np), make([]float64, np)
	f.hess = make([][]float64, np)
	for i := range f.hess {
		f.hess[i] = make([]float64, np)
	}
	return f
}

// standardise sets the mean and standard deviation of each feature.
func (f *fitter) standardise() {
	n := float64(max(1, len(f.rows)))
	f.mean, f.sd = make([]float64, f.nf), make([]float64, f.nf)
	for _, r := range f.rows {
		for i, v := range r.X {
			f.mean[i] += v / n
		}
	}
	for _, r := range f.rows {
		for i, v := range r.X {
			f.sd[i] += (v - f.mean[i]) * (v - f.mean[i]) / n
		}
	}
	for i := range f.sd {
		f.sd[i] = math.Sqrt(f.sd[i])
		if f.sd[i] < 1e-9 {
			f.sd[i] = 1 // a constant feature: its weight stays 0 under the penalty
		}
	}
}

// newtonStep takes one Newton step and returns its largest change.
func (f *fitter) newtonStep() float64 {
	clear(f.grad)
	for i := range f.hess {
		clear(f.hess[i])
	}
	for _, r := range f.rows {
		f.addRow(r)
	}
	nf, s := f.nf, f.s
	for i := range nf {
		f.grad[i] += s.LambdaW * f.theta[i]
		f.hess[i][i] += s.LambdaW
	}
	for t := range f.nt {
		i := nf + 1 + t
		l := s.LambdaT
		if !f.own[t] {
			l = 1e-3 // MeanIntercept: free; else unused (stays 0)
		}
		f.grad[i] += l * f.theta[i]
		f.hess[i][i] += l + 1e-9
	}
	f.hess[nf][nf] += 1e-9
	step := solve(f.hess, f.grad)
	largest := 0.0
	for i := range f.theta {
		f.theta[i] -= step[i]
		largest = math.Max(largest, math.Abs(step[i]))
	}
	return largest
}

// addRow adds one row's gradient and Hessian of the log loss.
func (f *fitter) addRow(r Row) {
	z, nf := f.z, f.nf
	for i, v := range r.X {
		z[i] = (v - f.mean[i]) / f.sd[i]
	}
	clear(z[nf:])
	z[nf] = 1
	if f.own[r.Theme] || f.s.MeanIntercept {
		z[nf+1+r.Theme] = 1
	}
	eta := 0.0
	for i := range z {
		eta += f.theta[i] * z[i]
	}
	p := 1 / (1 + math.Exp(-eta))
	y, c := 0.0, 1.0
	if r.Y {
		y, c = 1, f.posWeight
	}
	g, h := c*(p-y), c*p*(1-p)
	for i, zi := range z {
		if zi == 0 {
			continue
		}
		f.grad[i] += g * zi
		for j, zj := range z {
			if zj != 0 {
				f.hess[i][j] += h * zi * zj
			}
		}
	}
}

// model returns the fit on raw features. With MeanIntercept the common
// intercept is the mean of the intercepts of the themes with their own.
func (f *fitter) model() *Model {
	nf := f.nf
	m := &Model{W: make([]float64, nf), Offsets: make([]float64, f.nt)}
	m.Intercept = f.theta[nf]
	for i := range nf {
		m.W[i] = f.theta[i] / f.sd[i]
		m.Intercept -= f.theta[i] * f.mean[i] / f.sd[i]
	}
	copy(m.Offsets, f.theta[nf+1:])
	if !f.s.MeanIntercept {
		return m
	}
	sum, n := 0.0, 0
	for t, o := range f.own {
		if o {
			sum += m.Offsets[t]
			n++
		}
	}
	mean := 0.0
	if n > 0 {
		mean = sum / float64(n)
	}
	m.Intercept += mean
	for t := range m.Offsets {
		if f.own[t] {
			m.Offsets[t] -= mean
		} else {
			m.Offsets[t] = 0
		}
	}
	return m
}

// solve solves A x = b by Gaussian elimination with partial pivoting (A
// is symmetric positive definite here); A and b are not changed.
func solve(a [][]float64, b []float64) []float64 {
	n := len(b)
	m := make([][]float64, n)
	for i := range m {
		m[i] = append(append(make([]float64, 0, n+1), a[i]...), b[i])
	}
	for c := range n {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[p][c]) {
				p = r
			}
		}
		m[c], m[p] = m[p], m[c]
		if m[c][c] == 0 {
			continue
		}
		for r := c + 1; r < n; r++ {
			f := m[r][c] / m[c][c]
			for k := c; k <= n; k++ {
				m[r][k] -= f * m[c][k]
			}
		}
	}
	x := make([]float64, n)
	for i := n - 1; i >= 0; i-- {
		if m[i][i] == 0 {
			continue
		}
		v := m[i][n]
		for k := i + 1; k < n; k++ {
			v -= m[i][k] * x[k]
		}
		x[i] = v / m[i][i]
	}
	return x
}

// ThemeModel returns m as an analyze.ThemeModel over the themes, with the
// intercept shifted so that the probability s.Threshold becomes 0.5 (the
// Analyzer's default threshold, analyze.DefaultThemeThreshold).
func (m *Model) ThemeModel(themes []string, threshold float64, note string) *analyze.ThemeModel {
	out := &analyze.ThemeModel{Note: note, Weights: map[string]float64{}, Themes: map[string]float64{}}
	out.Intercept = round6(m.Intercept - math.Log(threshold/(1-threshold)))
	for i, n := range analyze.ThemeFeatureNames() {
		if i < len(m.W) && m.W[i] != 0 {
			out.Weights[n] = round6(m.W[i])
		}
	}
	for t, id := range themes {
		out.Themes[id] = round6(m.Offsets[t])
	}
	return out
}

func round6(f float64) float64 { return math.Round(f*1e6) / 1e6 }
