// Command peers compares internal/wordtab with the tables it replaces: for
// each usage shape it runs wordtab's BenchmarkShape… and the older
// structure's BenchmarkPeer… (internal/wordtab/testdata/peers, compiled
// into its package with go test -overlay, so no package is changed),
// alternating the two binaries round by round, and prints per shape the
// median of the per-round ratios old/new (above 1: wordtab is faster), of
// CPU time per operation (the benchmarks' cpu-ns/op: on a shared machine
// the wall clock mostly measures the neighbours) and of wall time.
//
//	go run ./internal/wordtab/internal/peers -rounds 7 -benchtime 300ms
//
// It needs ../shared/data/10kgnad/dev.csv beside the repository. Delete it
// with testdata/peers when phase 2 of issue 17 has moved every package to
// wordtab.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// pair is one comparison: a peer benchmark in a package against a wordtab
// benchmark.
type pair struct {
	shape string
	pkg   string // peer package directory, relative to the repository
	peer  string // benchmark in pkg (a -test.bench pattern)
	new   string // benchmark in internal/wordtab (a -test.bench pattern)
}

var pairs = []pair{
	{"hash", "analyze", "^BenchmarkPeerHash$", "^BenchmarkShapeHash$"},
	{"hash", "entities", "^BenchmarkPeerHash$", "^BenchmarkShapeHash$"},
	{"hash", "summarize", "^BenchmarkPeerHash$", "^BenchmarkShapeHash$"},
	{"hash", "internal/ner", "^BenchmarkPeerHash$", "^BenchmarkShapeHash$"},
	{"table hits", "analyze", "^BenchmarkPeerTableHits$", "^BenchmarkShapeTableHits$/^plain$"},
	{"table hits", "entities", "^BenchmarkPeerTableHits$", "^BenchmarkShapeTableHits$/^filter$"},
	{"table text", "analyze", "^BenchmarkPeerTableText$", "^BenchmarkShapeTableText$/^plain$"},
	{"table text", "entities", "^BenchmarkPeerTableText$", "^BenchmarkShapeTableText$/^filter$"},
	// analyze puts gram filters (bpCues.head, shortHead) before its
	// tables; phase 2 gives the Table its own filter instead
	{"table text, filtered", "analyze", "^BenchmarkPeerTableText$", "^BenchmarkShapeTableText$/^filter$"},
	{"table text prehashed", "entities", "^BenchmarkPeerTableTextPrehashed$", "^BenchmarkShapeTableTextPrehashed$/^filter$"},
	{"cache warm", "summarize", "^BenchmarkPeerCacheWarm$", "^BenchmarkShapeCacheWarm$"},
	{"cache fill", "summarize", "^BenchmarkPeerCacheFill$", "^BenchmarkShapeCacheFill$"},
	{"scratch", "entities", "^BenchmarkPeerScratch$", "^BenchmarkShapeScratch$"},
	{"scratch uint64", "summarize", "^BenchmarkPeerScratchUint64$", "^BenchmarkShapeScratchUint64$"},
	{"stats uint64", "internal/ner", "^BenchmarkPeerStats$", "^BenchmarkShapeStats$"},
	{"lower text", "analyze", "^BenchmarkPeerLowerText$", "^BenchmarkShapeLowerText$"},
	{"lower token", "internal/wordtab", "^BenchmarkShapeLowerToken$/^german$", "^BenchmarkShapeLowerToken$/^wordtab$"},
	{"token facts", "entities", "^BenchmarkPeerFacts$", "^BenchmarkShapeFacts$"},
	{"free list", "analyze", "^BenchmarkPeerFreeList$", "^BenchmarkShapeFreeList$/^wordtab$"},
	{"free list", "summarize", "^BenchmarkPeerFreeList$", "^BenchmarkShapeFreeList$/^wordtab$"},
	{"free list", "internal/ner", "^BenchmarkPeerFreeList$", "^BenchmarkShapeFreeList$/^wordtab$"},
}

// peerFiles names the peer file of each package.
var peerFiles = map[string]string{
	"analyze":      "analyze_peer_test.go",
	"entities":     "entities_peer_test.go",
	"summarize":    "summarize_peer_test.go",
	"internal/ner": "ner_peer_test.go",
}

func main() {
	rounds := flag.Int("rounds", 7, "alternating rounds per pair")
	benchtime := flag.String("benchtime", "300ms", "-test.benchtime of each run")
	only := flag.String("shape", "", "run only the shapes matching this regular expression")
	flag.Parse()
	if err := run(*rounds, *benchtime, *only); err != nil {
		fmt.Fprintln(os.Stderr, "peers:", err)
		os.Exit(1)
	}
}

