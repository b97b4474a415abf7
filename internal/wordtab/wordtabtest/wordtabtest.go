// Package wordtabtest gives the benchmarks of wordtab, and the benchmarks
// that measure the older tables of the other packages for comparison, one
// set of words: the tokens of the 10kGNAD dev corpus (../shared/data beside
// the repository), read at benchmark time. Nothing of the corpus is stored
// in the repository. Only tests import this package.
package wordtabtest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/techschau/techschau/german"
	"github.com/techschau/techschau/internal/corpus"
)

// GNADRel is the path of the corpus relative to the repository's parent.
const GNADRel = "shared/data/10kgnad/dev.csv"

// Corpus is the dev corpus cut into the word sets the benchmarks use.
type Corpus struct {
	Path  string
	Texts []string
	// Tokens are the tokens of each text (german.Tokens).
	Tokens [][]german.Token
	// Words are the Word tokens' texts of all texts in order, Lower their
	// lower case (german.Lower), WordBytes the bytes of Words.
	Words, Lower []string
	WordBytes    int
	// TextBytes is the bytes of Texts.
	TextBytes int
	// Vocab are the distinct Lower forms in order of first appearance.
	Vocab []string
}

// Keys returns every n-th word of Vocab: a table of len(Vocab)/n keys that
// the text's tokens mostly miss for large n (a lexicon's shape) and hit
// for n = 1.
func (c *Corpus) Keys(n int) []string {
	var keys []string
	for i := 0; i < len(c.Vocab); i += n {
		keys = append(keys, c.Vocab[i])
	}
	return keys
}

// Hits returns the words of Lower that are in keys, in text order.
func (c *Corpus) Hits(keys []string) []string {
	in := make(map[string]bool, len(keys))
	for _, k := range keys {
		in[k] = true
	}
	var out []string
	for _, w := range c.Lower {
		if in[w] {
			out = append(out, w)
		}
	}
	return out
}

// Articles returns the Word tokens' texts of each text.
func (c *Corpus) Articles() [][]string {
	out := make([][]string, len(c.Tokens))
	for i, toks := range c.Tokens {
		for _, t := range toks {
			if t.Kind == german.Word {
				out[i] = append(out[i], t.Text)
			}
		}
	}
	return out
}

// WordTokens returns the Word and Number tokens of each text: the tokens a
// stage makes facts of.
func (c *Corpus) WordTokens() [][]german.Token {
	out := make([][]german.Token, len(c.Tokens))
	for i, toks := range c.Tokens {
		for _, t := range toks {
			if t.Kind == german.Word || t.Kind == german.Number {
				out[i] = append(out[i], t)
			}
		}
	}
	return out
}

// Bytes returns the total length of words.
func Bytes(words []string) int {
	n := 0
	for _, w := range words {
		n += len(w)
	}
	return n
}

// ForBenchmark returns the corpus, or skips the benchmark (naming the
// missing path) when it is not there.
func ForBenchmark(b *testing.B) *Corpus {
	b.Helper()
	c, err := Load()
	if err != nil {
		b.Skip(err)
	}
	return c
}

// Run runs op in b.Loop, each op handling bytes bytes in words words (or
// other units), and reports besides ns/op the CPU time per op
// ("cpu-ns/op", the figure to compare on a shared machine) and with words
// > 0 the wall time per word ("ns/word").
func Run(b *testing.B, bytes, words int, op func()) {
	if bytes > 0 {
		b.SetBytes(int64(bytes))
	}
	start := CPU()
	for b.Loop() {
		op()
	}
	b.ReportMetric(float64(CPU()-start)/float64(b.N), "cpu-ns/op")
	if words > 0 {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(words), "ns/word")
	}
}

// Load reads the corpus once per process. The error names the missing path
// when the data is not there.
var Load = sync.OnceValues(func() (*Corpus, error) {
	path, err := find()
	if err != nil {
		return nil, err
	}
	arts, err := corpus.ReadGNADFile(path)
	if err != nil {
		return nil, err
	}
	c := &Corpus{Path: path}
	seen := map[string]bool{}
	for _, a := range arts {
		c.Texts = append(c.Texts, a.Text)
		c.TextBytes += len(a.Text)
		toks := german.Tokens(a.Text)
		c.Tokens = append(c.Tokens, toks)
		for _, t := range toks {
			if t.Kind != german.Word {
				continue
			}
			lw := german.Lower(t.Text)
			c.Words = append(c.Words, t.Text)
			c.Lower = append(c.Lower, lw)
			c.WordBytes += len(t.Text)
			if !seen[lw] {
				seen[lw] = true
				c.Vocab = append(c.Vocab, lw)
			}
		}
	}
	return c, nil
})

// find returns the corpus path: GNADRel under the parent of the directory
// that holds go.mod, looked for from the working directory up.
func find() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			if b, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && strings.Contains(string(b), "module github.com/techschau/techschau\n") {
				p := filepath.Join(dir, "..", GNADRel)
				if _, err := os.Stat(p); err != nil {
					return "", fmt.Errorf("wordtabtest: 10kGNAD dev corpus not found at %s: %w", p, err)
				}
				return p, nil
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("wordtabtest: no techschau go.mod above the working directory, so no ../" + GNADRel)
		}
		dir = parent
	}
}
