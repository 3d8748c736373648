// Package network is the one place gen-postman speaks HTTP from: the rule every URL it sends a
// request to must pass ([URLPolicy]: its zero value, as [ParseHTTPURL] applies it, allows plain
// http to loopback alone, and only the user's --allow-http widens it), the client that holds
// it to the connection ([NewClient]), bounded reads ([ReadCapped]), and the public documents of
// a run ([Documents]): discovery metadata ([Discover], [Fetcher.Metadata]) and key sets
// ([Fetcher.KeySet]), each fetched once per run and kept across runs in a disk cache as long
// as their server allows. Whatever a server says passes a [redact.Redactor] before it is shown.
package network
