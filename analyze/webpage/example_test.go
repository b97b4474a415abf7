package webpage_test

import (
	"context"
	"fmt"

	"github.com/techschau/techschau/analyze/webpage"
)

func ExampleAnalyzeHTML() {
	page := `<!DOCTYPE html>
<html lang="de"><head>
<title>ESMC feiert Richtfest in Dresden</title>
<meta name="author" content="Jana Beispiel">
<meta property="article:published_time" content="2026-10-21">
</head><body>
<nav><a href="/">Startseite</a> <a href="/wirtschaft">Wirtschaft</a></nav>
<article>
<h1>ESMC feiert Richtfest in Dresden</h1>
<p>Dresden – Das Gemeinschaftsunternehmen ESMC hat in Dresden Richtfest für seine Chipfabrik gefeiert.
Ab 2027 sollen dort Halbleiter für die europäische Autoindustrie vom Band laufen.</p>
<p>Anzeige</p>
<p>Der Bund fördert das Werk mit rund fünf Milliarden Euro. Sachsen rechnet mit 2000 neuen Arbeitsplätzen
in der Region, wie der Ministerpräsident bei der Feier sagte.</p>
</article>
<footer>© 2026 Beispielverlag</footer>
</body></html>`
	doc, err := webpage.AnalyzeHTML(context.Background(), page, "https://example.org/wirtschaft/esmc")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.Meta.Title, "|", doc.Meta.Author, "|", doc.Meta.Date, "|", doc.Meta.URL)
	for _, s := range doc.Sentences {
		mark := "body"
		if s.Boilerplate {
			mark = "boilerplate"
		}
		fmt.Printf("%-11s %s\n", mark, doc.Text[s.Start:s.End])
	}
	// Output:
	// ESMC feiert Richtfest in Dresden | Jana Beispiel | 2026-10-21 | https://example.org/wirtschaft/esmc
	// body        ESMC feiert Richtfest in Dresden
	// body        Dresden – Das Gemeinschaftsunternehmen ESMC hat in Dresden Richtfest für seine Chipfabrik gefeiert.
	// body        Ab 2027 sollen dort Halbleiter für die europäische Autoindustrie vom Band laufen.
	// boilerplate Anzeige
	// body        Der Bund fördert das Werk mit rund fünf Milliarden Euro.
	// body        Sachsen rechnet mit 2000 neuen Arbeitsplätzen in der Region, wie der Ministerpräsident bei der Feier sagte.
}
