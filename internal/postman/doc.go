// Package postman is gen-postman's one model of Postman's file formats: the v2.1.0 collection
// (built on github.com/rbretecher/go-postman-collection, plus the collection-level auth, scripts
// and variables its v0.1.0 lacks) and the environment file. The same types write what package
// generate produces and read what package verify checks, including hand-made collections that
// hold auth in the v2.0 object form. The names of auth keys and of the variables gen-postman
// uses are constants here, shared by the writers, the readers and the scripts' settings.
package postman
