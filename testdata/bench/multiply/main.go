// Command multiply writes a JSON OpenAPI document with n copies of another's paths:
//
//	go run ./testdata/bench/multiply -n 16 IN.json > OUT.json
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/gen-postman/gen-postman/internal/benchdoc"
)

func main() {
	n := flag.Int("n", 2, "how many copies of the paths")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: multiply -n N IN.json > OUT.json")
		os.Exit(2)
	}
	data, err := os.ReadFile(flag.Arg(0))
	if err == nil {
		data, err = benchdoc.Multiply(data, *n)
	}
	if err == nil {
		_, err = os.Stdout.Write(data)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "multiply:", err)
		os.Exit(1)
	}
}
