package main

import (
	"bufio"
	"context"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/internal/corpus"
	"github.com/techschau/techschau/internal/golddata"
)

func evalGNAD(ctx context.Context, an *analyze.Analyzer, c config) error {
	path := filepath.Join(c.data, "10kgnad", "dev.csv")
	arts, err := corpus.ReadGNADFile(path)
	if err != nil {
		return err
	}
	var mk, all, over10, full int
	worst, worstID := 0.0, -1
	for i, a := range arts {
		d, err := an.Analyze(ctx, a.Text)
		if err != nil {
			return fmt.Errorf("gnad-dev-%03d: %w", i, err)
		}
		m, n := share(a.Text, marked(a.Text, d), 0, len(a.Text))
		mk += m
		all += n
		p := pct(m, n)
		if p > worst {
			worst, worstID = p, i
		}
		if p > 10 {
			over10++
		}
		if p >= 99.5 {
			full++
		}
		if c.verbose && m > 0 {
			for _, b := range d.Boilerplate {
				fmt.Printf("  gnad-dev-%03d %s %.100q\n", i, b.Kind, a.Text[b.Start:b.End])
			}
		}
	}
	fmt.Printf("10kGNAD dev (%s): %d articles, %.2f%% of non-space bytes marked boilerplate (goal <= 0.5%%)\n", path, len(arts), pct(mk, all))
	fmt.Printf("  worst article gnad-dev-%03d: %.1f%% (goal <= 10%%); articles over 10%%: %d; wholly boilerplate: %d\n", worstID, worst, over10, full)
	return nil
}

