package openapi

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"unicode/utf8"

	"github.com/pb33f/libopenapi/datamodel"
	v3 "github.com/pb33f/libopenapi/datamodel/high/v3"
	v3low "github.com/pb33f/libopenapi/datamodel/low/v3"
)

// Parse reads an OpenAPI document, JSON or YAML, and returns its request
// model. It does not validate the document; see the package documentation for
// the rules it follows.
func Parse(data []byte, opts Options) (*Document, error) {
	limit := opts.MaxSize
	if limit <= 0 {
		limit = DefaultMaxSize
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("reading %d bytes, limit %d: %w", len(data), limit, ErrTooLarge)
	}
	if opts.Tenant != "" && !validHost(opts.Tenant) {
		return nil, fmt.Errorf("tenant %q: %w", opts.Tenant, ErrInvalidTenant)
	}
	if err := checkNesting(data); err != nil {
		return nil, err
	}
	pruned, cut := cutResponses(data)
	// What pruneResponses cuts is the operations' responses: the components of pruned are those
	// of data, as written, and the answers read theirs there.
	components := indexComponents(pruned)
	var read func() (*answers, error)
	// The answers are read from the text while the library builds the model of the rest; without
	// contract tests, only their links, and only when the document may have some.
	if !opts.NoContracts || mayLink(data) {
		read = readAnswersAside(data, pruned, cut, components, !opts.NoContracts)
	}
	return buildWith(pruneIndexedComponents(pruned, components), opts, read)
}

// build reads a document whose parts gen-postman does not read are pruned, and converts it.
func build(data []byte, opts Options) (*Document, error) {
	return buildWith(data, opts, nil)
}

// buildWith is build with the operations' answers, which read returns (nil: none). A document
// whose answers cannot be read is still converted: its requests have no contract tests, and a
// warning says why.
func buildWith(data []byte, opts Options, read func() (*answers, error)) (*Document, error) {
	model, warnings, err := load(data)
	var found *answers
	if read != nil {
		var readErr error
		if found, readErr = read(); readErr != nil && err == nil {
			warnings = append(warnings, "no contract tests: "+readErr.Error())
		}
	}
	if err != nil {
		return nil, err
	}
	if found != nil {
		warnings = append(warnings, found.warnings...)
	}
	doc, err := convert(model, opts, found)
	if err != nil {
		return nil, err
	}
	doc.Warnings = append(warnings, doc.Warnings...)
	return doc, nil
}

// readAnswersAside starts reading the answers of data's operations, and returns what waits for
// them. A panic while reading them is an error, not a crash: the text is untrusted.
func readAnswersAside(data, pruned []byte, cut *responsesCut, components componentIndex, schemas bool) func() (*answers, error) {
	done := make(chan struct{})
	var found *answers
	var err error
	go func() {
		defer close(done)
		defer func() {
			if r := recover(); r != nil {
				found, err = nil, fmt.Errorf("reading the answers: %v", r)
			}
		}()
		found, err = readAnswers(data, pruned, cut, components, schemas)
	}()
	return func() (*answers, error) {
		<-done
		return found, err
	}
}