func run(rounds int, benchtime, only string) error {
	root, err := repoRoot()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "wordtab-peers")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bins := map[string]string{}
	build := func(pkg, overlayFile string) error {
		bin := filepath.Join(tmp, strings.ReplaceAll(pkg, "/", "_")+".test")
		args := []string{"test", "-c", "-o", bin}
		if overlayFile != "" {
			ov := map[string]map[string]string{"Replace": {
				filepath.Join(root, pkg, "zz_wordtab_peer_test.go"): filepath.Join(root, "internal/wordtab/testdata/peers", overlayFile),
			}}
			b, _ := json.Marshal(ov)
			path := filepath.Join(tmp, strings.ReplaceAll(pkg, "/", "_")+".json")
			if err := os.WriteFile(path, b, 0o644); err != nil {
				return err
			}
			args = append(args, "-overlay", path)
		}
		cmd := exec.Command("go", append(args, "./"+pkg)...)
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("building %s: %v\n%s", pkg, err, out)
		}
		bins[pkg] = bin
		return nil
	}
	if err := build("internal/wordtab", ""); err != nil {
		return err
	}
	for pkg, f := range peerFiles {
		if err := build(pkg, f); err != nil {
			fmt.Fprintln(os.Stderr, err) // the other packages still count
		}
	}
	var sel *regexp.Regexp
	if only != "" {
		if sel, err = regexp.Compile(only); err != nil {
			return err
		}
	}
	fmt.Printf("%d rounds, benchtime %s, GOMAXPROCS 1; ratio = old CPU ns/op ÷ wordtab CPU ns/op per round (>1: wordtab faster); wall: the same of wall ns/op\n\n", rounds, benchtime)
	fmt.Printf("%-22s %-16s %-40s %10s %10s %7s %7s %7s %7s\n", "shape", "package", "old benchmark", "old cpu/op", "new cpu/op", "median", "min", "max", "wall")
	for _, p := range pairs {
		if sel != nil && !sel.MatchString(p.shape) {
			continue
		}
		if bins[p.pkg] == "" {
			fmt.Printf("%-22s %-16s %-40s not built\n", p.shape, p.pkg, p.peer)
			continue
		}
		var olds, news, ratios, wallRatios []float64
		for r := range rounds {
			var o, n, ow, nw float64
			var err1, err2 error
			runOld := func() { o, ow, err1 = bench(bins[p.pkg], filepath.Join(root, p.pkg), p.peer, benchtime) }
			runNew := func() {
				n, nw, err2 = bench(bins["internal/wordtab"], filepath.Join(root, "internal/wordtab"), p.new, benchtime)
			}
			if r%2 == 0 {
				runOld()
				runNew()
			} else {
				runNew()
				runOld()
			}
			if err1 != nil || err2 != nil {
				return fmt.Errorf("%s %s: %v %v", p.pkg, p.peer, err1, err2)
			}
			olds, news = append(olds, o), append(news, n)
			ratios, wallRatios = append(ratios, o/n), append(wallRatios, ow/nw)
		}
		slices.Sort(ratios)
		fmt.Printf("%-22s %-16s %-40s %10.0f %10.0f %7.2f %7.2f %7.2f %7.2f\n", p.shape, p.pkg, p.peer, median(olds), median(news), median(ratios), ratios[0], ratios[len(ratios)-1], median(wallRatios))
	}
	return nil
}

var (
	nsOp  = regexp.MustCompile(`\s([0-9.]+) ns/op`)
	cpuOp = regexp.MustCompile(`\s([0-9.]+) cpu-ns/op`)
)

// bench runs one benchmark of a test binary with GOMAXPROCS 1 and returns
// its CPU and wall time per operation.
func bench(bin, dir, pattern, benchtime string) (cpu, wall float64, err error) {
	cmd := exec.Command(bin, "-test.run", "^$", "-test.bench", pattern, "-test.benchtime", benchtime, "-test.count", "1", "-test.cpu", "1")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		return 0, 0, fmt.Errorf("%v\n%s", err, out)
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		w, c := nsOp.FindStringSubmatch(line), cpuOp.FindStringSubmatch(line)
		if w != nil && c != nil && strings.HasPrefix(line, "Benchmark") {
			wall, err1 := strconv.ParseFloat(w[1], 64)
			cpu, err2 := strconv.ParseFloat(c[1], 64)
			if err1 != nil || err2 != nil {
				return 0, 0, fmt.Errorf("%q: %v %v", line, err1, err2)
			}
			return cpu, wall, nil
		}
	}
	return 0, 0, fmt.Errorf("no ns/op and cpu-ns/op in the output of %s %s:\n%s", bin, pattern, out)
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// repoRoot returns the directory of the techschau go.mod above the working
// directory.
func repoRoot() (string, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}").Output()
	if err != nil {
		return "", fmt.Errorf("go list -m: %w", err)
	}
	return strings.TrimSpace(string(out)), nil
}