func evalSeed(ctx context.Context, an *analyze.Analyzer, c config) error {
	path := filepath.Join(c.data, "seed-article-deepseek-huawei.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	text := string(b)
	cut := strings.Index(text, "- Die besten Bücher")
	if cut < 0 {
		return fmt.Errorf("%s: no furniture marker", path)
	}
	fmt.Printf("seed page (%s): the article is the text before byte %d\n", path, cut)
	for _, form := range []struct{ name, text string }{{"as scraped", text}, {"flattened", flatten(text)}} {
		d, err := an.Analyze(ctx, form.text)
		if err != nil {
			return err
		}
		body, sents := 0, 0
		for _, s := range d.Sentences {
			if s.Start < cut {
				sents++
				if !s.Boilerplate {
					body++
				} else if c.verbose {
					fmt.Printf("  %s: article sentence marked: %.80q\n", form.name, s.Text)
				}
			}
		}
		m, n := share(form.text, marked(form.text, d), cut, len(form.text))
		fmt.Printf("  %-10s: article sentences body %d of %d (goal 14 of 14); furniture marked %.1f%% of its bytes (goal >= 70%%)\n", form.name, body, sents, pct(m, n))
	}
	return nil
}

// span is a labelled line: [start, end) and whether it is boilerplate.
type span struct {
	start, end int
	bp         bool
	kind       string
}

// lineScore counts line-level decisions; boilerplate is the positive class.
type lineScore struct{ tp, fp, fn, tn int }

func (s *lineScore) add(o lineScore) { s.tp += o.tp; s.fp += o.fp; s.fn += o.fn; s.tn += o.tn }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func (s lineScore) String() string {
	return fmt.Sprintf("lines=%d boilerplate P=%.3f R=%.3f, body P=%.3f R=%.3f (tp=%d fp=%d fn=%d tn=%d)",
		s.tp+s.fp+s.fn+s.tn, ratio(s.tp, s.tp+s.fp), ratio(s.tp, s.tp+s.fn), ratio(s.tn, s.tn+s.fn), ratio(s.tn, s.tn+s.fp), s.tp, s.fp, s.fn, s.tn)
}

// scoreLines judges each labelled line by the Document: a line is predicted
// boilerplate when more than half of its non-space bytes are marked.
func scoreLines(name, text string, gold []span, d *analyze.Document, verbose bool) lineScore {
	m := marked(text, d)
	var s lineScore
	for _, g := range gold {
		mk, n := share(text, m, g.start, g.end)
		pred := n > 0 && 2*mk > n
		switch {
		case g.bp && pred:
			s.tp++
		case !g.bp && pred:
			s.fp++
			if verbose {
				fmt.Printf("  %s: body line marked: %.90q\n", name, text[g.start:g.end])
			}
		case g.bp && !pred:
			s.fn++
			if verbose {
				fmt.Printf("  %s: %s line kept as body: %.90q\n", name, g.kind, text[g.start:g.end])
			}
		default:
			s.tn++
		}
	}
	return s
}

// lineSpans returns the trimmed non-blank lines of text with their 1-based
// numbers.
func lineSpans(text string) (spans []span, numbers []int) {
	n, pos := 0, 0
	for line := range strings.SplitSeq(text, "\n") {
		n++
		s, e := pos, pos+len(line)
		pos = e + 1
		for s < e && strings.ContainsRune(" \t\r", rune(text[s])) {
			s++
		}
		for e > s && strings.ContainsRune(" \t\r", rune(text[e-1])) {
			e--
		}
		if s < e {
			spans = append(spans, span{start: s, end: e})
			numbers = append(numbers, n)
		}
	}
	return spans, numbers
}

func evalPages(ctx context.Context, an *analyze.Analyzer, c config) error {
	pages, err := golddata.RepoPages()
	if err != nil {
		return err
	}
	for _, flat := range []bool{false, true} {
		var total lineScore
		whole := 0
		for _, p := range pages {
			gold, nums := lineSpans(p.Text)
			for i := range gold {
				gold[i].bp = !slices.Contains(p.BodyLines, nums[i])
				gold[i].kind = "boilerplate"
			}
			text := p.Text
			if flat {
				text = flatten(text)
			}
			d, err := an.Analyze(ctx, text)
			if err != nil {
				return fmt.Errorf("%s: %w", p.Name, err)
			}
			total.add(scoreLines(p.Name, text, gold, d, c.verbose))
			if mk, n := share(text, marked(text, d), 0, len(text)); mk == n {
				whole++
			}
		}
		form := "with line breaks"
		if flat {
			form = "flattened"
		}
		fmt.Printf("testdata/pages %-16s: %d pages, %s; wholly boilerplate: %d\n", form, len(pages), total, whole)
	}
	return nil
}

// realLabel is one line of testdata/real/boilerplate.jsonl.
type realLabel struct {
	Set   string  `json:"set"`
	ID    string  `json:"id"`
	SHA1  string  `json:"sha1"`
	Lines [][]any `json:"lines"`
}

// newsPage is one line of news-pages/pages.jsonl.
type newsPage struct {
	ID   string `json:"id"`
	URL  string `json:"url"`
	Text string `json:"text"`
}

func readNews(c config) ([]newsPage, error) {
	return readJSONL[newsPage](filepath.Join(c.data, "news-pages", "pages.jsonl"))
}

// readJSONL reads a JSON Lines file of T, skipping blank lines.
func readJSONL[T any](path string) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var x T
		if err := json.Unmarshal(sc.Bytes(), &x); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out = append(out, x)
	}
	return out, sc.Err()
}

func readGNADTexts(c config) ([]string, error) {
	arts, err := corpus.ReadGNADFile(filepath.Join(c.data, "10kgnad", "dev.csv"))
	if err != nil {
		return nil, err
	}
	out := make([]string, len(arts))
	for i, a := range arts {
		out[i] = a.Text
	}
	return out, nil
}

func sha1hex(s string) string {
	h := sha1.Sum([]byte(s))
	return hex.EncodeToString(h[:])
}

// label files of testdata/real
const (
	realFile    = "boilerplate.jsonl"         // the 70 labelled pages
	heldoutFile = "boilerplate.heldout.jsonl" // 30 pages held out from all tuning
)

