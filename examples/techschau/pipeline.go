package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/entities"
)

// pipelineFlags are the flags shared by analyze and batch that configure the Analyzer.
type pipelineFlags struct {
	summary      countFlag
	summaryChars int
	lexicon      string
	lexiconOnly  bool
	themes       string
	themesOnly   bool
	noModel      bool
	maxBytes     int
}

func (p *pipelineFlags) register(fs *flag.FlagSet) {
	p.summary.n = 3
	fs.Var(&p.summary, "summary", "number of summary `sentences` (0: no summary; default 3, or as many as --summary-chars allows)")
	fs.IntVar(&p.summaryChars, "summary-chars", 0, "summary length budget in `characters`: whole sentences only, at least one (0: none; a teaser is about 100)")
	fs.StringVar(&p.lexicon, "lexicon", "", "entity lexicon `FILE` (JSON) merged with the default lexicon")
	fs.BoolVar(&p.lexiconOnly, "lexicon-only", false, "use the --lexicon file instead of the default lexicon")
	fs.StringVar(&p.themes, "themes", "", "theme taxonomy `FILE` (JSON) merged with the default themes")
	fs.BoolVar(&p.themesOnly, "themes-only", false, "use the --themes file instead of the default themes")
	fs.BoolVar(&p.noModel, "no-model", false, "entities from lexicon and rules only (no statistical model)")
	fs.IntVar(&p.maxBytes, "max-bytes", analyze.DefaultMaxBytes, "largest input `bytes` per article; larger input is an error")
}

// countFlag is an int flag that remembers whether it was given, so that
// --summary-chars alone can leave the sentence count open.
type countFlag struct {
	n   int
	set bool
}

func (c *countFlag) String() string { return strconv.Itoa(c.n) }

func (c *countFlag) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil {
		return fmt.Errorf("not a number: %q", s)
	}
	c.n, c.set = n, true
	return nil
}

// usageError is a bad flag value: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// options turns the flags into Analyzer options, loading the user's files. A bad flag
// combination is a *usageError; an unreadable or malformed file is an ordinary error that
// names the file (the loaders add line and field).
func (p *pipelineFlags) options() ([]analyze.Option, error) {
	if p.summary.n < 0 {
		return nil, &usageError{fmt.Sprintf("--summary %d: must be 0 or more", p.summary.n)}
	}
	if p.summaryChars < 0 {
		return nil, &usageError{fmt.Sprintf("--summary-chars %d: must be 0 or more", p.summaryChars)}
	}
	if p.maxBytes <= 0 {
		return nil, &usageError{fmt.Sprintf("--max-bytes %d: must be more than 0", p.maxBytes)}
	}
	if p.lexiconOnly && p.lexicon == "" {
		return nil, &usageError{"--lexicon-only needs --lexicon FILE"}
	}
	if p.themesOnly && p.themes == "" {
		return nil, &usageError{"--themes-only needs --themes FILE"}
	}
	opts := []analyze.Option{analyze.WithMaxBytes(p.maxBytes), analyze.WithSummaryChars(p.summaryChars)}
	if p.summary.set || p.summaryChars == 0 {
		opts = append(opts, analyze.WithSummarySentences(p.summary.n))
	}
	if p.noModel {
		opts = append(opts, analyze.WithoutModel())
	}
	if p.lexicon != "" {
		lex, err := loadLexicon(p.lexicon)
		if err != nil {
			return nil, err
		}
		if p.lexiconOnly {
			opts = append(opts, analyze.WithLexicon(lex))
		} else {
			opts = append(opts, analyze.WithExtraLexicon(lex))
		}
	}
	if p.themes != "" {
		f, err := os.Open(p.themes)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		tax, err := analyze.LoadThemes(f, p.themes)
		if err != nil {
			return nil, err
		}
		if !p.themesOnly {
			def, err := analyze.DefaultThemes()
			if err != nil {
				return nil, err
			}
			tax = def.Merge(tax)
		}
		opts = append(opts, analyze.WithThemes(tax))
	}
	return opts, nil
}

// loadLexicon reads a user lexicon file.
func loadLexicon(path string) (*entities.Lexicon, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return entities.LoadLexicon(f, path)
}
