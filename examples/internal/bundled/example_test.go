package bundled_test

import (
	"fmt"
	"strings"

	"github.com/techschau/techschau/examples/internal/bundled"
)

func ExampleArticle() {
	headline, _, _ := strings.Cut(bundled.Article(), "\n")
	fmt.Println(bundled.Name)
	fmt.Println(headline)
	// Output:
	// bundled-chips.txt
	// Chinas Weg zur Chip-Unabhängigkeit: Peking drängt Konzerne weg von NVIDIA
}
