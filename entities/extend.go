package entities

import (
	"strings"

	"github.com/techschau/techschau/german"
)

// orgTails are words that continue a company name into a subsidiary or division
// ("Siemens Energy", "Hitachi Energy", "Huawei Deutschland").
var orgTails = map[string]bool{
	"Energy": true, "Healthineers": true, "Mobility": true, "Labs": true, "Systems": true, "Technologies": true,
	"Technology": true, "Ventures": true, "Capital": true, "Robotics": true, "Semiconductor": true, "Semiconductors": true,
	"Electronics": true, "Research": true, "Networks": true, "Software": true, "Digital": true, "Group": true,
	"Holdings": true, "Holding": true, "Foundation": true, "Financial": true, "Services": true, "Solutions": true,
	"Motors": true, "Automotive": true, "Industries": true, "Innovations": true, "Games": true, "Studios": true,
	"Media": true, "Pharma": true, "Consult": true, "Consulting": true, "Partners": true, "Analytics": true, "Interactive": true, "Bank": true, "Deutschland": true, "Germany": true, "Europe": true,
	"Austria": true, "Schweiz": true, "Österreich": true, "China": true, "Japan": true, "Korea": true,
}

// countryTails keep the company's id ("Telefónica Deutschland" is Telefónica).
var countryTails = map[string]bool{"Deutschland": true, "Germany": true, "Europe": true, "Austria": true, "Schweiz": true, "Österreich": true}

// extendTail extends an organisation over a subsidiary word ("Siemens Energy").
func (r *Recognizer) extendTail(text string, c cand, toks []german.Token) cand {
	if c.tokE >= len(toks) || c.end != toks[c.tokE-1].End {
		return c
	}
	t := toks[c.tokE]
	if !orgTails[t.Text] && !(isAllCaps(t.Text) && len(t.Text) <= 5 && !r.names.commonCaps[t.Text] && !r.names.legal[t.Text] &&
		!hasDigit(t.Text) && r.lex.index[strings.ToLower(t.Text)] == nil) {
		return c // "Fraunhofer IIS", "CMA CGM" continue with an unknown acronym
	}
	// the tail must not start a name of its own ("Huawei China Mobile")
	if c.tokE+1 < len(toks) && isUpperRune(firstRune(toks[c.tokE+1].Text)) && toks[c.tokE+1].Kind == german.Word &&
		!german.IsStopWord(german.Lower(toks[c.tokE+1].Text)) && !r.names.legal[toks[c.tokE+1].Text] {
		return c
	}
	c.end, c.form[1], c.tokE = t.End, t.End, c.tokE+1
	if !countryTails[t.Text] {
		c.parent, c.key, c.name, c.entry = c.key, slug(text[c.start:c.end]), text[c.start:c.end], -1
	}
	return extendLegal(c, toks, r.names)
}

// modelWords continue a product name after its base ("Pixel 10 Pro").
var modelWords = map[string]bool{
	"Pro": true, "Max": true, "Ultra": true, "Plus": true, "Mini": true, "Lite": true, "Air": true, "Series": true,
	"Turbo": true, "Flash": true, "Nano": true, "XL": true, "Fold": true, "Flip": true, "X": true, "S": true,
	"Medium": true, "Large": true, "Small": true, "Opus": true, "Sonnet": true, "Haiku": true, "Instruct": true, "Edge": true, "FE": true, "Neo": true, "Slim": true,
}

// units stop a number from being a version ("H20 15 Prozent").
var units = map[string]bool{
	"prozent": true, "%": true, "euro": true, "dollar": true, "millionen": true, "milliarden": true, "mrd.": true,
	"mio.": true, "gb": true, "tb": true, "jahre": true, "jahren": true, "stück": true, "tage": true, "tagen": true,
	"wochen": true, "monate": true, "monaten": true, "mal": true, "prozentpunkte": true, "yuan": true, "nm": true,
	"watt": true, "mm": true, "zoll": true, "uhr": true,
}

// extendVersion extends a product over its version and model words
// ("PlayStation 5", "Pixel 10 Pro", "DeepSeek-V3.2", "Xbox Series X").
func (r *Recognizer) extendVersion(text string, c cand, toks []german.Token) cand {
	if c.end != toks[c.tokE-1].End {
		return c
	}
	j := c.tokE
	end := c.end
	for j < len(toks) && j-c.tokE < 4 {
		t := toks[j]
		switch {
		case t.Text == "." && t.Start == end && j+1 < len(toks) && toks[j+1].Start == t.End && toks[j+1].Kind == german.Number:
			end = toks[j+1].End
			j += 2
			continue
		case t.Kind == german.Number && len(t.Text) <= 4 && !strings.ContainsAny(t.Text, ",") &&
			!(j+1 < len(toks) && units[german.Lower(toks[j+1].Text)]) && !(len(t.Text) == 4 && t.Text[0] == '2'):
		case modelWords[t.Text]:
		case t.Kind == german.Word && len(t.Text) <= 5 && hasDigit(t.Text) && (isUpperRune(firstRune(t.Text)) || hasUpperAfterFirst(t.Text)):
		default:
			j = len(toks) + 1
			continue
		}
		end = t.End
		j++
	}
	if end == c.end {
		return c
	}
	// find the token index that ends at end
	k := c.tokE
	for k < len(toks) && toks[k].End <= end {
		k++
	}
	// the id: base id plus the words of the full name the base id lacks
	// ("google-pixel" + "Pixel 10 Pro" -> "google-pixel-10-pro")
	words := strings.Split(slug(text[c.start:end]), "-")
	base := "-" + c.key + "-"
	for len(words) > 1 && strings.Contains(base, "-"+words[0]+"-") {
		words = words[1:]
	}
	c.parent = c.key
	c.key = c.key + "-" + strings.Join(words, "-")
	c.name = text[c.start:end]
	c.entry = -1
	c.end, c.form[1], c.tokE = end, end, k
	return c
}
