package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/techschau/techschau/entities"
)

type conllConfig struct {
	lexicon     string
	lexiconOnly bool
	noModel     bool
}

func conllFlags() *flag.FlagSet {
	fs, _ := conllFlagSet()
	return fs
}

func conllFlagSet() (*flag.FlagSet, *conllConfig) {
	c := &conllConfig{}
	fs := flag.NewFlagSet("conll", flag.ContinueOnError)
	fs.StringVar(&c.lexicon, "lexicon", "", "entity lexicon `FILE` (JSON) merged with the default lexicon")
	fs.BoolVar(&c.lexiconOnly, "lexicon-only", false, "use the --lexicon file instead of the default lexicon")
	fs.BoolVar(&c.noModel, "no-model", false, "tag with lexicon and rules only (no statistical model)")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: techschau conll [flags] [IN|-]

Reads GermEval-2014-format TSV (comment lines starting with "#", token lines
index<TAB>token<TAB>outer<TAB>inner..., a blank line after each sentence) and writes it
back with the predicted outer BIO tag in column 3: B-/I- PER, ORG, LOC, OTH (products and
other names are OTH), O otherwise. Every other column, comment line and blank line is kept;
a line with only index and token gets the tag as a third column. Lines end in "\n".
A token line without a TAB is reported on stderr with its number and copied unchanged.

Exit status: 0 success; 1 some lines malformed (the rest is still written) or input
unreadable; 2 usage error.

Flags:
`)
		printFlags(fs)
	}
	return fs, c
}

func cmdConll(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs, c := conllFlagSet()
	pos, status, ok := parseFlags("conll", fs, args, stdout, stderr)
	if !ok {
		return status
	}
	if len(pos) > 1 {
		errorf(stderr, "conll", "one input at most, got %d", len(pos))
		return exitUsage
	}
	if c.lexiconOnly && c.lexicon == "" {
		errorf(stderr, "conll", "--lexicon-only needs --lexicon FILE")
		return exitUsage
	}
	var eo []entities.Option
	if c.noModel {
		eo = append(eo, entities.WithoutModel())
	}
	if c.lexicon != "" {
		lex, err := loadLexicon(c.lexicon)
		if err != nil {
			errorf(stderr, "conll", "%v", err)
			return exitFailure
		}
		if c.lexiconOnly {
			eo = append(eo, entities.WithLexicon(lex))
		} else {
			eo = append(eo, entities.WithExtraLexicon(lex))
		}
	}
	rec, err := entities.New(eo...)
	if err != nil {
		errorf(stderr, "conll", "%v", err)
		return exitFailure
	}
	name := "-"
	if len(pos) == 1 {
		name = pos[0]
	}
	in, name, err := openInput(name, stdin)
	if err != nil {
		errorf(stderr, "conll", "%v", err)
		return exitFailure
	}
	defer in.Close()

	cr := newConllReader(in)
	w := bufio.NewWriterSize(stdout, 64<<10)
	bad := 0
	var runErr error
	for {
		if err := ctx.Err(); err != nil {
			runErr = err
			break
		}
		b, err := cr.next()
		for _, e := range cr.takeErrors() {
			errorf(stderr, "conll", "%s:%v", name, e) // e is "LINE: message"
			bad++
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			runErr = fmt.Errorf("read %w", fileError(name, err))
			break
		}
		var tags []string
		if len(b.Tokens) > 0 {
			tags = rec.TagTokens(b.TokenTexts())
			for i, t := range tags {
				tags[i] = germevalTag(t)
			}
			fixBIO(tags)
		}
		if err := writeConllBlock(w, b, tags); err != nil {
			runErr = fmt.Errorf("write: %w", err)
			break
		}
	}
	if err := w.Flush(); err != nil && runErr == nil {
		runErr = fmt.Errorf("write: %w", err)
	}
	if runErr != nil {
		errorf(stderr, "conll", "%v", runErr)
		return exitFailure
	}
	if bad > 0 {
		errorf(stderr, "conll", "%s: %s", name, plural(bad, "malformed line", "malformed lines"))
		return exitFailure
	}
	return exitOK
}