// load builds libopenapi's model, and says what it read differently from the
// document. Errors the library reports next to a model (circular references,
// components that fail to build) are not a gate: the model is used. A local
// $ref that points at nothing reads as an empty schema, with a warning; a
// Swagger 2.0 document is read as the OpenAPI 3.0 document it describes.
func load(data []byte) (_ *v3.Document, warnings []string, err error) {
	// The library is large and reads untrusted input; a panic inside it is
	// a refusal of the document, not a crash of the caller.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("reading document: %v: %w", r, ErrNotOpenAPI)
			warnings = nil
		}
	}()
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, fmt.Errorf("reading empty input: %w", ErrNotOpenAPI)
	}
	if !utf8.Valid(data) {
		return nil, nil, fmt.Errorf("reading document: not UTF-8 text (a binary file?): %w", ErrNotOpenAPI)
	}
	cfg := datamodel.NewDocumentConfiguration()
	cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	cfg.AllowFileReferences = false
	cfg.AllowRemoteReferences = false
	cfg.SkipExternalRefResolution = true
	// What gen-postman does not read: the JSON copy of the document and its eager checks, and
	// the index's diagnostic metadata. The circular reference check stays: without it, a $ref
	// cycle overflows the library's stack.
	cfg.SkipJSONConversion = true
	cfg.SkipMetadataCollection = true
	cfg.ExcludeExtensionRefs = true
	if line := secondDocument(data); line > 0 {
		return nil, nil, fmt.Errorf("reading document: a second YAML document starts at line %d (---), which would be dropped: give one document: %w", line, ErrNotOpenAPI)
	}
	info, err := readSpecInfo(data, cfg)
	if err != nil && strings.Contains(err.Error(), "spec type not supported") {
		return nil, nil, fmt.Errorf(`reading document: no "openapi" or "swagger" field at its top level names a version: %w`, ErrNotOpenAPI)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("reading document: %v: %w", firstLine(err), ErrNotOpenAPI)
	}
	if info != nil {
		if err := checkDuplicateKeys(info.RootNode); err != nil {
			return nil, nil, fmt.Errorf("reading document: %w", err)
		}
		// The tree is read; the library reads the text again only to count its lines, which
		// gen-postman never asks. Without it, the text can be collected while the model is built.
		info.SpecBytes = new([]byte)
	}
	switch {
	case info == nil:
		return nil, nil, fmt.Errorf("reading document: %w", ErrNotOpenAPI)
	case info.SpecFormat == datamodel.OAS2 && strings.TrimSpace(info.Version) == "2.0":
		return loadSwagger2(info)
	case info.SpecFormat == datamodel.OAS2:
		return nil, nil, fmt.Errorf("reading swagger %q: %w", info.Version, ErrUnsupportedVersion)
	case info.SpecFormat != datamodel.OAS3 && info.SpecFormat != datamodel.OAS31 && info.SpecFormat != datamodel.OAS32:
		return nil, nil, fmt.Errorf("reading version %q: %w", info.Version, ErrUnsupportedVersion)
	}
	return buildV3(info, cfg)
}

// buildV3 builds the model of an OpenAPI 3 document as libopenapi's BuildV3Model does, but
// does not give up over a $ref that points at nothing, where BuildV3Model returns no model
// (or a model whose schema holding the $ref is missing): each such $ref is dropped from the
// document's tree, which leaves the schema that held it empty (any value), and the model is
// built again. Documents whose $refs all resolve are built once.
func buildV3(info *datamodel.SpecInfo, cfg *datamodel.DocumentConfiguration) (*v3.Document, []string, error) {
	refuse := func(err error) error {
		if err == nil {
			err = errors.New("no model")
		}
		return fmt.Errorf("building openapi %q model: %v: %w", info.Version, firstLine(err), ErrNotOpenAPI)
	}
	low, err := v3low.CreateDocumentFromConfig(info, cfg)
	if low == nil {
		return nil, nil, refuse(err)
	}
	var warnings []string
	if dangling, fatal := danglingRefs(err); len(dangling) > 0 {
		warnings = dropRefs(info.RootNode, dangling)
		switch {
		case len(warnings) > 0:
			low, err = v3low.CreateDocumentFromConfig(info, cfg)
			if _, fatal := danglingRefs(err); low == nil || fatal {
				return nil, nil, refuse(err)
			}
		case fatal:
			return nil, nil, refuse(err)
		}
	}
	high := v3.NewDocument(low)
	high.Rolodex = low.Index.GetRolodex()
	return high, warnings, nil
}

// firstLine keeps an error message to its first line, as joined errors from
// the library can run to thousands of lines.
func firstLine(err error) string {
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] + " (and more)"
	}
	if len(s) > 300 {
		s = s[:300] + "..."
	}
	return s
}

// maxNesting bounds how deeply arrays and objects nest in a JSON document.
// Real documents stay under 40; the YAML reader recurses once per level.
const maxNesting = 1000

// checkNesting refuses JSON nested deeper than maxNesting before any parser
// sees it. YAML input is left to the YAML reader's own depth limit.
func checkNesting(data []byte) error {
	depth, inString, escaped := 0, false, false
	for _, c := range data {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '[' || c == '{':
			depth++
			if depth > maxNesting {
				return fmt.Errorf("reading document nested deeper than %d levels: %w", maxNesting, ErrNotOpenAPI)
			}
		case c == ']' || c == '}':
			depth--
		}
	}
	return nil
}
