// Command gen-postman writes Postman collections preconfigured for OAuth 2.0 client credentials
// and verifies the tokens they get.
package main

import (
	"context"
	"os"
)

func main() {
	ctx, stop := interruptContext(context.Background())
	code := run(ctx, os.Args, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
