package verify

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// statusMarks are the Markdown summary's words for each status.
var statusMarks = map[Status]string{
	StatusPass: "✅ pass",
	StatusFail: "❌ fail",
	StatusWarn: "⚠️ warn",
	StatusSkip: "⏭️ skip",
}

// WriteMarkdown writes the report as a Markdown section for a CI job's page (GitHub Actions'
// $GITHUB_STEP_SUMMARY): a heading with the verdict, the token endpoint, a table of the checks,
// and the hints. The token is never written.
func (r *Report) WriteMarkdown(w io.Writer) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "### gen-postman verify\n\n%s\n\nToken endpoint: %s\n\n", markdownCell(r.summary()), markdownCode(r.TokenURL))
	b.WriteString("| check | status | detail |\n| --- | --- | --- |\n")
	for _, c := range r.Checks {
		fmt.Fprintf(&b, "| %s | %s | %s |\n", markdownCode(c.Name), statusMarks[c.Status], markdownCell(c.Detail))
	}
	if len(r.Hints) > 0 {
		b.WriteString("\nHints:\n\n")
		for _, h := range r.Hints {
			fmt.Fprintf(&b, "- %s\n", markdownCell(h))
		}
	}
	b.WriteString("\n")
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("writing the Markdown summary: %w", err)
	}
	return nil
}

// markdownEscaper keeps a server's text from closing a table cell, starting markup or HTML.
var markdownEscaper = strings.NewReplacer(
	"|", `\|`, "\\", `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "<", "&lt;", ">", "&gt;",
	"[", `\[`, "]", `\]`, "\r\n", " ", "\n", " ", "\r", " ",
)

// markdownCell is text as it reads in one line of Markdown: one table cell or list item.
func markdownCell(s string) string { return markdownEscaper.Replace(s) }

// markdownCode is a name or URL as code, on one line; backticks inside are dropped.
func markdownCode(s string) string {
	s = strings.NewReplacer("`", "", "\r", " ", "\n", " ", "|", "%7C").Replace(s)
	if s == "" {
		return ""
	}
	return "`" + s + "`"
}
