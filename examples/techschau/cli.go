package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// Exit statuses. A shell script can rely on these.
const (
	exitOK      = 0 // everything done
	exitFailure = 1 // the run failed (unreadable input, analysis error), or some batch/conll lines failed
	exitUsage   = 2 // bad command line: unknown command or flag, bad flag value, too many arguments
)

// version is the CLI's version; set with -ldflags "-X main.version=v1.2.3", otherwise taken
// from the module's build info.
var version = ""

const usageText = `techschau - German tech-news analysis (entities, themes, summary)

Usage:
  techschau analyze [flags] [FILE|-]   analyse one article; print the Document as JSON
  techschau batch [flags] [IN|-]       JSONL {"id","text"} in, one JSON result a line out
  techschau conll [IN|-]               tag GermEval-2014 TSV (column 3: PER, ORG, LOC, OTH)
  techschau trends [flags] [IN|-]      batch output in; themes over time as JSON or an HTML page
  techschau help [COMMAND]             show help
  techschau --version                  print the version

analyze with no FILE (or with --sample) analyses the bundled German showcase article.
FILE "-" and a missing IN read standard input.

Exit status: 0 success; 1 failure (unreadable input, analysis error, or at least one
batch/conll/trends line failed: the others are still written); 2 usage error.

Run "techschau help COMMAND" for the flags of a command.
`

// run is the whole CLI: args without the program name; it returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usageText)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "analyze", "analyse":
		return cmdAnalyze(ctx, rest, stdin, stdout, stderr)
	case "batch":
		return cmdBatch(ctx, rest, stdin, stdout, stderr)
	case "conll":
		return cmdConll(ctx, rest, stdin, stdout, stderr)
	case "trends":
		return cmdTrends(ctx, rest, stdin, stdout, stderr)
	case "help", "-h", "-help", "--help":
		return cmdHelp(rest, stdout, stderr)
	case "version", "-version", "--version":
		fmt.Fprintf(stdout, "techschau %s\n", versionString())
		return exitOK
	}
	fmt.Fprintf(stderr, "techschau: unknown command %q\nRun \"techschau help\" for usage.\n", cmd)
	return exitUsage
}

func cmdHelp(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stdout, usageText)
		return exitOK
	}
	var fs *flag.FlagSet
	switch args[0] {
	case "analyze", "analyse":
		fs, _ = analyzeFlags()
	case "batch":
		fs, _ = batchFlags()
	case "conll":
		fs = conllFlags()
	case "trends":
		fs, _ = trendsFlags()
	default:
		fmt.Fprintf(stderr, "techschau help: unknown command %q\n", args[0])
		return exitUsage
	}
	fs.SetOutput(stdout)
	fs.Usage()
	return exitOK
}

func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// parseFlags parses args with fs, allowing flags after positional arguments
// ("analyze article.txt --format text"); "--" ends flags. -h, -help and --help print
// the command's usage on stdout (as "help CMD" does); a bad flag is reported on stderr
// as "techschau CMD: message". It returns the positional arguments, or an exit status
// (help: 0, error: 2) with ok false.
func parseFlags(cmd string, fs *flag.FlagSet, args []string, stdout, stderr io.Writer) (pos []string, status int, ok bool) {
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "-help" || a == "--help" {
			fs.SetOutput(stdout)
			fs.Usage()
			return nil, exitOK, false
		}
	}
	fs.SetOutput(io.Discard) // errors are printed below, with the command's prefix
	for {
		if err := fs.Parse(args); err != nil {
			// the flag package names flags with one dash; the help spells them with two
			msg := strings.Replace(err.Error(), "for flag -", "for flag --", 1)
			msg = strings.Replace(msg, "not defined: -", "not defined: --", 1)
			errorf(stderr, cmd, "%s", msg)
			fmt.Fprintf(stderr, "Run \"techschau help %s\" for usage.\n", cmd)
			return nil, exitUsage, false
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, 0, true
		}
		// fs stopped at a non-flag argument, or just after a "--" that ends the flags.
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), 0, true
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// openInput opens the named input: "-" or "" is stdin (closing it is a no-op). A
// directory, a missing or unreadable file gives an error that names the file once
// ("/tmp: is a directory", "x.txt: permission denied").
func openInput(name string, stdin io.Reader) (io.ReadCloser, string, error) {
	if name == "" || name == "-" {
		return io.NopCloser(stdin), "<stdin>", nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, name, fileError(name, err)
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		f.Close()
		return nil, name, fmt.Errorf("%s: is a directory", name)
	}
	return f, name, nil
}

// fileError words an error of opening or reading file name as "name: reason".
func fileError(name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", name, pe.Err)
	}
	return fmt.Errorf("%s: %w", name, err)
}

// tightenGC makes the collector run at GOGC=percent unless the environment sets GOGC. A
// large article peaks at about 20 times its size in live heap, and Go's default GOGC=100
// lets the heap grow to twice the live heap between collections. analyze, which holds one
// article, collects at 30% growth (5 MB of news text: peak RSS about 280 -> 220 MB, for
// about 10% more CPU on that article); batch, whose heap is mostly the models' on ordinary
// articles, at 50% (batch --workers 2 over 5 MB articles: about 610 -> 490 MB, no
// measurable CPU cost on 2,056 ordinary articles).
func tightenGC(percent int) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(percent)
	}
}

// plural returns "1 document" or "3 documents".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// errorf prints "techschau CMD: message" on stderr.
func errorf(stderr io.Writer, cmd, format string, a ...any) {
	msg := fmt.Sprintf(format, a...)
	fmt.Fprintf(stderr, "techschau %s: %s\n", cmd, strings.TrimRight(msg, "\n"))
}

// printFlags lists fs's flags GNU style ("--name VALUE"), as the usage texts spell them.
func printFlags(fs *flag.FlagSet) {
	w := fs.Output()
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		line := "  --" + f.Name
		if name != "" {
			line += " " + name
		}
		fmt.Fprintf(w, "%s\n    \t%s", line, strings.ReplaceAll(usage, "\n", "\n    \t"))
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			if strings.Trim(f.DefValue, "0123456789") != "" {
				fmt.Fprintf(w, " (default %q)", f.DefValue)
			} else {
				fmt.Fprintf(w, " (default %s)", f.DefValue)
			}
		}
		fmt.Fprintln(w)
	})
}
