// Package update brings a newer API document into a collection the user has edited: a
// three-way merge, request part by request part, of the collection as it is, the collection
// gen-postman generates from the newer document, and the record of what it generated last
// (package baseline). A part the user left as generated takes the document's change; a part
// the user edited stays theirs, and when the document changed it too, the change is reported as
// a conflict. Requests of operations new to the document are added in their tag's folder;
// requests of operations gone from it are removed when untouched and kept and reported when
// edited. The tables of the collection's test script (ids from answers, contract tests) become
// the newer document's, for the requests the collection holds, when the script is gen-postman's
// own but for them. Everything else of the collection (scripts, saved responses, the user's own
// requests and folders, unknown members, the order) is kept as it was.
package update
