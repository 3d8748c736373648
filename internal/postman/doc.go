// Package postman is gen-postman's one model of Postman's file formats: the collection, v2.1.0
// as written and v2.1.0 or v2.0.0 as read, and the environment file.
//
// A [Collection] keeps every member of the file it was read from, in order and with its text
// ([Object]); its items are [Node]s, folders or requests, kept the same way. Typed views decode
// what gen-postman reads (auth, requests, variables, scripts) on demand, with the values of
// github.com/rbretecher/go-postman-collection, and setters change one member and leave the
// rest, so that [Encode] writes back all that was read. Package generate builds its
// collections through the same type.
//
// The names of auth keys and of the variables gen-postman uses are constants here, shared by
// the writers, the readers and the scripts' settings. Package tokenrequest reads the token
// request a collection makes.
package postman
