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
// penalty, and per-theme offsets with penalty LambdaT.
func Fit(rows []Row, nThemes int, s Settings) *Model {
	nf := 0
	if len(rows) > 0 {
		nf = len(rows[0].X)
	}
	// standardise
	mean := make([]float64, nf)
	sd := make([]float64, nf)
	for _, r := range rows {
		for i, v := range r.X {
			mean[i] += v
		}
	}
	for i := range mean {
		mean[i] /= float64(max(1, len(rows)))
	}
	for _, r := range rows {
		for i, v := range r.X {
			sd[i] += (v - mean[i]) * (v - mean[i])
		}
	}
	for i := range sd {
		sd[i] = math.Sqrt(sd[i] / float64(max(1, len(rows))))
		if sd[i] < 1e-9 {
			sd[i] = 1 // a constant feature: its weight stays 0 under the penalty
		}
	}
	// themes with their own offset
	pos := make([]int, nThemes)
	for _, r := range rows {
		if r.Y {
			pos[r.Theme]++
		}
	}
	own := make([]bool, nThemes)
	for t := range own {
		own[t] = pos[t] >= s.MinPositives
	}
	// parameters: w[0:nf], b at nf, offsets at nf+1+t
	np := nf + 1 + nThemes
	theta := make([]float64, np)
	z := make([]float64, np)
	pw := s.PosWeight
	if pw <= 0 {
		pw = 1
	}
	grad := make([]float64, np)
	hess := make([][]float64, np)
	for i := range hess {
		hess[i] = make([]float64, np)
	}
	for iter := 0; iter < 50; iter++ {
		clear(grad)
		for i := range hess {
			clear(hess[i])
		}
		for _, r := range rows {
			// design vector
			for i, v := range r.X {
				z[i] = (v - mean[i]) / sd[i]
			}
			clear(z[nf:])
			z[nf] = 1
			if own[r.Theme] || s.MeanIntercept {
				z[nf+1+r.Theme] = 1
			}
			eta := 0.0
			for i := range z {
				eta += theta[i] * z[i]
			}
			p := 1 / (1 + math.Exp(-eta))
			y, c := 0.0, 1.0
			if r.Y {
				y, c = 1, pw
			}
			g := c * (p - y)
			h := c * p * (1 - p)
			for i, zi := range z {
				if zi == 0 {
					continue
				}
				grad[i] += g * zi
				for j, zj := range z {
					if zj != 0 {
						hess[i][j] += h * zi * zj
					}
				}
			}
		}
		for i := range nf {
			grad[i] += s.LambdaW * theta[i]
			hess[i][i] += s.LambdaW
		}
		for t := range nThemes {
			i := nf + 1 + t
			l := s.LambdaT
			if !own[t] {
				l = 1e-3 // MeanIntercept: free; else unused (stays 0)
			}
			grad[i] += l * theta[i]
			hess[i][i] += l + 1e-9
		}
		hess[nf][nf] += 1e-9
		step := solve(hess, grad)
		max := 0.0
		for i := range theta {
			theta[i] -= step[i]
			max = math.Max(max, math.Abs(step[i]))
		}
		if max < 1e-8 {
			break
		}
	}
	m := &Model{W: make([]float64, nf), Offsets: make([]float64, nThemes)}
	m.Intercept = theta[nf]
	for i := range nf {
		m.W[i] = theta[i] / sd[i]
		m.Intercept -= theta[i] * mean[i] / sd[i]
	}
	copy(m.Offsets, theta[nf+1:])
	if s.MeanIntercept {
		sum, n := 0.0, 0
		for t, o := range own {
			if o {
				sum += m.Offsets[t]
				n++
			}
		}
		mean := 0.0
		if n > 0 {
			mean = sum / float64(n)
		}
		// the common intercept is the mean of the fitted themes'
		m.Intercept += mean
		for t := range m.Offsets {
			if own[t] {
				m.Offsets[t] -= mean
			} else {
				m.Offsets[t] = 0
			}
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