func readRealLabels(file string) ([]realLabel, error) {
	root, err := golddata.RepoRoot()
	if err != nil {
		return nil, err
	}
	return readJSONL[realLabel](filepath.Join(root, "testdata", "real", file))
}

func evalReal(ctx context.Context, an *analyze.Analyzer, c config, file string) error {
	labels, err := readRealLabels(file)
	if os.IsNotExist(err) {
		fmt.Printf("real labelled pages: testdata/real/%s not on this branch yet; skipped\n", file)
		return nil
	}
	if err != nil {
		return err
	}
	texts := map[string]string{}
	news, err := readNews(c)
	if err != nil {
		return err
	}
	for _, p := range news {
		texts[p.ID] = p.Text
	}
	if gn, err := readGNADTexts(c); err == nil {
		for i, t := range gn {
			texts[fmt.Sprintf("gnad-dev-%03d", i)] = t
		}
	}
	var total [1]lineScore
	kinds := map[string][2]int{} // kind -> lines found, lines
	pages, skipped := 0, 0
	for _, l := range labels {
		text, ok := texts[l.ID]
		if !ok || sha1hex(text) != l.SHA1 {
			skipped++
			fmt.Printf("  %s: text missing or changed; skipped\n", l.ID)
			continue
		}
		var gold []span
		for _, x := range l.Lines {
			if len(x) != 3 {
				return fmt.Errorf("%s: line label %v", l.ID, x)
			}
			s, _ := x[0].(float64)
			e, _ := x[1].(float64)
			k, _ := x[2].(string)
			gold = append(gold, span{start: int(s), end: int(e), bp: k != "body", kind: k})
		}
		d, err := an.Analyze(ctx, text)
		if err != nil {
			return fmt.Errorf("%s: %w", l.ID, err)
		}
		sc := scoreLines(l.ID, text, gold, d, c.verbose)
		m := marked(text, d)
		for _, g := range gold {
			if !g.bp {
				continue
			}
			mk, n := share(text, m, g.start, g.end)
			v := kinds[g.kind]
			v[1]++
			if n > 0 && 2*mk > n {
				v[0]++
			}
			kinds[g.kind] = v
		}
		total[0].add(sc)
		pages++
	}
	fmt.Printf("real labelled pages (testdata/real/%s): %d pages (%d skipped), %s (goal P, R >= 0.95)\n", file, pages, skipped, total[0])
	var names []string
	for k := range kinds {
		names = append(names, k)
	}
	slices.Sort(names)
	fmt.Print("  recall by kind:")
	for _, k := range names {
		fmt.Printf(" %s %d/%d", k, kinds[k][0], kinds[k][1])
	}
	fmt.Println()
	return nil
}

func evalNews(ctx context.Context, an *analyze.Analyzer, c config) error {
	pages, err := readNews(c)
	if err != nil {
		return err
	}
	skip := map[string]bool{}
	if c.exclude != "" {
		b, err := os.ReadFile(c.exclude)
		if err != nil {
			return err
		}
		var ids []struct{ ID string }
		if err := json.Unmarshal(b, &ids); err != nil {
			return err
		}
		for _, x := range ids {
			skip[x.ID] = true
		}
	}
	for _, f := range []string{realFile, heldoutFile} {
		if labels, err := readRealLabels(f); err == nil {
			for _, l := range labels {
				skip[l.ID] = true
			}
		}
	}
	var mk, all, n, over50 int
	for _, p := range pages {
		if skip[p.ID] {
			continue
		}
		d, err := an.Analyze(ctx, p.Text)
		if err != nil {
			continue // English or other pages
		}
		m, a := share(p.Text, marked(p.Text, d), 0, len(p.Text))
		mk += m
		all += a
		n++
		if 2*m > a {
			over50++
			if c.verbose {
				fmt.Printf("  %s: %.0f%% marked\n", p.ID, pct(m, a))
			}
		}
	}
	fmt.Printf("news pages (unlabelled, development only): %d pages, %.1f%% of bytes marked, %d pages over half marked\n", n, pct(mk, all), over50)
	return nil
}
