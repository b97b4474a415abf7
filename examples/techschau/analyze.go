package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/analyze/webpage"
	"github.com/techschau/techschau/examples/internal/bundled"
)

type analyzeConfig struct {
	pipelineFlags
	format string
	input  string
	sample bool
}

// htmlFactor is how much larger than --max-bytes an HTML page may be: its
// markup is mostly not text.
const htmlFactor = 4

func analyzeFlags() (*flag.FlagSet, *analyzeConfig) {
	c := &analyzeConfig{}
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	fs.StringVar(&c.format, "format", "json", "output `format`: json (the Document, indented) or text (a readable report)")
	fs.StringVar(&c.input, "input", "auto", "input `kind`: html (a web page: its main text is extracted and analysed), text, or auto (html when the input looks like markup)")
	fs.BoolVar(&c.sample, "sample", false, "analyse the bundled showcase article (also the default when no FILE is given)")
	c.register(fs)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: techschau analyze [flags] [FILE|-]

Analyses one German (or English) article and prints its Document: language, dateline,
boilerplate, sentences, entities, themes, summary and keyphrases, offsets in bytes.
With no FILE, or with --sample, the bundled showcase article is analysed; "-" reads
standard input. Flags may come before or after FILE.

An HTML page (--input html, or auto-detected) has its main text extracted first; the
Document then carries that text as "text" (every offset indexes it) and the page's
title, author, date, site name and URL as "meta". A page may be up to 4 times
--max-bytes.

Flags:
`)
		printFlags(fs)
	}
	return fs, c
}

func cmdAnalyze(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs, c := analyzeFlags()
	pos, status, ok := parseFlags(fs, args, stderr)
	if !ok {
		return status
	}
	if len(pos) > 1 {
		errorf(stderr, "analyze", "one FILE at most, got %d (use batch for many)", len(pos))
		return exitUsage
	}
	if c.format != "json" && c.format != "text" {
		errorf(stderr, "analyze", "--format %q: want json or text", c.format)
		return exitUsage
	}
	if c.input != "auto" && c.input != "html" && c.input != "text" {
		errorf(stderr, "analyze", "--input %q: want html, text or auto", c.input)
		return exitUsage
	}
	if c.sample && len(pos) == 1 {
		errorf(stderr, "analyze", "--sample and FILE %q: give one of them", pos[0])
		return exitUsage
	}
	opts, err := c.options()
	if err != nil {
		return reportSetupError(stderr, "analyze", err)
	}
	a, err := analyze.New(opts...)
	if err != nil {
		return reportSetupError(stderr, "analyze", err)
	}

	var text, name string
	if len(pos) == 0 {
		text, name = bundled.Article(), bundled.Name
		if !c.sample {
			errorf(stderr, "analyze", "no FILE given: analysing the bundled article %s (FILE \"-\" reads stdin)", bundled.Name)
		}
	} else {
		in, n, err := openInput(pos[0], stdin)
		if err != nil {
			errorf(stderr, "analyze", "%v", err)
			return exitFailure
		}
		limit := c.maxBytes
		if c.input != "text" {
			limit = htmlFactor * c.maxBytes
		}
		b, err := io.ReadAll(io.LimitReader(in, int64(limit)+1))
		in.Close()
		if err != nil {
			errorf(stderr, "analyze", "read %s: %v", n, err)
			return exitFailure
		}
		text, name = string(b), n
		isHTML := c.input == "html" || c.input == "auto" && webpage.LooksLikeHTML(text)
		if !isHTML {
			limit = c.maxBytes
		}
		if len(b) > limit {
			errorf(stderr, "analyze", "%s: %v: more than %d bytes (see --max-bytes)", n, analyze.ErrTooLarge, limit)
			return exitFailure
		}
		if isHTML {
			page, err := webpage.New(webpage.WithAnalyzer(a), webpage.WithMaxBytes(limit))
			if err != nil {
				return reportSetupError(stderr, "analyze", err)
			}
			doc, err := page.AnalyzeHTML(ctx, text, "")
			if err != nil {
				errorf(stderr, "analyze", "%s: %v", name, err)
				return exitFailure
			}
			return writeDocument(stdout, stderr, c.format, name, doc.Text, doc)
		}
	}

	doc, err := a.Analyze(ctx, text)
	if err != nil {
		errorf(stderr, "analyze", "%s: %v", name, err)
		return exitFailure
	}
	return writeDocument(stdout, stderr, c.format, name, text, doc)
}

// writeDocument prints doc as indented JSON or as a text report; text is
// what its offsets index.
func writeDocument(stdout, stderr io.Writer, format, name, text string, doc *analyze.Document) int {
	w := bufio.NewWriter(stdout)
	if format == "text" {
		writeTextReport(w, name, text, doc)
	} else {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(doc); err != nil {
			errorf(stderr, "analyze", "encode: %v", err)
			return exitFailure
		}
	}
	if err := w.Flush(); err != nil {
		errorf(stderr, "analyze", "write: %v", err)
		return exitFailure
	}
	return exitOK
}

// reportSetupError prints an error from building the pipeline: a usage error gives status 2,
// anything else (a file that cannot be read or parsed) status 1.
func reportSetupError(stderr io.Writer, cmd string, err error) int {
	errorf(stderr, cmd, "%v", err)
	var ue *usageError
	if errors.As(err, &ue) || errors.Is(err, analyze.ErrBadOption) {
		return exitUsage
	}
	return exitFailure
}

// writeTextReport writes a readable report of doc: header, summary, entities by salience,
// themes with their evidence sentences, keyphrases.
func writeTextReport(w io.Writer, name, text string, doc *analyze.Document) {
	body := 0
	for _, s := range doc.Sentences {
		if !s.Boilerplate {
			body++
		}
	}
	fmt.Fprintf(w, "%s: %d bytes, language %s, %d sentences (%d body, %d boilerplate)\n",
		name, len(text), orDash(doc.Language), len(doc.Sentences), body, len(doc.Sentences)-body)
	if m := doc.Meta; m != nil {
		fmt.Fprintf(w, "Page: %s\n", clip(strings.Join(nonEmpty(m.Title, m.Sitename, m.Author, m.Date, m.URL), " | "), 200))
	}
	for _, warning := range doc.Warnings {
		fmt.Fprintf(w, "Warning: %s\n", warning)
	}
	if d := doc.Dateline; d != nil {
		fmt.Fprintf(w, "Dateline: %s", clip(slice(text, d.Start, d.End), 80))
		if len(d.Places) > 0 {
			fmt.Fprintf(w, "  (places: %s", strings.Join(d.Places, ", "))
			if d.Source != "" {
				fmt.Fprintf(w, "; source: %s", d.Source)
			}
			fmt.Fprint(w, ")")
		}
		fmt.Fprintln(w)
	}
	if len(doc.Boilerplate) > 0 {
		kinds := make([]string, 0, len(doc.Boilerplate))
		for _, b := range doc.Boilerplate {
			kinds = append(kinds, fmt.Sprintf("%s [%d,%d)", b.Kind, b.Start, b.End))
		}
		fmt.Fprintf(w, "Boilerplate: %s\n", strings.Join(kinds, ", "))
	}

	fmt.Fprintln(w, "\nSUMMARY")
	if len(doc.Summary.Sentences) == 0 {
		fmt.Fprintln(w, "  (none)")
	}
	for _, s := range doc.Summary.Sentences {
		fmt.Fprintf(w, "  - %s\n", oneLine(s.Text))
	}

	fmt.Fprintln(w, "\nENTITIES (by salience)")
	if len(doc.Entities) == 0 {
		fmt.Fprintln(w, "  (none)")
	} else {
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  salience\ttype\tname\tid\tmentions")
		for _, e := range doc.Entities {
			forms := make([]string, 0, len(e.Mentions))
			seen := map[string]bool{}
			for _, m := range e.Mentions {
				if !seen[m.Form] {
					seen[m.Form] = true
					forms = append(forms, m.Form)
				}
			}
			id := e.ID
			if e.Wikidata != "" {
				id += " (" + e.Wikidata + ")"
			}
			fmt.Fprintf(tw, "  %.2f\t%s\t%s\t%s\t%d: %s\n", e.Salience, e.Type, e.Name, id, len(e.Mentions), clip(strings.Join(forms, ", "), 60))
		}
		tw.Flush()
	}

	fmt.Fprintln(w, "\nTHEMES")
	if len(doc.Themes) == 0 {
		fmt.Fprintln(w, "  (none)")
	}
	for _, t := range doc.Themes {
		fmt.Fprintf(w, "  %.2f  %s - %s\n", t.Score, t.ID, t.Label)
		if len(t.Actors) > 0 {
			fmt.Fprintf(w, "        actors: %s\n", strings.Join(t.Actors, ", "))
		}
		for _, ev := range t.Evidence {
			fmt.Fprintf(w, "        > %s [%d,%d)\n", clip(oneLine(slice(text, ev.Start, ev.End)), 200), ev.Start, ev.End)
		}
	}

	if len(doc.Keyphrases) > 0 {
		kp := make([]string, len(doc.Keyphrases))
		for i, k := range doc.Keyphrases {
			kp[i] = k.Text
		}
		fmt.Fprintf(w, "\nKEYPHRASES\n  %s\n", strings.Join(kp, ", "))
	}
}

// slice returns text[start:end], or "" when the span is out of range.
func slice(text string, start, end int) string {
	if start < 0 || end > len(text) || start > end {
		return ""
	}
	return text[start:end]
}

// oneLine folds runs of white space (newlines included) into single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// clip shortens s to at most n runes, ending in "…" when cut; invalid UTF-8 is replaced.
func clip(s string, n int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i, count := 0, 0
	for i = range s {
		if count == n-1 {
			break
		}
		count++
	}
	return s[:i] + "…"
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// nonEmpty returns the non-empty strings of ss.
func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
