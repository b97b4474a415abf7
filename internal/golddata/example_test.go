package golddata_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/techschau/techschau/internal/golddata"
)

func ExampleLoadArticles() {
	dir, _ := os.MkdirTemp("", "golddata")
	defer os.RemoveAll(dir)
	text := "Huaweis neue Chips\n\nDie chinesische Firma Huawei baut Chips."
	gold := `{"entities":[
	 {"start":0,"end":6,"text":"Huawei","type":"ORG","id":"huawei"},
	 {"start":24,"end":35,"text":"chinesische","type":"LOC","id":"china","derived":true},
	 {"start":42,"end":48,"text":"Huawei","type":"ORG","id":"huawei"}],
	 "themes":["semiconductors"]}`
	_ = os.WriteFile(filepath.Join(dir, "huawei.txt"), []byte(text), 0o644)
	_ = os.WriteFile(filepath.Join(dir, "huawei.json"), []byte(gold), 0o644)

	arts, err := golddata.LoadArticles(dir)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range arts[0].Entities {
		fmt.Println(m.Type, m.ID, text[m.Start:m.End], m.Derived)
	}
	fmt.Println(arts[0].Themes)
	// Output:
	// ORG huawei Huawei false
	// LOC china chinesische true
	// ORG huawei Huawei false
	// [semiconductors]
}
