// Package baseline records, inside a collection, what gen-postman generated for each operation,
// so that a later update can tell the user's edits from the values an older document gave.
//
// A request is seen as parts ([Parts]): its name, its method and path, its description, its
// auth, its body, and each query parameter, header and path variable. The record keeps a hash
// of each part's value as generated, and of the code of the collection's test script (its text
// without its tables), and nothing else: no text of the document, so it can
// neither carry a {{variable}} nor grow with the descriptions. It is stored in a collection
// variable ([VarName]), and each request carries an id derived from its operation ([ItemID]);
// both survive a load and toJSON of Postman's collection SDK, on which the app is built.
package baseline
