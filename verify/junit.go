package verify

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// JUnit XML, in the shape the common JUnit schema gives and CI systems (GitLab, Jenkins, Azure
// DevOps, GitHub's test reporters) read: testsuites, one testsuite, one testcase per check.

// junitSuites is the document's root.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

// junitSuite is one run of verify.
type junitSuite struct {
	Name      string      `xml:"name,attr"`
	Tests     int         `xml:"tests,attr"`
	Failures  int         `xml:"failures,attr"`
	Errors    int         `xml:"errors,attr"`
	Skipped   int         `xml:"skipped,attr"`
	Cases     []junitCase `xml:"testcase"`
	SystemOut string      `xml:"system-out,omitempty"`
}

// junitCase is one check.
type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitMessage `xml:"failure"`
	Skipped   *junitMessage `xml:"skipped"`
	SystemOut string        `xml:"system-out,omitempty"`
}

// junitMessage is a failure or a skip: its message, and its type for a failure.
type junitMessage struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Text    string `xml:",chardata"`
}

// junitClassname groups verify's checks in a CI system's test list.
const junitClassname = "gen-postman.verify"

// WriteJUnit writes the report as JUnit XML: one test case per check, a failed check as a
// failure, a skipped one as skipped, a warning as a pass with its detail in system-out. The
// suite's system-out holds the token endpoint, the hints and the summary line. The token is
// never written, even when Options.ShowToken put it in the report.
func (r *Report) WriteJUnit(w io.Writer) error {
	suite := junitSuite{Name: "gen-postman verify " + r.TokenURL}
	for _, c := range r.Checks {
		tc := junitCase{Name: c.Name, Classname: junitClassname}
		switch c.Status {
		case StatusFail:
			tc.Failure = &junitMessage{Message: c.Detail, Type: "fail", Text: c.Detail}
			suite.Failures++
		case StatusSkip:
			tc.Skipped = &junitMessage{Message: c.Detail}
			suite.Skipped++
		case StatusWarn:
			tc.SystemOut = "warning: " + c.Detail
		default:
			tc.SystemOut = c.Detail
		}
		suite.Cases = append(suite.Cases, tc)
	}
	suite.Tests = len(suite.Cases)
	var out strings.Builder
	fmt.Fprintf(&out, "Token endpoint: %s\n", r.TokenURL)
	for _, h := range r.Hints {
		fmt.Fprintf(&out, "Hint: %s\n", h)
	}
	out.WriteString(r.summary() + "\n")
	suite.SystemOut = out.String()
	doc := junitSuites{
		Name: "gen-postman verify", Tests: suite.Tests, Failures: suite.Failures, Skipped: suite.Skipped,
		Suites: []junitSuite{suite},
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("encoding the JUnit report: %w", err)
	}
	b.WriteByte('\n')
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("writing the JUnit report: %w", err)
	}
	return nil
}
