package main

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/gen-postman/gen-postman/internal/atomicfile"
	"github.com/gen-postman/gen-postman/verify"
)

// envStepSummary is the file GitHub Actions shows on a job's page; verify appends its summary
// there when it is set.
const envStepSummary = "GITHUB_STEP_SUMMARY"

// checkJUnitPath refuses a --junit path that can never be written (a directory, a device, a
// file verify reads) before verify sends anything.
func checkJUnitPath(path string, reads []readFile) error {
	if path == "" {
		return nil
	}
	t, err := resolveTarget(outputFile{flag: "junit", path: path})
	if err != nil {
		return err
	}
	return notRead(t, reads)
}

// writeCIOutputs writes what a CI system reads besides the exit status: the JUnit XML file that
// --junit names, written whole or not at all, and a Markdown summary appended to
// $GITHUB_STEP_SUMMARY when it is set. A summary that cannot be appended is warned of: the
// verdict, not the job page, is what the run is for.
func writeCIOutputs(report *verify.Report, junitPath string, reads []readFile, stderr io.Writer) error {
	if junitPath != "" {
		var b bytes.Buffer
		if err := report.WriteJUnit(&b); err != nil {
			return err
		}
		if err := writeFiles([]outputFile{{flag: "junit", path: junitPath, data: b.Bytes(), mode: 0o644}}, reads); err != nil {
			return err
		}
	}
	if path := os.Getenv(envStepSummary); path != "" {
		if err := appendSummary(path, report); err != nil {
			warn(stderr, []string{fmt.Sprintf("%s: %v", envStepSummary, err)})
		}
	}
	return nil
}

// appendSummary appends the report's Markdown summary to the file at path in one write.
func appendSummary(path string, report *verify.Report) error {
	var b bytes.Buffer
	if err := report.WriteMarkdown(&b); err != nil {
		return err
	}
	// As every output: never through a link or onto a file another user planted.
	if err := atomicfile.CheckPath(path); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(b.Bytes()); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
